"""Background jobs (placeholder until the durable queue lands: sends after commit, never failing the save)."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction


def enviar_correo(*, para, asunto, texto, html=None, responder_a=None):
    def enviar():
        mensaje = EmailMultiAlternatives(
            asunto, texto, None, list(para), reply_to=[responder_a] if responder_a else None
        )
        if html:
            mensaje.attach_alternative(html, "text/html")
        mensaje.send(fail_silently=True)

    transaction.on_commit(enviar)


def ejecutar_pendientes(limite=None):
    return 0
