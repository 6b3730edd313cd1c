from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from portal.roles import es_del_comite


def comite_requerido(vista):
    """Anonymous users go to the login page; users outside the committee and the administrators get 403."""

    @wraps(vista)
    def envuelta(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not es_del_comite(request.user):
            raise PermissionDenied
        return vista(request, *args, **kwargs)

    return envuelta
