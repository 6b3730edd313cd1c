"""Registrations of this part with the portal (filled in by its author)."""
