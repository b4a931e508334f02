"""Queries on assets and their versions."""

from __future__ import annotations

import uuid

from sqlalchemy import any_, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from dnd_shared.db.pagination import Page
from dnd_shared.db.repository import Repository
from dnd_shared.errors import NotFoundError
from image_service.assets.models import Asset, AssetVersion


class AssetRepository(Repository[Asset]):
    model = Asset
    entity_name = "image"

    def visible_to(self, user_id: uuid.UUID) -> ColumnElement[bool]:  # campaign shares are listed by campaign
        """Rows ``user_id`` may see: their own, shared with them, or public."""
        return or_(
            Asset.owner_id == user_id,
            Asset.visibility == "public",
            (Asset.visibility == "shared") & (literal(user_id) == any_(Asset.shared_with)),
        )

    async def list_for(
        self,
        user_id: uuid.UUID,
        *,
        kind: str | None,
        mine_only: bool,
        limit: int,
        cursor: str | None,
        only_deleted: bool,
        campaign_id: uuid.UUID | None = None,
    ) -> Page[Asset]:
        if campaign_id is not None:
            where = [Asset.campaign_id == campaign_id, Asset.visibility == "campaign"]
            if mine_only or only_deleted:
                where.append(Asset.owner_id == user_id)
        elif mine_only or only_deleted:
            where = [Asset.owner_id == user_id]
        else:
            where = [self.visible_to(user_id)]
        filters = {"kind": kind} if kind else None
        return await self.list(filters=filters, where=where, limit=limit, cursor=cursor, only_deleted=only_deleted)


class AssetVersionRepository(Repository[AssetVersion]):
    model = AssetVersion
    entity_name = "image_version"

    async def get_number(self, asset_id: uuid.UUID, number: int) -> AssetVersion:
        statement = self._select().where(AssetVersion.asset_id == asset_id, AssetVersion.number == number)
        version: AssetVersion | None = (await self.session.execute(statement)).scalar_one_or_none()
        if version is None:
            raise NotFoundError(f"Image {asset_id} has no version {number}.", code="image_version_not_found")
        return version

    async def all_of(self, asset_id: uuid.UUID) -> list[AssetVersion]:
        statement = self._select().where(AssetVersion.asset_id == asset_id).order_by(AssetVersion.number)
        return list((await self.session.execute(statement)).scalars().all())

    async def latest_number(self, asset_id: uuid.UUID) -> int:
        statement = select(AssetVersion.number).where(AssetVersion.asset_id == asset_id)
        numbers = list((await self.session.execute(statement)).scalars().all())
        return max(numbers, default=0)
