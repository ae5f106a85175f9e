"""
Protection for the public forms (article submissions, membership
applications): a honeypot field, a per-address rate limit kept in the shared
cache, and the client address as seen through trusted proxies.
"""

import hashlib
import hmac
import ipaddress
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

from .redis_cache import reachable


class HoneypotFormMixin(forms.Form):
    """A field people never see or fill in; bots that fill every field are refused."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."), code="honeypot")
        return ""


def validate_single_line(value):
    """
    Names and titles are one line of text. A line break (or any other control
    character) is what an attacker sends to add headers to the emails these
    values go into, and no reader types one in a one-line box.
    """
    if any(unicodedata.category(character) in ("Cc", "Zl", "Zp") for character in value):
        raise forms.ValidationError(
            _("Please write this on one line, without line breaks or control characters."), code="single_line"
        )


class SingleLineField(forms.CharField):
    """A one-line text field of a public form (see validate_single_line)."""

    default_validators = [validate_single_line]


def client_address(request):
    """
    The client's IP address. Behind N trusted proxies (TRUSTED_PROXY_COUNT), it
    is the Nth address from the right of X-Forwarded-For; anything further left
    is supplied by the client and cannot be trusted. Used by the form rate
    limits and the sign-in lockout (AXES_CLIENT_IP_CALLABLE).
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not an address: our own proxy would not write that, so fall back
    return request.META.get("REMOTE_ADDR", "")


# Counts kept by this process alone while the shared cache is unreachable.
_local_counts = LocMemCache("rate-limits-while-the-shared-cache-is-unreachable", {"OPTIONS": {"MAX_ENTRIES": 10000}})


class RateLimit:
    """
    At most `limit` uses per `period` seconds per client address (or per
    whatever `by` names). Counts live
    in the shared cache (Redis in production) so every worker sees them; the
    address is stored only as a keyed hash.

    While Redis is unreachable each process counts on its own: the forms stay
    open to people (refusing every sign-in, application and submission would
    turn a cache fault into an outage of the forms) and a client still meets
    a limit, at most `limit` per worker process instead of `limit` in all.
    Sign-in lockouts (django-axes) are kept in the database and unaffected.
    """

    def __init__(self, scope, limit, period, by=None):
        self.scope = scope
        self.limit = limit
        self.period = period
        # What is counted: the client's address, unless `by(request)` names something else (an account).
        self.by = by or client_address

    def key(self, request):
        digest = hmac.new(settings.SECRET_KEY.encode(), str(self.by(request)).encode(), hashlib.sha256).hexdigest()
        return f"ratelimit:{self.scope}:{digest[:32]}"

    def exceeded(self, request):
        return _counted(lambda counts: counts.get(self.key(request), 0)) >= self.limit

    def retry_after(self, request):
        """Seconds until this address's count starts again (for the Retry-After header)."""
        started = _counted(lambda counts: counts.get(f"{self.key(request)}:started"))
        if started is None:
            return self.period
        return max(1, int(started + self.period - time.time()) + 1)

    def record(self, request):
        _counted(lambda counts: self._record(counts, self.key(request)))

    def _record(self, counts, key):
        if counts.add(key, 1, timeout=self.period):
            counts.set(f"{key}:started", time.time(), timeout=self.period)
        else:
            try:
                counts.incr(key)
            except ValueError:  # expired between add() and incr()
                counts.add(key, 1, timeout=self.period)


def _counted(operation):
    """`operation(counts)` on the shared cache, or on this process's own counts while it is unreachable."""
    if reachable(cache):
        result = operation(cache)
        if reachable(cache):
            return result
    return operation(_local_counts)
