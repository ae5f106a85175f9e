"""The footer carries editable links (privacy notice, contact, the Network elsewhere) in the reader's language."""

import re

import pytest

from home.models import FooterLink, FooterText
from home.translations import translate_object
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def footer_links(content):
    footer = re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer)


@pytest.fixture
def footer(home):
    footer = FooterText.objects.get(locale=home.locale)
    footer.links.all().delete()
    privacy = StandardPageFactory(parent=home, title="Data notice", slug="data-notice")
    translate_object(privacy, "ar", {"Data notice": "إشعار البيانات"})
    FooterLink.objects.create(footer=footer, locale=footer.locale, sort_order=0, link_page=privacy)
    FooterLink.objects.create(
        footer=footer, locale=footer.locale, sort_order=1, link_url="https://example.org/contact", label="Write to us"
    )
    return footer


def test_footer_links_to_the_privacy_notice_and_contact(client, footer):
    links = footer_links(client.get("/en/").content.decode())
    assert links == [("/en/data-notice/", "Data notice"), ("https://example.org/contact", "Write to us")]


def test_footer_links_follow_the_readers_language(client, footer):
    translate_object(footer, "ar", {"Write to us": "راسلونا"})
    links = footer_links(client.get("/ar/").content.decode())
    assert links == [("/ar/data-notice/", "إشعار البيانات"), ("https://example.org/contact", "راسلونا")]


def test_footer_hides_a_link_to_a_page_readers_cannot_see(client, footer):
    page = footer.links.get(sort_order=0).link_page
    page.unpublish()
    links = footer_links(client.get("/en/").content.decode())
    assert links == [("https://example.org/contact", "Write to us")]


def test_a_link_to_another_site_needs_a_label():
    from django.core.exceptions import ValidationError

    link = FooterLink(link_url="https://example.org/")
    with pytest.raises(ValidationError):
        link.clean()
