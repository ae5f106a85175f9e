"""Every admin listing that has a search box answers a search (it used to crash on members)."""

import re

import pytest
from wagtail.snippets.models import get_snippet_models

FIXED_LISTINGS = [
    "/admin/pages/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/redirects/",
    "/admin/searchpicks/",
    "/admin/locales/",
    "/admin/sites/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
]


def listings():
    snippets = [f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/" for model in get_snippet_models()]
    return FIXED_LISTINGS + snippets


@pytest.mark.django_db
@pytest.mark.parametrize("url", listings())
def test_every_listing_with_a_search_box_answers_a_search(admin_client, url):
    page = admin_client.get(url)
    assert page.status_code == 200, url
    if not re.search(r'<input[^>]+name="q"', page.content.decode()):
        pytest.skip(f"{url} has no search box")
    for query in ["Ifeoma", "ICT", "a", "zz-nothing-matches"]:
        assert admin_client.get(url, {"q": query}).status_code == 200, (url, query)


@pytest.mark.django_db
def test_members_are_found_by_name_and_by_organisation(admin_client):
    from members.models import Member

    member = Member.objects.filter(locale__language_code="en").exclude(organisation="").first()
    by_name = admin_client.get("/admin/snippets/members/member/", {"q": member.full_name.split()[0]})
    assert member.full_name in by_name.content.decode()
    by_organisation = admin_client.get("/admin/snippets/members/member/", {"q": member.organisation[:12]})
    assert member.full_name in by_organisation.content.decode()
