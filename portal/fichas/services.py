from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ..auditoria import valores
from ..services import registrar_en_historial


@transaction.atomic
def ficha_marcar_revisada(*, fichas, usuario):
    """Record the semiannual review (who and when) of each ficha; the next one falls due 6 months later."""
    # A revision being edited is not reviewed by itself: its live ficha is (once, if both were selected).
    fichas = list({ficha.vivo.pk: ficha.vivo for ficha in fichas}.values())
    for ficha in fichas:
        opts = ficha._meta
        if not usuario.has_perm(f"{opts.app_label}.revisar_{opts.model_name}"):
            raise PermissionDenied(_("Solo el Comité GEL-T o un administrador marca las fichas como revisadas."))
        antes = valores(ficha)
        ficha.registrar_revision(usuario)
        ficha.save(update_fields=["revisado_en", "revisado_por", "revision_vence"])
        registrar_en_historial(
            usuario=usuario,
            objeto=ficha,
            antes=antes,
            mensaje=_("Revisada. Próxima revisión: %(fecha)s.") % {"fecha": ficha.revision_vence.strftime("%d/%m/%Y")},
        )
    return len(fichas)
