"""Character service: Characters, the rules engine, the builder, play state, journal and the concept-to-character pipeline."""
