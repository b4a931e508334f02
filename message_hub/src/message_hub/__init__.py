"""Message hub: the control plane of the Redis-backed message hub (registry views, routing table, health,
dead letters, diagnostics). The client every service uses is ``dnd_shared.hub``; see README.md."""
