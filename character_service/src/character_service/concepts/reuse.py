"""Reuse first: each mechanical choice is looked up in the catalog (``catalog.match`` over the hub).

An existing entry above the similarity threshold is reused and cited (entry id and source); below it,
the rules data stands and the explanation says why the catalog could not serve. When the catalog is
unreachable, every choice keeps its rules-data provenance and one note says so.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import structlog

from character_service.concepts.explanation import Provenance, rules
from character_service.concepts.proposal import Proposal
from character_service.concepts.spell_picks import max_spell_level, spell_level_of
from character_service.rules.data.classes import CLASSES
from character_service.rules.data.equipment import ARMOR, WEAPONS
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.hub.client import Hub
from dnd_shared.hub.errors import HubTimeoutError, HubUnavailableError

log = structlog.get_logger("character_service.concepts")

#: A catalog entry is reused when its similarity to the need is at least this.
REUSE_THRESHOLD = 0.35
MATCH_TIMEOUT = 2.0
#: At most this many homebrew items are generated for one character.
MAX_GENERATED = 2
#: An item the model named is the catalog entry itself at this similarity (or when the names agree)…
ITEM_REUSE = 0.9
#: …an adaptation of it (the concept's name and flavour, the entry's mechanics, linked to it as root)
#: from this similarity, when a lexical channel agrees; otherwise nothing fits and the item is generated.
ITEM_ADAPT = 0.7
#: Channels that read the words themselves; a semantic-only hit (about 0.8 for any text with the
#: offline embedder) is not evidence of a fit.
LEXICAL = frozenset({"exact", "fuzzy", "fulltext"})
UNREACHABLE = (HubUnavailableError, HubTimeoutError)
#: Catalog look-ups in flight at once for one character.
PARALLEL_LOOKUPS = 8


async def _confirmed() -> dict[str, Any]:
    """Placeholder answer for a choice cited while resolving the proposal (no second look-up)."""
    return {}


@dataclass(slots=True)
class ReuseReport:
    """Provenance per explanation element, the counts behind the reuse ratio, and notes."""

    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
    looked_up: int = 0
    reused: int = 0
    notes: list[str] = field(default_factory=list)
    reachable: bool = True
    #: The request's ``allowed_sources`` (empty: every source); ``generated`` allows generated homebrew.
    allowed_sources: frozenset[str] = frozenset()
    #: Catalog citations made while resolving the proposal (spells, items), by rules id.
    confirmed: dict[str, Provenance] = field(default_factory=dict)
    generated: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Share of looked-up choices that reused a catalog entry."""
        return self.reused / self.looked_up if self.looked_up else 0.0


def _slug(text: str) -> str:
    return text.casefold().replace(" ", "_").replace("-", "_").replace("'", "")


