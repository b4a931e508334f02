"""The scopes an API key can carry, and the scope a request needs (used by forward-auth).

A request needs ``<resource>:read`` for GET/HEAD/OPTIONS and ``<resource>:write`` for anything else,
where the resource is the public prefix (``/api/v1/characters`` -> ``characters``). A key holds
exactly the scopes it was created with (``write`` does not imply ``read``). Routes of auth, the hub
and the LLM service are not open to API keys at all.
"""

from __future__ import annotations

import posixpath

API_KEY_SCOPES = frozenset({
    "characters:read", "characters:write",
    "campaigns:read", "campaigns:write",
    "catalog:read", "catalog:write",
    "images:read", "images:write",
})
_RESOURCES = {
    "/api/v1/characters": "characters",
    "/api/v1/campaigns": "campaigns",
    "/api/v1/catalog": "catalog",
    "/api/v1/images": "images",
}
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Open to every valid credential, whatever its scopes: a client checking who it is.
OPEN_TO_EVERY_KEY = frozenset({"/api/v1/auth/whoami"})


def required_scope(method: str, uri: str) -> str | None:
    """The scope an API key needs for ``method`` on ``uri`` (path, optionally with a query), ``""``
    when any key may call it (``/api/v1/auth/whoami``), or None when no API key may call it."""
    path = posixpath.normpath(uri.split("?", 1)[0].split("#", 1)[0] or "/")
    if path in OPEN_TO_EVERY_KEY:
        return ""
    for prefix, resource in _RESOURCES.items():
        if path == prefix or path.startswith(prefix + "/"):
            return f"{resource}:{'read' if method.upper() in _READ_METHODS else 'write'}"
    return None
