"""Keep the site search in step with publishing, privacy changes and member edits."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .documents import type_for
from .tasks import enqueue_sync, remove_search_document


def page_changed(sender, instance, **kwargs):
    enqueue_sync([instance, *linking_pages([instance.pk])])


def subtree_changed(sender, instance, **kwargs):
    page = getattr(instance, "page", None) or instance  # a restriction, or a moved page
    pages = list(Page.objects.descendant_of(page, inclusive=True))
    enqueue_sync([*pages, *linking_pages([page.pk for page in pages])])


def linking_pages(page_ids):
    """
    Live pages whose content links one of `page_ids` (a call to action): a
    document leaves out a link to a page readers may not see
    (home.blocks.BodyStreamBlock), so it changes when that page's visibility does.
    """
    page_type = ContentType.objects.get_for_model(Page)
    linking = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=page_type, to_object_id__in=[str(pk) for pk in page_ids]
    ).values_list("object_id", flat=True)
    ids = {int(pk) for pk in linking if str(pk).isdigit()} - set(page_ids)
    return list(Page.objects.live().filter(pk__in=ids)) if ids else []


def page_deleting(sender, instance, **kwargs):
    # Read before the deletion takes the references to it along.
    instance._search_linking_pages = linking_pages([instance.pk])


def page_deleted(sender, instance, **kwargs):
    # The pages that linked it lose the link (home.blocks).
    if pages := getattr(instance, "_search_linking_pages", None):
        enqueue_sync(pages)


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
    pre_delete.connect(page_deleting, sender=Page, dispatch_uid="site-search-linked-page-deleting")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="site-search-linked-page-deleted")
