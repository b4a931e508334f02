"""Versioning of the story (chapters, arcs, NPCs, plots, world state) with alternative storylines as
branches, on the shared version-control core (:mod:`dnd_shared.versioning`)."""
