"""Registry and discovery views: services with their instances and health, and the routing table."""
