"""Alembic environment of the auth service: schema ``auth`` only."""

from dnd_shared.db.migrations import run_env

from auth_service.db import SCHEMA, Base
from auth_service import models  # noqa: F401  (registers every table on Base.metadata)
from auth_service.config import Settings

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
