"""The annual website survey: the public form built from the questions, recording an answer with its abuse
checks, the results, the comparison with the previous year and the exports (what the committee's dashboard
and self-check read of it is in ``gelt.encuesta``).

Abuse checks, all explained to the person in Spanish when they refuse an answer:
- a honeypot field (``sitio_web``) people never see; a filled one means an automated submission;
- a signed cookie ``encuesta_<id>`` marking a browser that already answered;
- at most ``ENCUESTA_ENVIOS_POR_CLIENTE`` answers (setting, 3 by default) per client in 24 hours. The client is
  identified by an HMAC-SHA-256 of its address keyed with ``SECRET_KEY`` and the day, so the same address
  gives another hash tomorrow; the address itself is never stored and the hashes are deleted after two days.
  The address is ``portal.red.direccion_del_cliente``: behind the configured trusted proxies, the entry the
  closest one added to X-Forwarded-For (entries further left can be forged and are ignored).
"""

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Encuesta, EnvioLimitado, Opcion, Pregunta, Respuesta, RespuestaPregunta

CAMPO_TRAMPA = "sitio_web"
SAL_COOKIE = "gelt.encuesta"  # the salt from when the survey lived in gelt: cookies already set stay valid
VENTANA = timedelta(hours=24)
CONSERVAR_HUELLAS = timedelta(days=2)
MAX_TEXTO_CORTO = 200
MAX_TEXTO_LARGO = 2000
SI, NO = "si", "no"

RECHAZO_TRAMPA = _(
    "No registramos esta respuesta porque llegó con un campo que solo llenan los programas automáticos. "
    "Si usted es una persona, vuelva a abrir la encuesta y respóndala de nuevo."
)
RECHAZO_LIMITE = _(
    "No registramos esta respuesta porque desde esta conexión ya se enviaron varias respuestas en las últimas "
    "24 horas. Si comparte la conexión con otras personas (por ejemplo en un café internet), intente mañana."
)
# Shown before the person starts when the connection's answers are used up, and with their answers kept when
# it happens after they typed.
AVISO_LIMITE = _(
    "Desde esta conexión ya se enviaron las respuestas que recibimos en 24 horas (pasa en un café internet, una "
    "biblioteca o con algunos operadores de celular, donde muchas personas comparten la conexión). Puede "
    "responder ahora y enviarla mañana, o desde otra conexión (por ejemplo, los datos móviles de su celular)."
)
CONSERVADAS = _("Sus respuestas siguen abajo, tal como las escribió: puede enviarlas más tarde o desde otra conexión.")
RECHAZO_YA_RESPONDIO = _(
    "Usted ya respondió esta encuesta desde este navegador. Gracias por su tiempo: solo se recibe una respuesta "
    "por persona."
)
RECHAZO_CERRADA = _("Esta encuesta ya no recibe respuestas.")


class EnvioRechazado(Exception):
    """An answer refused by an abuse check; ``mensaje`` tells the person why, in Spanish."""

    def __init__(self, mensaje, codigo):
        super().__init__(str(mensaje))
        self.mensaje = mensaje
        self.codigo = codigo


# --- the public form ----------------------------------------------------------------------------------------


