"""Settings: per-service prefix over fleet-wide DND_ values; default secrets refused outside development."""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import DEVELOPMENT_SECRET, ServiceSettings


class DemoSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", extra="ignore")
    service_name: str = "demo"


def test_service_prefix_wins_over_fleet_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DND_REDIS_URL", "redis://fleet:1/0")
    assert DemoSettings().redis_url == "redis://fleet:1/0"
    monkeypatch.setenv("DEMO_REDIS_URL", "redis://mine:2/0")
    assert DemoSettings().redis_url == "redis://mine:2/0"


def test_default_secret_refused_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DND_ENV", "production")
    with pytest.raises(ValidationError) as caught:
        DemoSettings()
    assert "secret_key" in str(caught.value)
    monkeypatch.setenv("DEMO_SECRET_KEY", "a-real-secret-from-the-vault")
    settings = DemoSettings()
    assert settings.secret_key.get_secret_value() == "a-real-secret-from-the-vault"
    assert "a-real-secret" not in repr(settings)


def test_default_secret_allowed_in_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DND_ENV", "development")
    assert DemoSettings().secret_key == SecretStr(DEVELOPMENT_SECRET)
    assert DemoSettings().schema_name == "demo"
