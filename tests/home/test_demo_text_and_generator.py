"""
What `make run` and the benchmark's `generate_content` rely on, checked
without loading the whole demo (that has its own smoke test):

- the demo's home, About, privacy and footer text exists in the six
  languages and each translation mirrors the English structure, so the
  loader can pair every English string with its translation;
- the generator's fast insertion makes real pages: live, under their parent,
  reachable by readers at their address, with the parent's child count kept,
  and a rerun finds what exists by its number.
"""

import io

import pytest
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.test import Client
from wagtail.models import Page

from home.demo import content, generate
from home.models import StandardPage
from home.translations import parallel_strings

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def english_strings(value):
    if isinstance(value, dict):
        return [s for item in value.values() for s in english_strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in english_strings(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("name", ["HOME", "ABOUT", "PRIVACY", "FOOTER"])
def test_each_text_of_the_demo_exists_in_every_language(name):
    text = getattr(content, name)
    assert set(text) == LANGUAGES


@pytest.mark.parametrize("name", ["HOME", "ABOUT", "PRIVACY"])
@pytest.mark.parametrize("code", sorted(LANGUAGES - {"en"}))
def test_each_translation_pairs_with_every_english_string(name, code):
    text = getattr(content, name)
    pairs = parallel_strings(text["en"], text[code])
    # Every English string has its translation, none left empty.
    assert set(english_strings(text["en"])) <= set(pairs)
    assert all(translated.strip() for translated in pairs.values())


def test_pairing_stops_at_a_mismatched_structure():
    with pytest.raises(ValueError):
        parallel_strings({"goals": [("One", "Two")]}, {"goals": [("Un", "Deux"), ("Trois", "Quatre")]})
    # Keys missing from the translation are left out, not invented.
    assert parallel_strings({"a": "Hello", "b": "World"}, {"a": "Bonjour"}) == {"Hello": "Bonjour"}


def test_buttons_and_footer_links_are_labelled_in_every_language():
    for action in content.HERO_ACTIONS:
        assert set(action["label"]) == LANGUAGES
    for link in content.FOOTER_LINKS:
        assert "page" in link or link["url"].startswith("https://")
        assert not link["label"] or set(link["label"]) == LANGUAGES


@pytest.mark.django_db
class TestGeneratedPages:
    def test_inserted_pages_are_live_under_their_parent_and_open_for_readers(self, home):
        parent = Page.objects.get(pk=home.pk)
        before = parent.numchild
        pages = [
            StandardPage(title=f"Generated page {n}", slug=f"{generate.SLUG_PREFIX}page-{n}", locale=home.locale)
            for n in (1, 2, 3)
        ]
        with generate.muted_signals():
            generate.add_children(parent, pages)
        parent.refresh_from_db()
        assert parent.numchild == before + 3
        children = StandardPage.objects.child_of(parent).filter(slug__startswith=generate.SLUG_PREFIX)
        assert children.count() == 3 and all(page.live for page in children)
        response = Client().get(f"/en/{generate.SLUG_PREFIX}page-2/")
        assert response.status_code == 200
        assert "Generated page 2" in response.content.decode()
        assert generate.existing_numbers(StandardPage.objects.all()) == {1, 2, 3}

    def test_signals_are_muted_only_inside_the_block(self, home):
        receivers = {signal: list(signal.receivers) for signal in (post_save, post_delete)}
        assert all(receivers.values())
        with generate.muted_signals():
            assert not post_save.receivers and not post_delete.receivers
        assert {signal: list(signal.receivers) for signal in receivers} == receivers
        # Publishing after the block reaches readers again (the page cache's receivers are back).
        Client().get("/en/about/")
        about = Page.objects.get(url_path__endswith="/about/", locale=home.locale).specific
        about.title = "About, after generating"
        about.save_revision().publish()
        assert "About, after generating" in Client().get("/en/about/").content.decode()

    def test_the_same_item_has_the_same_translation_key_in_every_run(self):
        assert generate.translation_key("article", 7) == generate.translation_key("article", 7)
        assert generate.translation_key("article", 7) != generate.translation_key("event", 7)

    def test_progress_is_one_line_that_reaches_a_hundred_percent(self):
        stream = io.StringIO()
        progress = generate.Progress("Articles", 4, stream=stream)
        for _item in range(4):
            progress.advance()
        progress.finish()
        lines = stream.getvalue().split("\r")
        assert lines[-1].startswith("Articles") and "100% 4/4" in lines[-1]
        assert stream.getvalue().endswith("\n") and stream.getvalue().count("\n") == 1
