"""Campaign benchmark: encounter arithmetic, and the campaign API's latency on a campaign of 300 story
entities and five players (reads through the secrets filter, search, export, session close with the
outbox event, storyline commit).

    .venv/bin/python bench/campaign_bench.py [--entities 300] [--rounds 50]

Starts a private embedded PostgreSQL and Redis (free ports, temporary directory), runs the campaign
migrations, then drives the real app in-process (httpx ASGI transport, lifespan and hub), with the
character service played by an in-process hub instance answering ``character.get_summary``.
Writes the "## Campaign service" section of bench/RESULTS.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Campaign service"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def encounter_math(calls: int) -> float:
    """Microseconds per evaluation of a 5-character party against 4 creature groups."""
    from campaign_service.encounters.budget import CreatureGroup, evaluate

    groups = [CreatureGroup("Bugbear", 200, 2), CreatureGroup("Goblin", 50, 6), CreatureGroup("Worg", 100, 2),
              CreatureGroup("Hobgoblin Captain", 700, 1)]
    started = time.perf_counter()
    for _ in range(calls):
        evaluate([3, 3, 4, 4, 5], groups)
    return (time.perf_counter() - started) / calls * 1e6


async def timed(rounds: int, call: Callable[[], Awaitable[httpx.Response]]) -> dict[str, float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = await call()
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code < 400, response.text
    return {"p50": statistics.median(samples), "p95": percentile(samples, 0.95), "n": len(samples)}


async def run(entities: int, rounds: int) -> dict[str, Any]:
    from campaign_service.config import Settings
    from campaign_service.main import create_app
    from campaign_service.migrate import upgrade
    from campaign_service.testing.table import BASE, Table, character_router
    from dnd_shared.db.engine import Database
    from dnd_shared.hub.client import Hub, create_hub_redis
    from dnd_shared.hub.outbox import OutboxRelay
    from dnd_shared.testing.hub_fixtures import fast_hub_settings
    from dnd_shared.testing.identity import SignedIdentity

    root = Path(tempfile.mkdtemp(prefix="campaign-bench-"))
    os.chmod(root, 0o755)
    postgres = EmbeddedPostgres(root / "pg", free_port(), root / "postgres.log")
    redis = EmbeddedRedis(root / "redis", free_port(), root / "redis.log", persistent=False)
    report: dict[str, Any] = {"load_before": os.getloadavg()[0], "entities": entities, "rounds": rounds}
    postgres.start()
    redis.start()
    try:
        postgres.ensure_database("bench")
        postgres.ensure_extensions("bench")
        url = postgres.url("bench")
        os.environ.update({"DND_DATABASE_URL": url, "DND_REDIS_URL": redis.url, "DND_ENV": "test"})
        await asyncio.to_thread(upgrade, url)
        report["encounter_us"] = encounter_math(20_000)

        identity = SignedIdentity()
        app = create_app(Settings())
        identity.install(app)
        app.state.database = Database(url, "campaign", pool_size=4)
        app.state.hub_settings = fast_hub_settings()
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                relay = OutboxRelay(app.state.database, app.state.hub.outbox_relay.table, app.state.redis)
                table = Table(client, app, identity, relay)
                character_redis = create_hub_redis(redis.url)
                characters = Hub(service="character", redis=character_redis, router=character_router(table),
                                 settings=fast_hub_settings())
                await characters.start()
                try:
                    report |= await scenario(table, BASE, entities, rounds)
                finally:
                    await characters.stop()
                    await character_redis.aclose()
        await app.state.database.dispose()
    finally:
        redis.stop()
        postgres.stop()
        remove_tree(root)
    report["load_after"] = os.getloadavg()[0]
    return report


async def scenario(table: Any, base: str, entities: int, rounds: int) -> dict[str, Any]:
    dm = uuid.uuid4()
    players = [uuid.uuid4() for _ in range(5)]
    campaign = await table.create_campaign(dm, type="antitheticon")
    party = [await table.join(campaign, p, f"Hero {i}") for i, p in enumerate(players)]
    url, dm_h, player_h = f"{base}/{campaign['id']}", table.as_user(dm), table.as_user(players[0])
    kinds = ["npc", "location", "faction", "hook", "chapter"]
    started = time.perf_counter()
    ids = []
    for i in range(entities):
        body: dict[str, Any] = {"kind": kinds[i % 5], "name": f"Entity {i} of the marsh",
                                "summary": f"Summary {i}", "data": {"notes": f"Secret note {i}"},
                                "dm_only_fields": ["notes"]}
        if i % 4 == 0:
            body["visibility"] = "dm_only"
        elif i % 4 == 1:
            body |= {"visibility": "characters", "visible_to": [str(party[i % 5])]}
        response = await table.http.post(f"{url}/entities", headers=dm_h, json=body)
        ids.append(response.json()["id"])
    create_ms = (time.perf_counter() - started) / entities * 1000
    visible = ids[2]
    results: dict[str, Any] = {"create_entity_ms": create_ms}
    results["get_entity_player"] = await timed(rounds, lambda: table.http.get(f"{url}/entities/{visible}",
                                                                              headers=player_h))
    results["list_entities_player"] = await timed(rounds, lambda: table.http.get(f"{url}/entities", headers=player_h))
    results["list_entities_dm"] = await timed(rounds, lambda: table.http.get(f"{url}/entities", headers=dm_h))
    results["search_player"] = await timed(rounds, lambda: table.http.get(f"{url}/search", headers=player_h,
                                                                          params={"q": "marsh"}))
    results["export_player"] = await timed(max(5, rounds // 5), lambda: table.http.get(f"{url}/export",
                                                                                       headers=player_h))
    results["evaluate_encounter"] = await timed(rounds, lambda: table.http.post(
        f"{url}/encounters/evaluate", headers=dm_h, json={"creatures": [{"name": "Ogre", "cr": "2", "count": 2}]}))

    closes = []
    for n in range(max(5, rounds // 5)):
        play = (await table.http.post(f"{url}/sessions", headers=dm_h, json={
            "title": f"Session {n}", "attendance": [str(c) for c in party]})).json()
        for e in range(30):
            kind = ("xp", "moment", "loot")[e % 3]
            body = {"kind": kind, "amount": 100, "description": f"Event {e}"}
            if kind == "loot":
                body |= {"item": f"Gem {e}", "character_id": str(party[e % 5])}
            await table.http.post(f"{url}/sessions/{play['id']}/events", headers=dm_h, json=body)
        started = time.perf_counter()
        closed = await table.http.post(f"{url}/sessions/{play['id']}/close", headers=dm_h)
        closes.append((time.perf_counter() - started) * 1000)
        assert closed.status_code == 200, closed.text
    results["close_session"] = {"p50": statistics.median(closes), "p95": percentile(closes, 0.95), "n": len(closes)}
    started = time.perf_counter()
    relayed = 0
    while (count := await table.relay.relay_once()) > 0:
        relayed += count
    results["relay_ms_per_event"] = (time.perf_counter() - started) * 1000 / max(1, relayed)

    commits = []
    for n in range(max(5, rounds // 5)):
        await table.http.patch(f"{url}/entities/{visible}", headers=dm_h, json={"summary": f"Rev {n}"})
        started = time.perf_counter()
        response = await table.http.post(f"{url}/storylines/commits", headers=dm_h, json={"message": f"Rev {n}"})
        commits.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 201, response.text
    results["storyline_commit"] = {"p50": statistics.median(commits), "p95": percentile(commits, 0.95),
                                   "n": len(commits)}
    return results


def render(report: dict[str, Any], command: str) -> str:
    def row(label: str, key: str) -> str:
        value = report[key]
        return f"| {label} | {value['p50']:.1f} ms | {value['p95']:.1f} ms | {value['n']} |"

    n = report["entities"]
    lines = [
        SECTION,
        "",
        f"Command: `{command}` — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {report['load_before']:.2f} before, {report['load_after']:.2f} after. In-process app "
        "(httpx ASGI) on embedded PostgreSQL 18 and Redis, hub running, character service played by an "
        f"in-process hub instance. A campaign with {n} story entities (a quarter DM-only, a quarter visible to one "
        "character, every one with a DM-only field) and five players.",
        "",
        f"- Encounter evaluation (pure, 5 characters, 4 creature groups): {report['encounter_us']:.1f} µs per call.",
        f"- Creating an entity (DM, with its revision): {report['create_entity_ms']:.1f} ms mean over {n}.",
        f"- Relaying the outbox: {report['relay_ms_per_event']:.2f} ms per event.",
        "",
        "| request | p50 | p95 | n |",
        "|---|---|---|---|",
        row("GET one entity, as a player (through the secrets filter)", "get_entity_player"),
        row(f"GET all entities as a player ({n} rows filtered)", "list_entities_player"),
        row(f"GET all entities as the DM ({n} rows)", "list_entities_dm"),
        row("GET search `marsh` as a player (every entity matches; re-checked on the view)", "search_player"),
        row("GET export as a player (whole campaign)", "export_player"),
        row("POST encounter evaluate (party from the campaign)", "evaluate_encounter"),
        row("POST session close (5 attendees, 30 events; ledger, outbox event)", "close_session"),
        row(f"POST storyline commit (snapshot of {n} entities)", "storyline_commit"),
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    existing = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = existing.find(SECTION)
    if start == -1:
        updated = existing.rstrip("\n") + "\n\n" + section
    else:
        end = existing.find("\n## ", start + len(SECTION))
        updated = existing[:start] + section + ("" if end == -1 else "\n" + existing[end + 1:])
    RESULTS.write_text(updated)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    report = asyncio.run(run(args.entities, args.rounds))
    command = ".venv/bin/python bench/campaign_bench.py" + (
        f" --entities {args.entities}" if args.entities != 300 else "") + (
        f" --rounds {args.rounds}" if args.rounds != 50 else "")
    section = render(report, command)
    write_section(section)
    print(section)


if __name__ == "__main__":
    sys.exit(main())
