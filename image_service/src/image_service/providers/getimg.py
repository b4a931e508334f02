"""A client for GetImg.AI's REST API (``https://api.getimg.ai/v1``), written against its
text-to-image endpoints.

Request: ``POST /v1/<model family>/text-to-image`` (``flux-schnell``, ``stable-diffusion-xl``, ...)
with ``Authorization: Bearer <key>`` and a JSON body ``{prompt, width, height, steps, seed,
output_format, response_format: "b64"}``. Success: ``{"image": "<base64>", "seed": n, "cost": x}``.
Errors come as ``{"error": {"type", "code", "message", "param"}}`` with the HTTP status: 400/422 a
bad request (not retried), 401 a bad key, 402 out of credits, 429 rate limited (``Retry-After``),
5xx the provider's trouble. Each maps to a :class:`GetImgError` with a stable ``code`` and
``retryable``; the key never appears in an error or a log line.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

import httpx
import structlog

log = structlog.get_logger("image_service.getimg")

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


class GetImgError(Exception):
    """A failed GetImg call: ``status`` (0 for a transport failure), a stable ``code``, whether a later
    retry may succeed, and ``retry_after`` seconds when the provider said so."""

    def __init__(
        self, status: int, code: str, message: str, *, retryable: bool, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class GeneratedImage:
    data: bytes
    content_type: str
    seed: int | None
    cost: float | None


_CODES_BY_STATUS = {
    400: "getimg_bad_request",
    401: "getimg_unauthorized",
    402: "getimg_insufficient_credits",
    403: "getimg_forbidden",
    404: "getimg_not_found",
    422: "getimg_bad_request",
    429: "getimg_rate_limited",
}


def _error_from_response(response: httpx.Response) -> GetImgError:
    message = f"GetImg answered {response.status_code}"
    provider_code = None
    try:
        body: Any = response.json()
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict):
            message = str(error.get("message") or message)
            provider_code = error.get("code") or error.get("type")
    except ValueError:
        pass
    retry_after = None
    if "retry-after" in response.headers:
        try:
            retry_after = float(response.headers["retry-after"])
        except ValueError:
            retry_after = None
    code = _CODES_BY_STATUS.get(
        response.status_code, "getimg_unavailable" if response.status_code >= 500 else "getimg_error"
    )
    if provider_code:
        message = f"{message} ({provider_code})"
    return GetImgError(
        response.status_code,
        code,
        message,
        retryable=response.status_code in RETRYABLE_STATUSES,
        retry_after=retry_after,
    )


class GetImgClient:
    """``await client.text_to_image(prompt, width=..., height=..., seed=...)``."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = "https://api.getimg.ai/v1",
        model_path: str = "flux-schnell",
        timeout: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.model_path = model_path.strip("/")
        self.timeout = timeout
        self._transport = transport

    def __repr__(self) -> str:  # never show the key
        return f"GetImgClient(base_url={self.base_url!r}, model_path={self.model_path!r})"

    async def text_to_image(
        self,
        prompt: str,
        *,
        width: int,
        height: int,
        seed: int | None = None,
        steps: int | None = None,
        negative_prompt: str | None = None,
        output_format: str = "png",
    ) -> GeneratedImage:
        """One image for ``prompt``; raises :class:`GetImgError` on any failure."""
        body: dict[str, Any] = {
            "prompt": prompt,
            "width": width,
            "height": height,
            "output_format": output_format,
            "response_format": "b64",
        }
        if seed is not None:
            body["seed"] = seed
        if steps is not None:
            body["steps"] = steps
        if negative_prompt and self.model_path != "flux-schnell":  # flux models take no negative prompt
            body["negative_prompt"] = negative_prompt
        url = f"{self.base_url}/{self.model_path}/text-to-image"
        headers = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        try:
            async with httpx.AsyncClient(timeout=self.timeout, transport=self._transport) as client:
                response = await client.post(url, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise GetImgError(0, "getimg_timeout", "GetImg did not answer in time.", retryable=True) from exc
        except httpx.TransportError as exc:
            raise GetImgError(
                0, "getimg_unreachable", f"GetImg could not be reached ({type(exc).__name__}).", retryable=True
            ) from exc
        if response.status_code != 200:
            error = _error_from_response(response)
            log.warning("getimg_error", status=error.status, code=error.code)
            raise error
        try:
            payload = response.json()
            data = base64.b64decode(payload["image"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise GetImgError(
                502, "getimg_bad_response", "GetImg sent a response without a decodable image.", retryable=False
            ) from exc
        content_type = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}.get(output_format, "image/png")
        seed_used = payload.get("seed")
        cost = payload.get("cost")
        return GeneratedImage(
            data,
            content_type,
            int(seed_used) if isinstance(seed_used, int) else None,
            float(cost) if isinstance(cost, int | float) else None,
        )
