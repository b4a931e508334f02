"""Alembic environment of the campaign service: schema ``campaign`` only."""

from dnd_shared.db.migrations import run_env

from campaign_service.db import SCHEMA, Base
from campaign_service import models  # noqa: F401  (registers every table on Base.metadata)
from campaign_service.config import Settings

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
