"""
Each process keeps the menu and footer it last read (home.chrome), reused
only while the shared version it was stored under is still the current one
and its shared copy would not have expired: a change anywhere, a shared
cache emptied, or the hour gone by, and the menu is read again.
"""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Locale

from home import chrome
from home.models import NavigationMenuItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(home):
    return Locale.objects.get(language_code="en")


def labels(locale):
    return [item["label"] for item in chrome.navigation(locale)]


def relabel_without_signals(new_label):
    """An edit the version has not heard of yet (no save signal)."""
    NavigationMenuItem.objects.filter(link_page__slug="about", link_page__locale__language_code="en").update(
        link_label=new_label
    )


def test_the_held_menu_gives_way_to_a_new_version(english):
    before = labels(english)
    relabel_without_signals("Who we are")
    assert labels(english) == before  # the same version: as the shared copy would say
    chrome.invalidate()
    assert "Who we are" in labels(english)


def test_an_emptied_shared_cache_does_not_bring_back_a_held_menu(english):
    labels(english)
    relabel_without_signals("Who we are")
    cache.clear()  # the version is lost with everything else
    assert "Who we are" in labels(english)


def test_a_held_menu_expires_with_its_shared_copy(english, monkeypatch):
    labels(english)
    relabel_without_signals("Who we are")
    version = chrome._read_version()
    cache.delete(f"site-chrome:{version}:en")  # the shared copy expired...
    assert "Who we are" not in labels(english)  # ...which this process does not know yet
    later = chrome.time.time() + chrome.TIMEOUT + 1
    monkeypatch.setattr(chrome.time, "time", lambda: later)
    assert "Who we are" in labels(english)


def test_the_menu_and_footer_of_one_request_come_from_one_reading(english, monkeypatch):
    reads = []
    read_version = chrome._read_version
    monkeypatch.setattr(chrome, "_read_version", lambda: reads.append(1) or read_version())
    request = RequestFactory().get("/en/")
    chrome.navigation(english, request=request)
    chrome.footer(english, request=request)
    assert len(reads) == 1
    chrome.footer(english)
    assert len(reads) == 2


def test_a_shared_cache_that_cannot_say_the_version_is_never_answered_from_the_held_copy(english, monkeypatch):
    labels(english)
    relabel_without_signals("Who we are")
    monkeypatch.setattr(chrome, "_read_version", lambda: None)  # Redis unreachable
    assert "Who we are" in labels(english)


def test_the_rendered_header_and_footer_parts_are_rendered_again_for_a_new_version(english):
    renders = []

    def render():
        renders.append(1)
        return f"menu {labels(english)}"

    first = chrome.rendered("menu", render, english)
    relabel_without_signals("Who we are")
    assert chrome.rendered("menu", render, english) == first  # the same version: rendered once
    assert len(renders) == 1
    chrome.invalidate()
    assert "Who we are" in chrome.rendered("menu", render, english)
    assert len(renders) == 2


def test_a_part_rendered_while_the_version_is_unknown_is_not_kept(english, monkeypatch):
    monkeypatch.setattr(chrome, "_read_version", lambda: None)  # Redis unreachable
    renders = []
    chrome.rendered("menu", lambda: renders.append(1) or "menu", english)
    chrome.rendered("menu", lambda: renders.append(1) or "menu", english)
    assert len(renders) == 2
