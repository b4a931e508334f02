"""Imports every ORM model of the image service so Alembic sees the whole schema."""

from image_service.assets.models import Asset, AssetVersion
from image_service.jobs.models import GenerationJob
from image_service.maps.models import MapRecord

__all__ = ["Asset", "AssetVersion", "GenerationJob", "MapRecord"]
