"""
The site search on the database: what readers get with no engine configured
and while the engine is down. It never goes through Wagtail's search backend
(which may be the engine itself).

Documents are the engine's documents (search.documents), stored with their
terms (search.words) in an inverted index: DatabaseDocument and DatabaseTerm.
A search is a fixed number of SQL queries whatever the number of matches: one
for the matching terms (with what ranking and facets need), one for the
number of documents, one for the page of results.
"""

import difflib
import math
from collections import Counter, defaultdict

from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import words
from .documents import document_types, restrictions_snapshot, type_for
from .models import DatabaseDocument, DatabaseTerm

# How much a term counts in each field (the engine's query uses the same boosts).
FIELD_WEIGHTS = {"title": 4.0, "topic_labels": 2.0, "summary": 2.0, "body": 1.0}
MAX_QUERY_TERMS = 32


def _terms_with_weights(document, language):
    weights = defaultdict(float)
    for name, boost in FIELD_WEIGHTS.items():
        value = document.get(name) or ""
        text = " ".join(value) if isinstance(value, list) else str(value)
        for found, count in Counter(words.terms(text, language)).items():
            weights[found] += boost * (1 + math.log(count))
    return weights


def _row(document, document_id, rank):
    return {
        "language": document["locale"],
        "document_id": document_id,
        "kind": document["kind"],
        "rank": rank,
        "title": document["title"] or "",
        "summary": document.get("summary") or "",
        "body": document.get("body") or "",
        "url": document.get("url") or "",
        "topics": document.get("topics") or [],
        "country": document.get("country") or "",
        "year": document.get("year"),
        "date": document.get("date") or "",
        "extra": document.get("extra") or {},
    }


def _store(document, document_id, rank):
    row = _row(document, document_id, rank)
    stored, _created = DatabaseDocument.objects.update_or_create(
        language=row["language"], document_id=document_id, defaults=row
    )
    stored.terms.all().delete()
    DatabaseTerm.objects.bulk_create(
        DatabaseTerm(document=stored, language=row["language"], term=term, weight=weight)
        for term, weight in _terms_with_weights(document, row["language"]).items()
    )


def sync_objects(objects):
    """Store or remove the document of each object."""
    with transaction.atomic():
        for obj in objects:
            document_type = type_for(obj)
            if document_type is None:
                continue
            document = document_type.build(obj)
            document_id = document_type.document_id(obj)
            if document is None:
                DatabaseDocument.objects.filter(language=obj.locale.language_code, document_id=document_id).delete()
            else:
                _store(document, document_id, document_type.rank_of(obj))


def remove(language, document_id):
    DatabaseDocument.objects.filter(language=language, document_id=document_id).delete()


def rebuild(stdout=None, chunk_size=500):
    """Build the database search afresh from every indexable object. Returns the number of documents."""
    total = 0
    with transaction.atomic(), restrictions_snapshot():
        DatabaseDocument.objects.all().delete()
        for document_type in document_types():
            documents, terms = [], []
            for obj in document_type.queryset().iterator(chunk_size=chunk_size):
                obj = getattr(obj, "specific", obj)
                document = document_type.build(obj)
                if document is None:
                    continue
                row = DatabaseDocument(**_row(document, document_type.document_id(obj), document_type.rank_of(obj)))
                documents.append(row)
                terms.append(_terms_with_weights(document, row.language))
            # PostgreSQL and SQLite (3.35+) return the new ids from a bulk insert.
            DatabaseDocument.objects.bulk_create(documents, batch_size=chunk_size)
            DatabaseTerm.objects.bulk_create(
                (
                    DatabaseTerm(document_id=row.pk, language=row.language, term=term, weight=weight)
                    for row, weights in zip(documents, terms, strict=True)
                    for term, weight in weights.items()
                ),
                batch_size=5000,
            )
            total += len(documents)
            if stdout:
                stdout.write(f"  {document_type.kind}: {len(documents)} in the database search")
    return total


class Match:
    __slots__ = ("id", "kind", "rank", "topics", "country", "year", "date", "weights")

    def __init__(self, row):
        self.id, _term, _weight, self.kind, self.rank, self.topics, self.country, self.year, self.date = row
        self.weights = {}

    def facet_values(self, name):
        value = {"kind": self.kind, "topics": self.topics, "country": self.country, "year": self.year}[name]
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value not in (None, "") else []


