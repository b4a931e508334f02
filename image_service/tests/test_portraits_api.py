"""Portraits and item art: queued jobs, the worker, completion events on the hub, character data
through ``character.get``, and the per-user generation limit."""

from __future__ import annotations

import io
import json
import uuid
from typing import Any

from PIL import Image
from redis.asyncio import Redis

from dnd_shared.contracts.character import CharacterClassLevel, CharacterRef, CharacterSummary, get_summary
from dnd_shared.errors import NotFoundError
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory

from .conftest import ImageAppFactory

PREFIX = "/api/v1/images"
DESCRIPTION = {"name": "Lyra Moonwhisper", "species": "Elf", "character_class": "Wizard", "appearance": "silver hair"}


async def _events(redis: Redis) -> list[dict[str, Any]]:
    entries = await redis.xrange("hub:evt:image")
    return [json.loads(fields[b"m"]) for _id, fields in entries]


async def test_portrait_from_a_description_runs_offline(
    image_app: ImageAppFactory, owner: uuid.UUID, redis_client: Redis
) -> None:
    async with image_app() as env:
        queued = await env.client.post(
            f"{PREFIX}/portraits",
            headers=env.headers(owner),
            json={"description": DESCRIPTION, "theme": "frost", "seed": 5},
        )
        assert queued.status_code == 202, queued.text
        job = queued.json()
        assert queued.headers["Location"] == job["url"] == f"{PREFIX}/jobs/{job['id']}"
        assert (job["status"], job["provider"], job["kind"]) == ("pending", "offline", "portrait")
        assert job["spec"] == {
            "name": "Lyra Moonwhisper",
            "species": "Elf",
            "character_class": "Wizard",
            "appearance": "silver hair",
            "theme": "frost",
            "style": "token",
            "seed": 5,
        }

        outcomes = await env.run_jobs()
        assert [outcome.status for outcome in outcomes] == ["succeeded"]
        done = (await env.client.get(job["url"], headers=env.headers(owner))).json()
        assert done["status"] == "succeeded" and done["image_url"] == f"{PREFIX}/{done['asset_id']}"
        image = await env.client.get(done["image_url"], headers=env.headers(owner))
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        picture = Image.open(io.BytesIO(image.content))
        assert picture.size == (512, 512) and picture.text["Comment"] == "generated offline; seed 5"
        assert image.headers["X-Image-Provider"] == "offline"

        metrics = (await env.client.get("/metrics")).text
        assert 'image_generations_total{kind="portrait",provider="offline",status="succeeded"}' in metrics
        assert 'image_render_seconds_count{kind="portrait",provider="offline"}' in metrics
        assert 'image_job_wait_seconds_count{kind="portrait"}' in metrics

        events = await _events(redis_client)
        assert [event["type"] for event in events] == ["image.generation.completed.v1"]
        assert events[0]["data"]["job_id"] == job["id"] and events[0]["data"]["status"] == "succeeded"
        assert events[0]["data"]["asset_id"] == done["asset_id"]


async def test_item_art_job(image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID) -> None:
    async with image_app() as env:
        queued = await env.client.post(
            f"{PREFIX}/items",
            headers=env.headers(owner),
            json={"name": "Ring of Protection", "category": "ring", "rarity": "rare", "seed": 3},
        )
        assert queued.status_code == 202 and queued.json()["kind"] == "item"
        assert queued.json()["prompt"].startswith("Game item icon of Ring of Protection, a rare magic ring.")
        await env.run_jobs()
        job = (await env.client.get(queued.json()["url"], headers=env.headers(owner))).json()
        icon = await env.client.get(job["image_url"], headers=env.headers(owner))
        assert Image.open(io.BytesIO(icon.content)).size == (256, 256)
        # Someone else's job is invisible.
        assert (await env.client.get(queued.json()["url"], headers=env.headers(stranger))).status_code == 404
        mine = await env.client.get(f"{PREFIX}/jobs?kind=item&status=succeeded", headers=env.headers(owner))
        assert [item["id"] for item in mine.json()["items"]] == [job["id"]]
        assert (await env.client.get(f"{PREFIX}/jobs?status=pending", headers=env.headers(owner))).json()["items"] == []
        assert (await env.client.get(f"{PREFIX}/jobs", headers=env.headers(stranger))).json()["items"] == []
        bad = await env.client.post(
            f"{PREFIX}/items", headers=env.headers(owner), json={"name": "x", "category": "spaceship"}
        )
        assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "category"


