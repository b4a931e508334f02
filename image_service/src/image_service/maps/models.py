"""Generated maps: the parameters, the JSON description, and the stored PNG and SVG renders."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ARRAY, BigInteger, ForeignKey, Integer, String, Uuid
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dnd_shared.db.base import EntityMixin
from image_service.db import Base


class MapRecord(EntityMixin, Base):
    __tablename__ = "maps"

    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    seed: Mapped[int] = mapped_column(BigInteger, nullable=False)
    theme: Mapped[str] = mapped_column(String(20), nullable=False)
    #: The JSON description (grid, walls, doors, rooms, furniture, spawn points).
    layout: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    png_asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.id"), nullable=False)
    svg_asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.id"), nullable=False)
    visibility: Mapped[str] = mapped_column(String(10), nullable=False, default="private")
    shared_with: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), nullable=False, default=list)
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
