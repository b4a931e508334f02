"""Pytest fixtures every service reuses: ``pytest_plugins = ["dnd_shared.testing.fixtures"]``."""
