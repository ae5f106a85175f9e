"""
`make run` (scripts/run.sh): the search readers get, said in one line; the
development engine node started beside the server and stopped with it; the
database search when Java is missing. Real processes on free ports, against
a database of their own (`demo_database`, prepared once by the same command
the script runs, so its preparation steps find nothing to do).
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
NOT_THERE = {"java", "javac", "mvn", "apt-get", "sudo"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code < 500
    except requests.RequestException:
        return False


def path_without_java(tmp_path):
    """A PATH with every program of this machine except Java, Maven and package managers."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            target = bin_dir / name
            if name not in NOT_THERE and not target.exists() and os.access(os.path.join(directory, name), os.X_OK):
                target.symlink_to(os.path.join(directory, name))
    return str(bin_dir)


class RunScript:
    def __init__(self, tmp_path, database_url, **env):
        self.port = free_port()
        self.search_port = free_port()
        self.log = tmp_path / "run.log"
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "PORT": str(self.port),
            "SEARCH_PORT": str(self.search_port),
            "SEARCH_ENGINE_HOME": str(tmp_path / "node"),
            "SEARCH_INDEX_PREFIX": f"run-script-{self.search_port}",
            "RUN_INSTALL_PACKAGES": "0",
            **env,
        }
        environment.pop("SEARCH_URL", None)
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [str(ROOT / "scripts" / "run.sh")],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def output(self):
        return self.log.read_text()

    def wait_until_serving(self, timeout=300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"run.sh exited with {self.process.returncode}:\n{self.output()}")
            if answers(f"{self.url}/en/"):
                return
            time.sleep(1)
        pytest.fail(f"nothing served within {timeout} s:\n{self.output()}")

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)  # what Ctrl-C does to the script
            self.process.wait(timeout=60)

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)


def search_lines(output):
    return [line for line in output.splitlines() if line.startswith("make run: search:")]


def test_without_java_it_serves_with_the_database_search_and_says_why(tmp_path, demo_database):
    run = RunScript(tmp_path, demo_database.url, MEDIA_ROOT=demo_database.media_root, PATH=path_without_java(tmp_path))
    try:
        run.wait_until_serving()
        [line] = search_lines(run.output())
        assert "database search" in line and "Java" in line
        assert (
            requests.get(f"{run.url}/api/v2/search/", params={"q": "women"}, timeout=30).json()["backend"] == "database"
        )
        missing = requests.get(f"{run.url}/fr/no-such-page/", timeout=30)
        assert missing.status_code == 404 and "Page introuvable" in missing.text  # the site's own 404, in French
    finally:
        run.stop()
        run.kill()
    assert run.process.returncode is not None
    assert "Forgotten its password? Set a new one with" in run.output()  # the admin exists already


def test_starts_the_engine_builds_the_indexes_and_stops_the_engine_with_the_server(tmp_path, demo_database):
    # A newly started node answers its first searches slowly on a busy machine:
    # a longer deadline keeps them from falling back to the database here.
    run = RunScript(tmp_path, demo_database.url, MEDIA_ROOT=demo_database.media_root, SEARCH_TIMEOUT="15")
    node = f"http://127.0.0.1:{run.search_port}"
    try:
        run.wait_until_serving(timeout=600)
        [line] = search_lines(run.output())
        assert f"search engine started on {node}" in line
        assert "Site search: building one index per language" in run.output()  # the new node had no index
        body = requests.get(f"{run.url}/api/v2/search/", params={"q": "women"}, timeout=30).json()
        assert body["backend"] == "engine" and body["total"] > 0
        assert answers(node)
    finally:
        run.stop()
        run.kill()
    assert "stopping the search engine node" in run.output()
    assert not answers(node)
