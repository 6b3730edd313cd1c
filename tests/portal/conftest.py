"""Fixtures shared by the portal's tests: two dependencias, an official of the first one, a committee member."""

import pytest

from portal import roles

from .factories import crear_dependencia, crear_usuario


@pytest.fixture
def gobierno():
    return crear_dependencia(nombre="Secretaría de Gobierno", slug="gobierno")


@pytest.fixture
def hacienda():
    return crear_dependencia(nombre="Secretaría de Hacienda", slug="hacienda")


@pytest.fixture
def funcionario(gobierno):
    return crear_usuario(grupo=roles.FUNCIONARIO, dependencias=[gobierno])


@pytest.fixture
def comite():
    return crear_usuario(grupo=roles.COMITE)
