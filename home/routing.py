"""
Page routing in a fixed number of queries. Wagtail's serve view finds a page
one level at a time (a query for each child and another for its specific
type); this finds every page on the path in one query and the specific page
at the end in another, whatever the depth, then hands the result to Wagtail's
own serve view (which reads it from the request), so hooks, view
restrictions and routable pages behave as they always do.
"""

from django.db.models import Q, Subquery
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from . import locales, page_cache
from .sites import find_site
from .visibility import behind_a_restriction

# Each language's home page per site root, remembered by the process and
# checked against the database in the same query that finds the path.
_homes = {}


def serve(request, path):
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for_request(request)
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)


def route_for_request(request, path):
    """Wagtail's Page.route_for_request: a RouteResult, or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    key = (site.root_page_id, locales.active().pk)
    home = _homes.get(key)
    pages = _pages_on_the_way(home, components) if home else None
    if pages is None or pages.get(home.url_path, Page()).pk != home.pk:
        home = _homes[key] = _find_home(site)
        if home is None:
            return None
        pages = _pages_on_the_way(home, components)
    request.home_page = home
    page, parent, depth = pages[home.url_path], None, 0
    on_the_way = [page]
    while depth < len(components) and not _intercepts(page, components[depth:]):
        child = pages.get(_url_path(home, components[: depth + 1]))
        if child is None:
            break
        page, parent, depth = child, page, depth + 1
        on_the_way.append(page)
    specific = _specific(page)
    if parent is not None:
        specific._cached_parent_obj = parent
    # The query that found the path also said whether a view restriction
    # covers the page; an alias takes its source's restrictions, so
    # Wagtail's own lookup is left to answer for a path through one.
    if not page.behind_a_restriction and home.depth <= 2 and not any(p.alias_of_id for p in on_the_way):
        specific.known_unrestricted = True
    try:
        return specific.route(request, components[depth:])
    except Http404:
        return None


def site_for_request(request):
    """
    Wagtail's Site.find_for_request, kept in the shared cache: sites change
    only when an administrator edits them (which purges the "sites" tag, see
    home.signals). Worked out in one query with Wagtail's site root paths
    (home.sites).
    """
    host = request._get_raw_host()
    return page_cache.remembered(f"site:{host}:{request.get_port()}", lambda: _find_site(request))


def _find_site(request):
    page_cache.depends_on("sites")
    return find_site(request)


def _find_home(site):
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
    return (
        Page.objects.filter(translation_key=Subquery(root_key), locale=locales.active()).first()
        or Page.objects.filter(pk=site.root_page_id).first()
    )


def _url_path(home, components):
    return home.url_path + "".join(f"{component}/" for component in components)


def _pages_on_the_way(home, components):
    """{url_path: page} for the home page and each page the path may pass through."""
    prefixes = [_url_path(home, components[: n + 1]) for n in range(len(components))]
    found = Page.objects.filter(
        Q(pk=home.pk) | Q(url_path__in=prefixes, path__startswith=home.path, depth__gt=home.depth)
    ).annotate(behind_a_restriction=behind_a_restriction())
    return {page.url_path: page for page in found}


def _specific(page):
    """The specific page, with what its template always shows (serve_select_related) in the same query."""
    model = page.specific_class
    if model is None:
        return page.specific
    related = getattr(model, "serve_select_related", ())
    return model._default_manager.filter(pk=page.pk).select_related(*related).first() or page.specific


def _intercepts(page, remaining):
    """Whether a routable page answers the rest of the path itself (RoutablePageMixin.route)."""
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin) or not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{component}/" for component in remaining))
    except Http404:
        return False
    return True
