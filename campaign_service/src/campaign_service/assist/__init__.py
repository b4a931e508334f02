"""LLM assistance through the hub: results are saved as normal, editable campaign content."""
