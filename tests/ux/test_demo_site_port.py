"""`PORT=8765 make run`: canonical links name the port the demo is served on, like the hreflang alternates."""

import re

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_canonical_link_follows_the_demo_servers_port(client):
    from django.core.cache import cache

    from home import page_cache
    from home.management.commands.prepare_demo_site import Command

    # The demo's Site record, as load_demo_content writes it (the demo itself has its smoke test).
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    Command().serve_on_port("8765")  # what `PORT=8765 make run` does before serving
    cache.clear()  # the command runs before the server starts: no cached site roots or pages yet
    page_cache.clear()
    site = Site.objects.get(is_default_site=True)
    content = client.get("/en/", HTTP_HOST=f"{site.hostname}:8765").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', content).group(1)
    alternate = re.search(r'<link rel="alternate" hreflang="en" href="([^"]+)"', content).group(1)
    assert canonical.startswith("http://127.0.0.1:8765/")
    assert canonical == alternate


def test_a_port_that_is_not_a_number_is_refused(monkeypatch):
    from django.core.management.base import CommandError

    from home.management.commands.prepare_demo_site import Command

    with pytest.raises(CommandError):
        Command().serve_on_port("80; rm")
