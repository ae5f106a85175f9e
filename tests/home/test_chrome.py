"""The main menu and footer every page carries: what they link to, in which language, and how editors change them."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.models import FooterLink, FooterText, NavigationMenu, NavigationMenuItem
from tests import site
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu(client, url):
    content = client.get(url).content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', content, re.S)
    return re.findall(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', nav.group(0)) if nav else []


def english_menu():
    return NavigationMenu.objects.get(locale__language_code="en")


class TestMainMenu:
    def test_the_section_the_reader_is_in_is_marked(self, client, in_focus):
        items = {url: attributes for url, attributes, _label in menu(client, f"/en/in-focus/{site.ARTICLE['slug']}/")}
        assert 'aria-current="true"' in items["/en/in-focus/"]
        assert "aria-current" not in items["/en/about/"]
        on_the_index = {url: attributes for url, attributes, _label in menu(client, "/en/in-focus/")}
        assert 'aria-current="page"' in on_the_index["/en/in-focus/"]

    def test_an_editors_label_replaces_the_page_title(self, client):
        item = english_menu().items.get(link_page__slug="about")
        item.link_label = "Who we are"
        item.save()
        assert ("/en/about/", "Who we are") in [(url, label) for url, _attributes, label in menu(client, "/en/")]

    def test_a_private_page_drops_out_of_the_menu(self, client, home, locales):
        about = Page.objects.get(slug="about", locale=locales["es"])
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
        assert "/es/about/" not in [url for url, _attributes, _label in menu(client, "/es/")]
        assert "/fr/about/" in [url for url, _attributes, _label in menu(client, "/fr/")]

    def test_a_language_without_its_own_menu_uses_the_default_one_with_its_own_pages(self, client):
        NavigationMenu.objects.filter(locale__language_code="ru").delete()
        items = menu(client, "/ru/")
        assert [url for url, _attributes, _label in items] == [
            "/ru/about/",
            "/ru/in-focus/",
            "/ru/events/",
            "/ru/members/",
        ]
        assert items[0][2] == site.TEXT["about"]["ru"]

    def test_a_page_only_in_english_stays_out_of_other_languages_menus(self, client, home):
        partners = StandardPageFactory(parent=home, title="Partners", slug="partners")
        NavigationMenuItem.objects.create(menu=english_menu(), link_page=partners, sort_order=10, locale=home.locale)
        assert "/en/partners/" in [url for url, _attributes, _label in menu(client, "/en/")]
        assert not any("partners" in url for url, _attributes, _label in menu(client, "/fr/"))


class TestFooter:
    def test_a_language_without_its_own_footer_shows_the_default_one_marked_as_english(self, client):
        FooterText.objects.filter(locale__language_code="es").delete()
        content = client.get("/es/").content.decode()
        footer = re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)
        assert site.TEXT["footer"]["en"] in footer
        assert 'lang="en"' in footer

    def test_a_link_needs_a_page_or_an_address(self):
        with translation.override("en"):
            with pytest.raises(ValidationError) as refused:
                FooterLink(label="Nowhere").clean()
            assert refused.value.messages == ["Choose a page or enter an address."]

    def test_a_page_link_needs_no_label(self, home):
        FooterLink(link_page=home).clean()  # no error: the page title is the label


class TestEditingInTheAdmin:
    def test_the_menu_and_footer_are_listed_for_editors(self, admin_client):
        for model in (NavigationMenu, FooterText):
            response = admin_client.get(reverse(model.snippet_viewset.get_url_name("list")))
            assert response.status_code == 200

    def test_an_edited_menu_label_reaches_readers_at_once(self, admin_client, client):
        menu_before = menu(client, "/en/")  # rendered, and stored in the chrome cache
        navigation = english_menu()
        items = list(navigation.items.order_by("sort_order"))
        data = {"name": navigation.name, "items-TOTAL_FORMS": len(items), "items-INITIAL_FORMS": len(items)}
        data.update({"items-MIN_NUM_FORMS": 0, "items-MAX_NUM_FORMS": 1000})
        for n, item in enumerate(items):
            data.update(
                {
                    f"items-{n}-id": item.pk,
                    f"items-{n}-link_page": item.link_page_id,
                    f"items-{n}-link_label": "Our story" if item.link_page.slug == "about" else item.link_label,
                    f"items-{n}-ORDER": n + 1,
                    f"items-{n}-DELETE": "",
                }
            )
        url = reverse(NavigationMenu.snippet_viewset.get_url_name("edit"), args=[navigation.pk])
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        labels = [label for _url, _attributes, label in menu(client, "/en/")]
        assert "Our story" in labels
        assert labels != [label for _url, _attributes, label in menu_before]
