"""The embedded default cache (no ``REDIS_URL``): one SQLite file that every process of the machine shares.

With a per-process memory cache, each gunicorn worker kept its own pages and its own content version, so
an edit seen by one worker could not reach what another kept: the page cache and the per-version memory had
to stay off without Redis, and the portal served 0.15 to 0.22 of a bare view's requests. One file read by all
the workers gives them one content version, hence the same exact invalidation as Redis on one machine.

Why SQLite and not Django's FileBasedCache: ``add`` and ``incr`` must be atomic across processes (the content
version goes up twice for every change, the visit counter allocates its slots with ``incr`` and detects a
visitor's first view with ``add``); FileBasedCache does a read and then a write. Here each is one SQL
statement, atomic by SQLite's own locking. Integers are stored as SQLite integers (``incr`` is
``UPDATE … SET valor = valor + ?``); everything else is pickled, as Django's own backends do.

WAL: readers never wait for a writer. ``synchronous=OFF``: a cache may lose its last writes if the machine
loses power (never its consistency); the visit counts in it are flushed to the database every few minutes.
Expired rows are removed by the reads that meet them and, now and then, all at once by a write.
"""

import os
import pickle
import random
import sqlite3
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

_ESQUEMA = "CREATE TABLE IF NOT EXISTS cache (clave TEXT PRIMARY KEY, valor BLOB NOT NULL, expira REAL) WITHOUT ROWID"
# One write in this many also deletes every expired row (a few milliseconds at most).
_LIMPIAR_CADA = 2000


def _empaquetar(valor):
    # Plain integers stay integers so that ``incr`` is one atomic UPDATE; booleans (an int subclass) pickle.
    return valor if type(valor) is int else pickle.dumps(valor, pickle.HIGHEST_PROTOCOL)


def _desempaquetar(valor):
    return valor if isinstance(valor, int) else pickle.loads(valor)  # noqa: S301 - written by this backend only


class CacheSQLite(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self._ruta = str(location)
        self._local = threading.local()

    # --- the connection: one per thread, new after a fork --------------------------------------------------

    def _bd(self):
        conexion = getattr(self._local, "conexion", None)
        if conexion is None or self._local.pid != os.getpid():
            conexion = sqlite3.connect(self._ruta, timeout=30, isolation_level=None, check_same_thread=False)
            conexion.execute("PRAGMA journal_mode=WAL")
            conexion.execute("PRAGMA synchronous=OFF")
            conexion.execute(_ESQUEMA)
            self._local.conexion, self._local.pid = conexion, os.getpid()
        return conexion

    def _expira(self, timeout):
        """Absolute expiry: None for never; a timeout of 0 gives a moment already past (Django's rule)."""
        return self.get_backend_timeout(timeout)

    # --- Django's cache API ----------------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        clave = self.make_and_validate_key(key, version=version)
        fila = self._bd().execute("SELECT valor, expira FROM cache WHERE clave = ?", (clave,)).fetchone()
        if fila is None:
            return default
        valor, expira = fila
        if expira is not None and expira <= time.time():
            self._bd().execute("DELETE FROM cache WHERE clave = ? AND expira <= ?", (clave, time.time()))
            return default
        return _desempaquetar(valor)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        clave = self.make_and_validate_key(key, version=version)
        expira = self._expira(timeout)
        if expira is not None and expira <= time.time():
            self._bd().execute("DELETE FROM cache WHERE clave = ?", (clave,))
            return
        self._bd().execute(
            "INSERT OR REPLACE INTO cache (clave, valor, expira) VALUES (?, ?, ?)", (clave, _empaquetar(value), expira)
        )
        self._limpiar_a_veces()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        clave = self.make_and_validate_key(key, version=version)
        expira = self._expira(timeout)
        if expira is not None and expira <= time.time():
            return False
        # Inserted, or written over an expired row; a live row stays: one statement, atomic across processes.
        cursor = self._bd().execute(
            "INSERT INTO cache (clave, valor, expira) VALUES (?, ?, ?) ON CONFLICT (clave) DO UPDATE SET "
            "valor = excluded.valor, expira = excluded.expira WHERE cache.expira IS NOT NULL AND cache.expira <= ?",
            (clave, _empaquetar(value), expira, time.time()),
        )
        return cursor.rowcount == 1

    def incr(self, key, delta=1, version=None):
        clave = self.make_and_validate_key(key, version=version)
        fila = (
            self._bd()
            .execute(
                "UPDATE cache SET valor = valor + ? WHERE clave = ? AND typeof(valor) = 'integer' "
                "AND (expira IS NULL OR expira > ?) RETURNING valor",
                (delta, clave, time.time()),
            )
            .fetchone()
        )
        if fila is None:
            raise ValueError(f"Key '{key}' not found")
        return fila[0]

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        clave = self.make_and_validate_key(key, version=version)
        cursor = self._bd().execute(
            "UPDATE cache SET expira = ? WHERE clave = ? AND (expira IS NULL OR expira > ?)",
            (self._expira(timeout), clave, time.time()),
        )
        return cursor.rowcount == 1

    def delete(self, key, version=None):
        clave = self.make_and_validate_key(key, version=version)
        return self._bd().execute("DELETE FROM cache WHERE clave = ?", (clave,)).rowcount == 1

    def has_key(self, key, version=None):
        clave = self.make_and_validate_key(key, version=version)
        fila = (
            self._bd()
            .execute("SELECT 1 FROM cache WHERE clave = ? AND (expira IS NULL OR expira > ?)", (clave, time.time()))
            .fetchone()
        )
        return fila is not None

    def clear(self):
        self._bd().execute("DELETE FROM cache")

    def close(self, **kwargs):
        # Kept open between requests, like a persistent database connection: opening costs more than a read.
        pass

    def _limpiar_a_veces(self):
        if random.randrange(_LIMPIAR_CADA) == 0:  # noqa: S311 - not for security
            self._bd().execute("DELETE FROM cache WHERE expira IS NOT NULL AND expira <= ?", (time.time(),))
