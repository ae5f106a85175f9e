"""
Machine translation of whole pages (or sections) into every language that
lacks them: drafts only, put through review, never published. The provider
comes from the environment (DeepL or LibreTranslate) through
WAGTAILLOCALIZE_MACHINE_TRANSLATOR; see cms/settings/base.py.
"""

import logging

import requests
from django.db import transaction
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from home import deadlines
from home.permissions import can_change_in_locale

logger = logging.getLogger(__name__)


class NoMachineTranslator(Exception):
    """No provider is configured: the editor is told so."""


def translator():
    machine = get_machine_translator()
    if machine is None:
        raise NoMachineTranslator
    return machine


def missing_locales(page):
    existing = set(page.get_translations(inclusive=True).values_list("locale_id", flat=True))
    return list(Locale.objects.exclude(pk__in=existing))


def locales_user_may_translate_into(user, page):
    """
    The languages other than the page's own where `user` may create or change
    its translation (home.permissions): machine translation creates pages in
    a language's tree, so it needs that tree's permissions like any other route.
    """
    return [
        locale
        for locale in Locale.objects.exclude(pk=page.locale_id).order_by("language_code")
        if can_change_in_locale(user, page, locale)
    ]


@transaction.atomic
def machine_translate_page(page, locale, user=None):
    """A machine-translated draft of `page` in `locale`, started on its workflow. Never published."""
    machine = translator()
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    done = {
        (t.translation_of_id, t.context_id)
        for t in StringTranslation.objects.filter(locale=locale, translation_of__in=[s.string for s in segments])
    }
    todo = [s for s in segments if (s.string_id, s.context_id) not in done]
    if todo and machine.can_translate(source.locale, locale):
        values = {segment.string.as_value() for segment in todo}
        translated = machine.translate(source.locale, locale, list(values))
        for segment in todo:
            value = translated.get(segment.string.as_value())
            if value is None:
                continue
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": value.data if isinstance(value, StringValue) else str(value),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": str(machine.display_name),
                    "last_translated_by": user,
                },
            )
    translation.save_target(user=user, publish=False)
    draft = page.get_translation(locale)
    workflow = draft.get_workflow()
    if workflow is not None and draft.current_workflow_state is None:
        workflow.start(draft, user)
    return draft


def pages_to_translate(page, include_descendants):
    pages = Page.objects.descendant_of(page, inclusive=True) if include_descendants else Page.objects.filter(pk=page.pk)
    return pages.filter(locale=page.locale).order_by("path")


@task(takes_context=True)
@deadlines.retried(seconds="TASK_TIME_LIMIT", retry_on=(requests.RequestException,))
def machine_translate_task(page_id, include_descendants, user_id=None, locale_ids=None):
    """
    Background task: translate a page (or a section) into every missing
    language among `locale_ids` (all when None). Each call to the provider has
    its own deadline and the whole task one too; a retry carries on with the
    languages still missing. When a user asked for it, each page is checked
    against that user's permissions when it is translated, not only when the
    task was queued (permissions may have changed since).
    """
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user_id and user is None:
        return 0  # the account is gone: nothing is done in its name
    created = 0
    for page in pages_to_translate(Page.objects.get(pk=page_id), include_descendants):
        for locale in missing_locales(page):
            if locale_ids is not None and locale.pk not in locale_ids:
                continue
            parent = page.get_parent()
            if parent.depth > 1 and not parent.has_translation(locale):
                continue  # its parent is not in that language yet; translate the section from the top
            if user is not None and not can_change_in_locale(user, page, locale):
                continue
            deadlines.check()
            machine_translate_page(page, locale, user)
            created += 1
    return created
