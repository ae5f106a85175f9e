"""
What the site search indexes, and how each kind of content becomes a search
document. Apps register a `SearchDocumentType` with the `register_search_document_types`
hook, so this app never imports them.

A document holds only what any reader may see: pages that are live and
public, members who chose to be listed (public fields only). Anything else
has no document at all, so queries need no privacy filter.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from wagtail import hooks
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

HOOK = "register_search_document_types"


@dataclass(frozen=True)
class SearchDocumentType:
    kind: str  # what a result is, e.g. "article": the search API's ?type= and the kind facet
    model: type
    build: object  # callable(obj) -> dict of fields, or None when obj must not be indexed
    queryset: object  # callable() -> every object that may be indexed
    id_prefix: str = "page"
    # For models that are not pages: callable(query, locale) -> matching objects,
    # used when the site searches the database instead of the engine.
    database_search: object = None
    # callable(language) -> {facet name: {value: label}} for this type's facets.
    facet_labels: object = None
    # The kind's name for readers (lazily translated), e.g. in the kind facet.
    label: object = ""

    def document_id(self, obj):
        return f"{self.id_prefix}-{obj.pk}"

    def rank_of(self, obj):
        """
        How a document ranks against others that match as well. Page types set
        `search_rank`: a section's index page below the articles and events it lists.
        """
        return float(getattr(obj, "search_rank", 1.0))


@cache
def document_types():
    types = []
    for register in hooks.get_hooks(HOOK):
        types.extend(register())
    return types


def type_for(obj):
    """The most specific registered type for obj (ArticlePage before Page)."""
    matches = [t for t in document_types() if isinstance(obj, t.model)]
    if not matches:
        return None
    return max(matches, key=lambda t: len(t.model.__mro__))


_restricted_paths = ContextVar("restricted_paths", default=None)


@contextmanager
def restrictions_snapshot():
    """Read the view restrictions once for a whole rebuild instead of once per page."""
    token = _restricted_paths.set(tuple(PageViewRestriction.objects.values_list("page__path", flat=True)))
    try:
        yield
    finally:
        _restricted_paths.reset(token)


def is_public_page(page):
    """Live, and neither it nor an ancestor has a view restriction."""
    if not page.live:
        return False
    snapshot = _restricted_paths.get()
    if snapshot is not None:
        return not any(page.path.startswith(path) for path in snapshot)
    ancestors = [page.path[: i * Page.steplen] for i in range(1, page.depth + 1)]
    return not PageViewRestriction.objects.filter(page__path__in=ancestors).exists()


def build_page(page):
    """A document for any page type without a more specific builder."""
    page = page.specific
    if not is_public_page(page) or page.depth <= 1:
        return None
    body_fields = [
        field.field_name
        for field in page.search_fields
        if isinstance(field, index.SearchField) and field.field_name not in {"title", "listing_summary"}
    ]
    return base_page_document(page, "page", body_fields=body_fields)


def stream_text(value, field):
    """The readable text of a StreamField value, without markup."""
    if not isinstance(field, StreamField):
        return str(value or "")
    return " ".join(strip_tags(str(part)) for part in field.get_searchable_content(value))


def page_text(page, *names):
    parts = []
    for name in names:
        value = getattr(page, name, "")
        if not value:
            continue
        try:
            field = page._meta.get_field(name)
        except FieldDoesNotExist:  # a property, not a model field
            field = None
        parts.append(stream_text(value, field) if isinstance(field, StreamField) else strip_tags(str(value)))
    return " ".join(part for part in parts if part).strip()


def base_page_document(page, kind, summary="", body_fields=("body",)):
    """The fields every page document has."""
    date = page.last_published_at or page.first_published_at
    return {
        "kind": kind,
        "content_type": page.specific_class._meta.label,
        "object_id": str(page.pk),
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": summary or getattr(page, "get_listing_summary", lambda: "")() or page.search_description,
        "body": page_text(page, *body_fields),
        "url": page.url,
        "topics": [],
        "topic_labels": [],
        "country": None,
        "year": date.year if date else None,
        "date": date.date().isoformat() if date else None,
    }
