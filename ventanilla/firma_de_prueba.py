"""A throwaway signing certificate for tests and benchmarks of the PAdES signature: a real municipality uses
the PKCS#12 its certification authority issued (see README). Never commit a real one."""

from datetime import UTC, datetime, timedelta


def crear(ruta, clave):
    """Write a self-signed PKCS#12 to ``ruta`` and return its certificate (``cryptography`` object)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    llave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nombre = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Alcaldía de prueba")])
    ahora = datetime.now(UTC)
    certificado = (
        x509.CertificateBuilder()
        .subject_name(nombre)
        .issuer_name(nombre)
        .public_key(llave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ahora - timedelta(days=1))
        .not_valid_after(ahora + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, True, True, False, False), critical=True)
        .sign(llave, hashes.SHA256())
    )
    ruta.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"prueba", llave, certificado, None, serialization.BestAvailableEncryption(clave.encode())
        )
    )
    return certificado
