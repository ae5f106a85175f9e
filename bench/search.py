#!/usr/bin/env python
"""
Search benchmark: index a multilingual corpus and time queries through the
JSON endpoint, on the search engine and on the database, side by side.

    .venv/bin/python bench/search.py                 # 20,000 documents on the engine, 1,000 pages on the database
    .venv/bin/python bench/search.py --docs 100000   # the target size
    .venv/bin/python bench/search.py --docs 0        # the database side only (target: p95 <= 150 ms)
    .venv/bin/python bench/search.py --docs 1000000 --db-docs 0   # a million, on a node with a bigger heap

Needs SEARCH_URL (default http://127.0.0.1:9200, `make search-engine`) and is
meant for PostgreSQL (DATABASE_URL). The engine side writes to indexes with
the prefix "bench" and deletes them afterwards; the database side creates
pages inside a transaction that is rolled back.

The development node's 512 MB heap holds 100,000 documents; for a million,
start a node of its own with a bigger heap on another port and point
SEARCH_URL at it (docs/performance.md):

    SEARCH_PORT=9250 SEARCH_HEAP=4g SEARCH_ENGINE_HOME=/tmp/bench-node \
        scripts/search_engine.sh start -Etransport.port=9350 -Ecluster.name=bench
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9200")
os.environ["SEARCH_INDEX_PREFIX"] = "bench"

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from articles.demo.articles_en import ARTICLES  # noqa: E402
from articles.demo.articles_translated import TRANSLATIONS  # noqa: E402
from events.demo.content import EVENTS  # noqa: E402
from search import index  # noqa: E402
from search.connection import long_deadline  # noqa: E402

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]
KINDS = ["article", "event", "page"]
TOPICS = ["policy", "e-health", "e-government", "e-skills-development", "m-payment"]
COUNTRIES = ["KE", "FR", "BR", "IN", "EG", "RU", "CN", "MX", "SN", "US"]
PROGRESS_EVERY = 100_000


def sentences_by_language():
    """Real sentences in each language, from the demo content."""
    found = {code: [] for code in LANGUAGES}
    for article in ARTICLES:
        found["en"] += [article["title"], article["intro"], *article["body"]]
    for translations in TRANSLATIONS.values():
        for code, text in translations.items():
            found[code] += [text["title"], text["intro"], *text["body"]]
    for event in EVENTS:
        for code, (title, summary) in event["text"].items():
            found[code] += [title, summary]
    return found


def corpus(total, seed=7):
    rng = random.Random(seed)
    texts = sentences_by_language()
    for number in range(total):
        language = LANGUAGES[number % len(LANGUAGES)]
        sentences = texts[language]
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 8)))
        title = rng.choice(sentences)[:120]
        yield (
            language,
            {
                "kind": rng.choice(KINDS),
                "content_type": "bench.Document",
                "object_id": str(number),
                "locale": language,
                "title": title,
                "summary": rng.choice(sentences),
                "body": body,
                "url": f"/{language}/bench/{number}/",
                "topics": rng.sample(TOPICS, 2),
                "topic_labels": [],
                "country": rng.choice(COUNTRIES),
                "year": rng.randint(2011, 2027),
                "date": f"{rng.randint(2011, 2027)}-04-2{rng.randint(0, 8)}",
                "extra": {},
            },
        )


def queries(count, seed=11):
    rng = random.Random(seed)
    texts = sentences_by_language()
    picked = []
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        words = rng.choice(texts[language]).split()
        if language == "zh-hans":
            sentence = rng.choice(texts[language])
            start = rng.randrange(max(1, len(sentence) - 4))
            picked.append((language, sentence[start : start + 4]))
        else:
            picked.append((language, " ".join(rng.sample(words, min(2, len(words))))))
    return picked


def percentiles(samples):
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "mean": statistics.fmean(ordered) * 1000,
    }


def time_queries(client, picked, warmup=20):
    for language, text in picked[:warmup]:
        client.get("/api/v2/search/", {"q": text, "locale": language})
    samples, backends = [], set()
    # The site's own CPU per query (this process serves the requests): unlike
    # latency, neighbours on a shared machine do not inflate it.
    cpu_started = time.process_time()
    for language, text in picked:
        started = time.perf_counter()
        response = client.get("/api/v2/search/", {"q": text, "locale": language})
        samples.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"The search endpoint answered {response.status_code}: {response.content[:300]!r}")
        backends.add(response.json()["backend"])
    cpu = (time.process_time() - cpu_started) / len(picked) * 1000
    return {**percentiles(samples), "cpu": cpu}, backends


def bench_engine(total, picked, chunk=1000):
    # Bulk loading is maintenance: each batch gets the long deadline update_index
    # has, not a reader's SEARCH_TIMEOUT (a merge at 1,000,000 documents can
    # hold a batch for seconds). Documents are generated as they are sent, so
    # memory stays flat whatever the total.
    with long_deadline():
        index.delete_indexes()
        index.ensure_indexes()
        engine = index.client()
        for name in index.all_aliases():
            engine.indices.put_settings(index=name, body={"index": {"refresh_interval": "-1"}})
        started = time.perf_counter()
        batch = []
        for language, document in corpus(total):
            batch.append(
                {
                    "_op_type": "index",
                    "_index": index.alias(language),
                    "_id": f"bench-{document['object_id']}",
                    "_source": document,
                }
            )
            if len(batch) >= chunk:
                index.write(batch, ensure=False)
                batch = []
                done = int(document["object_id"]) + 1
                if done % PROGRESS_EVERY == 0:
                    print(f"engine: {done:,} documents in {time.perf_counter() - started:.0f} s", flush=True)
        index.write(batch, ensure=False)
        for name in index.all_aliases():
            engine.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
        engine.indices.refresh(index=",".join(index.all_aliases()))
        elapsed = time.perf_counter() - started
    with override_settings(SEARCH_LOG_QUERIES=False):
        latency, backends = time_queries(Client(HTTP_HOST="127.0.0.1"), picked)
    with long_deadline():
        index.delete_indexes()
    return {"documents": total, "seconds": elapsed, "docs_per_second": total / elapsed, **latency, "backends": backends}


def bench_database(total, picked):
    """
    The database search that readers get without an engine or during an outage
    (search.database): pages are created, the database search is built from
    them (the "indexed in" figure), then the same queries are timed.
    """
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from home.models import HomePage, StandardPage
    from search import database

    result = {}
    database_only = {"default": {"BACKEND": "search.backends.database_backend"}}
    with (
        override_settings(SEARCH_URL="", SEARCH_LOG_QUERIES=False, WAGTAILSEARCH_BACKENDS=database_only),
        transaction.atomic(),
    ):
        homes = {home.locale.language_code: home for home in HomePage.objects.filter(depth=2).select_related("locale")}
        if len(homes) < len(LANGUAGES):
            raise SystemExit("Run `manage.py load_demo_content` first: the database side needs the six home pages.")
        parents = {}
        for code, home in homes.items():
            parents[code] = home.add_child(
                instance=StandardPage(title="Bench", slug="bench-corpus", locale=Locale.objects.get(language_code=code))
            )
        started = time.perf_counter()
        for language, document in corpus(total):
            page = StandardPage(
                title=document["title"],
                slug=f"bench-{document['object_id']}",
                intro=document["summary"],
                body=[("paragraph", RichText(f"<p>{document['body']}</p>"))],
            )
            parents[language].add_child(instance=page)
        created = time.perf_counter() - started
        started = time.perf_counter()
        documents = database.rebuild()
        elapsed = time.perf_counter() - started
        print(f"database: {total:,} pages created in {created:.1f} s; {documents:,} documents built in {elapsed:.1f} s")
        latency, backends = time_queries(Client(HTTP_HOST="127.0.0.1"), picked)
        result = {
            "documents": total,
            "seconds": elapsed,
            "docs_per_second": total / elapsed,
            **latency,
            "backends": backends,
        }
        transaction.set_rollback(True)
    return result


def report(name, figures):
    print(
        f"{name:<9} {figures['documents']:>8,} docs  indexed in {figures['seconds']:7.1f} s "
        f"({figures['docs_per_second']:8.0f} docs/s)   query p50 {figures['p50']:6.1f} ms  "
        f"p95 {figures['p95']:6.1f} ms  mean {figures['mean']:6.1f} ms  site CPU {figures['cpu']:5.1f} ms/query  "
        f"[{', '.join(sorted(figures['backends']))}]"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000, help="documents for the engine (default 20,000; 0 to skip)")
    parser.add_argument("--db-docs", type=int, default=1_000, help="pages for the database side (0 to skip)")
    parser.add_argument("--queries", type=int, default=300, help="queries to time on each side")
    options = parser.parse_args()
    picked = queries(options.queries)
    print(f"Corpus: six languages; {options.queries} queries through GET /api/v2/search/ (in-process WSGI client)")
    if options.docs:
        report("engine", bench_engine(options.docs, picked))
    if options.db_docs:
        report("database", bench_database(options.db_docs, picked))


if __name__ == "__main__":
    main()
