"""Apply this service's migrations, then load the SRD content: ``python -m catalog_service.migrate``."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from catalog_service.config import Settings
from catalog_service.srd.seed import SeedReport, seed_srd
from dnd_shared.db.engine import Database
from dnd_shared.db.migrations import upgrade_to_head

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


async def load_srd(database_url: str, schema: str) -> SeedReport:
    """Run the idempotent SRD seed in its own transaction."""
    database = Database(database_url, schema, pool_size=1)
    try:
        async with database.session() as session:
            return await seed_srd(session)
    finally:
        await database.dispose()


def upgrade(database_url: str | None = None) -> None:
    """Schema migrations to head, then the SRD seed (skipped in one query when already loaded)."""
    settings = Settings()
    url = database_url or settings.database_url
    upgrade_to_head(MIGRATIONS_DIR, url, settings.schema_name)
    started = time.perf_counter()
    report = asyncio.run(load_srd(url, settings.schema_name))
    action = "already loaded" if report.skipped else f"{report.inserted} new, {report.updated} updated"
    print(
        f"catalog: SRD content {report.content_version}: {action} ({time.perf_counter() - started:.2f} s)",
        flush=True,
    )


if __name__ == "__main__":
    upgrade()
