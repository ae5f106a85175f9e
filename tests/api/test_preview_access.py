"""
Who can open a headless preview, through the admin's own preview views: the
front end only ever sees a draft an editor of that page asked to preview.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from headless.models import HeadlessSettings, PagePreview
from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory

FRONT_END = "https://app.example.org/preview"


@pytest.fixture
def front_end(site):
    headless = HeadlessSettings.for_site(site)
    headless.preview_url = FRONT_END
    headless.save()


def draft(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "draft-for-preview",
            "intro": "Not yet published.",
            "body": streamfield([("paragraph", rich_text("<p>Draft body.</p>"))]),
        }
    )


def open_preview(client, url, title):
    """Post the edit form to Wagtail's preview view, then open the preview as the admin's iframe does."""
    posted = client.post(url, draft(title))
    return posted, client.get(url)


def token_from(response):
    assert response.status_code == 302 and response["Location"].startswith(FRONT_END)
    return parse_qs(urlsplit(response["Location"]).query)["token"][0]


def home_in(code):
    return HomePage.objects.get(depth=2, locale__language_code=code)


@pytest.mark.django_db
class TestWhoCanPreview:
    def test_a_translator_previews_a_draft_of_her_language(self, client, front_end, french_translator):
        page = StandardPageFactory(parent=home_in("fr"))
        client.force_login(french_translator)
        _posted, opened = open_preview(client, f"/admin/pages/{page.pk}/edit/preview/", "Brouillon d'essai")
        data = client.get("/api/v2/preview/", {"token": token_from(opened)}).json()
        assert data["title"] == "Brouillon d'essai"
        assert data["meta"]["detail_url"].endswith(f"/api/v2/pages/{page.pk}/")
        # The public pages endpoint still shows the published title.
        assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == page.title

    def test_a_page_being_created_previews_without_an_api_address(self, client, front_end, french_translator):
        client.force_login(french_translator)
        url = f"/admin/pages/add/home/standardpage/{home_in('fr').pk}/preview/"
        _posted, opened = open_preview(client, url, "Nouvelle page")
        data = client.get("/api/v2/preview/", {"token": token_from(opened)}).json()
        assert data["title"] == "Nouvelle page" and data["meta"]["preview"] is True
        assert "detail_url" not in data["meta"]
        assert not StandardPage.objects.filter(title="Nouvelle page").exists()

    def test_a_translator_of_another_language_gets_no_preview(self, client, front_end, french_translator):
        page = StandardPageFactory(parent=home_in("ar"))
        client.force_login(french_translator)
        before = PagePreview.objects.count()
        posted, opened = open_preview(client, f"/admin/pages/{page.pk}/edit/preview/", "Hijacked")
        assert posted.status_code in (302, 403) and opened.status_code in (302, 403)
        assert not opened.get("Location", "").startswith(FRONT_END)
        assert PagePreview.objects.count() == before

    def test_an_anonymous_visitor_gets_the_login_page_and_no_token(self, client, front_end):
        page = Page.objects.get(pk=home_in("en").pk)
        before = PagePreview.objects.count()
        posted, opened = open_preview(client, f"/admin/pages/{page.pk}/edit/preview/", "Hijacked")
        for response in (posted, opened):
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert PagePreview.objects.count() == before

    @pytest.mark.parametrize("token", ["", "not-a-token", "a" * 1001])
    def test_the_preview_endpoint_refuses_anything_but_a_signed_token(self, client, token):
        response = client.get("/api/v2/preview/", {"token": token})
        assert response.status_code == 400
        assert response.json()["parameter"] == "token"

    def test_a_signed_token_for_a_preview_since_removed_is_gone(self, client, front_end, french_translator):
        page = StandardPageFactory(parent=home_in("fr"))
        client.force_login(french_translator)
        _posted, opened = open_preview(client, f"/admin/pages/{page.pk}/edit/preview/", "Brouillon retiré")
        token = token_from(opened)
        PagePreview.objects.all().delete()  # what the clean-up of old previews does
        response = client.get("/api/v2/preview/", {"token": token})
        assert response.status_code == 410
        assert response.json()["parameter"] == "token" and "no longer exists" in response.json()["message"]
