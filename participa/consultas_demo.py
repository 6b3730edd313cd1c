"""Demo consultations for `cargar_demo`, read from demo/consultas.json: one open (a proyecto de acuerdo with its
articles, published comments and one waiting for moderation) and one closed with its full answer matrix and
final version. Dated relative to today. Idempotent: each is created only if its slug does not exist yet."""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from portal.models import Dependencia, Usuario

from .models import Articulo, Comentario, Consulta

ARCHIVO = Path(__file__).parent / "demo" / "consultas.json"


@transaction.atomic
def cargar(resultado, contrasena=None):
    datos = json.loads(ARCHIVO.read_text(encoding="utf-8"))
    ahora = timezone.now()
    comite = Usuario.objects.filter(username="comite").first()
    creadas = 0
    for item in datos["consultas"]:
        if Consulta.objects.filter(slug=item["slug"]).exists():
            continue
        dependencia = Dependencia.objects.filter(nombre=item["dependencia"]).first() or Dependencia.objects.first()
        if dependencia is None:
            continue
        abre = ahora - timedelta(days=item["abre_hace_dias"])
        cierra = abre + timedelta(days=item["dias_abierta"])
        consulta = Consulta.objects.create(
            titulo=item["titulo"],
            slug=item["slug"],
            tipo=item["tipo"],
            objeto=f"{datos['marca']} {item['objeto']}",
            abre=abre,
            cierra=cierra,
            dependencia=dependencia,
            estado="publicado",
            publicar_desde=abre,
            resumen_de_cambios=item.get("resumen_de_cambios", ""),
            texto_final=item.get("texto_final", ""),
            creado_por=comite,
            modificado_por=comite,
        )
        articulos = [
            Articulo.objects.create(consulta=consulta, orden=n, encabezado=encabezado, texto=texto)
            for n, (encabezado, texto) in enumerate(item["articulos"], start=1)
        ]
        cerrada = cierra <= ahora
        for n, c in enumerate(item["comentarios"]):
            recibido = abre + timedelta(days=1 + n, hours=3)
            moderado = c["estado"] != "pendiente"
            Comentario.objects.create(
                consulta=consulta,
                articulo=articulos[c["articulo"] - 1] if c.get("articulo") else None,
                tipo_autor=c.get("tipo_autor", "persona"),
                nombre=c["nombre"],
                correo=c["correo"],
                organizacion=c.get("organizacion", ""),
                nit=c.get("nit", ""),
                publicar_nombre=c.get("publicar_nombre", False),
                texto=c["texto"],
                huella=Comentario.calcular_huella(c["correo"], c["texto"]),
                recibido=recibido,
                estado=c["estado"],
                motivo_rechazo=c.get("motivo_rechazo", ""),
                moderado_por=comite if moderado else None,
                moderado_en=recibido + timedelta(hours=5) if moderado else None,
                sentido=c.get("sentido", ""),
                respuesta=c.get("respuesta", ""),
                respondido_por=comite if c.get("sentido") else None,
                respondido_en=cierra + timedelta(days=3) if c.get("sentido") else None,
                notificado_en=cierra + timedelta(days=5) if c.get("sentido") else None,
            )
        if cerrada and item.get("resumen_de_cambios"):
            consulta.respuestas_publicadas_en = min(cierra + timedelta(days=5), ahora)
            consulta.save(update_fields=["respuestas_publicadas_en"])
        creadas += 1
    resultado.anotar(f"Consultas de proyectos de normas de demostración: {creadas} nuevas.")
