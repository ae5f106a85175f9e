"""
Protection for the public forms (article submissions, membership
applications): a honeypot field, a per-address rate limit kept in the shared
cache, and the client address as seen through trusted proxies.
"""

import hashlib
import hmac
import ipaddress

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


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


def client_address(request):
    """
    The client's IP address. Behind N trusted proxies (TRUSTED_PROXY_COUNT), it
    is the Nth address from the right of X-Forwarded-For; anything further left
    is supplied by the client and cannot be trusted. Used by the form rate
    limits and the sign-in lockout (AXES_CLIENT_IP_CALLABLE).
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not an address: our own proxy would not write that, so fall back
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """
    At most `limit` uses per `period` seconds per client address. Counts live
    in the shared cache (Redis in production) so every worker sees them; the
    address is stored only as a keyed hash.
    """

    def __init__(self, scope, limit, period):
        self.scope = scope
        self.limit = limit
        self.period = period

    def key(self, request):
        digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()
        return f"ratelimit:{self.scope}:{digest[:32]}"

    def exceeded(self, request):
        return cache.get(self.key(request), 0) >= self.limit

    def record(self, request):
        key = self.key(request)
        if not cache.add(key, 1, timeout=self.period):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=self.period)
