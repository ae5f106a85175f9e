"""
The In Focus listings' SQL is compiled once per process (articles.compiled).
What a process keeps must never answer for another index, topic, page or
language, nor hide a change of content: only the SQL is kept, never rows.
"""

import datetime
import re

import pytest

from articles import compiled
from articles.models import ArticlePage
from home import page_cache
from tests.factories import ArticlePageFactory
from tests.reading import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def topic_links(html):
    return re.findall(r'href="/en/in-focus/topic/([^/"]+)/"', html)


def test_the_sql_is_compiled_once_per_key():
    built = []

    def build():
        built.append(1)
        return ArticlePage.objects.values_list("pk", flat=True)[:1]

    compiled.rows(("test-once", 1), build)
    compiled.rows(("test-once", 1), build)
    compiled.rows(("test-once", 2), build)
    assert len(built) == 2


def test_a_listing_compiled_before_shows_what_changed_since(in_focus, policy):
    read("/en/in-focus/")
    newest = ArticlePageFactory(parent=in_focus, title="Newest of all", date=datetime.date(2099, 1, 1))
    newest.tags.add(policy)
    newest.save_revision().publish()
    page_cache.clear()
    html = read("/en/in-focus/")
    assert "Newest of all" in card_titles(html)
    newest.unpublish()
    page_cache.clear()
    assert "Newest of all" not in card_titles(read("/en/in-focus/"))
    assert "Newest of all" not in card_titles(read("/en/in-focus/topic/policy/"))


def test_each_language_topic_and_page_lists_its_own(in_focus, french_in_focus, policy):
    for n in range(30):
        ArticlePageFactory(parent=in_focus, title=f"English piece {n:02}", date=datetime.date(2020, 1, 1))
    only_french = ArticlePageFactory(parent=french_in_focus, title="Seulement en français")
    only_french.tags.add(policy)
    only_french.save_revision().publish()
    english = read("/en/in-focus/")
    second = read("/en/in-focus/?page=2")
    french = read("/fr/in-focus/")
    topic = read("/fr/in-focus/topic/policy/")
    assert "Seulement en français" in card_titles(french)
    assert "Seulement en français" in card_titles(topic)
    assert "Seulement en français" not in card_titles(english) + card_titles(second)
    assert not set(card_titles(english)) & set(card_titles(second))
    assert set(card_titles(topic)) <= {page.title for page in ArticlePage.objects.live().filter(tags=policy)}
    # Every topic link of the English index leads to a topic that one of its live articles has.
    english_topics = set(
        ArticlePage.objects.child_of(in_focus).live().values_list("tags__slug", flat=True).exclude(tags=None)
    )
    assert set(topic_links(english)) <= english_topics
