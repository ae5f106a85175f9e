"""GET /api/v2/translation-status/: the dashboard's grid as JSON, for staff only."""

from django.utils.translation import gettext as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale, Page

from . import status


class TranslationStatusAPIView(APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAdminUser]
    known_query_parameters = frozenset({"section", "language", "kind", "format"})

    def get(self, request):
        unknown = set(request.query_params) - self.known_query_parameters
        if unknown:
            return Response(
                {"message": _("Unknown parameter(s): %(names)s.") % {"names": ", ".join(sorted(unknown))}}, status=400
            )
        source = Locale.get_default()
        section = None
        if section_id := request.query_params.get("section"):
            if not (section_id.isascii() and section_id.isdigit() and len(section_id) < 10):
                return Response({"message": _("section must be the id of a page.")}, status=400)
            section = Page.objects.filter(pk=section_id, locale=source).first()
            if section is None:
                return Response({"message": _("No page in the source language has that id.")}, status=400)
        languages = [locale.language_code for locale in Locale.objects.exclude(pk=source.pk)]
        language = request.query_params.get("language")
        if language and language not in languages:
            return Response(
                {"message": _("language must be one of: %(codes)s.") % {"codes": ", ".join(sorted(languages))}},
                status=400,
            )
        kind = request.query_params.get("kind", "")
        if kind not in ("", "page", "snippet"):
            return Response({"message": _("kind must be 'page' or 'snippet'.")}, status=400)
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
