"""Demo presupuesto participativo (``datos_demo/planeacion.json``): territories of El Tablón de Gómez (marked as
demo), one process with proposals, online votes (fictitious documents through the real ``votar``, so only
their hashes are stored) and in-person actas, with its results published. Idempotent."""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal.models import Dependencia, Usuario

from .models import Acta, ProcesoPlaneacion, Propuesta, Territorio, VotoActa
from .planeacion import votar

DATOS = Path(__file__).parent / "datos_demo" / "planeacion.json"


@transaction.atomic
def cargar_planeacion(resultado, contrasena):
    datos = json.loads(DATOS.read_text(encoding="utf-8"))
    territorios = {}
    for t in datos["territorios"]:
        territorios[t["nombre"]], creado = Territorio.objects.get_or_create(
            nombre=t["nombre"], defaults={"tipo": t["tipo"], "es_demo": True}
        )
        if creado:
            resultado.anotar(f"Territorio de demostración: {t['nombre']}")
    hoy = timezone.localdate()
    p = datos["proceso"]
    anio = hoy.year + p["anio_desde_hoy"]
    dependencia = Dependencia.objects.filter(slug=p["dependencia"]).first()
    if dependencia is None or ProcesoPlaneacion.objects.filter(anio=anio).exists():
        return
    dia = {clave: hoy + timedelta(days=p[clave]) for clave in ("propuestas_abren", "propuestas_cierran")}
    dia |= {clave: hoy + timedelta(days=p[clave]) for clave in ("votacion_abre", "votacion_cierra")}
    proceso = ProcesoPlaneacion.objects.create(
        anio=anio,
        titulo=p["titulo"].format(anio=anio),
        descripcion=p["descripcion"].format(anio=anio),
        dependencia=dependencia,
        monto=p["monto"],
        publicado=True,
        **dia,
    )
    propuestas = {}
    documento = 10_000_000
    for q in datos["propuestas"]:
        propuesta = Propuesta.objects.create(
            proceso=proceso,
            territorio=territorios[q["territorio"]],
            titulo=q["titulo"],
            descripcion=q["descripcion"],
            costo=q["costo"],
            estado=q["estado"],
            motivo=q.get("motivo", ""),
        )
        propuestas[q["titulo"]] = propuesta
        for _n in range(q["votos_en_linea"]):
            documento += 7
            votar(
                proceso=proceso,
                propuesta=propuesta,
                tipo_documento="CC",
                numero_documento=str(documento),
                hoy=dia["votacion_abre"] + timedelta(days=documento % 15),
            )
    funcionario = Usuario.objects.filter(is_superuser=True).order_by("pk").first()
    for a in datos["actas"]:
        acta = Acta.objects.create(
            proceso=proceso,
            reunion=a["reunion"],
            territorio=territorios[a["territorio"]],
            fecha=hoy + timedelta(days=a["dia"]),
            asistentes=a["asistentes"],
            registrada_por=funcionario,
        )
        for titulo, votos in a["votos"].items():
            VotoActa.objects.create(acta=acta, propuesta=propuestas[titulo], votos=votos)
    proceso.resultados_publicados = p["resultados_publicados"]
    proceso.save(update_fields=["resultados_publicados"])
    resultado.anotar(f"Presupuesto participativo de demostración: {proceso.titulo}")
