"""
Admin searches (pages, a page's listing, images, documents) answer query
syntax with a list, on the engine and on the database backend, never a 500.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from tests.factories import StandardPageFactory

SYNTAX = ['"x" OR', "AND", '"', '"a" "b"', "a OR", "NOT", '"Spectrum stewardship" OR grid']


@pytest.fixture(params=["engine", "database"])
def backend(request, settings):
    if request.param == "engine":
        request.getfixturevalue("engine")
    else:
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database_backend"}}
    return request.param


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("syntax-editor", "syntax-editor@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def english_home(home, locales):
    return home.get_translation(locales["en"])


@pytest.mark.django_db
@pytest.mark.parametrize("query", SYNTAX)
def test_admin_searches_answer_query_syntax(editor_client, english_home, backend, query):
    urls = ["/admin/pages/search/", f"/admin/pages/{english_home.pk}/", "/admin/images/", "/admin/documents/"]
    for url in urls:
        response = editor_client.get(url, {"q": query})
        assert response.status_code == 200, (backend, url, query)


@pytest.mark.django_db
def test_a_query_with_syntax_still_finds_its_words(editor_client, english_home, backend):
    page = StandardPageFactory(parent=english_home, title="Spectrum stewardship", slug="spectrum-stewardship")
    page.save_revision().publish()
    response = editor_client.get("/admin/pages/search/", {"q": '"Spectrum stewardship" OR'})
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).title in response.content.decode()
