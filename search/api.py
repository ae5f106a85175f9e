"""
/api/v2/search/ and /api/v2/search/autocomplete/: the site search for API
clients, with the same languages, facets and highlighting as the search page.
"""

from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView

from . import params as search_params
from . import query as site_search

MAX_PER_PAGE = 50


def error(message, parameter=None, status=400):
    body = {"message": message}
    if parameter:
        body["parameter"] = parameter
    return Response(body, status=status)


def read_locale(request):
    locale = request.query_params.get("locale", "en")
    if locale not in search_params.languages():
        raise search_params.InvalidParameter(
            "locale", _("locale must be one of: %(codes)s.") % {"codes": ", ".join(search_params.languages())}
        )
    return locale


def read_per_page(request):
    value = request.query_params.get("per_page", str(site_search.PER_PAGE))
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_PER_PAGE:
        raise search_params.InvalidParameter(
            "per_page", _("per_page must be a whole number from 1 to %(max)s.") % {"max": MAX_PER_PAGE}
        )
    return int(value)


def hit_json(hit):
    return {
        "title": hit.title,
        "url": hit.url,
        "type": hit.kind,
        "locale": hit.locale,
        "highlight": str(hit.highlight),
        "title_highlight": str(hit.title_highlight or ""),
        "summary": hit.summary,
        "score": round(hit.score, 4),
        "date": hit.date,
        "promoted": hit.promoted,
        **({"next_occurrence": hit.extra.get("next_occurrence")} if hit.kind == "event" else {}),
    }


class SearchAPIView(APIView):
    """Full-text search in one language (?locale=) or all (?languages=all)."""

    known_query_parameters = frozenset(
        {"q", "locale", "type", "topic", "country", "year", "page", "per_page", "languages", "format"}
    )

    def get(self, request):
        unknown = set(request.query_params) - self.known_query_parameters
        if unknown:
            return error(
                _("Unknown parameter(s): %(names)s.") % {"names": ", ".join(sorted(unknown))}, sorted(unknown)[0]
            )
        try:
            locale = read_locale(request)
            per_page = read_per_page(request)
            options = search_params.read(request.query_params, strict=True)
        except search_params.InvalidParameter as invalid:
            return error(invalid.message, invalid.name)
        result = site_search.search(
            options["q"], locale, options["filters"], options["page"], per_page, options["all_languages"]
        )
        return Response(
            {
                "query": result.query,
                "language": result.language,
                "all_languages": options["all_languages"],
                "total": result.total,
                "page": result.page,
                "per_page": result.per_page,
                "backend": result.backend,
                "notice": result.notice,
                "suggestion": result.suggestion,
                "promotions": [hit_json(hit) for hit in result.promotions],
                "results": [hit_json(hit) for hit in result.hits],
                "facets": {
                    search_params.FACET_PARAMETERS[name]: [
                        {"value": f.value, "label": f.label, "count": f.count, "selected": f.selected} for f in facets
                    ]
                    for name, facets in result.facets.items()
                },
            }
        )


class AutocompleteAPIView(APIView):
    def get(self, request):
        try:
            locale = read_locale(request)
        except search_params.InvalidParameter as invalid:
            return error(invalid.message, invalid.name)
        return Response({"results": site_search.autocomplete(request.query_params.get("q", ""), locale)})


class SearchEndpoint:
    """Plugs the search views into Wagtail's API router."""

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", SearchAPIView.as_view(), name="search"),
            path("autocomplete/", AutocompleteAPIView.as_view(), name="autocomplete"),
        ]
