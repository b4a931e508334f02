"""The llm service in the README's stack, through Traefik over HTTPS with a real login: generation
with the offline provider (and the real catalog over the hub), the cache, streaming, usage."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from dnd_shared.testing.stack import RunningStack

pytestmark = pytest.mark.stack

PASSWORD = "a long passphrase for the llm check"


def login(client: httpx.Client, stack: RunningStack) -> dict[str, str]:
    email = f"llm-{uuid.uuid4().hex[:10]}@example.com"
    registered = client.post(stack.https_url("/api/v1/auth/register"),
                             json={"email": email, "display_name": "Bard", "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    tokens = client.post(stack.https_url("/api/v1/auth/login"), json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.text
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


def test_generate_stream_and_usage_through_the_edge(local_stack: RunningStack) -> None:
    body = {"task": "character_concept", "input": {"concept": "A pyromancer with a troubled past", "level": 5}}
    with httpx.Client(verify=local_stack.tls, timeout=30) as client:
        assert client.post(local_stack.https_url("/api/v1/llm/generate"), json=body).status_code == 401
        headers = login(client, local_stack)
        first = client.post(local_stack.https_url("/api/v1/llm/generate"), json=body, headers=headers)
        second = client.post(local_stack.https_url("/api/v1/llm/generate"), json=body, headers=headers)
        streamed = client.post(local_stack.https_url("/api/v1/llm/generate/stream"), headers=headers,
                               json={"task": "name", "input": {"species": "Elf", "count": 3}})
        usage = client.get(local_stack.https_url("/api/v1/llm/usage"), headers=headers).json()
    assert first.status_code == 200, first.text
    result = first.json()
    assert result["provider"] == "offline" and result["model"].startswith("offline-phrases-v1")
    assert result["output"]["class_name"] == "Sorcerer" and "Fire Bolt" in result["output"]["spells"]
    assert second.json()["cached"] is True and second.json()["output"] == result["output"]
    assert streamed.headers["content-type"].startswith("text/event-stream")
    events = [block.split("\n") for block in streamed.text.strip().split("\n\n")]
    assert events[0][0] == "event: progress" and events[-1][0] == "event: result"
    assert len(json.loads(events[-1][1].removeprefix("data: "))["output"]["names"]) == 3
    assert usage["day"]["requests"] == 3 and usage["day"]["cached_requests"] == 1
