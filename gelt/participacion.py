"""What the committee reads of participation (``participa``): the plan goals that accountability answers cite
(registered with ``portal.registro.registrar_metas`` so participa never imports gelt), the dashboard's
participation figures and the self-check of the democracy criteria."""

from .models import Accion, Indicador, Plan, Resultado


def metas_publicas(codigos):
    """``{"A8": {"etiqueta", "url"}, "I12": {…}}`` for the codes of the active plan (two small queries)."""
    acciones = {int(c[1:]) for c in codigos if c.startswith("A") and c[1:].isdigit()}
    indicadores = {int(c[1:]) for c in codigos if c.startswith("I") and c[1:].isdigit()}
    resultado = {}
    if acciones:
        plan = Plan.objects.filter(activo=True).order_by("-anio_inicio").values_list("pk", flat=True)[:1]
        for orden, nombre in Accion.objects.filter(plan__in=plan, orden__in=acciones).values_list("orden", "nombre"):
            resultado[f"A{orden}"] = {"etiqueta": f"Acción {orden} del plan de acción GEL: {nombre}", "url": ""}
    if indicadores:
        for pk, nombre in Indicador.objects.filter(pk__in=indicadores).values_list("pk", "nombre"):
            resultado[f"I{pk}"] = {"etiqueta": f"Indicador: {nombre}", "url": ""}
    return resultado


# --- the dashboard -----------------------------------------------------------------------------------------


def cifras_del_tablero(anio):
    """Accountability questions received in ``anio`` (answered, answered within the term, published) and the
    commitments by state; proposals and votes per territory of the latest participatory budget. Five queries."""
    from datetime import date

    from participa import planeacion, rendicion

    return {
        "rendicion": rendicion.cifras(date(anio, 1, 1), date(anio + 1, 1, 1)),
        "planeacion": planeacion.cifras(),
    }


# --- the self-check (criteria linked to these keys by migration 0013) --------------------------------------


def _politica():
    from portal.models import Politica
    from portal.views import POLITICA_DE_PARTICIPACION

    politica = Politica.objects.publicadas().filter(slug=POLITICA_DE_PARTICIPACION).first()
    if politica is None:
        return Resultado.NO_CUMPLE, "La política de participación por medios electrónicos no está publicada."
    return Resultado.CUMPLE, f"Política publicada en {politica.get_absolute_url()} y enlazada desde /participa/."


def _planeacion():
    from participa.models import ProcesoPlaneacion, Propuesta, Voto, VotoActa

    proceso = ProcesoPlaneacion.objects.publicados().first()
    if proceso is None:
        return Resultado.NO_CUMPLE, "No hay un proceso de presupuesto participativo publicado en el portal."
    propuestas = Propuesta.objects.filter(proceso=proceso).count()
    votos = Voto.objects.filter(proceso=proceso).count()
    presenciales = sum(VotoActa.objects.filter(acta__proceso=proceso).values_list("votos", flat=True))
    evidencia = (
        f"{proceso.titulo}: {propuestas} propuestas, {votos} votos en línea y {presenciales} en asambleas "
        f"({proceso.get_absolute_url()})."
    )
    if propuestas and votos:
        return Resultado.CUMPLE, evidencia
    return Resultado.PARCIAL, evidencia + " Aún sin propuestas o sin votos en línea."


def _rendicion():
    from participa.models import PreguntaRendicion, ProcesoRendicion

    proceso = ProcesoRendicion.objects.publicados().first()
    if proceso is None:
        return Resultado.NO_CUMPLE, "No hay un proceso de rendición de cuentas publicado en el portal."
    preguntas = PreguntaRendicion.objects.filter(proceso__publicado=True)
    recibidas, publicadas = preguntas.count(), preguntas.filter(publicada=True).count()
    evidencia = (
        f"Convocatoria y fechas en {proceso.get_absolute_url()}; {recibidas} preguntas recibidas en línea "
        f"(radicadas como peticiones), {publicadas} respondidas públicamente"
        + ("; con transmisión." if proceso.transmision else "; sin enlace de transmisión.")
    )
    if recibidas and publicadas and ProcesoRendicion.objects.publicados().exclude(transmision="").exists():
        return Resultado.CUMPLE, evidencia
    return Resultado.PARCIAL, evidencia


def _control_social():
    from participa.models import Compromiso, PreguntaRendicion

    compromisos = Compromiso.objects.filter(proceso__publicado=True)
    if not compromisos.exists():
        return Resultado.NO_CUMPLE, "No hay compromisos de rendición de cuentas publicados con su avance."
    enlazadas = PreguntaRendicion.objects.publicadas().exclude(metas="").count()
    evidencia = (
        f"{compromisos.count()} compromisos publicados con su avance, responsable y fecha; "
        f"{enlazadas} respuestas enlazadas a metas del plan."
    )
    return (Resultado.CUMPLE if enlazadas else Resultado.PARCIAL), evidencia


VERIFICACIONES = {
    "politica_participacion": ("La política de participación por medios electrónicos publicada.", _politica),
    "planeacion_participativa": ("Un presupuesto participativo con propuestas y votos en línea.", _planeacion),
    "rendicion_en_linea": ("Rendición de cuentas convocada, transmitida y con preguntas en línea.", _rendicion),
    "control_social": ("Compromisos de la audiencia con su avance y respuestas ligadas al plan.", _control_social),
}
