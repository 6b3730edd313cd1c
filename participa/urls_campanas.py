"""Short links of the outreach campaigns: ``/c/<código>/`` and its QR codes (``qr.svg``, ``qr.png``)."""

from django.urls import path

from . import views_campanas

app_name = "campanas"

urlpatterns = [
    path("c/<slug:codigo>/", views_campanas.ir, name="ir"),
    path("c/<slug:codigo>/qr.svg", views_campanas.qr, {"formato": "svg"}, name="qr_svg"),
    path("c/<slug:codigo>/qr.png", views_campanas.qr, {"formato": "png"}, name="qr_png"),
]
