"""The guided builder: what a character still needs (D&D Beyond's "!" markers) and the legal options."""
