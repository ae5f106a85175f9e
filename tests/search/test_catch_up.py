"""
Index updates missed during an outage reach both indexes, the site's and
Wagtail's, by themselves when the engine returns: the catch-up is a task that
schedules itself again while updates remain. Real processes, as in production:
the database task backend and its worker, and a frozen engine (a listener that
accepts and never answers) that later passes requests to the real engine.
"""

import time

import pytest
from django.conf import settings
from wagtail.models import Page

from search import index
from tests import servers

TITLE = "Catch-up probe"

PUBLISH = (
    "import time; from home.models import HomePage, StandardPage; "
    "home = HomePage.objects.get(depth=2, locale__language_code='en'); "
    f"page = home.add_child(instance=StandardPage(title='{TITLE}', slug='catch-up-probe')); "
    "started = time.monotonic(); page.save_revision().publish(); print(round(time.monotonic() - started, 2))"
)
DELETE = "from wagtail.models import Page; Page.objects.filter(slug='catch-up-probe').delete()"


def manage_with(search_url, *args, **env):
    return servers.manage(
        *args,
        env={
            **env,
            "DEBUG": "0",
            "SEARCH_URL": search_url,
            "SEARCH_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
            "SEARCH_TIMEOUT": "1",
            "SEARCH_CATCH_UP_SECONDS": "1",
            "SEARCH_BREAKER_SECONDS": "1",
        },
    )


def documents_titled(title):
    from modelsearch.backends import get_search_backend

    index.client().indices.refresh(index=index.alias("en"))
    site = index.client().search(index=index.alias("en"), body={"query": {"match_phrase": {"title": title}}})
    wagtail_index = get_search_backend().get_index_for_model(Page).name
    index.client().indices.refresh(index=wagtail_index)
    wagtail = index.client().search(
        index=wagtail_index, body={"query": {"match_phrase": {"title": title}}}, stored_fields="pk"
    )
    return len(site["hits"]["hits"]), len(wagtail["hits"]["hits"])


@pytest.mark.django_db
@pytest.mark.parametrize("redis", ["none", "down"])
def test_updates_missed_while_frozen_reach_both_indexes_when_the_engine_returns(engine, fake_engines, redis):
    # "down": the shared cache, which holds the catch-up's lock, is away too.
    env = {"REDIS_URL": f"redis://127.0.0.1:{servers.free_port()}/0"} if redis == "down" else {}
    real_url = settings.SEARCH_URL
    proxy = fake_engines("hanging", upstream=real_url)

    def manage(search_url, *args):
        return manage_with(search_url, *args, **env)

    try:
        seconds = float(manage(proxy.url, "shell", "-c", PUBLISH).strip().splitlines()[-1])
        assert seconds <= 1 + 1  # SEARCH_TIMEOUT + 1 s
        manage(proxy.url, "db_worker", "--batch")  # the index tasks meet the frozen engine and queue the updates
        assert documents_titled(TITLE) == (0, 0)

        proxy.mode = "forward"  # the engine is back
        proxy.freeze_connections()
        deadline = time.monotonic() + 30
        while documents_titled(TITLE) != (1, 1) and time.monotonic() < deadline:
            time.sleep(1.2)  # the catch-up was deferred by SEARCH_CATCH_UP_SECONDS
            manage(proxy.url, "db_worker", "--batch")
        assert documents_titled(TITLE) == (1, 1)
    finally:
        manage(real_url, "shell", "-c", DELETE)
        manage(real_url, "db_worker", "--batch")
