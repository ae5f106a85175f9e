"""The OpenAPI description is valid, covers every endpoint, and every parameter it documents is accepted."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from home.models import AboutPage


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/v2/schema/").json()


def documented(schema):
    for path, item in schema["paths"].items():
        operation = item["get"]
        for parameter in [*item.get("parameters", []), *operation["parameters"]]:
            yield path, parameter


SAMPLES = {
    "type": "home.StandardPage",
    "fields": "title",
    "order": "title",
    "html_path": "/fr/about/",
    "q": "women",
    "search": "women",
    "topic": "policy",
    "category": "webinar",
    "country": "KE",
    "from": "2027-01-01",
    "to": "2027-06-01",
    "date_from": "2025-01-01",
    "date_to": "2027-01-01",
    "author": "Diallo",
    "child_of": "root",
}


def sample(name, schema_):
    if "enum" in schema_:
        return schema_["enum"][0]
    if name in SAMPLES:
        return SAMPLES[name]
    if schema_.get("type") == "integer":
        return str(schema_.get("minimum", 1))
    return "women"


def concrete(path, about_id):
    return "/api/v2" + path.replace("{id}", str(about_id))


@pytest.mark.django_db
def test_schema_is_valid_openapi(schema):
    validate(schema)


@pytest.mark.django_db
def test_schema_covers_every_endpoint(schema, client):
    expected = {
        "/pages/",
        "/pages/{id}/",
        "/pages/find/",
        "/articles/",
        "/events/",
        "/members/",
        "/map/",
        "/images/",
        "/documents/",
        "/search/",
        "/search/autocomplete/",
        "/translation-status/",
        "/preview/",
    }
    assert expected <= set(schema["paths"])
    assert client.get("/api/v2/docs/").status_code == 200


@pytest.mark.django_db
def test_every_documented_parameter_is_accepted(schema, admin_client):
    about = AboutPage.objects.get(locale__language_code="en")
    for path, parameter in documented(schema):
        if parameter["in"] == "path" or path == "/preview/":
            continue
        value = sample(parameter["name"], parameter["schema"])
        if parameter["name"] in ("translation_of", "descendant_of", "ancestor_of", "section", "id"):
            value = str(about.pk)
        response = admin_client.get(concrete(path, about.pk), {parameter["name"]: value}, follow=True)
        assert response.status_code in (200, 404), (path, parameter["name"], value, response.content[:200])


def parameter_cases():
    from django.test import Client  # noqa: F401 - imported for the side effect of Django being set up

    from cms.api import ENDPOINTS

    cases = []
    for endpoint in ENDPOINTS:
        for parameter in endpoint.parameters:
            cases.append((endpoint.path, parameter.name))
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize("path,name", parameter_cases())
def test_random_values_never_cause_a_server_error(admin_client, path, name):
    about = AboutPage.objects.get(locale__language_code="en")

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(
        value=st.one_of(
            st.text(max_size=300),
            st.integers().map(str),
            st.sampled_from(
                ["", "0", "-1", "1e9", "null", "[]", "{}", "' OR 1=1", "../../etc", "%00", "\u202e", "9" * 50, "*", "-"]
            ),
        )
    )
    def check(value):
        response = admin_client.get(concrete(path, about.pk), {name: value})
        assert response.status_code < 500, (path, name, value, response.content[:300])

    check()
