"""LLM service: Text generation providers behind one task API: cache, limits, usage."""
