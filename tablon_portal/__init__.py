"""Portal municipal: project package (settings, root URLs, WSGI)."""

__version__ = "0.1.0"
