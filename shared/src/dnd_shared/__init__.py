"""dnd_shared: what every service of the fleet shares (see ARCHITECTURE.md)."""
