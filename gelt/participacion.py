"""What the committee reads of participation (``participa``): the plan goals that accountability answers cite
(registered with ``portal.registro.registrar_metas`` so participa never imports gelt), the dashboard's
participation figures and the self-check of the democracy criteria."""

from .models import Accion, Indicador, Plan


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
