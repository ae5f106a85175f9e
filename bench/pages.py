"""
`make bench`: the site under gunicorn with production settings on PostgreSQL
and Redis, every kind of page and API list, cached, uncached and cold (see
measure_all), against a bare Django view served by the same worker in the
same run.

For each URL: SQL queries per request, worker CPU per request (utime+stime
from /proc, which noisy neighbours do not inflate), requests per second and
p50/p95 latency, and the ratio of CPU per request to the bare view's. Prints
a Markdown table and writes bench/results/pages.json.

    python bench/pages.py --articles 10000 --events 2000 --members 3000

Uses its own database (gnwict_bench), a redis-server of its own and a search
engine node of its own (scripts/search_engine.sh on free ports, with a heap of
--search-heap, default 2g: the shared development node's 512 MB does not hold
this corpus), stopped and deleted at the end, so the search rows measure the
engine. --search-url uses an existing engine instead (its indexes, prefix
bench-perf, are deleted at the end unless --keep-index); --search-url ""
measures the database search.
"""

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import redis
import requests

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from cms.redis_urls import next_redis_database  # noqa: E402
from tests import servers  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
RESULTS = PROJECT / "bench" / "results" / "pages.json"
# The kernel counts CPU time in clock ticks (10 ms): thirty requests of a bare
# view (~0.5 ms each) read as 0.67 or 1.00 ms. Every ratio divides by it, so
# it is measured over enough requests to be precise to about 1 %.
BARE_REQUESTS = 1000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=200, help="requests per URL and mode")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--soak", type=int, default=10000, help="requests across the corpus before reading RSS")
    parser.add_argument("--database", default="postgres://gnwict:gnwict@127.0.0.1:5432/gnwict_bench")
    parser.add_argument(
        "--search-url",
        default=None,
        help="an existing engine (empty: the database search); default: start a node of the bench's own",
    )
    parser.add_argument("--search-heap", default="2g", help="heap of the bench's own search node (default 2g)")
    parser.add_argument("--index-prefix", default="bench-perf")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--keep-index", action="store_true")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated words: measure only the URLs whose name contains one (e.g. home,events)",
    )
    parser.add_argument("--modes", default="cached,uncached,cold", help="which of cached,uncached,cold,empty to run")
    parser.add_argument(
        "--no-readme", action="store_true", help="leave the README's table alone (partial or exploratory runs)"
    )
    return parser.parse_args()


def environment(args):
    return {
        "DATABASE_URL": args.database,
        "SEARCH_URL": args.search_url,
        "SEARCH_INDEX_PREFIX": args.index_prefix,
        "DB_CONN_MAX_AGE": "600",
        # Indexing a large corpus on a shared 2-core machine takes longer than a reader would wait.
        "SEARCH_TIMEOUT": "60",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "REDIS_URL": args.redis_url,
    }


