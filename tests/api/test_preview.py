import time

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from headless.models import HeadlessSettings
from home.models import AboutPage
from tests import site


@pytest.fixture
def front_end(site):
    settings_ = HeadlessSettings.for_site(site)
    settings_.preview_url = "https://app.example.org/preview"
    settings_.save()
    return settings_


def preview_of(page, user):
    request = RequestFactory().get("/admin/pages/preview/", HTTP_HOST="testserver")
    request.user = user
    return page.serve_preview(request, page.default_preview_mode)


@pytest.mark.django_db
class TestHeadlessPreview:
    def test_preview_opens_on_the_front_end_with_the_draft_in_its_language(self, client, front_end, admin_user):
        page = AboutPage.objects.get(locale__language_code="fr")
        page.title = "Brouillon pas encore publié"
        response = preview_of(page, admin_user)
        assert response.status_code == 302
        location = response["Location"]
        assert location.startswith("https://app.example.org/preview?")
        assert "locale=fr" in location and "content_type=home.aboutpage" in location
        token = location.split("token=")[1].split("&")[0]
        from urllib.parse import unquote

        data = client.get("/api/v2/preview/", {"token": unquote(token)}).json()
        assert data["title"] == "Brouillon pas encore publié"
        assert data["meta"]["preview"] is True
        assert data["meta"]["locale"] == "fr"
        # The unsaved title never reached the site or the public API.
        assert AboutPage.objects.get(pk=page.pk).title == site.TEXT["about"]["fr"]

    def test_token_expires_and_bad_tokens_are_refused(self, client, front_end, admin_user, settings):
        page = AboutPage.objects.get(locale__language_code="en")
        location = preview_of(page, admin_user)["Location"]
        from urllib.parse import parse_qs, urlsplit

        token = parse_qs(urlsplit(location).query)["token"][0]
        response = client.get("/api/v2/preview/", {"token": token})
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
        settings.HEADLESS_PREVIEW_MAX_AGE = 1
        time.sleep(2)
        expired = client.get("/api/v2/preview/", {"token": token})
        assert expired.status_code == 410 and "expired" in expired.json()["message"]
        assert client.get("/api/v2/preview/", {"token": token[:-3] + "abc"}).status_code == 400
        assert client.get("/api/v2/preview/").status_code == 400

    def test_without_a_front_end_wagtail_previews_as_usual(self, admin_user, site):
        assert not HeadlessSettings.for_site(site).preview_url
        page = AboutPage.objects.get(locale__language_code="en")
        response = preview_of(page, admin_user)
        assert response.status_code == 200
        assert b"Resolution 70" in response.render().content if hasattr(response, "render") else response.content


def test_site_setting_is_per_site():
    assert HeadlessSettings._meta.get_field("site").related_model is Site
