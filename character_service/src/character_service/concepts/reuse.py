"""Reuse first: each mechanical choice is looked up in the catalog (``catalog.match`` over the hub).

An existing entry above the similarity threshold is reused and cited (entry id and source); below it,
the rules data stands and the explanation says why the catalog could not serve. When the catalog is
unreachable, every choice keeps its rules-data provenance and one note says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import structlog

from character_service.concepts.explanation import Provenance, rules
from character_service.concepts.proposal import Proposal
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.hub.client import Hub

log = structlog.get_logger("character_service.concepts")

#: A catalog entry is reused when its similarity to the need is at least this.
REUSE_THRESHOLD = 0.35
MATCH_TIMEOUT = 2.0


@dataclass(slots=True)
class ReuseReport:
    """Provenance per explanation element, the counts behind the reuse ratio, and notes."""

    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
    looked_up: int = 0
    reused: int = 0
    notes: list[str] = field(default_factory=list)
    reachable: bool = True

    @property
    def ratio(self) -> float:
        """Share of looked-up choices that reused a catalog entry."""
        return self.reused / self.looked_up if self.looked_up else 0.0


def _slug(text: str) -> str:
    return text.casefold().replace(" ", "_").replace("-", "_").replace("'", "")


async def _match(hub: Hub, claims: PrincipalClaims, need: str, kind: str, **filters: Any) -> dict[str, Any]:
    payload = {"need": need[:500], "type": kind, "limit": 3, **{k: v for k, v in filters.items() if v is not None}}
    return await hub.call("catalog.match", payload, principal=claims, timeout=MATCH_TIMEOUT)


def _cite(match: dict[str, Any], wanted: str) -> Provenance | None:
    """The catalog provenance for ``wanted`` (an id) among the matches, if one names it and fits."""
    for hit in match.get("matches") or []:
        entry = hit.get("entry") or {}
        names = {_slug(str(entry.get("slug", ""))), _slug(str(entry.get("name", "")))}
        similarity = float(hit.get("similarity") or 0.0)
        if wanted in names and similarity >= REUSE_THRESHOLD:
            channels = [str(m.get("channel")) for m in hit.get("matched_by") or [] if isinstance(m, dict)]
            return Provenance("catalog", str(entry.get("source") or "catalog"), str(entry.get("id")), similarity,
                              f"matched by {', '.join(channels) or 'search'}")
    return None


async def reuse_choices(hub: Hub | None, claims: PrincipalClaims, proposal: Proposal,
                        build: dict[str, Any]) -> ReuseReport:
    """Look every choice up in the catalog; cite the entries reused, keep rules data for the rest."""
    report = ReuseReport()
    if hub is None or not hub.running:
        report.reachable = False
        report.notes.append("catalog unreachable: every choice comes from the rules engine's SRD data")
        return report
    entry = build["classes"][0]
    species = build["species"]["id"]
    needs: list[tuple[str, str, str, dict[str, Any]]] = [
        ("species", f"{proposal.concept} — {species}", "species", {}),
        ("class", f"{proposal.concept} — {entry['id']}", "class", {}),
        ("background", f"{proposal.concept} — {build['background']['id']}", "background", {}),
    ]
    wanted = {"species": [species], "class": [entry["id"]], "background": [build["background"]["id"]]}
    for feat in build["feats"]:
        if feat["source"] in ("background", "species"):
            needs.append(("origin_feat", f"{proposal.concept} — {feat['id']}", "feat", {}))
            wanted.setdefault("origin_feat", []).append(feat["id"])
    for item in build["equipment"]:
        if item.get("item_id"):
            needs.append(("equipment", f"{item['item_id'].replace('_', ' ')}", "item", {}))
            wanted.setdefault("equipment", []).append(item["item_id"])
    spells = [s for ids in build["spells"].get("cantrips", {}).values() for s in ids]
    spells += [s for ids in build["spells"].get("prepared", {}).values() for s in ids]
    for spell in spells:
        needs.append(("spells", spell.replace("_", " "), "spell", {"class": entry["id"]}))
        wanted.setdefault("spells", []).append(spell)
    position: dict[str, int] = {}
    for element, need, kind, filters in needs:
        index = position.get(element, 0)
        position[element] = index + 1
        target = wanted[element][index]
        report.looked_up += 1
        try:
            answer = await _match(hub, claims, need, kind, **filters)
        except Exception as exc:  # the catalog is an optional helper; rules data always stands
            log.warning("catalog_match_failed", kind=kind, error=str(exc)[:200])
            report.reachable = False
            report.notes.append(f"catalog unreachable ({type(exc).__name__}): the rules engine's SRD data was used")
            report.looked_up -= 1
            break
        cited = _cite(answer, target)
        if cited is not None:
            report.reused += 1
            report.provenance.setdefault(element, []).append(cited)
        else:
            best = float(answer.get("best_similarity") or 0.0)
            report.provenance.setdefault(element, []).append(rules(
                f"'{target}': the catalog's best match had similarity {best:.2f} and did not name it; "
                "the SRD rules data is used"))
    return report
