"""
Our stricter views answer at wagtail-localize's own addresses (the only
override of that library, in translation_workflow/localize_overrides.py). If
an upgrade of wagtail-localize moves or renames one of its routes, its editor
would post to the library's unguarded view again: these tests fail first.
"""

import re

import pytest
from django.urls import resolve, reverse

from translation_workflow.localize_overrides import OVERRIDES, url_name

SAMPLE_ARGUMENTS = {
    "translation_id": 7,
    "page_id": 3,
    "app_label": "home",
    "model_name": "footertext",
    "pk": "5",
    "translation_source_id": 4,
    "string_segment_id": 9,
    "overridable_segment_id": 2,
    "mode": "mobile",
}


@pytest.mark.parametrize(("name", "route"), [(name, route) for name, route, _view in OVERRIDES])
def test_ours_answers_where_wagtail_localize_sends_its_editor(name, route):
    arguments = {key: SAMPLE_ARGUMENTS[key] for key in re.findall(r"<(?:\w+:)?(\w+)>", route)}
    address = reverse(f"wagtail_localize:{name}", kwargs=arguments)
    assert resolve(address).url_name == url_name(name), address


def test_every_route_of_wagtail_localize_that_changes_a_translation_is_guarded():
    guarded = {name for name, _route, _view in OVERRIDES}
    changing = {
        "submit_page_translation",
        "submit_snippet_translation",
        "update_translations",
        "edit_string_translation",
        "edit_override",
        "upload_pofile",
        "machine_translate",
        "stop_translation",
    }
    assert changing <= guarded
