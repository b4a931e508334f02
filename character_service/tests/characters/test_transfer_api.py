"""Export/import: our JSON re-imports to an identical sheet; Foundry actors validate against the dnd5e
actor shape and come back as drafts; the PDF is a real one-page PDF with the sheet's numbers."""

from __future__ import annotations

import io
from typing import Any

import httpx
from pypdf import PdfReader

from character_service.transfer.foundry import FoundryActor

BASE = "/api/v1/characters"


async def played_character(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    cid = str(response.json()["id"])
    await api.post(f"{BASE}/{cid}/damage", json={"amount": 9, "type": "fire"}, headers=headers)
    await api.post(f"{BASE}/{cid}/resources/second_wind/spend", json={}, headers=headers)
    await api.post(f"{BASE}/{cid}/xp", json={"amount": 100}, headers=headers)
    return cid


async def test_json_export_reimports_to_identical_sheet(api: httpx.AsyncClient, alice: dict[str, str],
                                                        bob: dict[str, str], fighter_build: dict[str, Any]) -> None:
    cid = await played_character(api, alice, fighter_build)
    original = (await api.get(f"{BASE}/{cid}", headers=alice)).json()
    exported = await api.get(f"{BASE}/{cid}/export", params={"format": "json"}, headers=alice)
    assert exported.status_code == 200
    document = exported.json()
    assert document["format"] == "dnd-platform.character" and "sheet" not in document
    # Another user imports it: a new character of theirs with the same sheet.
    imported = await api.post(f"{BASE}/import", json=document, headers=bob)
    assert imported.status_code == 201, imported.text
    copy = imported.json()
    assert copy["id"] != original["id"]
    assert copy["build"] == original["build"] and copy["state"] == original["state"]
    assert copy["sheet"] == original["sheet"]
    tampered = {**document, "build": {**document["build"], "classes": [{"id": "fighter", "level": 25}]}}
    assert (await api.post(f"{BASE}/import", json=tampered, headers=bob)).status_code == 422
    assert (await api.post(f"{BASE}/import", json={"hello": 1}, headers=bob)).json()["error"]["code"] == \
        "unknown_import_format"


async def test_foundry_export_validates_and_round_trips(api: httpx.AsyncClient, alice: dict[str, str],
                                                        fighter_build: dict[str, Any]) -> None:
    cid = await played_character(api, alice, fighter_build)
    sheet = (await api.get(f"{BASE}/{cid}/sheet", headers=alice)).json()
    actor = (await api.get(f"{BASE}/{cid}/export", params={"format": "foundry"}, headers=alice)).json()
    parsed = FoundryActor.model_validate(actor)
    assert parsed.type == "character"
    assert actor["system"]["abilities"]["str"]["value"] == sheet["abilities"]["strength"]["score"]
    assert actor["system"]["abilities"]["str"]["proficient"] == 1  # fighters save with Strength
    assert actor["system"]["attributes"]["hp"] == {"value": 45, "max": 54, "temp": 0}
    assert actor["system"]["attributes"]["ac"]["flat"] == 19
    assert actor["system"]["skills"]["prc"]["value"] == 1
    assert [i["system"]["levels"] for i in actor["items"] if i["type"] == "class"] == [5]
    back = await api.post(f"{BASE}/import", json=actor, headers=alice)
    assert back.status_code == 201 and back.json()["status"] == "draft"
    completed = await api.post(f"{BASE}/{back.json()['id']}/complete", headers=alice)
    assert completed.status_code == 200
    assert completed.json()["sheet"]["armor_class"] == sheet["armor_class"]
    # A foreign actor (no flags of ours) still imports as a draft with what Foundry holds.
    del actor["flags"]
    foreign = (await api.post(f"{BASE}/import", json=actor, headers=alice)).json()
    assert foreign["status"] == "draft"
    assert foreign["build"]["classes"] == [{"id": "fighter", "level": 5, "subclass": "champion"}]
    assert foreign["build"]["ability_scores"]["base"]["strength"] == sheet["abilities"]["strength"]["score"]


async def test_pdf_export_is_a_one_page_sheet(api: httpx.AsyncClient, alice: dict[str, str],
                                              fighter_build: dict[str, Any]) -> None:
    cid = await played_character(api, alice, fighter_build)
    response = await api.get(f"{BASE}/{cid}/export", params={"format": "pdf"}, headers=alice)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="Brunhild-Ironfist.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("Brunhild Ironfist", "ARMOR CLASS", "19", "45/54", "Longsword", "Perception"):
        assert expected in text, expected
    bad = await api.get(f"{BASE}/{cid}/export", params={"format": "docx"}, headers=alice)
    assert bad.status_code == 422
