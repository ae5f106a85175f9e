"""
Which site answers a request, and Wagtail's site root paths, without
Wagtail's queries.

Wagtail finds the site in one query (Site.find_for_request) and, when its
cache of site root paths is empty (after a site or a home page changes, or
Redis is emptied), reads those in two more: the sites, then each site's home
page in every language. Here `state()` is an expression that reads all of it
(every site, every translation of every site's home page) as one string: the
routing query carries it (home.routing), so a process that remembers which
site a host maps to checks in that query that nothing changed, and works out
the root paths from it; `find_site` reads the sites with it in one query.
Sites are picked by Wagtail's own rules (get_site_for_hostname) and the root
paths are those Site.get_site_root_paths returns, in its order.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import CharField, Func, StringAgg, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, SiteRootPath

from . import page_cache
from .redis_cache import reachable

# How Wagtail ranks the sites that may answer a host (best first).
HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT, DEFAULT, HOSTNAME = range(4)
# How long Wagtail keeps the root paths (Site.get_site_root_paths).
ROOT_PATHS_TIMEOUT = 3600
# Separators in state(): ASCII unit, record and group separators, which no
# host name, path or language code contains (a site's name comes last).
FIELD, ROW, PART = "\x1f", "\x1e", "\x1d"


def find_site(request):
    """
    Site.find_for_request's answer (its root page read with it, and `state`:
    state() as it was found), or None, in one query; stores Wagtail's root
    paths if they are missing.
    """
    sites = list(Site.objects.select_related("root_page").annotate(state=state()))
    if sites:
        store_root_paths(root_paths(sites[0].state))
    hostname = split_domain_port(request._get_raw_host())[0]
    return site_for_hostname(sites, hostname, request.get_port())


def store_root_paths(paths):
    """Wagtail's cached site root paths, unless the cache has them: one Redis command."""
    cache.add(SITE_ROOT_PATHS_CACHE_KEY, paths, ROOT_PATHS_TIMEOUT, version=SITE_ROOT_PATHS_CACHE_VERSION)


def forget_root_paths():
    """
    Wagtail's stored root paths dropped (a site or a home page changed), now
    and again when the surrounding transaction commits: a reader between the
    two stores the old ones back (Wagtail drops them inside the transaction
    only). Sent again once Redis answers if it did not.
    """
    _forget_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_forget_now)


def _forget_now():
    if not clear_root_paths():
        page_cache.resend_when_reachable("site-root-paths", clear_root_paths)


def clear_root_paths():
    """Site.clear_site_root_paths_cache, True once it reached the shared cache."""
    Site.clear_site_root_paths_cache()
    return reachable(cache)


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


def state():
    """
    An expression for everything sites and root paths depend on, as one
    string: a row per site, then a row per translation of a site's home page.
    It changes whenever a site is added, removed or edited, or a home page is
    translated, moved or renamed. Its SQL is built once per process: every
    page not in the page cache reads it, and building it (two subqueries of
    a dozen columns) costs more than PostgreSQL takes to run it.
    """
    # Compiled by Django from the expression below, its values kept as parameters.
    return RawSQL(*_state_sql(connection.alias), output_field=TextField())  # noqa: S611


@functools.cache
def _state_sql(alias):
    query = Page.objects.all().query
    compiler = query.get_compiler(using=alias)
    return compiler.compile(_state_expression().resolve_expression(query))


def _state_expression():
    def text(field):
        return Coalesce(Cast(field, CharField()), Value(""), output_field=TextField())

    def joined(*parts, separator=FIELD):
        # One flat `a || b || c` (Django's Concat nests a pair per argument,
        # which overflows SQLite's parser at this width).
        separated = [part for column in parts for part in (column, Value(separator))][:-1]
        return Func(*separated, template="(%(expressions)s)", arg_joiner=" || ", output_field=TextField())

    def table(queryset, row):
        # In no particular order: not every database orders within an
        # aggregate (SQLite does not), so rows are compared and sorted here.
        rows = queryset.order_by().annotate(table=Value(1)).values("table")
        aggregated = rows.annotate(rows=StringAgg(row, Value(ROW))).values("rows")[:1]
        return Coalesce(Subquery(aggregated), Value(""), output_field=TextField())

    sites = joined(
        text("pk"),
        text("hostname"),
        text("port"),
        text("is_default_site"),
        text("root_page__translation_key"),
        text("root_page__url_path"),
        text("root_page__locale__language_code"),
        text("site_name"),
    )
    homes = joined(text("translation_key"), text("path"), text("url_path"), text("locale__language_code"))
    home_pages = Page.objects.filter(translation_key__in=Site.objects.values("root_page__translation_key"))
    return joined(table(Site.objects.all(), sites), table(home_pages, homes), separator=PART)


def same_state(state, other):
    """Whether two readings of state() describe the same sites (their rows may come in any order)."""
    return state == other or (state is not None and other is not None and _rows(state) == _rows(other))


def _rows(state):
    return [sorted(part.split(ROW)) if part else [] for part in state.split(PART)]


@functools.lru_cache(maxsize=16)
def root_paths(state):
    """Site.get_site_root_paths' list for the sites `state` describes, in its order (longest root path first)."""
    site_rows, home_rows = _rows(state)
    translations = {}
    for row in home_rows:
        key, path, url_path, language_code = row.split(FIELD)
        translations.setdefault(key, []).append((path, url_path, language_code))
    for homes in translations.values():
        homes.sort()  # in tree order, as Page.get_translations
    sites = []
    for row in site_rows:
        pk, hostname, port, default, key, url_path, language_code, _name = row.split(FIELD, 7)
        site = Site(pk=int(pk), hostname=hostname, port=int(port), is_default_site=default.lower() in ("1", "true"))
        sites.append((site, key, url_path, language_code))
    # Wagtail's order: the longest root path first, then the default site, then by host name.
    sites.sort(key=lambda entry: entry[0].hostname)
    sites.sort(key=lambda entry: entry[0].is_default_site, reverse=True)
    sites.sort(key=lambda entry: entry[2], reverse=True)
    i18n = settings.WAGTAIL_I18N_ENABLED
    return [
        SiteRootPath(site.pk, home_path, site.root_url, home_language)
        for site, key, url_path, language_code in sites
        for _path, home_path, home_language in (translations.get(key, []) if i18n else [("", url_path, language_code)])
    ]
