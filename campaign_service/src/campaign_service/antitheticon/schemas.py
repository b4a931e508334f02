"""Request bodies of the Antitheticon routes."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Stance = Literal["knows", "believes", "suspects", "disbelieves"]


class KnowledgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: ``pc`` (a character id), ``npc`` (an NPC entity id), ``truth`` (the DM's ground truth, no holder).
    holder_kind: Literal["pc", "npc", "truth"]
    holder_id: uuid.UUID | None = None
    subject_id: uuid.UUID | None = None
    #: Ties beliefs to a truth: the same key on a ``truth`` row is what the belief is measured against.
    fact_key: str = Field(default="", max_length=100)
    statement: str = Field(min_length=1, max_length=5000)
    stance: Stance = "believes"
    is_true: bool = False
    source: str = Field(default="", max_length=300)
    source_clue_id: uuid.UUID | None = None


class RevealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=5000)
    position: int | None = Field(default=None, ge=0, le=100000)
    #: Knowledge the reveal gives; each replaces the holder's active belief on the same fact (or subject).
    changes: list[KnowledgeIn] = Field(min_length=1, max_length=50)


class ApplyRevealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: uuid.UUID | None = None


class NemesisIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="The Antitheticon", min_length=1, max_length=200)
    summary: str = Field(default="", max_length=5000)
