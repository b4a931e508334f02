"""Deterministic repair: whatever a proposal says, the pipeline returns a build the rules engine accepts.

First the proposal is assembled (which already bends illegal details to the rules, reporting each);
if the engine still finds problems, the proposal is reduced step by step (model extras dropped, then
the vocabulary reading, then a plain fighter of the same species) and every step is reported.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from character_service.concepts.assemble import Repair, assemble
from character_service.concepts.proposal import Choice, Proposal
from character_service.rules.build import Build
from character_service.rules.validation import Problem, validate


def problems_of(document: dict[str, Any]) -> list[Problem]:
    """The rules problems of a build document (a malformed document is one problem)."""
    try:
        build = Build.model_validate(document)
    except ValueError as exc:
        return [Problem("build", "malformed", str(exc)[:200])]
    return validate(build)


def legal_build(proposal: Proposal) -> tuple[dict[str, Any], list[Repair]]:
    """A rules-valid build for ``proposal`` and every change made to get there."""
    document, repairs = assemble(proposal)
    problems = problems_of(document)
    if not problems:
        return document, repairs
    reduced = replace(proposal, spells=[], weapons=[], origin_feat=None, skills=[])
    for step, candidate in (("model extras dropped", reduced),
                            ("fighter of the same species", replace(reduced, klass=Choice(
                                "fighter", proposal.klass.concept, "repair: the proposed class could not be made "
                                "legal")))):
        repairs.append(Repair("build", [p.to_dict() for p in problems], step,
                              "the rules engine rejected the build; " + step))
        document, more = assemble(candidate)
        repairs.extend(more)
        problems = problems_of(document)
        if not problems:
            return document, repairs
    raise AssertionError(f"no legal build for the concept: {[p.to_dict() for p in problems]}")
