"""Key material: generated once in development (0600), refused when missing in production."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from auth_service.api_keys.format import generate_api_key, is_well_formed, key_digest
from auth_service.config import Settings
from auth_service.tokens.keys import load_or_create_keys


def test_development_keypair_is_generated_once_with_private_mode_0600(tmp_path: Path) -> None:
    settings = Settings(env="development", var_dir=tmp_path)
    keys = load_or_create_keys(settings)
    private, public = tmp_path / "keys" / "auth_private.pem", tmp_path / "keys" / "auth_public.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_bytes() == keys.public_pem()
    assert b"PRIVATE" not in public.read_bytes()
    again = load_or_create_keys(settings)
    assert again.kid == keys.kid  # a restart keeps the key (and every token issued with it)


def test_production_refuses_a_missing_private_key(tmp_path: Path) -> None:
    settings = Settings(env="development", var_dir=tmp_path, hmac_secret="x" * 32, secret_key="y" * 32)
    settings.env = "production"
    with pytest.raises(RuntimeError, match="AUTH_JWT_PRIVATE_KEY_FILE must be set"):
        load_or_create_keys(settings)
    settings.jwt_private_key_file = tmp_path / "absent.pem"
    with pytest.raises(RuntimeError, match="does not exist"):
        load_or_create_keys(settings)
    assert not (tmp_path / "absent.pem").exists()


def test_api_key_format_is_recognisable_and_checksummed() -> None:
    key = generate_api_key()
    assert key.startswith("dndk_") and len(key) == 44 and is_well_formed(key)
    typo = key[:10] + ("A" if key[10] != "A" else "B") + key[11:]
    assert not is_well_formed(typo)
    assert not is_well_formed("dndk_short") and not is_well_formed("x" * 44)
    digest = key_digest(key, b"secret")
    assert len(digest) == 64 and key not in digest and digest != key_digest(key, b"other")


def test_production_refuses_the_default_hmac_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DND_ENV", "production")
    monkeypatch.setenv("DND_SECRET_KEY", "a-real-fleet-secret-from-the-vault")
    with pytest.raises(ValidationError, match="hmac_secret"):
        Settings()
    monkeypatch.setenv("AUTH_HMAC_SECRET", "a-real-hmac-secret-from-the-vault")
    assert Settings().hmac_secret.get_secret_value() == "a-real-hmac-secret-from-the-vault"
