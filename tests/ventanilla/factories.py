from ventanilla import services
from ventanilla.models import Tipo

PERSONA = {
    "tipo_persona": "natural",
    "tipo_documento": "CC",
    "numero_documento": "1085123456",
    "nombre": "Rosa Elena Chávez",
    "correo": "rosa@example.com",
    "direccion": "",
    "telefono": "3124567890",
    "notificacion_electronica": True,
}


def radicar(**campos):
    datos = {
        "tipo": Tipo.PETICION,
        "asunto": "Arreglo del camino veredal",
        "descripcion": "El camino a la vereda Las Mesas está intransitable.",
        "persona": dict(PERSONA),
        **campos,
    }
    return services.radicado_crear(**datos)
