"""
The headless API, mounted at /api/v2/ outside the language prefix: Wagtail's
router for pages, images and documents (and articles), section endpoints
beside it, and the OpenAPI schema and documentation generated from them all.
"""

from dataclasses import dataclass

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter

from articles.api import ArticlesAPIViewSet
from events.api import EventsAPIView
from headless.api import (
    NetworkPagesAPIViewSet,
    Parameter,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
)
from headless.preview import PreviewAPIView
from headless.schema import openapi_schema
from members.api import MapAPIView, MembersAPIView
from search.api import SearchEndpoint
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
    parameters: list
    description: str = ""
    staff_only: bool = False
    response_schema: dict | None = None

    @property
    def operation_id(self):
        return self.path.strip("/").replace("/", "_").replace("{", "").replace("}", "").replace("-", "_") or "root"


DETAIL_PARAMETERS = [Parameter("fields", "Fields to include.")]
SEARCH_PARAMETERS = [
    Parameter("q", "What to search for (any text; at most 200 characters are used).", {"type": "string"}),
    Parameter(
        "locale", "Language to search in.", {"type": "string", "enum": ["ar", "en", "es", "fr", "ru", "zh-hans"]}
    ),
    Parameter("type", "Only this kind of result.", {"type": "string", "enum": ["article", "event", "member", "page"]}),
    Parameter("topic", "Topic slug.", {"type": "string", "pattern": r"^[-\w]{1,100}$"}),
    Parameter("country", "ISO 3166 alpha-2 code.", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
    Parameter("year", "Year.", {"type": "integer", "minimum": 1900, "maximum": 2100}),
    Parameter("page", "Result page.", {"type": "integer", "minimum": 1, "maximum": 100}),
    Parameter("per_page", "Results per page.", {"type": "integer", "minimum": 1, "maximum": 50}),
    Parameter("languages", "all: search every language.", {"type": "string", "enum": ["all"]}),
]

ENDPOINTS = [
    Endpoint(
        "/pages/",
        "List pages",
        "pages",
        NetworkPagesAPIViewSet.parameters,
        "Live, public pages in every language. Each item has `alternates`: its live translations.",
    ),
    Endpoint("/pages/{id}/", "One page", "pages", DETAIL_PARAMETERS),
    Endpoint(
        "/pages/find/",
        "Find a page by its address",
        "pages",
        [Parameter("html_path", "Path with its language prefix, e.g. /fr/in-focus/.", {"type": "string"})],
        "Redirects to the page's detail URL.",
    ),
    Endpoint("/articles/", "List In Focus articles", "articles", ArticlesAPIViewSet.parameters),
    Endpoint("/articles/{id}/", "One article", "articles", DETAIL_PARAMETERS),
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
    Endpoint("/images/{id}/", "One image", "media", DETAIL_PARAMETERS),
    Endpoint("/documents/", "Documents used by public content", "media", PublicDocumentsAPIViewSet.parameters),
    Endpoint("/documents/{id}/", "One document", "media", DETAIL_PARAMETERS),
    Endpoint("/search/", "Search in one language or all", "search", SEARCH_PARAMETERS),
    Endpoint("/search/autocomplete/", "Title suggestions", "search", SEARCH_PARAMETERS[:2]),
    Endpoint(
        "/translation-status/",
        "Translation state of every page and snippet",
        "translation",
        [
            Parameter("section", "Id of a top-level page.", {"type": "integer"}),
            Parameter("language", "One language.", {"type": "string", "enum": ["ar", "es", "fr", "ru", "zh-hans"]}),
            Parameter("kind", "page or snippet.", {"type": "string", "enum": ["page", "snippet"]}),
        ],
        "For staff users only.",
        staff_only=True,
    ),
    Endpoint(
        "/preview/",
        "A draft being previewed",
        "preview",
        [Parameter("token", "The signed token the preview link carries.", {"type": "string"})],
        "For headless front ends. An expired token gets 410 Gone; a bad one, 400.",
    ),
]


def schema_view(request):
    return JsonResponse(openapi_schema(ENDPOINTS, request.build_absolute_uri("/")), json_dumps_params={"indent": 2})


def docs_view(request):
    return render(request, "api/docs.html", {"schema_url": "/api/v2/schema/"})


urlpatterns = [
    path("schema/", schema_view, name="api_schema"),
    path("docs/", docs_view, name="api_docs"),
    path("search/", include((SearchEndpoint.get_urlpatterns(), "search"), namespace="search_api")),
    path("translation-status/", TranslationStatusAPIView.as_view(), name="translation_status"),
    path("events/", EventsAPIView.as_view(), name="events_api"),
    path("members/", MembersAPIView.as_view(), name="members_api"),
    path("map/", MapAPIView.as_view(), name="map_api"),
    path("preview/", api_router.wrap_view(PreviewAPIView.as_view()), name="preview_api"),
    path("", api_router.urls),
]
