"""Base of every event payload model, and the catalogue of event types by name.

An event model names its versioned type; the domain (first segment) picks the stream::

    class CharacterCreatedV1(EventModel):
        event_type: ClassVar[str] = "character.created.v1"
        character_id: uuid.UUID
"""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

_TYPE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.v[0-9]+$")

EVENT_TYPES: dict[str, type[EventModel]] = {}


class EventModel(BaseModel):
    """The ``data`` of one versioned event type. Subclasses set ``event_type``."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str] = ""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: object) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.event_type:
            if not _TYPE_PATTERN.match(cls.event_type):
                raise ValueError(f"event type {cls.event_type!r} must look like 'domain.name.v1'")
            EVENT_TYPES[cls.event_type] = cls

    @classmethod
    def domain(cls) -> str:
        """The first segment of the type: the stream ``hub:evt:<domain>`` carries it."""
        return cls.event_type.split(".", 1)[0]
