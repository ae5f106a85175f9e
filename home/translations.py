"""
Creating translations through wagtail-localize, so that every translated page
or snippet is tracked (source, segments, status) exactly as if a translator
had made it in the admin.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue


@transaction.atomic
def translate_object(instance, language_code, strings, publish=True, user=None):
    """
    Translate `instance` into `language_code` using `strings`, a mapping of
    source text to translated text. Segments without a translation keep the
    source text (wagtail-localize's fallback) and show as untranslated in
    the editor. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(instance, Page) and instance.slug not in strings:
        # Keep the same address in every language unless a slug is given.
        strings = {**strings, instance.slug: instance.slug}
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        # Segments hold HTML; demo and imported text is plain, so compare as text.
        text = segment.string.as_value().render_text()
        if text in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(strings[text]).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    # wagtail-localize defers publishing to transaction.on_commit, which never
    # fires inside a test transaction and publishes a stale copy of the page
    # if it gains children in the same transaction. Publish here instead.
    has_drafts = isinstance(instance, DraftStateMixin)
    translation.save_target(user=user, publish=not has_drafts)
    translated = instance.get_translation(locale)
    if publish and has_drafts:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated


def parallel_strings(source, target):
    """
    Pair up the strings of two parallel structures (dicts, lists, strings) of
    demo content: the English original and its translation.
    """
    pairs = {}
    if isinstance(source, dict):
        for key, value in source.items():
            if key in target:
                pairs.update(parallel_strings(value, target[key]))
    elif isinstance(source, list | tuple):
        for source_item, target_item in zip(source, target, strict=True):
            pairs.update(parallel_strings(source_item, target_item))
    elif isinstance(source, str) and isinstance(target, str):
        pairs[source] = target
    return pairs
