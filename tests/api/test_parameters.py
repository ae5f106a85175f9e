"""
Every API endpoint's parameters as a client meets them: what the OpenAPI
schema documents is exactly what a request may send, every bad value gets a
400 in the one error shape naming the parameter, and unknown addresses under
/api/ answer in JSON too.
"""

import pytest
from django.conf import settings
from django.test import Client

from home.models import AboutPage
from search.documents import document_types

# Parameters whose values are ids: a bound such as 1 may name no page at all.
ID_PARAMETERS = {"translation_of", "child_of", "descendant_of", "ancestor_of", "section", "id"}
STAFF_ONLY = {"/translation-status/"}
DATES = {"from": "2027-01-01", "to": "2031-01-01", "date_from": "2025-01-01", "date_to": "2027-01-01"}
TEXT_SAMPLES = {
    "type": "home.StandardPage",
    "fields": "title",
    "order": "title",
    "html_path": "/fr/about/",
    "topic": "policy",
    "category": "webinar",
    "country": "KE",
    "child_of": "root",
    "slug": "about",
}


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Client().get("/api/v2/schema/").json()


@pytest.fixture
def about():
    return AboutPage.objects.get(locale__language_code="en")


def schema_paths():
    """The documented paths, read the way a client would."""
    from cms.api import ENDPOINTS

    return [endpoint.path for endpoint in ENDPOINTS]


def operation_parameters(schema, path):
    return [p for p in schema["paths"][path]["get"]["parameters"] if p["in"] == "query"]


def address(path, about):
    return "/api/v2" + path.replace("{id}", str(about.pk))


def client_for(path, client, admin_client):
    return admin_client if path in STAFF_ONLY else client


def integer_part(described):
    """The integer schema of a parameter that may also take words (child_of=root)."""
    for option in described.get("oneOf", [described]):
        if option.get("type") == "integer":
            return option
    return None


def bad_values(described):
    """Values the schema rules out, as a client reading it would pick them."""
    number = integer_part(described)
    if number is not None:
        values = ["abc", "٣", "-1", "1.5", "", "9" * 30, str(number["maximum"] + 1)]
        if number["minimum"] > 0:
            values.append(str(number["minimum"] - 1))
        return values
    if described.get("type") == "array":
        return ["", "no.SuchThing", f"{described['items']['enum'][0]},no.SuchThing"]
    if "enum" in described:
        return ["", "no-such-choice", described["enum"][0].upper() + "x"]
    if described.get("format") == "date":
        return ["", "2027-02-30", "٢٠٢٧-٠١-٠١", "20270101", "2027-1-1", "tomorrow"]
    values = []
    if described.get("minLength"):
        values.append("")
    if "maxLength" in described:
        values.append("x" * (described["maxLength"] + 1))
    if "pattern" in described:
        values.append("!!")
    return values


def good_values(name, described):
    """Values the schema allows: every choice, both bounds of a number, a sample otherwise."""
    number = integer_part(described)
    if number is not None:
        return [str(number["minimum"]), str(number["maximum"])]
    if described.get("type") == "array":
        return [*described["items"]["enum"], ",".join(described["items"]["enum"][:2])]
    if "enum" in described:
        return described["enum"]
    return [DATES.get(name) or TEXT_SAMPLES.get(name) or "women"]


def bad_cases():
    from django.test import Client  # noqa: F401 - Django is set up by pytest-django before collection

    from cms.api import ENDPOINTS

    return [(endpoint.path, parameter.name) for endpoint in ENDPOINTS for parameter in endpoint.parameters]


def assert_names(response, name):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["parameter"] == name, body
    assert name in body["message"], body


@pytest.mark.django_db
@pytest.mark.parametrize("path,name", bad_cases())
def test_every_bad_value_of_a_documented_parameter_is_a_400_naming_it(schema, client, admin_client, about, path, name):
    described = next(p for p in operation_parameters(schema, path) if p["name"] == name)
    values = bad_values(described["schema"])
    if not values:
        pytest.skip(f"{name} takes any text")
    user = client_for(path, client, admin_client)
    for value in values:
        response = user.get(address(path, about), {name: value})
        assert_names(response, name)


