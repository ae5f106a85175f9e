"""Reading search parameters from a request: anything a reader or client sends is checked here."""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from .query import MAX_PAGE

KINDS = ("article", "event", "member", "page")
# Facet name in the index -> query-string parameter.
FACET_PARAMETERS = {"kind": "type", "topics": "topic", "country": "country", "year": "year"}
_SLUG = re.compile(r"[-\w]{1,100}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")


class InvalidParameter(ValueError):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message


def languages():
    return [code for code, _name in settings.LANGUAGES]


def read(params, strict=False):
    """
    {"q", "filters", "page", "all_languages"} from a QueryDict. With strict
    (the API), a bad value raises InvalidParameter; otherwise (the page) it is
    ignored, so a reader always gets a result page.
    """
    result = {"q": params.get("q", ""), "filters": {}, "page": 1, "all_languages": False}

    def bad(name, message):
        if strict:
            raise InvalidParameter(name, message)

    page = params.get("page", "1")
    if page.isascii() and page.isdigit() and 1 <= int(page) <= MAX_PAGE:
        result["page"] = int(page)
    elif page:
        bad("page", _("page must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE})

    kind = params.get("type", "")
    if kind in KINDS:
        result["filters"]["kind"] = kind
    elif kind:
        bad("type", _("type must be one of: %(kinds)s.") % {"kinds": ", ".join(KINDS)})

    topic = params.get("topic", "")
    if _SLUG.fullmatch(topic):
        result["filters"]["topics"] = topic
    elif topic:
        bad("topic", _("topic must be a topic slug."))

    country = params.get("country", "")
    if _COUNTRY.fullmatch(country):
        result["filters"]["country"] = country.upper()
    elif country:
        bad("country", _("country must be a two-letter ISO 3166 code."))

    year = params.get("year", "")
    if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2100:
        result["filters"]["year"] = year
    elif year:
        bad("year", _("year must be a year between 1900 and 2100."))

    scope = params.get("languages", "")
    if scope == "all":
        result["all_languages"] = True
    elif scope:
        bad("languages", _("languages must be 'all' or left out."))
    return result
