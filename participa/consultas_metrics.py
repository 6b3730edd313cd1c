"""Figures of the consultations for the committee's dashboard and the GEL self-check (read by ``gelt``; this app
never imports it). Counts only, never a commenter's data."""

from datetime import datetime, time

from django.db.models import Count, Q
from django.utils import timezone

from .models import Comentario, Consulta


def _anio(anio):
    desde = timezone.make_aware(datetime(anio, 1, 1))
    hasta = timezone.make_aware(datetime.combine(datetime(anio, 12, 31), time.max))
    return desde, hasta


def cifras(anio: int):
    """The year's participation in consultations (by the day each comment arrived): received, published,
    rejected, answered, waiting for moderation; and the consultations that opened that year, with how many
    have their answer matrix published."""
    desde, hasta = _anio(anio)
    comentarios = Comentario.objects.filter(recibido__range=(desde, hasta)).aggregate(
        recibidos=Count("pk"),
        publicados=Count("pk", filter=Q(estado=Comentario.Estado.PUBLICADO)),
        rechazados=Count("pk", filter=Q(estado=Comentario.Estado.RECHAZADO)),
        por_moderar=Count("pk", filter=Q(estado=Comentario.Estado.PENDIENTE)),
        respondidos=Count("pk", filter=Q(estado=Comentario.Estado.PUBLICADO) & ~Q(sentido="")),
    )
    ahora = timezone.now()
    consultas = (
        Consulta.objects.vigentes(ahora)
        .filter(abre__range=(desde, hasta))
        .aggregate(
            publicadas=Count("pk"),
            abiertas=Count("pk", filter=Q(abre__lte=ahora, cierra__gt=ahora)),
            cerradas=Count("pk", filter=Q(cierra__lte=ahora)),
            con_matriz=Count("pk", filter=Q(respuestas_publicadas_en__isnull=False)),
        )
    )
    return {**comentarios, **consultas}


def en_linea():
    """For the self-check (all time): consultations published, with published comments, answered matrices."""
    vigentes = Consulta.objects.vigentes()
    return {
        "consultas": vigentes.count(),
        "con_comentarios_publicados": vigentes.filter(comentarios__estado=Comentario.Estado.PUBLICADO)
        .distinct()
        .count(),
        "con_matriz": vigentes.filter(respuestas_publicadas_en__isnull=False).count(),
        "comentarios_publicados": Comentario.objects.filter(
            estado=Comentario.Estado.PUBLICADO, consulta__in=vigentes
        ).count(),
    }
