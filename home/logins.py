"""
Admin sign-in protection with django-axes: failed attempts are counted in the
database (shared by every worker) by account and by client address (seen
through TRUSTED_PROXY_COUNT proxies, home.abuse.client_address), and each way
of counting has a limit of its own. Locked-out clients get HTTP 429 until the
cool-off has passed, before their password is even checked.

The other doors that take a secret are limited the same way, with counts in
the shared cache (home.abuse.RateLimit): the admin's password reset (per
address and per account, so that nobody's inbox can be flooded) and the
passwords of password-protected pages (wrong passwords per address, per page
and address, and per page).
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django import forms
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .abuse import RateLimit, client_address


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


def _cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _paused_message(seconds):
    minutes = max(1, round(seconds / 60))
    return ngettext(
        "Too many attempts. Please try again in %(minutes)d minute.",
        "Too many attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def _exceeded(limits, request):
    """The longest wait among the limits `request` has reached, in seconds, or None."""
    waits = [limit.retry_after(request) for limit in limits if limit.exceeded(request)]
    return max(waits) if waits else None


# Password reset: each request may send an email, so requests are counted,
# not failures; the account is the address typed in (whether or not it has
# an account, so that the answer says nothing about who has one).
PASSWORD_RESET_LIMITS = [
    RateLimit("password-reset-address", limit=settings.PASSWORD_RESETS_PER_ADDRESS, period=60 * 60),
    RateLimit(
        "password-reset-account",
        limit=settings.PASSWORD_RESETS_PER_ACCOUNT,
        period=60 * 60,
        by=lambda request: request.POST.get("email", "").strip().casefold()[:254],
    ),
]


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset (same address), refused with HTTP 429 past PASSWORD_RESET_LIMITS."""

    def post(self, request, *args, **kwargs):
        wait = _exceeded(PASSWORD_RESET_LIMITS, request)
        if wait is not None:
            form = self.get_form()
            form.is_valid()
            form.add_error(None, _paused_message(wait))
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(wait)
            return response
        for limit in PASSWORD_RESET_LIMITS:
            limit.record(request)
        return super().post(request, *args, **kwargs)


def _restriction_id(request):
    return request.resolver_match.kwargs["page_view_restriction_id"]


# Wrong passwords of password-protected pages, counted like failed sign-ins.
PAGE_PASSWORD_LIMITS = [
    RateLimit(
        "page-password-address-page",
        limit=settings.LOGIN_FAILURE_LIMITS["username+ip_address"],
        period=_cool_off_seconds(),
        by=lambda request: f"{client_address(request)}|{_restriction_id(request)}",
    ),
    RateLimit("page-password-address", limit=settings.LOGIN_FAILURE_LIMITS["ip_address"], period=_cool_off_seconds()),
    RateLimit(
        "page-password-page",
        limit=settings.LOGIN_FAILURE_LIMITS["username"],
        period=_cool_off_seconds(),
        by=_restriction_id,
    ),
]


class _PausedPasswordForm(PasswordViewRestrictionForm):
    """The page's password form, refusing without comparing the password."""

    def __init__(self, *args, message, **kwargs):
        self.message = message
        super().__init__(*args, **kwargs)

    def clean_password(self):
        return self.cleaned_data["password"]

    def clean(self):
        raise forms.ValidationError(self.message, code="paused")


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view for a protected page's password, with wrong passwords limited (HTTP 429 past the limit)."""
    if request.method == "POST":
        wait = _exceeded(PAGE_PASSWORD_LIMITS, request)
        if wait is not None:
            restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
            page = get_object_or_404(Page, id=page_id).specific
            form = _PausedPasswordForm(request.POST, instance=restriction, message=_paused_message(wait))
            form.is_valid()
            action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
            response = page.serve_password_required_response(request, form, action_url)
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code != 302:
        for limit in PAGE_PASSWORD_LIMITS:
            limit.record(request)
    return response
