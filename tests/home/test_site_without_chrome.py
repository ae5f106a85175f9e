"""A site whose editors have not written a menu or a footer yet (a fresh install) still serves its pages."""

import pytest

from home.models import FooterText, NavigationMenu

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["en", "ar"])
def test_pages_are_served_without_a_menu_or_footer_in_any_language(client, code):
    NavigationMenu.objects.all().delete()
    FooterText.objects.all().delete()
    response = client.get(f"/{code}/about/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="main-nav"' not in content  # no empty menu for screen readers to announce
    assert 'class="site-footer__text"' not in content
    assert 'class="site-footer__links"' not in content
    assert 'class="language-switcher"' in content  # the rest of the chrome is there
