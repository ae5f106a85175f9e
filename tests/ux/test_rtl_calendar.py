"""Month calendar arrows point away from the title in both directions of writing."""

import re

import pytest

pytestmark = pytest.mark.django_db


def month_arrows(client, language):
    content = client.get(f"/{language}/events/?month=2030-05").content.decode()
    nav = re.search(r'<nav class="month-nav".*?</nav>', content, re.S).group(0)
    previous = re.search(r'<a rel="prev"[^>]*>(.*?)</a>', nav, re.S).group(1)
    following = re.search(r'<a rel="next"[^>]*>(.*?)</a>', nav, re.S).group(1)
    return re.search(r"[←→]", previous).group(0), re.search(r"[←→]", following).group(0)


def test_month_arrows_point_outwards_in_english(client):
    assert month_arrows(client, "en") == ("←", "→")


def test_month_arrows_are_mirrored_in_arabic(client):
    # Right to left, the previous month sits on the right: its arrow points right.
    assert month_arrows(client, "ar") == ("→", "←")
