from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.tasks.signals import task_finished
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import chrome, locales, page_cache, purge_outbox, sites
from .models import FooterLink, FooterText, NavigationMenu, NavigationMenuItem


def connect():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(chrome.invalidate, dispatch_uid=f"site-chrome-{id(signal)}")
    post_delete.connect(chrome.invalidate, sender=Page, dispatch_uid="site-chrome-page-deleted")
    # A menu's links are addresses on a site.
    for model in (NavigationMenu, NavigationMenuItem, FooterText, FooterLink, PageViewRestriction, Site):
        post_save.connect(chrome.invalidate, sender=model, dispatch_uid=f"site-chrome-save-{model.__name__}")
        post_delete.connect(chrome.invalidate, sender=model, dispatch_uid=f"site-chrome-delete-{model.__name__}")
    connect_page_cache()
    post_save.connect(site_saved, sender=Site, dispatch_uid="site-root-paths-site-saved")
    post_delete.connect(site_saved, sender=Site, dispatch_uid="site-root-paths-site-deleted")
    post_save.connect(page_saved_at_a_site_root, dispatch_uid="site-root-paths-home-saved")


def connect_page_cache():
    """Purge stored pages when what they show changes (see home.page_cache)."""
    page_published.connect(page_changed, dispatch_uid="page-cache-published")
    post_save.connect(live_page_saved, dispatch_uid="page-cache-live-page-saved")
    page_unpublished.connect(page_changed, dispatch_uid="page-cache-unpublished")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="page-cache-deleted")
    post_page_move.connect(page_moved, dispatch_uid="page-cache-moved")
    page_slug_changed.connect(page_slug_was_changed, dispatch_uid="page-cache-slug")
    page_cache.purge_on_change(PageViewRestriction, restriction_changed)
    page_cache.purge_on_change(Site, site_changed)
    for model in (NavigationMenu, NavigationMenuItem, FooterText, FooterLink):
        page_cache.purge_on_change(model, chrome_tags)
    for model in (get_image_model(), get_document_model()):
        page_cache.purge_on_change(model, media_changed)
    # The task worker serves no requests: it sends the purges other processes
    # could not send after the tasks it runs.
    task_finished.connect(send_unsent_purges, dispatch_uid="page-cache-unsent-purges")


def page_changed(sender, instance, **kwargs):
    page_cache.purge_page(instance)


def live_page_saved(sender, instance, update_fields=None, **kwargs):
    # Code that creates or saves a live page directly (imports, scripts,
    # bulk generation) changes what readers see without a publish signal.
    # Saving a draft only updates a few fields, and changes nothing live.
    if isinstance(instance, Page) and instance.live and update_fields is None:
        page_cache.purge_page(instance)


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    page_cache.purge_page(instance, subtree=True)
    page_cache.purge(f"children:{parent_page_before.pk}", f"children:{parent_page_after.pk}")


def page_slug_was_changed(sender, instance, **kwargs):
    page_cache.purge_page(instance, subtree=True)


def restriction_changed(restriction):
    # Purged here, the page's own entries and the listings that showed it;
    # from now on Wagtail refuses anonymous readers and nothing is stored.
    page_cache.purge_page(restriction.page, subtree=True)
    return []


def site_saved(sender, instance, **kwargs):
    sites.forget_root_paths()


def page_saved_at_a_site_root(sender, instance, **kwargs):
    # A home page in any language: its address is a root path.
    if isinstance(instance, Page) and Site.objects.filter(root_page__translation_key=instance.translation_key).exists():
        sites.forget_root_paths()


def site_changed(site):
    # Which site answers a host (home.routing.site_for_request), and every
    # address built from a site's root.
    return ["sites"]


def chrome_tags(snippet):
    """A menu or footer is shown on every page of its language, and of languages that fall back to it."""
    if snippet.locale_id == locales.default().pk:
        return page_cache.all_chrome_tags()
    return [f"chrome:{snippet.locale_id}"]


def media_changed(obj):
    """An image or document changed: the live pages that use it show it."""
    references = ReferenceIndex.get_references_to(obj).filter(base_content_type=ContentType.objects.get_for_model(Page))
    ids = [int(pk) for pk in references.values_list("object_id", flat=True) if str(pk).isdigit()]
    for page in Page.objects.filter(pk__in=ids).live():
        page_cache.purge_page(page)
    return []


def send_unsent_purges(**kwargs):
    purge_outbox.send_due()
