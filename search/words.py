"""
How text becomes search terms for the database search, the same way for the
documents and for the reader's query, so that a word form in one meets the
other: Unicode folding, per-language normalisation, stop words, Snowball
stemming, and character bigrams for Chinese, which has no spaces.

The search engine does the same with its own analyzers (search/analysis.py);
this is its counterpart on SQLite and PostgreSQL.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

# Django language code -> Snowball algorithm.
STEMMERS = {"ar": "arabic", "en": "english", "es": "spanish", "fr": "french", "ru": "russian"}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Combining marks that belong inside a word (Latin accents left uncomposed,
# Cyrillic titlos, Arabic harakat): Python's \w does not count them as letters.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# A run of Chinese characters, or a run of any other letters and digits.
_TOKEN = re.compile(rf"[{_HAN}]+|(?:[^\W_{_HAN}]|[{_MARKS}])+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")
# Arabic short vowels and other marks (harakat), the superscript alef and tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def _word_set(text):
    return frozenset(text.split())


# The most frequent function words of each language: they match nearly every
# document and say nothing about what a reader looks for. The tokenizer splits
# at apostrophes, so elided articles (l'économie, d'Afrique) and the English
# possessive are stop words too.
STOP_WORDS = {
    "en": _word_set(
        "a an and are as at be but by for from has have in into is it its of on or s that the their this to was "
        "were which will with"
    ),
    "fr": _word_set(
        "au aux avec c ce ces d dans de des du elle en est et il ils j l la le les leur leurs m mais n ne par "
        "pas pour qu que qui s sa se ses son sont sur t un une"
    ),
    "es": _word_set("al como con de del el en es la las lo los para por que se su sus un una y o a"),
    "ru": _word_set("в во и к на не но о об от по с со у за из для как что это его ее их"),
    "ar": _word_set("في من على الى الي عن ان او مع هذا هذه التي الذي ذلك كان و"),
}


@cache
def _stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def fold(text):
    """Case, compatibility forms (full-width letters, ligatures), digits of any script, Latin accents."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            # Accents on Latin letters go (é → e); other scripts keep their marks
            # (Russian й is и with a breve, and must stay й).
            if out and out[-1] < "\u0250":
                continue
            out.append(char)
        elif char.isdigit() and not char.isascii():
            out.append(str(unicodedata.digit(char, char)))
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def normalise_arabic(word):
    """Hamza forms of alef, alef maksura, teh marbuta and diacritics, as Lucene's Arabic normaliser does."""
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_LETTERS)


def words(text):
    """The words of a text as written (for highlighting), in order."""
    return _TOKEN.finditer(text or "")


def han_terms(run, for_query=False):
    """
    A run of Chinese characters as overlapping bigrams ('电信市场' → 电信 信市 市场),
    plus, in documents, each character, so a one-character query finds it too.
    """
    if len(run) == 1:
        return [run]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
    return bigrams if for_query else [*bigrams, *run]


def term(word, language):
    """One word as the index keeps it, or None for a stop word."""
    word = fold(word)
    if language == "ru":
        word = word.replace("ё", "е")
    elif language == "ar":
        word = normalise_arabic(word)
    if not word or word in STOP_WORDS.get(language, ()):
        return None
    stemmer = _stemmer(language)
    if stemmer is not None and not word.isdigit():
        word = stemmer.stemWord(word)
    return word[:60] or None


# Highlighting analyses the words of each result's excerpt: they repeat a lot.
cached_term = lru_cache(maxsize=100_000)(term)


def terms(text, language, for_query=False):
    """Every search term in a text, in order, repeats included."""
    found = []
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", text or "")):
        token = match.group()
        if _HAN_RUN.fullmatch(token):
            found += han_terms(token, for_query)
            continue
        value = term(token, language)
        if value:
            found.append(value)
    return found


def query_terms(query, language):
    """A reader's query as distinct terms, in order."""
    return list(dict.fromkeys(terms(query, language, for_query=True)))
