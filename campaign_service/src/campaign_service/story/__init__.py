"""The story: chapters, arcs, locations, factions, NPCs, hooks, world effects, relationships."""
