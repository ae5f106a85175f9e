"""
Index settings for the site search: one index per language, each analysed by
that language's analyzer. See docs/search.md.
"""

from django.conf import settings

# Django language code -> the suffix of its index.
LANGUAGES = {"ar": "ar", "en": "en", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh"}

_FILTERS = {
    "ar_stop": {"type": "stop", "stopwords": "_arabic_"},
    "ar_stemmer": {"type": "stemmer", "language": "arabic"},
    "en_stop": {"type": "stop", "stopwords": "_english_"},
    "en_possessive": {"type": "stemmer", "language": "possessive_english"},
    "en_stemmer": {"type": "stemmer", "language": "english"},
    "fr_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    },
    "fr_stop": {"type": "stop", "stopwords": "_french_"},
    "fr_stemmer": {"type": "stemmer", "language": "light_french"},
    "ru_stop": {"type": "stop", "stopwords": "_russian_"},
    "ru_stemmer": {"type": "stemmer", "language": "russian"},
    "ru_yo": {"type": "pattern_replace", "pattern": "ё", "replacement": "е"},
    "es_stop": {"type": "stop", "stopwords": "_spanish_"},
    "es_stemmer": {"type": "stemmer", "language": "light_spanish"},
    "autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
    "suggest_shingle": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3},
}

# The analyzer of each language: normalisation, stop words and stemming.
_TEXT_ANALYZERS = {
    "ar": {
        "tokenizer": "standard",
        "filter": ["lowercase", "decimal_digit", "ar_stop", "arabic_normalization", "ar_stemmer"],
    },
    "en": {"tokenizer": "standard", "filter": ["en_possessive", "lowercase", "en_stop", "en_stemmer"]},
    "es": {"tokenizer": "standard", "filter": ["lowercase", "es_stop", "es_stemmer", "asciifolding"]},
    "fr": {"tokenizer": "standard", "filter": ["fr_elision", "lowercase", "fr_stop", "fr_stemmer", "asciifolding"]},
    "ru": {"tokenizer": "standard", "filter": ["lowercase", "ru_yo", "ru_stop", "ru_stemmer"]},
    # Chinese has no spaces: Lucene's smartcn segmenter finds the words.
    "zh": {"tokenizer": "smartcn_tokenizer", "filter": ["cjk_width", "lowercase"]},
}

# Normalisation without stemming, for autocomplete prefixes and shingles.
_FOLDING = {
    "ar": ["lowercase", "arabic_normalization"],
    "en": ["lowercase"],
    "es": ["lowercase", "asciifolding"],
    "fr": ["fr_elision", "lowercase", "asciifolding"],
    "ru": ["lowercase", "ru_yo"],
    "zh": ["cjk_width", "lowercase"],
}


def replica_settings():
    """
    SEARCH_REPLICAS as index settings: a range ("0-1", the default) lets the
    engine keep a copy on as many nodes as there are, up to the top of the
    range, so one node stays green and two keep a copy each; a number fixes it.
    """
    replicas = str(settings.SEARCH_REPLICAS)
    if "-" in replicas:
        return {"auto_expand_replicas": replicas}
    return {"number_of_replicas": int(replicas)}


def index_settings(language):
    """Settings and mappings of the index for one language (an index suffix, e.g. 'fr')."""
    tokenizer = "smartcn_tokenizer" if language == "zh" else "standard"
    folding = _FOLDING[language]
    return {
        "settings": {
            "number_of_shards": 1,
            **replica_settings(),
            "analysis": {
                "filter": _FILTERS,
                "analyzer": {
                    "text": {"type": "custom", **_TEXT_ANALYZERS[language]},
                    "autocomplete": {
                        "type": "custom",
                        "tokenizer": tokenizer,
                        "filter": [*folding, "autocomplete_edge"],
                    },
                    "autocomplete_query": {"type": "custom", "tokenizer": tokenizer, "filter": folding},
                    "shingles": {"type": "custom", "tokenizer": tokenizer, "filter": [*folding, "suggest_shingle"]},
                    "plain": {"type": "custom", "tokenizer": tokenizer, "filter": folding},
                    "whole": {"type": "custom", "tokenizer": "keyword", "filter": folding},
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "kind": {"type": "keyword"},
                "content_type": {"type": "keyword"},
                "object_id": {"type": "keyword"},
                "locale": {"type": "keyword"},
                "title": {
                    "type": "text",
                    "analyzer": "text",
                    "fields": {
                        "autocomplete": {
                            "type": "text",
                            "analyzer": "autocomplete",
                            "search_analyzer": "autocomplete_query",
                        },
                        "plain": {"type": "text", "analyzer": "plain"},
                        "start": {"type": "text", "analyzer": "whole"},
                        "raw": {"type": "keyword", "ignore_above": 256},
                    },
                    "copy_to": ["suggest"],
                },
                "summary": {"type": "text", "analyzer": "text", "copy_to": ["suggest"]},
                "body": {"type": "text", "analyzer": "text", "copy_to": ["suggest"]},
                "suggest": {"type": "text", "analyzer": "shingles"},
                "topic_labels": {"type": "text", "analyzer": "text"},
                "topics": {"type": "keyword"},
                "country": {"type": "keyword"},
                "year": {"type": "integer"},
                "date": {"type": "date"},
                "url": {"type": "keyword", "index": False},
                "extra": {"type": "object", "enabled": False},
            },
        },
    }
