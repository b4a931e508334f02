"""Root pytest configuration: the fleet's shared fixtures.

- ``dnd_shared.testing.fixtures``: a real PostgreSQL and Redis per session, rolled-back transactions,
  an httpx client on a service's ASGI app;
- ``dnd_shared.testing.stack``: ``local_stack``, the whole stack through the README's runner.
"""

pytest_plugins = ["dnd_shared.testing.fixtures", "dnd_shared.testing.stack"]
