"""Four clerks on one database for N seconds (issue 20, item 6): writes per second, waits, failures.

    python benchmarks/bench_concurrent.py [--seconds 20] [--db PATH | --db postgresql://user@host:port/dbname]

The four workers of tests/load_worker.py run at once, each its own process: one imports small
spreadsheets (5 assets each), one edits assets (open, save, with the check for someone else's change),
one scans at the open stock-take, one opens repair tickets and records fridge readings.

- without ``--db``: a new SQLite database in a temporary folder;
- ``--db PATH`` (``run_all.py`` hands over the shared 50,000-asset demo): a copy of that file, with its key
  and head file, so a school's whole register is there; it is never changed;
- ``--db postgresql://…``: a new database on that server (the user must be allowed to create one; the URL's
  database is only used to create and drop it), dropped at the end.

Afterwards every write each worker says it made is looked for (none lost, none half-saved), then ``check``
and the change record's chain. Prints each worker's figures and one job line: the writes per second of the
four together, ``ok`` when there was no failure, no lost or half-saved write and ``check`` passed. Waits: how
many write transactions waited 10 ms or more for another writer (SQLite: BEGIN IMMEDIATE; PostgreSQL: the write
lock of db.ServerDatabase), how long in all and at most, and the waiting callback's 0.2 s steps ("retries": on
SQLite, tries that found the database locked). ``--pcs``: each worker with a data folder of its own, as on
separate PCs sharing a server database (the change record's key copied in; each keeps its own head file).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _bench: the job line for run_all.py
sys.path.insert(0, str(ROOT / "tests"))  # load_worker: the workers and their checks
from _bench import child_env, job_line  # noqa: E402

WORKER = ROOT / "tests" / "load_worker.py"


def _server_database(url: str, name: str):
    """A new database ``name`` on the server of ``url``: (its address, a function that drops it)."""
    import psycopg

    from logistics_desk.core import engine

    admin = engine.parse_server_url(url)

    def run(sql: str) -> None:
        with psycopg.connect(admin.url, autocommit=True) as con:
            con.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return admin.with_dbname(name), lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sqlite_copy(source: Path, folder: Path) -> Path:
    """``source`` with its key and head file, into ``folder``."""
    from logistics_desk.core import audit

    target = folder / source.name
    shutil.copyfile(source, target)
    for extra in (audit.key_path(source), audit.head_path(source)):
        if extra.exists():
            shutil.copyfile(extra, folder / extra.name)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the four work (default 20)")
    parser.add_argument("--db", help="a database file to copy, or postgresql://… to work on a new server database")
    parser.add_argument("--pcs", action="store_true",
                        help="each worker with a data folder of its own, as on separate PCs (the key copied in)")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="bench-concurrent-"))
    from logistics_desk.core import db, engine, i18n, paths

    i18n.set_language("en")  # the problems found, if any, in English

    os.environ[paths.DATA_DIR_ENV] = str(folder / "data")  # the key and head of a server database (and children)
    import load_worker

    drop = None
    if args.db and engine.is_server_url(args.db):
        target, drop = _server_database(args.db, f"ld_bench_concurrent_{os.getpid()}")
        kind = "PostgreSQL"
    elif args.db:
        target = _sqlite_copy(Path(args.db), folder)
        kind = "SQLite (a copy of " + Path(args.db).name + ")"
    else:
        target = folder / "logistics.db"
        kind = "SQLite (new)"
    try:
        started = time.perf_counter()
        db.open_database(target, backup=False)
        setup = load_worker.seed()
        env = child_env()
        env.pop("LOGISTICS_DESK_DB", None)
        envs = {role: env for role in load_worker.ROLES}
        if args.pcs:
            envs = {role: load_worker.pc_env(env, folder / f"pc-{role}", target) for role in load_worker.ROLES}
        db.close_database()
        setup_file = folder / "setup.json"
        setup_file.write_text(json.dumps(setup), encoding="utf-8")
        print(f"{kind}: {engine.hide_password(str(target))}; seeded in {time.perf_counter() - started:.1f} s; "
              f"four workers for {args.seconds:g} s", flush=True)

        procs = {role: subprocess.Popen([sys.executable, str(WORKER), role, str(target), str(setup_file),
                                         str(args.seconds)], cwd=ROOT, env=envs[role], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=open(folder / f"{role}.log", "w"),  # noqa: SIM115
                                        text=True, encoding="utf-8")
                 for role in load_worker.ROLES}
        for role, p in procs.items():
            line = p.stdout.readline().strip()
            if line != "ready":
                raise SystemExit(f"{role}: {line!r}\n{(folder / f'{role}.log').read_text()[-3000:]}")
        for p in procs.values():
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for role, p in procs.items():
            out, _ = p.communicate(timeout=args.seconds + 600)
            line = next((x for x in out.splitlines() if x.startswith("result ")), None)
            if line is None:
                raise SystemExit(f"{role} wrote no result\n{(folder / f'{role}.log').read_text()[-3000:]}")
            results.append(json.loads(line[len("result "):]))

        db.open_database(target, backup=False, create=False)
        started = time.perf_counter()
        lost = load_worker.verify(setup, results)
        checked = load_worker.check_all()
        check_s = time.perf_counter() - started
        db.close_database()
    finally:
        if drop is not None:
            db.close_database()
            drop()
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{'worker':8} {'writes':>7} {'per s':>7} {'waits':>6} {'waited s':>9} {'longest s':>9} "
          f"{'busy retries':>12} {'failed':>6}")
    for r in results:
        print(f"{r['role']:8} {r['writes']:7d} {r['per_s']:7.1f} {r['waits']:6d} {r['wait_s']:9.2f} "
              f"{r['longest_wait_s']:9.2f} {r['busy_retries']:12d} {r['failed']:6d}")
        for f in r["failures"][:3]:
            print(f"    {f}")
    print(f"lost or half-saved: {len(lost)}" + "".join(f"\n    {p}" for p in lost[:10]))
    print(f"check: {'passed' if checked['check_ok'] else 'FAILED'}; change record chain: "
          f"{'intact' if not checked['chain'] else checked['chain']} ({check_s:.1f} s)")
    for p in checked["check_problems"][:5]:
        print(f"    {p}")
    failed = sum(r["failed"] for r in results)
    total = sum(r["per_s"] for r in results)
    ok = failed == 0 and not lost and checked["check_ok"] and not checked["chain"]
    note = "; ".join(f"{r['role']} {r['per_s']:.1f}/s, {r['waits']} waits ({r['wait_s']:.1f} s, "
                     f"{r['busy_retries']} retries)" for r in results)
    note += f"; failures {failed}; lost/half-saved {len(lost)}; check {'ok' if checked['check_ok'] else 'FAILED'}"
    if hasattr(os, "getloadavg"):  # the machine's other work shows in these figures
        note += f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    job_line(f"4 clerks at once on {kind.split(' ')[0]}, {args.seconds:g} s: writes per second, all four",
             total, unit="writes/s", ok=ok, note=note)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
