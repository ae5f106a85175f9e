"""
The Map of Network: a choropleth of listed members per country, drawn as SVG
on the server from Natural Earth shapes (data/countries-110m.json), so it
works offline and without JavaScript.
"""

import json
import math
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from home import page_cache
from home.collation import country_choices

TEMPLATE = "members/includes/world_map.html"
SHAPES = Path(__file__).parent / "data" / "countries-110m.json"
ANTARCTICA = "010"
# Colour bins: (lowest count, CSS class). Counts are shown, never individuals.
BINS = [(1, "map-bin-1"), (3, "map-bin-2"), (6, "map-bin-3"), (11, "map-bin-4")]

# Equal Earth projection (Šavrič, Patterson & Jenny, 2018).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def project(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x * 150, -y * 150


def _decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _path(arcs, geometry):
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            commands = []
            previous_lon = None
            for lon, lat in _ring(arcs, ring):
                x, y = project(lon, lat)
                # Rings that cross the antimeridian (Fiji, Chukotka) jump from
                # one edge of the map to the other: start a new subpath there
                # instead of drawing a line across the world.
                jump = previous_lon is None or abs(lon - previous_lon) > 180
                commands.append(f"{'M' if jump else 'L'}{x:.1f},{y:.1f}")
                previous_lon = lon
            parts.append("".join(commands) + "Z")
    return "".join(parts)


@cache
def country_shapes():
    """[(ISO alpha-2 code or '', SVG path)] for every country but Antarctica. Read once per process."""
    topology = json.loads(SHAPES.read_text())
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        code = countries.alpha2(geometry.get("id") or "") or ""
        shapes.append((code, _path(arcs, geometry)))
    return shapes


def view_box():
    left, _top = project(-180, 0)
    _x, top = project(0, 84)
    _x, bottom = project(0, -58)
    return f"{left:.0f} {top:.0f} {-2 * left:.0f} {bottom - top:.0f}"


def bin_class(count):
    css = "map-bin-0"
    for lowest, name in BINS:
        if count >= lowest:
            css = name
    return css


@cache
def _country_names(language):
    """
    ({code: name, escaped for HTML}, {code: place in the alphabet}) in
    `language`, from its country list (home.collation). Read once per process.
    """
    with translation.override(language):
        choices = country_choices()
    return {code: escape(name) for code, name in choices}, {code: place for place, (code, _name) in enumerate(choices)}


def _title(name, count):
    """A country's tooltip (`name` already escaped): her name, and how many members it counts."""
    if not count:
        return name
    text = ngettext("%(country)s: %(counter)s member", "%(country)s: %(counter)s members", count)
    return text % {"country": name, "counter": formats.localize(count)}


def choropleth(counts, directory_url):
    """
    Everything the map template needs: the shapes with their counts and the
    table's rows (linking to the directory at `directory_url`) as markup, the
    legend and the totals.

    The two hundred shapes and the table's rows are written here rather than
    by template loops: with the parts of the page gone from the cache (after a
    deploy, say) that loop and naming each country through django-countries
    were most of the page's cost. The names come from the reader's language's
    country list, read once per process (home.collation), which is also the
    order of her alphabet.
    """
    names, order = _country_names(translation.get_language())
    shapes = []
    for code, path in country_shapes():
        count = counts.get(code, 0)
        title = f"<title>{_title(names.get(code) or escape(code), count)}</title>" if code else ""
        shapes.append(f'<path class="{bin_class(count)}" d="{path}">{title}</path>')
    # Most members first, then by name in the reader's alphabet.
    codes = sorted(counts, key=lambda code: (-counts[code], order.get(code, len(order)), code))
    url = escape(directory_url)
    rows = []
    for code in codes:
        name, count = names.get(code) or escape(code), formats.localize(counts[code])
        code = code if code in names else escape(code)
        rows.append(f'<tr><th scope="row"><a href="{url}?country={code}">{name}</a></th><td>{count}</td></tr>')
    legend = [
        {"css": "map-bin-0", "label": _("No members listed")},
        {"css": "map-bin-1", "label": _("1–2 members")},
        {"css": "map-bin-2", "label": _("3–5 members")},
        {"css": "map-bin-3", "label": _("6–10 members")},
        {"css": "map-bin-4", "label": _("11 or more members")},
    ]
    return {
        "shapes": mark_safe("".join(shapes)),  # noqa: S308 (names escaped, paths are numbers)
        "rows": mark_safe("".join(rows)),  # noqa: S308 (escaped above)
        "legend": legend,
        "view_box": view_box(),
        "total": sum(counts.values()),
        "country_count": len(counts),
    }


def world_map(directory, counts):
    """
    The map, its legend and its table as HTML, kept as a part in the shared
    cache (home.page_cache.remembered) even with the full-page cache off:
    naming two hundred countries and drawing their shapes is most of the
    page's cost. `counts()` declares the `members` tag, which any change to a
    member (her country, consents, listing, a translation) purges. The key
    names what else the part shows: the language (country names, labels) and
    the directory's address the table links to.
    """
    directory_url = directory.url

    def render():
        context = {"map": choropleth(counts(), directory_url)}
        return mark_safe(render_to_string(TEMPLATE, context).strip())  # noqa: S308

    return page_cache.remembered(f"members-map:{translation.get_language()}:{directory_url}", render)
