"""
The API rows of `make bench` on a database that already holds a corpus, for
working on the API's CPU cost without regenerating or re-measuring the pages:

    python bench/profile_api.py --database postgres://.../gnwict_perfapi
    python bench/profile_api.py --database ... --profile "API articles list"

Without --profile: serves the site under gunicorn (bench settings, one worker,
a redis-server of its own, page cache off) and prints worker CPU per request
for each API URL of bench/pages.py and for the bare view, measured the same
way. With --profile NAME: runs that URL in this process through Django's test
client under cProfile and prints the costliest functions.
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench import pages  # noqa: E402
from tests import servers  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True)
    parser.add_argument("--search-url", default=os.environ.get("SEARCH_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--index-prefix", default="bench-api")
    parser.add_argument("--requests", type=int, default=100, help="requests per URL")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1, help="measure every URL this many times; report the least")
    parser.add_argument("--only", action="append", default=[], help="measure only the rows with this name")
    parser.add_argument("--profile", help="the name of one row to profile in-process")
    parser.add_argument("--url", action="append", default=[], help="also measure this URL (name and URL alike)")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=60)
    return parser.parse_args()


def measure(args, api):
    with tempfile.TemporaryDirectory() as directory, servers.redis_server(directory) as redis_url:
        env = {**pages.environment(args), "REDIS_URL": redis_url, "PAGE_CACHE_SECONDS": "0"}
        with servers.site_server(env, settings_module="bench.settings") as (base, master):
            pid = pages.worker_pid(master)
            best = {}
            for _round in range(args.rounds):
                for name, url in [("bare Django view", "/bench/bare/"), *api]:
                    row = pages.measure(base, pid, url, args.requests, args.concurrency)
                    if name not in best or row["cpu_ms"] < best[name]["cpu_ms"]:
                        best[name] = row
            bare = best["bare Django view"]["cpu_ms"]
            print("| URL | queries | CPU ms/request | × bare view |")
            print("| --- | --- | --- | --- |")
            for name, row in best.items():
                print(f"| {name} | {row['queries']} | {row['cpu_ms']:.2f} | {row['cpu_ms'] / bare:.1f} |")


def profile(args, url):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code} {response.content[:300]}")
    # CPU time, as the bench measures: waiting for PostgreSQL or Redis is not counted.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(args.requests):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)


def main():
    args = parse_args()
    _pages, api, _soak = pages.corpus_urls(args)
    if args.only:
        api = [(name, url) for name, url in api if name in args.only]
    api += [(url, url) for url in args.url]
    if args.profile:
        (url,) = [url for name, url in api if name == args.profile]
        profile(args, url)
    else:
        measure(args, api)


if __name__ == "__main__":
    main()
