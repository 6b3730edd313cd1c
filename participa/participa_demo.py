"""Demo of the participation hub: the policy of participation by electronic means (DEM-01), from
``datos_demo/politica_participacion.json``. Idempotent (matched by slug; an edited text is left alone)."""

import json
from pathlib import Path

from portal.models import Politica

DATOS = Path(__file__).parent / "datos_demo" / "politica_participacion.json"


def cargar_politica(resultado, contrasena):
    datos = json.loads(DATOS.read_text(encoding="utf-8"))
    _politica, creada = Politica.objects.get_or_create(
        slug=datos["slug"],
        defaults={
            "titulo": datos["titulo"],
            "resumen": datos["resumen"],
            "orden": datos["orden"],
            "contenido": "\n\n".join(datos["parrafos"]),
        },
    )
    if creada:
        resultado.anotar(f"Política publicada: {datos['titulo']}")
