"""The same site search with no engine configured: the zero-set-up fallback on the database."""

import pytest

from search.query import search
from tests import site
from tests.factories import EventPageFactory


@pytest.fixture
def no_engine(settings):
    settings.SEARCH_URL = ""


@pytest.mark.django_db
class TestDatabaseBackend:
    def test_finds_pages_in_the_readers_language_only(self, no_engine):
        response = search(site.ARTICLE["title"]["fr"].split()[1], "fr")  # "télémédecine"
        assert response.backend == "database"
        assert response.notice is None  # nothing is wrong: there simply is no engine
        assert response.total > 0
        assert {hit.locale for hit in response.hits} == {"fr"}

    def test_highlights_and_facets(self, no_engine, events_index):
        event = EventPageFactory(parent=events_index, title="Telemedicine clinic open day")
        event.save_revision().publish()  # what reaches the index: publishing, as an editor does
        response = search("telemedicine", "en")
        assert any("<mark>" in hit.title_highlight for hit in response.hits)
        kinds = {facet.value for facet in response.facets["kind"]}
        assert "article" in kinds
        filtered = search("telemedicine", "en", filters={"kind": "event"})
        assert {hit.kind for hit in filtered.hits} == {"event"}

    def test_listed_members_but_not_their_contact_details(self, no_engine, canary):
        name = site.MEMBERS[2][0]
        response = search(name.split()[-1], "en")
        assert [hit.title for hit in response.hits if hit.kind == "member"] == [name]
        assert not search(canary.full_name, "en").hits

    def test_search_page_and_api(self, client, no_engine):
        word = site.ARTICLE["title"]["es"].split()[1]  # "telemedicina"
        page = client.get("/es/search/", {"q": word})
        assert page.status_code == 200
        assert "<mark>" in page.content.decode()
        assert 'name="robots" content="noindex"' in page.content.decode()
        api = client.get("/api/v2/search/", {"q": word, "locale": "es"}).json()
        assert api["backend"] == "database" and api["total"] > 0
        assert {result["locale"] for result in api["results"]} == {"es"}

    @pytest.mark.parametrize("query", ['"unbalanced', "(((", "x" * 10000, "🙂", "\u202e", "*:*"])
    def test_any_query_is_safe(self, client, no_engine, query):
        assert client.get("/en/search/", {"q": query}).status_code == 200


# language: (title, body, another form of its words)
WORD_FORMS = {
    "en": (
        "Regulators connecting villages",
        "Regulators are connecting remote villages.",
        "regulator connected village",
    ),
    "fr": ("L'économie numérique des femmes", "L'économie numérique ouvre des marchés.", "economie numeriques"),
    "es": ("Las niñas programan robots", "Las niñas de la escuela programan.", "nina programa"),
    "ru": ("Цифровые навыки для женщин", "Программа развивает цифровые навыки женщин.", "навыками женщинам"),
    "ar": ("إدارة الطيف الترددي", "تناقش الهيئة إدارة الطيف الترددي في المناطق الريفية.", "اداره الطيف"),
}


def publish_in(language, title, text, slug):
    return site.publish_text_page(site.home_in(language), title, text, slug)


def titles(response):
    return [hit.title for hit in response.hits]


@pytest.mark.django_db
class TestDatabaseRelevance:
    """What readers get without the engine: word forms, scripts and ranking."""

    @pytest.mark.parametrize("language", WORD_FORMS)
    def test_other_word_forms_find_the_page_first(self, no_engine, language):
        title, body, query = WORD_FORMS[language]
        publish_in(language, title, body, f"forms-{language}")
        response = search(query, language)
        assert response.backend == "database"
        assert titles(response)[0] == title

    def test_girl_finds_what_girls_finds(self, no_engine):
        publish_in("en", "Robotics clubs", "Girls build robots after school.", "robotics-clubs")
        publish_in("en", "A mentor's story", "One girl, one mentor, one career.", "mentor-story")
        girls = search("girls", "en")
        assert girls.total > 0
        assert titles(search("girl", "en")) == titles(girls)

    def test_arabic_hamza_forms_teh_marbuta_and_diacritics(self, no_engine):
        publish_in("ar", "أمن المعلومات للنساء", "ندوة حول أمن المعلومات في الشبكة للنساء", "ar-normalisation")
        for query in ["امن المعلومات", "أَمْنُ", "آمن", "إمن المعلومات", "الشبكه"]:
            assert "أمن المعلومات للنساء" in titles(search(query, "ar")), query

    def test_accents_fold_both_ways(self, no_engine):
        publish_in("fr", "Télécommunications rurales", "Les télécommunications arrivent.", "fr-accents")
        assert "Télécommunications rurales" in titles(search("telecommunications", "fr"))
        publish_in("es", "Conexion rural", "La conexion llega al campo.", "es-accents")
        assert "Conexion rural" in titles(search("conexión", "es"))

    def test_chinese_words_inside_unsegmented_text(self, no_engine):
        publish_in("zh-hans", "电子邮件和信用卡", "关于电子邮件和信用卡安全的说明。", "zh-decoy")
        publish_in("zh-hans", "宽带普及", "国际电信市场的竞争使宽带更便宜。", "zh-telecom")
        found = titles(search("电信", "zh-hans"))
        assert "宽带普及" in found  # 电信 in the middle of a sentence
        assert "电子邮件和信用卡" not in found  # 电 and 信 apart are not the word 电信
        assert search(site.ARTICLE["title"]["zh-hans"][:4], "zh-hans").total > 0  # 远程医疗, a test site title

    def test_content_ranks_above_section_index_pages(self, no_engine):
        from wagtail.models import Page

        sections = {page.url for page in Page.objects.live().specific() if getattr(page, "search_rank", 1) < 1}
        for query, language in [("test", "en"), ("women", "en"), ("network", "en"), ("essai", "fr")]:
            kinds = [
                "section" if hit.url in sections else "content" for hit in search(query, language, per_page=50).hits
            ]
            assert "content" in kinds, query
            assert kinds == sorted(kinds), (query, kinds)  # every "content" before any "section"

    def test_no_hostile_input_reaches_sql(self, client, no_engine):
        for query in ['"unbalanced', "a' OR '1'='1", "%_%", "\\", "NEAR(", "women*", "-women"]:
            assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.django_db
class TestDatabaseSearchQueries:
    def test_at_most_15_queries_whatever_the_matches(self, no_engine, django_assert_max_num_queries):
        with django_assert_max_num_queries(15):
            few = search("telemedicine", "en")
        with django_assert_max_num_queries(15):
            many = search("women", "en", filters={"kind": "article"}, page=2)
        assert few.total and many.total > 10

    def test_the_count_does_not_grow_with_matches(self, no_engine, django_assert_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        search("telemedicine", "en")  # the first search of a query today also creates its log row
        with CaptureQueriesContext(connection) as before:
            few = search("telemedicine", "en")
        for number in range(20):
            publish_in("en", f"Telemedicine for schools {number}", "Telemedicine reaches every school.", f"tm-{number}")
        with django_assert_num_queries(len(before.captured_queries)):
            response = search("telemedicine", "en")
        assert response.total >= few.total + 20

    def test_the_api_too(self, client, no_engine, django_assert_max_num_queries):
        with django_assert_max_num_queries(15):
            assert client.get("/api/v2/search/", {"q": "women", "locale": "en"}).json()["total"] > 10
