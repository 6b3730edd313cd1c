from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipaConfig(AppConfig):
    """What citizens say to the municipality in public: consultations of draft norms with the answer to every
    comment, accountability questions, participatory planning, the annual website survey and the outreach
    campaigns. A question that needs an answer by law becomes a radicado of the ventanilla."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "participa"
    verbose_name = _("Participación ciudadana")

    def ready(self):
        from . import senales  # noqa: F401  (each part connects its own signals and registrations)
