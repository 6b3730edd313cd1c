"""Back office of participa, one module per part."""

from . import consultas, encuesta, planeacion, rendicion  # noqa: F401
