"""
Calendar imports run as a background task: the request checks the whole file
(a malformed one is refused at once and nothing is imported), then the task
writes the events, all or nothing, and reports its progress.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .ical import CalendarImportError, import_calendar, parse_calendar
from .models import CalendarImport

PROGRESS_TIMEOUT = 60 * 60


def progress_key(record_id):
    # The task writes its events in one transaction, invisible to others until
    # it commits; the shared cache carries the progress meanwhile.
    return f"calendar-import:{record_id}:done"


def progress(record):
    if record.status == CalendarImport.Status.DONE:
        return record.total
    if record.status == CalendarImport.Status.RUNNING:
        return cache.get(progress_key(record.pk), 0)
    return 0


def start_import(data, calendar, user):
    """Check the file, record it and queue the import. Raises CalendarImportError for a file that cannot be used."""
    items = parse_calendar(data)
    record = CalendarImport.objects.create(calendar=calendar, user=user, data=data, total=len(items))
    transaction.on_commit(lambda: run_calendar_import.enqueue(record.pk))
    return record


@task()
def run_calendar_import(record_id):
    record = CalendarImport.objects.select_related("calendar", "user").filter(pk=record_id).first()
    if record is None or record.status != CalendarImport.Status.WAITING:
        return
    record.status = CalendarImport.Status.RUNNING
    record.save(update_fields=["status"])
    key = progress_key(record.pk)
    try:
        created, updated = import_calendar(
            bytes(record.data),
            record.calendar.specific,
            record.user,
            progress=lambda done: cache.set(key, done, PROGRESS_TIMEOUT),
        )
    except CalendarImportError as error:
        record.status, record.error = CalendarImport.Status.FAILED, str(error)
    except ValidationError as error:  # an event the file describes cannot be saved as a page
        record.status, record.error = CalendarImport.Status.FAILED, " ".join(error.messages)
    else:
        record.status, record.created, record.updated = CalendarImport.Status.DONE, created, updated
        record.data = b""  # done with: the events hold what mattered
    record.finished_at = timezone.now()
    record.save()
    cache.delete(key)
