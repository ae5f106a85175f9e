from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csp import csp_override
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from events import views as event_views
from home import logins, routing
from home import views as home_views
from search import views as search_views

from . import api

handler400 = "home.errors.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.errors.server_error"

# The admin has a policy of its own (settings.ADMIN_CSP), set on each of its
# views with Django's own override decorator.
decorate_urlpatterns(wagtailadmin_urls.urlpatterns, csp_override(settings.ADMIN_CSP))
decorate_urlpatterns(wagtaildocs_urls.urlpatterns, home_views.without_guessed_encoding)

urlpatterns = [
    # Wagtail's password reset at its own address, limited per address and account.
    path(
        "admin/password_reset/",
        csp_override(settings.ADMIN_CSP)(logins.LimitedPasswordResetView.as_view()),
        name="home_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include(api)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    re_path(r"^(?P<path>(?:[\w\-]+/)*)(?P<name>feed|event)\.ics$", event_views.serve_ics, name="event_ics"),
    # Wagtail's page serving with routing in a fixed number of queries; Wagtail's
    # own pattern (below) still names page URLs.
    re_path(r"^(?!_util/)(?P<path>(?:[\w\-]+/)*)$", routing.serve, name="page"),
    # Wagtail's own view for a protected page's password, with wrong passwords limited.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        logins.authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
)
