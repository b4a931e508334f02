"""Request bodies of the storyline routes."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

StorylineName = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9 _.\-]*$")


class CommitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, max_length=2000)


class StorylineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = StorylineName
    #: The commit it starts from; default: the checked-out storyline's head.
    from_commit: uuid.UUID | None = None


class CheckoutIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Discard live changes not yet committed.
    force: bool = False


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = StorylineName
    message: str = Field(default="", max_length=2000)
    #: Per conflicting path (as a conflict reports it): which side wins.
    resolutions: dict[str, Literal["ours", "theirs", "base"]] = Field(default_factory=dict)
