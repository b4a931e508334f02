"""The task API on the real PostgreSQL and Redis: offline default, cache, limits, quotas, usage."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

from llm_service.testing.app import LlmAppFactory, fake_provider_settings
from llm_service.testing.fake_llm_server import FakeLLMServer, Reply

CONCEPT = {"concept": "a dwarf blacksmith who became a cleric of the forge god", "level": 1}
NAMES_OK = json.dumps({"names": [{"name": "Bren", "note": "short"}]})


async def test_generate_defaults_to_the_offline_provider(llm_app: LlmAppFactory) -> None:
    async with llm_app() as env:
        response = await env.generate(uuid.uuid4(), "character_concept", CONCEPT)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["provider"] == "offline"
    assert body["model"] == "offline-phrases-v1"
    assert body["task"] == "character_concept"
    assert body["template_version"] == "character_concept.v1"
    assert body["cached"] is False and body["attempts"] == 1
    assert body["output"]["class_name"] == "Cleric" and body["output"]["species"] == "Dwarf"
    assert body["usage"]["input_tokens"] > 0 and body["usage"]["output_tokens"] > 0


async def test_second_identical_call_is_a_cache_hit_but_not_for_another_user(llm_app: LlmAppFactory) -> None:
    alice, bob = uuid.uuid4(), uuid.uuid4()
    async with llm_app() as env:
        first = (await env.generate(alice, "backstory", {"concept": "a retired pirate"})).json()
        second = (await env.generate(alice, "backstory", {"concept": "a retired pirate"})).json()
        other_user = (await env.generate(bob, "backstory", {"concept": "a retired pirate"})).json()
        bypass = (await env.generate(alice, "backstory", {"concept": "a retired pirate"}, bypass_cache=True)).json()
        metrics = (await env.client.get("/metrics")).text
    assert first["cached"] is False and first["attempts"] == 1
    assert second["cached"] is True and second["attempts"] == 0
    assert second["output"] == first["output"]
    assert second["usage"] == {"input_tokens": 0, "output_tokens": 0}  # this request spent nothing
    assert other_user["cached"] is False
    assert bypass["cached"] is False
    assert 'llm_cache_total{result="hit",task="backstory"} 1.0' in metrics


async def test_cache_key_changes_with_parameters(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    async with llm_app() as env:
        await env.generate(user, "name", {"species": "Elf"}, seed=1)
        other_seed = (await env.generate(user, "name", {"species": "Elf"}, seed=2)).json()
        same_seed = (await env.generate(user, "name", {"species": "Elf"}, seed=1)).json()
    assert other_seed["cached"] is False
    assert same_seed["cached"] is True


async def test_authentication_is_required(llm_app: LlmAppFactory) -> None:
    async with llm_app() as env:
        response = await env.client.post("/api/v1/llm/generate", json={"task": "name", "input": {}})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


async def test_unknown_task_and_bad_input_are_422_with_field_paths(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    async with llm_app() as env:
        unknown = await env.generate(user, "poem", {})
        bad_input = await env.generate(user, "character_concept", {"concept": "x", "level": 30})
        extra = await env.generate(user, "name", {"count": 2, "colour": "red"})
        bad_refine = await env.generate(user, "refine", {"task": "name", "previous": {"names": []}, "feedback": "more"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_task"
    assert unknown.json()["error"]["details"][0]["field"] == "task"
    assert bad_input.status_code == 422
    assert {d["field"] for d in bad_input.json()["error"]["details"]} == {"input.concept", "input.level"}
    assert extra.status_code == 422 and extra.json()["error"]["details"][0]["field"] == "input.colour"
    assert bad_refine.status_code == 422
    assert bad_refine.json()["error"]["details"][0]["field"] == "input.previous.names"


async def test_text_rate_limit_answers_429_with_retry_after(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    async with llm_app(text_requests_per_minute=2) as env:
        statuses = [(await env.generate(user, "name", {"count": 1})).status_code for _ in range(2)]
        refused = await env.generate(user, "name", {"count": 1})
        other_user = await env.generate(uuid.uuid4(), "name", {"count": 1})
    assert statuses == [200, 200]
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 28 <= int(refused.headers["Retry-After"]) <= 30  # 2/minute: a slot every 30 s
    assert "100/minute" not in refused.json()["error"]["message"]
    assert "2/minute" in refused.json()["error"]["message"]
    assert other_user.status_code == 200


async def test_usage_is_accounted_per_user_with_cost(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    user = uuid.uuid4()
    fake_llm.script(default=Reply(NAMES_OK, input_tokens=1000, output_tokens=2000))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"])) as env:
        generated = (await env.generate(user, "name", {"count": 1})).json()
        await env.generate(user, "name", {"count": 1})  # cached: counted, no tokens
        usage = (await env.client.get("/api/v1/llm/usage", headers=env.headers(user))).json()
        someone_else = (await env.client.get("/api/v1/llm/usage", headers=env.headers(uuid.uuid4()))).json()
    assert generated["provider"] == "openai" and generated["model"] == "gpt-4o-mini"
    assert generated["usage"] == {"input_tokens": 1000, "output_tokens": 2000}
    # gpt-4o-mini: $0.15 / $0.60 per million tokens -> 0.00015 + 0.0012
    for period in ("day", "month"):
        assert usage[period] == {"requests": 2, "cached_requests": 1, "input_tokens": 1000, "output_tokens": 2000,
                                 "tokens": 3000, "cost_usd": "0.001350"}
    assert usage["daily_quota"]["used_tokens"] == 3000
    assert usage["daily_quota"]["remaining_tokens"] == 200_000 - 3000
    assert Decimal(someone_else["day"]["cost_usd"]) == 0 and someone_else["day"]["requests"] == 0


async def test_quota_exhaustion_is_429_quota_exceeded(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    user = uuid.uuid4()
    fake_llm.script(default=Reply(NAMES_OK, input_tokens=60, output_tokens=60))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"]), daily_token_quota=200) as env:
        first = await env.generate(user, "name", {"count": 1}, seed=1)
        second = await env.generate(user, "name", {"count": 1}, seed=2)
        refused = await env.generate(user, "name", {"count": 1}, seed=3)
        fresh_user = await env.generate(uuid.uuid4(), "name", {"count": 1}, seed=3)
    assert [first.status_code, second.status_code] == [200, 200]
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "quota_exceeded"
    assert error["message"].startswith("Daily token quota of 200 used up (240 tokens)")
    assert 0 < int(refused.headers["Retry-After"]) <= 86_401
    assert fresh_user.status_code == 200


async def test_monthly_quota(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    user = uuid.uuid4()
    fake_llm.script(default=Reply(NAMES_OK, input_tokens=60, output_tokens=60))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"]), monthly_token_quota=100) as env:
        assert (await env.generate(user, "name", {"count": 1})).status_code == 200
        refused = await env.generate(user, "name", {"count": 2})
    assert refused.status_code == 429
    assert refused.json()["error"]["message"].startswith("Monthly token quota of 100 used up (120 tokens)")


async def test_admin_usage_view(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    heavy, light = uuid.uuid4(), uuid.uuid4()
    fake_llm.script(default=Reply(NAMES_OK, input_tokens=100, output_tokens=100))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"])) as env:
        await env.generate(heavy, "name", {"count": 1})
        await env.generate(heavy, "name", {"count": 2})
        await env.generate(light, "name", {"count": 1})
        forbidden = await env.client.get("/api/v1/llm/usage/users", headers=env.headers(heavy))
        admin = env.headers(uuid.uuid4(), roles=("admin",))
        listing = (await env.client.get("/api/v1/llm/usage/users?period=month", headers=admin)).json()
        one = (await env.client.get(f"/api/v1/llm/usage/users/{light}", headers=admin)).json()
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "admin_required"
    assert listing["period"] == "month"
    rows = [(row["user_id"], row["usage"]["tokens"]) for row in listing["users"]]
    assert rows == [(str(heavy), 400), (str(light), 200)]
    assert one["user_id"] == str(light) and one["day"]["tokens"] == 200


async def test_tasks_and_providers_are_listed(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    async with llm_app() as env:
        tasks = (await env.client.get("/api/v1/llm/tasks", headers=env.headers(user))).json()
        providers = (await env.client.get("/api/v1/llm/providers", headers=env.headers(user))).json()
    assert [t["name"] for t in tasks] == [
        "character_concept", "backstory", "personality", "name", "npc", "item", "spell", "feat", "species",
        "campaign_outline", "story_hook", "session_recap", "antitheticon", "refine"]
    assert tasks[0]["output_schema"]["properties"]["class_name"]["enum"][0] == "Barbarian"
    assert providers == [{"name": "offline", "model": "offline-phrases-v1", "breaker": "closed"}]
