"""
Full-page cache for anonymous readers, in the shared cache (Redis in
production), purged by dependency tags.

While a page renders, the code that reads content says what the response
shows: `shows_page(page)`, `lists_children(index)`, `depends_on("topics")`.
The stored entry keeps a token per tag; purging a tag replaces its token, so
every entry that showed it stops matching at once, in every worker, and
nothing else is touched. A hit is a cache read and a comparison: it runs
before the session, authentication and database are reached, so it costs no
SQL query.

Only Wagtail pages are stored (the serve hook opts them in), and only for
requests without a session or messages cookie, and only 200 responses that
set no cookie, used no CSRF token or CSP nonce, and are not marked private.
Search pages, forms, errors and previews are never stored.

wagtail-cache was the candidate library; its 3.0 release requires
Wagtail < 8, caches 404s, keeps every key in one dictionary that each worker
rewrites, and purges by URL pattern or clears everything, which cannot express
"every page that lists this article". Hence this small module.
"""

import hashlib
import logging
import secrets
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csp import get_nonce

from . import purge_outbox

STORE = "pages"
PREFIX = "page-cache"
GENERATION_KEY = f"{PREFIX}:generation"
HEADER = "X-Page-Cache"
UNCACHED_PATHS = ("/admin/", "/api/", "/documents/", "/django-admin/", "/static/", "/media/")
COOKIES_OF_A_VISITOR_WITH_STATE = (settings.SESSION_COOKIE_NAME, "messages")

logger = logging.getLogger(__name__)


class _Dependencies:
    __slots__ = ("tags", "expires", "page_served")

    def __init__(self):
        self.tags = set()
        self.expires = None
        self.page_served = False


_current = ContextVar("page_cache_dependencies", default=None)


def store():
    """
    Where stored pages, page parts and their tags live: the "pages" cache when
    the settings name one (in production a Redis database of its own, so that
    clearing it leaves the site-wide caches — Wagtail's site root paths, the
    menus, rate limits — alone), else the default cache.
    """
    return caches[STORE if STORE in settings.CACHES else "default"]


def clear():
    """Forget every stored page and page part (after a deploy that changes templates, say)."""
    store().clear()


# What a response shows. Called while rendering; a no-op outside a cacheable request.


def depends_on(*tags):
    if (deps := _current.get()) is not None:
        deps.tags.update(tags)


def expires_by(moment):
    """The response shows something that changes with time at `moment` (a datetime)."""
    if (deps := _current.get()) is not None:
        timestamp = moment.timestamp()
        deps.expires = timestamp if deps.expires is None else min(deps.expires, timestamp)


def _expires_at(timestamp):
    if timestamp is not None and (deps := _current.get()) is not None:
        deps.expires = timestamp if deps.expires is None else min(deps.expires, timestamp)


def shows_page(page):
    """The response shows `page`'s content or links to it."""
    depends_on(f"page:{page.pk}")


def links_to_translations(page):
    """The response links to `page` in some language (a switcher, a localized link)."""
    depends_on(f"translations:{page.translation_key}")


def lists_children(parent):
    """The response lists some of `parent`'s children: a new or changed child changes it."""
    depends_on(f"children:{parent.pk}")


def serving_page(page, request):
    """Called by the serve hook: this response is a Wagtail page, and may be stored."""
    if (deps := _current.get()) is not None:
        deps.page_served = True
        shows_page(page)
        links_to_translations(page)
        depends_on(f"chrome:{page.locale_id}")


# Parts of a page, shared between pages and kept while the page cache is off.

FRAGMENT_TIMEOUT = 60 * 60


def remembered(key, compute, timeout=FRAGMENT_TIMEOUT):
    """
    `compute()`, kept in the shared cache under `key` with the tags it
    declared (shows_page, depends_on, ...) and reused until one of them is
    purged: the same dependencies that keep a stored page right keep the part
    right. The caller's key says everything else the value depends on (the
    language, the address, the request's host). Its tags and expiry count
    for the page being rendered either way.
    """
    return remembered_many({key: None}, lambda _item: compute(), timeout=timeout)[key]


