"""The concept pipeline itself, free of HTTP and of the job table: concept -> legal build + explanation.

Steps (each reported to ``on_step``): read the concept (LLM ``character_concept`` through the hub, or
the concept vocabulary when no model answers), assemble and repair to a legal build, look every choice
up in the catalog (reuse first), write the explanation.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog

from character_service.concepts.explanation import Provenance, explain
from character_service.concepts.proposal import Proposal, from_llm, from_vocabulary
from character_service.concepts.repair import legal_build, problems_of
from character_service.concepts.reuse import ReuseReport, resolve_proposal, reuse_choices
from character_service.concepts.schemas import ConceptIn
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.hub.client import Hub

log = structlog.get_logger("character_service.concepts")

LLM_TIMEOUT = 10.0
OnStep = Callable[[str], Awaitable[None]]


@dataclass(slots=True)
class PipelineResult:
    """A legal build document and its explanation."""

    build: dict[str, Any]
    explanation: dict[str, Any]
    proposal: Proposal
    reuse: ReuseReport
    seconds: float


async def _nothing(_: str) -> None:
    return None


def personality_for(proposal: Proposal) -> dict[str, str]:
    """Personality notes written from the concept's themes (used when no model wrote them)."""
    themes = proposal.themes or ["wanderer"]
    lead = themes[0]
    return {
        "traits": f"Lives the {lead} life openly; {', '.join(themes[1:3]) or 'restless'} at heart.",
        "ideals": f"What a {lead} owes the world matters more than comfort.",
        "bonds": f"Bound to the idea behind “{proposal.concept.strip()[:60]}”.",
        "flaws": "Takes the concept a step too far when it counts.",
    }


def backstory_for(proposal: Proposal, name: str) -> str:
    """A short backstory from the concept (used when no model wrote one)."""
    return (f"{name} began as {proposal.concept.strip()[:300]}. The road shaped that idea into a "
            f"{proposal.klass.value} of the {proposal.background.value} background.")


async def propose(hub: Hub | None, claims: PrincipalClaims, request: ConceptIn, notes: list[str]) -> Proposal:
    """The build proposal: from the LLM service when it answers, else the concept vocabulary."""
    constraints = request.constraints
    kwargs: dict[str, Any] = {"class_id": constraints.class_id, "species_id": constraints.species,
                              "ability_method": constraints.ability_method, "theme": request.theme}
    if hub is not None and hub.running and len(request.concept.strip()) >= 3:
        payload = {"task": "character_concept",
                   "input": {"concept": f"{request.concept} {request.theme or ''}".strip()[:1000],
                             "level": request.level},
                   "options": {}}
        try:
            answer = await hub.call("llm.generate", payload, principal=claims, timeout=LLM_TIMEOUT)
            origin = f"llm:{answer.get('provider')}/{answer.get('model')}"
            return from_llm(request.concept, request.level, answer.get("output") or {}, origin, **kwargs)
        except Exception as exc:  # the model is optional: the vocabulary always answers
            log.warning("llm_concept_failed", error=str(exc)[:200])
            notes.append(f"LLM service unavailable ({type(exc).__name__}): the concept vocabulary read the concept")
    else:
        notes.append("no LLM service reachable: the concept vocabulary read the concept")
    return from_vocabulary(request.concept, request.level, **kwargs)


async def run_pipeline(hub: Hub | None, claims: PrincipalClaims, request: ConceptIn,
                       on_step: OnStep = _nothing) -> PipelineResult:
    """Concept -> a rules-valid build and its explanation. Never returns an illegal build."""
    started = time.perf_counter()
    notes: list[str] = []
    await on_step("reading the concept…")
    proposal = await propose(hub, claims, request, notes)
    await on_step("matching species, class and background…")
    if not proposal.personality:
        proposal.personality = personality_for(proposal)
    if not proposal.backstory:
        proposal.backstory = backstory_for(proposal, proposal.name)
    reuse = ReuseReport(allowed_sources=frozenset(request.constraints.allowed_sources))
    if reuse.allowed_sources:
        notes.append(f"catalog reuse limited to the sources {', '.join(sorted(reuse.allowed_sources))}")
    await on_step("finding spells and items in the catalog…")
    await resolve_proposal(hub, claims, proposal, reuse)
    await on_step("choosing skills, feats, equipment and spells…")
    build, repairs = legal_build(proposal)
    await on_step("reusing catalog entries…")
    await reuse_choices(hub, claims, proposal, build, reuse)
    await on_step("checking the rules…")
    problems = problems_of(build)
    if problems:  # legal_build guarantees this never happens; refuse rather than store an illegal build
        raise AssertionError(f"illegal build from the pipeline: {[p.to_dict() for p in problems]}")
    provenance: dict[str, list[Provenance]] = dict(reuse.provenance)
    written = Provenance("model" if proposal.origin.startswith("llm") else "vocabulary",
                         proposal.origin, note="written for this character")
    for key in ("personality", "backstory", "name"):
        provenance.setdefault(key, [written])
    explanation = explain(proposal, build, provenance, repairs, notes + reuse.notes)
    explanation["reuse"] = {"looked_up": reuse.looked_up, "reused": reuse.reused, "ratio": round(reuse.ratio, 3),
                            "catalog_reachable": reuse.reachable, "generated": reuse.generated}
    explanation["legal"] = True
    return PipelineResult(build, explanation, proposal, reuse, time.perf_counter() - started)
