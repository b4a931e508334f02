"""Stream statistics: length, and per consumer group pending and lag."""