def remembered_many(items, compute, prepare=None, timeout=FRAGMENT_TIMEOUT):
    """
    {key: compute(item)} for `items` ({key: item}), each part kept as
    `remembered` keeps one, in the same few cache round trips however many
    there are (a listing's cards, say). `prepare(items)` is called once with
    the items not found, before they are computed: it reads what they show
    in one go, and nothing is read for the parts found.
    """
    hashed = {key: f"{PREFIX}:part:{hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()}" for key in items}
    values, now = {}, time.time()
    # Computed earlier in this request and not written yet (see keeping_parts).
    pending = _pending.get()
    if pending:
        for key, cache_key in hashed.items():
            if (part := pending.get(cache_key)) is not None:
                depends_on(*part.tags)
                _expires_at(part.expires)
                values[key] = part.value
    unknown = [cache_key for key, cache_key in hashed.items() if key not in values]
    found = store().get_many([*unknown, GENERATION_KEY]) if unknown else {}
    entries = {key: found[cache_key] for key, cache_key in hashed.items() if cache_key in found}
    tag_keys = {_tag_key(tag) for tokens, _expires, _value in entries.values() for tag in tokens}
    current = store().get_many(sorted(tag_keys)) if tag_keys else {}
    for key, (tokens, expires, value) in entries.items():
        if all(current.get(_tag_key(tag)) == token for tag, token in tokens.items()) and (
            expires is None or expires > now
        ):
            depends_on(*tokens)
            _expires_at(expires)
            values[key] = value
    missing = [key for key in items if key not in values]
    if not missing:
        return values
    if prepare is not None:
        prepare([items[key] for key in missing])
    outer, computed = _current.get(), []
    for key in missing:
        deps = _Dependencies()
        reset = _current.set(deps)
        try:
            values[key] = compute(items[key])
        finally:
            _current.reset(reset)
        if outer is not None:
            outer.tags.update(deps.tags)
            _expires_at(deps.expires)
        computed.append(_Part(hashed[key], deps.tags, deps.expires, values[key], found.get(GENERATION_KEY), timeout))
    if pending is not None:
        pending.update((part.cache_key, part) for part in computed)
    else:
        _store_parts(computed)
    return values


class _Part:
    """A computed part, with what it showed and the generation read before it was computed."""

    __slots__ = ("cache_key", "tags", "expires", "value", "generation", "timeout")

    def __init__(self, cache_key, tags, expires, value, generation, timeout):
        self.cache_key, self.tags, self.expires, self.value = cache_key, tags, expires, value
        self.generation, self.timeout = generation, timeout


# {cache key: _Part} computed during the current request, written together
# when it ends: one read of their tags' tokens and one write, instead of three
# round trips per `remembered` call.
_pending = ContextVar("page_cache_pending_parts", default=None)


class keeping_parts:
    """
    The page parts computed inside this block are written to the shared cache
    when it ends, all at once (the middleware wraps each request in one).
    Writing late is safe: a purge since a part's generation was read keeps it
    out, as it does when it is written at once.
    """

    def __enter__(self):
        self._reset = _pending.set({})

    def __exit__(self, *exc_info):
        parts = _pending.get()
        _pending.reset(self._reset)
        if parts:
            _store_parts(parts.values())


def _store_parts(parts):
    """Store `parts` (_Part) under their tags' current tokens, unless a purge happened since each was computed."""
    parts = list(parts)
    if not parts:
        return
    current = _tokens([_tag_key(tag) for tag in sorted(set().union(*(part.tags for part in parts)))])
    by_timeout, now = {}, time.time()
    for part in parts:
        if current.get(GENERATION_KEY) != part.generation:
            continue  # what was computed may already be stale
        tokens = {tag: current.get(_tag_key(tag)) for tag in part.tags}
        if None in tokens.values():
            continue
        part_timeout = part.timeout if part.expires is None else min(part.timeout, int(part.expires - now))
        if part_timeout > 0:
            by_timeout.setdefault(part_timeout, {})[part.cache_key] = (tokens, part.expires, part.value)
    for part_timeout, values in by_timeout.items():
        store().set_many(values, part_timeout)