@pytest.mark.django_db
@pytest.mark.parametrize("path", schema_paths())
def test_an_unknown_parameter_is_a_400_naming_it(client, admin_client, about, path):
    response = client_for(path, client, admin_client).get(address(path, about), {"colour": "blue"})
    assert_names(response, "colour")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,params,name",
    [
        ("/api/v2/pages/", {"limit": "٣"}, "limit"),
        ("/api/v2/pages/", {"offset": "99999999999999999999"}, "offset"),
        ("/api/v2/pages/", {"translation_of": "-4"}, "translation_of"),
        ("/api/v2/pages/", {"locale": "de"}, "locale"),
        ("/api/v2/pages/", {"locale": ""}, "locale"),
        ("/api/v2/pages/", {"type": "home.NoSuchPage"}, "type"),
        ("/api/v2/pages/", {"child_of": "0"}, "child_of"),
        ("/api/v2/articles/", {"date_from": "2025-02-30"}, "date_from"),
        ("/api/v2/articles/", {"topic": "no spaces"}, "topic"),
        ("/api/v2/events/", {"from": "1999-12-31"}, "from"),
        ("/api/v2/events/", {"include_cancelled": "yes"}, "include_cancelled"),
        ("/api/v2/events/", {"from": "2027-05-01", "to": "2027-01-01"}, "to"),
        ("/api/v2/members/", {"country": "KEN"}, "country"),
        ("/api/v2/members/", {"limit": "101"}, "limit"),
        ("/api/v2/map/", {"locale": "xx"}, "locale"),
        ("/api/v2/search/", {"q": "women", "type": "snippet"}, "type"),
        ("/api/v2/search/", {"q": "women", "per_page": "٥"}, "per_page"),
        ("/api/v2/search/", {"q": "women", "year": ""}, "year"),
        ("/api/v2/search/autocomplete/", {"q": "wom", "locale": "pt"}, "locale"),
        ("/api/v2/images/", {"limit": "0"}, "limit"),
        ("/api/v2/documents/", {"title": "report"}, "title"),
        ("/api/v2/preview/", {}, "token"),
        ("/api/v2/pages/", {"format": "xml"}, "format"),
    ],
)
def test_bad_parameters_seen_in_the_wild(client, path, params, name):
    assert_names(client.get(path, params), name)


@pytest.mark.django_db
def test_messages_are_in_the_clients_language(client):
    response = client.get("/api/v2/pages/", {"limit": "abc"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    message = response.json()["message"]
    assert "limit" in message and "must be" not in message
    unknown = client.get("/api/v2/nowhere/", HTTP_ACCEPT_LANGUAGE="es")
    assert unknown.json()["message"] != client.get("/api/v2/nowhere/").json()["message"]


@pytest.mark.django_db
def test_the_schema_itself_takes_no_parameters(client):
    assert_names(client.get("/api/v2/schema/", {"colour": "blue"}), "colour")
    assert client.get("/api/v2/schema/", HTTP_ACCEPT="text/html")["Content-Type"].startswith("application/json")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/", "/api/v1/pages/", "/api/v2/nothing-here/", "/api/v2/search/nothing/", "/api/v2/pages/987654321/"],
)
def test_unknown_api_addresses_are_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == {"message"} and response.json()["message"]


@pytest.mark.django_db
def test_staff_only_refusal_is_in_the_same_shape(client):
    response = client.get("/api/v2/translation-status/")
    assert response.status_code in (401, 403)
    assert set(response.json()) == {"message"}


@pytest.mark.django_db
def test_schema_lists_exactly_what_each_view_declares(schema):
    from cms.api import ENDPOINTS

    for endpoint in ENDPOINTS:
        documented = {p["name"]: p for p in operation_parameters(schema, endpoint.path)}
        declared = {p.name: p for p in endpoint.parameters}
        assert list(documented) == list(declared), endpoint.path
        for name, parameter in declared.items():
            assert documented[name] == parameter.openapi(), (endpoint.path, name)


@pytest.mark.django_db
def test_schema_choices_come_from_the_site(schema):
    languages = [code for code, _name in settings.LANGUAGES]
    for path in schema_paths():
        for parameter in operation_parameters(schema, path):
            if parameter["name"] == "locale":
                assert parameter["schema"]["enum"] == languages, path
    search_types = {p["name"]: p for p in operation_parameters(schema, "/search/")}["type"]["schema"]["enum"]
    assert search_types == sorted({t.kind for t in document_types()})
    staff = {p["name"]: p for p in operation_parameters(schema, "/translation-status/")}
    assert staff["language"]["schema"]["enum"] == [code for code in languages if code != settings.LANGUAGE_CODE]


@pytest.mark.django_db
def test_a_language_removed_from_settings_leaves_schema_and_validation(client, settings):
    settings.LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "ru"]
    served = client.get("/api/v2/schema/").json()
    locale = next(p for p in operation_parameters(served, "/members/") if p["name"] == "locale")
    assert "ru" not in locale["schema"]["enum"]
    assert_names(client.get("/api/v2/members/", {"locale": "ru"}), "locale")


@pytest.mark.django_db
@pytest.mark.parametrize("path", [p for p in schema_paths() if p != "/preview/"])
def test_a_real_request_accepts_every_value_the_schema_documents(schema, client, admin_client, about, path):
    user = client_for(path, client, admin_client)
    for parameter in operation_parameters(schema, path):
        if parameter["name"] in ID_PARAMETERS:
            values = [str(about.pk)]
        else:
            values = good_values(parameter["name"], parameter["schema"])
        if parameter["name"] == "format":
            values = ["json"]  # the browsable API answers in HTML
        for value in values:
            response = user.get(address(path, about), {parameter["name"]: value})
            assert response.status_code in (200, 302, 404), (path, parameter["name"], value, response.content[:300])
            if response.status_code == 404:
                assert path.endswith(("{id}/", "find/")), (path, parameter["name"], value)
