"""What a reader sees of each block of the shared body (home.blocks.BodyStreamBlock) on a page."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def body_page(parent, body, **kwargs):
    page = StandardPageFactory(parent=parent, body=body, **kwargs)
    page.save_revision().publish()
    return page


def read(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_headings_keep_the_level_the_editor_chose(client, home):
    page = body_page(
        home,
        [
            ("heading", {"text": "Where we work", "level": "h2"}),
            ("heading", {"text": "In Africa", "level": "h3"}),
        ],
    )
    content = read(client, page)
    assert re.search(r"<h2[^>]*>\s*Where we work\s*</h2>", content)
    assert re.search(r"<h3[^>]*>\s*In Africa\s*</h3>", content)


def test_a_quote_shows_its_words_and_who_said_them(client, home):
    page = body_page(home, [("quote", {"quote": "Connectivity is a right.", "attribution": "A regulator from Chile"})])
    content = read(client, page)
    quote = re.search(r"<blockquote>(.*?)</blockquote>", content, re.S)
    assert "Connectivity is a right." in quote.group(1)
    assert "A regulator from Chile" in content


def test_markup_typed_into_a_quote_is_shown_as_text(client, home):
    page = body_page(home, [("quote", {"quote": "<script>alert(1)</script>", "attribution": ""})])
    content = read(client, page)
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_a_call_to_action_leads_to_the_page_in_the_readers_language(client, home, locales):
    about = Page.objects.get(slug="about", locale=locales["en"])
    page = body_page(
        home,
        [("call_to_action", {"title": "Meet us", "text": "Who we are.", "button_label": "Read more", "page": about})],
    )
    french_home = home.get_translation(locales["fr"])
    french = body_page(
        french_home,
        [("call_to_action", {"title": "Rencontrez-nous", "text": "", "button_label": "Lire", "page": about})],
    )
    assert re.search(rf'href="{re.escape(about.url)}">Read more</a>', read(client, page))
    french_about = about.get_translation(locales["fr"])
    assert re.search(rf'href="{re.escape(french_about.url)}">Lire</a>', read(client, french))


def test_a_call_to_action_may_lead_to_another_site(client, home):
    page = body_page(
        home,
        [
            (
                "call_to_action",
                {"title": "Read the resolution", "button_label": "ITU", "url": "https://www.itu.int/res70"},
            )
        ],
    )
    assert 'href="https://www.itu.int/res70">ITU</a>' in read(client, page)


def test_a_document_link_is_named_after_the_document_unless_labelled(client, home):
    data = b"%PDF-1.4 report"
    # The size is what the admin's upload form records.
    document = get_document_model().objects.create(
        title="Annual report 2026", file=ContentFile(data, name="annual-report.pdf"), file_size=len(data)
    )
    page = body_page(
        home,
        [
            ("document", {"document": document, "label": ""}),
            ("document", {"document": document, "label": "Our report for the year"}),
        ],
    )
    content = read(client, page)
    links = re.findall(rf'<a href="{re.escape(document.url)}">([^<]+)</a>', content)
    assert links == ["Annual report 2026", "Our report for the year"]
    assert "(PDF, 15\xa0bytes)" in content  # its type and size, so a reader knows what she downloads


def test_a_picture_is_described_by_the_editor_or_by_the_image_itself(client, home):
    described = ImageFactory(description="Delegates at the assembly")
    page = body_page(
        home,
        [
            ("image", {"image": described, "alt_text": "", "caption": "The 2026 assembly", "attribution": "ITU"}),
            ("image", {"image": described, "alt_text": "Ministers on stage", "caption": "", "attribution": ""}),
        ],
    )
    content = read(client, page)
    assert re.findall(r'<img[^>]* alt="([^"]*)"', content.split("<main", 1)[1])[:2] == [
        "Delegates at the assembly",
        "Ministers on stage",
    ]
    assert "The 2026 assembly" in content
    assert "ITU" in content


def test_rich_text_paragraphs_keep_their_links_and_emphasis(client, home, locales):
    about = Page.objects.get(slug="about", locale=locales["en"])
    page = body_page(
        home,
        [("paragraph", RichText(f'<p>Read <b>more</b> <a linktype="page" id="{about.pk}">about us</a>.</p>'))],
    )
    content = read(client, page)
    assert "<b>more</b>" in content
    assert f'<a href="{about.url}">about us</a>' in content
