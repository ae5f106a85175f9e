"""
Searching the site in one language (or all), on the search engine when there
is one and it answers, otherwise on the database. Both paths return the same
SearchResponse, so pages and the API do not care which answered.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django_countries import countries
from opensearchpy.exceptions import RequestError
from wagtail.models import Page

from home.visibility import public_pages

from . import database, index, notices
from .connection import engine_is_skipped
from .documents import document_types

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32
PER_PAGE = 10
MAX_PAGE = 100
FACETS = ("kind", "topics", "country", "year")
# Bidirectional-text controls and other invisible format characters carry no
# meaning for search and can hide text; NUL and other controls are dropped.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_query(raw):
    """The reader's query made safe and bounded: any Unicode in, plain words out."""
    text = _INVISIBLE.sub(" ", raw or "")
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    words = text.split()[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    locale: str
    summary: str = ""
    highlight: str = ""  # safe HTML with <mark> around matches
    title_highlight: str = ""
    score: float = 0.0
    date: str | None = None
    promoted: bool = False
    extra: dict = field(default_factory=dict)


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    query: str
    language: str
    hits: list
    total: int
    page: int
    per_page: int
    facets: dict = field(default_factory=dict)
    promotions: list = field(default_factory=list)
    suggestion: str | None = None
    backend: str = "engine"
    notice: str | None = None

    @property
    def page_count(self):
        return max(1, -(-self.total // self.per_page))


def kind_labels():
    return {t.kind: t.label or t.kind for t in document_types()}


def search(query, language, filters=None, page=1, per_page=PER_PAGE, all_languages=False):
    query = clean_query(query)
    filters = {name: str(value) for name, value in (filters or {}).items() if name in FACETS and value}
    page = max(1, min(int(page), MAX_PAGE))
    if not query:
        return SearchResponse(query="", language=language, hits=[], total=0, page=1, per_page=per_page)
    response = None
    engine = index.enabled() and not engine_is_skipped(settings.SEARCH_URL)
    if engine:
        try:
            response = _engine_search(query, language, filters, page, per_page, all_languages)
        except RequestError as error:
            # The engine refused our query: a bug on our side, but the reader still gets results.
            logger.error("Search engine refused the query %r: %s", query, error)
        except index.UNAVAILABLE as error:
            logger.warning("Search engine unavailable, searching the database instead: %s", error)
    if response is None:
        response = _database_search(query, language, filters, page, per_page)
        if index.enabled():
            response.notice = notices.notice()
    response.promotions = promotions(query, language) if page == 1 else []
    _label_facets(response, filters)
    _log(response)
    return response


def total_in_all_languages(query, language, filters=None):
    """
    How many results `query` has across every language: offered to a reader
    whose own language found nothing (an English word typed on the Arabic
    site). Not logged as a search of its own; 0 without the engine, whose
    database fallback searches one language.
    """
    query = clean_query(query)
    filters = {name: str(value) for name, value in (filters or {}).items() if name in FACETS and value}
    if not query or not index.enabled() or engine_is_skipped(settings.SEARCH_URL):
        return 0
    try:
        return _engine_search(query, language, filters, 1, 1, all_languages=True).total
    except RequestError as error:
        logger.error("Search engine refused the query %r: %s", query, error)
    except index.UNAVAILABLE as error:
        logger.warning("Search engine unavailable for the all-languages count: %s", error)
    return 0


# Engine ---------------------------------------------------------------------


def _engine_query(query):
    matches = {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title^4", "topic_labels^2", "summary^2", "body"],
                        "type": "best_fields",
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "max_expansions": 20,
                        "minimum_should_match": "2<70%",
                    }
                },
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title^6", "summary^2", "body"],
                        "type": "phrase",
                        "slop": 2,
                    }
                },
                {"match": {"title.plain": {"query": query, "boost": 2}}},
            ],
            "minimum_should_match": 1,
        }
    }
    demoted = _section_index_types()
    if not demoted:
        return matches
    # A section's front page ranks below the articles and events it lists.
    return {
        "function_score": {
            "query": matches,
            "functions": [{"filter": {"terms": {"content_type": labels}}, "weight": rank} for rank, labels in demoted],
            "boost_mode": "multiply",
        }
    }