async def test_portrait_request_needs_exactly_one_source(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        neither = await env.client.post(f"{PREFIX}/portraits", headers=env.headers(owner), json={"theme": "dark"})
        both = await env.client.post(
            f"{PREFIX}/portraits",
            headers=env.headers(owner),
            json={"character_id": str(uuid.uuid4()), "description": DESCRIPTION},
        )
        for response in (neither, both):
            assert response.status_code == 422
            assert "exactly one of character_id or description" in response.json()["error"]["details"][0]["issue"]


async def test_character_id_without_a_character_service_is_503(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        response = await env.client.post(
            f"{PREFIX}/portraits", headers=env.headers(owner), json={"character_id": str(uuid.uuid4())}
        )
        assert response.status_code == 503 and response.json()["error"]["code"] == "service_unavailable"
        # Nothing was queued.
        assert await env.app.state.job_worker.run_once() is None


async def test_portrait_from_a_character_through_the_hub(
    image_app: ImageAppFactory, hub_instance: HubFactory, owner: uuid.UUID, stranger: uuid.UUID
) -> None:
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    seen_principals: list[uuid.UUID | None] = []
    characters = HubRouter()

    @characters.rpc(get_summary)
    async def character_summary(request: CharacterRef, ctx: MessageContext) -> CharacterSummary:
        seen_principals.append(ctx.user.user_id if ctx.user else None)
        if request.character_id not in (mine, theirs):
            raise NotFoundError("No character with that id.", code="character_not_found")
        return CharacterSummary(
            id=request.character_id,
            owner_id=owner if request.character_id == mine else stranger,
            name="Grishnak",
            status="active",
            level=5,
            species="orc",
            background="soldier",
            classes=[CharacterClassLevel(id="fighter", level=1), CharacterClassLevel(id="barbarian", level=4)],
        )

    async with hub_instance("character", characters), image_app() as env:
        missing = await env.client.post(
            f"{PREFIX}/portraits", headers=env.headers(owner), json={"character_id": str(uuid.uuid4())}
        )
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "character_not_found"
        not_mine = await env.client.post(
            f"{PREFIX}/portraits", headers=env.headers(owner), json={"character_id": str(theirs)}
        )
        assert not_mine.status_code == 404 and not_mine.json()["error"]["code"] == "character_not_found"
        queued = await env.client.post(
            f"{PREFIX}/portraits",
            headers=env.headers(owner),
            json={
                "character_id": str(mine),
                "appearance": "scarred, one ear missing",
                "theme": "dark",
                "style": "card",
            },
        )
        assert queued.status_code == 202, queued.text
        spec = queued.json()["spec"]
        assert (spec["name"], spec["species"], spec["character_class"], spec["appearance"]) == (
            "Grishnak",
            "orc",
            "barbarian",
            "scarred, one ear missing",
        )
        assert queued.json()["character_id"] == str(mine)
        assert seen_principals == [owner, owner, owner]  # the user's identity travels with each call
        assert [o.status for o in await env.run_jobs()] == ["succeeded"]
        mixed = await env.client.post(
            f"{PREFIX}/portraits", headers=env.headers(owner), json={"description": DESCRIPTION, "appearance": "tall"}
        )
        assert mixed.status_code == 422


async def test_ten_generations_per_minute_per_user(
    image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID
) -> None:
    async with image_app() as env:
        request = {"name": "Arrow", "category": "ammunition", "seed": 1}
        statuses = []
        for _ in range(10):
            statuses.append(
                (await env.client.post(f"{PREFIX}/items", headers=env.headers(owner), json=request)).status_code
            )
        assert statuses == [202] * 10
        refused = await env.client.post(
            f"{PREFIX}/maps", headers=env.headers(owner), json={"kind": "cave", "width": 20, "height": 20}
        )
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "generation_rate_limited"
        assert 1 <= int(refused.headers["Retry-After"]) <= 6
        # Another user has their own allowance.
        other = await env.client.post(f"{PREFIX}/items", headers=env.headers(stranger), json=request)
        assert other.status_code == 202


async def test_generation_commands_through_the_hub(
    image_app: ImageAppFactory, hub_instance: HubFactory, owner: uuid.UUID
) -> None:
    from dnd_shared.contracts.envelope import PrincipalClaims

    async with image_app() as env, hub_instance("campaign") as campaign:
        principal = PrincipalClaims(user_id=owner, roles=("player",))
        job = await campaign.call(
            "image.portrait.generate", {"description": DESCRIPTION, "seed": 1}, principal=principal, timeout=5
        )
        assert job["status"] == "pending" and job["spec"]["name"] == "Lyra Moonwhisper"
        item = await campaign.call(
            "image.item.generate",
            {"name": "Wand of Webs", "category": "wand", "rarity": "uncommon"},
            principal=principal,
            timeout=5,
        )
        assert item["kind"] == "item"
        map_ = await campaign.call(
            "image.map.generate",
            {"kind": "tavern", "width": 20, "height": 16, "seed": 4},
            principal=principal,
            timeout=10,
        )
        assert map_["layout"]["rooms"][0]["name"] == "Common room"
        status = await campaign.call("image.job.get", {"job_id": job["id"]}, principal=principal, timeout=5)
        assert status["id"] == job["id"]
        info = await campaign.call("image.system.info", {}, timeout=5)
        assert info["service"] == "image" and "image.portrait.generate" in info["rpc_types"]
        # The map is the owner's, visible over HTTP.
        over_http = await env.client.get(f"{PREFIX}/maps/{map_['id']}", headers=env.headers(owner))
        assert over_http.status_code == 200


async def test_regenerating_into_an_existing_portrait_adds_a_version(
    image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID
) -> None:
    async with image_app() as env:
        first = await env.client.post(
            f"{PREFIX}/portraits", headers=env.headers(owner), json={"description": DESCRIPTION, "seed": 1}
        )
        await env.run_jobs()
        image_id = (await env.client.get(first.json()["url"], headers=env.headers(owner))).json()["asset_id"]
        again = await env.client.post(
            f"{PREFIX}/portraits",
            headers=env.headers(owner),
            json={"description": DESCRIPTION, "seed": 2, "theme": "infernal", "image_id": image_id},
        )
        assert again.status_code == 202
        await env.run_jobs()
        job = (await env.client.get(again.json()["url"], headers=env.headers(owner))).json()
        assert job["asset_id"] == image_id  # same image, same URL on the sheet
        versions = (await env.client.get(f"{PREFIX}/{image_id}/versions", headers=env.headers(owner))).json()
        assert [v["number"] for v in versions] == [1, 2] and versions[0]["content_hash"] != versions[1]["content_hash"]
        current = await env.client.get(f"{PREFIX}/{image_id}", headers=env.headers(owner))
        assert current.headers["X-Image-Version"] == "2"
        assert current.headers["ETag"] == f'"{versions[1]["content_hash"]}"'

        # Only your own image of the same kind can be the target.
        theirs = await env.client.post(
            f"{PREFIX}/portraits",
            headers=env.headers(stranger),
            json={"description": DESCRIPTION, "image_id": image_id},
        )
        assert theirs.status_code == 404
        item = await env.client.post(
            f"{PREFIX}/items",
            headers=env.headers(owner),
            json={"name": "Cloak", "category": "wondrous", "image_id": image_id},
        )
        assert item.status_code == 422 and item.json()["error"]["code"] == "image_kind_mismatch"
        assert item.json()["error"]["details"] == [{"field": "image_id", "issue": "must be a item image"}]
