"""The typed error hierarchy and the one handler that renders every error as the fleet's envelope.

``{"error": {"code", "message", "details": [{"field", "issue"}], "request_id"}}``
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from dnd_shared.request_id import current_request_id

log = structlog.get_logger("dnd_shared.errors")


@dataclass(frozen=True)
class ErrorDetail:
    """One thing wrong with a request: the field path (dotted, with [i] for list items) and why."""

    field: str
    issue: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "issue": self.issue}


class AppError(Exception):
    """Base of every error a service raises on purpose. Subclasses fix the status and a default code."""

    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[ErrorDetail] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = list(details)
        self.headers = headers or {}


class BadRequestError(AppError):
    status_code = 400
    code = "bad_request"


class UnauthorizedError(AppError):
    status_code = 401
    code = "unauthorized"


class ForbiddenError(AppError):
    status_code = 403
    code = "forbidden"


class NotFoundError(AppError):
    """Also used for other users' private objects: they answer 404, never 403."""

    status_code = 404
    code = "not_found"


class ConflictError(AppError):
    status_code = 409
    code = "conflict"


class VersionConflictError(ConflictError):
    """Optimistic locking: the row changed since the caller read it."""

    code = "version_conflict"


class PreconditionFailedError(AppError):
    """A stale ``If-Match``."""

    status_code = 412
    code = "precondition_failed"


class UnprocessableError(AppError):
    """Well-formed input that breaks a rule; ``details`` names every field at fault."""

    status_code = 422
    code = "validation_error"


class RateLimitedError(AppError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after_seconds: int, code: str | None = None) -> None:
        super().__init__(message, code=code, headers={"Retry-After": str(max(1, retry_after_seconds))})


class ServiceUnavailableError(AppError):
    status_code = 503
    code = "service_unavailable"


def error_body(code: str, message: str, details: Sequence[ErrorDetail] = ()) -> dict[str, Any]:
    """The envelope as a dict; the request id comes from the current request's context."""
    return {
        "error": {
            "code": code,
            "message": message,
            "details": [d.as_dict() for d in details],
            "request_id": current_request_id(),
        }
    }


def error_response(
    status_code: int,
    code: str,
    message: str,
    details: Sequence[ErrorDetail] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status_code, headers=headers)


def field_path(location: Sequence[int | str]) -> str:
    """``("body", "classes", 0, "level")`` -> ``"classes[0].level"``; the body/query prefix is kept
    for query, path and header parameters so the caller knows where to look."""
    parts = list(location)
    if parts and parts[0] == "body":
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "body"


def validation_details(errors: Sequence[Any]) -> list[ErrorDetail]:
    """Pydantic/FastAPI error dicts -> field details, one per problem."""
    return [ErrorDetail(field=field_path(e.get("loc", ())), issue=str(e.get("msg", "invalid"))) for e in errors]


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}


def on_database_or_unexpected(on_unavailable: Any, on_other: Any) -> Any:
    """Lost connections (a database restart) are a 503 to retry; any other driver error is a 500."""

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        lost = isinstance(exc, OperationalError | InterfaceError)
        if isinstance(exc, DBAPIError) and (exc.connection_invalidated or lost):
            response: JSONResponse = await on_unavailable(request, exc)
        else:
            response = await on_other(request, exc)
        return response

    return handler


def install_error_handlers(app: FastAPI) -> None:
    """Register the one envelope for every error a FastAPI app can produce."""

    async def on_app_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return error_response(exc.status_code, exc.code, exc.message, exc.details, exc.headers)

    async def on_request_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = validation_details(exc.errors())
        return error_response(422, "validation_error", "The request is not valid.", details)

    async def on_pydantic_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ValidationError)
        details = validation_details(exc.errors())
        return error_response(422, "validation_error", "The request is not valid.", details)

    async def on_http_exception(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"No route matches {request.method} {request.url.path}."
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    async def on_database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        log.warning("database_unavailable", path=request.url.path, error=type(exc).__name__)
        return error_response(503, "database_unavailable", "The database is not reachable right now; retry shortly.",
                              headers={"Retry-After": "1"})

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", path=request.url.path, method=request.method)
        return error_response(500, "internal_error", "An unexpected error occurred.")

    app.add_exception_handler(AppError, on_app_error)
    app.add_exception_handler(RequestValidationError, on_request_validation)
    app.add_exception_handler(ValidationError, on_pydantic_validation)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    app.add_exception_handler(DBAPIError, on_database_or_unexpected(on_database_unavailable, on_unexpected))
    app.add_exception_handler(Exception, on_unexpected)
