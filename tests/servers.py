"""
Real processes for tests that need more than one: a redis-server and gunicorn
servers of this project, all on 127.0.0.1, on ports the OS hands out, stopped
when the test ends.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@contextmanager
def redis_server(directory):
    """A redis-server of our own (Debian's package, as make test installs it); yields its URL."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise RuntimeError("redis-server is not installed (make test installs it)")
    port = free_port()
    command = [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    process = subprocess.Popen([*command, "--dir", str(directory)], stdout=subprocess.DEVNULL)  # noqa: S603
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def database_url(settings_dict):
    """postgres:// URL of the database a Django connection uses (the test database, in tests)."""
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    host, port, name = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or "5432", settings_dict["NAME"]
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


@contextmanager
def site_server(environment, workers=1, settings="cms.settings.test"):
    """This project under gunicorn with `environment` on top of ours; yields (base URL, master pid)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, **environment}
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=PROJECT, env=env)  # noqa: S603
    try:
        wait_for_port(port, process)
        base = f"http://127.0.0.1:{port}"
        # The first request imports the project; do it before anything is timed.
        requests.get(base + "/robots.txt", timeout=60)
        yield base, process.pid
    finally:
        _stop(process)
