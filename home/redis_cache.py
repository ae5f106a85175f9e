"""
Django's Redis cache backend, with one redis-py client per connection pool.

Django's client builds a new `redis.Redis` for every cache call, and each
one builds its table of a few hundred response callbacks: with the ten or so
cache calls a page makes (page cache, chrome, tokens, renditions) that was a
tenth of the CPU of an About page. A `redis.Redis` is safe to share between
threads (it takes a connection from its pool for each command), so each pool
gets one, made on first use.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


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


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
