"""Run every benchmark in this folder and print one table: job, time, floor, ratio, goal, ok.

    python benchmarks/run_all.py [--only NAME ...] [--skip NAME ...] [--db PATH] [--json FILE]

Each ``bench_*.py`` runs as its own process, one after the other (the machine has 2 cores: never
two at once), with no arguments but ``--db`` for those that take one. Each prints its own figures
(shown here as they come, indented) and one job line per job, as ``_bench.py`` describes:
a line of JSON starting with ``{"job":`` (``RESULT job=… time=… floor=… ratio=… goal=…`` lines
are read too). Every floor is measured by the script in the same run, beside its job.

The shared 50,000-asset demo database is made once (``_bench.bench_db``: $LD_BENCH_DB, or a
file in the temporary folder) and reused by every script and every later run.
Exit status 0 when every job met its goal, 1 otherwise (2 when a script failed or printed no job).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _bench import PY, bench_db, child_env  # noqa: E402 - after the path is set

RESULT = re.compile(r"^RESULT\s+(.*)$")
PAIR = re.compile(r"(\w+)=(\S+)")


def parse(line: str) -> dict | None:
    line = line.strip()
    if line.startswith('{"job"'):
        try:
            return json.loads(line)
        except ValueError:
            return None
    m = RESULT.match(line)
    if not m:
        return None
    values: dict = {}
    for key, raw in PAIR.findall(m.group(1)):
        try:
            values[key] = float(raw)
        except ValueError:
            values[key] = raw
    if "job" not in values or "time" not in values:
        return None
    values["job"] = str(values["job"])
    if values.get("ratio") is None and values.get("floor"):
        values["ratio"] = values["time"] / values["floor"]
    if "ok" not in values and values.get("goal") is not None:
        values["ok"] = (values["ratio"] if values.get("floor") else values["time"]) <= values["goal"]
    return values


def takes_db(script: Path) -> bool:
    """Whether the script has a ``--db`` option (then it is handed the shared database)."""
    return re.search(r"""add_argument\(\s*["']--db["']""", script.read_text(encoding="utf-8")) is not None


def run(script: Path, db: Path | None) -> tuple[list[dict], float, int]:
    cmd = [PY, str(script)]
    if db is not None and takes_db(script):
        cmd += ["--db", str(db)]
    print(f"\n=== {script.name}", flush=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=child_env(),
                            cwd=str(HERE.parent))
    jobs = []
    assert proc.stdout is not None
    for line in proc.stdout:
        found = parse(line)
        if found is not None:
            found["script"] = script.name
            jobs.append(found)
        else:
            print("   " + line.rstrip(), flush=True)
    code = proc.wait()
    for job in jobs:  # a RESULT line carries no verdict on a goal of its own (e.g. a maximum): the exit status does
        if "unit" not in job and code == 1 and job.get("ok"):
            job["ok"] = False
            job["note"] = "the script says a goal is not met (exit status 1)"
    return jobs, time.perf_counter() - start, code


def figure(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "ms" or (unit == "s" and value < 0.1):
        return f"{value * (1 if unit == 'ms' else 1000):.1f} ms"
    return f"{value:.2f} s"


def goal_text(job: dict) -> str:
    goal, unit = job.get("goal"), job.get("unit", "s")
    if goal is None:
        return "—"
    if job.get("floor"):
        return f"≤ {goal:g}×"
    return f"≤ {figure(goal, unit)}"


def table(jobs: list[dict]) -> str:
    rows = [("job", "time", "floor", "ratio", "goal", "ok")]
    for j in jobs:
        unit = j.get("unit", "s")
        ratio = j.get("ratio")
        ok = j.get("ok")
        rows.append((j["job"], figure(j.get("time"), unit), figure(j.get("floor"), unit),
                     "—" if ratio is None else f"{ratio:.2f}×", goal_text(j),
                     "yes" if ok else ("NO" if ok is not None else "—")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        cells = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        lines.append("| " + " | ".join(cells) + " |")
        if k == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {j['job']}: {j['note']}" for j in jobs if j.get("note")]
    return "\n".join(lines + ([""] + notes if notes else []))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="run only these scripts (bench_labels or labels, ...)")
    parser.add_argument("--skip", nargs="*", default=[], help="leave these scripts out")
    parser.add_argument("--db", help="the shared 50,000-asset demo database (default: made once)")
    parser.add_argument("--json", help="also write every job line to this file")
    args = parser.parse_args()

    def name(s: str) -> str:
        s = s.removesuffix(".py")
        return s if s.startswith("bench_") else f"bench_{s}"

    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        wanted = {name(s) for s in args.only}
        scripts = [s for s in scripts if s.stem in wanted]
    skipped = {name(s) for s in args.skip}
    scripts = [s for s in scripts if s.stem not in skipped]
    db = bench_db(path=args.db)
    all_jobs: list[dict] = []
    failed: list[str] = []
    started = time.perf_counter()
    for script in scripts:
        jobs, seconds, code = run(script, db)
        print(f"    ({script.name}: {seconds:.0f} s, exit {code}, {len(jobs)} job line(s))", flush=True)
        if code not in (0, 1) or not jobs:  # 1: a script may say so when a goal is missed
            failed.append(f"{script.name} (exit {code}, {len(jobs)} job lines)")
        all_jobs += jobs
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"\n{len(scripts)} benchmark scripts in {time.perf_counter() - started:.0f} s; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average (1/5/15 min) {load} "
          f"on {os.cpu_count()} CPUs: other programs' work lengthens the wall times\n")
    print(table(all_jobs))
    if failed:
        print("\nfailed or printed no job line: " + ", ".join(failed))
    if args.json:
        Path(args.json).write_text("\n".join(json.dumps(j, ensure_ascii=False) for j in all_jobs) + "\n",
                                   encoding="utf-8")
    if failed:
        return 2
    return 0 if all(j.get("ok") is not False for j in all_jobs) else 1


if __name__ == "__main__":
    sys.exit(main())
