"""Demo content for `python manage.py cargar_demo`.

Each app adds its own loader with ``registrar`` from its ``AppConfig.ready``, so this module never imports
the apps above ``portal``. Loaders are idempotent: running them twice leaves the same content.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils.text import slugify

from . import roles
from .models import Dependencia, Funcionario, Municipio, Usuario

_cargadores = []


@dataclass
class Resultado:
    """What a run created or changed, for the command's output."""

    lineas: list = field(default_factory=list)
    # What a new user needs to read after every run (e.g. an address to try), printed at any verbosity.
    avisos: list = field(default_factory=list)

    def anotar(self, texto):
        self.lineas.append(texto)

    def avisar(self, texto):
        self.avisos.append(texto)


def registrar(cargador, orden=100):
    """Add ``cargador(resultado, contrasena)`` to the demo loaders (lower ``orden`` runs first)."""
    if all(c is not cargador for _, c in _cargadores):
        _cargadores.append((orden, cargador))
        _cargadores.sort(key=lambda item: item[0])


def cargadores():
    return [cargador for _, cargador in _cargadores]


DEPENDENCIAS = [
    (
        "Despacho del Alcalde",
        Dependencia.Tipo.CENTRAL,
        "Alcalde Municipal",
        "Dirige la acción administrativa del municipio, representa legalmente a la entidad y coordina a las "
        "secretarías para cumplir el plan de desarrollo.",
    ),
    (
        "Secretaría de Gobierno",
        Dependencia.Tipo.CENTRAL,
        "Secretario de Gobierno",
        "Orden público, convivencia y seguridad ciudadana; certificados de residencia; permisos para "
        "espectáculos públicos; atención a víctimas y participación comunitaria.",
    ),
    (
        "Secretaría de Hacienda",
        Dependencia.Tipo.CENTRAL,
        "Secretario de Hacienda",
        "Recaudo del impuesto predial unificado y de industria y comercio, paz y salvos, presupuesto, "
        "contabilidad y tesorería del municipio.",
    ),
    (
        "Secretaría de Planeación e Infraestructura",
        Dependencia.Tipo.CENTRAL,
        "Secretario de Planeación",
        "Plan de desarrollo, banco de proyectos, estratificación, nomenclatura, usos del suelo, licencias de "
        "construcción y obras públicas.",
    ),
    (
        "Secretaría de Desarrollo Social",
        Dependencia.Tipo.CENTRAL,
        "Secretaria de Desarrollo Social",
        "Programas sociales para la niñez, la juventud, las personas mayores, las mujeres y las personas con "
        "discapacidad; inscripción a programas del Estado.",
    ),
    (
        "Comisaría de Familia",
        Dependencia.Tipo.CENTRAL,
        "Comisario de Familia",
        "Prevención y atención de la violencia intrafamiliar, medidas de protección y conciliación en asuntos "
        "de familia.",
    ),
    (
        "Inspección de Policía",
        Dependencia.Tipo.CENTRAL,
        "Inspector de Policía",
        "Convivencia ciudadana, querellas, comportamientos contrarios a la convivencia y diligencias de policía.",
    ),
    (
        "UMATA",
        Dependencia.Tipo.CENTRAL,
        "Director de la UMATA",
        "Unidad Municipal de Asistencia Técnica Agropecuaria: asistencia técnica a productores, registro de "
        "marcas de ganado y proyectos productivos rurales.",
    ),
    (
        "Control Interno",
        Dependencia.Tipo.CENTRAL,
        "Jefe de Control Interno",
        "Evalúa el sistema de control interno, hace seguimiento a los planes de mejoramiento y acompaña a los "
        "entes de control.",
    ),
    (
        "Centro de Salud (ESE)",
        Dependencia.Tipo.DESCENTRALIZADA,
        "Gerente de la ESE",
        "Empresa Social del Estado que presta los servicios de salud de primer nivel en el municipio.",
    ),
    (
        "Empresa de Servicios Públicos",
        Dependencia.Tipo.DESCENTRALIZADA,
        "Gerente",
        "Presta los servicios de acueducto, alcantarillado y aseo en la cabecera municipal.",
    ),
]

USUARIOS = [
    # username, first name, last name, group, superuser, dependencia, cargo
    ("admin", "Administración", "del Portal", roles.ADMINISTRADOR, True, None, ""),
    (
        "funcionario",
        "Laura",
        "Muñoz (demo)",
        roles.FUNCIONARIO,
        False,
        "Secretaría de Gobierno",
        "Profesional universitaria",
    ),
    (
        "comite",
        "Carlos",
        "Benavides (demo)",
        roles.COMITE,
        False,
        "Secretaría de Planeación e Infraestructura",
        "Líder del Comité GEL-T",
    ),
]


def cargar_portal(resultado, contrasena):
    municipio = Municipio.objects.actual()
    # Demo contact data only fills what the administrator left empty.
    for campo, valor in {
        "telefono": "+57 602 000 0000",
        "linea_gratuita": "01 8000 000 000",
        "linea_anticorrupcion": "01 8000 000 001",
        "codigo_postal": "520001",
    }.items():
        if not getattr(municipio, campo):
            setattr(municipio, campo, valor)
    municipio.aviso_demostracion = True
    municipio.save()

    for orden, (nombre, tipo, cargo, descripcion) in enumerate(DEPENDENCIAS, start=1):
        slug = slugify(nombre)
        _dependencia, creada = Dependencia.objects.update_or_create(
            slug=slug,
            defaults={
                "nombre": nombre,
                "tipo": tipo,
                "cargo_responsable": cargo,
                "descripcion": descripcion,
                "correo": f"{slug[:40]}@demo.invalid",
                "orden": orden,
                "es_demo": True,
            },
        )
        if creada:
            resultado.anotar(f"Dependencia creada: {nombre}")

    for username, nombre, apellido, grupo, superusuario, dependencia, cargo in USUARIOS:
        usuario, creado = Usuario.objects.get_or_create(
            username=username,
            defaults={"first_name": nombre, "last_name": apellido, "email": f"{username}@demo.invalid"},
        )
        usuario.is_staff = True
        usuario.is_active = True
        usuario.is_superuser = superusuario
        if creado or contrasena.nueva:
            usuario.set_password(contrasena.valor)
        usuario.save()
        usuario.groups.add(Group.objects.get(name=grupo))
        if dependencia:
            Funcionario.objects.update_or_create(
                usuario=usuario,
                dependencia=Dependencia.objects.get(nombre=dependencia),
                defaults={"cargo": cargo},
            )
        if creado:
            resultado.anotar(f"Usuario creado: {username} ({grupo})")
        elif contrasena.nueva:
            resultado.anotar(f"Contraseña actualizada: {username}")


registrar(cargar_portal, orden=10)

# The other loaders register themselves when imported.
from . import demo_contenidos, demo_fichas  # noqa: E402, F401
