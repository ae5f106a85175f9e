"""
Helpers for `manage.py generate_content`: a large corpus for the benchmark,
written fast. Pages are inserted directly below their parent (paths computed
here, no revision, no validation) with model signals muted; the command then
rebuilds the search indexes and clears the cache, as after any bulk import.
"""

import sys
import uuid
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone
from wagtail.models import Locale, Page

LANGUAGES = ["en", "ar", "es", "fr", "ru", "zh-hans"]
SLUG_PREFIX = "gen-"


class Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, label, total, stream=sys.stderr):
        self.label, self.total, self.done, self.stream = label, max(total, 1), 0, stream
        self.shown = -1

    def advance(self, n=1):
        self.done += n
        percent = min(100, self.done * 100 // self.total)
        if percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stream.write(f"\r{self.label:<10} [{bar:<25}] {percent:3d}% {self.done}/{self.total}")
            self.stream.flush()

    def finish(self):
        self.stream.write("\n")


@contextmanager
def muted_signals():
    """Model signals off (search indexing, caches, webhooks): rebuilt once at the end instead."""
    signals = (pre_save, post_save, post_delete, m2m_changed)
    saved = [(signal, signal.receivers, signal.sender_receivers_cache.copy()) for signal in signals]
    try:
        for signal in signals:
            signal.receivers = []
            signal.sender_receivers_cache.clear()
        yield
    finally:
        for signal, receivers, cache in saved:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()
            signal.sender_receivers_cache.update(cache)


def locales():
    return {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=LANGUAGES)}


def translation_key(kind, number):
    """The same key for item `number` in every language, so that reruns find what exists."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"gnwict-bench:{kind}:{number}")


def existing_numbers(queryset):
    """Numbers of generated items (slug gen-<kind>-<n>) already there."""
    numbers = set()
    for slug in queryset.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True):
        tail = slug.rsplit("-", 1)[-1]
        if tail.isdigit():
            numbers.add(int(tail))
    return numbers


def add_children(parent, pages):
    """Insert `pages` (unsaved specific pages) as the last children of `parent`, in one transaction."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    with transaction.atomic():
        for page in pages:
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.live = True
            page.has_unpublished_changes = False
            page.draft_title = page.title
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.first_published_at
            page.set_url_path(parent)
            page.save(clean=False)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
