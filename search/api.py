"""
/api/v2/search/ and /api/v2/search/autocomplete/: the site search for API
clients, with the same languages, facets and highlighting as the search page.
"""

from django.conf import settings
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from home.parameters import FORMAT, DeclaredParametersMixin, Integer, language

from . import params as search_params
from . import query as site_search

MAX_PER_PAGE = 50
LOCALE = language("locale", "Language to search in.", default=settings.LANGUAGE_CODE)


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


class SearchAPIView(DeclaredParametersMixin, APIView):
    """Full-text search in one language (?locale=) or all (?languages=all)."""

    parameters = search_params.PARAMETERS + [
        LOCALE,
        Integer("per_page", "Results per page.", minimum=1, maximum=MAX_PER_PAGE, default=site_search.PER_PAGE),
        FORMAT,
    ]

    def get(self, request):
        locale, per_page = self.params["locale"], self.params["per_page"]
        options = search_params.options(self.params)
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


class AutocompleteAPIView(DeclaredParametersMixin, APIView):
    parameters = search_params.PARAMETERS.only("q") + [LOCALE, FORMAT]

    def get(self, request):
        return Response({"results": site_search.autocomplete(self.params["q"] or "", self.params["locale"])})


class SearchEndpoint:
    """Plugs the search views into Wagtail's API router."""

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", SearchAPIView.as_view(), name="search"),
            path("autocomplete/", AutocompleteAPIView.as_view(), name="autocomplete"),
        ]