async def _match(hub: Hub, claims: PrincipalClaims, need: str, kind: str, sources: frozenset[str] = frozenset(),
                 **filters: Any) -> dict[str, Any]:
    """``catalog.match``; with ``sources``, only entries from those sources count (the request's
    ``allowed_sources``)."""
    payload = {"need": need[:500], "type": kind, "limit": 3, **{k: v for k, v in filters.items() if v is not None}}
    answer = await hub.call("catalog.match", payload, principal=claims, timeout=MATCH_TIMEOUT)
    if not sources:
        return answer
    kept = [h for h in answer.get("matches") or [] if str((h.get("entry") or {}).get("source")) in sources]
    return {"matches": kept, "best_similarity": max((float(h.get("similarity") or 0) for h in kept), default=0.0)}


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
                        build: dict[str, Any], report: ReuseReport) -> ReuseReport:
    """Look every choice up in the catalog; cite the entries reused, keep rules data for the rest."""
    if hub is None or not hub.running:
        report.reachable = False
        report.notes.append("catalog unreachable: every choice comes from the rules engine's SRD data")
        return report
    if not report.reachable:
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
            kind = "armor" if item["item_id"] in ARMOR else "weapon"
            needs.append(("equipment", f"{item['item_id'].replace('_', ' ')}", kind, {}))
            wanted.setdefault("equipment", []).append(item["item_id"])
    spells = [s for ids in build["spells"].get("cantrips", {}).values() for s in ids]
    spells += [s for ids in build["spells"].get("prepared", {}).values() for s in ids]
    for spell in spells:
        needs.append(("spells", spell.replace("_", " "), "spell", {"class": entry["id"]}))
        wanted.setdefault("spells", []).append(spell)
    position: dict[str, int] = {}
    jobs: list[tuple[str, str, str, str, dict[str, Any]]] = []
    for element, need, kind, filters in needs:
        index = position.get(element, 0)
        position[element] = index + 1
        jobs.append((element, wanted[element][index], need, kind, filters))
    gate = asyncio.Semaphore(PARALLEL_LOOKUPS)

    async def look_up(need: str, kind: str, filters: dict[str, Any]) -> dict[str, Any] | BaseException:
        async with gate:
            try:
                return await _match(hub, claims, need, kind, report.allowed_sources, **filters)
            except Exception as exc:  # sorted out below: unreachable stops reuse, a refusal keeps rules data
                return exc

    answers = await asyncio.gather(*(look_up(need, kind, filters) if target not in report.confirmed
                                     else _confirmed() for _e, target, need, kind, filters in jobs))
    for (element, target, _need, kind, _filters), answer in zip(jobs, answers, strict=True):
        report.looked_up += 1
        if target in report.confirmed:  # already looked up and cited before assembly
            report.reused += 1
            report.provenance.setdefault(element, []).append(report.confirmed[target])
            continue
        if isinstance(answer, UNREACHABLE):
            log.warning("catalog_match_failed", kind=kind, error=str(answer)[:200])
            if report.reachable:
                report.notes.append(f"catalog unreachable ({type(answer).__name__}): the rules engine's SRD data "
                                    "was used")
            report.reachable = False
            report.looked_up -= 1
            report.provenance.setdefault(element, []).append(rules(f"'{target}': catalog unreachable"))
            continue
        if isinstance(answer, BaseException):
            report.provenance.setdefault(element, []).append(rules(
                f"'{target}': the catalog could not answer ({type(answer).__name__}); the SRD rules data is used"))
            continue
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


async def resolve_proposal(hub: Hub | None, claims: PrincipalClaims, proposal: Proposal,
                           report: ReuseReport) -> None:
    """Before assembly: spells and items the model named that the rules tables don't know are looked up
    in the catalog (reused when an entry names them), and items with no fit at all become generated
    homebrew through ``catalog.create_generated`` (balance-checked there, linked to the character by
    the inline item's ``catalog_id``)."""
    if hub is None or not hub.running or not report.reachable:
        return
    class_id = proposal.klass.value if proposal.klass.value in CLASSES else None
    try:
        if class_id and CLASSES[class_id].caster:
            top = max_spell_level(class_id, max(1, min(20, proposal.level)))
            for spell in proposal.spells:
                if spell_level_of(spell) is None:
                    await _confirm_spell(hub, claims, proposal, report, spell, class_id, top)
        for key, name in proposal.item_names.items():
            if key not in WEAPONS and key not in ARMOR:
                await _resolve_item(hub, claims, proposal, report, key, name)
    except UNREACHABLE as exc:
        report.reachable = False
        report.notes.append(f"catalog unreachable ({type(exc).__name__}): the rules engine's SRD data was used")


