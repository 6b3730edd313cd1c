"""Registrations of the annual website survey with the portal (moved from ``gelt.apps``)."""

from portal import registro
from portal.demo import registrar

from .encuesta import bloque_de_participacion, resultados_en_transparencia
from .encuesta_demo import cargar_encuestas
from .models import Encuesta

registrar(cargar_encuestas, orden=45)
registro.registrar_participacion(bloque_de_participacion)
# The Participa page changes when a survey opens or closes.
registro.registrar_momento_de_cambio(Encuesta.objects.proximo_cambio)
# The survey evaluates the website (the plan's action "Evaluar anualmente la información de la página"): its
# published results are an evaluation report, Resolución 1519 §4.7.
registro.registrar_publicacion_derivada("4.7", resultados_en_transparencia)
