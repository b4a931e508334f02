"""Typed hub errors and their mapping onto :mod:`dnd_shared.errors`.

A handler's :class:`~dnd_shared.errors.AppError` travels back as status + code + message + details
and is raised again on the caller as the same class, so a not-found stays a 404 when a route lets it
surface. Failures of the hub itself have their own classes: no instance or an open circuit (503),
a timeout (504), a handler that crashed (502, without its internals).
"""

from __future__ import annotations

from dnd_shared.contracts.envelope import ReplyError
from dnd_shared.errors import (
    AppError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    PreconditionFailedError,
    ServiceUnavailableError,
    UnauthorizedError,
    UnprocessableError,
)


class HubUnavailableError(ServiceUnavailableError):
    """No live instance of the target is registered: the call fails at once instead of waiting."""

    code = "service_unavailable"


class CircuitOpenError(HubUnavailableError):
    """The target failed repeatedly; calls fail fast until the breaker lets a trial through."""

    code = "circuit_open"


class HubTimeoutError(AppError):
    """No reply before the deadline."""

    status_code = 504
    code = "upstream_timeout"


class UpstreamError(AppError):
    """The handler failed unexpectedly; its internals stay on its side."""

    status_code = 502
    code = "upstream_error"


class RateLimitedUpstreamError(AppError):
    """The target refused for rate limiting."""

    status_code = 429
    code = "rate_limited"


_BY_STATUS: dict[int, type[AppError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: UnprocessableError,
    429: RateLimitedUpstreamError,
    502: UpstreamError,
    503: ServiceUnavailableError,
    504: HubTimeoutError,
}


def to_reply_error(exc: AppError) -> ReplyError:
    """An error raised by a handler, as it travels."""
    return ReplyError(
        status=exc.status_code,
        code=exc.code,
        message=exc.message,
        details=[d.as_dict() for d in exc.details],
    )


def from_reply_error(error: ReplyError) -> AppError:
    """The caller-side exception for a travelling error: same status, code, message and details."""
    cls = _BY_STATUS.get(error.status)
    if cls is None:
        cls = UpstreamError if error.status >= 500 else BadRequestError
    details = [ErrorDetail(field=d.get("field", ""), issue=d.get("issue", "")) for d in error.details]
    return cls(error.message, code=error.code, details=details)


def is_infrastructure_failure(exc: BaseException) -> bool:
    """Failures that count against a target's circuit: not answering, or crashing. A typed business
    error (not found, validation) is a healthy answer."""
    return isinstance(exc, HubTimeoutError | UpstreamError | ServiceUnavailableError)
