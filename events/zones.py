"""How a time zone is named next to a time, in the reader's language."""

from django.utils import translation

# Languages written in the Latin script, where 'EST' or 'CET' sits naturally in the text.
LATIN_SCRIPT = {"en", "es", "fr"}


def zone_label(moment):
    """
    'EST' where the zone has a letter abbreviation and the reader's language
    is written in Latin letters; otherwise the offset, as 'UTC+07:00'.
    tzdata writes zones without an abbreviation as a bare '+07', which
    readers do not recognise as a zone, and Latin 'EST' means little inside
    Arabic or Chinese text, whereas 'UTC+hh:mm' reads the same everywhere.
    """
    abbreviation = moment.strftime("%Z")
    if abbreviation.isalpha() and abbreviation != "UTC" and translation.get_language() in LATIN_SCRIPT:
        return abbreviation
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"
