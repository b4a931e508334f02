"""Public fleet status."""
