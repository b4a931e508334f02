"""Character service: characters, the rules engine, the builder, play state, journal and concept-to-character."""
