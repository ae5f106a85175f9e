"""
The site search as readers and API clients reach it, on the real engine: the
search API's kinds, pages and languages, both autocomplete endpoints, the
search page's page links, the commands that keep the indexes whole, and the
search log in the admin.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from search import index
from search.models import PendingIndexUpdate, SearchQueryLog
from search.query import MAX_PAGE, search
from tests import site

API = "/api/v2/search/"
# Nine English articles are titled "Women in ICT, portrait N" (tests/site.py).
PORTRAITS = 9


def api(client, **params):
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return response.json()


def result_titles(data):
    return [result["title"] for result in data["results"]]


@pytest.mark.django_db
class TestSearchAPI:
    @pytest.mark.parametrize("kind", ["article", "event"])
    def test_type_keeps_one_kind_of_result(self, client, engine, kind):
        data = api(client, q="women", type=kind, per_page=50)
        assert data["total"] > 0
        assert {result["type"] for result in data["results"]} == {kind}

    def test_pages_split_the_results_without_overlap_and_past_the_end_is_empty(self, client, engine):
        pages = [api(client, q="portrait", per_page=4, page=number) for number in (1, 2, 3, 4)]
        assert {data["total"] for data in pages} == {pages[0]["total"]} and pages[0]["total"] >= PORTRAITS
        seen = [title for data in pages[:3] for title in result_titles(data)]
        assert len(seen) == len(set(seen)) == min(12, pages[0]["total"])
        assert [len(data["results"]) for data in pages[:2]] == [4, 4]
        far = api(client, q="portrait", per_page=4, page=MAX_PAGE)
        assert far["results"] == [] and far["total"] == pages[0]["total"]

    @pytest.mark.parametrize(
        ("params", "parameter"),
        [({"page": MAX_PAGE + 1}, "page"), ({"per_page": 51}, "per_page"), ({"type": "recipe"}, "type")],
    )
    def test_out_of_range_values_are_refused_with_the_parameter_named(self, client, engine, params, parameter):
        response = client.get(API, {"q": "portrait", **params})
        assert response.status_code == 400
        assert response.json()["parameter"] == parameter

    def test_each_language_searches_its_own_index_unless_all_are_asked(self, client, engine):
        french_title = site.ARTICLE["title"]["fr"]
        french = api(client, q=french_title, locale="fr")
        assert result_titles(french)[0] == french_title
        assert {result["locale"] for result in french["results"]} == {"fr"}
        assert french_title not in result_titles(api(client, q=french_title, locale="en", per_page=50))
        everywhere = api(client, q=french_title, locale="en", languages="all", per_page=50)
        assert everywhere["all_languages"] is True and french_title in result_titles(everywhere)


@pytest.mark.django_db
class TestAutocomplete:
    @pytest.mark.parametrize("language", ["en", "fr", "ru"])
    def test_suggests_titles_in_the_readers_language(self, client, engine, language):
        title = site.ARTICLE["title"][language]
        prefix = title.split()[0][:4]
        page = client.get(f"/{language}/search/autocomplete/", {"q": prefix})
        assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
        from_page = [item["title"] for item in page.json()["results"]]
        from_api = [item["title"] for item in api_autocomplete(client, prefix, language)]
        assert title in from_page and from_page == from_api
        other = "fr" if language != "fr" else "en"
        assert site.ARTICLE["title"][other] not in from_page

    def test_nothing_typed_suggests_nothing(self, client, engine):
        assert client.get("/en/search/autocomplete/", {"q": "  "}).json() == {"results": []}
        assert api_autocomplete(client, "", "en") == []


def api_autocomplete(client, prefix, language):
    response = client.get(f"{API}autocomplete/", {"q": prefix, "locale": language})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.mark.django_db
def test_the_search_page_links_to_the_previous_and_next_pages(client, engine):
    def links(page):
        content = client.get("/en/search/", {"q": "women", "page": page}).content.decode()
        return dict(re.findall(r'<a rel="(prev|next)" href="\?([^"]*)"', content))

    first = links(1)
    assert "prev" not in first and "page=2" in first["next"] and "q=women" in first["next"]
    # A link past the last page shows the last page, with the way back.
    total = api(client, q="women", per_page=10)["total"]
    last = -(-total // 10)
    assert last > 1
    content = client.get("/en/search/", {"q": "women", "page": MAX_PAGE}).content.decode()
    assert 'class="search-results"' in content and f"Page {last} of {last}" in content
    assert f"page={last - 1}" in links(MAX_PAGE)["prev"] and "next" not in links(MAX_PAGE)


@pytest.mark.django_db
class TestIndexCommands:
    def test_apply_pending_search_updates_restores_a_missed_update_and_removal(self, engine):
        added = site.publish_text_page(site.home_in("en"), "Spectrum auction notes", "Spectrum auctions.", "missed")
        removed = site.publish_text_page(site.home_in("en"), "Withdrawn spectrum memo", "Spectrum memo.", "gone")
        stale_document = index.document_action(removed)
        removed_pk = removed.pk
        removed.delete()
        # What the engine missed while it was down: the first page's document, and the second's removal.
        index.client().delete(index=index.alias("en"), id=f"page-{added.pk}", refresh=True)
        index.write([stale_document], refresh=True)
        assert "Withdrawn spectrum memo" in engine_titles("spectrum")
        assert "Spectrum auction notes" not in engine_titles("spectrum")
        PendingIndexUpdate.objects.create(model=added._meta.label, object_id=str(added.pk), language="en")
        PendingIndexUpdate.objects.create(
            model=added._meta.label, object_id=str(removed_pk), language="en", deleted=True
        )
        out = io.StringIO()
        call_command("apply_pending_search_updates", stdout=out)
        assert re.match(r"[2-9]\d* queued search index updates applied", out.getvalue())
        assert not PendingIndexUpdate.objects.filter(index=PendingIndexUpdate.SITE).exists()
        index.client().indices.refresh(index=index.alias("en"))
        found = engine_titles("spectrum")
        assert "Spectrum auction notes" in found and "Withdrawn spectrum memo" not in found

    def test_update_index_if_stale_rebuilds_only_when_a_document_is_missing(self, engine):
        def if_stale():
            out = io.StringIO()
            call_command("update_index", "--if-stale", stdout=out)
            return out.getvalue(), set(engine.indices.get_alias(name=index.alias("en")))

        if_stale()  # whatever earlier tests left, the indexes are now complete
        output, complete = if_stale()
        assert "Search indexes are up to date." in output
        [document] = engine.search(index=index.alias("en"), body={"size": 1, "query": {"match_all": {}}})["hits"][
            "hits"
        ]
        engine.delete(index=index.alias("en"), id=document["_id"], refresh=True)
        output, rebuilt = if_stale()
        assert "documents indexed and swapped in" in output and rebuilt.isdisjoint(complete)
        assert engine.exists(index=index.alias("en"), id=document["_id"])


def engine_titles(query):
    return [hit.title for hit in search(query, "en", per_page=50).hits]


@pytest.mark.django_db
class TestSearchLogInTheAdmin:
    URL = "/admin/snippets/search/searchquerylog/"

    def test_editors_see_what_readers_searched_and_what_found_nothing(self, admin_client):
        SearchQueryLog.objects.create(
            day=datetime.date.today(), query="broadband", language="en", hits=3, last_result_count=5
        )
        SearchQueryLog.objects.create(
            day=datetime.date.today(), query="zzzqqq", language="fr", hits=1, last_result_count=0
        )
        listing = admin_client.get(self.URL).content.decode()
        assert "broadband" in listing and "zzzqqq" in listing
        nothing_found = admin_client.get(self.URL, {"zero_results": "on"}).content.decode()
        assert "zzzqqq" in nothing_found and "broadband" not in nothing_found

    def test_one_search_report_in_the_menu(self, admin_client):
        content = admin_client.get("/admin/").content.decode()
        assert self.URL in content
        assert "/admin/reports/search-terms/" not in content

    def test_visitors_and_translators_without_the_permission_cannot_read_it(self, client, french_translator):
        SearchQueryLog.objects.create(
            day=datetime.date.today(), query="private interest", language="en", hits=1, last_result_count=0
        )
        anonymous = client.get(self.URL)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
        client.force_login(french_translator)
        response = client.get(self.URL)
        assert response.status_code in (302, 403)
        assert b"private interest" not in response.content