async def _confirm_spell(hub: Hub, claims: PrincipalClaims, proposal: Proposal, report: ReuseReport, spell: str,
                         class_id: str, top: int) -> None:
    try:
        answer = await _match(hub, claims, spell.replace("_", " "), "spell", report.allowed_sources,
                              **{"class": class_id, "max_level": top})
    except UNREACHABLE:
        raise
    except Exception:  # a refused look-up leaves the spell to the repair step
        return
    cited = _cite(answer, spell)
    if cited is None:
        return
    level = next((int((hit.get("entry") or {}).get("mechanics", {}).get("level", -1))
                  for hit in answer.get("matches") or []
                  if _slug(str((hit.get("entry") or {}).get("slug", ""))) == spell
                  or _slug(str((hit.get("entry") or {}).get("name", ""))) == spell), -1)
    if 0 <= level <= top:
        proposal.extra_spells[spell] = level
        report.confirmed[spell] = cited


async def _resolve_item(hub: Hub, claims: PrincipalClaims, proposal: Proposal, report: ReuseReport, key: str,
                        name: str) -> None:
    report.looked_up += 1
    try:
        answer = await _match(hub, claims, name, "gear", report.allowed_sources)
    except UNREACHABLE:
        raise
    except Exception:
        answer = {"matches": [], "best_similarity": 0.0}
    matches = answer.get("matches") or []
    best = float(answer.get("best_similarity") or 0.0)
    cited = _cite(answer, key)
    lexical = [h for h in matches if LEXICAL & {str(m.get("channel")) for m in h.get("matched_by") or []}]
    if cited is None and lexical and float(lexical[0].get("similarity") or 0) >= ITEM_ADAPT:
        top = lexical[0]
        entry = top.get("entry") or {}
        best = float(top.get("similarity") or 0)
        exact = best >= ITEM_REUSE
        cited = Provenance("catalog" if exact else "adaptation", str(entry.get("source") or "catalog"),
                           str(entry.get("id")), best,
                           f"'{name}' is the catalog's {entry.get('name')}" if exact else
                           f"'{name}': only the flavour differs from the catalog's {entry.get('name')}; its "
                           "mechanics are used under the concept's name, linked to it as root")
    if cited is not None:
        report.reused += 1
        entry = next(h["entry"] for h in matches if str(h["entry"].get("id")) == cited.entry_id)
        shown = name if cited.kind == "adaptation" else str(entry.get("name"))
        proposal.gear.append({"key": key, "name": shown[:100], "category": "gear",
                              "catalog_id": str(entry.get("id")),
                              "weight_lb": float(entry.get("mechanics", {}).get("weight_lb") or 0)})
        report.provenance.setdefault("equipment", []).append(cited)
        return
    if len(report.generated) >= MAX_GENERATED:
        return
    if report.allowed_sources and "generated" not in report.allowed_sources:
        report.provenance.setdefault("equipment", []).append(rules(
            f"'{name}': nothing in the allowed sources fits and generated content is not allowed; left out"))
        return
    created = await hub.call("catalog.create_generated", {
        "type": "gear", "name": name[:200],
        "description": f"{name}, carried by a character made from the concept “{proposal.concept.strip()[:300]}”.",
        "mechanics": {"category": "adventuring_gear", "cost_gp": 1.0, "weight_lb": 1.0},
        "tags": ["generated", "concept"],
        "generation": {"model": proposal.origin.split("/", 1)[-1] or "vocabulary",
                       "provider": proposal.origin.removeprefix("llm:").split("/", 1)[0],
                       "prompt": f"character_concept: {proposal.concept.strip()[:1000]}"},
    }, principal=claims, timeout=MATCH_TIMEOUT)
    entry = created.get("entry") or created
    entry_id = str(entry.get("id"))
    report.generated.append(entry_id)
    proposal.gear.append({"key": key, "name": name[:100], "category": "gear", "catalog_id": entry_id,
                          "weight_lb": 1.0})
    report.provenance.setdefault("equipment", []).append(Provenance(
        "generated", str(entry.get("source") or "generated"), entry_id, best,
        f"'{name}': no catalog entry fits (no entry shares its words; best similarity {best:.2f}, semantic "
        "only); generated as homebrew gear through the catalog's checks"))
