"""Alembic environment of the campaign service: schema ``campaign`` only."""

from campaign_service import models  # noqa: F401  (registers every table on Base.metadata)
from campaign_service.config import Settings
from campaign_service.db import SCHEMA, Base
from dnd_shared.db.migrations import run_env

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
