"""System checks for a deployment of several workers."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits, the site chrome and its purges live in the cache: with several workers it must be shared."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is local to each process, so rate limits and purges of the site chrome are not shared "
                "between workers or hosts.",
                hint="Set REDIS_URL to a Redis server that every worker reaches.",
                id="home.W001",
            )
        ]
    return []
