"""Rendición de cuentas: a question sent before the hearing becomes a petition of the ventanilla (a radicado with
the legal term of a petition, in the coordinating dependencia's inbox), and the public page reads the published
answers by topic, linked to the action plan's goals, and the commitments with their progress."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import registro
from ventanilla import services as ventanilla
from ventanilla.models import Tipo

from .models import Compromiso, PreguntaRendicion, ProcesoRendicion, TemaRendicion

MAX_PREGUNTA = 2000


def codigos_de_metas(texto):
    """``"A8, i12"`` → ``["A8", "I12"]``."""
    return [c.upper() for c in re.split(r"[\s,;]+", texto or "") if c]


@transaction.atomic
def pregunta_enviar(*, proceso, tema, nombre, correo, pregunta, notificacion_electronica=True, ahora=None):
    """File a citizen's question as a petition (Ley 1755 art. 14 term, from ventanilla's ``TerminoLegal``) and
    keep it for publication with its answer. Returns ``(radicado, codigo)`` like ``radicado_crear``."""
    ahora = ahora or timezone.now()
    if not proceso.recibe_preguntas(timezone.localdate(ahora)):
        raise ValidationError(_("Este proceso de rendición de cuentas no está recibiendo preguntas."))
    if tema.proceso_id != proceso.pk:
        raise ValidationError(_("Elija uno de los temas de este proceso."))
    radicado, codigo = ventanilla.radicado_crear(
        tipo=Tipo.PETICION,
        asunto=_("Rendición de cuentas %(anio)s: %(tema)s") % {"anio": proceso.anio, "tema": tema.nombre},
        descripcion=pregunta,
        persona={
            "tipo_persona": "natural",
            "nombre": nombre,
            "correo": correo,
            "notificacion_electronica": notificacion_electronica,
        },
        dependencia=proceso.dependencia,
        ahora=ahora,
    )
    PreguntaRendicion.objects.create(
        proceso=proceso,
        tema=tema,
        radicado=radicado,
        dependencia=proceso.dependencia,
        pregunta=pregunta,
        recibida=ahora,
    )
    return radicado, codigo


@dataclass
class Tema:
    nombre: str
    preguntas: list = field(default_factory=list)


def pagina_del_proceso(proceso):
    """What the public page of a process shows: answers grouped by topic with their plan goals, the commitments
    and a few figures. A fixed number of queries whatever the number of questions."""
    preguntas = list(
        PreguntaRendicion.objects.publicadas()
        .filter(proceso=proceso)
        .select_related("tema")
        .only("pregunta", "respuesta", "metas", "respondida", "tema__nombre", "tema__orden")
        .order_by("tema__orden", "tema__pk", "respondida", "pk")
    )
    compromisos = list(
        proceso.compromisos.select_related("dependencia").only(
            "descripcion", "fecha_limite", "avance", "estado", "actualizado", "nota", "metas", "dependencia__nombre"
        )
    )
    codigos = {c for p in preguntas for c in codigos_de_metas(p.metas)}
    codigos |= {c for c in compromisos for c in codigos_de_metas(c.metas)}
    metas = registro.metas(sorted(codigos))
    temas = {}
    for p in preguntas:
        p.metas_del_plan = [metas[c] for c in codigos_de_metas(p.metas) if c in metas]
        temas.setdefault(p.tema_id, Tema(p.tema.nombre)).preguntas.append(p)
    for c in compromisos:
        c.metas_del_plan = [metas[m] for m in codigos_de_metas(c.metas) if m in metas]
    recibidas = proceso.preguntas.count()
    return {
        "temas": list(temas.values()),
        "compromisos": compromisos,
        "recibidas": recibidas,
        "publicadas": len(preguntas),
        "cumplidos": sum(1 for c in compromisos if c.estado == Compromiso.Estado.CUMPLIDO),
    }


def proceso_vigente(hoy=None):
    """The process to show first: one receiving questions, else the next hearing, else the latest one."""
    hoy = hoy or timezone.localdate()
    publicados = ProcesoRendicion.objects.publicados()
    return (
        publicados.filter(preguntas_abren__lte=hoy, preguntas_cierran__gte=hoy).first()
        or publicados.filter(audiencia__date__gte=hoy).order_by("audiencia").first()
        or publicados.first()
    )


def temas_de(proceso):
    return TemaRendicion.objects.filter(proceso=proceso)


# --- what other pages and the committee read ---------------------------------------------------------------


def cifras(desde=None, hasta=None):
    """For the committee's dashboard: questions received, answered and answered within the legal term (the
    radicado's own record), published, and commitments by state. Two queries."""
    from django.db.models import Count, Q

    preguntas = PreguntaRendicion.objects.all()
    if desde:
        preguntas = preguntas.filter(recibida__date__gte=desde)
    if hasta:
        preguntas = preguntas.filter(recibida__date__lt=hasta)
    fila = preguntas.aggregate(
        recibidas=Count("pk"),
        respondidas=Count("pk", filter=Q(radicado__respondida_en__isnull=False)),
        a_tiempo=Count("pk", filter=Q(radicado__respondida_a_tiempo=True)),
        publicadas=Count("pk", filter=Q(publicada=True)),
    )
    compromisos = dict(Compromiso.objects.order_by().values_list("estado").annotate(n=Count("pk")))
    fila["compromisos"] = {e.label: compromisos.get(e.value, 0) for e in Compromiso.Estado}
    fila["compromisos_total"] = sum(compromisos.values())
    return fila


def bloque_de_participacion():
    from django.urls import reverse

    proceso = proceso_vigente()
    if proceso is None:
        return None
    if proceso.recibe_preguntas():
        texto = _("Envíe su pregunta antes de la audiencia pública; se recibe hasta el %(fecha)s.") % {
            "fecha": f"{proceso.preguntas_cierran:%d/%m/%Y}"
        }
    else:
        texto = _("Las preguntas de la ciudadanía con sus respuestas, y los compromisos de la audiencia.")
    return {"titulo": _("Rendición de cuentas"), "texto": texto, "url": reverse("participa:rendicion"), "enlace": None}


def proximo_cambio(ahora):
    """When a process starts or stops receiving questions (its pages change then), as an aware datetime."""
    from datetime import datetime, time, timedelta

    hoy = timezone.localtime(ahora).date()
    publicados = ProcesoRendicion.objects.publicados()
    dias = list(publicados.filter(preguntas_abren__gt=hoy).values_list("preguntas_abren", flat=True))
    dias += [
        d + timedelta(days=1)
        for d in publicados.filter(preguntas_cierran__gte=hoy).values_list("preguntas_cierran", flat=True)
    ]
    return timezone.make_aware(datetime.combine(min(dias), time.min)) if dias else None