def find(query, language):
    """
    Every document matching the query, best first, as Match objects. Like the
    engine's query, up to two terms must all match; longer queries need 70% of
    their terms.
    """
    wanted = words.query_terms(query, language)[:MAX_QUERY_TERMS]
    if not wanted:
        return [], wanted
    rows = DatabaseTerm.objects.filter(language=language, term__in=wanted).values_list(
        "document_id",
        "term",
        "weight",
        "document__kind",
        "document__rank",
        "document__topics",
        "document__country",
        "document__year",
        "document__date",
    )
    matches = {}
    for row in rows:
        match = matches.get(row[0]) or matches.setdefault(row[0], Match(row))
        match.weights[row[1]] = row[2]
    required = len(wanted) if len(wanted) <= 2 else int(len(wanted) * 0.7)
    matches = [match for match in matches.values() if len(match.weights) >= required]
    if not matches:
        return [], wanted
    document_count = DatabaseDocument.objects.filter(language=language).count() or 1
    frequency = Counter(term for match in matches for term in match.weights)
    idf = {term: math.log(1 + document_count / count) for term, count in frequency.items()}

    def score(match):
        coverage = len(match.weights) / len(wanted)
        return coverage * coverage * sum(weight * idf[term] for term, weight in match.weights.items())

    # Rank first: a section's index page comes after the content it lists,
    # however well it matches (its title often is the query: "Events").
    scored = sorted(((score(m), m) for m in matches), key=lambda item: (-item[1].rank, -item[0], item[1].date or ""))
    return scored, wanted


def documents(ids):
    by_id = DatabaseDocument.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


# Highlighting ------------------------------------------------------------------


def _spans(text, wanted, language):
    """(start, end) of each word of text that the query matches."""
    wanted = set(wanted)
    han = [term for term in wanted if words._HAN_RUN.fullmatch(term)]
    for match in words.words(text):
        token = match.group()
        if words._HAN_RUN.fullmatch(token):
            for piece in han:
                start = token.find(piece)
                while start >= 0:
                    yield match.start() + start, match.start() + start + len(piece)
                    start = token.find(piece, start + 1)
        elif words.cached_term(token, language) in wanted:
            yield match.span()


def highlight(text, wanted, language, width=180):
    """An excerpt of text around the first match, escaped, with matches in <mark>."""
    text = text or ""
    spans = sorted(_spans(text, wanted, language))
    if not spans:
        return mark_safe(escape(text[:width]))  # noqa: S308 - escaped
    start = max(0, spans[0][0] - width // 3) if len(text) > width else 0
    end = start + width
    parts, last = [], start
    for span_start, span_end in spans:
        if span_start < last or span_end > end:
            continue
        parts += [escape(text[last:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        last = span_end
    parts.append(escape(text[last:end]))
    return mark_safe(("…" if start else "") + "".join(parts))  # noqa: S308 - every piece is escaped


def mentions(text, wanted, language):
    return next(iter(_spans(text or "", wanted, language)), None) is not None


# Suggestions ---------------------------------------------------------------------


def did_you_mean(query, language):
    """The query with unknown words replaced by the closest word of a title, or None."""
    vocabulary = set()
    for title in DatabaseDocument.objects.filter(language=language).values_list("title", flat=True):
        vocabulary.update(word.casefold() for word in title.split() if len(word) > 2)
    changed, suggestion = False, []
    for word in query.split():
        folded = word.casefold()
        close = [] if folded in vocabulary else difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.75)
        if close:
            changed = True
            suggestion.append(close[0].strip(".,:;!?()«»\"'"))
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else None


def popular_topics(language, limit=8):
    """The topics with the most documents in this language, as slugs."""
    counts = Counter()
    for topics in (
        DatabaseDocument.objects.filter(language=language).exclude(topics=[]).values_list("topics", flat=True)
    ):
        counts.update(topics)
    return [slug for slug, _count in counts.most_common(limit)]


def autocomplete(prefix, language, limit=8):
    """Titles that start with what was typed, or have a word that does."""
    from django.db.models import Q

    found = (
        DatabaseDocument.objects.filter(language=language)
        .filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
        .order_by("-rank", "title")
        .values("title", "url", "kind")[:limit]
    )
    return list(found)
