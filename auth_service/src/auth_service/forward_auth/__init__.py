"""Traefik forward-auth: ``GET /auth/verify`` turns a credential into signed identity headers."""
