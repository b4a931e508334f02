"""``/api/v1/images/{id}``: bytes with content type, ETag and caching; metadata; versions; sharing
(others' private images are 404); soft delete and restore; listing."""

from __future__ import annotations

import hashlib
import uuid

from image_service.assets.service import AssetService, NewImage

from .conftest import ImageApp, ImageAppFactory
from .fake_getimg import sample_png

PREFIX = "/api/v1/images"


async def _portrait(env: ImageApp, owner: uuid.UUID) -> dict:  # type: ignore[type-arg]
    queued = await env.client.post(
        f"{PREFIX}/portraits",
        headers=env.headers(owner),
        json={"description": {"name": "Pip", "species": "Halfling", "character_class": "Rogue"}, "seed": 2},
    )
    await env.run_jobs()
    job = (await env.client.get(queued.json()["url"], headers=env.headers(owner))).json()
    meta = await env.client.get(f"{PREFIX}/{job['asset_id']}/meta", headers=env.headers(owner))
    return meta.json()  # type: ignore[no-any-return]


async def test_bytes_etag_and_caching(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        meta = await _portrait(env, owner)
        url = meta["url"]
        response = await env.client.get(url, headers=env.headers(owner))
        digest = hashlib.sha256(response.content).hexdigest()
        assert response.headers["ETag"] == f'"{digest}"' and meta["current"]["content_hash"] == digest
        assert response.headers["Cache-Control"] == "private, no-cache"
        assert response.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        assert meta["current"]["size_bytes"] == len(response.content)
        assert (meta["current"]["width"], meta["current"]["height"]) == (512, 512)
        assert meta["kind"] == "portrait" and meta["owner_id"] == str(owner) and meta["visibility"] == "private"
        assert meta["current"]["prompt"].startswith("A portrait of Pip, a halfling rogue.")
        not_modified = await env.client.get(url, headers={**env.headers(owner), "If-None-Match": f'"{digest}"'})
        assert not_modified.status_code == 304 and not_modified.content == b""
        changed = await env.client.get(url, headers={**env.headers(owner), "If-None-Match": '"something-else"'})
        assert changed.status_code == 200 and changed.content == response.content
        version = await env.client.get(f"{url}/versions/1", headers=env.headers(owner))
        assert version.content == response.content
        assert version.headers["Cache-Control"] == "private, max-age=3600, immutable"


async def test_storage_round_trip_and_versions(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        store = env.app.state.blob_store
        async with env.app.state.database.session() as session:
            assets = AssetService(session, store)
            first = NewImage(sample_png(10, 10), "image/png", 10, 10, "offline", "first")
            asset, version = await assets.create(owner, "item", "Test", first)
            second = NewImage(sample_png(20, 10, (1, 2, 3)), "image/png", 20, 10, "offline", "second")
            await assets.add_version(asset, second)
            asset_id = asset.id
        # Content-addressed files under the configured directory.
        assert (env.app.state.settings.assets_dir / version.storage_key).read_bytes() == first.data
        assert version.storage_key == f"item/{version.content_hash[:2]}/{version.content_hash}.png"
        current = await env.client.get(f"{PREFIX}/{asset_id}", headers=env.headers(owner))
        assert current.content == second.data and current.headers["X-Image-Version"] == "2"
        old = await env.client.get(f"{PREFIX}/{asset_id}/versions/1", headers=env.headers(owner))
        assert old.content == first.data
        listing = await env.client.get(f"{PREFIX}/{asset_id}/versions", headers=env.headers(owner))
        assert [(v["number"], v["prompt"], v["width"]) for v in listing.json()] == [(1, "first", 10), (2, "second", 20)]
        missing = await env.client.get(f"{PREFIX}/{asset_id}/versions/3", headers=env.headers(owner))
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "image_version_not_found"


async def test_sharing_rules(image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID) -> None:
    async with image_app() as env:
        meta = await _portrait(env, owner)
        url, third = meta["url"], uuid.uuid4()
        private = await env.client.get(url, headers=env.headers(stranger))
        absent = await env.client.get(f"{PREFIX}/{uuid.uuid4()}", headers=env.headers(stranger))
        assert private.status_code == absent.status_code == 404
        assert private.json()["error"]["code"] == absent.json()["error"]["code"] == "image_not_found"
        admin = await env.client.get(url, headers=env.headers(stranger, roles=("admin",)))
        assert admin.status_code == 200

        shared = await env.client.patch(
            url,
            headers={**env.headers(owner), "If-Match": '"1"'},
            json={"visibility": "shared", "shared_with": [str(stranger)]},
        )
        assert shared.status_code == 200 and shared.json()["shared_with"] == [str(stranger)]
        assert (await env.client.get(url, headers=env.headers(stranger))).status_code == 200
        assert (await env.client.get(url, headers=env.headers(third))).status_code == 404
        listed = await env.client.get(PREFIX, headers=env.headers(stranger))
        assert [item["id"] for item in listed.json()["items"]] == [meta["id"]]
        assert (await env.client.get(f"{PREFIX}?mine=true", headers=env.headers(stranger))).json()["items"] == []
        forbidden = await env.client.delete(url, headers=env.headers(stranger))
        assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "image_not_owned"

        public = await env.client.patch(
            url, headers={**env.headers(owner), "If-Match": shared.headers["ETag"]}, json={"visibility": "public"}
        )
        assert public.status_code == 200
        third_view = await env.client.get(url, headers=env.headers(third))
        assert third_view.status_code == 200 and third_view.headers["Cache-Control"] == "public, no-cache"
        stale = await env.client.patch(url, headers={**env.headers(owner), "If-Match": '"1"'}, json={"title": "x"})
        assert stale.status_code == 412


async def test_soft_delete_and_restore(image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID) -> None:
    async with image_app() as env:
        meta = await _portrait(env, owner)
        url = meta["url"]
        stale = await env.client.delete(url, headers={**env.headers(owner), "If-Match": '"9"'})
        assert stale.status_code == 412
        assert (await env.client.delete(url, headers=env.headers(owner))).status_code == 204
        assert (await env.client.get(url, headers=env.headers(owner))).status_code == 404
        assert (await env.client.get(PREFIX, headers=env.headers(owner))).json()["items"] == []
        trash = await env.client.get(f"{PREFIX}?deleted=true", headers=env.headers(owner))
        assert [item["id"] for item in trash.json()["items"]] == [meta["id"]]
        assert (await env.client.post(f"{url}/restore", headers=env.headers(stranger))).status_code == 404
        restored = await env.client.post(f"{url}/restore", headers=env.headers(owner))
        assert restored.status_code == 200 and restored.json()["deleted_at"] is None
        assert (await env.client.get(url, headers=env.headers(owner))).status_code == 200


async def test_list_filters_by_kind_and_pages(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        for seed in (1, 2, 3):
            await env.client.post(
                f"{PREFIX}/maps",
                headers=env.headers(owner),
                json={"kind": "cave", "width": 12, "height": 12, "seed": seed},
            )
        page = await env.client.get(f"{PREFIX}?kind=map&limit=4", headers=env.headers(owner))
        assert len(page.json()["items"]) == 4 and page.json()["next_cursor"]
        rest = await env.client.get(
            f"{PREFIX}?kind=map&limit=4&cursor={page.json()['next_cursor']}", headers=env.headers(owner)
        )
        assert len(rest.json()["items"]) == 2 and rest.json()["next_cursor"] is None
        assert (await env.client.get(f"{PREFIX}?kind=portrait", headers=env.headers(owner))).json()["items"] == []
