"""Pages, feeds and data compressed by the portal itself (a 16 KB page travels as about 4 KB), so a rural
phone gets them light whether or not a proxy in front compresses.

Django's GZipMiddleware, limited to text: images, PDFs and the static files WhiteNoise already compressed are
left as they are (compressing them again costs CPU and gains nothing).

BREACH (guessing a secret in a compressed page from its size): the CSRF token Django writes in forms is
masked with a new random value on every response, so it never repeats for an attacker to guess, and Django's
GZipMiddleware adds random padding to every compressed body ("Heal the BREACH"). Pages show no other secret.
"""

from django.middleware.gzip import GZipMiddleware

_TEXTO = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


class CompresionDeTexto(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(_TEXTO):
            return response
        return super().process_response(request, response)
