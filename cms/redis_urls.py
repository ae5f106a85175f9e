"""
Redis addresses from the environment, checked before the site starts (a bad
one would otherwise be a 500 on every page). Kept apart from the settings so
that tools can use them without loading any settings.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

REDIS_SCHEMES = ("redis", "rediss", "unix")
STOCK_REDIS_DATABASES = 16


def redis_url(name, url):
    """`url` if it is a Redis address redis-py takes, else stop the start naming the variable."""
    if urlsplit(url).scheme not in REDIS_SCHEMES:
        raise ImproperlyConfigured(f"{name} must be a redis://, rediss:// or unix:// address, not {url!r}.")
    return url


def next_redis_database(url):
    """
    redis://host:port/N -> the same server's database N + 1 (database 0 when
    the URL names none; redis-py's ?db=N names it too, and wins over the path).
    """
    parts = urlsplit(redis_url("REDIS_URL", url))
    query = parse_qsl(parts.query, keep_blank_values=True)
    named = [value for key, value in query if key == "db"]
    # A unix:// path is the socket's: only ?db= names the database there.
    on_path = parts.scheme != "unix"
    number = named[-1] if named else (parts.path.strip("/") if on_path else "") or "0"
    if not number.isdigit():
        raise ImproperlyConfigured(f"REDIS_URL names no database number: {url!r}; set PAGE_CACHE_REDIS_URL.")
    if int(number) + 1 >= STOCK_REDIS_DATABASES:
        raise ImproperlyConfigured(
            f"REDIS_URL uses database {number}, the last of a stock Redis's {STOCK_REDIS_DATABASES}: "
            "set PAGE_CACHE_REDIS_URL to the database stored pages should use."
        )
    rest = [(key, value) for key, value in query if key != "db"]
    if not on_path:
        return f"unix://{parts.netloc}{parts.path}?{urlencode([*rest, ('db', int(number) + 1)])}"
    return urlunsplit(parts._replace(path=f"/{int(number) + 1}", query=urlencode(rest)))
