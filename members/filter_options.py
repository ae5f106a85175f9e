"""
The directory's filter menus, their <option> elements put together here: the
template's loop, with its {% if %} on each of a few dozen countries, cost
more than the rest of the form. Every value is escaped as the template
escaped it (members.cards.escape); `chosen` is the reader's choice, as the request gave it.
"""

from django.utils.safestring import mark_safe

from .cards import escape


def options_html(choices, chosen, attrs=""):
    """<option> elements, one a choice, the reader's one `selected`; `attrs` added to each (say, its lang)."""
    return mark_safe(  # noqa: S308
        "".join(
            f'<option value="{escape(value)}"{" selected" if chosen == value else ""}{attrs}>{escape(label)}</option>'
            for value, label in choices
        )
    )


def filter_options(choices, params, tag_attrs):
    """The four menus' options for the directory's filters (`choices` as the page reads them, `params` request.GET)."""
    return {
        "sector_options": options_html(choices["sectors"], params.get("sector")),
        "region_options": options_html(choices["regions"], params.get("region")),
        "country_options": options_html(choices["countries"], (params.get("country") or "").upper()),
        "expertise_options": options_html(choices["expertise"], params.get("expertise", ""), tag_attrs),
    }
