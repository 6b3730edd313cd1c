"""Screenshots of the officials' back office at 360 and 1280 px (issue #16), for a person to look at.

Against a running server with the demo content (`manage.py cargar_demo --password …`):

    .venv/bin/python herramientas/capturas_admin.py --url http://127.0.0.1:8012 --clave Demo-2026-x

Writes PNGs to /work/capturas-adm/ (or --destino) and prints each page's width, so a page wider than its
window shows up without opening the images.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGUMENTOS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ANCHOS = (360, 1280)


def entrar(pagina, url, usuario, clave):
    pagina.goto(f"{url}/admin/login/")
    pagina.fill("#id_username", usuario)
    pagina.fill("#id_password", clave)
    pagina.click("input[type=submit]")
    pagina.wait_for_load_state("networkidle")


def primera_ficha(pagina, url, ruta):
    pagina.goto(f"{url}{ruta}")
    enlace = pagina.locator("#result_list tbody th a").first
    return enlace.get_attribute("href") if enlace.count() else ruta


def main():
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--url", default="http://127.0.0.1:8012")
    argumentos.add_argument("--clave", default="Demo-2026-x")
    argumentos.add_argument("--destino", default="/work/capturas-adm")
    opciones = argumentos.parse_args()
    destino = Path(opciones.destino)
    destino.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS)
        for usuario in ("comite", "funcionario"):
            for ancho in ANCHOS:
                contexto = navegador.new_context(
                    viewport={"width": ancho, "height": 900}, locale="es-CO", timezone_id="America/Bogota"
                )
                pagina = contexto.new_page()
                entrar(pagina, opciones.url, usuario, opciones.clave)
                paginas = {"mi-trabajo": "/admin/"}
                paginas["noticias"] = "/admin/portal/noticia/"
                paginas["noticia"] = primera_ficha(pagina, opciones.url, "/admin/portal/noticia/")
                paginas["noticia-nueva"] = "/admin/portal/noticia/add/"
                paginas["tramite"] = primera_ficha(pagina, opciones.url, "/admin/tramites/tramite/")
                paginas["tramite-nuevo"] = "/admin/tramites/tramite/add/"
                for nombre, ruta in paginas.items():
                    pagina.goto(opciones.url + ruta if ruta.startswith("/") else ruta)
                    pagina.wait_for_load_state("networkidle")
                    ancho_pagina = pagina.evaluate("() => document.documentElement.scrollWidth")
                    archivo = destino / f"{nombre}-{usuario}-{ancho}.png"
                    pagina.screenshot(path=str(archivo), full_page=True)
                    aviso = "  <-- más ancha que la ventana" if ancho_pagina > ancho + 1 else ""
                    print(f"{archivo}  ({ancho_pagina} px){aviso}")
                contexto.close()
        navegador.close()


if __name__ == "__main__":
    main()
