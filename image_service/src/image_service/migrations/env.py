"""Alembic environment of the image service: schema ``image`` only."""

from dnd_shared.db.migrations import run_env
from image_service import models  # noqa: F401  (registers every table on Base.metadata)
from image_service.config import Settings
from image_service.db import SCHEMA, Base

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
