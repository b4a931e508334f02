"""Root pytest configuration: the fleet's shared fixtures.

- ``dnd_shared.testing.fixtures``: a real PostgreSQL and Redis per session, rolled-back transactions,
  an httpx client on a service's ASGI app;
- ``dnd_shared.testing.hub_fixtures``: fast hub timings and in-process hub instances;
- ``dnd_shared.testing.stack``: ``local_stack``, the whole stack through the README's runner.
"""

import importlib

from dnd_shared.fleet import FLEET

# Each service folder has the same name as its package (``image_service/src/image_service``). In
# importlib mode pytest would otherwise register the *folder* as the package while importing
# ``image_service/tests/...``, hiding the installed package. Importing the real ones first avoids it.
for _spec in FLEET:
    importlib.import_module(_spec.package)

pytest_plugins = ["dnd_shared.testing.fixtures", "dnd_shared.testing.stack", "dnd_shared.testing.hub_fixtures"]
