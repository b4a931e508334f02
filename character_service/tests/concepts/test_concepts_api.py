"""The concept routes end to end: 202 job, progress, a legal draft on its ``draft`` branch, the event
stream, privacy, and no collision with ``GET /{character_id}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from character_service.rules.build import Build
from character_service.rules.validation import validate

pytestmark = pytest.mark.asyncio

BASE = "/api/v1/characters"


async def test_concept_becomes_a_legal_draft_with_explanation(live_api: httpx.AsyncClient,
                                                             alice: dict[str, str],
                                                             finished: Callable[..., Any]) -> None:
    response = await live_api.post(f"{BASE}/concepts", headers=alice, json={
        "concept": "a clockwork knight searching for her lost name", "level": 5})
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("queued", "running", "succeeded")
    done = await finished(live_api, alice, job["id"])
    assert done["status"] == "succeeded", done["errors"]
    steps = [p["step"] for p in done["progress"]]
    assert steps[0] == "queued" and steps[-1] == "done"
    assert "matching species, class and background…" in steps and "checking the rules…" in steps

    character = (await live_api.get(f"{BASE}/{done['character_id']}", headers=alice)).json()
    assert character["status"] == "draft"
    build = Build.model_validate(character["build"])
    assert validate(build) == []
    assert build.level == 5
    assert character["sheet"] is not None  # a complete, legal draft has a sheet
    elements = {e["element"]: e for e in done["explanation"]["elements"]}
    assert set(elements) >= {"species", "class", "subclass", "background", "origin_feat", "ability_scores",
                             "skills", "equipment", "spells", "personality", "backstory", "name"}
    assert all(e["provenance"] for e in elements.values())
    assert elements["species"]["choice"].startswith("gnome")  # “clockwork” -> the inventor's species
    assert done["explanation"]["legal"] is True

    branches = (await live_api.get(f"{BASE}/{done['character_id']}/branches", headers=alice)).json()
    items = branches["items"] if isinstance(branches, dict) else branches
    names = {b["name"] for b in items}
    assert {"main", "draft"} <= set(names)


async def test_constraints_win_and_bad_input_is_422(live_api: httpx.AsyncClient, alice: dict[str, str],
                                                 finished: Callable[..., Any]) -> None:
    response = await live_api.post(f"{BASE}/concepts", headers=alice, json={
        "concept": "a thief in the night", "level": 3,
        "constraints": {"class": "wizard", "species": "dwarf", "ability_method": "point_buy"}})
    done = await finished(live_api, alice, response.json()["id"])
    character = (await live_api.get(f"{BASE}/{done['character_id']}", headers=alice)).json()
    assert character["build"]["classes"][0]["id"] == "wizard"
    assert character["build"]["species"]["id"] == "dwarf"
    assert character["build"]["ability_scores"]["method"] == "point_buy"
    assert validate(Build.model_validate(character["build"])) == []

    bad = await live_api.post(f"{BASE}/concepts", headers=alice, json={"concept": "x", "level": 21})
    assert bad.status_code == 422
    assert (await live_api.post(f"{BASE}/concepts", json={"concept": "a bard"})).status_code == 401


async def test_jobs_are_private_and_stream_progress(live_api: httpx.AsyncClient, alice: dict[str, str],
                                                    bob: dict[str, str], finished: Callable[..., Any]) -> None:
    job = (await live_api.post(f"{BASE}/concepts", headers=alice, json={"concept": "Yoda"})).json()
    assert (await live_api.get(f"{BASE}/concepts/{job['id']}", headers=bob)).status_code == 404
    async with live_api.stream("GET", f"{BASE}/concepts/{job['id']}/events", headers=alice) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        text = "".join([chunk async for chunk in stream.aiter_text()])
    assert "event: progress" in text and "reading the concept" in text
    assert "event: done" in text
    assert (await live_api.get(f"{BASE}/concepts/{job['id']}/events", headers=bob)).status_code == 404


async def test_concept_routes_do_not_collide_with_character_routes(live_api: httpx.AsyncClient,
                                                                   alice: dict[str, str]) -> None:
    """``/concepts/{job}`` is matched before ``/{character_id}``: an unknown job is a concept-job 404."""
    import uuid

    missing = await live_api.get(f"{BASE}/concepts/{uuid.uuid4()}", headers=alice)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "concept_job_not_found"
    listing = await live_api.get(f"{BASE}/concepts/not-a-uuid", headers=alice)
    assert listing.status_code == 422


async def test_jobs_whose_instance_died_are_failed_on_start(infra: Any, app_factory: Callable[[], Any]) -> None:
    import uuid
    from datetime import UTC, datetime, timedelta

    from character_service.concepts.models import ConceptJob
    from dnd_shared.db.engine import Database

    database = Database(infra.database_url, "character")
    old = datetime.now(UTC) - timedelta(hours=1)
    ids = [uuid.uuid4(), uuid.uuid4()]
    async with database.session() as session:
        for job_id, updated in zip(ids, (old, datetime.now(UTC)), strict=True):
            session.add(ConceptJob(id=job_id, owner_id=uuid.uuid4(), status="running", request={},
                                   progress=[{"step": "queued"}], explanation={}, errors=[], detail="",
                                   created_at=updated, updated_at=updated))
    app = app_factory()
    async with app.router.lifespan_context(app):
        pass
    async with database.session() as session:
        stale, fresh = [await session.get(ConceptJob, job_id) for job_id in ids]
        assert stale is not None and fresh is not None
        assert stale.status == "failed" and stale.errors[0]["code"] == "interrupted"
        assert fresh.status == "running"  # another instance may still be running it
        await session.delete(stale)
        await session.delete(fresh)
    await database.dispose()
