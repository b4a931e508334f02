"""Concept to character: free text -> a legal 2024 draft with an explanation, refinement and evolution."""
