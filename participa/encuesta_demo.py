"""Demo answers of the annual website survey (moved from gelt with the survey); the figures and comments are in
``datos_demo/encuesta.json``."""

import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from django.utils import timezone

from . import encuesta as servicio
from .models import Encuesta

DATOS = Path(__file__).parent / "datos_demo" / "encuesta.json"


def cargar_encuestas(resultado, contrasena):
    """The annual website survey: last year's (published, about 40 answers) and this year's default questionnaire
    (about 25 answers so far), with plausible answers that improved from one year to the next.

    Last year's survey copies the questions of this year's, so the comparison matches every question. Idempotent:
    the surveys are matched by title and answers are only written while a survey has none. Answers go through
    ``participa.encuesta.registrar_respuesta`` (no client address: the per-client limit does not apply).
    """
    hoy = timezone.localdate()
    actual = Encuesta.objects.del_anio(hoy.year).filter(abre__lte=hoy).order_by("-abre", "-pk").first()
    if actual is None or not actual.preguntas.exists():
        resultado.anotar("Sin encuesta de este año con preguntas: no se cargaron respuestas de la encuesta.")
        return

    titulo_anterior = f"Encuesta anual sobre el portal web {hoy.year - 1}"
    anterior, creada = Encuesta.objects.get_or_create(
        titulo=titulo_anterior,
        defaults={
            "introduccion": actual.introduccion,
            "abre": date(hoy.year - 1, 3, 1),
            "cierra": date(hoy.year - 1, 11, 30),
            "resultados_publicados": True,
        },
    )
    if creada:
        for pregunta in actual.preguntas.prefetch_related("opciones"):
            opciones = list(pregunta.opciones.all())
            pregunta.pk = None
            pregunta.encuesta = anterior
            pregunta.save()
            for opcion in opciones:
                opcion.pk = None
                opcion.pregunta = pregunta
                opcion.save()
        resultado.anotar(f"Encuesta creada: {titulo_anterior} (resultados publicados)")

    datos = json.loads(DATOS.read_text(encoding="utf-8"))
    perfiles = {
        nombre: {**p, "escalas": [tuple(e) for e in p["escalas"]], "unica": tuple(p["unica"])}
        for nombre, p in datos["perfiles"].items()
    }
    comentarios = datos["comentarios"]

    def responder(encuesta, cantidad, perfil, semilla, desde, hasta):
        azar = random.Random(semilla)  # noqa: S311 - demo data, not security
        preguntas = list(encuesta.preguntas.prefetch_related("opciones"))
        escalas = iter(perfil["escalas"])
        pesos = {p.pk: next(escalas, (1, 1, 1, 1, 1)) for p in preguntas if p.tipo == "escala"}
        textos = list(comentarios[semilla])
        segundos = max(int((hasta - desde).total_seconds()), 1)
        momentos = sorted(desde + timedelta(seconds=azar.randrange(segundos)) for _ in range(cantidad))
        for n, momento in enumerate(momentos):
            datos = {}
            for p in preguntas:
                opciones = [str(o.pk) for o in p.opciones.all()]
                if p.tipo == "escala":
                    datos[p.nombre_campo] = str(azar.choices(range(1, 6), weights=pesos[p.pk])[0])
                elif p.tipo == "si_no":
                    datos[p.nombre_campo] = "si" if azar.randrange(100) < perfil["si"] else "no"
                elif p.tipo == "unica" and opciones:
                    pesos_unica = perfil["unica"][: len(opciones)] + (1,) * (len(opciones) - len(perfil["unica"]))
                    datos[p.nombre_campo] = azar.choices(opciones, weights=pesos_unica)[0]
                elif p.tipo == "multiple" and opciones:
                    datos[p.nombre_campo] = azar.sample(opciones, azar.randint(1, min(3, len(opciones))))
                elif p.tipo in ("texto_corto", "texto_largo"):
                    # About one person in four writes something; required text questions always get an answer.
                    if textos and (p.obligatoria or n % 4 == 1):
                        datos[p.nombre_campo] = textos.pop(0)
                    elif p.obligatoria:
                        datos[p.nombre_campo] = "Nada más."
            servicio.registrar_respuesta(encuesta=encuesta, datos=datos, ahora=momento)
        return cantidad

    zona = timezone.get_current_timezone()

    def inicio_del_dia(dia):
        return timezone.make_aware(datetime.combine(dia, datetime.min.time()), zona)

    if not anterior.respuestas.exists():
        fin = min(inicio_del_dia(anterior.cierra + timedelta(days=1)), timezone.now()) - timedelta(hours=1)
        desde = inicio_del_dia(anterior.abre)
        n = responder(anterior, perfiles["anterior"]["respuestas"], perfiles["anterior"], "anterior", desde, fin)
        resultado.anotar(f"Respuestas de demostración registradas en «{anterior.titulo}»: {n}")
    if not actual.respuestas.exists():
        desde = inicio_del_dia(actual.abre)
        hasta = min(timezone.now() - timedelta(minutes=5), inicio_del_dia(actual.cierra + timedelta(days=1)))
        if hasta <= desde:
            resultado.anotar(f"La encuesta «{actual.titulo}» acaba de abrir: no se cargaron respuestas.")
            return
        n = responder(actual, perfiles["actual"]["respuestas"], perfiles["actual"], "actual", desde, hasta)
        resultado.anotar(f"Respuestas de demostración registradas en «{actual.titulo}»: {n}")
