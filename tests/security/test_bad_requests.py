"""
Requests a reader or an editor can send that used to answer 500: each now
gets a 4xx with a message, or what it asked for.
"""

import io
import struct
import zlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from articles.models import ArticleIndexPage
from headless.models import HeadlessSettings
from home.models import AboutPage
from tests.articles.conftest import new_article_form


def png(size=(50, 50)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 10, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def png_with_text_bomb():
    """A small PNG whose compressed text chunk inflates to 200 MB (Pillow refuses it while reading)."""
    base = png()
    text = b"Comment\x00\x00" + zlib.compress(b"A" * (200 * 1024 * 1024), 9)
    chunk = struct.pack(">I", len(text)) + b"zTXt" + text + struct.pack(">I", zlib.crc32(b"zTXt" + text) & 0xFFFFFFFF)
    return base[:-12] + chunk + base[-12:]


@pytest.mark.django_db
class TestReaders:
    @pytest.mark.parametrize("topic", ["a b", "<script>", "policy/../x", "no-such-topic"])
    def test_a_topic_that_is_not_a_slug_is_not_found(self, reader, topic):
        assert reader.get("/en/in-focus/", {"topic": topic}).status_code == 404

    def test_a_known_topic_still_leads_to_its_page(self, reader):
        response = reader.get("/en/in-focus/", {"topic": "policy"})
        assert response.status_code == 302 and response["Location"].endswith("/en/in-focus/topic/policy/")

    def test_topics_in_any_script_have_an_address(self, reader, home, locales):
        from tests.factories import ArticlePageFactory

        index = ArticleIndexPage.objects.child_of(home.get_translation(locales["ar"])).get()
        tag = Tag.objects.create(name="الطيف", slug="الطيف")
        ArticlePageFactory(parent=index, title="الطيف للجميع", topics=[tag])
        assert reader.get(index.url).status_code == 200
        assert reader.get(index.url, {"topic": "الطيف"}).status_code == 302
        assert reader.get(index.topic_url(tag)).status_code == 200

    def test_a_document_download_has_no_bogus_content_encoding(self, reader, settings, tmp_path):
        # Served from files on disk, as in production without S3 (Wagtail's sendfile).
        settings.MEDIA_ROOT = str(tmp_path)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
        document = get_document_model().objects.create(
            title="Agenda", file=SimpleUploadedFile("agenda.txt", b"Opening at nine.")
        )
        response = reader.get(document.url)
        assert response.status_code == 200
        assert response.get("Content-Encoding") is None
        assert b"".join(response.streaming_content if response.streaming else [response.content]) == b"Opening at nine."


@pytest.mark.django_db
class TestEditors:
    def test_headless_preview_of_a_page_being_created(self, admin_client, client, site, home, locales):
        front_end = HeadlessSettings.for_site(site)
        front_end.preview_url = "https://app.example.org/preview"
        front_end.save()
        index = ArticleIndexPage.objects.child_of(home.get_translation(locales["en"])).get()
        url = f"/admin/pages/add/articles/articlepage/{index.pk}/preview/"
        assert admin_client.post(url, new_article_form()).json()["is_valid"]
        location = admin_client.get(url)["Location"]
        token = parse_qs(urlsplit(location).query)["token"][0]
        response = Client().get("/api/v2/preview/", {"token": token})
        assert response.status_code == 200
        draft = response.json()
        assert draft["title"] == "Not saved yet"
        assert draft["id"] is None and draft["meta"]["preview"] is True

    def test_admin_page_search_with_an_unclosed_quote(self, admin_client):
        assert admin_client.get("/admin/pages/search/", {"q": '"unclosed'}).status_code == 200

    @pytest.mark.parametrize("url", ["/admin/images/add/", "/admin/images/multiple/add/"])
    def test_an_image_pillow_refuses_gets_a_form_error(self, admin_client, url):
        before = get_image_model().objects.count()
        upload = SimpleUploadedFile("bomb.png", png_with_text_bomb(), "image/png")
        client = admin_client
        client.raise_request_exception = False
        field = "files[]" if "multiple" in url else "file"
        response = client.post(url, {"title": "Bomb", field: upload})
        assert response.status_code in (200, 400)
        text = response.content.decode()
        assert "not a valid image" in text or "Not a valid image" in text or "valid image" in text
        assert get_image_model().objects.count() == before

    def test_a_page_edit_without_its_form_counts_is_a_bad_request(self, admin_client):
        about = AboutPage.objects.get(locale__language_code="en")
        admin_client.raise_request_exception = False
        response = admin_client.post(f"/admin/pages/{about.pk}/edit/", {"title": "Half a form"})
        assert response.status_code == 400
        about.refresh_from_db()
        assert about.title != "Half a form"
