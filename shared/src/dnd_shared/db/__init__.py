"""Database layer: declarative base, per-service engine/session, the generic repository, migrations."""
