"""Settings for ``bench/visitas.py``: the project's own, with the visit counter on (``CONTADOR_DE_VISITAS=1``)
or off (anything else), wherever ``tablon_portal/settings.py`` has it or not."""

import os

from tablon_portal.settings import *  # noqa: F403

CONTADOR = "portal.visitas.ContadorDeVisitas"

MIDDLEWARE = [m for m in MIDDLEWARE if m != CONTADOR]  # noqa: F405
if os.environ.get("CONTADOR_DE_VISITAS") == "1":
    MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, CONTADOR)
