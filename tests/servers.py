"""
Real server processes for tests that need more than one worker: each is a
gunicorn master with its own workers on a free port of 127.0.0.1, started
with the environment a test gives it (DATABASE_URL, REDIS_URL, ...), the way
production runs several hosts against the same PostgreSQL and Redis.

    with running_servers(2, database_url=..., redis_url=...) as (first, second):
        first.get("/en/")

`redis_server` and `site_server` are the context-manager forms the
benchmarks use (any settings module, no Django settings needed).
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(directory, port=None):
    """A throw-away redis-server on a free port (or `port`) of 127.0.0.1; returns (process, REDIS_URL)."""
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed (make test installs it)")
    port = port or free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, f"redis://127.0.0.1:{port}/0"


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@contextlib.contextmanager
def redis_server(directory):
    """start_redis as a context manager; yields the REDIS_URL."""
    process, url = start_redis(directory)
    try:
        yield url
    finally:
        _stop(process)


def current_database_url(host=None, port=None):
    """The URL of the database the tests run on (the test database, with the test site), optionally via a proxy."""
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{host or db['HOST'] or '127.0.0.1'}:{port or db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def manage(*args, env=None):
    """
    Run manage.py in a process of its own against the test database, as
    production runs commands and the task worker: the database task backend
    and no search engine unless `env` says otherwise. Its output; a failure
    fails the test.
    """
    env = {
        **os.environ,
        "TASKS_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": current_database_url(),
        "SEARCH_URL": "",
        **(env or {}),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


class Response:
    def __init__(self, status, headers, body, elapsed):
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed = elapsed

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Server:
    def __init__(self, process, port, log_path):
        self.process = process
        self.port = port
        self.log_path = log_path

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def get(self, path, timeout=30, headers=None, method="GET", data=None):
        """An HTTP request; any status (4xx, 5xx) is returned, not raised."""
        request = urllib.request.Request(self.url + path, headers=headers or {}, method=method, data=data)  # noqa: S310
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our own server
                return Response(response.status, response.headers, response.read(), time.monotonic() - started)
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read(), time.monotonic() - started)

    def post(self, path, data, **kwargs):
        return self.get(path, method="POST", data=data, **kwargs)

    def worker_pids(self):
        """The gunicorn workers of this server (children of its master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def log(self):
        return Path(self.log_path).read_text(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(*, database_url, redis_url=None, env=None, workers=1, threads=4, log_dir=None, timeout=60):
    """
    Start one gunicorn server with the test settings against `database_url`
    (and `redis_url` for the shared cache). Returns once it answers HTTP.
    """
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url or "",
        # The indexes this test run created, not a new set named after the server's pid.
        "SEARCH_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
        "SEARCH_URL": settings.SEARCH_URL,
        **(env or {}),
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log_path = Path(log_dir or tempfile.mkdtemp(prefix="gunicorn-")) / f"gunicorn-{port}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - handed to the child, closed with it
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread" if threads > 1 else "sync",
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    server = Server(process, port, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{server.log()}")
        try:
            if server.get("/robots.txt", timeout=5).status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{server.log()}")


@contextlib.contextmanager
def running_servers(count, **kwargs):
    """`count` servers started with the same arguments (see start_server), stopped afterwards."""
    servers = []
    try:
        for _ in range(count):
            servers.append(start_server(**kwargs))
        yield servers
    finally:
        for server in servers:
            server.stop()


@contextlib.contextmanager
def search_node(heap="512m", name="gnwict-node"):
    """
    A development OpenSearch node of its own (scripts/search_engine.sh) on
    free ports with `heap`, its data in a temporary directory; yields its URL,
    then stops it and deletes the data. Its own transport port and cluster
    name keep it from joining any other node on this machine.
    """
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as home:
        port = free_port()
        env = {**os.environ, "SEARCH_PORT": str(port), "SEARCH_ENGINE_HOME": home, "SEARCH_HEAP": heap}
        script = str(ROOT / "scripts" / "search_engine.sh")
        node_settings = [f"-Etransport.port={free_port()}", f"-Ecluster.name={name}", f"-Enode.name={name}"]
        subprocess.run([script, "start", *node_settings], cwd=ROOT, env=env, check=True)  # noqa: S603
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            subprocess.run([script, "stop"], cwd=ROOT, env=env, check=False)  # noqa: S603


@contextlib.contextmanager
def site_server(environment, workers=1, settings_module="cms.settings.test", timeout=60):
    """This project under gunicorn with `environment` on top of ours; yields (base URL, master pid)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **environment}
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                # The first request imports the project; do it before anything is timed.
                with urllib.request.urlopen(base + "/robots.txt", timeout=timeout):  # noqa: S310 - our own server
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base, process.pid
    finally:
        _stop(process)


@contextlib.contextmanager
def fresh_database(name):
    """
    An empty PostgreSQL database `name` beside the test database, on the same
    server; yields its URL and drops it afterwards. For what must start from
    nothing, as on a new machine (`make run` loading the demo content).
    """
    import psycopg

    db = connection.settings_dict
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": "postgres",
    }

    def run(statement):
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}:{db['PASSWORD']}@{server['host']}:{server['port']}/{name}"
    finally:
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def committed(function, *args):
    """
    Run `function` on a connection of its own, outside the test's rolled-back
    transaction, so that other processes (servers, workers) see what it writes.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:

        def run():
            try:
                return function(*args)
            finally:
                connections.close_all()

        return pool.submit(run).result()
