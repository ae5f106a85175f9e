"""The headless API, mounted at /api/v2/ outside the language prefix."""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.translation.api import TranslationStatusAPIView
from search.api import SearchEndpoint

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

# Endpoints that are not listings of one model sit beside Wagtail's router.
urlpatterns = [
    path("search/", include((SearchEndpoint.get_urlpatterns(), "search"), namespace="search_api")),
    path("translation-status/", TranslationStatusAPIView.as_view(), name="translation_status"),
    path("", api_router.urls),
]
