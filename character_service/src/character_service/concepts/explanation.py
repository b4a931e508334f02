"""The explanation: each concept element -> the mechanical choice it produced, with provenance and a reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from character_service.concepts.assemble import Repair
from character_service.concepts.proposal import Proposal
from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASSES
from character_service.rules.data.feats import FEATS
from character_service.rules.data.species import SPECIES

RULES_DATA = {"kind": "rules_data", "source": "SRD 5.2"}


@dataclass(slots=True)
class Provenance:
    """Where a choice came from: the catalog (entry id and source), the rules data or generated content."""

    kind: str  # "catalog" | "rules_data" | "generated" | "model" | "vocabulary"
    source: str = "SRD 5.2"
    entry_id: str | None = None
    similarity: float | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        out: dict[str, Any] = {"kind": self.kind, "source": self.source}
        if self.entry_id is not None:
            out["entry_id"] = self.entry_id
        if self.similarity is not None:
            out["similarity"] = round(self.similarity, 3)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(slots=True)
class Element:
    """One line of the explanation."""

    element: str
    choice: Any
    concept: str
    reason: str
    provenance: list[Provenance] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"element": self.element, "choice": self.choice, "concept": self.concept, "reason": self.reason,
                "provenance": [p.to_dict() for p in self.provenance]}


def rules(note: str = "") -> Provenance:
    """Provenance for a choice taken from the rules engine's SRD data."""
    return Provenance("rules_data", "SRD 5.2", note=note)


def explain(proposal: Proposal, build: dict[str, Any], provenance: dict[str, list[Provenance]],
            repairs: list[Repair], notes: list[str]) -> dict[str, Any]:
    """The explanation document stored with the job and returned with the result."""
    entry = build["classes"][0]
    cdef = CLASSES[entry["id"]]
    species = SPECIES[build["species"]["id"]]
    background = BACKGROUNDS[build["background"]["id"]]
    p = proposal

    def prov(key: str) -> list[Provenance]:
        return provenance.get(key) or [rules()]

    spell_ids = [*(s for ids in build["spells"].get("cantrips", {}).values() for s in ids),
                 *(s for ids in build["spells"].get("prepared", {}).values() for s in ids)]
    lineage = build["species"].get("lineage")
    elements = [
        Element("species", build["species"]["id"] + (f" ({lineage})" if lineage else ""), p.species.concept,
                p.species.reason if p.species.value == species.id else f"{species.name}: repaired (see repairs)",
                prov("species")),
        Element("class", entry["id"], p.klass.concept,
                p.klass.reason if p.klass.value == cdef.id else f"{cdef.name}: repaired (see repairs)",
                prov("class")),
        Element("subclass", entry.get("subclass"), p.klass.concept,
                f"the SRD {cdef.name} subclass, chosen at level 3" if entry.get("subclass")
                else "a subclass comes at level 3", prov("subclass")),
        Element("background", background.id, p.background.concept, p.background.reason, prov("background")),
        Element("origin_feat", [f["id"] for f in build["feats"] if f["source"] in ("background", "species")],
                p.background.concept, f"{background.name} grants {FEATS[background.feat].name}"
                + ("; Human Versatile adds one" if species.id == "human" else ""), prov("origin_feat")),
        Element("ability_scores", build["ability_scores"]["base"], "class",
                f"{build['ability_scores']['method']} with {' and '.join(cdef.primary)} highest for a {cdef.name}"
                f"; background +2/+1 to {', '.join(build['background']['ability_increases'])}",
                prov("ability_scores")),
        Element("skills", build["skill_proficiencies"], ", ".join(p.themes[:4]) or "class",
                "the class skills the concept's themes point to, then the class's usual ones", prov("skills")),
        Element("equipment", [e.get("item_id") or e.get("item", {}).get("name") for e in build["equipment"]],
                ", ".join(p.themes[:3]) or "class", "the weapons the concept names, armour the class can wear",
                prov("equipment")),
        Element("spells", spell_ids, ", ".join(p.themes[:3]) or "class",
                f"{cdef.name} spells within its level-{entry['level']} limits" if spell_ids
                else f"a {cdef.name} casts no spells", prov("spells")),
        Element("personality", build.get("personality") or {}, p.concept[:80],
                "written from the concept" , prov("personality")),
        Element("backstory", (build.get("backstory") or "")[:120], p.concept[:80], "written from the concept",
                prov("backstory")),
        Element("name", build["name"], p.concept[:80], "in the style of the species" if p.origin == "vocabulary"
                else "proposed with the concept", prov("name")),
    ]
    return {"concept": p.concept, "proposal_origin": p.origin, "themes": p.themes,
            "elements": [e.to_dict() for e in elements], "repairs": [r.to_dict() for r in repairs],
            "notes": notes}
