"""The image service in the runner's whole stack, through Traefik over HTTPS with a real account:
a map is generated and served, and a portrait job is finished by the service's own background
worker, its bytes landing under the stack's ``DND_VAR_DIR``."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from dnd_shared.testing.stack import RunningStack

pytestmark = pytest.mark.stack

PASSWORD = "image tests need a long passphrase"


def test_maps_and_portraits_through_the_edge(local_stack: RunningStack) -> None:
    transport = httpx.HTTPTransport(verify=local_stack.tls, local_address="127.0.0.12")
    base = f"https://127.0.0.1:{local_stack.https_port}"
    with httpx.Client(transport=transport, timeout=30, base_url=base) as client:
        email = f"images-{uuid.uuid4().hex[:12]}@example.com"
        registered = client.post(
            "/api/v1/auth/register", json={"email": email, "display_name": "Map Maker", "password": PASSWORD}
        )
        assert registered.status_code == 201, registered.text
        tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).json()
        auth = {"Authorization": f"Bearer {tokens['access_token']}"}

        assert client.post("/api/v1/images/maps", json={"kind": "cave", "width": 20, "height": 20}).status_code == 401
        created = client.post(
            "/api/v1/images/maps", headers=auth, json={"kind": "tavern", "width": 30, "height": 24, "seed": 12}
        )
        assert created.status_code == 201, created.text
        png = client.get(created.json()["png"]["url"], headers=auth)
        assert png.status_code == 200 and png.headers["content-type"] == "image/png"
        assert png.content.startswith(b"\x89PNG")

        queued = client.post(
            "/api/v1/images/portraits",
            headers=auth,
            json={"description": {"name": "Edge Runner", "species": "Gnome", "character_class": "Bard"}, "seed": 3},
        )
        assert queued.status_code == 202, queued.text
        deadline = time.monotonic() + 30
        job = queued.json()
        while job["status"] in ("pending", "running") and time.monotonic() < deadline:
            time.sleep(0.3)
            job = client.get(queued.json()["url"], headers=auth).json()
        assert job["status"] == "succeeded", job
        image = client.get(job["image_url"], headers=auth)
        assert image.status_code == 200 and image.headers["x-image-provider"] == "offline"
        meta = client.get(f"{job['image_url']}/meta", headers=auth).json()
        key = meta["current"]["content_hash"]
        stored = list((local_stack.var_dir / "assets" / "portrait").rglob(f"{key}.png"))
        assert len(stored) == 1 and stored[0].read_bytes() == image.content