def manage(args, *command):
    env = {**os.environ, **environment(args), "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True)  # noqa: S603


def create_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def corpus_urls(args):
    """The URLs to measure, found in the generated corpus."""
    os.environ.update(environment(args))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from taggit.models import Tag

    from articles.models import ARTICLES_PER_PAGE, ArticlePage
    from events.models import EventPage

    articles = ArticlePage.objects.live().filter(locale__language_code="en")
    article = articles.filter(slug__startswith="gen-").order_by("path").last() or articles.first()
    event = EventPage.objects.live().filter(locale__language_code="en").order_by("path").last()
    topic = Tag.objects.filter(articles_articlepagetag_items__isnull=False).first()
    deep = max(1, articles.count() // ARTICLES_PER_PAGE // 2)
    pages = [
        ("home", "/en/"),
        ("About", "/en/about/"),
        ("In Focus", "/en/in-focus/"),
        (f"In Focus page {deep}", f"/en/in-focus/?page={deep}"),
        ("article", article.url),
        ("topic archive", f"/en/in-focus/topic/{topic.slug}/"),
        ("events upcoming", "/en/events/"),
        ("events month grid", "/en/events/?month=2027-04"),
        ("event", event.url),
        ("directory filtered", "/en/members/?sector=government&region=africa"),
        ("map", "/en/members/map/"),
        ("search", "/en/search/?q=digital+policy"),
    ]
    api = [
        ("API pages list", "/api/v2/pages/?limit=20"),
        ("API articles list", "/api/v2/articles/?limit=20"),
        ("API events list", "/api/v2/events/?limit=20"),
        ("API members list", "/api/v2/members/?limit=20"),
        ("API map", "/api/v2/map/"),
        ("API search", "/api/v2/search/?q=digital+policy&per_page=20"),
        ("API images list", "/api/v2/images/?limit=20"),
        ("API documents list", "/api/v2/documents/?limit=20"),
        ("API page detail", f"/api/v2/pages/{article.pk}/"),
        ("API article detail", f"/api/v2/articles/{article.pk}/"),
    ]
    soak = [p.url for p in articles.order_by("?")[:500]]
    soak += [e.url for e in EventPage.objects.live().order_by("?")[:200]]
    return pages, api, soak


def worker_pid(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def measure(base, pid, url, count, concurrency, before_each=None):
    """
    CPU per request of the worker `pid`, requests/s and latencies for `count`
    GETs of `url`. With `before_each` (cold and empty modes: it clears a cache), the
    requests go one at a time, each after it.
    """
    local = threading.local()

    def get(_n):
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        started = time.perf_counter()
        response = session.get(base + url, timeout=60)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")
        return elapsed, response.headers.get("X-Queries", "?"), response.headers.get("X-Page-Cache", "")

    for _ in range(3):  # warm: renditions, process caches, the page cache when it is on
        requests.get(base + url, timeout=60)
    cpu_before, wall_before = cpu_seconds(pid), time.perf_counter()
    if before_each is None:
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(get, range(count)))
    else:
        results = []
        for n in range(count):
            before_each()
            results.append(get(n))
    wall = time.perf_counter() - wall_before
    cpu = cpu_seconds(pid) - cpu_before
    latencies = sorted(r[0] for r in results)
    return {
        "queries": results[-1][1],
        "page_cache": results[-1][2],
        "cpu_ms": cpu / count * 1000,
        "rps": count / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def run(args):
    with contextlib.ExitStack() as stack:
        own_node = args.search_url is None
        if own_node:
            print(f"bench: starting a search node of its own ({args.search_heap} heap)", flush=True)
            args.search_url = stack.enter_context(servers.search_node(args.search_heap, "gnwict-bench"))
            args.search_heap_used = args.search_heap
        measure_all(args)
        if not (own_node or args.keep_index):
            delete_indexes(args)


def measure_all(args):
    results = {"corpus": vars(args), "rows": []}
    # Production settings refuse to start without a shared cache: the
    # benchmark's own Redis serves the set-up commands as well as the site.
    with tempfile.TemporaryDirectory() as directory, servers.redis_server(directory) as redis_url:
        args.redis_url = redis_url
        create_database(args.database)
        manage(args, "migrate", "--noinput", "-v0")
        if not args.skip_generate:
            manage(
                args,
                "generate_content",
                f"--articles={args.articles}",
                f"--events={args.events}",
                f"--members={args.members}",
            )
        pages, api, soak = corpus_urls(args)
        index_corpus(args)
        if args.only:
            words = [word.strip().lower() for word in args.only.split(",") if word.strip()]
            pages = [(name, url) for name, url in pages if any(word in name.lower() for word in words)]
            api = [(name, url) for name, url in api if any(word in name.lower() for word in words)]
        # cached: the full-page cache on; uncached: off, with the page parts
        # kept in Redis as they are between two changes; cold: off, and the
        # page cache (pages and parts, a Redis database of its own) cleared
        # before every request (the first reader after a change pays at most
        # this much; only the changed content's parts are purged); empty: off,
        # and the whole of Redis emptied (site root paths, menus, renditions too).
        clear_pages = redis.Redis.from_url(next_redis_database(redis_url)).flushdb
        empty = redis.Redis.from_url(redis_url).flushall
        modes = [
            mode
            for mode in (
                ("cached", "3600", None),
                ("uncached", "0", None),
                ("cold", "0", clear_pages),
                ("empty", "0", empty),
            )
            if mode[0] in args.modes.split(",")
        ]
        for mode, seconds, before_each in modes:
            env = {**environment(args), "PAGE_CACHE_SECONDS": seconds}
            with servers.site_server(env, settings_module="bench.settings") as (base, master):
                pid = worker_pid(master)
                bare = measure(base, pid, "/bench/bare/", max(args.requests, BARE_REQUESTS), args.concurrency)
                results["rows"].append({"name": "bare Django view", "url": "/bench/bare/", "mode": mode, **bare})
                for name, url in pages + (api if mode != "cached" else []):
                    row = measure(base, pid, url, args.requests, args.concurrency, before_each)
                    row["ratio"] = row["cpu_ms"] / bare["cpu_ms"]
                    results["rows"].append({"name": name, "url": url, "mode": mode, **row})
                    print(f"{mode:9} {name:24} {row['cpu_ms']:7.2f} ms CPU  {row['ratio']:6.1f}x", flush=True)
                if mode == "uncached" and args.soak:
                    for n in range(args.soak):
                        requests.get(base + soak[n % len(soak)], timeout=60)
                    results["soak"] = {"requests": args.soak, "worker_rss_mb": rss_mb(pid)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(table(results))
    if not (args.no_readme or args.only or len(modes) < 3):
        update_readme(results)


def update_readme(results):
    """Put the table between the README's bench-table markers."""
    readme = PROJECT / "README.md"
    text = readme.read_text()
    start, end = "<!-- bench-table -->", "<!-- /bench-table -->"
    if start in text and end in text:
        corpus = results["corpus"]
        header = (
            f"Corpus: {corpus['articles']} articles, {corpus['events']} events and {corpus['members']} members "
            f"in each of six languages; {corpus['requests']} requests per URL, concurrency {corpus['concurrency']}, "
            f"one gunicorn worker. Search rows: {search_side(corpus)}. The bare view is measured over "
            f"{max(corpus['requests'], BARE_REQUESTS):,} requests (CPU time is counted in 10 ms ticks); other rows "
            f"over {corpus['requests']}, so a row's CPU is ±{10 / corpus['requests']:.2f} ms. {MODES}"
        )
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        readme.write_text(f"{before}{start}\n{header}\n\n{table(results)}\n{end}{after}")


MODES = (
    "Modes: *cached* = the full-page cache on; *uncached* = the full-page cache off, the page parts kept in Redis "
    "as they are between two changes (a change purges only the parts that show it); *cold* = the full-page cache "
    "off and the page cache (stored pages and page parts, a Redis database of their own) cleared before every "
    "request, as after `manage.py clear_page_cache`; *empty* = the whole of Redis emptied before every request "
    "(root paths, menus and renditions too)."
)


def index_corpus(args):
    """
    Build the site search's indexes on the engine when it holds none (a fresh
    node, or a corpus generated with --no-index), so search rows measure it.
    """
    if not args.search_url:
        return
    from search import index
    from search.connection import long_deadline

    with long_deadline(600):
        engine = index.client()
        aliases = index.all_aliases()
        indexed = all(engine.indices.exists_alias(name=name) for name in aliases)
        if indexed and engine.count(index=",".join(aliases))["count"]:
            return
        print(f"bench: indexing the corpus on {args.search_url}", flush=True)
        print(f"bench: {index.rebuild():,} documents indexed", flush=True)


def search_side(corpus):
    if corpus.get("search_heap_used"):
        return f"the engine (a node of the bench's own, {corpus['search_heap_used']} heap)"
    return f"the engine at {corpus['search_url']}" if corpus["search_url"] else "the database search"


def delete_indexes(args):
    """Delete the benchmark's indexes by name (clusters may refuse wildcard deletes)."""
    if not args.search_url:
        return
    listing = requests.get(f"{args.search_url}/_cat/indices/{args.index_prefix}-*?h=index", timeout=60)
    for name in listing.text.split():
        requests.delete(f"{args.search_url}/{name}", timeout=60)


def table(results):
    lines = [
        "| URL | mode | queries | CPU ms/request | × bare view | requests/s | p50 ms | p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["rows"]:
        ratio = f"{row['ratio']:.1f}" if "ratio" in row else "1.0"
        lines.append(
            f"| {row['name']} | {row['mode']} | {row['queries']} | {row['cpu_ms']:.2f} | {ratio} | "
            f"{row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} |"
        )
    if soak := results.get("soak"):
        lines.append("")
        lines.append(f"Worker RSS after {soak['requests']} requests across the corpus: {soak['worker_rss_mb']:.0f} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    run(parse_args())
