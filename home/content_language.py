"""
Marking text that is not in the page's language. Where a profile, label or
snippet is not translated, readers get the default language's text instead;
that fragment must say which language it is in (`lang`) and which way it runs
(`dir`), or screen readers read it with the wrong voice and punctuation
jumps to the wrong side in Arabic.
"""

import unicodedata
from collections import Counter

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

# The script each site language is written in, where it is not Latin. Proper
# names (people, organisations, places) stay as they were entered, so their
# language is told by their script; they need marking only on pages written
# in another script.
NON_LATIN_SCRIPTS = {"ar": "Arab", "ru": "Cyrl", "zh-hans": "Hans"}
UNICODE_SCRIPT_NAMES = {"ARABIC": "Arab", "CYRILLIC": "Cyrl", "CJK": "Hans", "LATIN": "Latn"}


class TextIn(str):
    """A string that knows its language: a fallback label, say."""

    def __new__(cls, value, language):
        text = super().__new__(cls, value)
        text.language = language
        return text

    def __getnewargs__(self):  # pickled into the shared cache with its language
        return (str(self), self.language)


def language_of(value):
    """The language code of a string, a Locale, or an object with a `locale` (a member, a snippet)."""
    if value is None:
        return None
    if isinstance(value, TextIn):
        return value.language
    if isinstance(value, str):
        # A language code; any other plain string is text in the page's language.
        return value if value in dict(settings.LANGUAGES) else None
    language_code = getattr(value, "language_code", None)
    if language_code:
        return language_code
    locale = getattr(value, "locale", None)
    return getattr(locale, "language_code", None)


def script(language):
    return NON_LATIN_SCRIPTS.get(language, "Latn")


def script_of(text):
    """The script most letters of `text` are written in ('Latn', 'Arab', …), or None."""
    text = str(text)
    if text.isascii():
        # Most names: every ASCII letter is Latin, and no letter is looked up by name.
        return "Latn" if any(character.isalpha() for character in text) else None
    counts = Counter()
    for character in text:
        if character.isalpha():
            prefix = unicodedata.name(character, "").split(" ", 1)[0]
            if prefix in UNICODE_SCRIPT_NAMES:
                counts[UNICODE_SCRIPT_NAMES[prefix]] += 1
    return counts.most_common(1)[0][0] if counts else None


def language_written_in(text_script):
    """The site language that uses a script: Latin text is taken to be in the default language."""
    for language, language_script in NON_LATIN_SCRIPTS.items():
        if language_script == text_script:
            return language
    return settings.LANGUAGE_CODE


def _attributes(language):
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


def attributes(value):
    """' lang="en" dir="ltr"' when `value` is in another language than the page, else ''."""
    language = language_of(value)
    if not language or language == translation.get_language():
        return ""
    return _attributes(language)


def name_attributes(text):
    """
    For a proper name kept as it was written ('Amara Okafor', 'Nairobi'): its
    language by its script, marked where the page uses another script.
    """
    text_script = script_of(text or "")
    if text_script is None or text_script == script(translation.get_language()):
        return ""
    return _attributes(language_written_in(text_script))
