"""Pictures readers see: drawn by the project, described in each language, served in modern formats and sizes."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail import hooks
from wagtail.images import get_image_model

from articles.demo.loader import PICTURES
from articles.models import ArticlePage
from events.models import EventPage
from home.demo import illustrations, pictures
from home.models import HomePage
from members.models import Member

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
        assert f'alt="{escape(pictures.HERO_ALT[code])}"' in img
        assert re.search(r'srcset="[^"]+ 800w, [^"]+ 1600w"', img)
        assert 'sizes="' in img
        assert 'loading="lazy"' not in img  # the first thing on the page loads at once


def test_home_page_calls_readers_to_join_submit_and_celebrate_girls_in_ict_day(client):
    content = client.get("/ar/").content.decode()
    actions = re.search(r'<ul class="hero__actions">.*?</ul>', content, re.S).group(0)
    hrefs = re.findall(r'href="([^"]+)"', actions)
    assert hrefs == ["/ar/members/join/", "/ar/in-focus/submit/", "/ar/events/international-girls-in-ict-day/"]
    assert "انضمي إلى الشبكة" in actions
    for href in hrefs:
        assert client.get(href).status_code == 200


def test_cards_load_lazily_in_several_sizes_and_formats(client):
    content = client.get("/en/in-focus/").content.decode()
    cards = [p for p in pictures_in(content) if "card__image" in p]
    assert len(cards) >= 10
    for card in cards:
        assert 'type="image/webp"' in card
        img = img_tag(card)
        assert 'loading="lazy"' in img and re.search(r"\d+w, ", img)
        assert 'alt=""' in img  # the card's title says what the picture would


def test_article_picture_is_described_in_the_articles_language(client):
    for code in ("en", "ar", "fr"):
        article = ArticlePage.objects.get(slug="coding-clubs-for-girls", locale__language_code=code)
        content = client.get(article.url).content.decode()
        figure = re.search(r'<figure class="figure">.*?</figure>', content, re.S).group(0)
        assert f'alt="{escape(pictures.SUBJECT_ALT["code"][code])}"' in figure
        assert 'type="image/webp"' in figure


def test_event_picture_is_described_in_the_events_language(client):
    event = EventPage.objects.get(slug="csw71-side-event", locale__language_code="ar")
    content = client.get(event.url).content.decode()
    figure = re.search(r'<figure class="figure">.*?</figure>', content, re.S).group(0)
    assert f'alt="{escape(pictures.EVENT_ALT[event.category.slug]["ar"])}"' in figure


def test_member_portraits_are_described_in_her_profiles_language(client):
    translated = Member.objects.get(full_name="Amara Okafor", locale__language_code="ar")
    content = client.get(f"/ar/members/{translated.slug}/").content.decode()
    assert f'alt="{escape(pictures.PORTRAIT_ALT["ar"].format(name="Amara Okafor"))}"' in content
    untranslated = (
        Member.objects.listed()
        .filter(locale__language_code="en")
        .exclude(translation_key__in=Member.objects.filter(locale__language_code="ar").values("translation_key"))
        .first()
    )
    content = client.get(f"/ar/members/{untranslated.slug}/").content.decode()
    wrapper = re.search(r'<div lang="en" dir="ltr"><picture>.*?</picture></div>', content, re.S)
    assert wrapper and escape(pictures.PORTRAIT_ALT["en"].format(name=untranslated.full_name)) in wrapper.group(0)


def test_every_demo_picture_is_the_projects_own_drawing():
    images = get_image_model().objects.filter(collection__name=pictures.COLLECTION_NAME)
    assert images.count() == 1 + len(PICTURES) + EventPage.objects.filter(locale__language_code="en").count() + (
        Member.objects.listed().filter(locale__language_code="en").count()
    )
    assert all(image.description for image in images)
    assert HomePage.objects.filter(hero_image__isnull=True).count() == 0


def test_drawings_are_the_same_every_time():
    assert illustrations.to_file(illustrations.portrait("Amara Okafor")) == illustrations.to_file(
        illustrations.portrait("Amara Okafor")
    )
    assert illustrations.to_file(illustrations.subject("code", "a")) != illustrations.to_file(
        illustrations.subject("code", "b")
    )


def test_loading_the_demo_again_draws_nothing_new():
    before = get_image_model().objects.count()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert get_image_model().objects.count() == before
    # Progress for each section, as it starts.
    sections = len(hooks.get_hooks("load_demo_content"))
    assert re.findall(r"^\[(\d+)/(\d+)\] ", output.getvalue(), re.M) == [
        (str(n), str(sections)) for n in range(1, sections + 1)
    ]
