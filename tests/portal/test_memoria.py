"""Per-computation memoization: a figure asked twice in one dashboard render is computed once, never reused
from one render to the next."""

from portal import memoria


def test_memoriza_solo_dentro_del_calculo():
    llamadas = []

    @memoria.memorizar
    def cifra(anio, *, mes=None):
        llamadas.append((anio, mes))
        return [anio, mes]

    cifra(2026)
    cifra(2026)
    assert len(llamadas) == 2  # outside a computation: always fresh
    with memoria.calculo():
        assert cifra(2026) is cifra(2026)
        cifra(2026, mes=1)
        with memoria.calculo():  # nested: the same memory
            cifra(2026)
    assert llamadas[2:] == [(2026, None), (2026, 1)]
    cifra(2026)
    assert len(llamadas) == 5  # the memory ended with the computation
