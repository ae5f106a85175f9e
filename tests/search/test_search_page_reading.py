"""
The search page as a reader meets it, on the real engine: what it says when
nothing is found (in each of the six languages, right to left in Arabic),
the facets that narrow and widen a search, a query that is shown back as
text, the "all languages" scope, and the suggestions under the search box.
"""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests import site

pytestmark = pytest.mark.django_db

NOTHING = "qzxvwk"  # a word no page of the test site holds


def page(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def results(content):
    """The titles of the results shown, in order."""
    found = re.findall(r'<ol class="search-results">(.*?)</ol>', content, re.S)
    titles = re.findall(r"<h2[^>]*>\s*<a[^>]*>(.*?)</a>", "".join(found), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", title)) for title in titles]  # without the highlighting


def facet_links(content, group_title):
    """{label: (url, selected)} of the facet group titled `group_title`."""
    section = re.search(rf"<h2>{re.escape(group_title)}</h2>\s*<ul>(.*?)</ul>", content, re.S)
    assert section, f"no facet group {group_title!r}"
    return {
        html.unescape(label): (html.unescape(url), bool(current))
        for url, current, label in re.findall(r'<a href="([^"]+)"( aria-current="true")?>([^<]+)</a>', section.group(1))
    }


@pytest.mark.parametrize("language", site.LANGUAGES)
def test_nothing_found_is_said_in_the_readers_language(client, engine, language):
    content = page(client, language, q=NOTHING)
    with translation.override(language):
        expected = gettext("No results found for “%(query)s”.") % {"query": NOTHING}
    assert html.escape(expected, quote=False) in content or expected in content
    assert results(content) == []
    direction = "rtl" if language == "ar" else "ltr"
    assert re.search(rf'<html[^>]* lang="{language}"[^>]* dir="{direction}"', content)


@pytest.mark.parametrize("language", site.LANGUAGES)
def test_the_empty_search_page_offers_the_form_and_no_results(client, engine, language):
    content = page(client, language)
    with translation.override(language):
        label = gettext("Search articles, events, members and pages")
    assert html.escape(label) in content or label in content
    assert 'class="search-results' not in content and 'class="search-empty"' not in content


@pytest.mark.parametrize("language", site.LANGUAGES)
def test_the_shared_article_is_found_in_each_language_by_its_own_words(client, engine, language):
    title = site.ARTICLE["title"][language]
    first_word = title.split()[0] if language != "zh-hans" else title[:4]
    content = page(client, language, q=first_word)
    assert title in results(content)


def test_a_query_with_markup_is_shown_back_as_text(client, engine):
    content = page(client, "en", q='<img src=x onerror="alert(1)">')
    assert "<img src=x" not in content
    assert "&lt;img src=x" in content


def test_a_type_facet_narrows_to_that_kind_and_its_link_clears_it(client, engine):
    content = page(client, "en", q="women")
    with translation.override("en"):
        kinds = facet_links(content, gettext("Type"))
        articles_label = gettext("Articles")
    url, selected = kinds[articles_label]
    assert not selected
    narrowed = client.get(f"/en/search/{url}").content.decode()
    titles = results(narrowed)
    assert titles and set(titles) <= {*(a["title"] for a in site.MORE_ARTICLES), site.ARTICLE["title"]["en"]}
    with translation.override("en"):
        clear_url, selected = facet_links(narrowed, gettext("Type"))[articles_label]
    assert selected
    assert "type=" not in clear_url
    assert len(results(client.get(f"/en/search/{clear_url}").content.decode())) >= len(titles)


def test_a_topic_facet_is_labelled_in_the_readers_language(client, engine):
    content = page(client, "fr", q=site.ARTICLE["title"]["fr"].split()[1])
    with translation.override("fr"):
        topics = facet_links(content, gettext("Topic"))
    assert site.TOPICS["e-health"]["fr"] in topics


def test_choosing_a_facet_starts_again_from_the_first_page(client, engine):
    content = page(client, "en", q="women", page=2)
    with translation.override("en"):
        for url, _selected in facet_links(content, gettext("Type")).values():
            assert "page=" not in url


def test_a_word_of_another_language_is_found_when_all_languages_are_asked(client, engine):
    french_word = site.ARTICLE["title"]["fr"].split()[1]  # « télémédecine »
    alone = results(page(client, "en", q=french_word))
    everywhere = results(page(client, "en", q=french_word, languages="all"))
    assert site.ARTICLE["title"]["fr"] not in alone
    assert site.ARTICLE["title"]["fr"] in everywhere


def test_the_all_languages_box_stays_ticked_on_the_results(client, engine):
    assert re.search(r'name="languages" value="all" checked', page(client, "en", q="women", languages="all"))
    assert not re.search(r'name="languages" value="all" checked', page(client, "en", q="women"))


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1e3", "９"])
def test_a_nonsense_page_number_shows_the_first_page(client, engine, value):
    content = page(client, "en", q="women", page=value)
    assert results(content) == results(page(client, "en", q="women"))


def test_a_form_post_to_the_search_page_is_refused(client, engine):
    assert client.post("/en/search/", {"q": "women"}).status_code == 405


def test_search_results_are_not_indexed_by_search_engines(client, engine):
    assert '<meta name="robots" content="noindex">' in page(client, "en", q="women")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_suggestions_under_the_box_are_titles_of_the_readers_language(client, engine, language):
    title = site.ARTICLE["title"][language]
    prefix = title.split()[0][:5] if language == "en" else title.split()[1][:4] if language == "fr" else title[:4]
    response = client.get(f"/{language}/search/autocomplete/", {"q": prefix})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    suggested = [item["title"] for item in response.json()["results"]]
    assert title in suggested
    others = {site.ARTICLE["title"][code] for code in site.LANGUAGES if code != language}
    assert not others & set(suggested)


def test_suggestions_for_nothing_are_empty(client, engine):
    assert client.get("/en/search/autocomplete/", {"q": ""}).json() == {"results": []}


def test_suggestions_refuse_a_post(client, engine):
    assert client.post("/en/search/autocomplete/", {"q": "Tele"}).status_code == 405
