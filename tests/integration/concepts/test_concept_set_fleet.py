"""The 40-concept set through the real LLM offline provider and the real catalog over the hub."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from character_service.concepts.pipeline import run_pipeline
from character_service.concepts.schemas import ConceptIn
from character_service.rules.build import Build
from character_service.rules.validation import validate
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.testing.modules import load_test_module

_concept_set = load_test_module("character_service/tests/concepts/test_concept_set.py")
CONCEPT_SET = _concept_set.CONCEPT_SET
OFFLINE_LLM_RESULTS = _concept_set.OFFLINE_LLM_RESULTS


@pytest.mark.asyncio
async def test_the_set_with_the_offline_llm_and_the_catalog(fleet: Any, hub_instance: Any) -> None:
    """40 concepts through the real offline provider and catalog: all legal, provenance on every choice,
    the reuse ratio reported (and high: the SRD catalog holds almost every choice)."""
    claims = PrincipalClaims(user_id=uuid.uuid4())
    looked_up = reused = generated = 0
    async with hub_instance("character") as hub:
        for index, ((concept, *_), (klass, species, _verdict)) in enumerate(
                zip(CONCEPT_SET, OFFLINE_LLM_RESULTS, strict=True)):
            result = await run_pipeline(hub, claims, ConceptIn(concept=concept, level=1 + index % 20))
            build = Build.model_validate(result.build)
            assert validate(build) == [], concept
            assert (build.classes[0].id, build.species.id) == (klass, species), concept
            for element in result.explanation["elements"]:
                assert element["provenance"] and element["reason"], (concept, element["element"])
            reuse = result.explanation["reuse"]
            assert reuse["catalog_reachable"] is True, concept
            looked_up += reuse["looked_up"]
            reused += reuse["reused"]
            generated += len(reuse["generated"])
    ratio = reused / looked_up
    print(f"reuse ratio over the set: {reused}/{looked_up} = {ratio:.3f}; generated entries: {generated}")
    assert ratio >= 0.9
