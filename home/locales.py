"""
The site's locales, read once per process. Wagtail's Locale.get_active() and
get_default() query the database on every call, several times per page;
locales change only when the site gains a language, and a save or delete
here forgets them (other processes pick it up on restart, as they must for
the new language's settings anyway).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_locales = None


def _by_code():
    global _locales
    if _locales is None:
        _locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return _locales


def for_language(language_code):
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _by_code().get(code)


def by_id(pk):
    return next((locale for locale in _by_code().values() if locale.pk == pk), None) or Locale.objects.get(pk=pk)


def default():
    return for_language(settings.LANGUAGE_CODE) or Locale.get_default()


def active():
    return for_language(translation.get_language() or settings.LANGUAGE_CODE) or default()


def forget(**kwargs):
    global _locales
    _locales = None


post_save.connect(forget, sender=Locale, dispatch_uid="home-locales-saved")
post_delete.connect(forget, sender=Locale, dispatch_uid="home-locales-deleted")


def localized(page):
    """
    `page` in the reader's language when it is translated, else `page`:
    Wagtail's Page.localized without reading the active locale from the
    database on every call.
    """
    if page is None:
        return None
    locale = active()
    if page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page
