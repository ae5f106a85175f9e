"""
Page routing in a fixed number of queries. Wagtail's serve view finds a page
one level at a time (a query for each child and another for its specific
type); this finds every page on the path in one query and the specific page
at the end in another, whatever the depth, then hands the result to Wagtail's
own serve view (which reads it from the request), so hooks, view
restrictions and routable pages behave as they always do.
"""

from functools import partial

from django.db.models import Q, Subquery
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from . import locales, page_cache
from .prepared import PreparedQuery
from .sites import find_site, root_paths, same_state, store_root_paths
from .sites import state as sites_state
from .visibility import behind_a_restriction

# Each language's home page per site root, remembered by the process and
# checked against the database in the same query that finds the path.
_homes = {}
# The site each host and port maps to, remembered by the process with the
# state of the sites table it was found in (home.sites.state), checked in
# that same query: a page not in the page cache reads no site.
_sites = {}
REMEMBERED_HOSTS = 100


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)


def route_for_request(request, path):
    """Wagtail's Page.route_for_request: a RouteResult, or None for a 404."""
    components = [component for component in path.split("/") if component]
    # Which site answers, and every address built from its root.
    page_cache.depends_on("sites")
    site, found = None, None
    for site in _sites_for(request):
        if site is None:
            continue
        found = _pages_and_home(site, components)
        if found is not None:
            _remember(request, site)
            break
    request._wagtail_site = site
    if found is None:
        return None
    home, pages = found
    request.home_page = home
    # The routing query read what Wagtail's site root paths are made of:
    # given to the request (Page._get_site_root_paths keeps them there), and
    # to the shared cache if it lacks them (page.url without a request reads
    # them there), as Wagtail would store them.
    paths = request._wagtail_cached_site_root_paths = root_paths(pages[home.url_path].sites_state)
    store_root_paths(paths)
    page, parent, depth = pages[home.url_path], None, 0
    on_the_way = [page]
    while depth < len(components) and not _intercepts(page, components[depth:]):
        child = pages.get(_url_path(home, components[: depth + 1]))
        if child is None:
            break
        page, parent, depth = child, page, depth + 1
        on_the_way.append(page)
    specific = _specific(page)
    # The same root paths for the page's own addresses asked without the
    # request (page.full_url in a template), instead of the shared cache's.
    specific._wagtail_cached_site_root_paths = paths
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


def _sites_for(request):
    """
    The site that may answer `request`: the one this process remembers for
    its host, else the one kept in the shared cache, else (a change whose
    purge has not reached the cache yet) the database's; None for no site.
    """
    host = (request._get_raw_host(), request.get_port())
    if host in _sites:
        yield _sites[host]
    yield site_for_request(request)
    yield find_site(request)


def _remember(request, site):
    # Host names come from the request: keep a bounded number.
    if len(_sites) >= REMEMBERED_HOSTS:
        _sites.clear()
    _sites[(request._get_raw_host(), request.get_port())] = site


def _pages_and_home(site, components):
    """
    (home page in the active language, {url_path: page} on the way) for
    `site`, or None when the sites table is no longer as it was when `site`
    was found (or the site has no home page).
    """
    key = (site.root_page_id, locales.active().pk)
    # A home page found when the sites (and their home pages' translations)
    # were as they are now: one translated since replaces a fallback.
    home, found_in = _homes.get(key, (None, None))
    if not same_state(found_in, getattr(site, "state", None)):
        home = None
    pages = _pages_on_the_way(home, components) if home else None
    if pages is None or pages.get(home.url_path, Page()).pk != home.pk:
        home = _find_home(site)
        if home is None:
            return None
        _homes[key] = (home, getattr(site, "state", None))
        pages = _pages_on_the_way(home, components)
    if home.url_path not in pages or not same_state(pages[home.url_path].sites_state, getattr(site, "state", None)):
        return None
    return home, pages


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
    # As Page.localized: a translation readers cannot see yet gives way to the site's own home page.
    return (
        Page.objects.filter(translation_key=Subquery(root_key), locale=locales.active(), live=True).first()
        or Page.objects.filter(pk=site.root_page_id).first()
    )


def _url_path(home, components):
    return home.url_path + "".join(f"{component}/" for component in components)


def _pages_on_the_way(home, components):
    """{url_path: page} for the home page and each page the path may pass through."""
    prefixes = [_url_path(home, components[: n + 1]) for n in range(len(components))]
    found = _pages_on_the_way_query(home.pk, prefixes, home.path, home.depth)
    return {page.url_path: page for page in found}


@PreparedQuery
def _pages_on_the_way_query(home_pk, prefixes, home_path, home_depth):
    return Page.objects.filter(
        Q(pk=home_pk) | Q(url_path__in=prefixes, path__startswith=home_path, depth__gt=home_depth)
    ).annotate(behind_a_restriction=behind_a_restriction(), sites_state=sites_state())


# The specific page's query for each page model.
_specific_queries = {}


def _specific(page):
    """The specific page, with what its template always shows (serve_select_related) in the same query."""
    model = page.specific_class
    if model is None:
        return page.specific
    query = _specific_queries.get(model)
    if query is None:
        query = _specific_queries[model] = PreparedQuery(partial(_specific_query, model))
    found = query(page.pk)
    return found[0] if found else page.specific


def _specific_query(model, pk):
    queryset = model._default_manager.filter(pk=pk)
    # Only what the model names: select_related() without fields (which
    # Django deprecates) would join every required foreign key.
    if related := getattr(model, "serve_select_related", ()):
        queryset = queryset.select_related(*related)
    return queryset[:1]


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
