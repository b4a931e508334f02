"""Helpers for testing the campaign service (and benchmarking it)."""
