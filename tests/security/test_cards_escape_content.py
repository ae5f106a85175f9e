"""
Article and member cards are written by Python functions (articles.cards,
members.cards), not templates, so nothing escapes for them by default: every
value an editor or a member typed must still reach readers as text. Each
field a card shows gets markup that would run if it went through unescaped.
"""

import pytest
from taggit.models import Tag

from tests.factories import ArticlePageFactory, MemberFactory

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;"

pytestmark = pytest.mark.usefixtures("page_cache_off")


def raw_markup(html):
    return "<script>alert(1)" in html or "<img src=x" in html


@pytest.mark.django_db
def test_an_article_card_shows_hostile_words_as_text(client, in_focus):
    topic = Tag.objects.create(name=HOSTILE, slug="hostile-topic")
    ArticlePageFactory(
        parent=in_focus,
        title=HOSTILE,
        intro=HOSTILE,
        topics=[topic],
        authors=[(HOSTILE, "Author")],
    )
    for url in (in_focus.url, f"{in_focus.url}topic/hostile-topic/"):
        html = client.get(url).content.decode()
        card = html[html.index(ESCAPED) - 2000 :]
        assert not raw_markup(html), url
        # The title, the byline, the summary and the topic link each show it as text.
        assert card.count(ESCAPED) >= 3, url


@pytest.mark.django_db
def test_a_member_card_shows_hostile_words_as_text(client, directory):
    MemberFactory(full_name=HOSTILE, position=HOSTILE, organisation=HOSTILE)
    html = client.get(directory.url).content.decode()
    assert not raw_markup(html)
    # Her name, position and organisation.
    assert html.count(ESCAPED) >= 3
