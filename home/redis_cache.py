"""
Django's Redis cache backend, with one redis-py client per connection pool,
that keeps the site up while Redis is away.

Django's client builds a new `redis.Redis` for every cache call, and each
one builds its table of a few hundred response callbacks: with the ten or so
cache calls a page makes (page cache, chrome, tokens, renditions) that was a
tenth of the CPU of an About page. A `redis.Redis` is safe to share between
threads (it takes a connection from its pool for each command), so each pool
gets one, made on first use.

Everything in the cache can be recomputed, so an unreachable Redis (down,
refusing connections, accepting them and never answering, or answering with
an error such as a full or read-only Redis's) is a miss, not
a 500: reads return their default, writes store nothing, `set_many` reports
every key as not stored (page_cache keeps the purges it could not send, see
there) and `incr` raises ValueError as for a missing key. Each call waits at
most the socket timeouts (REDIS_CONNECT_TIMEOUT, REDIS_TIMEOUT; redis-py's
own retries are turned off), and after a failure the whole process skips
Redis for REDIS_RETRY_AFTER seconds (a circuit breaker), so that a frozen
Redis costs one timeout per process per period instead of one per call.
`reachable()` says whether the last attempt succeeded (rate limits count
locally meanwhile, see home.abuse).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Down, refusing, silent, or answering with an error instead of a result (a
# full Redis with noeviction: "OOM command not allowed"; a failover's
# read-only replica: "READONLY"; a database number it does not have).
UNREACHABLE = (RedisError,)
DEFAULT_RETRY_AFTER = 10

# Per process, per server address: Django makes a cache object per thread, and
# one thread's failure is news for all of them.
_skip_until = {}
# How many outages this process has seen begin (home.purge_outbox sends the
# purges kept meanwhile before this process serves from the cache again).
_outages = [0]


def outages_seen():
    return _outages[0]


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # Pools live as long as this object (RedisCacheClient keeps them), so their ids stay theirs.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def add_many_then_get_many(self, additions, keys):
        pipeline = self.get_client(None, write=True).pipeline(transaction=False)
        for key, value in additions.items():
            pipeline.set(key, self._serializer.dumps(value), nx=True)
        pipeline.mget(keys)
        values = pipeline.execute()[-1]
        return {
            key: self._serializer.loads(value) for key, value in zip(keys, values, strict=True) if value is not None
        }


def _fail_soft(fallback):
    """Run the backend method, or give `fallback(args)` while Redis is unreachable."""

    def decorate(method):
        def wrapper(self, *args, **kwargs):
            if not self.reachable():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._unreachable(error)
                return fallback(*args, **kwargs)
            if self._server in _skip_until:
                _skip_until.pop(self._server, None)
                logger.warning("Redis at %s answers again: the cache is back in use", self._server)
            return result

        wrapper.__name__ = method.__name__
        wrapper.__doc__ = method.__doc__
        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (Redis is unreachable).")


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._server = server
        self.retry_after = float(params.get("RETRY_AFTER", DEFAULT_RETRY_AFTER))

    def reachable(self):
        """False while calls skip Redis after a failure (for REDIS_RETRY_AFTER seconds)."""
        until = _skip_until.get(self._server)
        return until is None or time.monotonic() >= until

    def answered(self):
        """Whether the last call reached Redis (False from a failure until a call succeeds)."""
        return self._server not in _skip_until

    def _unreachable(self, error):
        first = self._server not in _skip_until
        _skip_until[self._server] = time.monotonic() + self.retry_after
        if first:
            _outages[0] += 1
            logger.warning(
                "Redis at %s is unreachable or refuses commands (%s): pages are served uncached, retrying every %g s",
                self._server,
                error,
                self.retry_after,
            )

    def validate_key(self, key):
        # Django's check warns about keys memcached would refuse, one
        # character at a time: Redis takes any key, and a page makes a hundred.
        pass

    def _add_many_then_get_many(self, additions, keys, version=None):
        """
        `add` each of `additions` ({key: value}, kept until evicted), then
        `get_many(keys)`: in one round trip, however many there are (the page
        cache starts the tokens of tags never purged this way, home.page_cache).
        """
        key_map = {self.make_key(key, version=version): key for key in keys}
        additions = {self.make_key(key, version=version): value for key, value in additions.items()}
        found = self._cache.add_many_then_get_many(additions, list(key_map))
        return {key_map[key]: value for key, value in found.items()}

    add_many_then_get_many = _fail_soft(lambda additions, keys, version=None: {})(_add_many_then_get_many)
    get = _fail_soft(lambda key, default=None, version=None: default)(DjangoRedisCache.get)
    get_many = _fail_soft(lambda keys, version=None: {})(DjangoRedisCache.get_many)
    has_key = _fail_soft(lambda key, version=None: False)(DjangoRedisCache.has_key)
    add = _fail_soft(lambda *args, **kwargs: False)(DjangoRedisCache.add)
    set = _fail_soft(lambda *args, **kwargs: None)(DjangoRedisCache.set)
    touch = _fail_soft(lambda *args, **kwargs: False)(DjangoRedisCache.touch)
    set_many = _fail_soft(lambda data, *args, **kwargs: list(data))(DjangoRedisCache.set_many)
    delete = _fail_soft(lambda *args, **kwargs: False)(DjangoRedisCache.delete)
    delete_many = _fail_soft(lambda *args, **kwargs: None)(DjangoRedisCache.delete_many)
    incr = _fail_soft(_missing_key)(DjangoRedisCache.incr)
    clear = _fail_soft(lambda: False)(DjangoRedisCache.clear)


def answered(cache):
    """Whether `cache` (any backend) answered its last call; only ours can say no."""
    check = getattr(cache, "answered", None)
    return check is None or check()


def reachable(cache):
    """Whether `cache` (any backend) is storing what it is given; only ours can say no."""
    check = getattr(cache, "reachable", None)
    return check is None or check()
