#!/usr/bin/env python
"""
Load test: the site under gunicorn with production settings, on PostgreSQL,
Redis and a search engine node of its own, driven by wrk with 64 concurrent
connections for 60 s over the key pages in every language, the API and
search. Midway it kills a gunicorn worker (SIGKILL) and restarts the engine.
Prints requests/s, p50/p99 latency and the count of errors and 5xx (the
target is zero 5xx), and writes them to bench/results/loadtest-*.json.

    make loadtest                                  # what CI would run by hand
    scripts/loadtest.sh --duration 30 --workers 2  # options go through

Needs DATABASE_URL (scripts/loadtest.sh provides a database of its own,
LOADTEST_DB_NAME, default gnwict_loadtest), wrk and redis-server (Debian
packages) and a Java runtime for the engine (scripts/search_engine.sh).
Everything it starts listens on free ports of 127.0.0.1 and is stopped at
the end.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import free_port, start_redis  # noqa: E402

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
API_PATHS = [
    "/api/v2/pages/?limit=10",
    "/api/v2/pages/?locale=fr&limit=10",
    "/api/v2/articles/?limit=10",
    "/api/v2/search/?q=women&locale=en",
    "/api/v2/search/?q=num%C3%A9rique&locale=fr",
    "/api/v2/members/",
    "/api/v2/events/",
]
SEARCH_PATHS = [
    "/en/search/?q=girls+in+ict",
    "/fr/search/?q=femmes",
    "/es/search/?q=mujeres",
    "/ar/search/?q=%D8%A7%D9%84%D9%85%D8%B1%D8%A3%D8%A9",
    "/zh-hans/search/?q=%E5%A5%B3%E6%80%A7",
    "/ru/search/?q=%D0%B6%D0%B5%D0%BD%D1%89%D0%B8%D0%BD",
]


def log(message):
    print(f"loadtest: {message}", file=sys.stderr, flush=True)


def run(args, env, **kwargs):
    subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def get(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Engine:
    """The development OpenSearch node on a free port, through scripts/search_engine.sh."""

    def __init__(self, home):
        self.port = free_port()
        self.env = {**os.environ, "SEARCH_PORT": str(self.port), "SEARCH_ENGINE_HOME": str(home)}
        # Its own transport port, so it never joins another node on this machine.
        self.args = [f"-Etransport.port={free_port()}", "-Enode.name=gnwict-loadtest", "-Ecluster.name=gnwict-loadtest"]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        run(["scripts/search_engine.sh", "start", *self.args], self.env, stdout=subprocess.DEVNULL)

    def stop(self):
        run(["scripts/search_engine.sh", "stop"], self.env, stderr=subprocess.DEVNULL)


def key_paths(base_url):
    """Pages in every language from the sitemap (home pages, sections, some detail pages), the API and search."""
    _status, body = get(base_url + "/sitemap.xml")
    urls = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", body.decode())
    pages = []
    for language in LANGUAGES:
        mine = [url for url in urls if url.startswith(f"/{language}/")]
        sections = sorted((url for url in mine if url.count("/") <= 3), key=len)[:8]
        details = [url for url in mine if url.count("/") > 3][:6]
        pages += sections + details
    return pages + API_PATHS + SEARCH_PATHS


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--kill-worker-at", type=float, default=0.33, help="fraction of the run")
    parser.add_argument("--restart-engine-at", type=float, default=0.5, help="fraction of the run")
    parser.add_argument("--skip-setup", action="store_true", help="the database is already migrated and loaded")
    options = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("loadtest: DATABASE_URL must point at PostgreSQL (scripts/loadtest.sh sets it)")
    for tool in ["wrk", "redis-server", "java"]:
        if shutil.which(tool) is None:
            sys.exit(f"loadtest: {tool} is not installed (scripts/system_packages.sh installs it)")

    work = Path(tempfile.mkdtemp(prefix="gnwict-loadtest-"))
    redis_process, redis_url = start_redis(work)
    engine = Engine(work / "engine")
    gunicorn = None
    try:
        log(f"starting a search engine node on {engine.url}")
        engine.start()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "loadtest-only-" + os.urandom(16).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "REDIS_URL": redis_url,
            "SEARCH_URL": engine.url,
            "SEARCH_INDEX_PREFIX": "loadtest",
            "STATIC_ROOT": str(work / "static"),
            "TASKS_BACKEND": "database",
            "LOG_LEVEL": "ERROR",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        python = sys.executable
        if not options.skip_setup:
            log("migrating and loading the demo content")
            run([python, "manage.py", "migrate", "--noinput"], env, stdout=subprocess.DEVNULL)
            run([python, "manage.py", "load_demo_content"], env, stdout=subprocess.DEVNULL)
        run([python, "scripts/check_messages.py", "--compile"], env, stdout=subprocess.DEVNULL)
        run([python, "manage.py", "collectstatic", "--noinput"], env, stdout=subprocess.DEVNULL)
        log("indexing for search")
        run([python, "manage.py", "update_index"], env, stdout=subprocess.DEVNULL)

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(  # noqa: S603
            [python, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(options.workers)]
            + ["--timeout", "30", "--backlog", "2048", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stderr=open(work / "gunicorn.log", "wb"),  # noqa: SIM115 - handed to the child
        )
        for _ in range(120):
            try:
                if get(base_url + "/robots.txt", timeout=5)[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        paths = [path for path in key_paths(base_url) if get(base_url + path)[0] == 200]
        log(f"{len(paths)} paths answer 200; warming up")
        for path in paths:
            get(base_url + path)
        (work / "paths.txt").write_text("\n".join(paths) + "\n")

        events = []
        started = time.monotonic()

        def at(fraction, action):
            time.sleep(max(0.0, options.duration * fraction - (time.monotonic() - started)))
            t = round(time.monotonic() - started, 1)
            events.append({"t": t, "event": action()})

        def kill_worker():
            children = Path(f"/proc/{gunicorn.pid}/task/{gunicorn.pid}/children").read_text().split()
            os.kill(int(children[0]), signal.SIGKILL)
            return f"killed gunicorn worker {children[0]} (SIGKILL)"

        def restart_engine():
            engine.stop()
            stopped = time.monotonic()
            engine.start()
            return f"restarted the search engine (down {time.monotonic() - stopped:.0f} s)"

        out = work / "wrk.json"
        wrk = subprocess.Popen(  # noqa: S603
            ["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}s", "--timeout", "30s"]
            + ["-s", str(ROOT / "bench" / "loadtest.lua"), base_url],
            env={**os.environ, "LOADTEST_PATHS": str(work / "paths.txt"), "LOADTEST_OUT": str(out)},
            stdout=subprocess.DEVNULL,
        )
        disruptions = [
            threading.Thread(target=at, args=(options.kill_worker_at, kill_worker)),
            threading.Thread(target=at, args=(options.restart_engine_at, restart_engine)),
        ]
        for thread in disruptions:
            thread.start()
        wrk.wait()
        for thread in disruptions:
            thread.join()

        raw = json.loads(out.read_text())
        statuses = {int(code): count for code, count in raw["statuses"].items()}
        seconds = raw["duration_us"] / 1e6
        result = {
            "connections": options.connections,
            "duration_s": round(seconds, 1),
            "gunicorn_workers": options.workers,
            "cpus": os.cpu_count(),
            "paths": len(paths),
            "requests": raw["requests"],
            "requests_per_s": round(raw["requests"] / seconds, 1),
            "latency_ms": {name: round(value / 1000, 1) for name, value in raw["latency_us"].items()},
            "socket_errors": {name: raw["errors"][name] for name in ["connect", "read", "write", "timeout"]},
            "responses_5xx": sum(count for code, count in statuses.items() if code >= 500),
            "statuses": {str(code): statuses[code] for code in sorted(statuses)},
            "events": events,
        }
        results = ROOT / "bench" / "results"
        results.mkdir(exist_ok=True)
        path = results / f"loadtest-{time.strftime('%Y%m%d-%H%M%S')}.json"
        path.write_text(json.dumps(result, indent=2) + "\n")
        if result["responses_5xx"]:
            shutil.copy(work / "gunicorn.log", path.with_suffix(".gunicorn.log"))  # the tracebacks

        latency = result["latency_ms"]
        errors = sum(result["socket_errors"].values())
        print(f"{result['requests']} requests in {result['duration_s']} s over {options.connections} connections")
        print(f"requests/s {result['requests_per_s']}  p50 {latency['p50']} ms  p99 {latency['p99']} ms")
        print(
            f"errors {errors} {result['socket_errors']}  5xx {result['responses_5xx']}  statuses {result['statuses']}"
        )
        for event in events:
            print(f"  at {event['t']} s: {event['event']}")
        print(f"written to {path.relative_to(ROOT)}")
        if result["responses_5xx"]:
            print(f"server log with the errors: {path.with_suffix('.gunicorn.log').relative_to(ROOT)}")
        return 1 if result["responses_5xx"] else 0
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        engine.stop()
        redis_process.terminate()
        redis_process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
