"""The demo is deterministic for a seed: two demos of 300 assets with the same seed, each into a new
database and each in its own process (with a different string hash seed, as two runs of the program have),
hold the same rows in every table (issue 17: the demo was made faster without changing what it makes).
Only what belongs to the installation or the moment differs: the change record's hashes (keyed with each
database's own key) and when the schema's migrations ran. The clock is fixed, as the demo's dates follow the
day it runs.

It failed before: the purchases demo added its specialist suppliers in a set's order (which follows the
hash seed: their ids, and every link to them, changed from run to run), and the repairs demo handed back
the real clock instead of the one in use (the later steps' entries were dated now)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {"audit_entry": ("prev_hash", "hash"), "schema_migration": ("applied",)}

SCRIPT = r"""
import datetime as _dt, json, sys
from logistics_desk.core import clock, db, demo, settings
import logistics_desk.modules as registry

path, out, skipped = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
clock.freeze(_dt.datetime(2026, 12, 1, 15, 0))  # before opening: the change record's first entries are dated then
db.open_database(path, backup=False)
settings.set_many({"school.name": "测试实验学校", "operator.name": "测试员"})
demo.populate(300, seed=7, steps=registry.demo_steps())
tables = {}
for table in db.database.get_tables():
    columns = [c.name for c in db.database.get_columns(table) if c.name not in skipped.get(table, ())]
    sql = 'SELECT {} FROM "{}" ORDER BY 1'.format(", ".join(f'"{c}"' for c in columns), table)
    tables[table] = [[str(v) for v in row] for row in db.database.execute_sql(sql).fetchall()]
db.close_database()
with open(out, "w", encoding="utf-8") as f:
    json.dump(tables, f, ensure_ascii=False)
"""


def _demo_tables(path: Path, hash_seed: str) -> dict[str, list]:
    out = path.with_suffix(".json")
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", SCRIPT, str(path), str(out), json.dumps(SKIPPED)], check=True, env=env,
                   cwd=str(path.parent), timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def test_two_demos_with_the_same_seed_make_the_same_rows(tmp_path, template_db):
    if not isinstance(template_db, Path):
        pytest.skip("SQLite files only")
    paths = []
    for name in ("a", "b"):
        path = tmp_path / name / "logistics.db"
        path.parent.mkdir()
        shutil.copy(template_db, path)
        paths.append(path)
    a = _demo_tables(paths[0], "1")
    b = _demo_tables(paths[1], "2")
    assert len(a.get("asset", [])) >= 300 and len(a.get("audit_entry", [])) > 300
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], table
