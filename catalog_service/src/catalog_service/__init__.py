"""Catalog service: SRD 5.2 and homebrew content, search and provenance."""
