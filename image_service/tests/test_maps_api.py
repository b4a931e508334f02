"""``/maps`` and ``/areas`` through the app: generation, stored PNG/SVG/JSON, overlays, ownership,
optimistic locking, soft delete and restore."""

from __future__ import annotations

import io
import uuid
import xml.etree.ElementTree as ET

from PIL import Image

from image_service.maps.generation import generate_map

from .conftest import ImageAppFactory

PREFIX = "/api/v1/images"


async def test_create_map_returns_layout_png_and_svg(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        response = await env.client.post(
            f"{PREFIX}/maps",
            headers=env.headers(owner),
            json={"kind": "dungeon", "width": 40, "height": 30, "seed": 42, "theme": "dark"},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert response.headers["Location"] == f"{PREFIX}/maps/{body['id']}"
        assert (body["kind"], body["width"], body["height"], body["seed"], body["theme"]) == (
            "dungeon",
            40,
            30,
            42,
            "dark",
        )
        # The JSON is exactly what the generator makes for this seed.
        assert body["layout"] == generate_map("dungeon", 40, 30, 42).to_dict()
        assert set(body["layout"]) >= {"grid", "walls", "doors", "rooms", "spawn_points", "legend"}

        png = await env.client.get(body["png"]["url"], headers=env.headers(owner))
        assert png.status_code == 200 and png.headers["content-type"] == "image/png"
        image = Image.open(io.BytesIO(png.content))
        scale = image.width // 40
        assert image.size == (40 * scale, 30 * scale)
        svg = await env.client.get(body["svg"]["url"], headers=env.headers(owner))
        assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
        root = ET.fromstring(svg.content)
        assert root.attrib["viewBox"] == "0 0 40 30"
        assert {g.attrib["id"] for g in root.iter("{http://www.w3.org/2000/svg}g")} >= {"terrain", "walls", "grid"}

        meta = await env.client.get(f"{PREFIX}/{body['png']['asset_id']}/meta", headers=env.headers(owner))
        assert meta.json()["current"]["provider"] == "procedural"
        assert meta.json()["current"]["prompt"] == "dungeon 40x30 seed 42 theme dark"


async def test_same_seed_same_map_through_the_api(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        request = {"kind": "cave", "width": 30, "height": 30, "seed": 7}
        first = (await env.client.post(f"{PREFIX}/maps", headers=env.headers(owner), json=request)).json()
        second = (await env.client.post(f"{PREFIX}/maps", headers=env.headers(owner), json=request)).json()
        assert first["id"] != second["id"] and first["layout"] == second["layout"]
        first_meta = await env.client.get(f"{PREFIX}/{first['png']['asset_id']}/meta", headers=env.headers(owner))
        second_meta = await env.client.get(f"{PREFIX}/{second['png']['asset_id']}/meta", headers=env.headers(owner))
        assert first_meta.json()["current"]["content_hash"] == second_meta.json()["current"]["content_hash"]


async def test_bad_sizes_and_overlays_are_422(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        small = await env.client.post(
            f"{PREFIX}/maps", headers=env.headers(owner), json={"kind": "tavern", "width": 12, "height": 30}
        )
        assert small.status_code == 422 and small.json()["error"]["code"] == "map_size_invalid"
        assert small.json()["error"]["details"][0]["field"] == "width"
        kind = await env.client.post(
            f"{PREFIX}/maps", headers=env.headers(owner), json={"kind": "castle", "width": 20, "height": 20}
        )
        assert kind.status_code == 422 and kind.json()["error"]["details"][0]["field"] == "kind"
        off_map = await env.client.post(
            f"{PREFIX}/maps",
            headers=env.headers(owner),
            json={
                "kind": "cave",
                "width": 20,
                "height": 20,
                "overlays": {"tokens": [{"x": 19, "y": 5, "label": "Ogre", "size": "large"}]},
            },
        )
        assert off_map.status_code == 422
        assert off_map.json()["error"]["details"] == [
            {"field": "overlays.tokens[0]", "issue": "the token's space is off the map"}
        ]
        odd = await env.client.post(
            f"{PREFIX}/areas",
            headers=env.headers(owner),
            json={"areas": [{"shape": "cone", "origin": [0, 0], "size_ft": 12}]},
        )
        assert odd.status_code == 422 and odd.json()["error"]["details"][0]["field"] == "areas[0].size_ft"


async def test_render_with_overlays_and_fog(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        created = (
            await env.client.post(
                f"{PREFIX}/maps",
                headers=env.headers(owner),
                json={"kind": "dungeon", "width": 20, "height": 20, "seed": 3, "scale": 10},
            )
        ).json()
        room = created["layout"]["rooms"][0]
        x, y = room["anchor"]
        render = await env.client.post(
            f"{PREFIX}/maps/{created['id']}/render",
            headers=env.headers(owner),
            json={
                "format": "png",
                "scale": 40,
                "overlays": {
                    "grid": False,
                    "revealed": [[x, y]],
                    "tokens": [{"x": x, "y": y, "label": "Aria Vale", "kind": "character"}],
                },
            },
        )
        assert render.status_code == 200 and render.headers["content-type"] == "image/png"
        assert render.headers["cache-control"] == "no-store"
        image = Image.open(io.BytesIO(render.content)).convert("RGB")
        assert image.size == (800, 800)
        # Everything but the revealed square is under the classic theme's fog colour.
        assert image.getpixel((1, 1)) == (12, 12, 16)
        assert image.getpixel(((x + 1) * 40 + 20, y * 40 + 20)) == (12, 12, 16)
        # The revealed square shows the blue character token (left of its initials).
        assert image.getpixel((x * 40 + 8, y * 40 + 20)) == (40, 96, 200)
        svg = await env.client.post(
            f"{PREFIX}/maps/{created['id']}/render",
            headers=env.headers(owner),
            json={"format": "svg", "overlays": {"areas": [{"shape": "sphere", "origin": [x, y], "size_ft": 10}]}},
        )
        assert svg.headers["content-type"] == "image/svg+xml"
        root = ET.fromstring(svg.content)
        groups = {g.attrib["id"]: g for g in root.iter("{http://www.w3.org/2000/svg}g")}
        assert "areas" in groups and "fog" in groups and len(list(groups["fog"])) == 0


async def test_areas_on_open_grid_and_on_a_map(image_app: ImageAppFactory, owner: uuid.UUID) -> None:
    async with image_app() as env:
        open_grid = await env.client.post(
            f"{PREFIX}/areas",
            headers=env.headers(owner),
            json={
                "areas": [
                    {"shape": "cone", "origin": [0, 0], "size_ft": 15, "direction_deg": 0},
                    {"shape": "emanation", "origin": [4, 4], "size_ft": 5},
                ]
            },
        )
        assert open_grid.status_code == 200
        cone, emanation = open_grid.json()["areas"]
        assert cone == {"shape": "cone", "squares": [[1, -1], [2, -1], [1, 0], [2, 0]]}
        assert len(emanation["squares"]) == 8
        created = (
            await env.client.post(
                f"{PREFIX}/maps",
                headers=env.headers(owner),
                json={"kind": "dungeon", "width": 30, "height": 30, "seed": 11},
            )
        ).json()
        grid = created["layout"]["grid"]
        x, y = created["layout"]["rooms"][0]["anchor"]
        on_map = await env.client.post(
            f"{PREFIX}/maps/{created['id']}/areas",
            headers=env.headers(owner),
            json={"areas": [{"shape": "sphere", "origin": [x, y], "size_ft": 30}]},
        )
        squares = on_map.json()["areas"][0]["squares"]
        assert squares and all(grid[sy][sx] != "#" for sx, sy in squares)


async def test_ownership_sharing_locking_delete_restore(
    image_app: ImageAppFactory, owner: uuid.UUID, stranger: uuid.UUID
) -> None:
    async with image_app() as env:
        created = await env.client.post(
            f"{PREFIX}/maps",
            headers=env.headers(owner),
            json={"kind": "wilderness", "width": 20, "height": 20, "seed": 1},
        )
        map_id = created.json()["id"]
        png_url = created.json()["png"]["url"]
        assert created.headers["ETag"] == '"1"'
        # A stranger sees neither the map nor its render: 404, exactly like a missing id.
        for url in (f"{PREFIX}/maps/{map_id}", png_url):
            hidden = await env.client.get(url, headers=env.headers(stranger))
            assert hidden.status_code == 404
        missing = await env.client.get(f"{PREFIX}/maps/{uuid.uuid4()}", headers=env.headers(owner))
        assert missing.json()["error"]["code"] == hidden.json()["error"]["code"] or missing.status_code == 404
        assert (await env.client.get(f"{PREFIX}/maps", headers=env.headers(stranger))).json()["items"] == []
        # Sharing with If-Match; a stale tag is 412.
        shared = await env.client.patch(
            f"{PREFIX}/maps/{map_id}",
            headers={**env.headers(owner), "If-Match": '"1"'},
            json={"visibility": "shared", "shared_with": [str(stranger)]},
        )
        assert shared.status_code == 200 and shared.headers["ETag"] == '"2"'
        stale = await env.client.patch(
            f"{PREFIX}/maps/{map_id}", headers={**env.headers(owner), "If-Match": '"1"'}, json={"title": "Old news"}
        )
        assert stale.status_code == 412 and stale.json()["error"]["code"] == "precondition_failed"
        assert (await env.client.get(f"{PREFIX}/maps/{map_id}", headers=env.headers(stranger))).status_code == 200
        assert (await env.client.get(png_url, headers=env.headers(stranger))).status_code == 200
        # Viewers cannot change or delete.
        edit = await env.client.patch(f"{PREFIX}/maps/{map_id}", headers=env.headers(stranger), json={"title": "x"})
        assert edit.status_code == 403 and edit.json()["error"]["code"] == "map_not_owned"
        # Soft delete hides the map and its renders; restore brings both back.
        assert (await env.client.delete(f"{PREFIX}/maps/{map_id}", headers=env.headers(owner))).status_code == 204
        assert (await env.client.get(f"{PREFIX}/maps/{map_id}", headers=env.headers(owner))).status_code == 404
        assert (await env.client.get(png_url, headers=env.headers(owner))).status_code == 404
        deleted = await env.client.get(f"{PREFIX}/maps?deleted=true", headers=env.headers(owner))
        assert [item["id"] for item in deleted.json()["items"]] == [map_id]
        restored = await env.client.post(f"{PREFIX}/maps/{map_id}/restore", headers=env.headers(owner))
        assert restored.status_code == 200 and restored.json()["deleted_at"] is None
        assert (await env.client.get(png_url, headers=env.headers(owner))).status_code == 200


async def test_every_route_needs_a_verified_identity(image_app: ImageAppFactory) -> None:
    async with image_app() as env:
        for method, url in (
            ("POST", f"{PREFIX}/maps"),
            ("GET", f"{PREFIX}/maps"),
            ("POST", f"{PREFIX}/portraits"),
            ("POST", f"{PREFIX}/items"),
            ("GET", f"{PREFIX}/{uuid.uuid4()}"),
            ("GET", f"{PREFIX}/jobs/{uuid.uuid4()}"),
            ("POST", f"{PREFIX}/areas"),
        ):
            response = await env.client.request(method, url, json={})
            assert response.status_code == 401, (method, url)
        forged = {"X-User-Id": str(uuid.uuid4()), "X-Internal-Token": "forged"}
        assert (await env.client.get(f"{PREFIX}/maps", headers=forged)).status_code == 401
        assert (await env.client.get(f"{PREFIX}/health")).status_code == 200
