"""The translation dashboard: every page and snippet against every language."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import TaskResultStatus
from wagtail.admin.auth import user_passes_test
from wagtail.models import Locale, Page

from . import machine, status
from .api import TranslationStatusAPIView
from .teams import language_home, translators_group_name

STATE_LABELS = {
    status.MISSING: gettext_lazy("Missing"),
    status.IN_PROGRESS: gettext_lazy("In progress"),
    status.UP_TO_DATE: gettext_lazy("Up to date"),
    status.OUTDATED: gettext_lazy("Outdated"),
}


def can_see_dashboard(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def sections(locale):
    home = language_home(locale)
    return list(home.get_children().order_by("path")) if home else []


def mark_machine_translatable(rows, available):
    """
    Which rows get machine-translation buttons: only where a provider is set
    up and some language is missing, for the page itself ("This page") or
    for it or any page below it ("With sub-pages"). Rows come in tree order.
    """
    for index, row in enumerate(rows):
        below = [other for other in rows[index + 1 :] if other.path.startswith(row.path)]
        row.machine_translate_page = available and row.has_missing
        row.machine_translate_section = available and bool(below) and any(r.has_missing for r in [row, *below])


def own_languages(user, languages):
    """The languages of the translator teams `user` belongs to (none for administrators)."""
    if user.is_superuser:
        return []
    groups = set(user.groups.values_list("name", flat=True))
    return [locale.language_code for locale in languages if translators_group_name(locale) in groups]


@user_passes_test(can_see_dashboard)
def dashboard(request):
    source = Locale.get_default()
    # The same ?section= as the status API's; a bad value shows every section.
    section_id = TranslationStatusAPIView.parameters.only("section").read(request.GET, strict=False)["section"]
    section = Page.objects.filter(pk=section_id, locale=source).first() if section_id else None
    language = request.GET.get("language", "")
    languages = list(Locale.objects.exclude(pk=source.pk).order_by("language_code"))
    if language and language in {locale.language_code for locale in languages}:
        shown = [language]
    else:
        language, shown = "", [locale.language_code for locale in languages]
        if "language" not in request.GET:
            # A translator's first view is her own team's languages; "All languages" stays one choice away.
            own = own_languages(request.user, languages)
            if own:
                shown = own
                language = own[0] if len(own) == 1 else ""
    state = request.GET.get("state", "")
    rows = status.page_rows(section=section)
    snippet_rows = [] if section else status.snippet_rows()
    mark_machine_translatable(rows, machine.get_machine_translator() is not None)
    for row in [*rows, *snippet_rows]:
        row.cells = [cell for cell in row.cells if cell.language in shown]
    if state in STATE_LABELS:
        rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
        snippet_rows = [row for row in snippet_rows if any(cell.state == state for cell in row.cells)]
    summary = dict.fromkeys(STATE_LABELS, 0)
    for row in [*rows, *snippet_rows]:
        for cell in row.cells:
            summary[cell.state] += 1
    return TemplateResponse(
        request,
        "translation_workflow/admin/translation_dashboard.html",
        {
            "page_title": _("Translations"),
            "rows": rows,
            "snippet_rows": snippet_rows,
            "languages": [locale for locale in languages if locale.language_code in shown],
            "all_languages": languages,
            "sections": sections(source),
            "selected_section": section,
            "selected_language": language,
            "selected_state": state,
            "states": STATE_LABELS,
            "summary": [(STATE_LABELS[key], key, count) for key, count in summary.items()],
            "machine_translation_available": machine.get_machine_translator() is not None,
        },
    )


@user_passes_test(can_see_dashboard)
def machine_translate(request, page_id):
    """
    Queue machine translation of a page, or its whole section, into every
    missing language the user may work in (POST); GET shows what would happen
    and asks to confirm. A user who holds none of the other languages is
    refused: an English editor does not create Arabic pages this way either.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    allowed = machine.locales_user_may_translate_into(request.user, page)
    if page.depth <= 1 or not allowed:
        raise PermissionDenied
    if request.method != "POST":
        allowed_ids = {locale.pk for locale in allowed}
        return TemplateResponse(
            request,
            "translation_workflow/admin/machine_translate.html",
            {
                "page": page,
                "page_title": _("Machine translation"),
                "missing": [locale for locale in machine.missing_locales(page) if locale.pk in allowed_ids],
                "available": machine.get_machine_translator() is not None,
            },
        )
    if machine.get_machine_translator() is None:
        messages.error(
            request,
            _(
                "Machine translation is not set up on this site yet. Translate with the translation editor, "
                "or ask an administrator to connect a translation service."
            ),
        )
    else:
        include_descendants = request.POST.get("scope") == "section"
        result = machine.machine_translate_task.enqueue(
            page.pk, include_descendants, request.user.pk, [locale.pk for locale in allowed]
        )
        if result.status == TaskResultStatus.FAILED:
            # Run at once (TASKS_BACKEND=immediate) and failed: say so rather than "started".
            messages.error(
                request,
                _(
                    "Machine translation of “%(title)s” failed: the translation service did not answer in time "
                    "or refused the request. Try again later."
                )
                % {"title": page.title},
            )
        else:
            messages.success(
                request,
                _(
                    "Machine translation of “%(title)s” has started. The translations are saved as drafts for "
                    "review; nothing is published."
                )
                % {"title": page.title},
            )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "home_translation_dashboard"
    return redirect(next_url)
