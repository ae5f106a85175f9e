"""
Page routing in a fixed number of queries. Wagtail's serve view finds a page
one level at a time (a query for each child and another for its specific
type); this finds the reader's home page, every page on the path, and the
specific page at the end in four queries whatever the depth, then hands the
result to Wagtail's own serve view (which reads it from the request), so
hooks, view restrictions and routable pages behave as they always do.
"""

from django.db.models import Subquery
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from . import locales


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)


def route_for_request(request, path):
    """Wagtail's Page.route_for_request, in four queries: a RouteResult, or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
    home = (
        Page.objects.filter(translation_key=Subquery(root_key), locale=locales.active()).first()
        or Page.objects.filter(pk=site.root_page_id).first()
    )
    if home is None:
        return None
    prefixes = [home.url_path + "".join(f"{c}/" for c in components[: n + 1]) for n in range(len(components))]
    on_the_way = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=home.path, depth__gt=home.depth)
    }
    page, parent, depth = home, None, 0
    while depth < len(components) and not _intercepts(page, components[depth:]):
        child = on_the_way.get(prefixes[depth])
        if child is None:
            break
        page, parent, depth = child, page, depth + 1
    specific = page.specific
    if parent is not None:
        specific._cached_parent_obj = parent
    try:
        return specific.route(request, components[depth:])
    except Http404:
        return None


def _intercepts(page, remaining):
    """Whether a routable page answers the rest of the path itself (RoutablePageMixin.route)."""
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin) or not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    except Http404:
        return False
    return True
