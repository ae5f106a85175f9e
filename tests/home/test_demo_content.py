import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import FooterText, NavigationMenu


@pytest.mark.django_db
def test_loading_demo_content_twice_changes_nothing():
    before = (Page.objects.count(), NavigationMenu.objects.count(), FooterText.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    after = (Page.objects.count(), NavigationMenu.objects.count(), FooterText.objects.count())
    assert before == after


@pytest.mark.django_db
def test_demo_content_exists_in_all_six_languages():
    for slug in ["about"]:
        codes = set(Page.objects.filter(slug=slug).values_list("locale__language_code", flat=True))
        assert codes == {"ar", "en", "es", "fr", "ru", "zh-hans"}
    assert FooterText.objects.count() == 6
    assert NavigationMenu.objects.count() == 6


@pytest.mark.django_db
def test_navigation_links_to_pages_in_the_readers_language(client):
    content = client.get("/es/").content.decode()
    assert 'href="/es/about/">Acerca de la Red</a>' in content
