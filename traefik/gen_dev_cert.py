#!/usr/bin/env python3
"""Create the self-signed TLS certificate of the local stack's Traefik (https://localhost:8443).

Usage:  python traefik/gen_dev_cert.py [DIRECTORY]        (default: var/certs)

Writes ``localhost.crt`` and ``localhost.key`` (mode 0600) into DIRECTORY: ECDSA P-256, valid for
825 days, SAN = DNS:localhost, IP:127.0.0.1, IP:::1. Does nothing when a valid certificate is already
there (parses, matches its key, covers those names, and stays valid for at least another day), so
restarting the stack keeps the certificate a browser may already trust.

Standalone on purpose (stdlib + ``cryptography``): the runner imports it by path, e.g.::

    spec = importlib.util.spec_from_file_location("gen_dev_cert", root / "traefik" / "gen_dev_cert.py")
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import sys
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CERT_FILENAME = "localhost.crt"
KEY_FILENAME = "localhost.key"
VALIDITY_DAYS = 825
#: A certificate closer than this to its expiry is replaced.
RENEW_BEFORE = dt.timedelta(days=1)
DNS_NAMES = ("localhost",)
IP_ADDRESSES = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))


def ensure_dev_certificate(directory: Path) -> tuple[Path, Path]:
    """Return ``(cert_path, key_path)`` in ``directory``, creating a new pair unless a valid one exists."""
    directory = Path(directory)
    cert_path = directory / CERT_FILENAME
    key_path = directory / KEY_FILENAME
    if _is_valid_pair(cert_path, key_path):
        _restrict_key_mode(key_path)
        return cert_path, key_path

    directory.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _self_signed_certificate(key)
    # Key first, then certificate: a crash in between leaves an invalid pair that the next run replaces.
    _write_atomically(
        key_path,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        mode=0o600,
    )
    _write_atomically(cert_path, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
    return cert_path, key_path


def _self_signed_certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "localhost"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dnd platform local development"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    san = x509.SubjectAlternativeName(
        [x509.DNSName(n) for n in DNS_NAMES] + [x509.IPAddress(ip) for ip in IP_ADDRESSES]
    )
    public_key = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))  # tolerate small clock skew
        .not_valid_after(now + dt.timedelta(days=VALIDITY_DAYS))
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )


def _is_valid_pair(cert_path: Path, key_path: Path) -> bool:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return False
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        return False
    public_der = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if cert.public_key().public_bytes(*public_der) != key.public_key().public_bytes(*public_der):
        return False
    now = dt.datetime.now(dt.UTC)
    if not (cert.not_valid_before_utc <= now and now + RENEW_BEFORE < cert.not_valid_after_utc):
        return False
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return False
    return set(DNS_NAMES) <= set(san.get_values_for_type(x509.DNSName)) and set(IP_ADDRESSES) <= set(
        san.get_values_for_type(x509.IPAddress)
    )


def _write_atomically(path: Path, data: bytes, *, mode: int) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)  # before any byte is written: the key is never world-readable
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _restrict_key_mode(key_path: Path) -> None:
    if key_path.stat().st_mode & 0o077:
        key_path.chmod(0o600)


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    directory = Path(argv[1]) if len(argv) == 2 else Path("var/certs")
    cert_path, key_path = ensure_dev_certificate(directory)
    print(f"certificate: {cert_path}\nkey:         {key_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
