"""Keep the site search in step with publishing, privacy changes and member edits."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .documents import type_for
from .tasks import enqueue_sync, remove_search_document


def page_changed(sender, instance, **kwargs):
    enqueue_sync([instance])


def subtree_changed(sender, instance, **kwargs):
    page = getattr(instance, "page", None) or instance  # a restriction, or a moved page
    enqueue_sync(list(Page.objects.descendant_of(page, inclusive=True)))


def page_moved(sender, instance, **kwargs):
    enqueue_sync(list(Page.objects.descendant_of(instance, inclusive=True)))


def object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is not Page:
        return  # the base Page row's deletion handles it, once
    document_type = _indexed_type(instance)
    if document_type is not None:
        remove_search_document.enqueue(
            type(instance)._meta.label, instance.pk, instance.locale.language_code, document_type.id_prefix
        )


def object_saved(sender, instance, **kwargs):
    # Pages are followed through publishing, not every save of a draft.
    if kwargs.get("raw") or isinstance(instance, Page) or _indexed_type(instance) is None:
        return
    enqueue_sync([instance])


_types_by_class = {}


def _indexed_type(instance):
    cls = type(instance)
    if cls not in _types_by_class:
        _types_by_class[cls] = type_for(instance)
    return _types_by_class[cls]


def connect():
    page_published.connect(page_changed, dispatch_uid="site-search-published")
    page_unpublished.connect(page_changed, dispatch_uid="site-search-unpublished")
    page_slug_changed.connect(page_moved, dispatch_uid="site-search-slug")
    post_page_move.connect(page_moved, dispatch_uid="site-search-moved")
    post_save.connect(subtree_changed, sender=PageViewRestriction, dispatch_uid="site-search-restricted")
    post_delete.connect(subtree_changed, sender=PageViewRestriction, dispatch_uid="site-search-unrestricted")
    # Members and any other indexed snippet: every save and deletion.
    post_save.connect(object_saved, dispatch_uid="site-search-saved")
    post_delete.connect(object_deleted, dispatch_uid="site-search-deleted")
