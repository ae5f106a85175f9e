"""The headless API as a client sees it: shapes, languages, filters, errors and caching."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage
from events.models import EventOccurrenceOverride
from home.models import AboutPage
from members.models import Member
from tests import site
from tests.factories import ArticlePageFactory, EventPageFactory, MemberFactory


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, (path, params, response.content[:300])
    return response.json()


@pytest.mark.django_db
class TestPages:
    def test_listing_in_one_language_with_alternates(self, client):
        data = get(client, "/api/v2/pages/", locale="fr", type="home.AboutPage")
        assert data["meta"]["total_count"] == 1
        item = data["items"][0]
        assert item["title"] == site.TEXT["about"]["fr"]
        assert item["meta"]["locale"] == "fr"
        alternates = {a["locale"]: a for a in item["meta"]["alternates"]}
        assert set(alternates) == {"ar", "en", "es", "fr", "ru", "zh-hans"}
        assert alternates["ar"]["url"].endswith("/ar/about/")
        assert alternates["en"]["id"] == AboutPage.objects.get(locale__language_code="en").pk

    def test_detail_has_explicit_api_fields_with_rich_text_as_html(self, client):
        about = AboutPage.objects.get(locale__language_code="en")
        data = get(client, f"/api/v2/pages/{about.pk}/")
        assert data["intro"] == site.TEXT["about_intro"]["en"]
        assert data["join_title"] == site.TEXT["join"]["en"]
        paragraph = next(block for block in data["body"] if block["type"] == "paragraph")
        assert paragraph["value"].startswith("<p>")

    def test_translation_of(self, client):
        about = AboutPage.objects.get(locale__language_code="en")
        data = get(client, "/api/v2/pages/", translation_of=about.pk, locale="ar")
        assert [item["title"] for item in data["items"]] == [site.TEXT["about"]["ar"]]

    @pytest.mark.parametrize(
        "path,key,language",
        [
            ("/fr/in-focus/", "in_focus", "fr"),
            ("/ar/about/", "about", "ar"),
            ("/en/events/", "events", "en"),
            ("http://testserver/es/about/", "about", "es"),
        ],
    )
    def test_find_by_path_with_language_prefix(self, client, path, key, language):
        response = client.get("/api/v2/pages/find/", {"html_path": path}, follow=True)
        assert response.status_code == 200
        assert response.json()["title"] == site.TEXT[key][language]

    def test_find_unknown_path_is_404(self, client):
        assert client.get("/api/v2/pages/find/", {"html_path": "/fr/nowhere/"}).status_code == 404

    @pytest.mark.parametrize(
        "params",
        [
            {"locale": "xx"},
            {"translation_of": "abc"},
            {"limit": "1000"},
            {"limit": "-1"},
            {"offset": "x"},
            {"type": "nope.Nope"},
            {"bogus": "1"},
            {"order": "nonsense"},
            {"child_of": "abc"},
            {"search_operator": "xor"},
        ],
    )
    def test_bad_parameters_are_400_with_a_message(self, client, params):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 400
        assert response.json()["message"]


@pytest.mark.django_db
class TestSections:
    def test_articles_filters(self, client, in_focus, policy):
        ArticlePageFactory(
            parent=in_focus,
            title="Competition makes broadband affordable",
            topics=[policy],
            date=datetime.date(2025, 9, 1),
        )
        ArticlePageFactory(
            parent=in_focus, title="Digital identity for all", topics=[policy], date=datetime.date(2025, 4, 1)
        )
        ArticlePageFactory(
            parent=in_focus,
            title="Telemedicine brings specialists to rural clinics",
            authors=[("Rania Haddad", "Doctor")],
            date=datetime.date(2024, 1, 1),
        )
        data = get(client, "/api/v2/articles/", locale="en", topic="policy", date_from="2025-06-01")
        titles = [item["title"] for item in data["items"]]
        assert "Competition makes broadband affordable" in titles
        assert "Digital identity for all" not in titles  # April 2025
        assert all("policy" in [t["slug"] for t in item["topics"]] for item in data["items"])
        by_author = get(client, "/api/v2/articles/", author="Haddad", locale="en")
        assert [item["title"] for item in by_author["items"]] == ["Telemedicine brings specialists to rural clinics"]
        dates = [item["display_date"] for item in get(client, "/api/v2/articles/", locale="en")["items"]]
        assert dates == sorted(dates, reverse=True)

    def test_events_expands_recurrence_and_marks_changed_occurrences(self, client, events_index):
        new_york = ZoneInfo("America/New_York")
        series = EventPageFactory(
            parent=events_index,
            title="Spectrum policy for rural access",
            start=datetime.datetime(2027, 1, 6, 18, tzinfo=new_york),
            end=datetime.datetime(2027, 1, 6, 19, tzinfo=new_york),
            time_zone="America/New_York",
            recurrence="FREQ=MONTHLY;BYDAY=1WE;COUNT=6",
        )
        series.occurrence_overrides.add(
            EventOccurrenceOverride(occurrence_date=datetime.date(2027, 3, 3), status="cancelled", locale=series.locale)
        )
        series.occurrence_overrides.add(
            EventOccurrenceOverride(
                occurrence_date=datetime.date(2027, 5, 5),
                status="moved",
                new_date=datetime.date(2027, 5, 12),
                locale=series.locale,
            )
        )
        series.save_revision().publish()
        geneva = ZoneInfo("Europe/Zurich")
        EventPageFactory(
            parent=events_index,
            title="Yearly observance",
            start=datetime.datetime(2011, 4, 28, tzinfo=geneva),
            end=datetime.datetime(2011, 4, 28, tzinfo=geneva),
            all_day=True,
            time_zone="Europe/Zurich",
            recurrence="FREQ=YEARLY;BYMONTH=4;BYDAY=4TH",
        )
        data = get(client, "/api/v2/events/", locale="en", **{"from": "2027-01-01", "to": "2027-07-01"}, limit=100)
        webinar = [i for i in data["items"] if i["title"].startswith("Spectrum policy for rural")]
        assert len(webinar) == 6
        assert any(i["cancelled"] for i in webinar) and any(i["moved"] for i in webinar)
        moved = next(i for i in webinar if i["moved"])
        assert moved["start"].startswith("2027-05-12T18:00") and moved["original_start"].startswith("2027-05-05")
        girls_day = [i for i in data["items"] if i["title"] == "Yearly observance"]
        assert [i["start"] for i in girls_day] == ["2027-04-22"]
        without = get(
            client,
            "/api/v2/events/",
            locale="en",
            include_cancelled="false",
            **{"from": "2027-01-01", "to": "2027-07-01"},
            limit=100,
        )
        assert not any(i["cancelled"] for i in without["items"])

    def test_events_filters_and_window_errors(self, client, events_index):
        EventPageFactory(parent=events_index, title="Coding workshop in Nairobi", city="Nairobi", country="KE")
        EventPageFactory(parent=events_index, title="Meeting in Accra", city="Accra", country="GH")
        year = timezone.now().year
        data = get(client, "/api/v2/events/", country="KE", **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
        assert data["items"]
        assert {i["country"] for i in data["items"]} == {"KE"}
        assert client.get("/api/v2/events/", {"from": "2027-05-01", "to": "2027-01-01"}).status_code == 400
        assert client.get("/api/v2/events/", {"from": "2020-01-01", "to": "2030-01-02"}).status_code == 400

    def test_members_are_listed_ones_with_public_fields_only(self, client, canary):
        MemberFactory(full_name="Grace Mensah", country="GH", show_organisation=False)
        MemberFactory(full_name="Anna Schmidt", country="DE", sector="regulator")
        MemberFactory(full_name="Sofia Regulator", country="BR", sector="regulator")
        data = get(client, "/api/v2/members/", locale="en", limit=100)
        names = {item["full_name"] for item in data["items"]}
        assert canary.full_name not in names
        assert data["meta"]["total_count"] == Member.objects.filter(locale__language_code="en", listed=True).count()
        grace = next(item for item in data["items"] if item["full_name"] == "Grace Mensah")
        assert grace["organisation"] == ""  # she did not make it public
        assert "email" not in grace and "phone" not in grace
        europe = get(client, "/api/v2/members/", region="europe", sector="regulator")
        assert [item["full_name"] for item in europe["items"]] == ["Anna Schmidt"]

    def test_map_counts(self, client):
        MemberFactory(country="SN")
        MemberFactory(country="SN")
        MemberFactory(country="SN", show_on_map=False)
        data = get(client, "/api/v2/map/", locale="fr")
        senegal = next(item for item in data["items"] if item["country"] == "SN")
        assert senegal == {"country": "SN", "name": "Sénégal", "count": 2}


@pytest.mark.django_db
class TestCaching:
    def test_etag_and_304(self, client):
        first = client.get("/api/v2/pages/", {"locale": "en"})
        assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
        etag = first["ETag"]
        second = client.get("/api/v2/pages/", {"locale": "en"}, HTTP_IF_NONE_MATCH=etag)
        assert second.status_code == 304

    def test_last_modified_and_304(self, client):
        about = AboutPage.objects.get(locale__language_code="en")
        first = client.get(f"/api/v2/pages/{about.pk}/")
        assert first.has_header("Last-Modified")
        second = client.get(f"/api/v2/pages/{about.pk}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert second.status_code == 304
        about.save_revision().publish()
        third = client.get(f"/api/v2/pages/{about.pk}/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT")
        assert third.status_code == 200

    def test_signed_in_and_staff_responses_are_private(self, admin_client):
        assert "no-store" in admin_client.get("/api/v2/translation-status/")["Cache-Control"]
        assert "private" in admin_client.get("/api/v2/pages/")["Cache-Control"]


@pytest.mark.django_db
class TestCORS:
    def test_configured_origin_is_allowed(self, settings):
        settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
        response = Client().get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.org")
        assert response["Access-Control-Allow-Origin"] == "https://app.example.org"
        assert "ETag" in response["Access-Control-Expose-Headers"]

    def test_other_origins_are_refused(self, settings):
        settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
        response = Client().get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
        assert "Access-Control-Allow-Origin" not in response

    def test_no_cors_outside_the_api(self, settings):
        settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
        response = Client().get("/en/", HTTP_ORIGIN="https://app.example.org")
        assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_event_changes_reach_the_api(client, home):
    from events.models import EventIndexPage

    index = EventIndexPage.objects.get(locale__language_code="en")
    start = datetime.datetime(2031, 3, 1, 10, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=index,
        title="Weekly clinic",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    EventOccurrenceOverride.objects.create(
        page=event, locale=event.locale, occurrence_date=datetime.date(2031, 3, 8), status="cancelled", note="Holiday"
    )
    data = get(client, "/api/v2/events/", **{"from": "2031-03-01", "to": "2031-04-01"})
    clinic = [i for i in data["items"] if i["title"] == "Weekly clinic"]
    assert [(i["start"][:10], i["cancelled"], i["note"]) for i in clinic] == [
        ("2031-03-01", False, ""),
        ("2031-03-08", True, "Holiday"),
        ("2031-03-15", False, ""),
    ]


def test_article_api_fields_are_declared():
    from wagtail.api import APIField

    for model in [ArticlePage, AboutPage]:
        assert model.api_fields and all(isinstance(f, APIField) for f in model.api_fields)
