"""What every module shares. Nothing here imports Qt except core/ui."""

import sys as _sys


def _import_peewee_without_psycopg() -> None:
    """peewee imports psycopg (PostgreSQL's driver) at its own import when it is installed: ~150 ms of every
    start, though only a server database needs it. So peewee is first imported with psycopg hidden (it then
    takes it for absent); ``core.db.load_psycopg`` brings it in when a server database is opened."""
    if "peewee" in _sys.modules or "psycopg" in _sys.modules:
        return
    _sys.modules["psycopg"] = None  # `import psycopg` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        del _sys.modules["psycopg"]


_import_peewee_without_psycopg()
