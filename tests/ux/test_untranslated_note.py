"""Readers without a mouse are told, in visible text, which languages only lead to the nearest translated page."""

import re

import pytest

from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def switcher(content):
    return re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)


def test_untranslated_languages_are_explained_in_visible_text(client):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = ArticlePageFactory(parent=index, title="English only", slug="english-only-note")
    nav = switcher(client.get(article.url).content.decode())
    note = re.search(r'<p class="language-switcher__note" id="([^"]+)">([^<]+)</p>', nav)
    assert note and "Not translated yet" in note.group(2)
    fallback_links = re.findall(r'<a href="/(?:ar|fr|es|ru|zh-hans)/in-focus/"[^>]*>', nav)
    assert len(fallback_links) == 5
    assert all(f'aria-describedby="{note.group(1)}"' in link for link in fallback_links)


def test_fully_translated_page_has_no_note(client, home):
    from home.translations import translate_object

    for code in ("ar", "es", "fr", "ru", "zh-hans"):
        translate_object(home, code, {})
    assert "language-switcher__note" not in switcher(client.get("/en/").content.decode())