def _tokens(tag_keys):
    """
    The current tokens of `tag_keys` and the generation, as read by
    get_many. A tag never purged (or evicted) gets a token first, keeping any
    that another worker set first: in one round trip however many there
    are, where the cache can (home.redis_cache).
    """
    keys = [*tag_keys, GENERATION_KEY]
    cache = store()
    if hasattr(cache, "add_many_then_get_many"):
        # One round trip whether or not the tags have tokens yet (adding to
        # a tag that has one keeps it).
        return cache.add_many_then_get_many({tag_key: _token() for tag_key in tag_keys}, keys)
    current = cache.get_many(keys)
    if missing := [tag_key for tag_key in tag_keys if tag_key not in current]:
        for tag_key in missing:
            cache.add(tag_key, _token(), timeout=None)
        current = cache.get_many(keys)
    return current


# Purging.


def _token():
    return secrets.randbits(62)


def _tag_key(tag):
    return f"{PREFIX}:tag:{tag}"


def tag_token(tag):
    """
    The current token of `tag`: a key for other shared caches of things that
    the page cache already purges by that tag (topic labels, say).
    """
    return _tokens([_tag_key(tag)]).get(_tag_key(tag))


def purge(*tags):
    """
    Make every entry that depends on one of `tags` stale, now and again when
    the surrounding transaction commits (a reader who rendered from the
    uncommitted state in between must not keep it).
    """
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    _purge_now(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _purge_now(tags))


# Purges that did not reach the shared cache (Redis unreachable), sent again
# by this process once it answers: see _purge_now. Per process, so each is
# also written to the database for any process to send (home.purge_outbox).
_unsent_tags = set()
_unsent_calls = {}


def _purge_now(tags):
    if _unsent_tags or _unsent_calls:
        resend_unsent()  # a process without requests (the task worker) resends here
    purge_outbox.before_purge()
    if not _send_purge(tags):
        _unsent_tags.update(tags)
        purge_outbox.record_tags(tags)
        logger.error(
            "Page cache purge not sent, the shared cache is unreachable (resent when it is back): %s", sorted(tags)
        )


def _send_purge(tags):
    # The generation changes first: a render that read the old tokens either
    # stored them before this (and its entry is now stale) or sees the new
    # generation and does not store at all.
    values = {GENERATION_KEY: _token()}
    values.update({_tag_key(tag): _token() for tag in tags})
    return not store().set_many(values, timeout=None)


def resend_when_reachable(name, send):
    """
    Another invalidation (the chrome's version) that did not reach the shared
    cache: `send()` is called again with the unsent purges until it returns True.
    """
    _unsent_calls[name] = send
    purge_outbox.record_call(send)


def resend_unsent():
    """Send the purges the shared cache missed, once it answers again. Cheap when there are none."""
    if _unsent_tags:
        tags = set(_unsent_tags)
        if _send_purge(tags):
            _unsent_tags.difference_update(tags)
            logger.warning("Page cache purge sent after the shared cache came back: %s", sorted(tags))
    for name, send in list(_unsent_calls.items()):
        if send():
            _unsent_calls.pop(name, None)


def purge_page(page, *, subtree=False):
    """
    A page's content, place or visibility changed: purge what shows, lists or
    links to it, and with `subtree` the same for its descendants (whose
    addresses or visibility changed with it).
    """
    from wagtail.models import Page

    # "pages": whatever depends on the set of public pages as a whole (an API
    # list's count, headless.api).
    tags = {"pages", f"page:{page.pk}", f"translations:{page.translation_key}", f"children:{page.pk}"}
    if subtree:
        for pk, translation_key in Page.objects.descendant_of(page).values_list("pk", "translation_key"):
            tags.update((f"page:{pk}", f"translations:{translation_key}", f"children:{pk}"))
    if parent_id := _parent_id(page):
        tags.add(f"children:{parent_id}")
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    tags.update(getattr(specific, "page_cache_purge_tags", list)())
    if _in_navigation(page):
        tags.update(all_chrome_tags())
    purge(*tags)


