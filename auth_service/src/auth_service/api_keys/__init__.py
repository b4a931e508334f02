"""API keys for third-party clients: recognisable, checksummed, stored only as an HMAC."""
