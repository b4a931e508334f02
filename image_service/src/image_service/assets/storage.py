"""One blob store interface: the filesystem by default, any S3-compatible store in production.

Keys are content addressed (``<kind>/<sha256[:2]>/<sha256>.<ext>``), so writing the same bytes twice
stores them once and a version's bytes never change under its key.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, Protocol

from dnd_shared.errors import NotFoundError

EXTENSIONS = {"image/png": "png", "image/svg+xml": "svg", "image/jpeg": "jpg", "image/webp": "webp"}


def content_hash(data: bytes) -> str:
    """SHA-256 of ``data``, hex."""
    return hashlib.sha256(data).hexdigest()


def storage_key(kind: str, digest: str, content_type: str) -> str:
    """Where bytes with ``digest`` live."""
    return f"{kind}/{digest[:2]}/{digest}.{EXTENSIONS.get(content_type, 'bin')}"


class BlobStore(Protocol):
    """What the service needs from a store."""

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Store ``data`` under ``key`` (idempotent)."""

    async def get(self, key: str) -> bytes:
        """The bytes under ``key``; :class:`NotFoundError` when absent."""

    async def exists(self, key: str) -> bool:
        """Whether ``key`` holds bytes."""


class FilesystemBlobStore:
    """Blobs as files under ``root``; writes go to a temporary file and are renamed into place."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError("storage key escapes the store")
        return path

    def _write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _read(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise NotFoundError("The image's bytes are missing from storage.", code="image_bytes_missing") from exc

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, key, data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._read, key)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).exists)


class S3BlobStore:
    """Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...), through boto3.

    boto3 is synchronous; calls run in a worker thread. The client is created on first use so the
    service starts without the store being reachable."""

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None,
        region: str,
        access_key_id: str | None,
        secret_access_key: str | None,
        prefix: str = "",
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix
        self._options: dict[str, Any] = {
            "endpoint_url": endpoint_url,
            "region_name": region,
            "aws_access_key_id": access_key_id,
            "aws_secret_access_key": secret_access_key,
        }
        self._client: Any = None

    def client(self) -> Any:
        if self._client is None:
            import boto3  # imported lazily: only deployments on S3 pay for its start-up time
            from botocore.config import Config

            # Path-style addressing works with every S3-compatible server (MinIO, Ceph, R2, ...).
            config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3, "mode": "standard"})
            self._client = boto3.client("s3", config=config, **self._options)
        return self._client

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(
            self.client().put_object, Bucket=self.bucket, Key=self.prefix + key, Body=data, ContentType=content_type
        )

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            client = self.client()
            try:
                response = client.get_object(Bucket=self.bucket, Key=self.prefix + key)
            except client.exceptions.NoSuchKey as exc:
                raise NotFoundError("The image's bytes are missing from storage.", code="image_bytes_missing") from exc
            body: bytes = response["Body"].read()
            return body

        return await asyncio.to_thread(read)

    async def exists(self, key: str) -> bool:
        def head() -> bool:
            client = self.client()
            try:
                client.head_object(Bucket=self.bucket, Key=self.prefix + key)
            except client.exceptions.ClientError:
                return False
            return True

        return await asyncio.to_thread(head)


class _NoStore:
    """For services that only read metadata: any byte access is a programming error."""

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        raise RuntimeError("this service instance has no blob store")

    async def get(self, key: str) -> bytes:
        raise RuntimeError("this service instance has no blob store")

    async def exists(self, key: str) -> bool:
        raise RuntimeError("this service instance has no blob store")


#: A store that refuses every byte operation (metadata-only use of :class:`AssetService`).
NO_STORE: BlobStore = _NoStore()


def blob_store_from_settings(settings: Any) -> BlobStore:
    """The store the settings ask for."""
    if settings.storage_backend == "s3":
        secret = settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None
        return S3BlobStore(
            bucket=settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=secret,
            prefix=settings.s3_prefix,
        )
    return FilesystemBlobStore(settings.resolved_assets_dir())
