"""Models of the site core, one module per subject; imported here so ``portal.models.X`` keeps working."""

from .auditoria import Cambio, CambioInmutable
from .busqueda import ConsultaBusqueda, EntradaBusqueda, PalabraBusqueda, Sinonimo
from .documentos import Documento
from .eventos import Evento
from .identidad import (
    Dependencia,
    Funcionario,
    ImageField,
    Municipio,
    Politica,
    RedSocial,
    URLField,
    Usuario,
    validar_linea,
    validar_telefono,
)
from .institucional import EntidadDirectorio, SeccionInstitucional
from .noticias import Categoria, Noticia
from .publicacion import Estado, Publicable, PublicableQuerySet
from .situaciones import SituacionDeVida
from .tareas import TareaEnCola, TareaPeriodica
from .transparencia import SeccionTransparencia, SubseccionTransparencia
from .visitas import (
    Dispositivo,
    ProcedenciaDiaria,
    SalDiaria,
    VisitaDiaria,
    VisitanteDiario,
    VolcadoDeVisitas,
)

__all__ = [
    "Cambio",
    "CambioInmutable",
    "Categoria",
    "ConsultaBusqueda",
    "PalabraBusqueda",
    "EntradaBusqueda",
    "Sinonimo",
    "Dependencia",
    "Dispositivo",
    "Documento",
    "EntidadDirectorio",
    "Estado",
    "Evento",
    "Funcionario",
    "ImageField",
    "Municipio",
    "Noticia",
    "Politica",
    "Publicable",
    "PublicableQuerySet",
    "RedSocial",
    "SalDiaria",
    "SeccionInstitucional",
    "SeccionTransparencia",
    "SituacionDeVida",
    "SubseccionTransparencia",
    "TareaEnCola",
    "TareaPeriodica",
    "URLField",
    "Usuario",
    "ProcedenciaDiaria",
    "VisitaDiaria",
    "VisitanteDiario",
    "VolcadoDeVisitas",
    "validar_linea",
    "validar_telefono",
]
