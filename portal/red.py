"""Who is asking: the client's address as seen through the reverse proxies the deployment trusts."""

from django.conf import settings


def direccion_del_cliente(request):
    """The client's address. Behind ``VISITAS_PROXIES_DE_CONFIANZA`` proxies, the entry of X-Forwarded-For
    that the closest trusted proxy added (the ones further left could be forged by the client)."""
    proxies = int(getattr(settings, "VISITAS_PROXIES_DE_CONFIANZA", 0) or 0)
    if proxies:
        reenviadas = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
        if len(reenviadas) >= proxies:
            return reenviadas[-proxies]
    return request.META.get("REMOTE_ADDR", "")
