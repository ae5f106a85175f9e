"""
The headless API, mounted at /api/v2/ outside the language prefix: Wagtail's
router for pages, images and documents (and articles), section endpoints
beside it, and the OpenAPI schema and documentation generated from them all.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import include, path
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter

from articles.api import ArticlesAPIViewSet
from events.api import EventsAPIView
from headless.api import NetworkPagesAPIViewSet, PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from headless.preview import PreviewAPIView
from headless.schema import openapi_schema
from home.parameters import DeclaredParametersMixin, Parameters
from members.api import MapAPIView, MembersAPIView
from search.api import AutocompleteAPIView, SearchAPIView, SearchEndpoint
from translation_workflow.api import TranslationStatusAPIView

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NetworkPagesAPIViewSet)
api_router.register_endpoint("articles", ArticlesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    tag: str
    parameters: object  # the Parameters the endpoint's view declares
    description: str = ""
    staff_only: bool = False
    response_schema: dict | None = None

    @property
    def operation_id(self):
        return self.path.strip("/").replace("/", "_").replace("{", "").replace("}", "").replace("-", "_") or "root"


ENDPOINTS = [
    Endpoint(
        "/pages/",
        "List pages",
        "pages",
        NetworkPagesAPIViewSet.parameters,
        "Live, public pages in every language. Each item has `alternates`: its live translations.",
    ),
    Endpoint("/pages/{id}/", "One page", "pages", NetworkPagesAPIViewSet.detail_parameters),
    Endpoint(
        "/pages/find/",
        "Find a page by its address",
        "pages",
        NetworkPagesAPIViewSet.find_parameters,
        "Redirects to the page's detail URL.",
    ),
    Endpoint("/articles/", "List In Focus articles", "articles", ArticlesAPIViewSet.parameters),
    Endpoint("/articles/{id}/", "One article", "articles", ArticlesAPIViewSet.detail_parameters),
    Endpoint(
        "/events/",
        "Event occurrences in a window",
        "events",
        EventsAPIView.parameters,
        "Recurring events are expanded; cancelled and moved occurrences are marked.",
    ),
    Endpoint("/members/", "Listed members' public profiles", "members", MembersAPIView.parameters),
    Endpoint("/map/", "Listed members per country", "members", MapAPIView.parameters),
    Endpoint("/images/", "Images used by public content", "media", PublicImagesAPIViewSet.parameters),
    Endpoint("/images/{id}/", "One image", "media", PublicImagesAPIViewSet.detail_parameters),
    Endpoint("/documents/", "Documents used by public content", "media", PublicDocumentsAPIViewSet.parameters),
    Endpoint("/documents/{id}/", "One document", "media", PublicDocumentsAPIViewSet.detail_parameters),
    Endpoint("/search/", "Search in one language or all", "search", SearchAPIView.parameters),
    Endpoint("/search/autocomplete/", "Title suggestions", "search", AutocompleteAPIView.parameters),
    Endpoint(
        "/translation-status/",
        "Translation state of every page and snippet",
        "translation",
        TranslationStatusAPIView.parameters,
        "For staff users only.",
        staff_only=True,
    ),
    Endpoint(
        "/preview/",
        "A draft being previewed",
        "preview",
        PreviewAPIView.parameters,
        "For headless front ends. An expired token gets 410 Gone; a bad one, 400.",
    ),
]


class SchemaAPIView(DeclaredParametersMixin, APIView):
    """The OpenAPI schema, in JSON whatever the client accepts; it takes no parameters."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]
    parameters = Parameters()

    def get(self, request):
        return Response(openapi_schema(ENDPOINTS, request.build_absolute_uri("/")))


def docs_view(request):
    return render(request, "api/docs.html", {"schema_url": "/api/v2/schema/"})


urlpatterns = [
    path("schema/", SchemaAPIView.as_view(), name="api_schema"),
    path("docs/", docs_view, name="api_docs"),
    path("search/", include((SearchEndpoint.get_urlpatterns(), "search"), namespace="search_api")),
    path("translation-status/", TranslationStatusAPIView.as_view(), name="translation_status"),
    path("events/", EventsAPIView.as_view(), name="events_api"),
    path("members/", MembersAPIView.as_view(), name="members_api"),
    path("map/", MapAPIView.as_view(), name="map_api"),
    path("preview/", api_router.wrap_view(PreviewAPIView.as_view({"get": "preview_view"})), name="preview_api"),
    path("", api_router.urls),
]
