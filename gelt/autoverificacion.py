"""The portal's self-check of GEL criteria: for every criterion it can verify by itself, a function proposes
the status and says what evidence it found. The committee confirms or overrides the proposal.

Each check answers ``(resultado, evidencia)`` from the public data only, through the query functions each
app owns.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

import participa.consultas_metrics
import portal.metrics
import servicios.metrics
import tramites.metrics
import ventanilla.metrics

from . import encuesta, participacion
from .models import Plan, Resultado


@dataclass(frozen=True)
class Verificacion:
    que_mira: str
    funcion: object


def _si(condicion, si, no, parcial=None):
    if condicion is True:
        return Resultado.CUMPLE, si
    if parcial:
        return Resultado.PARCIAL, parcial
    return Resultado.NO_CUMPLE, no


def _ruta(nombre):
    try:
        return reverse(nombre)
    except NoReverseMatch:
        return None


def _institucional(clave, nombre):
    publicada = portal.metrics.seccion_institucional_publicada("alcaldia", clave)
    return _si(
        publicada, f"{nombre} publicado en {_ruta('portal:alcaldia')}.", f"{nombre} sin publicar en /alcaldia/."
    )


def _mision_vision():
    mision = portal.metrics.seccion_institucional_publicada("alcaldia", "mision")
    vision = portal.metrics.seccion_institucional_publicada("alcaldia", "vision")
    return _si(
        mision and vision,
        "Misión y visión publicadas en /alcaldia/.",
        "Ni la misión ni la visión están publicadas.",
        parcial="Solo una de las dos (misión o visión) está publicada." if mision or vision else None,
    )


def _directorio(clave, nombre):
    cantidad = portal.metrics.directorio()[clave]
    return _si(cantidad > 0, f"{cantidad} {nombre} en /directorio/.", f"El directorio no lista {nombre}.")


def _noticias_del_mes():
    inicio = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    cantidad = portal.metrics.noticias_publicadas_desde(inicio)
    return _si(cantidad > 0, f"{cantidad} noticias publicadas este mes.", "Ninguna noticia publicada este mes.")


def _eventos():
    cantidad = portal.metrics.eventos_proximos()
    return _si(cantidad > 0, f"{cantidad} eventos próximos en /eventos/.", "No hay eventos próximos publicados.")


def _fichas(metricas, nombre):
    datos = metricas.metricas()
    if not datos.identificadas:
        return Resultado.NO_CUMPLE, f"No hay {nombre} identificados en el portal."
    evidencia = f"{datos.publicadas} de {datos.identificadas} {nombre} publicados ({datos.porcentaje_publicadas} %)."
    return _si(
        datos.publicadas == datos.identificadas, evidencia, evidencia, parcial=evidencia if datos.publicadas else None
    )


def _en_linea():
    """Trámites that are really done online: requested in this portal (the ficha's own form), not a ficha that
    merely says "totalmente en línea" with an address elsewhere."""
    en_el_portal = tramites.metrics.solicitables_en_linea()
    if en_el_portal:
        return (
            Resultado.CUMPLE,
            f"Trámites que se solicitan en línea en el portal, de principio a fin: {en_el_portal}.",
        )
    datos = tramites.metrics.metricas()
    if datos.automatizadas:
        return (
            Resultado.PARCIAL,
            f"{datos.automatizadas} fichas dicen «totalmente en línea», pero ninguna se solicita en este portal.",
        )
    return Resultado.NO_CUMPLE, "Ningún trámite se hace totalmente en línea."


def _certificados():
    cifras = ventanilla.metrics.transacciones()
    return _si(
        cifras["certificados"] > 0,
        f"Certificados expedidos con código de verificación en {_ruta('ventanilla:verificar')}: "
        f"{cifras['certificados']}.",
        "Aún no se ha expedido ningún certificado verificable.",
    )


def _notificacion():
    cifras = ventanilla.metrics.transacciones()
    return _si(
        cifras["notificadas"] > 0,
        f"Respuestas notificadas por medios electrónicos, con la fecha en que se abrieron: {cifras['notificadas']}.",
        "Ninguna respuesta se ha notificado electrónicamente todavía.",
    )


def _seguimiento():
    cifras = ventanilla.metrics.transacciones()
    return _si(
        cifras["solicitudes"] > 0,
        f"Solicitudes de trámites en línea que se siguen por radicado en {_ruta('ventanilla:consulta')}: "
        f"{cifras['solicitudes']} ({cifras['resueltas']} resueltas).",
        "Aún no hay solicitudes de trámites en línea que seguir.",
    )


def _busqueda():
    entradas = portal.metrics.entradas_de_busqueda()
    return _si(entradas > 0, f"El buscador /buscar/ indexa {entradas} páginas.", "El índice de búsqueda está vacío.")


def _rss():
    cantidad = portal.metrics.noticias_publicadas_desde(timezone.now() - timezone.timedelta(days=365))
    return _si(
        cantidad > 0, f"/noticias/feed/ publica {cantidad} noticias del último año.", "El RSS de noticias está vacío."
    )


def _politica(slug, nombre):
    publicada = portal.metrics.politica_publicada(slug)
    return _si(publicada, f"{nombre} publicada en /politicas/{slug}/.", f"{nombre} sin publicar.")


def _correo_notificaciones():
    correo = portal.metrics.identidad().correo_notificaciones_judiciales
    return _si(bool(correo), f"{correo} aparece en el pie de página.", "Falta el correo de notificaciones judiciales.")


def _identidad_pie():
    municipio = portal.metrics.identidad()
    campos = {
        "dirección": municipio.direccion,
        "horario": municipio.horario_atencion,
        "teléfono": municipio.telefono,
        "correo institucional": municipio.correo_institucional,
        "correo de notificaciones judiciales": municipio.correo_notificaciones_judiciales,
    }
    faltan = [nombre for nombre, valor in campos.items() if not valor]
    return _si(
        not faltan,
        "El pie de página tiene dirección, horario, teléfono y correos.",
        "Faltan en el pie de página: " + ", ".join(faltan) + ".",
        parcial=("Faltan en el pie de página: " + ", ".join(faltan) + ".") if len(faltan) < len(campos) else None,
    )


def _contacto():
    municipio = portal.metrics.identidad()
    return _si(
        bool(municipio.telefono and municipio.correo_institucional),
        "Teléfono y correo institucional publicados en /atencion/.",
        "Falta el teléfono o el correo institucional.",
    )


def _transparencia():
    llenas, total = portal.metrics.subsecciones_de_transparencia()
    evidencia = f"{llenas} de {total} subsecciones de Transparencia tienen información."
    return _si(llenas == total, evidencia, evidencia, parcial=evidencia if llenas * 2 >= total else None)


def _documentos(numero, nombre):
    cantidad = portal.metrics.documentos_en_subseccion(numero)
    return _si(
        cantidad > 0, f"{cantidad} documentos en {numero} ({nombre}).", f"No hay documentos en {numero} ({nombre})."
    )


def _datos_abiertos():
    publicadas = tramites.metrics.metricas().publicadas + servicios.metrics.metricas().publicadas
    return _si(
        publicadas > 0,
        f"/datos/tramites.json y /datos/servicios.json publican {publicadas} fichas.",
        "Los conjuntos de datos abiertos están vacíos.",
    )


def _comite_y_plan():
    plan = Plan.objects.vigente()
    return _si(plan is not None, f"Plan vigente: {plan}." if plan else "", "No hay un plan de acción vigente.")


def _pqrsd():
    cifras = ventanilla.metrics.funciona_en_linea()
    ruta = _ruta("ventanilla:nueva")
    if not ruta:
        return Resultado.NO_CUMPLE, "No hay formulario de PQRSD en el portal."
    evidencia = (
        f"Formulario en {ruta} con número de radicado y consulta en {_ruta('ventanilla:consulta')}; "
        f"{cifras['web']} PQRSD radicadas por el portal, {cifras['respondidas']} respondidas."
    )
    return _si(
        cifras["web"] > 0, evidencia, "El formulario existe, pero aún no se ha radicado ninguna PQRSD por el portal."
    )


def _estado_tramite():
    cifras = ventanilla.metrics.funciona_en_linea()
    if cifras["web"] == 0:
        return Resultado.NO_CUMPLE, "Aún no hay solicitudes en línea cuyo estado se pueda consultar."
    return (
        Resultado.PARCIAL,
        "El estado de las PQRSD (también las peticiones sobre un trámite) se consulta en línea con el radicado; "
        "los trámites todavía no se solicitan en línea.",
    )


def _alertas():
    cifras = ventanilla.metrics.funciona_en_linea()
    if cifras["web"] == 0:
        return Resultado.NO_CUMPLE, "El portal no envía avisos a la ciudadanía."
    return (
        Resultado.PARCIAL,
        "Quien presenta una PQRSD recibe por correo el acuse, los pedidos de información, las prórrogas y la "
        "respuesta; no hay suscripción a alertas de otros temas.",
    )


def _consultas_en_linea():
    cifras = participa.consultas_metrics.en_linea()
    ruta = _ruta("participa:consultas")
    return _si(
        cifras["consultas"] > 0,
        f"Proyectos de normas publicados para comentarios en {ruta}: {cifras['consultas']}.",
        "Ningún proyecto de norma se ha publicado para comentarios en el portal.",
    )


def _deliberacion():
    cifras = participa.consultas_metrics.en_linea()
    return _si(
        cifras["con_comentarios_publicados"] > 0,
        f"Comentarios de la ciudadanía publicados sobre los proyectos de normas, por artículo: "
        f"{cifras['comentarios_publicados']} en {cifras['con_comentarios_publicados']} consulta(s).",
        "Aún no hay comentarios publicados en las consultas de proyectos de normas.",
        parcial=(
            "Hay consultas publicadas, pero aún sin comentarios publicados: la deliberación se limita a las "
            "consultas de normas."
            if cifras["consultas"]
            else None
        ),
    )


def _aportes_respondidos():
    cifras = participa.consultas_metrics.en_linea()
    return _si(
        cifras["con_matriz"] > 0,
        f"Matrices de observaciones y respuestas publicadas (qué se hizo con cada comentario y la versión final): "
        f"{cifras['con_matriz']}.",
        "Ninguna consulta tiene publicada su matriz de observaciones y respuestas.",
    )


VERIFICACIONES = {
    "organigrama": Verificacion(
        "El organigrama publicado en la página de la alcaldía.", lambda: _institucional("organigrama", "Organigrama")
    ),
    "mision_vision": Verificacion("La misión y la visión publicadas en la página de la alcaldía.", _mision_vision),
    "directorio_funcionarios": Verificacion(
        "Servidores públicos en el directorio.", lambda: _directorio("funcionarios", "servidores públicos")
    ),
    "directorio_entidades": Verificacion("Entidades en el directorio.", lambda: _directorio("entidades", "entidades")),
    "directorio_agremiaciones": Verificacion(
        "Agremiaciones y asociaciones en el directorio.", lambda: _directorio("agremiaciones", "agremiaciones")
    ),
    "noticias_del_mes": Verificacion("Noticias publicadas en el mes en curso.", _noticias_del_mes),
    "calendario_eventos": Verificacion("Eventos próximos en el calendario.", _eventos),
    "tramites_publicados": Verificacion(
        "Trámites identificados que están publicados.", lambda: _fichas(tramites.metrics, "trámites")
    ),
    "servicios_publicados": Verificacion(
        "Servicios identificados que están publicados.", lambda: _fichas(servicios.metrics, "servicios")
    ),
    "tramites_en_linea": Verificacion("Trámites que se hacen totalmente en línea.", _en_linea),
    "pqrsd_radicado": Verificacion("PQRSD radicadas en el portal y consulta de su estado.", _pqrsd),
    "estado_tramite_en_linea": Verificacion("Consulta en línea del estado de una solicitud.", _estado_tramite),
    "alertas": Verificacion("Avisos por correo a quienes presentan una solicitud.", _alertas),
    "certificados_verificables": Verificacion("Certificados expedidos con verificación pública.", _certificados),
    "notificacion_electronica": Verificacion("Respuestas notificadas electrónicamente.", _notificacion),
    "seguimiento_transacciones": Verificacion("Solicitudes de trámites en línea con seguimiento.", _seguimiento),
    "busqueda": Verificacion("El índice del buscador interno tiene contenido.", _busqueda),
    "rss": Verificacion("El RSS de noticias tiene noticias del último año.", _rss),
    "mapa_del_sitio": Verificacion(
        "El mapa del sitio existe y está enlazado desde el pie de página.",
        lambda: _si(
            _ruta("portal:mapa_del_sitio") is not None, "Mapa del sitio en /mapa-del-sitio/ y /sitemap.xml.", ""
        ),
    ),
    "politica_datos": Verificacion(
        "La política de tratamiento de datos personales publicada.",
        lambda: _politica("tratamiento-de-datos-personales", "Política de tratamiento de datos"),
    ),
    "terminos": Verificacion(
        "Los términos y condiciones publicados.", lambda: _politica("terminos-y-condiciones", "Términos y condiciones")
    ),
    "accesibilidad": Verificacion(
        "La política de accesibilidad publicada.", lambda: _politica("accesibilidad", "Política de accesibilidad")
    ),
    "correo_notificaciones": Verificacion(
        "El correo de notificaciones judiciales en el pie de página.", _correo_notificaciones
    ),
    "identidad_pie": Verificacion("Los datos de la entidad en el pie de página.", _identidad_pie),
    "contacto": Verificacion("Teléfono y correo de contacto publicados.", _contacto),
    "transparencia": Verificacion("Subsecciones de Transparencia con información.", _transparencia),
    "normatividad": Verificacion(
        "Documentos en 2.1 Normativa de la entidad.", lambda: _documentos("2.1", "normativa")
    ),
    "presupuesto": Verificacion("Documentos en 4.1 Presupuesto.", lambda: _documentos("4.1", "presupuesto")),
    "empalme_documento": Verificacion(
        "Documento en 4.5 Informes de empalme.", lambda: _documentos("4.5", "informes de empalme")
    ),
    "datos_abiertos": Verificacion("Fichas publicadas en los conjuntos de datos abiertos.", _datos_abiertos),
    "gov_co": Verificacion(
        "La barra GOV.CO con enlace a www.gov.co en todas las páginas (plantilla base del portal).",
        lambda: (Resultado.CUMPLE, "La plantilla base muestra la barra GOV.CO en todas las páginas."),
    ),
    "comite_y_plan": Verificacion("Un plan de acción GEL vigente registrado por el comité.", _comite_y_plan),
    "consultas_en_linea": Verificacion(
        "Proyectos de normas publicados en línea para recibir comentarios.", _consultas_en_linea
    ),
    "deliberacion": Verificacion("Comentarios de la ciudadanía publicados sobre los proyectos.", _deliberacion),
    "aportes_respondidos": Verificacion(
        "La respuesta publicada a cada comentario de una consulta (matriz de observaciones).", _aportes_respondidos
    ),
    "encuesta": Verificacion(
        "Una encuesta sobre el portal abierta este año con respuestas de la ciudadanía.",
        lambda: encuesta.autoverificacion(),
    ),
    # Democracy (DEM-01, DEM-03, DEM-04, DEM-06): from participa's data.
    **{clave: Verificacion(que_mira, funcion) for clave, (que_mira, funcion) in participacion.VERIFICACIONES.items()},
}


def verificar(clave):
    """``(resultado, evidencia)`` for a check key, or None when the portal cannot check it (yet)."""
    verificacion = VERIFICACIONES.get(clave)
    return verificacion.funcion() if verificacion else None
