"""Versioned contracts between services: the hub envelope, event models and RPC payloads.

Everything that crosses a service boundary is declared here, so a producer and a consumer agree on
one model. Event types carry their version in the name (``character.created.v1``); a breaking change
is a new type (``.v2``) published next to the old one until every subscriber has moved.
"""
