"""
Sorting names the way readers of each language expect: the Unicode Collation
Algorithm for every language (accents after their letter in French, Arabic
in alphabetical order), and pinyin for Chinese, the order of Chinese
dictionaries and lists. Python's own sort compares code points, which puts
"Égypte" after "Zambie" and Chinese in an arbitrary order.
"""

import functools

from django.utils import translation
from django.utils.translation import gettext
from django_countries import countries


@functools.cache
def _collator():
    import pyuca

    return pyuca.Collator()


def sort_key(text, language=None):
    text = str(text)
    language = language or translation.get_language() or ""
    key = _collator().sort_key(text)
    if language.startswith("zh"):
        from pypinyin import Style, lazy_pinyin

        return (_collator().sort_key(" ".join(lazy_pinyin(text, style=Style.TONE3))), key)
    return key


def sorted_by_name(items, name=lambda item: item[1], language=None):
    """`items` ((code, name) pairs unless told otherwise) in the reader's alphabetical order."""
    language = language or translation.get_language()
    return sorted(items, key=lambda item: sort_key(name(item), language))


@functools.cache
def _country_choices(language):
    with translation.override(language):
        return tuple(
            sorted_by_name(((country.code, str(country.name).strip()) for country in countries), language=language)
        )


def country_choices():
    """Every country, named in the reader's language and in her alphabetical order."""
    return list(_country_choices(translation.get_language()))


def country_name(code):
    return dict(_country_choices(translation.get_language())).get(code, code)


def country_options():
    """Choices for a required country field: nothing chosen until the reader picks her country."""
    return [("", gettext("Choose a country")), *country_choices()]
