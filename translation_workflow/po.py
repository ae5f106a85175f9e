"""
PO round trip for translators working outside the site: wagtail-localize
exports a page's translation as a PO file; this import refuses any file that
is not a well-formed PO for that very translation, and imports all or nothing.
"""

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from home.permissions import can_change_in_locale

MAX_PO_BYTES = 2 * 1024 * 1024


class InvalidPOFile(ValueError):
    """Why a PO file was refused, in words for the translator."""


def read_po(data, translation):
    """Parse and check an uploaded PO file against `translation`. Raises InvalidPOFile."""
    if len(data) > MAX_PO_BYTES:
        raise InvalidPOFile(_("The file is too large to be a translation of this page."))
    try:
        text = data.decode("utf-8")
        po = polib.pofile(text)
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise InvalidPOFile(_("This is not a valid PO file (it could not be read as UTF-8 gettext).")) from error
    if not len(po) and "X-WagtailLocalize-TranslationID" not in po.metadata:
        raise InvalidPOFile(_("This is not a valid PO file (it could not be read as UTF-8 gettext)."))
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise InvalidPOFile(
            _("This PO file was made for another translation. Download the file for this page and language again.")
        )
    known = {
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    }
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        if (entry.msgctxt, entry.msgid) not in known:
            raise InvalidPOFile(
                _(
                    "The file has text that is not in this page (“%(text)s”). Was the page changed since you downloaded it?"
                )
                % {"text": entry.msgid[:60]}
            )
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            raise InvalidPOFile(
                _("The translation of “%(text)s” has broken markup or links.") % {"text": entry.msgid[:60]}
            ) from error
    return po


def can_edit(user, translation):
    return can_change_in_locale(user, translation.source.get_source_instance(), translation.target_locale)


@require_POST
@user_passes_test(lambda user: user.is_active and user.has_perm("wagtailadmin.access_admin"))
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not can_edit(request.user, translation):
        raise PermissionDenied
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise InvalidPOFile(_("Choose a PO file to upload."))
        po = read_po(upload.read(), translation)
    except InvalidPOFile as refusal:
        messages.error(request, str(refusal))
    else:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, _("Successfully imported translations from PO File."))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
