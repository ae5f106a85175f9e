"""GET /api/v2/translation-status/: the dashboard's grid as JSON, for staff only."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale, Page

from home.parameters import (
    FORMAT,
    Choice,
    DeclaredParametersMixin,
    Integer,
    ParameterError,
    Parameters,
    language_codes,
)

from . import status


def target_languages():
    """Every language but the source one, which pages are translated from."""
    return [code for code in language_codes() if code != settings.LANGUAGE_CODE]


class TranslationStatusAPIView(DeclaredParametersMixin, APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAdminUser]
    parameters = Parameters(
        Integer("section", "Id of a top-level page.", minimum=1),
        Choice("language", "One language.", choices=target_languages),
        Choice("kind", "page or snippet.", choices=("page", "snippet")),
        FORMAT,
    )

    def get(self, request):
        source = Locale.get_default()
        section = None
        if section_id := self.params["section"]:
            section = Page.objects.filter(pk=section_id, locale=source).first()
            if section is None:
                raise ParameterError("section", _("No page in the source language has that id."))
        language = self.params["language"]
        kind = self.params["kind"] or ""
        rows = []
        if kind in ("", "page"):
            rows += status.page_rows(section=section)
        if kind in ("", "snippet") and section is None:
            rows += status.snippet_rows()
        items = []
        for row in rows:
            item = row.as_json()
            if language:
                item["languages"] = {language: item["languages"][language]}
            items.append(item)
        return Response({"source_language": source.language_code, "meta": {"total_count": len(items)}, "items": items})
