"""
`manage.py load_demo_content` is "safe to run again: existing content is
left as it is". The home app's part of it (home, About, privacy, footer,
then navigation and the hero's buttons) run on a site that already has
them — the test site — adds no page, no menu and no footer and changes no
title; it only gives a footer without links the demo's links (the privacy
notice, the ITU contact page), once: a second run changes nothing at all.
"""

import io

import pytest
from django.test import Client
from wagtail.models import Page

from home.models import AboutPage, FooterLink, FooterText, HomePage, NavigationMenu, NavigationMenuItem
from home.wagtail_hooks import load_home_demo_content, load_navigation_demo_content
from tests import site


def snapshot():
    return {
        "pages": Page.objects.count(),
        "homes": HomePage.objects.count(),
        "abouts": AboutPage.objects.count(),
        "footers": FooterText.objects.count(),
        "footer_links": FooterLink.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "menu_items": NavigationMenuItem.objects.count(),
        "titles": sorted(Page.objects.values_list("title", flat=True)),
    }


def run_loader():
    out = io.StringIO()
    load_home_demo_content(out)
    load_navigation_demo_content(out)
    return out.getvalue()


@pytest.mark.django_db
def test_running_the_home_demo_loader_again_keeps_the_sites_pages_and_text():
    before = snapshot()
    said = run_loader()
    assert "Home, About and privacy pages ready in six languages." in said
    assert "Navigation and the home page's calls to action ready in six languages." in said
    after = snapshot()
    assert {k: v for k, v in after.items() if k != "footer_links"} == {
        k: v for k, v in before.items() if k != "footer_links"
    }
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    assert home.hero_title == site.TEXT["hero_title"]["en"]
    assert home.hero_actions


@pytest.mark.django_db
def test_a_footer_without_links_gets_the_demos_links_once():
    assert not FooterLink.objects.exists()
    run_loader()
    english = FooterText.objects.get(locale__language_code="en")
    privacy = AboutPage.objects.get(locale__language_code="en").get_children().get(slug="privacy")
    links = list(english.links.order_by("sort_order"))
    assert links[0].link_page_id == privacy.pk
    assert links[1].link_url.startswith("https://www.itu.int/")
    # Readers see them in the footer.
    html = Client().get("/en/").content.decode()
    assert privacy.url in html and links[1].link_url in html
    once = snapshot()
    run_loader()
    assert snapshot() == once
