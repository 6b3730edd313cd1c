"""Models of participa, one module per part."""

from .campanas import *  # noqa: F401,F403
from .consultas import *  # noqa: F401,F403
from .encuesta import *  # noqa: F401,F403
from .planeacion import *  # noqa: F401,F403
from .rendicion import *  # noqa: F401,F403
