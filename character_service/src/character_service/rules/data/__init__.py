"""Static SRD 5.2 tables (classes, species, backgrounds, feats, equipment).

Every table is built once at import time and treated as read-only.
"""
