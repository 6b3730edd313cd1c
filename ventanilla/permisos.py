"""Who sees which radicados: the committee, the portal administrators and the office that receives PQRSD
(group «Atención al ciudadano») see and distribute all; an official sees their dependencias' ones."""

ATENCION_AL_CIUDADANO = "Atención al ciudadano"  # the group, created by migration 0002
PERMISO_VER_TODOS = "ventanilla.ver_todos_radicado"


def ve_todos(usuario):
    return usuario.is_active and (usuario.is_superuser or usuario.has_perm(PERMISO_VER_TODOS))


def puede_actuar(usuario, radicado):
    """May this official act on this radicado (answer, extend, transfer…)?"""
    from .models import Radicado

    return Radicado.objects.de_usuario(usuario).filter(pk=radicado.pk).exists()
