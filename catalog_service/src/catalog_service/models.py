"""Imports every ORM model of the catalog service so Alembic sees the whole schema."""

from catalog_service.content.models import CatalogEntry, ContentRelease
from catalog_service.events import OUTBOX

__all__ = ["OUTBOX", "CatalogEntry", "ContentRelease"]
