"""The pipeline against the real LLM service (offline provider) and the real catalog (SRD seeded) over
the hub: the model's proposal, reuse first with catalog citations, adaptations, and generated homebrew
only when nothing fits."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from character_service.concepts.proposal import from_vocabulary
from character_service.concepts.repair import legal_build
from character_service.concepts.reuse import ReuseReport, resolve_proposal
from character_service.concepts.spell_picks import spell_level_of
from character_service.rules.build import Build
from character_service.rules.validation import validate
from dnd_shared.contracts.envelope import PrincipalClaims

pytestmark = pytest.mark.asyncio

BASE = "/api/v1/characters"
KINDS = {"catalog", "adaptation", "generated", "rules_data", "model", "vocabulary"}


async def test_offline_model_proposal_with_catalog_reuse(fleet: dict[str, Any], live_api: httpx.AsyncClient,
                                                         alice: dict[str, str],
                                                         finished: Callable[..., Any]) -> None:
    job = (await live_api.post(f"{BASE}/concepts", headers=alice, json={
        "concept": "a sorcerer who commands fire", "level": 5})).json()
    done = await finished(live_api, alice, job["id"])
    assert done["status"] == "succeeded", done["errors"]
    explanation = done["explanation"]
    assert explanation["proposal_origin"].startswith("llm:offline/")
    assert explanation["notes"] == []
    reuse = explanation["reuse"]
    assert reuse["catalog_reachable"] is True and reuse["looked_up"] >= 10 and reuse["ratio"] >= 0.5
    elements = {e["element"]: e for e in explanation["elements"]}
    for element in explanation["elements"]:
        assert element["provenance"], element["element"]
        assert {p["kind"] for p in element["provenance"]} <= KINDS
    for key in ("species", "class", "background"):
        cited = elements[key]["provenance"][0]
        assert cited["kind"] == "catalog" and cited["source"] == "srd-5.2" and uuid.UUID(cited["entry_id"])
    progress = [p["step"] for p in done["progress"]]
    assert "finding spells and items in the catalog…" in progress
    character = (await live_api.get(f"{BASE}/{done['character_id']}", headers=alice)).json()
    build = Build.model_validate(character["build"])
    assert validate(build) == []
    # Spells the model named beyond the pipeline's own table were confirmed by the catalog and kept.
    spells = [s for ids in build.spells.cantrips.values() for s in ids]
    spells += [s for ids in build.spells.prepared.values() for s in ids]
    beyond = [s for s in spells if spell_level_of(s) is None]
    assert beyond, spells
    cited = {p["entry_id"] for p in elements["spells"]["provenance"] if p["kind"] == "catalog"}
    assert len(cited) >= len(beyond)


async def test_generated_homebrew_only_when_nothing_fits(fleet: dict[str, Any], hub_instance: Any) -> None:
    claims = PrincipalClaims(user_id=uuid.uuid4())
    proposal = from_vocabulary("a wandering tinker", 2)
    proposal.origin = "llm:offline/offline-1"
    proposal.item_names = {"dagger": "Dagger", "zq_vrrt_plomb": "Zq Vrrt Plomb", "torch": "Torch"}
    proposal.weapons = ["dagger", "zq_vrrt_plomb", "torch"]
    report = ReuseReport()
    async with hub_instance("character") as hub:
        await resolve_proposal(hub, claims, proposal, report)
        build, _repairs = legal_build(proposal)
        assert validate(Build.model_validate(build)) == []
        inline = {e["item"]["name"]: e["item"] for e in build["equipment"] if e.get("item")}
        # The torch exists in the catalog: reused, not generated.
        # (the dagger is a rules weapon: no look-up; then the invented item, then the torch)
        assert [p.kind for p in report.provenance["equipment"]] == ["generated", "catalog"]
        assert inline["Torch"]["catalog_id"] == report.provenance["equipment"][1].entry_id
        # Nothing fits the invented item: one generated entry, linked to the character by catalog_id.
        assert len(report.generated) == 1
        generated_id = report.generated[0]
        assert inline["Zq Vrrt Plomb"]["catalog_id"] == generated_id
        why = next(p for p in report.provenance["equipment"] if p.kind == "generated")
        assert "no catalog entry fits" in why.note
        stored = await hub.call("catalog.get", {"id": generated_id}, principal=claims, timeout=3.0)
    entry = stored["entry"]
    assert entry["source"] == "generated" and entry["owner_id"] == str(claims.user_id)
    assert entry["generation"]["model"] == "offline-1"
    assert entry["generation"]["prompt"].startswith("character_concept: a wandering tinker")
    assert entry["balance"] is not None


async def test_a_portrait_is_requested_from_the_image_service(live_api: httpx.AsyncClient, alice: dict[str, str],
                                                              tmp_path: Any, hub_instance: Any,
                                                              finished: Callable[..., Any]) -> None:
    """With ``portrait: true`` the job asks the real image service (in-process, worker off) for a portrait
    of the stored draft; the image service reads the character back through the hub."""
    from dnd_shared.testing.hub_fixtures import fast_hub_settings
    from image_service.main import create_app as create_image

    image = create_image()
    image.state.settings.job_worker_enabled = False
    image.state.settings.assets_dir = tmp_path / "assets"
    image.state.hub_settings = fast_hub_settings()
    async with image.router.lifespan_context(image):
        job = (await live_api.post(f"{BASE}/concepts", headers=alice, json={
            "concept": "a dwarven blacksmith priest of the forge god", "level": 3, "portrait": True})).json()
        done = await finished(live_api, alice, job["id"])
    assert done["status"] == "succeeded", done["errors"]
    portrait = done["explanation"]["portrait"]
    assert portrait["requested"] is True and portrait["status"] == "pending", portrait
    assert uuid.UUID(portrait["job_id"])
    assert "requesting a portrait…" in [p["step"] for p in done["progress"]]
    # Without the image service the character still stands, and the explanation says why.
    job = (await live_api.post(f"{BASE}/concepts", headers=alice, json={
        "concept": "a gnome tinker", "portrait": True})).json()
    done = await finished(live_api, alice, job["id"])
    assert done["status"] == "succeeded"
    assert done["explanation"]["portrait"]["requested"] is False
    assert "image service unavailable" in done["explanation"]["portrait"]["reason"]


async def test_allowed_sources_limit_reuse_and_generation(fleet: dict[str, Any], hub_instance: Any) -> None:
    from character_service.concepts.pipeline import run_pipeline
    from character_service.concepts.schemas import ConceptIn

    claims = PrincipalClaims(user_id=uuid.uuid4())
    concept = "an orc bard who sings heavy metal ballads in taverns"
    async with hub_instance("character") as hub:
        srd_only = await run_pipeline(hub, claims, ConceptIn.model_validate(
            {"concept": concept, "level": 4, "constraints": {"allowed_sources": ["srd-5.2"]}}))
        nothing = await run_pipeline(hub, claims, ConceptIn.model_validate(
            {"concept": concept, "level": 4, "constraints": {"allowed_sources": ["a-book-we-do-not-have"]}}))
    for result in (srd_only, nothing):
        assert validate(Build.model_validate(result.build)) == []
        assert result.explanation["reuse"]["generated"] == []
    cited = [p for e in srd_only.explanation["elements"] for p in e["provenance"] if p["kind"] in
             ("catalog", "adaptation")]
    assert cited and {p["source"] for p in cited} == {"srd-5.2"}
    assert "catalog reuse limited to the sources srd-5.2" in srd_only.explanation["notes"]
    kinds = {p["kind"] for e in nothing.explanation["elements"] for p in e["provenance"]}
    assert not kinds & {"catalog", "adaptation", "generated"}
    assert nothing.explanation["reuse"]["reused"] == 0 and nothing.explanation["reuse"]["looked_up"] > 0
