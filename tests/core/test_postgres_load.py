"""Proof under load (issue 20, point 6): four processes import, edit and scan against one database at
the same time, on whichever engine the suite runs (``LOGISTICS_DESK_TEST_DB``): no write is lost, no
record half-saved, ``check`` passes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from logistics_desk import cli
from logistics_desk.core import audit, db, integrity, paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "data" / "资产登记表-样例.xlsx"
CSV = ROOT.parent / "shared" / "data" / "资产清单-旧系统导出-GBK.csv"
if not SAMPLE.exists():  # the repository's own copy of the test data
    SAMPLE = ROOT / "tests" / "data" / SAMPLE.name
    CSV = ROOT / "tests" / "data" / CSV.name

IMPORTS = 3  # each importer imports the register this many times

IMPORTER = """
import sys
from logistics_desk import cli
for _ in range(int(sys.argv[3])):
    code = cli.main(["--lang", "en", "--db", sys.argv[1], "import", "assets", sys.argv[2], "--skip-invalid",
                     "--include-duplicates"])
    if code != 0:
        raise SystemExit(code)
"""

EDITOR = """
import json, sys, time
import logistics_desk.cli
from logistics_desk.core import db, settings
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset
db.open_database(sys.argv[1], backup=False)
settings.set_many({"operator.name": "editor"})
ids = [a.id for a in Asset.select(Asset.id).order_by(Asset.id)]
last = {}
end = time.monotonic() + float(sys.argv[2])
i = 0
while time.monotonic() < end or i < len(ids):
    asset_id = ids[i % len(ids)]
    note = f"edit {i}"
    service.update(service.get_asset(asset_id), {"note": note})
    last[asset_id] = note
    i += 1
db.close_database()
print(json.dumps(last))
"""

SCANNER = """
import json, sys, time
import logistics_desk.cli
from logistics_desk.core import db, settings
from logistics_desk.modules.stocktake import service
from logistics_desk.modules.stocktake.models import StockTakeLine
db.open_database(sys.argv[1], backup=False)
settings.set_many({"operator.name": "scanner"})
st = service.current()
codes = [line.asset_number for line in StockTakeLine.select().where(StockTakeLine.stocktake == st)]
outcomes = {}
end = time.monotonic() + float(sys.argv[2])
i = 0
while time.monotonic() < end or i < len(codes):
    result = service.scan(st.id, codes[i % len(codes)], None)
    outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    i += 1
db.close_database()
print(json.dumps({"scans": i, "codes": len(codes), "outcomes": outcomes}))
"""


def _env(data: Path) -> dict:
    env = dict(os.environ)
    env.pop("LOGISTICS_DESK_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    env[paths.DATA_DIR_ENV] = str(data)
    return env


def _spawn(script: str, *args, data: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, env=_env(data),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_four_processes_import_edit_and_scan_at_once(db_path, tmp_path, capsys):
    data = Path(os.environ.get(paths.DATA_DIR_ENV) or tmp_path / "data")
    os.environ.setdefault(paths.DATA_DIR_ENV, str(data))
    target = str(db_path)
    assert cli.main(["--lang", "en", "--db", target, "import", "assets", str(CSV), "--skip-invalid"]) == 0
    from logistics_desk.modules.assets.models import Asset
    from logistics_desk.modules.stocktake import service as stocktake

    db.open_database(db_path, backup=False)
    try:
        base = Asset.select().count()
        stocktake.open_stocktake(title="load")
    finally:
        db.close_database()
    capsys.readouterr()

    started = time.monotonic()
    seconds = 8
    procs = {"import-1": _spawn(IMPORTER, target, SAMPLE, IMPORTS, data=data),
             "import-2": _spawn(IMPORTER, target, SAMPLE, IMPORTS, data=data),
             "edit": _spawn(EDITOR, target, seconds, data=data),
             "scan": _spawn(SCANNER, target, seconds, data=data)}
    out = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"{name}: {stdout[-2000:]} {stderr[-3000:]}"
        out[name] = stdout
    elapsed = time.monotonic() - started

    edits = json.loads(out["edit"].strip().splitlines()[-1])
    scans = json.loads(out["scan"].strip().splitlines()[-1])
    imported_once = int(out["import-1"].split(" assets imported")[0].split()[-1])
    db.open_database(db_path, backup=False)
    try:
        assert Asset.select().count() == base + 2 * IMPORTS * imported_once  # no import lost
        for asset_id, note in edits.items():  # the last edit of every asset is the one stored
            assert Asset.get_by_id(int(asset_id)).note == note
        assert audit.verify_chain() == []
        report = integrity.check()
        assert report.ok, report.problems
        entries = audit.AuditEntry.select().count()
    finally:
        db.close_database()
    print(f"load on {'postgresql' if str(db_path).startswith('postgres') else 'sqlite'}: "
          f"{elapsed:.1f} s, {2 * IMPORTS} imports of {imported_once} rows, {len(edits)} assets edited, "
          f"{scans['scans']} scans, {entries} change-record entries")
