"""Fleet diagnostics: an end-to-end trace through RPC and events."""
