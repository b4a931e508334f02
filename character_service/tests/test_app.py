"""The character service's app shape on the real PostgreSQL and Redis."""

from character_service.main import create_app
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.service_checks import check_service_basics


async def test_service_basics(service_client: ClientFactory) -> None:
    async with service_client(create_app) as client:
        await check_service_basics(client, "character")
