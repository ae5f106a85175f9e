"""
Arbitrary input for every search entry point, shared by the hypothesis tests
on PostgreSQL and the engine (test_any_input.py) and on SQLite (sqlite_fuzz.py).
"""

from hypothesis import strategies as st

SPECIAL = [
    '"',
    'title:"unbalanced',
    "(((",
    "a AND OR NOT b",
    "*:*",
    "NEAR(a b",
    "\\",
    "%_",
    "' OR 1=1 --",
    "\u202ewomen\u202c",
    "\u200fنساء\u200f",
    "\u0000",
    "\x1b[31m",
    "🙂🚀",
    "ﷺ",
    "x" * 10_000,
    "女童" * 3000,
]

queries = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Po", "Sm", "Mn"]), max_size=50),
    st.sampled_from(SPECIAL),
    st.lists(st.sampled_from(SPECIAL) | st.text(max_size=20), max_size=6).map(" ".join),
)
values = st.one_of(st.text(max_size=40), st.sampled_from(["0", "-1", "1e9", "99999999999999999999", "٣", "²", "2026"]))
languages = st.sampled_from(["en", "ar", "zh-hans", "fr", "ru", "es"])


def check_every_entry_point(client, query, page, kind, topic, country, year, language):
    """No entry point answers 5xx, whatever the input."""
    filters = {"type": kind, "topic": topic, "country": country, "year": year, "page": page}
    responses = {
        "page": client.get(f"/{language}/search/", {"q": query, **filters}),
        "api": client.get("/api/v2/search/", {"q": query, "locale": language, **filters}),
        "autocomplete": client.get(f"/{language}/search/autocomplete/", {"q": query}),
        "pages api": client.get("/api/v2/pages/", {"search": query}),
    }
    for name, response in responses.items():
        assert response.status_code < 500, (name, response.status_code, query)
    assert responses["page"].status_code in (200, 400), responses["page"].status_code
