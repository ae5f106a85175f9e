"""
The one place that depends on wagtail-localize's URL layout.

wagtail-localize offers no extension point for the views that change a
translation: its editor's React code posts to addresses it reverses from its
own route names. Our stricter views (a PO upload that refuses malformed or
mismatched files and imports all or nothing; every route that changes a
language checking that language first) therefore answer at those very
addresses. This app's admin URLs are registered before wagtail-localize's
(INSTALLED_APPS order), so the first match is ours.

tests/translation/test_localize_overrides.py reverses each of wagtail-localize's
route names and checks that ours answers there: it fails when an upgrade moves,
renames or adds an argument to one of them.
"""

from django.urls import path

from . import guards, po

TRANSLATE = "localize/translate/<int:translation_id>/"

# (wagtail-localize's route name, its address under /admin/, our view)
OVERRIDES = [
    ("upload_pofile", f"{TRANSLATE}pofile/upload/", po.upload_pofile),
    ("submit_page_translation", "localize/submit/page/<int:page_id>/", guards.SubmitPageTranslationView.as_view()),
    (
        "submit_snippet_translation",
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        guards.SubmitSnippetTranslationView.as_view(),
    ),
    ("update_translations", "localize/update/<int:translation_source_id>/", guards.UpdateTranslationsView.as_view()),
    (
        "edit_string_translation",
        f"{TRANSLATE}strings/<int:string_segment_id>/edit/",
        guards.edit_string_translation,
    ),
    ("edit_override", f"{TRANSLATE}overrides/<int:overridable_segment_id>/edit/", guards.edit_override),
    ("download_pofile", f"{TRANSLATE}pofile/download/", guards.download_pofile),
    ("machine_translate", f"{TRANSLATE}machine_translate/", guards.machine_translate),
    ("preview_translation", f"{TRANSLATE}preview/", guards.preview_translation),
    ("preview_translation", f"{TRANSLATE}preview/<str:mode>/", guards.preview_translation),
    ("stop_translation", f"{TRANSLATE}disable/", guards.stop_translation),
]


def url_name(localize_name):
    return f"translation_workflow_{localize_name}"


def urlpatterns():
    return [path(route, view, name=url_name(name)) for name, route, view in OVERRIDES]
