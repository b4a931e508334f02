"""Stored images: an asset (owner, kind, sharing) and its versions (the bytes' metadata)."""

from __future__ import annotations

import uuid

from sqlalchemy import ARRAY, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from dnd_shared.db.base import EntityMixin
from image_service.db import Base


class Asset(EntityMixin, Base):
    """One image as users see it. Its bytes live in the blob store, one row of
    :class:`AssetVersion` per stored rendition; ``current_version`` points at the one served."""

    __tablename__ = "assets"

    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    #: ``portrait`` | ``map`` | ``item``
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: ``private`` (owner), ``shared`` (+ ``shared_with``), ``campaign`` (+ its members), ``public`` (everyone)
    visibility: Mapped[str] = mapped_column(String(10), nullable=False, default="private")
    shared_with: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid), nullable=False, default=list)
    #: With visibility ``campaign``: the campaign whose DM and players may see it.
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __table_args__ = (Index("ix_assets_owner_kind", "owner_id", "kind"),)


class AssetVersion(EntityMixin, Base):
    """The metadata of one stored rendition of an asset."""

    __tablename__ = "asset_versions"

    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assets.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    storage_key: Mapped[str] = mapped_column(String(300), nullable=False)
    content_type: Mapped[str] = mapped_column(String(60), nullable=False)
    size_bytes: Mapped[int] = mapped_column(Integer, nullable=False)
    #: SHA-256 of the bytes, hex; also the served ETag.
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    #: ``offline`` | ``getimg`` | ``procedural``
    provider: Mapped[str] = mapped_column(String(30), nullable=False)
    prompt: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (Index("uq_asset_versions_asset_number", "asset_id", "number", unique=True),)
