"""LLM assistance through the hub: 503 without an LLM service; with one (a real handler on the test
hub speaking the task API), results are saved as editable campaign content marked as generated."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel

from campaign_service.testing.table import BASE, Table
from dnd_shared.hub import HubRouter, MessageContext
from dnd_shared.testing.hub_fixtures import HubFactory

OUTPUTS: dict[str, dict[str, Any]] = {
    "campaign_outline": {"title": "Embers", "premise": "A dying sun", "themes": ["hope"],
                         "acts": [{"title": "Act I: Ash", "summary": "The first cinders", "levels": "1-4"},
                                  {"title": "Act II: Flame", "summary": "The fire spreads", "levels": "5-8"}],
                         "major_npcs": [{"name": "Ilsa Varn", "role": "Sun priestess"}], "locations": ["Cinderfall"]},
    "npc": {"name": "Dorn Halk", "species": "Dwarf", "role": "Smuggler", "appearance": "Scarred",
            "personality": "Gruff", "motivation": "Pay his debts", "secret": "Informs for the Duke",
            "voice": "Low", "stat_block": "Bandit Captain"},
    "story_hook": {"hooks": [{"title": "Missing caravan", "summary": "A caravan vanished", "stakes": "Food",
                              "complication": "The guards were paid"}]},
    "session_recap": {"title": "Recap", "summary": "The party crossed the ford.", "key_events": ["An ambush"],
                      "npcs_met": [], "loose_threads": ["Who paid the bandits?"]},
    "antitheticon": {"title": "Mirror", "mastermind": "The Pale Regent", "mastermind_goal": "Rule unseen",
                     "identities": [{"alias": "Sister Mora", "worn_by": "the Regent", "purpose": "Guide the party",
                                     "tell": "Cold hands"},
                                    {"alias": "Old Tam", "worn_by": "a double", "purpose": "Spy", "tell": "Limp"}],
                     "layers": [{"depth": 1, "apparent_plot": "A plague", "hidden_truth": "A poison",
                                 "reveal_trigger": "The well"},
                                {"depth": 2, "apparent_plot": "A cult", "hidden_truth": "The Regent",
                                 "reveal_trigger": "The crypt"}],
                     "counterparts": [{"mirrors": "Aria", "name": "Sable", "twist": "Her lost sister"}]},
}


class _Generate(BaseModel):
    task: str
    input: dict[str, Any]
    options: dict[str, Any] = {}


class _Generated(BaseModel):
    task: str
    template_version: str
    output: dict[str, Any]
    provider: str
    model: str
    usage: dict[str, int]
    cached: bool
    attempts: int


def llm_router(requests: list[_Generate]) -> HubRouter:
    router = HubRouter()

    @router.rpc("llm.generate")
    async def generate(request: _Generate, ctx: MessageContext) -> _Generated:
        requests.append(request)
        return _Generated(task=request.task, template_version=f"{request.task}.v1", output=OUTPUTS[request.task],
                          provider="offline", model="offline-phrases", usage={"input_tokens": 1, "output_tokens": 1},
                          cached=False, attempts=1)

    return router


async def test_without_an_llm_service_the_assistants_answer_503(table: Table) -> None:
    dm = uuid.uuid4()
    campaign = await table.create_campaign(dm)
    response = await table.http.post(f"{BASE}/{campaign['id']}/assist/npc", json={"description": "a smuggler"},
                                     headers=table.as_user(dm))
    assert response.status_code == 503 and response.json()["error"]["code"] == "llm_unavailable"


async def test_generated_content_is_saved_editable_and_marked(table: Table, hub_instance: HubFactory) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, type="antitheticon", description="The sun is dying", theme="grim")
    await table.join(campaign, ana, "Aria")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    requests: list[_Generate] = []
    async with hub_instance("llm", llm_router(requests)):
        outline = await table.http.post(f"{url}/assist/outline", headers=dm_h, json={"seed": 7})
        npc = await table.http.post(f"{url}/assist/npc", headers=dm_h, json={"description": "a smuggler"})
        hooks = await table.http.post(f"{url}/assist/hooks", headers=dm_h, json={"count": 1})
        play = (await table.http.post(f"{url}/sessions", headers=dm_h, json={
            "title": "Ford", "notes": "Crossed the ford, ambushed.", "dm_notes": "SECRET the Duke paid them"})).json()
        recap = await table.http.post(f"{url}/assist/recap", headers=dm_h, json={"session_id": play["id"]})
        network = await table.http.post(f"{url}/assist/antitheticon", headers=dm_h, json={})
    assert [r.status_code for r in (outline, npc, hooks, recap, network)] == [200] * 5
    assert [r.task for r in requests] == ["campaign_outline", "npc", "story_hook", "session_recap", "antitheticon"]
    assert requests[0].input == {"premise": "The sun is dying", "tone": "grim", "start_level": 1, "end_level": 10}
    assert requests[0].options == {"seed": 7}
    assert requests[3].input == {"notes": "Crossed the ford, ambushed.", "campaign": "Lost Mine"}  # no DM notes
    assert requests[4].input["party"] == ["Aria, human Fighter 3"]

    assert [(e["kind"], e["name"]) for e in outline.json()["entities"]] == [
        ("arc", "Act I: Ash"), ("arc", "Act II: Flame"), ("npc", "Ilsa Varn"), ("location", "Cinderfall")]
    assert outline.json()["entities"][1]["position"] == 1
    assert outline.json()["generation"] == {"task": "campaign_outline", "template_version": "campaign_outline.v1",
                                            "provider": "offline", "model": "offline-phrases", "cached": False}
    smuggler = npc.json()["entities"][0]
    assert smuggler["generated"] is True and smuggler["data"]["motives"] == "Pay his debts"
    assert smuggler["dm_only_fields"] == ["secret"]
    assert [(e["kind"], e["data"]["stakes"]) for e in hooks.json()["entities"]] == [("hook", "Food")]
    assert recap.json()["recap"] == "The party crossed the ford.\n- An ambush\nLoose threads:\n- Who paid the bandits?"
    assert recap.json()["recap_generated"] is True
    kinds = [(e["kind"], e["visibility"]) for e in network.json()["entities"]]
    assert kinds == [("identity", "dm_only"), ("facade", "dm_only"), ("facade", "dm_only"), ("plot_layer", "dm_only"),
                     ("plot_layer", "dm_only"), ("counterpart", "dm_only")]

    # Generated content is ordinary content: the DM edits it, players see it filtered.
    edited = await table.http.patch(f"{url}/entities/{smuggler['id']}", headers={**dm_h, "If-Match": '"1"'},
                                    json={"name": "Dorn the Grey"})
    assert edited.status_code == 200 and edited.json()["generated"] is True and edited.json()["name"] == "Dorn the Grey"
    seen = (await table.http.get(f"{url}/entities/{smuggler['id']}", headers=table.as_user(ana))).json()
    assert "secret" not in seen["data"] and seen["data"]["personality"] == "Gruff"
    assert "Regent" not in (await table.http.get(f"{url}/export", headers=table.as_user(ana))).text
