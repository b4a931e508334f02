"""Imports every ORM model of the catalog service so Alembic sees the whole schema."""

from catalog_service.content.models import CatalogEntry, ContentRelease

__all__ = ["CatalogEntry", "ContentRelease"]
