"""The same site search with no engine configured: the zero-set-up fallback on the database."""

import pytest

from search.query import search


@pytest.fixture
def no_engine(settings):
    settings.SEARCH_URL = ""


@pytest.mark.django_db
class TestDatabaseBackend:
    def test_finds_pages_in_the_readers_language_only(self, no_engine):
        response = search("programmation", "fr")
        assert response.backend == "database"
        assert response.notice is None  # nothing is wrong: there simply is no engine
        assert response.total > 0
        assert {hit.locale for hit in response.hits} == {"fr"}

    def test_highlights_and_facets(self, no_engine):
        response = search("telemedicine", "en")
        assert any("<mark>" in hit.title_highlight for hit in response.hits)
        kinds = {facet.value for facet in response.facets["kind"]}
        assert "article" in kinds
        filtered = search("telemedicine", "en", filters={"kind": "event"})
        assert {hit.kind for hit in filtered.hits} == {"event"}

    def test_listed_members_but_not_their_contact_details(self, no_engine, canary):
        response = search("Okafor", "en")
        assert [hit.title for hit in response.hits if hit.kind == "member"] == ["Dr Amara Okafor"]
        assert not search(canary.full_name, "en").hits

    def test_search_page_and_api(self, client, no_engine):
        page = client.get("/es/search/", {"q": "niñas"})
        assert page.status_code == 200
        assert "<mark>" in page.content.decode()
        assert 'name="robots" content="noindex"' in page.content.decode()
        api = client.get("/api/v2/search/", {"q": "niñas", "locale": "es"}).json()
        assert api["backend"] == "database" and api["total"] > 0
        assert {result["locale"] for result in api["results"]} == {"es"}

    @pytest.mark.parametrize("query", ['"unbalanced', "(((", "x" * 10000, "🙂", "\u202e", "*:*"])
    def test_any_query_is_safe(self, client, no_engine, query):
        assert client.get("/en/search/", {"q": query}).status_code == 200
