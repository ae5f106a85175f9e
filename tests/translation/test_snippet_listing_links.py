"""
A translation team sees every language's snippets in the admin listings (it
may read them) but is offered edit, copy and delete only where it may use
them: its own language. The links it is not offered are refused anyway.
"""

import re

import pytest
from django.urls import reverse

from events.models import EventCategory

pytestmark = pytest.mark.django_db


def edit_links(content, url_name):
    """The primary keys the page links to for editing, with `url_name`."""
    prefix = reverse(url_name, args=[0]).rsplit("0/", 1)[0]
    return {int(pk) for pk in re.findall(rf'href="{re.escape(prefix)}(\d+)/"', content)}


def test_a_french_translator_is_offered_edit_links_for_french_categories_only(client, french_translator):
    client.force_login(french_translator)
    response = client.get(reverse("wagtailsnippets_events_eventcategory:list"))
    assert response.status_code == 200
    content = response.content.decode()
    categories = EventCategory.objects.all()
    french = {category.pk for category in categories if category.locale.language_code == "fr"}
    others = {category.pk for category in categories} - french
    assert french and others
    offered = edit_links(content, "wagtailsnippets_events_eventcategory:edit")
    assert offered == french
    # The other languages' categories are still listed, by name.
    for category in categories.exclude(pk__in=french)[:3]:
        assert category.name in content
    assert not edit_links(content, "wagtailsnippets_events_eventcategory:delete")
    # What is not offered is refused (the policy the listing now follows).
    other = next(iter(others))
    assert client.get(reverse("wagtailsnippets_events_eventcategory:edit", args=[other])).status_code in (302, 403)
    assert (
        client.get(reverse("wagtailsnippets_events_eventcategory:edit", args=[next(iter(french))])).status_code == 200
    )


def test_the_add_button_is_offered_in_the_teams_language_only(client, french_translator, locales):
    client.force_login(french_translator)
    url = reverse("wagtailsnippets_events_eventcategory:list")
    add = reverse("wagtailsnippets_events_eventcategory:add")
    assert add in client.get(url, {"locale": "fr"}).content.decode()
    assert add not in client.get(url, {"locale": "ar"}).content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_home_navigationmenu",
        "wagtailsnippets_home_footertext",
        "wagtailsnippets_articles_topiclabel",
        "wagtailsnippets_members_member",
    ],
)
def test_every_translatable_snippet_listing_links_to_the_teams_language_only(client, french_translator, url_name):
    from django.apps import apps

    _prefix, app, model_name = url_name.split("_", 2)
    model = apps.get_model(app, model_name)
    client.force_login(french_translator)
    content = client.get(reverse(f"{url_name}:list")).content.decode()
    offered = edit_links(content, f"{url_name}:edit")
    languages = set(model.objects.filter(pk__in=offered).values_list("locale__language_code", flat=True))
    assert languages <= {"fr"}


def test_an_administrator_is_offered_every_language(admin_client):
    content = admin_client.get(reverse("wagtailsnippets_events_eventcategory:list")).content.decode()
    offered = edit_links(content, "wagtailsnippets_events_eventcategory:edit")
    assert offered == set(EventCategory.objects.values_list("pk", flat=True))
