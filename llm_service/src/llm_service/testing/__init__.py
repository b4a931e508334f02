"""Test tooling of the llm service (the scripted fake LLM server); never used by the running service."""
