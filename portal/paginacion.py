"""Pages of long public lists (thousands of news, documents) without counting them.

Django's ``Paginator`` counts every row to print "page 3 of 1,000": a COUNT over the whole list on every
view, which grows with the archive. Reading one row more than a page tells whether there is a next page,
which is all a reader needs ("← Anteriores · Página 3 · Siguientes →").
"""

from django.http import Http404

PAGINA_MAXIMA = 100_000


class PaginaSinConteo:
    paginator = None  # no total: the template then shows "Página N" alone

    def __init__(self, consulta, numero, por_pagina):
        try:
            self.number = max(1, int(numero or 1))
        except (TypeError, ValueError):
            self.number = 1
        if self.number > PAGINA_MAXIMA:  # an absurd offset (a bot, a typo) would only make the database work
            raise Http404("Esa página de la lista no existe.")
        inicio = (self.number - 1) * por_pagina
        filas = list(consulta[inicio : inicio + por_pagina + 1])
        if not filas and self.number > 1:
            raise Http404("Esa página de la lista no existe.")
        self.object_list = filas[:por_pagina]
        self._hay_siguiente = len(filas) > por_pagina

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self._hay_siguiente

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1
