"""What every module shares. Nothing here imports Qt except core/ui."""

import sys as _sys


def _import_without_psycopg(names: tuple[str, ...]) -> None:
    """peewee imports psycopg (PostgreSQL's driver) at its own import when it is installed, and so does
    playhouse's migrator (through its CockroachDB and PostgreSQL extensions): ~150 ms of every start, though
    only a server database needs it. So both are first imported with psycopg hidden (they then take it for
    absent); ``core.db.load_psycopg`` gives it to peewee when a server database is opened."""
    if "psycopg" in _sys.modules or all(name in _sys.modules for name in names):
        return
    _sys.modules["psycopg"] = None  # `import psycopg` raises ImportError
    try:
        import importlib

        for name in names:
            importlib.import_module(name)
    finally:
        del _sys.modules["psycopg"]


_import_without_psycopg(("peewee",))  # playhouse.migrations: core/migrations imports it the same way, when needed
