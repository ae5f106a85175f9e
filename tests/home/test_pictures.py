"""Pictures readers see: described in each language, served in modern formats and sizes."""

import re

import pytest
from django.utils.html import escape

from articles.models import ArticlePage
from events.models import EventPage
from home.demo import illustrations
from members.models import Member
from tests import site
from tests.factories import ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db


def pictures_in(content):
    return re.findall(r"<picture>.*?</picture>", content, re.S)


def img_tag(picture):
    return re.search(r"<img [^>]*>", picture).group(0)


def test_home_page_has_a_hero_picture_described_in_the_readers_language(client):
    for code in ("en", "ar", "zh-hans"):
        content = client.get(f"/{code}/").content.decode()
        hero = re.search(r'<div class="hero__media">.*?</div>', content, re.S).group(0)
        assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
        img = img_tag(hero)
        assert f'alt="{escape(site.TEXT["hero_alt"][code])}"' in img
        assert re.search(r'srcset="[^"]+ 800w, [^"]+ 1600w"', img)
        assert 'sizes="' in img
        assert 'loading="lazy"' not in img  # the first thing on the page loads at once


def test_home_page_calls_readers_to_act_in_their_language(client):
    content = client.get("/ar/").content.decode()
    actions = re.search(r'<ul class="hero__actions">.*?</ul>', content, re.S).group(0)
    hrefs = re.findall(r'href="([^"]+)"', actions)
    assert hrefs == ["/ar/members/join/", "/ar/in-focus/submit/", f"/ar/events/{site.EVENT['observance']['slug']}/"]
    assert site.TEXT["join"]["ar"] in actions
    for href in hrefs:
        assert client.get(href).status_code == 200


def test_cards_load_lazily_in_several_sizes_and_formats(client):
    content = client.get("/en/in-focus/").content.decode()
    cards = [p for p in pictures_in(content) if "card__image" in p]
    assert len(cards) == ArticlePage.objects.filter(locale__language_code="en").exclude(hero_image=None).count()
    for card in cards:
        assert 'type="image/webp"' in card
        img = img_tag(card)
        assert 'loading="lazy"' in img and re.search(r"\d+w, ", img)
        assert 'alt=""' in img  # the card's title says what the picture would


def test_article_picture_is_described_in_the_articles_language(client):
    for code in ("en", "ar", "fr"):
        article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code=code)
        content = client.get(article.url).content.decode()
        figure = re.search(r'<figure class="figure">.*?</figure>', content, re.S).group(0)
        assert f'alt="{escape(site.ARTICLE["alt"][code])}"' in figure
        assert 'type="image/webp"' in figure


def test_event_picture_is_described_in_the_events_language(client):
    event = EventPage.objects.get(slug=site.EVENT["conference"]["slug"], locale__language_code="ar")
    content = client.get(event.url).content.decode()
    figure = re.search(r'<figure class="figure">.*?</figure>', content, re.S).group(0)
    assert f'alt="{escape(site.TEXT["hero_alt"]["ar"])}"' in figure


def test_member_portraits_are_described_in_her_profiles_language(client):
    name = next(name for name, *_rest, translated in site.MEMBERS if translated)
    translated = Member.objects.get(full_name=name, locale__language_code="ar")
    content = client.get(f"/ar/members/{translated.slug}/").content.decode()
    assert f'alt="{escape(site.PORTRAIT["ar"].format(name=name))}"' in content
    untranslated = MemberFactory(photo=ImageFactory(), photo_alt="Portrait in English only")
    content = client.get(f"/ar/members/{untranslated.slug}/").content.decode()
    wrapper = re.search(r'<div lang="en" dir="ltr"><picture>.*?</picture></div>', content, re.S)
    assert wrapper and "Portrait in English only" in wrapper.group(0)


def test_drawings_are_the_same_every_time():
    assert illustrations.to_file(illustrations.portrait("Amara Okafor")) == illustrations.to_file(
        illustrations.portrait("Amara Okafor")
    )
    assert illustrations.to_file(illustrations.subject("code", "a")) != illustrations.to_file(
        illustrations.subject("code", "b")
    )
