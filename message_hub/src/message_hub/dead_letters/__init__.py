"""Dead-letter inspection, replay and discard."""