def _opciones_escala(pregunta):
    minimo = pregunta.escala_minimo or _("lo más bajo")
    maximo = pregunta.escala_maximo or _("lo más alto")
    return [("1", f"1 · {minimo}"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", f"5 · {maximo}")]


def _mensajes(pregunta):
    if pregunta.tipo == Pregunta.Tipo.MULTIPLE:
        requerido = _("Elija al menos una opción: esta pregunta es obligatoria.")
    elif pregunta.tipo in Pregunta.DE_TEXTO:
        requerido = _("Escriba su respuesta: esta pregunta es obligatoria.")
    else:
        requerido = _("Elija una opción: esta pregunta es obligatoria.")
    return {
        "required": requerido,
        "invalid_choice": _("Elija una de las opciones de la lista."),
        "invalid_list": _("Elija una o varias de las opciones de la lista."),
        "max_length": _("Escriba como máximo %(limit_value)d caracteres (ahora tiene %(show_value)d)."),
    }


def campo_para(pregunta):
    """The form field of a question; its choices come from ``pregunta.opciones.all()`` (prefetch them)."""
    comunes = {
        "label": pregunta.texto,
        "help_text": pregunta.ayuda,
        "required": pregunta.obligatoria,
        "error_messages": _mensajes(pregunta),
    }
    tipo = pregunta.tipo
    if tipo == Pregunta.Tipo.ESCALA:
        return forms.ChoiceField(choices=_opciones_escala(pregunta), widget=forms.RadioSelect, **comunes)
    if tipo == Pregunta.Tipo.SI_NO:
        return forms.ChoiceField(choices=[(SI, _("Sí")), (NO, _("No"))], widget=forms.RadioSelect, **comunes)
    opciones = [(str(o.pk), o.texto) for o in pregunta.opciones.all()]
    if tipo == Pregunta.Tipo.UNICA:
        return forms.ChoiceField(choices=opciones, widget=forms.RadioSelect, **comunes)
    if tipo == Pregunta.Tipo.MULTIPLE:
        return forms.MultipleChoiceField(choices=opciones, widget=forms.CheckboxSelectMultiple, **comunes)
    if tipo == Pregunta.Tipo.TEXTO_CORTO:
        return forms.CharField(max_length=MAX_TEXTO_CORTO, widget=forms.TextInput, **comunes)
    return forms.CharField(max_length=MAX_TEXTO_LARGO, widget=forms.Textarea(attrs={"rows": 5}), **comunes)


@dataclass
class CampoDePregunta:
    """A question in the public form: its bound field and the ids that tie help and error to it."""

    numero: int
    pregunta: Pregunta
    campo: forms.BoundField

    @property
    def es_texto(self):
        return self.pregunta.tipo in Pregunta.DE_TEXTO

    @property
    def id_ayuda(self):
        return f"{self.campo.auto_id}_ayuda" if self.pregunta.ayuda else ""

    @property
    def id_error(self):
        return f"{self.campo.auto_id}_error" if self.campo.errors else ""

    @property
    def describe(self):
        """The ``aria-describedby`` value: the error first, then the help."""
        return " ".join(i for i in (self.id_error, self.id_ayuda) if i)

    @property
    def ancla(self):
        """The id of the first control, for the error summary's links."""
        return self.campo.auto_id if self.es_texto else f"{self.campo.auto_id}_0"

    @property
    def max_caracteres(self):
        return getattr(self.campo.field, "max_length", None)


class FormularioEncuesta(forms.Form):
    """The questions of one survey plus the honeypot. Each bound field carries its question (``.pregunta``)."""

    def __init__(self, *args, encuesta, **kwargs):
        super().__init__(*args, **kwargs)
        self.encuesta = encuesta
        self.preguntas = list(encuesta.preguntas.prefetch_related("opciones"))
        for pregunta in self.preguntas:
            self.fields[pregunta.nombre_campo] = campo_para(pregunta)
        self.fields[CAMPO_TRAMPA] = forms.CharField(required=False, label=_("Sitio web (no lo llene)"))

    def preguntas_con_campos(self):
        """The questions in order with what the template needs; the honeypot is rendered apart."""
        return [CampoDePregunta(numero, p, self[p.nombre_campo]) for numero, p in enumerate(self.preguntas, 1)]

    def campo_trampa(self):
        return self[CAMPO_TRAMPA]


def formulario(encuesta, datos=None):
    return FormularioEncuesta(datos, encuesta=encuesta)


# --- the client's identity for the limit, and the cookie ----------------------------------------------------


def huella(direccion, dia):
    """HMAC-SHA-256 of the address with a key made of ``SECRET_KEY`` and the day: it changes every day."""
    clave = f"{settings.SECRET_KEY}:encuesta:{dia.isoformat()}".encode()
    return hmac.new(clave, (direccion or "").encode(), hashlib.sha256).hexdigest()


def limite_por_cliente():
    return settings.ENCUESTA_ENVIOS_POR_CLIENTE


def nombre_cookie(encuesta):
    return f"encuesta_{encuesta.pk}"


def ya_respondio(request, encuesta):
    return request.get_signed_cookie(nombre_cookie(encuesta), default=None, salt=SAL_COOKIE) is not None


def marcar_respondida(respuesta_http, encuesta, *, segura=False):
    """The signed cookie that tells this browser already answered, kept until the survey closes."""
    dias = max(1, min((encuesta.cierra - timezone.localdate()).days + 1, 400))
    respuesta_http.set_signed_cookie(
        nombre_cookie(encuesta),
        "1",
        salt=SAL_COOKIE,
        max_age=dias * 24 * 3600,
        secure=segura,
        httponly=True,
        samesite="Lax",
    )


# --- recording an answer ------------------------------------------------------------------------------------


def _convertir(pregunta, valor):
    """(valor_numero, opciones, texto) stored for an answer to ``pregunta``; None when left blank."""
    tipo = pregunta.tipo
    if valor in (None, "", []):
        return None
    if tipo == Pregunta.Tipo.ESCALA:
        return int(valor), [], ""
    if tipo == Pregunta.Tipo.SI_NO:
        return (1 if valor == SI else 0), [], ""
    if tipo == Pregunta.Tipo.UNICA:
        return None, [int(valor)], ""
    if tipo == Pregunta.Tipo.MULTIPLE:
        return None, [int(v) for v in valor], ""
    return None, [], valor.strip()


@transaction.atomic
def registrar_respuesta(*, encuesta, datos, direccion=None, ahora=None):
    """Store one anonymous answer from the cleaned data of ``FormularioEncuesta`` (keys ``p<pregunta id>``).

    Raises ``EnvioRechazado`` when the honeypot is filled, the survey is closed, or (``direccion`` given) the
    client already sent the allowed number of answers in the last 24 hours. ``direccion`` is only hashed.
    """
    ahora = ahora or timezone.now()
    if (datos.get(CAMPO_TRAMPA) or "").strip():
        raise EnvioRechazado(RECHAZO_TRAMPA, "trampa")
    if not encuesta.esta_abierta(timezone.localdate(ahora)):
        raise EnvioRechazado(RECHAZO_CERRADA, "cerrada")
    if direccion is not None:
        _controlar_limite(encuesta, direccion, ahora)

    respuesta = Respuesta.objects.create(encuesta=encuesta, recibida=ahora)
    valores, elegidas = [], []
    for pregunta in encuesta.preguntas.all():
        convertido = _convertir(pregunta, datos.get(pregunta.nombre_campo))
        if convertido is None:
            continue
        numero, opciones, texto = convertido
        valores.append(RespuestaPregunta(respuesta=respuesta, pregunta=pregunta, valor_numero=numero, texto=texto))
        elegidas.append(opciones)
    RespuestaPregunta.objects.bulk_create(valores)
    # Only options of the same question are kept, whatever was posted.
    validas = set(Opcion.objects.filter(pregunta__encuesta=encuesta).values_list("pk", "pregunta_id"))
    Intermedia = RespuestaPregunta.opciones.through
    Intermedia.objects.bulk_create(
        Intermedia(respuestapregunta_id=valor.pk, opcion_id=opcion)
        for valor, opciones in zip(valores, elegidas, strict=True)
        for opcion in opciones
        if (opcion, valor.pregunta_id) in validas
    )
    return respuesta


def _huellas_y_recientes(encuesta, direccion, ahora):
    hoy = timezone.localdate(ahora)
    # The key changes at midnight: yesterday's hash of the same address covers the rest of the 24 hours.
    huellas = [huella(direccion, hoy), huella(direccion, hoy - timedelta(days=1))]
    recientes = EnvioLimitado.objects.filter(
        encuesta=encuesta, huella__in=huellas, registrado__gte=ahora - VENTANA - timedelta(hours=1)
    ).count()
    return huellas, recientes


def limite_agotado(encuesta, direccion, ahora=None):
    """Whether this connection already sent all the answers it may send now: the form says so before the
    person starts, instead of refusing what they typed."""
    return _huellas_y_recientes(encuesta, direccion, ahora or timezone.now())[1] >= limite_por_cliente()


def _controlar_limite(encuesta, direccion, ahora):
    # The hour only, so the trace cannot be matched to an answer's exact time.
    hora = ahora.replace(minute=0, second=0, microsecond=0)
    EnvioLimitado.objects.filter(registrado__lt=ahora - CONSERVAR_HUELLAS).delete()
    huellas, recientes = _huellas_y_recientes(encuesta, direccion, ahora)
    if recientes >= limite_por_cliente():
        raise EnvioRechazado(RECHAZO_LIMITE, "limite")
    EnvioLimitado.objects.create(encuesta=encuesta, huella=huellas[0], registrado=hora)


# --- results ------------------------------------------------------------------------------------------------


def _redondear(valor, decimales="0.1"):
    return None if valor is None else Decimal(str(valor)).quantize(Decimal(decimales), rounding=ROUND_HALF_UP)


@dataclass
class Fila:
    etiqueta: str
    cantidad: int
    porcentaje: Decimal | None


@dataclass
class ResultadoPregunta:
    pregunta: Pregunta
    respondieron: int = 0
    filas: list = field(default_factory=list)
    promedio: Decimal | None = None
    textos: list = field(default_factory=list)

    @property
    def es_grafico(self):
        return self.pregunta.tipo not in Pregunta.DE_TEXTO

    @property
    def maximo(self):
        return max((f.cantidad for f in self.filas), default=0)


def resultados(encuesta):
    """The results of every question in a fixed number of queries (7), whatever the number of answers.

    Percentages are of the people who answered the question; in multiple choice they add up to more than 100.
    """
    preguntas = list(encuesta.preguntas.prefetch_related("opciones"))
    valores = RespuestaPregunta.objects.filter(respuesta__encuesta=encuesta)
    respondieron = dict(valores.values("pregunta_id").annotate(n=Count("pk")).values_list("pregunta_id", "n"))
    numeros = {}
    for pregunta_id, numero, n in (
        valores.filter(valor_numero__isnull=False)
        .values("pregunta_id", "valor_numero")
        .annotate(n=Count("pk"))
        .values_list("pregunta_id", "valor_numero", "n")
    ):
        numeros.setdefault(pregunta_id, {})[numero] = n
    por_opcion = dict(
        RespuestaPregunta.opciones.through.objects.filter(respuestapregunta__respuesta__encuesta=encuesta)
        .values("opcion_id")
        .annotate(n=Count("pk"))
        .values_list("opcion_id", "n")
    )
    textos = {}
    for pregunta_id, texto, recibida in (
        valores.exclude(texto="")
        .order_by("-respuesta__recibida")
        .values_list("pregunta_id", "texto", "respuesta__recibida")
    ):
        textos.setdefault(pregunta_id, []).append({"texto": texto, "recibida": recibida})

    salida = []
    for pregunta in preguntas:
        total = respondieron.get(pregunta.pk, 0)
        resultado = ResultadoPregunta(pregunta=pregunta, respondieron=total, textos=textos.get(pregunta.pk, []))

        def fila(etiqueta, n, total=total):
            return Fila(str(etiqueta), n, _redondear(100 * n / total) if total else None)

        cuenta = numeros.get(pregunta.pk, {})
        if pregunta.tipo == Pregunta.Tipo.ESCALA:
            resultado.filas = [fila(etiqueta, cuenta.get(int(v), 0)) for v, etiqueta in _opciones_escala(pregunta)]
            suma = sum(v * n for v, n in cuenta.items())
            resultado.promedio = _redondear(suma / total) if total else None
        elif pregunta.tipo == Pregunta.Tipo.SI_NO:
            resultado.filas = [fila(_("Sí"), cuenta.get(1, 0)), fila(_("No"), cuenta.get(0, 0))]
        elif pregunta.usa_opciones:
            resultado.filas = [fila(o.texto, por_opcion.get(o.pk, 0)) for o in pregunta.opciones.all()]
        salida.append(resultado)
    return {"encuesta": encuesta, "total": encuesta.respuestas.count(), "preguntas": salida}


def _clave(texto):
    return " ".join(texto.casefold().split())


def _medias(encuesta):
    """{question text (normalised): (question, average or % yes)} for the scale and yes/no questions."""
    filas = (
        RespuestaPregunta.objects.filter(
            respuesta__encuesta=encuesta, pregunta__tipo__in=[Pregunta.Tipo.ESCALA, Pregunta.Tipo.SI_NO]
        )
        .values("pregunta_id", "pregunta__texto", "pregunta__tipo", "pregunta__orden")
        .annotate(media=Avg("valor_numero"), n=Count("pk"))
        .order_by("pregunta__orden", "pregunta_id")
    )
    medias = {}
    for f in filas:
        valor = f["media"] * 100 if f["pregunta__tipo"] == Pregunta.Tipo.SI_NO else f["media"]
        medias[_clave(f["pregunta__texto"])] = (f["pregunta__texto"], f["pregunta__tipo"], _redondear(valor))
    return medias


def encuesta_anterior(encuesta):
    return (
        Encuesta.objects.filter(abre__year__lt=encuesta.abre.year, respuestas__isnull=False)
        .order_by("-abre", "-pk")
        .distinct()
        .first()
    )


def comparar_con_anterior(encuesta):
    """The scale averages (and % of «sí») of this survey next to the previous year's, question by question.

    Questions are matched by their text (ignoring case and spaces), so a reworded question shows on one side
    only. ``None`` when there is no earlier survey with answers.
    """
    anterior = encuesta_anterior(encuesta)
    if anterior is None:
        return None
    actuales, previas = _medias(encuesta), _medias(anterior)
    filas = []
    for clave in [*actuales, *(c for c in previas if c not in actuales)]:
        texto, tipo, actual = actuales.get(clave, (None, None, None))
        texto_previo, tipo_previo, previo = previas.get(clave, (None, None, None))
        diferencia = actual - previo if actual is not None and previo is not None else None
        si_no = (tipo or tipo_previo) == Pregunta.Tipo.SI_NO
        filas.append(
            {
                "pregunta": texto or texto_previo,
                "medida": _("% que respondió sí") if si_no else _("promedio de 1 a 5"),
                "actual": actual,
                "anterior": previo,
                "diferencia": diferencia,
                "diferencia_absoluta": None if diferencia is None else abs(diferencia),
            }
        )
    return {
        "anterior": anterior,
        "respuestas_actual": encuesta.respuestas.count(),
        "respuestas_anterior": anterior.respuestas.count(),
        "filas": filas,
    }


# --- exports ------------------------------------------------------------------------------------------------


def filas_de_exportacion(encuesta):
    """Header and one row per answer (date, then one column per question), in 4 queries."""
    preguntas = list(encuesta.preguntas.all())
    encabezados = [str(_("Recibida")), *[p.texto for p in preguntas]]
    respuestas = encuesta.respuestas.order_by("recibida", "pk").prefetch_related("valores__opciones")
    filas = []
    for respuesta in respuestas:
        por_pregunta = {v.pregunta_id: v for v in respuesta.valores.all()}
        fila = [timezone.localtime(respuesta.recibida).strftime("%d/%m/%Y %H:%M")]
        for pregunta in preguntas:
            valor = por_pregunta.get(pregunta.pk)
            fila.append(_celda(pregunta, valor))
        filas.append(fila)
    return encabezados, filas


def _celda(pregunta, valor):
    if valor is None:
        return ""
    if pregunta.tipo == Pregunta.Tipo.ESCALA:
        return valor.valor_numero
    if pregunta.tipo == Pregunta.Tipo.SI_NO:
        return str(_("Sí")) if valor.valor_numero == 1 else str(_("No"))
    if pregunta.usa_opciones:
        return "; ".join(o.texto for o in sorted(valor.opciones.all(), key=lambda o: (o.orden, o.pk)))
    return valor.texto


# --- what other pages show of the survey (registered with portal in participa.encuesta_registro) ----------


def resultados_en_transparencia():
    """For Transparencia 4.7: the results of the annual website survey, once published (one query)."""
    encuesta = Encuesta.objects.filter(resultados_publicados=True).order_by("-abre").only("titulo", "abre").first()
    if encuesta is None:
        return []
    from django.urls import reverse

    return [{"titulo": f"Resultados: {encuesta.titulo}", "url": reverse("encuesta:resultados_publicos")}]


def bloque_de_participacion():
    """What the Participa page shows of the survey: the open one, and the published results."""
    from django.urls import reverse

    abierta = Encuesta.objects.abierta()
    publicada = Encuesta.objects.filter(resultados_publicados=True).order_by("-abre").first()
    if not abierta and not publicada:
        return None
    return {
        "titulo": abierta.titulo if abierta else publicada.titulo,
        "texto": (
            f"Cuéntenos qué piensa del portal: son unas preguntas cortas, sin datos personales. Abierta hasta el "
            f"{abierta.cierra:%d/%m/%Y}."
            if abierta
            else "La encuesta está cerrada. Puede consultar sus resultados."
        ),
        "url": reverse("encuesta:formulario") if abierta else reverse("encuesta:resultados_publicos"),
        "enlace": {"url": reverse("encuesta:resultados_publicos"), "texto": "Ver los resultados"}
        if publicada and abierta
        else None,
    }
