"""Demo PQRSD for `cargar_demo`, read from demo/pqrsd.json: a few dozen across kinds, channels, states and
dependencias, dated relative to today so that some are overdue and some due soon on any day the demo is loaded.
Idempotent: it loads only while no demo radicado exists (their subjects start with the JSON's marker)."""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal import registro
from portal.models import Dependencia, Usuario

from . import correos, services
from .calendario import calendario_vigente
from .certificados import certificado_expedir, certificado_generar, url_de_verificacion
from .models import Canal, Certificado, PlantillaCertificado, Radicado, Tipo, clave_de_ficha
from .solicitudes import termino_de_la_ficha

ARCHIVO = Path(__file__).parent / "demo" / "pqrsd.json"


def _hace_habiles(dias, hoy):
    """The business day ``dias`` business days before ``hoy``."""
    calendario = calendario_vigente()
    dia = hoy
    while dias > 0:
        dia -= timedelta(days=1)
        if calendario.es_habil(dia):
            dias -= 1
    return dia


@transaction.atomic
def cargar(resultado, contrasena=None):
    datos = json.loads(ARCHIVO.read_text(encoding="utf-8"))
    plantillas = {}
    fichas = _tramites_en_linea(datos)
    for plantilla in datos["plantillas"]:
        campos = {k: v for k, v in plantilla.items() if k != "ficha_slug"}
        ficha = fichas.get(plantilla.get("ficha_slug"))
        if ficha is not None:
            campos["ficha"] = clave_de_ficha(ficha._meta.label_lower, ficha.pk)
        plantillas[plantilla["nombre"]], _creada = PlantillaCertificado.objects.get_or_create(
            nombre=plantilla["nombre"], defaults=campos
        )
    if not Radicado.objects.filter(descripcion__startswith=datos["marca"]).exists():
        with correos.silenciados():
            _radicados(datos, plantillas, resultado)
            _solicitudes(datos, plantillas, fichas, resultado)
    certificado = Certificado.objects.filter(radicado__descripcion__startswith=datos["marca"]).first()
    if certificado is not None:
        resultado.avisar(f"Certificado de demostración para verificar: {url_de_verificacion(certificado)}")


def _tramites_en_linea(datos):
    """The demo fichas requested in the portal (certificado de residencia, estratificación, nomenclatura)."""
    from django.conf import settings

    modelos = registro.modelos_de_ficha()
    fichas = {}
    for item in datos["tramites_en_linea"]:
        ficha = modelos[item["modelo"]].objects.filter(slug=item["slug"]).first()
        if ficha is None:
            continue
        ficha.solicitud_en_linea = True
        ficha.preguntas_solicitud = item["preguntas"]
        ficha.canal = "total"
        ficha.url_en_linea = settings.URL_DEL_SITIO.rstrip("/") + ficha.ruta_solicitud()
        ficha.save(update_fields=["solicitud_en_linea", "preguntas_solicitud", "canal", "url_en_linea"])
        fichas[ficha.slug] = ficha
    return fichas


