"""Fixtures for the character API tests: the app with a test signing key, and example builds."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from character_service.main import create_app
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.identity import SignedIdentity

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
def app_factory(identity: SignedIdentity) -> Callable[[], FastAPI]:
    def factory() -> FastAPI:
        app = create_app()
        identity.install(app)
        return app

    return factory


@pytest.fixture
async def api(service_client: ClientFactory, app_factory: Callable[[], FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    async with service_client(app_factory) as client:
        yield client


@pytest.fixture
def alice(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def bob(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def admin(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4(), roles=("player", "admin"))


def example_build(name: str) -> dict[str, Any]:
    """An example build file without its ``state`` block."""
    document = json.loads((EXAMPLES / f"{name}.json").read_text())
    document.pop("state", None)
    return copy.deepcopy(document)


@pytest.fixture
def fighter_build() -> dict[str, Any]:
    return example_build("fighter_dwarf_5")


@pytest.fixture
def wizard_build() -> dict[str, Any]:
    return example_build("wizard_elf_3")
