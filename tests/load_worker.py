"""Four clerks on one database at once (issue 20, item 6): the worker processes of
tests/core/test_concurrent_load.py and benchmarks/bench_concurrent.py, and what they share.

    python tests/load_worker.py ROLE DB SETUP.json SECONDS

``ROLE`` is one of ``ROLES``, each a person at another PC doing one kind of work through the services,
as the window would:

- ``import``: imports small spreadsheets (CSV, ``IMPORT_BATCH`` assets each) with the assets import;
- ``edit``: opens an asset (``changes.Opened``) and saves its note (``assets.service.update``);
- ``scan``: scans at the open stock-take (``stocktake.service.scan``): numbers on the list, and unknown ones;
- ``repair``: opens repair tickets and records fridge readings (repairs and canteen services).

``pair`` (``... pair DB SETUP.json 0 NAME ASSET_ID``) is one of two editors of one record, logged in as
NAME: ``open`` on its input opens the asset (answer ``opened``), ``save N`` saves it (answer ``result {json}``:
``{"ok": true}`` or the refusal, with who changed the record).

The protocol: a worker opens the database, prints ``ready``, waits for ``go`` on its standard input (so the
four start together), works for SECONDS, then prints one line ``result {json}``: what it wrote (``writes``,
and the tags to find each write by), how long it waited for other writers, and every failure. Each worker is
logged in under its own name (``NAMES``): its change record entries carry it, which is how the writes are
counted afterwards (``verify``).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import logistics_desk.cli  # noqa: E402,F401  (the modules' tables, as the program loads them)
from logistics_desk.core import accounts, audit, changes, db, engine, i18n, integrity, masterdata, settings  # noqa: E402

ROLES = ("import", "edit", "scan", "repair")
NAMES = {"import": "导入员", "edit": "编辑员", "scan": "盘点员", "repair": "维修食堂员", "pair": "编辑员"}
IMPORT_BATCH = 5  # assets per imported file
EDIT_ASSETS = 20  # the assets the editor works on
SCAN_ASSETS = 300  # the assets on the stock-take's list
HEADER = ["资产编号", "资产名称", "资产分类", "规格型号", "计量单位", "数量", "单价", "购置日期", "存放地点",
          "使用部门", "保管人"]
PLACE = "并发测试楼 301"  # where imported assets and repair tickets are
STORE = "并发测试楼 仓库"  # the edited and stock-taken assets
LOCK_WAIT = 0.010  # a write that waited this long (seconds) for another one's lock counts as a wait


# --- before the workers start: a small school (in the process that has the database open) -------------

def seed() -> dict:
    """Master data, the assets the editor and the scanner use, an open stock-take and a fridge; returns the
    ids the workers need (written to SETUP.json). Works on a new database and on a copy of a school's (its
    open stock-take is closed first)."""
    import datetime as dt

    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.canteen import service as canteen
    from logistics_desk.modules.stocktake import service as stocktake

    settings.set_many({"school.name": settings.get("school.name") or "并发测试学校", "operator.name": "总务员"})
    room = masterdata.find_or_create_place(PLACE)[0]
    store = masterdata.find_or_create_place(STORE)[0]
    office = masterdata.find_or_create_department("总务处")[0]
    masterdata.find_or_create_person("张伟", office)
    category = masterdata.find_category("JSJ")
    rows = [{"name": f"并发测试计算机{i:03d}", "category": category.id, "quantity": 1, "unit_price": "4200",
             "acquired_on": dt.date(2025, 9, 1), "place": store.id, "department": office.id, "unit": "台"}
            for i in range(EDIT_ASSETS + SCAN_ASSETS)]
    ids = assets.register_many(rows, event_kind="register")
    edit_ids, scan_ids = ids[:EDIT_ASSETS], ids[EDIT_ASSETS:]
    numbers = [a.number for a in assets.assets_by_number(scan_ids)]
    already = stocktake.current()
    if already is not None:
        for u in stocktake.unknowns(already.id, "open"):
            stocktake.dismiss_unknown(u["id"], "并发测试前关闭")
        stocktake.close(already.id)
    st = stocktake.open_stocktake(title="并发盘点", scope={"places": [store.id]})
    fridge = canteen.save_fridge({"name": "并发测试冰箱", "location": "食堂 留样间", "min_temp": "0", "max_temp": "8"})
    return {"edit_ids": edit_ids, "scan_numbers": numbers, "stocktake": st.id, "store": store.id,
            "room": room.id, "fridge": fridge.id}


def pc_env(env: dict, folder: Path, target) -> dict:
    """``env`` for a worker on a PC of its own: a data folder of its own, into which the school's change
    record key is copied (as whoever sets up a PC for a shared server database must do). Call with the
    database open (the key is its key); a file's key and head lie beside the file, whatever the folder."""
    from logistics_desk.core import paths

    key = audit.key_path()
    if isinstance(target, engine.ServerAddress):
        mine = target.logical_path(folder)
        mine.parent.mkdir(parents=True, exist_ok=True)
        if key.exists():
            (mine.parent / key.name).write_bytes(key.read_bytes())
    return {**env, paths.DATA_DIR_ENV: str(folder)}


