"""Django's Redis cache, without building a new client for every cache operation.

Django's ``RedisCacheClient.get_client`` returns a new ``redis.Redis`` on each call, and each one copies
redis-py's table of ~170 response callbacks: a measurable share of a page that does three cache operations
(the visit counter, the content version). A client is thread-safe and only wraps its connection pool, so one
per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ClienteRedis(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clientes = {}

    def get_client(self, key=None, *, write=False):
        indice = self._get_connection_pool_index(write)
        if indice not in self._clientes:
            self._clientes[indice] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clientes[indice]


class CacheRedis(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClienteRedis
