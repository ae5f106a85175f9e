from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import chrome
from .models import FooterText, NavigationMenu, NavigationMenuItem


def connect():
    from . import webhooks

    webhooks.connect()
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(chrome.invalidate, dispatch_uid=f"site-chrome-{id(signal)}")
    post_delete.connect(chrome.invalidate, sender=Page, dispatch_uid="site-chrome-page-deleted")
    for model in (NavigationMenu, NavigationMenuItem, FooterText, PageViewRestriction):
        post_save.connect(chrome.invalidate, sender=model, dispatch_uid=f"site-chrome-save-{model.__name__}")
        post_delete.connect(chrome.invalidate, sender=model, dispatch_uid=f"site-chrome-delete-{model.__name__}")
