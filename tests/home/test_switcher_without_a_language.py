"""A language whose whole site is offline (its home page unpublished) is not offered by the other languages' pages."""

import pytest

from tests.home.test_language_switcher import alternates, switcher_languages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/", "/fr/"])
def test_a_language_with_no_live_home_is_left_out_of_the_switcher_and_alternates(client, home, locales, url):
    home.get_translation(locales["ru"]).unpublish()
    content = client.get(url).content.decode()
    assert switcher_languages(content) == ["ar", "zh-hans", "en", "fr", "es"]
    assert "ru" not in alternates(content)
    assert client.get("/ru/").status_code == 404
