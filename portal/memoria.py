"""Memoization for the length of one computation (one dashboard render), never longer.

The committee's dashboard asks the same figure from several places (the visits of a semester feed two
indicators and the visits panel; the fichas' figures feed three indicators). Inside ``with calculo():``
functions decorated with ``@memorizar`` compute each distinct call once; outside it they run as usual, so
nothing is ever served stale from one request to the next. Callers must not mutate what they get back.
"""

import contextlib
import contextvars
import functools

_memoria = contextvars.ContextVar("memoria_del_calculo", default=None)


@contextlib.contextmanager
def calculo():
    token = _memoria.set({}) if _memoria.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _memoria.reset(token)


def memorizar(funcion):
    @functools.wraps(funcion)
    def envuelta(*args, **kwargs):
        memoria = _memoria.get()
        if memoria is None:
            return funcion(*args, **kwargs)
        clave = (funcion, args, tuple(sorted(kwargs.items())))
        if clave not in memoria:
            memoria[clave] = funcion(*args, **kwargs)
        return memoria[clave]

    return envuelta
