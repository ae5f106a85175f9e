"""The join and submission forms name countries in the reader's language, in her alphabetical order, none chosen."""

import re

import pytest

from members.models import MembershipApplication

pytestmark = pytest.mark.django_db


def country_options(content):
    """[(value, label, selected)] of the form's country select."""
    select = re.search(r'<select name="country".*?</select>', content, re.S).group(0)
    return [
        (value, label.strip(), bool(selected))
        for value, selected, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    ]


def labels(options):
    return [label for value, label, _selected in options if value]


@pytest.mark.parametrize("path", ["members/join/", "in-focus/submit/"])
def test_no_country_is_chosen_until_the_reader_picks_hers(client, path):
    options = country_options(client.get(f"/en/{path}").content.decode())
    assert options[0][0] == ""
    assert [value for value, _label, selected in options if selected] in ([], [""])
    assert len(options) > 200


@pytest.mark.parametrize("path", ["members/join/", "in-focus/submit/"])
def test_countries_are_named_in_the_readers_language(client, path):
    def names(language):
        options = country_options(client.get(f"/{language}/{path}").content.decode())
        return {value: label for value, label, _selected in options}

    assert names("ar")["EG"] == "مصر"
    assert names("ar")["FR"] == "فرنسا"
    assert names("zh-hans")["CN"] == "中国"
    assert names("ru")["DE"] == "Германия"


def test_french_order_puts_accented_names_with_their_letter(client):
    names = labels(country_options(client.get("/fr/members/join/").content.decode()))
    assert names.index("Danemark") < names.index("Égypte") < names.index("Espagne") < names.index("Zambie")


def test_chinese_order_follows_pinyin(client):
    names = labels(country_options(client.get("/zh-hans/members/join/").content.decode()))
    # Afghanistan (Āfùhàn), Brazil (Bāxī), China (Zhōngguó): in code point order China would come first.
    assert names.index("阿富汗") < names.index("巴西") < names.index("中国")


def test_arabic_order_is_alphabetical(client):
    names = labels(country_options(client.get("/ar/members/join/").content.decode()))
    # ت (Tunisia) before م (Egypt) before ي (Yemen's اليمن sorts under alif, so compare Japan, اليابان, too)
    assert names.index("تونس") < names.index("مصر")
    assert names.index("اليابان") < names.index("تونس")


def test_a_blank_country_is_refused_with_a_message(client, home):
    from members.models import MemberDirectoryPage

    directory = MemberDirectoryPage.objects.child_of(home).get()
    response = client.post(
        directory.url + "join/",
        {
            "full_name": "Ines Ferreira",
            "position": "Head of Spectrum",
            "organisation": "Sample Regulator",
            "sector": "regulator",
            "country": "",
            "email": "ines@applicant.example.org",
            "motivation": "I lead spectrum policy and want to share experience with peers across the world.",
            "consent": "on",
        },
    )
    assert response.status_code == 400
    assert not MembershipApplication.objects.exists()
    assert "This field is required." in response.content.decode()
