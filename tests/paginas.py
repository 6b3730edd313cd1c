"""The public page types, one address each on the demo content, for the checks that walk them all (WCAG with
axe in the browser, the W3C checker)."""

from participa.models import ProcesoPlaneacion, ProcesoRendicion
from participa.rendicion import proceso_vigente
from portal.models import Evento, Noticia, SubseccionTransparencia
from servicios.models import Servicio
from tramites.models import Tramite


def paginas_publicas():
    return {
        "inicio": "/",
        "noticias": "/noticias/",
        "noticia": Noticia.objects.vigentes().first().get_absolute_url(),
        "tramites": "/tramites/",
        "tramite": Tramite.objects.vigentes().get(slug="certificado-de-residencia").get_absolute_url(),
        "servicios": "/servicios/",
        "servicio": Servicio.objects.vigentes().first().get_absolute_url(),
        "transparencia": "/transparencia/",
        "subseccion": SubseccionTransparencia.objects.get(numero="2.1").get_absolute_url(),
        "eventos": "/eventos/",
        "evento": Evento.objects.proximos().first().get_absolute_url(),
        "municipio": "/municipio/",
        "alcaldia": "/alcaldia/",
        "directorio": "/directorio/",
        "atencion": "/atencion/",
        "dependencia": "/dependencias/secretaria-de-gobierno/",
        "buscar": "/buscar/?q=predial",
        "buscar_sin_resultados": "/buscar/?q=pasaporte",
        "mapa": "/mapa-del-sitio/",
        "politica": "/politicas/tratamiento-de-datos-personales/",
        "participa": "/participa/",
        "consultas": "/participa/consultas/",
        "consulta_abierta": "/participa/consultas/proyecto-acuerdo-plasticos-un-solo-uso/",
        "consulta_comentar": "/participa/consultas/proyecto-acuerdo-plasticos-un-solo-uso/comentar/",
        "consulta_cerrada": "/participa/consultas/proyecto-decreto-horario-atencion-ventanilla/",
        "consulta_respuestas": "/participa/consultas/proyecto-decreto-horario-atencion-ventanilla/respuestas/",
        "rendicion": "/participa/rendicion-de-cuentas/",
        "rendicion_proceso": ProcesoRendicion.objects.publicados().order_by("anio").first().get_absolute_url(),
        "rendicion_preguntar": f"{proceso_vigente().get_absolute_url()}preguntar/",
        "presupuesto": "/participa/presupuesto-participativo/",
        "presupuesto_proceso": ProcesoPlaneacion.objects.publicados().first().get_absolute_url(),
        "no_encontrada": "/esta-pagina-no-existe/",
    }
