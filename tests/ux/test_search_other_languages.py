"""A search that finds nothing in the reader's language but finds pages in others says so and links to them."""

import re
from html import unescape

import pytest
from wagtail.rich_text import RichText

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_page(engine, home):
    page = StandardPageFactory(
        parent=home,
        title="Quillwort fellowship",
        slug="quillwort-fellowship",
        intro="The quillwort fellowship for engineers.",
        body=[("paragraph", RichText("<p>Quillwort fellowship details.</p>"))],
    )
    page.save_revision().publish()
    return page


def text_of(content):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", content))


def other_languages_link(content):
    match = re.search(r'<p class="search-other-languages"><a href="([^"]+)">([^<]+)</a>', content)
    return match and (unescape(match.group(1)), match.group(2).strip())


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_english_word_on_another_language_site_points_to_other_languages(client, english_page, language):
    content = client.get(f"/{language}/search/", {"q": "quillwort"}).content.decode()
    link = other_languages_link(content)
    assert link, "no link to results in other languages"
    href, text = link
    assert "languages=all" in href and "q=quillwort" in href
    assert text  # "1 result in other languages", in the reader's language
    followed = client.get(f"/{language}/search/{href}").content.decode()
    assert "Quillwort fellowship" in text_of(followed)


def test_no_hint_when_the_readers_language_has_results(client, english_page):
    content = client.get("/en/search/", {"q": "quillwort"}).content.decode()
    assert "Quillwort fellowship" in text_of(content)
    assert not other_languages_link(content)


def test_no_hint_when_no_language_has_results(client, engine):
    content = client.get("/ar/search/", {"q": "zzqqxxvv"}).content.decode()
    assert not other_languages_link(content)
