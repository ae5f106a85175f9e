"""Text shown in another language than the page (untranslated fallbacks, names in another script) says so."""

import re

import pytest

from articles.models import ArticlePage, TopicLabel
from home import chrome, content_language
from home.models import FooterText, NavigationMenu
from members.models import Member
from tests import site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_site_chrome():
    """The cached menu and footer outlive the test's rolled-back transaction: start and end afresh."""
    chrome.invalidate()
    yield
    chrome.invalidate()


def element(content, pattern):
    """The opening tag of the first element matching `pattern` (a regex for the whole opening tag)."""
    found = re.search(pattern, content, re.S)
    assert found, pattern
    return found.group(0)


def untranslated_listed_member():
    translated = Member.objects.filter(locale__language_code="ar").values("translation_key")
    return (
        Member.objects.listed()
        .filter(locale__language_code="en", show_biography=True)
        .exclude(translation_key__in=translated)
        .first()
    )


def test_untranslated_profile_in_arabic_is_marked_english(client):
    member = untranslated_listed_member()
    content = client.get(f"/ar/members/{member.slug}/").content.decode()
    assert 'lang="ar"' in element(content, r"<html[^>]*>")
    assert 'lang="en" dir="ltr"' in element(content, r'<p class="lead"><span[^>]*>')
    assert 'lang="en" dir="ltr"' in element(content, r'<div class="member-profile__bio"[^>]*>')


def test_translated_profile_is_not_marked(client):
    member = Member.objects.get(full_name=site.TRANSLATED_MEMBER, locale__language_code="ar")
    content = client.get(f"/ar/members/{member.slug}/").content.decode()
    assert "lang=" not in element(content, r'<p class="lead"><span[^>]*>')
    assert "lang=" not in element(content, r'<div class="member-profile__bio"[^>]*>')
    # Her name is written in Latin script: marked on an Arabic page, not on a French one.
    assert 'lang="en" dir="ltr"' in element(content, r"<h1[^>]*>")
    french = client.get(f"/fr/members/{member.slug}/").content.decode()
    assert "lang=" not in element(french, r"<h1[^>]*>")


def test_directory_cards_mark_untranslated_members_only(client):
    member = untranslated_listed_member()
    content = client.get("/ar/members/?q=" + member.full_name.split()[0]).content.decode()
    card = re.search(rf'<article class="card member-card">.*?{re.escape(member.full_name)}.*?</article>', content, re.S)
    assert '<p class="card__meta"><span lang="en" dir="ltr">' in card.group(0)
    content = client.get("/ar/members/", {"q": site.TRANSLATED_MEMBER.split()[0]}).content.decode()
    card = re.search(
        rf'<article class="card member-card">.*?{re.escape(site.TRANSLATED_MEMBER)}.*?</article>', content, re.S
    )
    assert '<p class="card__meta"><span>' in card.group(0)


def test_expertise_tags_say_they_are_english(client):
    member = Member.objects.get(full_name=site.TRANSLATED_MEMBER, locale__language_code="ar")
    content = client.get(f"/ar/members/{member.slug}/").content.decode()
    assert '<ul class="tag-list" lang="en" dir="ltr">' in content
    english = client.get(f"/en/members/{member.slug}/").content.decode()
    assert '<ul class="tag-list">' in english


def test_footer_in_the_default_language_is_marked_until_translated(client):
    FooterText.objects.filter(locale__language_code="ar").delete()
    content = client.get("/ar/").content.decode()
    assert 'class="site-footer__text" lang="en" dir="ltr"' in content
    assert 'class="site-footer__text" lang' not in client.get("/fr/").content.decode()


def test_menu_labels_from_the_default_menu_are_marked(client, home):
    NavigationMenu.objects.filter(locale__language_code="ru").delete()
    item = NavigationMenu.objects.get(locale__language_code="en").items.first()
    item.link_label = "Who we are"
    item.save()
    content = client.get("/ru/").content.decode()
    assert re.search(r'<a href="/ru/[^"]*"[^>]* lang="en" dir="ltr">Who we are</a>', content)


def test_untranslated_topic_label_is_marked(client):
    article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="ar")
    tag = article.tags.first()
    TopicLabel.objects.filter(tag=tag, locale__language_code="ar").delete()
    english_label = TopicLabel.objects.get(tag=tag, locale__language_code="en").label
    content = client.get(article.url).content.decode()
    assert re.search(rf'<a href="[^"]*topic/{tag.slug}/" lang="en" dir="ltr">{re.escape(english_label)}</a>', content)


def test_place_names_in_latin_script_are_marked_on_arabic_event_pages(client):
    content = client.get(f"/ar/events/{site.EVENT['conference']['slug']}/").content.decode()
    address = re.search(r"<address>.*?</address>", content, re.S).group(0)
    assert 'lang="en" dir="ltr"' in address


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Amara Okafor", "Latn"),
        ("O'Brien-Smith, 2nd", "Latn"),
        ("123 - 456", None),
        ("", None),
        ("Zoë Müller", "Latn"),
        ("Нина Петрова", "Cyrl"),
        ("نور الهدى", "Arab"),
        ("李明 Li", "Hans"),
    ],
)
def test_a_names_script_is_told_by_most_of_its_letters(text, script):
    # Plain ASCII names take a shortcut past the Unicode names: it must agree.
    assert content_language.script_of(text) == script
