"""Back office of participa, one module per part."""

from . import campanas, consultas, encuesta, planeacion, rendicion  # noqa: F401
