"""Paths into JSON documents and the patterns that select them.

A path is a tuple of segments: a ``str`` for an object key, an ``int`` for a list index. It is shown
the way error details name fields: ``("classes", 0, "level")`` -> ``classes[0].level``; the root is
``$``. A key that is not a plain identifier is quoted: ``notes["a.b"]``.

A pattern (for list strategies) uses ``*`` for any object key and ``[]`` for any list index:
``spells.prepared.*``, ``classes[].options.*``.
"""

from __future__ import annotations

import json
import re

Segment = str | int
Path = tuple[Segment, ...]

ROOT = "$"
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
ANY_KEY = "*"
ANY_INDEX = "[]"


def format_path(path: Path) -> str:
    """``("classes", 0, "level")`` -> ``"classes[0].level"``; ``()`` -> ``"$"``."""
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f"[{segment}]"
        elif _PLAIN_KEY.match(segment):
            text += f".{segment}" if text else segment
        else:
            text += f"[{json.dumps(segment, ensure_ascii=False)}]"
    return text or ROOT


class PathPattern:
    """A compiled pattern such as ``spells.prepared.*`` or ``classes[].hp_rolls``."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.tokens: tuple[str, ...] = tuple(_tokenize(pattern))

    def matches(self, path: Path) -> bool:
        """Whether ``path`` has exactly the pattern's shape."""
        if len(path) != len(self.tokens):
            return False
        for token, segment in zip(self.tokens, path, strict=True):
            if token == ANY_INDEX:
                if not isinstance(segment, int):
                    return False
            elif isinstance(segment, int) or token not in (ANY_KEY, segment):
                return False
        return True

    def __repr__(self) -> str:
        return f"PathPattern({self.pattern!r})"


_PATTERN_PART = re.compile(r"^([^\[\]]*)((?:\[\])*)$")


def _tokenize(pattern: str) -> list[str]:
    tokens: list[str] = []
    for part in pattern.split("."):
        match = _PATTERN_PART.match(part)
        if not part or match is None:
            raise ValueError(f"bad segment {part!r} in pattern {pattern!r}")
        if match.group(1):
            tokens.append(match.group(1))
        tokens.extend(ANY_INDEX for _ in range(len(match.group(2)) // 2))
    return tokens
