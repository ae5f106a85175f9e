"""
The menu and footer of a language are read in two queries whatever their
size (home.chrome): both snippets and their items in one, the pages they
link to in the other. They are read again after every publish, in every
language a reader asks for.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import expand_db_html

from home import chrome
from home.models import FooterLink, FooterText, NavigationMenu, NavigationMenuItem
from home.visibility import public_pages

pytestmark = pytest.mark.django_db


def queries_to_read_chrome(language_code):
    locale = Locale.objects.get(language_code=language_code)
    Site.get_site_root_paths()  # read with the site when a page is served (home.sites)
    with CaptureQueriesContext(connection) as captured:
        read = chrome._chrome(locale)
    return len(captured.captured_queries), read


def grow_chrome(language_code):
    pages = list(public_pages(Page.objects.filter(locale__language_code=language_code, depth=3)))
    menu = NavigationMenu.objects.get(locale__language_code=language_code)
    footer = FooterText.objects.get(locale__language_code=language_code)
    for order, page in enumerate(pages, start=50):
        NavigationMenuItem.objects.create(menu=menu, link_page=page, link_label=f"Extra {order}", sort_order=order)
        FooterLink.objects.create(footer=footer, link_page=page, label=f"Footer extra {order}", sort_order=order)
        FooterLink.objects.create(footer=footer, link_url=f"https://example.org/{order}", label=f"Out {order}")
    return len(pages)


@pytest.mark.parametrize("language_code", ["en", "fr"])
def test_menu_and_footer_take_two_queries_whatever_their_size(home, language_code):
    small, before = queries_to_read_chrome(language_code)
    added = grow_chrome(language_code)
    large, after = queries_to_read_chrome(language_code)
    assert small == large == 2
    assert len(after["navigation"]) == len(before["navigation"]) + added
    assert len(after["footer"]["links"]) == len(before["footer"]["links"]) + 2 * added


def test_a_language_with_its_own_footer_but_not_menu_mixes_them(home):
    french_footer = FooterText.objects.get(locale__language_code="fr")
    NavigationMenu.objects.filter(locale__language_code="fr").delete()
    _count, read = queries_to_read_chrome("fr")
    assert read["footer"]["language"] == "fr"
    assert read["footer"]["html"] == expand_db_html(french_footer.body)
    english_menu = NavigationMenu.objects.get(locale__language_code="en")
    assert len(read["navigation"]) == english_menu.items.count()
    assert all(link["url"].startswith("/fr/") for link in read["navigation"])
