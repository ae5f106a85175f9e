"""What a reader sees on the results page when nothing matches, and the Arabic result counts."""

import re

import pytest


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def no_engine(settings):
    settings.SEARCH_URL = ""


@pytest.mark.django_db
class TestNothingFound:
    def test_says_so_once_and_offers_suggestions(self, client, no_engine):
        response = client.get("/en/search/", {"q": "xpectrum"})
        text = text_of(response)
        assert text.count("xpectrum") <= 3  # the box, the title and one message: no second "no results"
        assert text.lower().count("no results") + text.count("0 results") == 1
        html = response.content.decode()
        assert 'href="?q=spectrum"' in html  # did you mean
        assert "Popular topics" in text
        assert re.search(r'<a href="\?q=[^"]+">Policy</a>', html)

    def test_suggestions_in_the_readers_language(self, client, no_engine):
        text = text_of(client.get("/fr/search/", {"q": "zzqx"}))
        assert "Politiques" in text  # the French label of the "policy" topic


def test_arabic_result_count_uses_the_right_plural_form():
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("ar"):
        template = Template(
            "{% load i18n %}{% blocktranslate trimmed count counter=n %}{{ counter }} result for “{{ query }}”"
            "{% plural %}{{ counter }} results for “{{ query }}”{% endblocktranslate %}"
        )
        forms = {n: template.render(Context({"n": n, "query": "ICT"})) for n in (1, 2, 3, 11, 100)}
    assert forms[1].startswith("نتيجة واحدة")
    assert forms[2].startswith("نتيجتان")
    assert forms[3] == "3 نتائج لـ «ICT»"
    assert forms[11] == "11 نتيجة لـ «ICT»"
    assert len(set(forms.values())) == 5
