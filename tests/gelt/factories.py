"""Rows the gelt tests need from other apps, built the way those apps leave them."""


def crear_visitas(dia, *, vistas, visitantes, ruta="/"):
    """What ``portal.visitas.volcar`` leaves in the database for ``dia``: a page's views and its visitors."""
    from portal.models import VisitaDiaria, VisitanteDiario

    VisitaDiaria.objects.create(dia=dia, ruta=ruta, dispositivo="movil", vistas=vistas)
    VisitanteDiario.objects.bulk_create(
        [VisitanteDiario(dia=dia, huella=f"{dia:%Y%m%d}{ruta}{i}") for i in range(visitantes)]
    )
