"""Cross-service tests of the concept pipeline: the character service's pipeline against the real LLM
service (offline provider) and the real catalog, each running in-process with its hub handlers.

They live here, not in ``character_service/tests``, because a service's own folder must never import
another service (``tests/architecture``); the fixtures of the concept tests are reused from there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from fastapi import FastAPI

from dnd_shared.testing.modules import load_test_module

_concept_fixtures = load_test_module("character_service/tests/concepts/conftest.py")
globals().update({name: value for name, value in vars(_concept_fixtures).items() if not name.startswith("_")
                  and name not in globals()})


@pytest.fixture
async def fleet(infra: Any, redis_client: Any) -> AsyncIterator[dict[str, FastAPI]]:
    """The real LLM service (offline provider) and catalog (SRD seeded by the session fixtures) running
    in-process with their lifespans, so their hub handlers answer this test's hub calls."""
    from contextlib import AsyncExitStack

    from catalog_service.main import create_app as create_catalog
    from dnd_shared.testing.hub_fixtures import fast_hub_settings
    from llm_service.main import create_app as create_llm

    apps = {"llm": create_llm(), "catalog": create_catalog()}
    async with AsyncExitStack() as stack:
        for app in apps.values():
            app.state.hub_settings = fast_hub_settings()
            await stack.enter_async_context(app.router.lifespan_context(app))
        yield apps