def _solicitudes(datos, plantillas, fichas, resultado):
    """A few online requests in their different states: just filed, asked to correct, issued, rejected, unpaid."""
    hoy = timezone.localdate()
    for item in datos["solicitudes"]:
        ficha = fichas.get(item["slug"])
        if ficha is None:
            continue
        dia = _hace_habiles(item["hace_dias_habiles"], hoy)
        momento = timezone.localtime().replace(year=dia.year, month=dia.month, day=dia.day, hour=10)
        dias, calendario, fundamento = termino_de_la_ficha(ficha)
        radicado, _codigo = services.radicado_crear(
            tipo=Tipo.TRAMITE,
            asunto=ficha.nombre[:200],
            descripcion=f"{datos['marca']} Solicitud en línea de «{ficha.nombre}».\n{item['respuestas']}",
            persona={"tipo_persona": "natural", "notificacion_electronica": True, "telefono": "", **item["persona"]},
            dependencia=ficha.dependencia,
            dias_termino=dias,
            dias_calendario=calendario,
            fundamento_termino=fundamento[:250],
            ficha=ficha,
            valor_a_pagar=ficha.costo_valor if ficha.costo_tipo == "valor" else None,
            ahora=momento,
        )
        paso = item.get("paso")
        if paso == "completar":
            services.radicado_pedir_completar(radicado=radicado, usuario=None, que_falta=item["que_falta"], hoy=hoy)
        elif paso in ("aprobar", "rechazar"):
            services.radicado_responder(
                radicado=radicado,
                usuario=None,
                respuesta=item["respuesta"],
                decision="aprobada" if paso == "aprobar" else "rechazada",
                ahora=min(momento + timedelta(days=1), timezone.now()),
            )
            if item.get("certificado"):
                certificado = certificado_expedir(radicado=radicado, plantilla=plantillas[item["certificado"]])
                certificado_generar.call(certificado.pk)  # at once: the demo prints its verification address
                services.radicado_registrar_lectura(radicado=radicado)  # the applicant opened it: notified
    resultado.anotar(f"Solicitudes en línea de demostración: {len(datos['solicitudes'])}.")


def _radicados(datos, plantillas, resultado):
    dependencias = {d.nombre: d for d in Dependencia.objects.all()}
    funcionario = Usuario.objects.filter(username="funcionario").first()
    hoy = timezone.localdate()
    ahora = timezone.localtime()
    creados = 0
    for item in sorted(datos["radicados"], key=lambda i: -i["hace_dias_habiles"]):
        dia = _hace_habiles(item["hace_dias_habiles"], hoy)
        momento = ahora.replace(
            year=dia.year, month=dia.month, day=dia.day, hour=9 + creados % 8, minute=7 * creados % 60
        )
        persona = item.get("persona") or {}
        radicado, _codigo = services.radicado_crear(
            tipo=item["tipo"],
            asunto=item["asunto"],
            descripcion=f"{datos['marca']} {item['descripcion']}",
            canal=item.get("canal", Canal.WEB),
            anonimo=item.get("anonimo", False),
            persona={"tipo_persona": "natural", "notificacion_electronica": bool(persona.get("correo")), **persona},
            prioridad=item.get("prioridad", ""),
            ahora=momento,
        )
        creados += 1
        dependencia = dependencias.get(item.get("dependencia", ""))
        usuario = funcionario if dependencia and dependencia.nombre == "Secretaría de Gobierno" else None
        if dependencia:
            services.radicado_asignar(radicado=radicado, usuario=None, dependencia=dependencia, responsable=usuario)
        paso = item.get("paso")
        if paso == "completar":
            services.radicado_pedir_completar(
                radicado=radicado,
                usuario=None,
                que_falta=item["que_falta"],
                hoy=_hace_habiles(item["pausa_hace"], hoy),
            )
        elif paso == "prorrogar":
            services.radicado_prorrogar(
                radicado=radicado,
                usuario=None,
                nueva_fecha=services.limite_de_prorroga(radicado),
                motivo=item["motivo"],
                hoy=min(hoy, radicado.vence),
            )
        elif paso == "trasladar":
            services.radicado_trasladar(
                radicado=radicado, usuario=None, entidad=item["entidad"], motivo=item["motivo"]
            )
        elif paso in ("responder", "cerrar"):
            respondida = momento + timedelta(days=item.get("respondida_en_dias", 5))
            services.radicado_responder(
                radicado=radicado,
                usuario=None,
                respuesta=item["respuesta"],
                acceso_negado=item.get("acceso_negado", False),
                fundamento_negacion=item.get("fundamento_negacion", ""),
                ahora=min(respondida, timezone.now()),
            )
            if paso == "cerrar":
                services.radicado_cerrar(radicado=radicado, usuario=None)
    resultado.anotar(f"PQRSD de demostración: {creados} radicados (bandeja en /admin/ventanilla/radicado/).")
