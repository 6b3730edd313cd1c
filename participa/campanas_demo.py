"""Demo outreach campaigns and visits (from ``datos_demo/campanas.json``), so the committee's dashboard shows its
visits and campaigns panels with data. Written as ``portal.visitas.volcar`` leaves them; idempotent (a day that
already has visits is left alone)."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal.demo import registrar
from portal.models import ProcedenciaDiaria, VisitaDiaria, VisitanteDiario

from .models import Campana

DATOS = Path(__file__).parent / "datos_demo" / "campanas.json"


@transaction.atomic
def cargar_campanas(resultado, contrasena):
    datos = json.loads(DATOS.read_text(encoding="utf-8"))
    for c in datos["campanas"]:
        _campana, creada = Campana.objects.get_or_create(
            codigo=c["codigo"], defaults={"nombre": c["nombre"], "medio": c["medio"], "destino": c["destino"]}
        )
        if creada:
            resultado.anotar(f"Campaña creada: {c['nombre']} (/c/{c['codigo']}/)")
    hoy = timezone.localdate()
    dias = [hoy - timedelta(days=n) for n in range(datos["semanas"] * 7, 0, -1)]
    ya = set(VisitaDiaria.objects.filter(dia__in=dias).values_list("dia", flat=True).distinct())
    azar = random.Random(17)  # noqa: S311 - demo figures, the same on every run
    vistas, visitantes, procedencias = [], [], []
    minimo, maximo = datos["visitantes_por_dia"]
    for n, dia in enumerate(dias):
        if dia in ya:
            continue
        # A little more every week, as the outreach goes on.
        cuantos = azar.randint(minimo, maximo) + n // 21
        visitantes += [VisitanteDiario(dia=dia, huella=f"demo-{dia:%Y%m%d}-{i}") for i in range(cuantos)]
        for ruta in datos["paginas"]:
            dispositivo = azar.choice(["movil", "movil", "movil", "escritorio", "tableta"])
            vistas.append(VisitaDiaria(dia=dia, ruta=ruta, dispositivo=dispositivo, vistas=azar.randint(1, cuantos)))
        for referente, direcciones in datos["procedencias"].items():
            if azar.random() < 0.5:
                vistas.append(
                    VisitaDiaria(dia=dia, ruta="/", referente=referente, dispositivo="movil", vistas=direcciones)
                )
                procedencias.append(ProcedenciaDiaria(dia=dia, referente=referente, direcciones=direcciones))
        for c in datos["campanas"]:
            llegadas = azar.randint(0, 2 * c["llegadas_por_semana"] // 7 + 1)
            if llegadas:
                vistas.append(
                    VisitaDiaria(
                        dia=dia, ruta=f"/c/{c['codigo']}/", campana=c["codigo"], dispositivo="movil", vistas=llegadas
                    )
                )
    VisitaDiaria.objects.bulk_create(vistas, ignore_conflicts=True, batch_size=500)
    VisitanteDiario.objects.bulk_create(visitantes, ignore_conflicts=True, batch_size=500)
    ProcedenciaDiaria.objects.bulk_create(procedencias, ignore_conflicts=True, batch_size=500)
    if visitantes:
        resultado.anotar(f"Visitas de demostración: {len(dias) - len(ya)} días, {len(visitantes)} visitantes")


# Moved from portal with the campaigns. Before gelt (40): its snapshots read the visits, and gelt.visitas keeps
# the figures of closed days once read.
registrar(cargar_campanas, orden=35)
