"""Events the image service publishes (stream ``hub:evt:image``).

They live here until the hub's shared contracts take them over; their JSON is the contract.
"""

from __future__ import annotations

import uuid
from typing import ClassVar, Literal

from dnd_shared.contracts.events import EventModel


class GenerationCompletedV1(EventModel):
    """A portrait or item-art job finished (``status`` says how)."""

    event_type: ClassVar[str] = "image.generation.completed.v1"

    job_id: uuid.UUID
    kind: Literal["portrait", "item"]
    owner_id: uuid.UUID
    status: Literal["succeeded", "failed"]
    provider: str
    asset_id: uuid.UUID | None = None
    character_id: uuid.UUID | None = None
    error_code: str | None = None
