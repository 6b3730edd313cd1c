"""The Redis cache backend keeps one client per connection pool instead of building one per operation."""

import socket

import pytest

from portal.cache_redis import CacheRedis


def test_un_cliente_por_conjunto_de_conexiones():
    cache = CacheRedis("redis://127.0.0.1:6379/12", {})
    cliente = cache._cache.get_client()
    assert cache._cache.get_client("otra-clave") is cliente
    assert cache._cache.get_client(write=True) is cliente  # one server: reads and writes share the pool


def _redis_local():
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.skipif(not _redis_local(), reason="No hay un Redis en 127.0.0.1:6379 (en CI sí lo hay).")
def test_ida_y_vuelta_con_redis():
    cache = CacheRedis("redis://127.0.0.1:6379/12", {"OPTIONS": {}})
    cache.delete_many(["prueba:portal", "prueba:contador"])
    cache.set("prueba:portal", {"a": 1}, 30)
    assert cache.get("prueba:portal") == {"a": 1}
    assert cache.add("prueba:contador", 1, 30) and cache.incr("prueba:contador") == 2
    cache.delete_many(["prueba:portal", "prueba:contador"])
    assert cache.get("prueba:portal") is None
