"""
A two-node OpenSearch cluster on 127.0.0.1 built from the development node
(search/engine, started through scripts/search_engine.sh with -E settings),
on free ports, for tests that stop and restart a node. Each node has a small
heap; both are stopped when the cluster is.
"""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "search_engine.sh"


class SearchCluster:
    def __init__(self, home, names=("node-a", "node-b"), heap="256m"):
        self.home = Path(home)
        self.heap = heap
        self.nodes = {name: {"http": free_port(), "transport": free_port()} for name in names}
        self.processes = {}

    @property
    def url(self):
        """SEARCH_URL for the site: every node, comma-separated."""
        return ",".join(self.node_url(name) for name in self.nodes)

    def node_url(self, name):
        return f"http://127.0.0.1:{self.nodes[name]['http']}"

    def start(self, timeout=180):
        subprocess.run([SCRIPT, "build"], check=True, timeout=900)  # noqa: S603
        for name in self.nodes:
            self.start_node(name)
        self.wait_for_status("green", timeout=timeout)
        return self

    def start_node(self, name):
        seeds = ",".join(f"127.0.0.1:{node['transport']}" for node in self.nodes.values())
        env = {
            **os.environ,
            "SEARCH_PORT": str(self.nodes[name]["http"]),
            "SEARCH_ENGINE_HOME": str(self.home / name),
            "SEARCH_HEAP": self.heap,
        }
        log = open(self.home / f"{name}.log", "ab")  # noqa: SIM115 - handed to the child
        self.processes[name] = subprocess.Popen(  # noqa: S603
            [
                SCRIPT,
                "run",
                "-Ecluster.name=gnwict-test-cluster",
                f"-Enode.name={name}",
                f"-Etransport.port={self.nodes[name]['transport']}",
                f"-Ediscovery.seed_hosts={seeds}",
                f"-Ecluster.initial_cluster_manager_nodes={','.join(self.nodes)}",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def stop_node(self, name):
        process = self.processes.pop(name, None)
        if process is not None and process.poll() is None:
            process.terminate()  # the node's shutdown hook closes it cleanly
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def stop(self):
        for name in list(self.processes):
            self.stop_node(name)

    def get(self, path, node=None, timeout=10):
        """GET a node's REST API (the first running one by default); the parsed JSON."""
        node = node or next(iter(self.processes))
        request = urllib.request.Request(self.node_url(node) + path)  # noqa: S310 - our own node
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.loads(response.read())

    def manager(self):
        """The name of the elected cluster manager."""
        state = self.get("/_cluster/state/cluster_manager_node,nodes")
        return state["nodes"][state["cluster_manager_node"]]["name"]

    def wait_for_status(self, status, nodes=None, timeout=300):
        nodes = nodes or len(self.nodes)
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            for name, process in list(self.processes.items()):
                if process.poll() is not None:
                    log = (self.home / f"{name}.log").read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"search node {name} exited:\n{log}")
            try:
                last = self.get(f"/_cluster/health?wait_for_status={status}&wait_for_nodes={nodes}&timeout=2s")
                if not last["timed_out"]:
                    return last
            except (OSError, urllib.error.HTTPError, ValueError) as error:
                last = error
            time.sleep(0.5)
        raise RuntimeError(f"the cluster did not turn {status} with {nodes} nodes in {timeout} s: {last}")
