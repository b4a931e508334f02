"""Alembic environment of the llm service: schema ``llm`` only."""

from dnd_shared.db.migrations import run_env
from llm_service import models  # noqa: F401  (registers every table on Base.metadata)
from llm_service.config import Settings
from llm_service.db import SCHEMA, Base

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
