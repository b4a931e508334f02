"""The hub handlers, called by another service's hub instance over the real Redis streams."""

from __future__ import annotations

import uuid

import pytest

from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import AppError
from dnd_shared.testing.hub_fixtures import HubFactory
from llm_service.testing.app import LlmAppFactory


async def test_llm_generate_over_the_hub_is_limited_cached_and_accounted(llm_app: LlmAppFactory,
                                                                         hub_instance: HubFactory) -> None:
    user = uuid.uuid4()
    payload = {"task": "npc", "input": {"description": "a nervous guard captain"}}
    async with llm_app(rpc_service_limits={"campaign": 2}) as env, hub_instance("campaign") as campaign:
        principal = PrincipalClaims(user_id=user)
        first = await campaign.call("llm.generate", payload, principal=principal, timeout=10)
        second = await campaign.call("llm.generate", payload, principal=principal, timeout=10)
        with pytest.raises(AppError) as refused:
            await campaign.call("llm.generate", payload, principal=principal, timeout=10)
        usage = (await env.client.get("/api/v1/llm/usage", headers=env.headers(user))).json()
    assert first["provider"] == "offline" and first["cached"] is False
    assert first["output"]["stat_block"] == "Guard Captain"
    assert second["cached"] is True and second["output"] == first["output"]
    assert refused.value.status_code == 429 and refused.value.code == "rate_limited"
    assert refused.value.message == "Service campaign exceeded its limit of 2/minute llm requests."
    assert usage["day"]["requests"] == 2 and usage["day"]["cached_requests"] == 1


async def test_llm_generate_without_a_user_uses_the_service_scope(llm_app: LlmAppFactory,
                                                                  hub_instance: HubFactory) -> None:
    payload = {"task": "story_hook", "input": {"context": "a flooded crypt", "count": 1}}
    async with llm_app(), hub_instance("campaign") as campaign, hub_instance("character") as character:
        first = await campaign.call("llm.generate", payload, timeout=10)
        again = await campaign.call("llm.generate", payload, timeout=10)
        other_service = await character.call("llm.generate", payload, timeout=10)
        with pytest.raises(AppError) as invalid:
            await campaign.call("llm.generate", {"task": "story_hook", "input": {}}, timeout=10)
    assert (first["cached"], again["cached"], other_service["cached"]) == (False, True, False)
    assert invalid.value.status_code == 422
    assert invalid.value.details[0].field == "input.context"


async def test_image_rate_limit_is_answered_for_the_image_service(llm_app: LlmAppFactory,
                                                                  hub_instance: HubFactory) -> None:
    user = uuid.uuid4()
    async with llm_app(), hub_instance("image") as image:
        answers = [await image.call("llm.check_rate_limit", {"user_id": str(user), "kind": "image"}, timeout=5)
                   for _ in range(11)]
    assert [a["allowed"] for a in answers] == [True] * 10 + [False]
    assert [a["remaining"] for a in answers[:3]] == [9, 8, 7]
    assert 4 <= answers[-1]["retry_after_seconds"] <= 6  # 10/minute: one slot every 6 s
