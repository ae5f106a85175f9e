"""The footer's links (privacy notice, contact, the Network elsewhere) as readers see them in each language."""

import re

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import FooterLink, FooterText
from tests import site

pytestmark = pytest.mark.django_db


def footer_links(client, url):
    content = client.get(url).content.decode()
    nav = re.search(r'<nav class="site-footer__links".*?</nav>', content, re.S)
    return re.findall(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', nav.group(0)) if nav else []


@pytest.fixture
def english_footer_links(home):
    """The English footer with a link to About (no label: its title is used) and one to another site."""
    footer = FooterText.objects.get(locale=home.locale)
    about = Page.objects.get(slug="about", locale=home.locale)
    FooterLink.objects.create(footer=footer, link_page=about, sort_order=0, locale=home.locale)
    FooterLink.objects.create(
        footer=footer, link_url="https://www.itu.int/", label="ITU", sort_order=1, locale=home.locale
    )
    # Spanish readers get the English footer: their language has none of its own.
    FooterText.objects.filter(locale__language_code="es").delete()


def test_a_page_link_shows_its_title_and_an_address_is_marked_external(client, english_footer_links):
    links = footer_links(client, "/en/")
    assert [(url, label) for url, _attributes, label in links] == [
        ("/en/about/", site.TEXT["about"]["en"]),
        ("https://www.itu.int/", "ITU"),
    ]
    assert "rel=" not in links[0][1]
    assert 'rel="external"' in links[1][1]


def test_in_a_language_using_the_default_footer_page_links_lead_to_its_own_pages(client, english_footer_links):
    (about_url, about_attributes, about_label), (itu_url, itu_attributes, itu_label) = footer_links(client, "/es/")
    assert (about_url, about_label) == ("/es/about/", site.TEXT["about"]["es"])
    assert "lang=" not in about_attributes  # a Spanish title on a Spanish page
    assert (itu_url, itu_label) == ("https://www.itu.int/", "ITU")
    assert 'lang="en"' in itu_attributes  # the editor's English label, marked as such


@pytest.mark.parametrize("hidden", ["private", "draft"])
def test_a_page_readers_may_not_see_drops_out_of_the_footer(client, english_footer_links, locales, hidden):
    about = Page.objects.get(slug="about", locale=locales["es"])
    if hidden == "private":
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    else:
        about.unpublish()
    assert [url for url, _attributes, _label in footer_links(client, "/es/")] == ["https://www.itu.int/"]
    assert "/en/about/" in [url for url, _attributes, _label in footer_links(client, "/en/")]
