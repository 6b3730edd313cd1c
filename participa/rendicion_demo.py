"""Demo rendición de cuentas (``datos_demo/rendicion.json``): last year's process with its questions filed as
radicados, answered within the term and published with links to the plan, and its commitments; this year's open
to questions. Idempotent: a process of the same year is left alone."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal.models import Dependencia, Usuario
from ventanilla import correos
from ventanilla import services as ventanilla

from .models import Compromiso, PreguntaRendicion, ProcesoRendicion, TemaRendicion
from .rendicion import pregunta_enviar

DATOS = Path(__file__).parent / "datos_demo" / "rendicion.json"


def _momento(dia, hora="10:00"):
    return timezone.make_aware(datetime.combine(dia, time.fromisoformat(hora)))


@transaction.atomic
def cargar_rendicion(resultado, contrasena):
    # The demo people and officials must not get e-mails (the ventanilla's own demo does the same).
    with correos.silenciados():
        _cargar(resultado)


def _cargar(resultado):
    datos = json.loads(DATOS.read_text(encoding="utf-8"))
    hoy = timezone.localdate()
    dependencias = {d.slug: d for d in Dependencia.objects.all()}
    funcionario = Usuario.objects.filter(is_superuser=True).order_by("pk").first()
    for p in datos["procesos"]:
        anio = hoy.year + p["anio_desde_hoy"]
        if ProcesoRendicion.objects.filter(anio=anio).exists() or p["dependencia"] not in dependencias:
            continue
        proceso = ProcesoRendicion.objects.create(
            anio=anio,
            titulo=p["titulo"].format(anio=anio),
            descripcion=p["descripcion"].format(anio=anio),
            dependencia=dependencias[p["dependencia"]],
            preguntas_abren=hoy + timedelta(days=p["preguntas_abren"]),
            preguntas_cierran=hoy + timedelta(days=p["preguntas_cierran"]),
            audiencia=_momento(hoy + timedelta(days=p["audiencia"]), p["hora"]),
            lugar=p["lugar"],
            transmision=p["transmision"],
            informe=p["informe"],
            publicado=True,
        )
        temas = {
            nombre: TemaRendicion.objects.create(proceso=proceso, nombre=nombre, orden=n)
            for n, nombre in enumerate(p["temas"])
        }
        for n, q in enumerate(p["preguntas"]):
            recibida = _momento(hoy + timedelta(days=q["dia"]))
            radicado, _codigo = pregunta_enviar(
                proceso=proceso,
                tema=temas[q["tema"]],
                nombre=f"Persona de demostración {n + 1}",
                correo=f"demo{n + 1}@example.com",
                pregunta=q["pregunta"],
                ahora=recibida,
            )
            respondida = recibida + timedelta(days=6)
            if funcionario is not None:
                ventanilla.radicado_responder(
                    radicado=radicado, usuario=funcionario, respuesta=q["respuesta"], ahora=respondida
                )
            PreguntaRendicion.objects.filter(radicado=radicado).update(
                respuesta=q["respuesta"], metas=q["metas"], publicada=True, respondida=respondida.date()
            )
        for c in p["compromisos"]:
            Compromiso.objects.create(
                proceso=proceso,
                descripcion=c["descripcion"],
                dependencia=dependencias.get(c["dependencia"], proceso.dependencia),
                fecha_limite=hoy + timedelta(days=c["fecha_limite"]),
                avance=c["avance"],
                estado=c["estado"],
                actualizado=hoy - timedelta(days=10),
                nota=c["nota"],
                metas=c["metas"],
            )
        resultado.anotar(f"Rendición de cuentas de demostración: {proceso.titulo}")