# --- in the worker process ----------------------------------------------------------------------------

class Waits:
    """How long this process's write transactions waited for other writers: SQLite's BEGIN IMMEDIATE (its
    "database is locked" retries, told through db's waiting callback), PostgreSQL's write lock
    (db.ServerDatabase) and the change record's lock."""

    def __init__(self):
        self.count = 0  # transactions that waited LOCK_WAIT or more (a write may be more than one)
        self.seconds = 0.0  # all waiting, summed
        self.longest = 0.0
        self.retries = 0  # steps of ~0.2 s spent waiting (told to the waiting callback)

    def timed(self, fn):
        def wrapper(*args, **kwargs):
            started = time.monotonic()
            try:
                return fn(*args, **kwargs)
            finally:
                waited = time.monotonic() - started
                self.seconds += waited
                self.longest = max(self.longest, waited)
                if waited >= LOCK_WAIT:
                    self.count += 1
        return wrapper

    def install(self) -> None:
        db.Database.begin = self.timed(db.Database.begin)  # BEGIN IMMEDIATE
        if hasattr(db.ServerDatabase, "_take_write_lock"):  # PostgreSQL: one writer at a time, too
            db.ServerDatabase._take_write_lock = self.timed(db.ServerDatabase._take_write_lock)
        engine.PostgresEngine.lock_for_audit = self.timed(engine.PostgresEngine.lock_for_audit)
        db.set_waiting_callback(self._told)

    def _told(self, seconds):
        if seconds is not None:
            self.retries += 1

    def as_dict(self) -> dict:
        return {"waits": self.count, "wait_s": round(self.seconds, 3), "longest_wait_s": round(self.longest, 3),
                "busy_retries": self.retries}


def log_in(role: str, name: str | None = None) -> None:
    """This process's person: the change record names them (accounts are off; a session is enough)."""
    accounts.set_session(accounts.Session(account_id=0, name=name or NAMES[role], role=accounts.CLERK,
                                          person_id=None))


def _import_one(folder: Path, batch: int) -> list[str]:
    from logistics_desk.modules.assets import excel

    names = [f"IMP-{batch:05d}-{i}" for i in range(IMPORT_BATCH)]
    path = folder / f"batch-{batch:05d}.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i, name in enumerate(names):
            out.writerow(["", name, "办公设备", f"LOAD-{batch}-{i}", "台", 1, "3500", "2025-09-01", PLACE,
                          "总务处", "张伟"])
    plan = excel.plan_import(path)
    if not plan.ok:
        raise RuntimeError(f"the import plan has errors: {[str(e) for e in plan.errors][:3]}")
    outcome = excel.apply(plan)
    if len(outcome.asset_ids) != IMPORT_BATCH:
        raise RuntimeError(f"{len(outcome.asset_ids)} of {IMPORT_BATCH} rows imported")
    return names


def _edit_one(setup: dict, i: int) -> str:
    from logistics_desk.modules.assets import service

    asset_id = setup["edit_ids"][i % len(setup["edit_ids"])]
    opened = changes.Opened("asset", asset_id)  # the form opens the record ...
    note = f"ED-{i:06d}"
    with opened.editing():  # ... and saves it: refused if someone else changed it meanwhile
        service.update(service.get_asset(asset_id), {"note": note})
    return note


