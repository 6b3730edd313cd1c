"""Small factories in code: each test builds the data it needs."""

import itertools

from django.contrib.auth.models import Group

from portal.models import Dependencia, Funcionario, Usuario

_secuencia = itertools.count(1)


def crear_dependencia(**campos):
    n = next(_secuencia)
    datos = {"nombre": f"Dependencia {n}", "slug": f"dependencia-{n}"}
    datos.update(campos)
    return Dependencia.objects.create(**datos)


def crear_usuario(grupo=None, dependencias=(), **campos):
    n = next(_secuencia)
    datos = {"username": f"usuario{n}", "is_staff": True}
    datos.update(campos)
    usuario = Usuario.objects.create_user(password="Clave-de-prueba-123", **datos)
    if grupo:
        usuario.groups.add(Group.objects.get(name=grupo))
    for dependencia in dependencias:
        Funcionario.objects.create(usuario=usuario, dependencia=dependencia, cargo="Profesional")
    return usuario
