"""Image service: Portraits, tactical maps, item art and asset storage."""
