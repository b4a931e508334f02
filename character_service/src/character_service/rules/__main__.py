"""Entry point for ``python -m character_service.rules``."""

from .cli import main

raise SystemExit(main())
