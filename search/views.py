from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import params as search_params
from . import query as site_search


@require_GET
def search(request):
    language = translation.get_language()
    options = search_params.read(request.GET)
    response = site_search.search(
        options["q"], language, options["filters"], options["page"], all_languages=options["all_languages"]
    )
    if response.total and not response.hits and response.page > response.page_count:
        # A link past the last page (an old bookmark, or results gone since): the
        # last page, rather than "23 results" with none shown and no way back.
        response = site_search.search(
            options["q"], language, options["filters"], response.page_count, all_languages=options["all_languages"]
        )
    other_languages_total, other_languages_url = 0, None
    if response.query and not response.total and not options["all_languages"]:
        other_languages_total = site_search.total_in_all_languages(options["q"], language, options["filters"])
        if other_languages_total:
            query = request.GET.copy()
            query.pop("page", None)
            query["languages"] = "all"
            other_languages_url = f"?{query.urlencode()}"
    return render(
        request,
        "search/search.html",
        {
            "other_languages_total": other_languages_total,
            "other_languages_url": other_languages_url,
            "search": response,
            "query": response.query,
            "all_languages": options["all_languages"],
            "facet_groups": facet_groups(request, response),
            "popular_topics": site_search.popular_topics(language) if response.query and not response.total else [],
            "previous_url": page_url(request, response.page - 1) if response.page > 1 else None,
            "next_url": page_url(request, response.page + 1) if response.page < response.page_count else None,
        },
    )


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def facet_groups(request, response):
    """Each facet with a link that selects (or, when selected, clears) it."""
    titles = {"kind": _("Type"), "topics": _("Topic"), "country": _("Country"), "year": _("Year")}
    groups = []
    for name, facets in response.facets.items():
        if not facets:
            continue
        parameter = search_params.FACET_PARAMETERS[name]
        options = []
        for facet in facets:
            query = request.GET.copy()
            query.pop("page", None)
            if facet.selected:
                query.pop(parameter, None)
            else:
                query[parameter] = facet.value
            options.append({"facet": facet, "url": f"?{query.urlencode()}"})
        groups.append({"name": name, "title": titles[name], "options": options})
    return groups


@require_GET
@never_cache
def autocomplete(request):
    """Title suggestions as the reader types, for the search box."""
    return JsonResponse({"results": site_search.autocomplete(request.GET.get("q", ""), translation.get_language())})
