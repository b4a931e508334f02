"""Alembic environment of the auth service: schema ``auth`` only."""

from auth_service import models  # noqa: F401  (registers every table on Base.metadata)
from auth_service.config import Settings
from auth_service.db import SCHEMA, Base
from dnd_shared.db.migrations import run_env

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
