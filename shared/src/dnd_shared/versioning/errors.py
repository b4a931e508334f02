"""Merge conflicts as the fleet's 409: one detail per conflicting path, with the three values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dnd_shared.errors import ConflictError, ErrorDetail
from dnd_shared.versioning.merge import Conflict


@dataclass(frozen=True)
class ConflictDetail(ErrorDetail):
    """An error detail that also carries the base, ours and theirs values of the path."""

    conflict: Conflict | None = None

    def as_dict(self) -> dict[str, Any]:
        """``{"field", "issue", "base", "ours", "theirs", "absent"}``."""
        body: dict[str, Any] = {"field": self.field, "issue": self.issue}
        if self.conflict is not None:
            values = self.conflict.to_dict()
            body.update({k: values[k] for k in ("base", "ours", "theirs", "absent")})
        return body


class MergeConflictError(ConflictError):
    """409 ``merge_conflict``: resolve each path (``ours``/``theirs``/``base``/a value) and merge again."""

    code = "merge_conflict"

    def __init__(self, conflicts: Sequence[Conflict], message: str | None = None) -> None:
        self.conflicts = list(conflicts)
        super().__init__(
            message
            or f"{len(self.conflicts)} field(s) changed on both sides; choose a value for each and merge again.",
            details=[ConflictDetail(c.path, "changed differently on both sides", c) for c in self.conflicts],
        )
