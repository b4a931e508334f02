"""Alembic environment of the message hub: schema ``hub`` only."""

from dnd_shared.db.migrations import run_env
from message_hub import models  # noqa: F401  (registers every table on Base.metadata)
from message_hub.config import Settings
from message_hub.db import SCHEMA, Base

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
