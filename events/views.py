import datetime
import re

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.admin.auth import user_passes_test
from wagtail.models import Page

from . import recurrence, recurrence_text
from .cards import month_grid
from .ical import MAX_EXDATES_PER_EVENT, MAX_IMPORT_BYTES, MAX_IMPORT_EVENTS, CalendarImportError
from .imports import progress, start_import
from .models import FIRST_YEAR, CalendarImport, EventIndexPage, EventPage

LAST_YEAR = 2100
RULE_MAX_LENGTH = 500  # the recurrence field's max_length
MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_view(request, index):
    """The month grid: ?month=YYYY-MM. A bad value gets a friendly 400 page, never an error."""
    match = MONTH.fullmatch(request.GET.get("month", "").strip())
    year, month = (int(match[1]), int(match[2])) if match else (0, 0)
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        response = index.render(
            request,
            context_overrides={
                "view": "month",
                "month_error": True,
                "month_link": index.month_link(),
                **index.filter_context(request),
            },
            template="events/month.html",
        )
        response.status_code = 400
        return response

    first = datetime.date(year, month, 1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    grid, has_events = month_grid(request, index, first)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    return index.render(
        request,
        context_overrides={
            "view": "month",
            "month": first,
            "month_grid": grid,
            "previous_month": previous if previous.year >= FIRST_YEAR else None,
            "next_month": following if following.year <= LAST_YEAR else None,
            "has_events": has_events,
            "month_link": index.month_link(),
            **index.filter_context(request),
        },
        template="events/month.html",
    )


@require_GET
def recurrence_preview(request):
    """
    For the recurrence picker: the rule in words and its next five dates on
    the event's clock (?rule=&start=YYYY-MM-DD HH:MM&time_zone=). Admin only
    (registered with the admin's URLs); a bad rule is a 400 with the reason.
    """
    rule = request.GET.get("rule", "").strip()
    zone = request.GET.get("time_zone", "UTC")
    if zone not in recurrence.TIME_ZONE_NAMES:
        return JsonResponse({"error": _("Choose the event's time zone.")}, status=400)
    if len(rule) > RULE_MAX_LENGTH:
        return JsonResponse({"error": _("This rule is too long.")}, status=400)
    try:
        recurrence.validate_recurrence(rule)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    try:
        start = parse_datetime(request.GET.get("start", "").strip()[:40])
    except ValueError:
        start = None
    if start is None:
        return JsonResponse({"summary": recurrence_text.describe(rule), "dates": []})
    start = start.replace(tzinfo=None, second=0, microsecond=0)
    with translation.override(translation.get_language()), timezone.override(zone):
        dates = recurrence_text.next_dates(rule, start, zone)
        return JsonResponse(
            {
                "summary": recurrence_text.describe(rule),
                "dates": [recurrence_text.describe_moment(moment) for moment in dates],
            }
        )


def serve_ics(request, path, name):
    """
    `<calendar>/feed.ics` and `<event>/event.ics`. Wagtail's page URLs cannot
    contain a dot, so these live beside them: find the page for the path, then
    let it answer, if it is live and public.
    """
    page = Page.find_for_request(request, path)
    if page is None or not page.live or page.get_view_restrictions().exists():
        raise Http404
    page = page.specific
    if name == "feed" and isinstance(page, EventIndexPage):
        return page.ical_feed(request)
    if name == "event" and isinstance(page, EventPage):
        return page.ical(request)
    raise Http404


class CalendarImportForm(forms.Form):
    calendar = forms.ModelChoiceField(
        label=gettext_lazy("Import into"), queryset=EventIndexPage.objects.none(), empty_label=None
    )
    file = forms.FileField(label=gettext_lazy("iCalendar file (.ics)"))

    def __init__(self, *args, indexes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["calendar"].queryset = indexes
        self.fields["calendar"].label_from_instance = lambda page: f"{page.title} ({page.locale.get_display_name()})"


def indexes_user_can_add_to(user):
    pages = EventIndexPage.objects.select_related("locale").order_by("path")
    return EventIndexPage.objects.filter(
        pk__in=[page.pk for page in pages if page.permissions_for_user(user).can_add_subpage()]
    ).select_related("locale")


@user_passes_test(lambda user: user.is_active and user.has_perm("wagtailadmin.access_admin"))
def import_ical(request):
    indexes = indexes_user_can_add_to(request.user)
    if not indexes.exists():
        raise PermissionDenied
    form = CalendarImportForm(request.POST or None, request.FILES or None, indexes=indexes)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_IMPORT_BYTES:
                    raise CalendarImportError(_("The file is too large (2 MB at most)."))
                record = start_import(upload.read(), form.cleaned_data["calendar"], request.user)
            except CalendarImportError as error:
                form.add_error("file", str(error))
            else:
                return redirect("events_import_status", record.pk)
        status = 400
    return TemplateResponse(
        request,
        "events/admin/import_ical.html",
        {"form": form, "page_title": _("Import events"), "limits": import_limits()},
        status=status,
    )


def import_limits():
    return {
        "events": MAX_IMPORT_EVENTS,
        "exdates": MAX_EXDATES_PER_EVENT,
        "megabytes": MAX_IMPORT_BYTES // (1024 * 1024),
    }


@user_passes_test(lambda user: user.is_active and user.has_perm("wagtailadmin.access_admin"))
def import_status(request, pk):
    record = get_object_or_404(CalendarImport.objects.select_related("calendar"), pk=pk)
    if record.user_id != request.user.pk and not record.calendar.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    finished = record.status in (CalendarImport.Status.DONE, CalendarImport.Status.FAILED)
    return TemplateResponse(
        request,
        "events/admin/import_status.html",
        {
            "record": record,
            "done": progress(record),
            "finished": finished,
            "page_title": _("Import events"),
        },
    )
