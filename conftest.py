"""Root pytest configuration: the fleet's shared fixtures (real PostgreSQL, Redis; see dnd_shared.testing)."""

pytest_plugins = ["dnd_shared.testing.fixtures"]
