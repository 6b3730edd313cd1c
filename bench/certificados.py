"""Issuing certificates in the worker, and /verificar/<código>/ under load beside a bare Django view.

    .venv/bin/python bench/certificados.py [--certificados 40] [--segundos 8] [--conexiones 16]

On a temporary SQLite database in production mode: times the worker's job for N certificates (PDF/A with the
QR code, stored with its SHA-256), then serves the portal with gunicorn (2 workers) and loads the verification
page of one certificate and the bare view with wrk. Targets (issue 19): issuing under 1 s at p95, the
verification page at least 0.5 of the bare view's requests/s.
"""

import argparse
import os
import statistics
import subprocess  # noqa: S404 - manage.py and gunicorn, with fixed arguments
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
META_P95_S, META_VERIFICAR = 1.0, 0.5


def emitir(n):
    """Issue ``n`` certificates and time the worker's job of each; returns (seconds list, one code)."""
    import django

    django.setup()
    from ventanilla import certificados, services
    from ventanilla.models import PlantillaCertificado

    plantilla = PlantillaCertificado.objects.create(
        nombre="Residencia",
        titulo="Certificado de residencia",
        texto="Que {nombre}, identificado(a) con {tipo_documento} {documento}, reside en {direccion}, según la "
        "solicitud {radicado}.\n\nSe expide el {fecha} y es válido hasta el {valido_hasta}.",
    )
    tiempos, codigo = [], ""
    for i in range(n):
        radicado, _ = services.radicado_crear(
            tipo="peticion",
            asunto="Certificado de residencia",
            descripcion="Solicitud de prueba",
            persona={
                "nombre": f"Persona de Prueba {i}",
                "tipo_documento": "CC",
                "numero_documento": f"1085{i:06d}",
                "correo": "prueba@example.com",
                "direccion": "Vereda Las Mesas",
            },
        )
        certificado = certificados.certificado_expedir(radicado=radicado, plantilla=plantilla)
        inicio = time.perf_counter()
        certificados.certificado_generar.call(certificado.pk)
        tiempos.append(time.perf_counter() - inicio)
        codigo = certificado.codigo
    from django.db import connections

    connections.close_all()
    return tiempos, codigo


def main():
    from bench.carga import medir
    from bench.paginas import entorno_de_produccion, servir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificados", type=int, default=40)
    parser.add_argument("--segundos", type=float, default=8)
    parser.add_argument("--conexiones", type=int, default=16)
    parser.add_argument("--firmar", action="store_true", help="firma PAdES con un certificado de prueba")
    args = parser.parse_args()
    carpeta = Path(tempfile.mkdtemp())
    entorno = entorno_de_produccion(f"sqlite:///{carpeta / 'bench.sqlite3'}", "")
    entorno.pop("REDIS_URL")
    entorno.update(PRIVADO_ROOT=str(carpeta / "privado"), VERIFICACIONES_FALLIDAS_POR_CLIENTE=str(10**9))
    if args.firmar:
        from ventanilla import firma_de_prueba

        firma_de_prueba.crear(carpeta / "firma.p12", "bench")
        entorno.update(CERTIFICADOS_FIRMA_P12=str(carpeta / "firma.p12"), CERTIFICADOS_FIRMA_CLAVE="bench")
    os.environ.update(entorno)
    os.chdir(RAIZ)
    for orden in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([str(RAIZ / ".venv/bin/python"), "manage.py", *orden], env=entorno, check=True)  # noqa: S603
    tiempos, codigo = emitir(args.certificados)
    tiempos.sort()
    p95 = tiempos[max(0, round(0.95 * len(tiempos)) - 1)]
    firma = ", firmados PAdES" if args.firmar else ""
    print(f"\n## Emisión en el trabajador: {len(tiempos)} certificados (PDF/A con QR y SHA-256{firma})")
    print(
        f"p50 {statistics.median(tiempos) * 1000:.0f} ms · p95 {p95 * 1000:.0f} ms · máx. {tiempos[-1] * 1000:.0f} ms"
    )
    servidor = servir(entorno, 8630, 300)  # the page cache on, as in production
    try:
        base = "http://127.0.0.1:8630"
        cabeceras = {"User-Agent": "Mozilla/5.0 (X11; Linux) Chrome/126"}
        medir(f"{base}/bench/vacia/", 1, 4, cabeceras)
        vacia = medir(f"{base}/bench/vacia/", args.segundos, args.conexiones, cabeceras)
        medir(f"{base}/verificar/{codigo}/", 1, 4, cabeceras)
        verificar = medir(f"{base}/verificar/{codigo}/", args.segundos, args.conexiones, cabeceras)
    finally:
        servidor.terminate()
        servidor.wait(timeout=10)
    print(f"\n## /verificar/<código>/: gunicorn 2 workers, {args.conexiones} conexiones, {args.segundos:g} s")
    print("| página | pet./s | p50 ms | p99 ms | errores | razón |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for nombre, r in (("Django vacío (5 KB)", vacia), ("Verificar un certificado", verificar)):
        print(
            f"| {nombre} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errores']} "
            f"| {r['rps'] / vacia['rps']:.2f} |"
        )
    metas = [
        ("emisión p95 < 1 s", p95 < META_P95_S),
        ("verificación ≥ 0,5 de la vista vacía", verificar["rps"] / vacia["rps"] >= META_VERIFICAR),
        ("cero errores", vacia["errores"] == 0 and verificar["errores"] == 0),
    ]
    for texto, cumplida in metas:
        print(f"- {'cumplida' if cumplida else 'NO cumplida'}: {texto}")
    sys.exit(0 if all(c for _, c in metas) else 1)


if __name__ == "__main__":
    main()
