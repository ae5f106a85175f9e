"""
Admin sign-in protection with django-axes: failed attempts are counted in the
database (shared by every worker) by account and by client address (seen
through TRUSTED_PROXY_COUNT proxies, home.abuse.client_address), and each way
of counting has a limit of its own. Locked-out clients get HTTP 429 until the
cool-off has passed, before their password is even checked.
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def _limit(parameter, default):
    name = "+".join(parameter) if isinstance(parameter, list) else parameter
    return settings.LOGIN_FAILURE_LIMITS.get(name, default)


class TieredLockoutHandler(AxesDatabaseHandler):
    """
    Axes' database handler with a limit per lockout parameter: a few failures
    for one account from one address, more from one address across accounts
    (guessing many accounts), and an account-wide cap across addresses
    (guessing from many addresses). Axes compares one number with one limit,
    so each count is scaled to AXES_FAILURE_LIMIT: a count at its own limit
    reaches it exactly.
    """

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        scores = [0]
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            scores.append(count * limit // _limit(parameter, limit))
        return max(scores)


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    response = render(request, "home/admin/login_locked.html", {"minutes": minutes}, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class LockoutBackend(AxesStandaloneBackend):
    """
    Axes' backend, first in AUTHENTICATION_BACKENDS. A sign-in through the
    site always comes with its request; authenticate() called without one
    (a management command, the test client's login()) has no client to count
    and is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
