"""Inventory: items carried, equipped and attuned, and coins. AC and attacks follow what is equipped."""
