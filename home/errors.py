"""
Error responses that must work when the rest of the site does not: a lost
database, a hostile Host header. They never query the database, never build
absolute URLs from the request's Host, and answer the API in JSON.

A database that cannot be reached (refused, silent past DB_CONNECT_TIMEOUT,
a backend terminated mid-request, a statement past DB_STATEMENT_TIMEOUT) is a
503 with Retry-After, not a 500: the request may succeed if it is repeated,
and each request opens or checks its connection afresh, so the site recovers
by itself once the database answers again.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Errors that mean "the database is not reachable right now".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# How long clients (and proxies) are asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


def is_api(request):
    return request.path_info.startswith("/api/")


def language_for(request):
    """The language of the address (/fr/…), else the one negotiated for this request."""
    return translation.get_language_from_path(request.path_info) or translation.get_language() or settings.LANGUAGE_CODE


def database_unavailable(error):
    """True if `error`, or an error it was raised from, says the database cannot be reached."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable(request):
    with translation.override(language_for(request)):
        message = _("The site cannot reach its database at the moment. Please try again in a minute.")
        if is_api(request):
            response = JsonResponse({"message": message}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a 503 for database trouble, otherwise a plain 500 (JSON under /api/)."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    with translation.override(language_for(request)):
        if is_api(request):
            return JsonResponse({"message": _("Something went wrong on our side. Please try again later.")}, status=500)
        return render(request, "500.html", status=500)


def bad_request(request, exception=None, message=None):
    """
    handler400, also for a Host header outside ALLOWED_HOSTS: the page offers
    no language links, since they would be built from that very header.
    """
    with translation.override(language_for(request)):
        if isinstance(exception, DisallowedHost):
            message = _("This site does not answer to that host name.")
        if is_api(request):
            return JsonResponse(
                {"message": str(message or _("Sorry, we could not understand that request."))}, status=400
            )
        return render(request, "400.html", {"message": message, "language_links": []}, status=400)
