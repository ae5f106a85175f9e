"""The client address the rate limits and the sign-in lockout count by, behind the proxies an operator declares."""

import pytest
from django.test import RequestFactory

from home.abuse import client_address


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.1"),  # no proxy declared: the header is the client's own claim
        (1, "198.51.100.9, 203.0.113.7", "203.0.113.7"),  # what our proxy saw, not what the client wrote before it
        (2, "198.51.100.9, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.1"),  # fewer entries than proxies: the request skipped one
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:DB8::0001", "2001:db8::1"),  # one spelling per address, so it is one count
    ],
)
def test_the_address_counted_is_the_one_the_trusted_proxies_saw(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
