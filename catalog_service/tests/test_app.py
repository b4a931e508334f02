"""The catalog service's app shape on the real PostgreSQL and Redis, and its public sources route."""

from catalog_service.main import create_app
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.service_checks import check_service_basics

from .conftest import PREFIX, CatalogClient


async def test_service_basics(service_client: ClientFactory) -> None:
    async with service_client(create_app) as client:
        await check_service_basics(client, "catalog")


async def test_sources_are_public_and_carry_the_srd_attribution(catalog: CatalogClient) -> None:
    response = await catalog.http.get(f"{PREFIX}/sources")
    assert response.status_code == 200
    [srd] = response.json()["sources"]
    assert srd["key"] == "srd-5.2" and srd["license"] == "CC-BY-4.0"
    assert srd["attribution"].startswith('This work includes material from the System Reference Document 5.2')
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in srd["attribution"]
    assert srd["package"] == "dndwright==0.29.0"
    assert srd["content_version"].startswith("dndwright-0.29.0/r1/")
    assert srd["counts"]["spell"] == 339 and srd["counts"]["creature"] == 330
