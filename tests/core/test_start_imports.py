"""Issue 17, the window's start: PostgreSQL's driver is not imported with peewee (~150 ms of every start)
unless a server database is opened; then peewee gets it as its own import would have given it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHILD = r"""
import json, sys
from logistics_desk.core import db, engine
import peewee
before = {"psycopg": "psycopg" in sys.modules, "peewee_has_it": peewee.psycopg is not None}
try:
    server = db.ServerDatabase(engine.parse_server_url("postgresql://nobody@127.0.0.1:1/none"))
except ImportError:
    after = None
else:
    after = {"adapter": type(server._adapter).__name__, "idle": int(server._adapter.txn_idle),
             "driver": peewee.psycopg.__name__}
print(json.dumps({"before": before, "after": after}))
"""


def test_peewee_is_imported_without_psycopg_and_a_server_database_loads_it():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["before"] == {"psycopg": False, "peewee_has_it": False}
    if found["after"] is None:
        pytest.skip("psycopg is not installed")
    assert found["after"] == {"adapter": "Psycopg3Adapter", "idle": 0, "driver": "psycopg"}
