"""``python -m logistics_desk [--db PATH] [COMMAND ...]``: the same program as ``logistics-desk``."""

from logistics_desk.cli import main

raise SystemExit(main())
