"""
The search parameters, declared once: the search page reads them leniently
(a bad value is ignored, so a reader always gets a result page) and the API
strictly (a bad value is a 400), and the API's schema describes them.
"""

from home.parameters import Choice, Integer, Parameters, Text, country, slug

from .documents import document_types
from .query import MAX_PAGE

# Facet name in the index -> query-string parameter.
FACET_PARAMETERS = {"kind": "type", "topics": "topic", "country": "country", "year": "year"}


def kinds():
    """The kinds of result: one per registered search document type."""
    return sorted({document_type.kind for document_type in document_types()})


PARAMETERS = Parameters(
    Text("q", "What to search for (any text; at most 200 characters are used).", allow_empty=True),
    Choice("type", "Only this kind of result.", choices=kinds),
    slug("topic", "Topic slug."),
    country(),
    Integer("year", "Year.", minimum=1900, maximum=2100),
    Integer("page", "Result page.", minimum=1, maximum=MAX_PAGE, default=1),
    Choice("languages", "all: search every language.", choices=("all",)),
)


def options(values):
    """{"q", "filters", "page", "all_languages"} from the values PARAMETERS read."""
    filters = {facet: values[name] for facet, name in FACET_PARAMETERS.items() if values[name] is not None}
    if "country" in filters:
        filters["country"] = filters["country"].upper()
    return {
        "q": values["q"] or "",
        "filters": filters,
        "page": values["page"],
        "all_languages": values["languages"] == "all",
    }


def read(query):
    """The options of the search page, bad values left out."""
    return options(PARAMETERS.read(query, strict=False))
