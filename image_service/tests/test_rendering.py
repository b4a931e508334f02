"""Offline renderers and the storage layer, without the app."""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from dnd_shared.errors import NotFoundError
from image_service.assets.storage import FilesystemBlobStore, storage_key
from image_service.drawing.scene import Scene, Style, Text
from image_service.drawing.svg import render_svg
from image_service.maps.generation import generate_map
from image_service.maps.overlays import Overlays
from image_service.maps.rendering import map_png, map_svg
from image_service.providers.offline_item import ITEM_CATEGORIES, ItemSpec, render_item_icon
from image_service.providers.offline_portrait import PortraitSpec, render_portrait
from image_service.providers.prompts import portrait_prompt


def _spec(seed: int, **changes: str) -> PortraitSpec:
    values = {
        "name": "Kriv",
        "species": "Dragonborn",
        "character_class": "Paladin",
        "appearance": "",
        "theme": "classic",
        "style": "token",
    }
    values.update(changes)
    return PortraitSpec(seed=seed, **values)  # type: ignore[arg-type]


def test_offline_portrait_is_deterministic_by_seed_and_labelled() -> None:
    first, again, other = render_portrait(_spec(1)), render_portrait(_spec(1)), render_portrait(_spec(2))
    assert first == again and hashlib.sha256(first).digest() != hashlib.sha256(other).digest()
    image = Image.open(io.BytesIO(first))
    assert image.size == (512, 512) and image.mode == "RGBA"
    assert image.text["Comment"] == "generated offline; seed 1"
    assert image.getpixel((2, 2))[3] == 0  # a token is transparent outside its ring
    card = Image.open(io.BytesIO(render_portrait(_spec(1, style="card"))))
    assert card.getpixel((60, 256))[3] == 255  # a card fills its rectangle


def test_species_class_and_theme_change_the_portrait() -> None:
    base = render_portrait(_spec(3))
    assert render_portrait(_spec(3, species="Elf")) != base
    assert render_portrait(_spec(3, character_class="Wizard")) != base
    infernal = Image.open(io.BytesIO(render_portrait(_spec(3, theme="infernal")))).convert("RGB")
    frost = Image.open(io.BytesIO(render_portrait(_spec(3, theme="frost")))).convert("RGB")
    r1, _, b1 = infernal.getpixel((150, 200))
    r2, _, b2 = frost.getpixel((150, 200))
    assert r1 > b1 and b2 > r2


def test_portrait_prompt_names_species_class_appearance_and_theme() -> None:
    prompt = portrait_prompt(_spec(1, appearance="bronze scales, a chipped horn", theme="dark"))
    assert prompt == (
        "A portrait of Kriv, a dragonborn paladin, bronze scales, a chipped horn. circular tabletop "
        "token portrait, head and shoulders, centred, ornate round frame, grim dark fantasy, moody "
        "low-key lighting, detailed fantasy illustration."
    )


@pytest.mark.parametrize("category", ITEM_CATEGORIES)
def test_item_icons_for_every_category(category: str) -> None:
    data = render_item_icon(ItemSpec("Thing", category, "legendary", "", 4))  # type: ignore[arg-type]
    assert data == render_item_icon(ItemSpec("Thing", category, "legendary", "", 4))  # type: ignore[arg-type]
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (256, 256)
    # The frame is drawn in the rarity's colour (legendary orange).
    r, g, b = image.getpixel((128, 13))
    assert r > 200 and 100 < g < 190 and b < 90


def test_map_png_and_svg_agree_on_size_and_themes_differ() -> None:
    layout = generate_map("tavern", 24, 18, 5)
    png, width, height = map_png(layout, "parchment", Overlays(), scale=20)
    assert (width, height) == (480, 360) and Image.open(io.BytesIO(png)).size == (480, 360)
    svg, svg_width, svg_height = map_svg(layout, "parchment", Overlays(), scale=20)
    root = ET.fromstring(svg)
    assert (root.attrib["width"], root.attrib["height"], svg_width, svg_height) == ("480", "360", 480, 360)
    assert map_png(layout, "dark", Overlays(), scale=20)[0] != png