@cache
def _section_index_types():
    """[(rank, [content type labels])] for page types that rank below 1 (search_rank)."""
    from wagtail.models import get_page_models

    by_rank = {}
    for model in get_page_models():
        rank = float(getattr(model, "search_rank", 1.0))
        if rank != 1.0:
            by_rank.setdefault(rank, []).append(model._meta.label)
    return sorted(by_rank.items())


def _engine_search(query, language, filters, page, per_page, all_languages):
    engine = index.client()
    target = ",".join(index.all_aliases()) if all_languages else index.alias(language)
    post_filter = [{"term": {name: value}} for name, value in filters.items()]
    body = {
        "query": _engine_query(query),
        "post_filter": {"bool": {"filter": post_filter}},
        "aggs": {
            "kind": {"terms": {"field": "kind", "size": 10}},
            "topics": {"terms": {"field": "topics", "size": 20}},
            "country": {"terms": {"field": "country", "size": 50}},
            "year": {"terms": {"field": "year", "size": 30, "order": {"_key": "desc"}}},
        },
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {
                "title": {"number_of_fragments": 0},
                "summary": {"number_of_fragments": 0},
                "body": {"fragment_size": 180, "number_of_fragments": 2},
            },
        },
        "from": (page - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
    }
    result = engine.search(index=target, body=body, ignore_unavailable=True, allow_no_indices=True)
    hits = [_hit_from_engine(hit) for hit in result["hits"]["hits"]]
    total = result["hits"]["total"]["value"]
    facets = {
        name: [Facet(str(bucket["key"]), str(bucket["key"]), bucket["doc_count"]) for bucket in agg["buckets"]]
        for name, agg in result.get("aggregations", {}).items()
    }
    suggestion = _did_you_mean(query, target) if total == 0 else None
    return SearchResponse(query, language, hits, total, page, per_page, facets, suggestion=suggestion)


def _hit_from_engine(hit):
    source, marks = hit["_source"], hit.get("highlight", {})
    fragments = marks.get("body") or marks.get("summary") or []
    highlight = " … ".join(fragments) if fragments else escape(source.get("summary", ""))
    return Hit(
        kind=source["kind"],
        title=source["title"],
        url=source["url"],
        locale=source["locale"],
        summary=source.get("summary", ""),
        highlight=mark_safe(highlight),  # noqa: S308 - the engine escaped the text (encoder: html)
        title_highlight=mark_safe(marks["title"][0]) if marks.get("title") else escape(source["title"]),  # noqa: S308
        score=hit.get("_score") or 0.0,
        date=source.get("date"),
        extra=source.get("extra") or {},
    )


# How many corrections the suggester proposes; the first that finds a document is offered.
SUGGESTION_CANDIDATES = 3


def _did_you_mean(query, target):
    """
    A correction of the query taken from the index's words, offered only if
    searching for it finds a document. The suggester reads the terms of every
    document the index has held, including deleted ones until their segment
    is merged away (an unpublished article, a member no longer listed); a
    query sees live documents only, so each candidate is checked with one.
    (The phrase suggester's own `collate` would do the same, but needs the
    mustache scripting module, which a minimal node does not have.)
    """
    engine = index.client()
    body = {
        "suggest": {
            "text": query,
            "phrase": {
                "phrase": {
                    "field": "suggest",
                    "size": SUGGESTION_CANDIDATES,
                    "max_errors": 2,
                    "confidence": 0.0,
                    "direct_generator": [
                        {"field": "suggest", "suggest_mode": "always", "min_word_length": 2, "prefix_length": 0}
                    ],
                }
            },
        }
    }
    result = engine.search(index=target, body=body, size=0, ignore_unavailable=True)
    options = result.get("suggest", {}).get("phrase", [{}])[0].get("options", [])
    candidates = [option["text"] for option in options if option["text"] != query.lower()]
    if not candidates:
        return None
    searches = []
    for text in candidates:
        searches += [
            {"index": target, "ignore_unavailable": True},
            {"size": 0, "terminate_after": 1, "query": {"match": {"suggest": {"query": text, "operator": "and"}}}},
        ]
    found = engine.msearch(body=searches)["responses"]
    return next(
        (
            text
            for text, answer in zip(candidates, found, strict=True)
            if answer.get("hits", {}).get("total", {}).get("value")
        ),
        None,
    )


