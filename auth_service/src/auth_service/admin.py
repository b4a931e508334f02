"""Operator commands: ``python -m auth_service.admin grant-admin <email>``.

How the first admin exists: register an account through the API, then run ``grant-admin`` with the
service's database settings (``DND_DATABASE_URL``/``AUTH_DATABASE_URL``) on a machine that can reach
the database. Also ``revoke-admin <email>``. Each writes an audit event with no actor (the CLI).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from redis.asyncio import Redis

from auth_service.accounts.models import ADMIN
from auth_service.accounts.repository import UserRepository
from auth_service.accounts.service import AccountService
from auth_service.config import Settings
from auth_service.runtime import AuthRuntime, build_runtime
from dnd_shared.db.engine import Database
from dnd_shared.errors import AppError
from dnd_shared.redis_client import create_redis


class _State:
    """Just enough of ``app.state`` for :func:`build_runtime`."""

    def __init__(self, settings: Settings, database: Database, redis: Redis) -> None:
        self.settings, self.database, self.redis = settings, database, redis


class _App:
    def __init__(self, state: _State) -> None:
        self.state = state


async def set_admin(email: str, granted: bool, settings: Settings | None = None) -> str:
    """Grant (or revoke) the admin role of the account ``email``; returns a one-line report."""
    settings = settings or Settings()
    database = Database(settings.database_url, settings.schema_name, pool_size=1)
    redis = create_redis(settings.redis_url)
    try:
        runtime: AuthRuntime = build_runtime(_App(_State(settings, database, redis)))  # type: ignore[arg-type]
        async with database.session() as session:
            user = await UserRepository(session).get_by_email(email.strip().lower())
            if user is None:
                raise LookupError(f"no account with email {email!r}; register it first")
            await AccountService(session, runtime).set_role(None, user, ADMIN, granted, ip=None)
            return f"{user.email} ({user.id}) roles: {', '.join(user.roles)}"
    finally:
        await redis.aclose()
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m auth_service.admin", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("grant-admin", "give an account the admin role"),
                       ("revoke-admin", "take the admin role away")):
        command = commands.add_parser(name, help=text)
        command.add_argument("email")
    args = parser.parse_args(argv)
    try:
        report = asyncio.run(set_admin(args.email, args.command == "grant-admin"))
    except (LookupError, AppError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
