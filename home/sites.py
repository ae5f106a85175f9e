"""
Which site answers a request, and Wagtail's site root paths, from one query.

Wagtail finds the site in one query (Site.find_for_request) and, when its
cache of site root paths is empty, reads those in two more (the sites, then
each site's home page in every language): three queries for the first page
served after Redis was emptied, each reading the same few rows. Here one
query reads every translation of every site's home page with the sites
rooted at it; the site is picked from those rows by Wagtail's own rules
(wagtail.models.sites.get_site_for_hostname) and the root paths are stored
under Wagtail's cache key, as Wagtail would store them, when they are
missing. Wagtail still clears that key when a site or a home page changes.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Subquery
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, SiteRootPath

# How Wagtail ranks the sites that may answer a host (best first).
HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT, DEFAULT, HOSTNAME = range(4)
# How long Wagtail keeps the root paths (Site.get_site_root_paths).
ROOT_PATHS_TIMEOUT = 3600


def find_site(request):
    """Site.find_for_request's answer (its root page read with it), or None; fills Wagtail's root paths if empty."""
    sites, translations = _read()
    if cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None:
        cache.set(
            SITE_ROOT_PATHS_CACHE_KEY,
            root_paths(sites, translations),
            ROOT_PATHS_TIMEOUT,
            version=SITE_ROOT_PATHS_CACHE_VERSION,
        )
    hostname = split_domain_port(request._get_raw_host())[0]
    return site_for_hostname(sites, hostname, request.get_port())


def _read():
    """([Site with its root_page], {translation_key: [home page in each language, in tree order]})."""
    roots = Site.objects.values("root_page__translation_key")
    pages = (
        Page.objects.filter(translation_key__in=Subquery(roots))
        .select_related("locale")
        .annotate(
            site_id=F("sites_rooted_here__id"),
            site_hostname=F("sites_rooted_here__hostname"),
            site_port=F("sites_rooted_here__port"),
            site_name=F("sites_rooted_here__site_name"),
            site_is_default=F("sites_rooted_here__is_default_site"),
        )
        .order_by("path", "site_id")
    )
    sites, translations = [], {}
    for page in pages:
        if page.site_id is not None:
            site = Site(
                id=page.site_id,
                hostname=page.site_hostname,
                port=page.site_port,
                site_name=page.site_name,
                root_page_id=page.pk,
                is_default_site=page.site_is_default,
            )
            site.root_page = page
            site._state.adding, site._state.db = False, page._state.db
            sites.append(site)
        # A page rooting two sites comes twice; it is one translation.
        found = translations.setdefault(page.translation_key, [])
        if not found or found[-1].pk != page.pk:
            found.append(page)
    return sites, translations


def site_for_hostname(sites, hostname, port):
    """The site Wagtail's get_site_for_hostname would pick for `hostname` and `port` among `sites`, or None."""
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None

    def rank(site):
        if site.hostname == hostname and site.port == port:
            return HOSTNAME_AND_PORT
        if site.hostname == hostname and site.is_default_site:
            return HOSTNAME_AND_DEFAULT
        if site.is_default_site:
            return DEFAULT
        return HOSTNAME

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT):
        return candidates[0]
    if rank(candidates[0]) == DEFAULT:
        # The default site, unless exactly one site has this host name (on another port).
        return candidates[len(candidates) == 2]
    # Several sites with this host name on other ports, and no default: none.
    return None


def root_paths(sites, translations):
    """Site.get_site_root_paths' list, in its order (longest root path first), as Wagtail caches it."""
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    return [
        SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
        for site in ordered
        for page in (translations[site.root_page.translation_key] if i18n else [site.root_page])
    ]
