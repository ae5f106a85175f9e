"""The map's colour bands are told apart (WCAG 1.4.11) and the legend shows the colours the map uses."""

import re

import pytest

pytestmark = pytest.mark.browser


def luminance(css_colour):
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    darker, lighter = sorted([luminance(first), luminance(second)])
    return (lighter + 0.05) / (darker + 0.05)


def test_countries_with_few_members_stand_out_from_countries_with_none(open_page):
    page = open_page("/en/members/map/")
    fills = page.evaluate(
        """() => Object.fromEntries([0, 1, 2, 3, 4].map(bin => {
            const path = document.querySelector(`.world-map path.map-bin-${bin}`);
            const swatch = document.querySelector(`.map-legend .map-swatch.map-bin-${bin}`);
            return [bin, {
                map: path && getComputedStyle(path).fill,
                legend: swatch && getComputedStyle(swatch).backgroundColor,
            }];
        }))"""
    )
    assert fills["0"]["map"] and fills["1"]["map"]
    assert contrast(fills["0"]["map"], fills["1"]["map"]) >= 3
    # Every band in the legend, "none" included, in the colour the map draws it.
    for band in fills.values():
        assert band["legend"] is not None
        if band["map"]:
            assert band["legend"] == band["map"]
