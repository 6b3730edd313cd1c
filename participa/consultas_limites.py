"""Per-connection limit on comments: the ventanilla's limiter (``ventanilla.limites``) with its own action and
setting (``CONSULTAS_COMENTARIOS_POR_CLIENTE``). Read before the person starts (the form says so at the top)
and checked again on sending, where the filled form comes back."""

from datetime import timedelta

from ventanilla import limites

ACCION = "comentar"
limites.registrar(ACCION, ventana=timedelta(hours=24), ajuste="CONSULTAS_COMENTARIOS_POR_CLIENTE")

MENSAJE_LIMITE = (
    "Desde esta conexión ya se enviaron muchos comentarios hoy, así que no podemos recibir más por el portal "
    "hasta mañana. Si comparte la conexión (un café internet, un colegio), entregue su comentario por escrito "
    "en la ventanilla de la alcaldía: cuenta igual."
)


def agotado(direccion, ahora=None):
    return limites.agotado(ACCION, direccion, ahora)


def contar(direccion, ahora=None):
    limites.contar(ACCION, direccion, ahora)
