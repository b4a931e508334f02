"""Access tokens (JWT, EdDSA), opaque rotating refresh tokens, the signing keys and JWKS."""