def autocomplete(prefix, language, limit=8):
    """Titles that start with what the reader has typed so far."""
    prefix = clean_query(prefix)
    if not prefix:
        return []
    if index.enabled() and not engine_is_skipped(settings.SEARCH_URL):
        try:
            result = index.client().search(
                index=index.alias(language),
                body={
                    "query": {
                        "bool": {
                            "must": {"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}},
                            # Titles that begin with what was typed come first.
                            "should": {"prefix": {"title.start": {"value": prefix.casefold(), "boost": 5}}},
                        }
                    },
                    "_source": ["title", "url", "kind"],
                    "size": limit,
                },
                ignore_unavailable=True,
            )
            return [
                {"title": hit["_source"]["title"], "url": hit["_source"]["url"], "kind": hit["_source"]["kind"]}
                for hit in result["hits"]["hits"]
            ]
        except index.UNAVAILABLE as error:
            logger.warning("Search engine unavailable for autocomplete: %s", error)
    return database.autocomplete(prefix, language, limit)


# Database ---------------------------------------------------------------------


def _database_search(query, language, filters, page, per_page):
    ranked, wanted = database.find(query, language)
    facets = {name: _count([match for _score, match in ranked], name) for name in FACETS}
    selected = [
        (score, match)
        for score, match in ranked
        if all(value in match.facet_values(name) for name, value in filters.items())
    ]
    start = (page - 1) * per_page
    shown = selected[start : start + per_page]
    scores = {match.id: score for score, match in shown}
    hits = []
    for document in database.documents([match.id for _score, match in shown]):
        text = document.summary if database.mentions(document.summary, wanted, language) else document.body
        hits.append(
            Hit(
                kind=document.kind,
                title=document.title,
                url=document.url,
                locale=document.language,
                summary=document.summary,
                highlight=database.highlight(text or document.summary, wanted, language),
                title_highlight=database.highlight(document.title, wanted, language, width=500),
                score=scores[document.pk],
                date=document.date or None,
                extra=document.extra or {},
            )
        )
    suggestion = database.did_you_mean(query, language) if not selected else None
    return SearchResponse(
        query, language, hits, len(selected), page, per_page, facets, suggestion=suggestion, backend="database"
    )


def _count(matches, name):
    counts = {}
    for match in matches:
        for value in match.facet_values(name):
            counts[value] = counts.get(value, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Facet(value, value, count) for value, count in ordered]


def popular_topics(language):
    """Topics to offer a reader whose search found nothing: (slug, label), most used first."""
    labels = {}
    for document_type in document_types():
        if document_type.facet_labels:
            labels.update(document_type.facet_labels(language).get("topics", {}))
    return [(slug, labels.get(slug, slug)) for slug in database.popular_topics(language)]


# Shared ---------------------------------------------------------------------


def promotions(query, language):
    """
    Editors' chosen results for this query in this language (Wagtail's search
    promotions), in one query however many an editor picked: the picks whose
    page is in this language and visible to readers.
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = (
        SearchPromotion.objects.filter(
            query__query_string=query.strip().lower(),
            page__locale__language_code=language,
            page__in=public_pages(Page.objects.all()),
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    hits = []
    for pick in picks:
        page = pick.page
        hits.append(
            Hit(
                kind="page",
                title=page.title,
                url=page.url,
                locale=language,
                summary=pick.description or "",
                highlight=escape(pick.description or ""),
                promoted=True,
            )
        )
    return hits


def _label_facets(response, filters):
    labels = {"kind": {k: str(v) for k, v in kind_labels().items()}}
    for document_type in document_types():
        if document_type.facet_labels:
            for name, values in document_type.facet_labels(response.language).items():
                labels.setdefault(name, {}).update(values)
    for name, facets in response.facets.items():
        for facet in facets:
            facet.selected = filters.get(name) == facet.value
            if name == "country":
                facet.label = str(countries.name(facet.value) or facet.value)
            else:
                facet.label = labels.get(name, {}).get(facet.value, facet.value)


def _log(response):
    from .models import SearchQueryLog

    if settings.SEARCH_LOG_QUERIES:
        SearchQueryLog.objects.record(response.query, response.language, response.total)
