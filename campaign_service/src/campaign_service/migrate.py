"""Apply this service's migrations: ``python -m campaign_service.migrate``."""

from __future__ import annotations

from pathlib import Path

from campaign_service.config import Settings
from dnd_shared.db.migrations import upgrade_to_head

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def upgrade(database_url: str | None = None) -> None:
    settings = Settings()
    upgrade_to_head(MIGRATIONS_DIR, database_url or settings.database_url, settings.schema_name)


if __name__ == "__main__":
    upgrade()