def all_chrome_tags():
    from wagtail.models import Locale

    return [f"chrome:{pk}" for pk in Locale.objects.values_list("pk", flat=True)]


def purge_on_change(model, tags_for):
    """Purge `tags_for(instance)` whenever an instance of `model` is saved or deleted."""

    def changed(sender, instance, **kwargs):
        purge(*tags_for(instance))

    from django.db.models.signals import post_delete, post_save

    uid = f"page-cache-{model._meta.label_lower}-{tags_for.__module__}.{tags_for.__qualname__}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def _parent_id(page):
    from wagtail.models import Page

    if page.depth <= 1:
        return None
    return Page.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True).first()


def _in_navigation(page):
    from .models import NavigationMenuItem

    return NavigationMenuItem.objects.filter(link_page__translation_key=page.translation_key).exists()


# The middleware.


def _eligible(request):
    return (
        request.method == "GET"
        and settings.PAGE_CACHE_SECONDS > 0
        and not request.path.startswith(UNCACHED_PATHS)
        and not any(name in request.COOKIES for name in COOKIES_OF_A_VISITOR_WITH_STATE)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _entry_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    return f"{PREFIX}:entry:{hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()}"


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or get_nonce(request):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    # The entry is shared by every anonymous reader: refuse responses that
    # vary on anything but the cookie (which anonymous readers do not send).
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    return vary <= {"cookie", "accept-encoding"}


class PageCacheMiddleware:
    """Serve stored pages to anonymous readers; store what they are served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with keeping_parts():
            return self._serve(request)

    def _serve(self, request):
        if _unsent_tags or _unsent_calls:
            resend_unsent()
        if purge_outbox.owed():  # after an outage this process saw: what was kept is sent before any hit
            purge_outbox.send_due()
        if not _eligible(request):
            purge_outbox.send_due()
            return self.get_response(request)
        key = _entry_key(request)
        found = store().get_many([key, GENERATION_KEY])
        entry = found.get(key)
        if entry is not None and (response := self._response_from(entry)) is not None:
            return response
        if purge_outbox.send_due():  # not on a hit, which reads no database
            found = store().get_many([GENERATION_KEY])  # changed by what was sent, before this render
        return self._render_and_store(request, key, found.get(GENERATION_KEY))

    def _response_from(self, entry):
        tokens, status, headers, content = entry
        current = store().get_many([_tag_key(tag) for tag in tokens])
        if any(current.get(_tag_key(tag)) != token for tag, token in tokens.items()):
            return None
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response.headers[HEADER] = "hit"
        return response

    def _render_and_store(self, request, key, generation):
        deps = _Dependencies()
        reset = _current.set(deps)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(reset)
        if not deps.page_served:
            return response
        if not _storable(request, response):
            response.headers[HEADER] = "skip"
            return response
        timeout = settings.PAGE_CACHE_SECONDS
        if deps.expires is not None:
            timeout = min(timeout, int(deps.expires - time.time()))
        tag_keys = [_tag_key(tag) for tag in sorted(deps.tags)]
        # Tokens before the generation: see _purge_now.
        current = _tokens(tag_keys)
        if (
            timeout <= 0
            or current.get(GENERATION_KEY) != generation
            or any(tag_key not in current for tag_key in tag_keys)
        ):
            response.headers[HEADER] = "skip"
            return response
        tokens = {tag: current[_tag_key(tag)] for tag in deps.tags}
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        store().set(key, (tokens, response.status_code, headers, response.content), timeout)
        response.headers[HEADER] = "miss"
        return response
