"""
Scale-out on the engine the site already uses: a two-node OpenSearch cluster
(both nodes on 127.0.0.1, started here once for the run) with SEARCH_URL
naming both. The indexes keep a copy on each node, so search answers the
same when a node stops; what is published while the cluster cannot write is
queued and indexed once the node is back.
"""

import os
import time

import pytest
from django.test import override_settings

from search import index as search_index
from search.models import PendingIndexUpdate
from search.query import search
from tests.factories import StandardPageFactory
from tests.search_cluster import SearchCluster

pytestmark = pytest.mark.search_engine

QUERIES = ["network", "women", "ICT", "telemedicine"]  # words of the test site


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = SearchCluster(tmp_path_factory.mktemp("search-cluster"))
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def on_cluster(cluster, django_db_setup, django_db_blocker):
    """The site pointed at the cluster, with the test site indexed there once."""
    with override_settings(
        SEARCH_URL=cluster.url,
        SEARCH_INDEX_PREFIX=f"cluster-{os.getpid()}",
        # Creating an index waits for both nodes to take it; on two shared
        # cores that can outlast the 2 s readers are given.
        SEARCH_TIMEOUT=10,
        # A write refused while the cluster has no manager trips the circuit
        # breaker; keep its pause short so the test reads from the engine again.
        SEARCH_BREAKER_SECONDS=1,
    ):
        with django_db_blocker.unblock():
            search_index.rebuild()
        cluster.wait_for_status("green")
        yield cluster


def results(query):
    response = search(query, "en")
    assert response.backend == "engine", f"{query!r} fell back to the database"
    return [hit.url for hit in response.hits]


def test_every_index_keeps_a_copy_on_each_node(on_cluster, db):
    for name, index in on_cluster.get(f"/cluster-{os.getpid()}-site-*/_settings").items():
        assert index["settings"]["index"]["number_of_replicas"] == "1", name
    shards = on_cluster.get("/_cat/shards?format=json")
    ours = [s for s in shards if s["index"].startswith(f"cluster-{os.getpid()}-site-")]
    assert {s["node"] for s in ours} == set(on_cluster.nodes)
    assert all(s["state"] == "STARTED" for s in ours)


def test_search_answers_the_same_with_a_node_stopped_and_indexing_resumes_when_it_returns(on_cluster, home):
    before = {query: results(query) for query in QUERIES}
    assert all(before.values())

    # Stopping the elected cluster manager is the harder case: the other node
    # alone has no quorum, so it serves searches but cannot accept writes.
    away = on_cluster.manager()
    on_cluster.stop_node(away)
    try:
        assert {query: results(query) for query in QUERIES} == before

        page = StandardPageFactory(parent=home, title="Quorum lantern", slug="quorum-lantern", live=False)
        page.save_revision().publish()
        assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()  # queued, not lost
        time.sleep(1.5)  # past the breaker's pause after the refused write
        assert page.url not in results("lantern")
    finally:
        on_cluster.start_node(away)
    on_cluster.wait_for_status("green")

    search_index.apply_pending()
    assert not PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    search_index.client().indices.refresh(index=search_index.alias("en"))
    assert page.url in results("lantern")
    # The node that was away holds the new document too.
    local = on_cluster.get(
        f"/{search_index.alias('en')}/_search?q=lantern&preference=_only_local",
        node=away,
    )
    assert [hit["_source"]["url"] for hit in local["hits"]["hits"]] == [page.url]
