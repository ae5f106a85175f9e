"""
Searching the site in one language (or all), on the search engine when there
is one and it answers, otherwise on the database. Both paths return the same
SearchResponse, so pages and the API do not care which answered.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_countries import countries
from opensearchpy.exceptions import RequestError
from wagtail.models import Locale, Page

from . import index
from .documents import document_types, public_pages, type_for

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32
PER_PAGE = 10
MAX_PAGE = 100
FACETS = ("kind", "topics", "country", "year")
FALLBACK_CANDIDATES = 200
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
    return {"article": _("Articles"), "event": _("Events"), "member": _("Members"), "page": _("Pages")}


def search(query, language, filters=None, page=1, per_page=PER_PAGE, all_languages=False):
    query = clean_query(query)
    filters = {name: str(value) for name, value in (filters or {}).items() if name in FACETS and value}
    page = max(1, min(int(page), MAX_PAGE))
    if not query:
        return SearchResponse(query="", language=language, hits=[], total=0, page=1, per_page=per_page)
    response = None
    if index.enabled():
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
            response.notice = _(
                "Search is running in a simpler mode right now: results may be less complete. Please try again later."
            )
    response.promotions = promotions(query, language) if page == 1 else []
    _label_facets(response, filters)
    _log(response)
    return response


# Engine ---------------------------------------------------------------------


def _engine_query(query):
    return {
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


def _did_you_mean(query, target):
    body = {
        "suggest": {
            "text": query,
            "phrase": {
                "phrase": {
                    "field": "suggest",
                    "size": 1,
                    "max_errors": 2,
                    "confidence": 0.0,
                    "direct_generator": [
                        {"field": "suggest", "suggest_mode": "always", "min_word_length": 2, "prefix_length": 0}
                    ],
                }
            },
        }
    }
    result = index.client().search(index=target, body=body, size=0, ignore_unavailable=True)
    options = result.get("suggest", {}).get("phrase", [{}])[0].get("options", [])
    suggestion = options[0]["text"] if options else None
    return suggestion if suggestion and suggestion != query.lower() else None


def autocomplete(prefix, language, limit=8):
    """Titles that start with what the reader has typed so far."""
    prefix = clean_query(prefix)
    if not prefix:
        return []
    if index.enabled():
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
    locale = Locale.objects.filter(language_code=language).first()
    pages = public_pages(Page.objects.filter(locale=locale, depth__gt=2, title__istartswith=prefix))[:limit]
    return [{"title": page.title, "url": page.url, "kind": "page"} for page in pages]


# Database fallback ----------------------------------------------------------


def _database_search(query, language, filters, page, per_page):
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    candidates = list(Page.objects.live().filter(locale=locale).search(query, operator="or")[:FALLBACK_CANDIDATES])
    public_ids = set(public_pages(Page.objects.filter(pk__in=[p.pk for p in candidates])).values_list("pk", flat=True))
    objects = [p.specific for p in candidates if p.pk in public_ids]
    for document_type in document_types():
        if document_type.database_search:
            objects += list(document_type.database_search(query, locale)[:50])

    documents = []
    for obj in objects:
        document_type = type_for(obj)
        document = document_type.build(obj) if document_type else None
        if document:
            documents.append(document)
    facets = {name: _count(documents, name) for name in FACETS}
    selected = [d for d in documents if all(_matches(d, name, value) for name, value in filters.items())]
    start = (page - 1) * per_page
    hits = [
        Hit(
            kind=d["kind"],
            title=d["title"],
            url=d["url"],
            locale=d["locale"],
            summary=d.get("summary", ""),
            highlight=_highlight(_best_text(d, query), query),
            title_highlight=_highlight(d["title"], query, width=500),
            date=d.get("date"),
            extra=d.get("extra") or {},
        )
        for d in selected[start : start + per_page]
    ]
    return SearchResponse(query, language, hits, len(selected), page, per_page, facets, backend="database")


def _values(document, name):
    value = document.get(name)
    return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value not in (None, "") else [])


def _matches(document, name, value):
    return value in _values(document, name)


def _count(documents, name):
    counts = {}
    for document in documents:
        for value in _values(document, name):
            counts[value] = counts.get(value, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Facet(value, value, count) for value, count in ordered]


def _best_text(document, query):
    """The summary if it mentions the query, else the body if it does, else the summary."""
    words = [word.casefold() for word in query.split()]
    for name in ("summary", "body"):
        text = document.get(name) or ""
        if any(word in text.casefold() for word in words):
            return text
    return document.get("summary") or document.get("body") or ""


def _highlight(text, query, width=180):
    """An excerpt around the first match, escaped, with matches in <mark>."""
    words = [re.escape(word) for word in query.split() if len(word) > 1][:10]
    if not words or not text:
        return escape(text[:width])
    pattern = re.compile("|".join(words), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, found.start() - width // 3) if found else 0
    excerpt = text[start : start + width]
    parts, last = [], 0
    for match in pattern.finditer(excerpt):
        parts += [escape(excerpt[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    parts.append(escape(excerpt[last:]))
    return mark_safe(("…" if start else "") + "".join(parts))  # noqa: S308 - every piece is escaped


# Shared ---------------------------------------------------------------------


def promotions(query, language):
    """Editors' chosen results for this query in this language (Wagtail's search promotions)."""
    from wagtail.contrib.search_promotions.models import Query

    promoted = Query.objects.filter(query_string=query.strip().lower()).first()
    if promoted is None:
        return []
    hits = []
    for pick in promoted.editors_picks.select_related("page", "page__locale").order_by("sort_order"):
        page = pick.page
        if page is None or page.locale.language_code != language:
            continue
        if not public_pages(Page.objects.filter(pk=page.pk)).exists():
            continue
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

    if getattr(settings, "SEARCH_LOG_QUERIES", True):
        SearchQueryLog.objects.record(response.query, response.language, response.total)
