"""Message hub: Control plane of the Redis-backed message hub: registry, discovery, routing table, health, dead letters."""
