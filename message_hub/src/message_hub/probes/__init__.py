"""Active health probes of registered instances."""
