from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns

BODY = ("<p>" + "x" * 78 + "</p>\n") * 100  # 8 kB, like a small page


def bare(request):
    return HttpResponse(BODY)


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