def test_svg_writer_escapes_text() -> None:
    scene = Scene(4, 4, (0, 0, 0), title="<b>&")
    scene.layer("labels").append(Text(1, 1, 'Tom & "Jerry" <3', 0.5, (255, 255, 255)))
    scene.layer("empty")
    svg = render_svg(scene)
    root = ET.fromstring(svg)  # well-formed
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ['Tom & "Jerry" <3'] and "<b>&" not in svg
    assert Style().opacity == 1.0


async def test_filesystem_store_round_trip(tmp_path: Path) -> None:
    store = FilesystemBlobStore(tmp_path)
    key = storage_key("map", "ab" * 32, "image/svg+xml")
    assert key == f"map/ab/{'ab' * 32}.svg"
    assert not await store.exists(key)
    await store.put(key, b"<svg/>", "image/svg+xml")
    await store.put(key, b"<svg/>", "image/svg+xml")  # idempotent
    assert await store.exists(key) and await store.get(key) == b"<svg/>"
    assert [p.name for p in (tmp_path / "map" / "ab").iterdir()] == [f"{'ab' * 32}.svg"]
    with pytest.raises(NotFoundError):
        await store.get("map/zz/missing.png")
    with pytest.raises(ValueError, match="escapes"):
        await store.put("../outside.png", b"x", "image/png")


async def test_s3_store_round_trip_against_a_local_s3_server() -> None:
    from image_service.assets.storage import S3BlobStore, blob_store_from_settings
    from image_service.config import Settings

    from .fake_s3 import fake_s3_server

    with fake_s3_server() as fake:
        settings = Settings(
            storage_backend="s3",
            s3_endpoint_url=fake.endpoint_url,
            s3_bucket="tokens",
            s3_access_key_id="test",
            s3_secret_access_key="secret-value",
            s3_prefix="assets/",
        )
        store = blob_store_from_settings(settings)
        assert isinstance(store, S3BlobStore)
        key = storage_key("portrait", "cd" * 32, "image/png")
        assert not await store.exists(key)
        await store.put(key, b"\x89PNG fake bytes", "image/png")
        assert fake.objects[("tokens", f"assets/{key}")] == (b"\x89PNG fake bytes", "image/png")
        assert await store.exists(key) and await store.get(key) == b"\x89PNG fake bytes"
        with pytest.raises(NotFoundError):
            await store.get("portrait/zz/missing.png")
        # Requests are signed (SigV4) with the configured key id; the secret never travels.
        put = next(headers for method, _path, headers in fake.requests if method == "PUT")
        assert put["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=test/")
        assert all("secret-value" not in str(headers) for _m, _p, headers in fake.requests)


def test_assets_directory_follows_the_var_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from image_service.config import Settings

    monkeypatch.delenv("DND_VAR_DIR", raising=False)
    monkeypatch.delenv("IMAGE_ASSETS_DIR", raising=False)
    assert Settings().resolved_assets_dir() == Path("var/assets")
    monkeypatch.setenv("DND_VAR_DIR", str(tmp_path))
    assert Settings().resolved_assets_dir() == tmp_path / "assets"
    monkeypatch.setenv("IMAGE_ASSETS_DIR", str(tmp_path / "elsewhere"))
    assert Settings().resolved_assets_dir() == tmp_path / "elsewhere"


def test_hair_and_beard_take_their_colour_from_the_appearance() -> None:
    from image_service.providers.offline_portrait import hair_color
    from image_service.providers.palettes import PORTRAIT_PALETTES

    classic = PORTRAIT_PALETTES["classic"]
    assert hair_color("a shock of red hair", classic) == (112, 42, 32)  # 70% red, 30% silhouette
    assert hair_color("", classic) != hair_color("white hair", classic)
    red = render_portrait(_spec(8, species="Dwarf", appearance="red beard"))
    black = render_portrait(_spec(8, species="Dwarf", appearance="black beard"))
    assert red != black
    beard = Image.open(io.BytesIO(red)).convert("RGB").getpixel((256, 290))
    assert beard[0] > beard[2] + 30  # the beard below the mouth is reddish
