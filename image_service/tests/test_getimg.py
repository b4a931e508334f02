"""The GetImg client against a local server that speaks its API, and the worker's GetImg path."""

from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image
from pydantic import SecretStr

from image_service.providers.getimg import GetImgClient, GetImgError

from .conftest import ImageAppFactory
from .fake_getimg import Reply, error, fake_getimg_server, sample_png, success

PREFIX = "/api/v1/images"


async def test_text_to_image_sends_the_documented_request() -> None:
    with fake_getimg_server() as fake:
        client = GetImgClient("test-key", base_url=fake.base_url, model_path="flux-schnell")
        result = await client.text_to_image("A dwarf fighter", width=768, height=768, seed=42)
        assert result.data == sample_png() and result.content_type == "image/png"
        assert (result.seed, result.cost) == (1234, 0.0024)
        sent = fake.requests[0]
        assert sent["path"] == "/v1/flux-schnell/text-to-image"
        assert sent["headers"]["Authorization"] == "Bearer test-key"
        assert sent["json"] == {
            "prompt": "A dwarf fighter",
            "width": 768,
            "height": 768,
            "output_format": "png",
            "response_format": "b64",
            "seed": 42,
        }
        assert "test-key" not in repr(client)


@pytest.mark.parametrize(
    ("reply", "status", "code", "retryable"),
    [
        (error(400, "invalid_parameter", "width must be a multiple of 64"), 400, "getimg_bad_request", False),
        (error(402, "quota_exceeded", "Not enough credits"), 402, "getimg_insufficient_credits", False),
        (error(429, "rate_limit_exceeded", "Slow down", {"Retry-After": "7"}), 429, "getimg_rate_limited", True),
        (error(500, "internal_error", "Something broke"), 500, "getimg_unavailable", True),
        (Reply(200, {"image": "%%% not base64 %%%"}), 502, "getimg_bad_response", False),
        (Reply(200, {"seed": 1}), 502, "getimg_bad_response", False),
        (Reply(503, raw=b"<html>gateway</html>"), 503, "getimg_unavailable", True),
    ],
)
async def test_errors_map_to_typed_getimg_errors(reply: Reply, status: int, code: str, retryable: bool) -> None:
    with fake_getimg_server() as fake:
        fake.script.append(reply)
        client = GetImgClient("test-key", base_url=fake.base_url)
        with pytest.raises(GetImgError) as caught:
            await client.text_to_image("x", width=512, height=512)
        assert (caught.value.status, caught.value.code, caught.value.retryable) == (status, code, retryable)
        if status == 429:
            assert caught.value.retry_after == 7.0
        if status in (400, 402):
            assert reply.body["error"]["message"] in caught.value.message


async def test_bad_key_and_unreachable_server() -> None:
    with fake_getimg_server() as fake:
        with pytest.raises(GetImgError) as caught:
            await GetImgClient("wrong-key", base_url=fake.base_url).text_to_image("x", width=512, height=512)
        assert (caught.value.status, caught.value.code) == (401, "getimg_unauthorized")
        assert "wrong-key" not in str(caught.value)
        base_url = fake.base_url
    with pytest.raises(GetImgError) as unreachable:
        await GetImgClient("test-key", base_url=base_url, timeout=2).text_to_image("x", width=512, height=512)
    assert unreachable.value.code == "getimg_unreachable" and unreachable.value.retryable


async def test_portrait_through_getimg_end_to_end(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    with fake_getimg_server() as fake:
        fake.script.append(success(sample_png(768, 768)))
        async with image_app(getimg_api_key=SecretStr("test-key"), getimg_base_url=fake.base_url) as env:
            queued = await env.client.post(
                f"{PREFIX}/portraits",
                headers=env.headers(owner),
                json={
                    "description": {
                        "name": "Brenna",
                        "species": "Dwarf",
                        "character_class": "Cleric",
                        "appearance": "copper braids, soot-stained apron",
                    },
                    "theme": "frost",
                    "seed": 9,
                },
            )
            assert queued.status_code == 202 and queued.json()["provider"] == "getimg"
            outcomes = await env.run_jobs()
            assert [o.status for o in outcomes] == ["succeeded"]
            prompt = fake.requests[0]["json"]["prompt"]
            assert prompt.startswith("A portrait of Brenna, a dwarf cleric, copper braids, soot-stained apron.")
            assert "icy northern setting" in prompt and fake.requests[0]["json"]["seed"] == 9
            job = (await env.client.get(queued.json()["url"], headers=env.headers(owner))).json()
            image = await env.client.get(job["image_url"], headers=env.headers(owner))
            assert image.headers["X-Image-Provider"] == "getimg"
            assert Image.open(io.BytesIO(image.content)).size == (768, 768)
            meta = (await env.client.get(f"{PREFIX}/{job['asset_id']}/meta", headers=env.headers(owner))).json()
            assert meta["current"]["prompt"] == prompt and (meta["current"]["width"], meta["current"]["height"]) == (
                768,
                768,
            )


async def test_retryable_errors_requeue_and_permanent_ones_fail(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    with fake_getimg_server() as fake:
        fake.script += [
            error(429, "rate_limit_exceeded", "Slow down", {"Retry-After": "0"}),
            error(402, "quota_exceeded", "Not enough credits"),
        ]
        async with image_app(getimg_api_key=SecretStr("test-key"), getimg_base_url=fake.base_url) as env:
            queued = await env.client.post(
                f"{PREFIX}/items",
                headers=env.headers(owner),
                json={"name": "Flame Tongue", "category": "weapon", "rarity": "rare"},
            )
            first = await env.app.state.job_worker.run_once()
            assert (first.status, first.error_code) == ("pending", "getimg_rate_limited")
            second = await env.app.state.job_worker.run_once()
            assert (second.status, second.error_code) == ("failed", "getimg_insufficient_credits")
            job = (await env.client.get(queued.json()["url"], headers=env.headers(owner))).json()
            assert job["status"] == "failed" and job["attempts"] == 2 and job["image_url"] is None
            assert job["error_code"] == "getimg_insufficient_credits"
            assert "Not enough credits" in job["error_message"]
