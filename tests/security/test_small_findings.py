"""
Small findings of the second outside test (ATTACK_REPORT2 N5): webhook
payloads name one public origin, oversized images say how many pixels they
have, and a bad Host header logs one line.
"""

import logging
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from headless.webhooks import page_payload
from tests.factories import StandardPageFactory


def png_header(width, height):
    """A PNG that declares width × height pixels and holds none: Pillow refuses to open it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.django_db
def test_the_webhook_payload_gives_the_page_on_the_same_origin_as_its_api_url(settings, home, locales):
    settings.WAGTAILAPI_BASE_URL = "https://cms.example.org"
    page = StandardPageFactory(parent=home.get_translation(locales["en"]), title="Origin", slug="origin-check")
    page.save_revision().publish()
    payload = page_payload(page, "page.published")["page"]
    assert payload["api_url"].startswith("https://cms.example.org/api/v2/pages/")
    assert payload["url"] == "https://cms.example.org/en/origin-check/"


@pytest.mark.django_db
def test_an_image_past_pillows_limit_is_refused_with_its_number_of_pixels(admin_client):
    upload = SimpleUploadedFile("enormous.png", png_header(20000, 20000), "image/png")
    response = admin_client.post("/admin/images/add/", {"title": "Enormous", "file": upload})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "400000000" in errors.replace(",", "").replace("\u202f", "").replace("\xa0", "")
    assert "unknown" not in errors


@pytest.mark.django_db
def test_a_bad_host_header_logs_one_warning_line(client, caplog, settings):
    settings.ALLOWED_HOSTS = ["testserver"]  # as in production: a list, not the test settings' "*"
    with caplog.at_level(logging.WARNING):
        response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
    assert records
    assert all(record.levelno == logging.WARNING and record.exc_info is None for record in records)