def _scan_one(setup: dict, i: int) -> tuple[str, str]:
    from logistics_desk.modules.stocktake import service

    numbers = setup["scan_numbers"]
    code = numbers[(i // 2) % len(numbers)] if i % 2 == 0 else f"UNK-{i:06d}"
    result = service.scan(setup["stocktake"], code, setup["store"])
    return code, result.outcome


def _repair_one(setup: dict, i: int) -> tuple[str, str]:
    if i % 2 == 0:
        from logistics_desk.modules.repairs import service

        tag = f"RP-{i:06d}"
        service.create_ticket(description=tag, place=setup["room"], category="水电", reporter_name="王老师",
                              urgency="minor")
        return "ticket", tag
    from logistics_desk.modules.canteen import service

    tag = f"RD-{i:06d}"
    service.record_reading(setup["fridge"], "4.0", note=tag)
    return "reading", tag


def work(role: str, setup: dict, seconds: float) -> dict:
    """Do ``role``'s work until ``seconds`` have passed; what was written, waited and failed."""
    waits = Waits()
    waits.install()
    written: dict[str, list] = {}
    failures: list[str] = []
    failed = 0
    ops = 0
    folder = Path(tempfile.mkdtemp(prefix=f"load-{role}-"))
    started = time.monotonic()
    deadline = started + seconds
    while time.monotonic() < deadline:
        i = ops
        ops += 1
        try:
            if role == "import":
                written.setdefault("batches", []).append(_import_one(folder, i))
            elif role == "edit":
                written.setdefault("notes", []).append(_edit_one(setup, i))
            elif role == "scan":
                code, outcome = _scan_one(setup, i)
                written.setdefault("scans", []).append([code, outcome])
            elif role == "repair":
                kind, tag = _repair_one(setup, i)
                written.setdefault(kind + "s", []).append(tag)
        except Exception as exc:  # a failure is counted and the worker goes on, as a clerk would
            failed += 1
            if len(failures) < 10:
                failures.append("".join(traceback.format_exception_only(type(exc), exc)).strip()[-500:])
    elapsed = time.monotonic() - started
    writes = ops - failed
    return {"role": role, "name": NAMES[role], "pid": os.getpid(), "seconds": round(elapsed, 3), "ops": ops,
            "writes": writes, "per_s": round(writes / elapsed, 2) if elapsed else 0.0, "failed": failed,
            "failures": failures, "written": written, **waits.as_dict()}


def pair(setup: dict, name: str, asset_id: int) -> None:
    """One of two editors of one record, driven line by line on standard input: ``open`` (the form reads
    the record; answers ``opened``), ``save N`` (saves note "<name>改的N"; answers ``result {json}``: ok, or
    the refusal with who changed the record), end of input: done."""
    from logistics_desk.modules.assets import service

    opened = None
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "open":
            opened = changes.Opened("asset", asset_id)
            print("opened", flush=True)
        elif command == "save" and opened is not None:
            try:
                with opened.editing():
                    service.update(service.get_asset(asset_id), {"note": f"{name}改的{arg}"})
                answer = {"ok": True}
            except changes.EditConflict as exc:
                answer = {"ok": False, "conflict": True, "operator": exc.operator, "message": exc.message}
            except Exception as exc:
                answer = {"ok": False, "conflict": False, "message": f"{type(exc).__name__}: {exc}"}
            print("result " + json.dumps(answer, ensure_ascii=False), flush=True)


def main(argv: list[str]) -> int:
    role, target, setup_file, seconds = argv[0], argv[1], argv[2], float(argv[3])
    setup = json.loads(Path(setup_file).read_text(encoding="utf-8"))
    i18n.set_language("en")  # failures are reported in English
    db.open_database(target, backup=False, create=False)
    try:
        if role == "pair":
            name, asset_id = argv[4], int(argv[5])
            log_in(role, name)
            print("ready", flush=True)
            pair(setup, name, asset_id)
            return 0
        log_in(role)
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1
        result = work(role, setup, seconds)
        print("result " + json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    finally:
        db.close_database()


# --- afterwards: was every write kept, whole? (in a process that has the database open) --------------

def _entries(table: str, operator: str, action: str | None = None):
    query = audit.AuditEntry.select().where((audit.AuditEntry.table_name == table)
                                            & (audit.AuditEntry.operator == operator))
    return query.where(audit.AuditEntry.action == action) if action else query


def _missing(what: str, said: set, found: set) -> list[str]:
    lost = sorted(said - found)
    return [f"{what}: {len(lost)} written but not in the database, e.g. {lost[:5]}"] if lost else []


def verify(setup: dict, results: list[dict]) -> list[str]:
    """Every write each worker says it made is in the database, each whole (its rows, its history lines
    and its change record entries together), and nothing is there that no worker wrote."""
    from logistics_desk.modules.assets.models import Asset, AssetEvent
    from logistics_desk.modules.canteen.models import CanteenReading
    from logistics_desk.modules.repairs.models import RepairTicket
    from logistics_desk.modules.stocktake.models import StockTakeLine, StockTakeScan, StockTakeUnknown

    problems: list[str] = []
    by_role = {r["role"]: r for r in results}
    if "import" in by_role:
        said = {n for batch in by_role["import"]["written"].get("batches", []) for n in batch}
        rows = {a.name: a.id for a in Asset.select(Asset.name, Asset.id).where(Asset.name.startswith("IMP-"))}
        problems += _missing("imported assets", said, set(rows))
        problems += [f"imported assets no worker wrote: {sorted(set(rows) - said)[:5]}"] if set(rows) - said else []
        batches: dict[str, int] = {}
        for name in rows:
            batches[name[:9]] = batches.get(name[:9], 0) + 1
        problems += [f"import batch {b} is half-saved: {n} of {IMPORT_BATCH} assets" for b, n in batches.items()
                     if n != IMPORT_BATCH]
        created = {e.record_id for e in _entries("asset", NAMES["import"], "create")}
        problems += _missing("imported assets' change record entries", set(rows.values()), created)
        events = {e.asset_id for e in AssetEvent.select().where((AssetEvent.kind == "import")
                                                                & AssetEvent.asset.in_(list(rows.values()) or [0]))}
        problems += _missing("imported assets' history lines", set(rows.values()), events)
    if "edit" in by_role:
        said = set(by_role["edit"]["written"].get("notes", []))
        entries = [e.new_value for e in _entries("asset", NAMES["edit"], "update")
                   .where(audit.AuditEntry.field == "note")]
        problems += _missing("asset edits' change record entries", said, set(entries))
        problems += [f"{len(entries)} asset edits recorded, {len(said)} made"] if len(entries) != len(said) else []
        events = AssetEvent.select().where((AssetEvent.kind == "edit") & AssetEvent.summary.contains("ED-")
                                           & AssetEvent.asset.in_(setup["edit_ids"])).count()
        problems += [f"{events} asset edits in the history, {len(said)} made"] if events != len(said) else []
        last = {}
        for note in sorted(said):
            last[setup["edit_ids"][int(note[3:]) % len(setup["edit_ids"])]] = note
        notes = dict(Asset.select(Asset.id, Asset.note).where(Asset.id.in_(list(last) or [0])).tuples())
        problems += [f"asset {aid} has the note {notes.get(aid)!r}, its last edit wrote {note!r}"
                     for aid, note in last.items() if notes.get(aid) != note]
    if "scan" in by_role:
        scans = by_role["scan"]["written"].get("scans", [])
        stored = StockTakeScan.select().where(StockTakeScan.stocktake == setup["stocktake"]).count()
        problems += [f"{stored} scans stored, {len(scans)} made"] if stored != len(scans) else []
        unknown = {code for code, _outcome in scans if code.startswith("UNK-")}
        found = {u.code: u.id for u in StockTakeUnknown.select()
                 .where(StockTakeUnknown.stocktake == setup["stocktake"])}
        problems += _missing("unknown numbers scanned", unknown, set(found))
        created = {e.record_id for e in _entries("stocktake_unknown", NAMES["scan"], "create")}
        problems += _missing("unknown numbers' change record entries", set(found.values()), created)
        counted = {code for code, outcome in scans if outcome in ("found", "misplaced") and not code.startswith("UNK-")}
        lines = {ln.asset_number: ln.id for ln in StockTakeLine.select().where(
            (StockTakeLine.stocktake == setup["stocktake"]) & StockTakeLine.counted_qty.is_null(False))}
        problems += _missing("counted assets", counted, set(lines))
        problems += [f"lines counted that no scan counted: {sorted(set(lines) - counted)[:5]}"] \
            if set(lines) - counted else []
        entries = {e.record_id for e in _entries("stocktake_line", NAMES["scan"], "count")}
        problems += _missing("counted lines' change record entries", set(lines.values()), entries)
    if "repair" in by_role:
        written = by_role["repair"]["written"]
        tickets = {t.description: t.id for t in RepairTicket.select().where(RepairTicket.description.startswith("RP-"))}
        problems += _missing("repair tickets", set(written.get("tickets", [])), set(tickets))
        problems += _missing("repair tickets' change record entries", set(tickets.values()),
                             {e.record_id for e in _entries("repair_ticket", NAMES["repair"], "create")})
        readings = {r.note: r.id for r in CanteenReading.select().where(CanteenReading.note.startswith("RD-"))}
        problems += _missing("fridge readings", set(written.get("readings", [])), set(readings))
        problems += _missing("fridge readings' change record entries", set(readings.values()),
                             {e.record_id for e in _entries("canteen_reading", NAMES["repair"], "create")})
    return problems


def check_all() -> dict:
    """``check`` (core/integrity: the change record and every table reconciled with it) and the chain alone."""
    report = integrity.check()
    return {"check_ok": report.ok, "check_problems": report.problems[:10], "chain": audit.verify_chain()[:10]}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
