"""
In production the shared cache is Redis: every lookup is a network round trip,
like a query. API lists make as many of them at `limit=50` as at `limit=5`.
"""

import pytest
from django.core.cache import caches

from tests.factories import ArticlePageFactory, EventPageFactory, ImageFactory, MemberFactory

LISTS = [
    "/api/v2/pages/?limit={n}",
    "/api/v2/pages/?limit={n}&type=articles.ArticlePage&fields=intro,topics,byline,hero_image,display_date",
    "/api/v2/articles/?limit={n}",
    "/api/v2/events/?limit={n}&to=2031-01-01",
    "/api/v2/members/?limit={n}",
]


@pytest.fixture
def content(db, in_focus, events_index, policy):
    """More articles, events and listed members than the smaller limit."""
    for _n in range(8):
        ArticlePageFactory(parent=in_focus, topics=[policy], hero_image=ImageFactory())
        EventPageFactory(parent=events_index)
        MemberFactory(photo=ImageFactory(), show_photo=True)


@pytest.fixture
def cache_round_trips(monkeypatch):
    """
    The keys the default cache is asked for or given, one entry per round
    trip: a get_many is one round trip to Redis, though the local cache used
    in tests answers it with a get per key.
    """
    asked = []
    depth = []
    cache = caches["default"]

    def spy(method):
        def lookup(key, *args, **kwargs):
            if not depth:
                asked.append(key)
            depth.append(key)
            try:
                return method(key, *args, **kwargs)
            finally:
                depth.pop()

        return lookup

    for name in ("get", "get_many", "has_key", "set", "set_many", "add"):
        monkeypatch.setattr(cache, name, spy(getattr(cache, name)))
    return asked


def round_trips(client, url, asked):
    asked.clear()
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(asked), response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_list_cache_round_trips_do_not_depend_on_limit(client, url, content, cache_round_trips):
    client.get(url.format(n=50))  # renditions are made once, on first use
    few, _few_body = round_trips(client, url.format(n=5), cache_round_trips)
    many, many_body = round_trips(client, url.format(n=50), cache_round_trips)
    assert len(many_body.get("items", [])) > 5, "not enough content to tell a difference"
    assert many == few, f"{url}: {few} cache round trips at limit=5, {many} at limit=50"
