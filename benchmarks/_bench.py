"""What every benchmark shares: the line it prints for ``benchmarks/run_all.py``, whole-process
timing of a command beside its floor, and the 50,000-asset demo database.

The convention (one line per job, on standard output, after the script's own human output)::

    {"job": "1,039 QR labels, 3×8, whole process", "time": 1.31, "floor": 0.82, "ratio": 1.6,
     "goal": 2, "unit": "s", "ok": true, "note": "..."}

- ``job``: what was measured, in words;
- ``time``: the program's figure (seconds unless ``unit`` says "ms" or "MB");
- ``floor``: the bare library doing the same work on the same data, measured in the same run
  (``null`` when the goal is an absolute bound, as "demo data under 20 s");
- ``ratio``: time / floor (``null`` without a floor);
- ``goal``: with a floor, the largest ratio allowed; without, the largest ``time`` allowed;
- ``ok``: whether the goal is met (a script may add conditions of its own, e.g. a maximum);
- ``note``: optional, a few words shown under the table.

A line that starts with ``{"job":`` is a job line; ``run_all.py`` reads every one a script prints
(``RESULT job=… time=… floor=… ratio=… goal=…`` lines are read too). ``job_line`` prints one.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIG_ASSETS = 50000


def job_line(job: str, time: float, floor: float | None = None, goal: float | None = None, *,
             unit: str = "s", ok: bool | None = None, note: str = "", ratio: float | None = None) -> dict:
    """Print (and return) the job line of the convention above. ``ratio``: the script's own (e.g. the median
    of paired runs' ratios), else ``time / floor``."""
    if ratio is None:
        ratio = (time / floor) if floor else None
    if ok is None and goal is not None:
        ok = (ratio if floor else time) <= goal
    line = {"job": job, "time": round(time, 4), "floor": None if floor is None else round(floor, 4),
            "ratio": None if ratio is None else round(ratio, 3), "goal": goal, "unit": unit, "ok": ok}
    if note:
        line["note"] = note
    print(json.dumps(line, ensure_ascii=False), flush=True)
    return line


def run_process(cmd: Sequence[str], env: dict | None = None, cwd: Path | None = None,
                check: bool = True) -> tuple[float, float]:
    """Run ``cmd`` as a whole process: (wall seconds, peak resident memory of that process in MB).
    Its output is thrown away; a failure raises with what it wrote to stderr."""
    wall, peak, _cpu = run_measured(cmd, env, cwd, check)
    return wall, peak


def run_measured(cmd: Sequence[str], env: dict | None = None, cwd: Path | None = None,
                 check: bool = True) -> tuple[float, float, float]:
    """``run_process`` plus the process's CPU seconds (user + system, its children included when it
    waited for them): (wall, peak MB, cpu). On a shared machine the CPU figure moves less than the wall."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=str(cwd or ROOT))
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def paired(cmd: Sequence[str], floor_cmd: Sequence[str], runs: int = 5, warmup: int = 1,
           env: dict | None = None, before=None) -> tuple[float, float, list[float], list[float], float]:
    """Time ``cmd`` and ``floor_cmd`` in turn (A B A B …, after ``warmup`` unrecorded pairs) as
    whole processes: (median wall of A, of B, A's runs, B's runs, median of the pairs' CPU ratios A/B).
    ``before()`` runs before each."""
    a: list[float] = []
    b: list[float] = []
    cpu_ratios: list[float] = []
    for i in range(warmup + runs):
        cpus = []
        for c, out in ((cmd, a), (floor_cmd, b)):
            if before is not None:
                before()
            wall, _, cpu = run_measured(c, env=env)
            cpus.append(cpu)
            if i >= warmup:
                out.append(wall)
        if i >= warmup and cpus[1] > 0:
            cpu_ratios.append(cpus[0] / cpus[1])
    return statistics.median(a), statistics.median(b), a, b, statistics.median(cpu_ratios or [0.0])


def bench_db(n: int = BIG_ASSETS, path: str | None = None) -> Path:
    """The demo database with ``n`` assets that the benchmarks share (made once, then reused):
    ``path``, else $LD_BENCH_DB, else <tmp>/logistics-desk-bench/demo-<n>.db. Never write to it:
    copy it first (``scratch_copy``)."""
    target = Path(path or os.environ.get("LD_BENCH_DB") or
                  Path(tempfile.gettempdir()) / "logistics-desk-bench" / f"demo-{n}.db")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        print(f"making {target} (demo data, {n:,} assets) ...", flush=True)
        subprocess.run([PY, str(ROOT / "main.py"), "--db", str(part), "--lang", "zh_CN", "demo", "--assets", str(n)],
                       check=True, stdout=subprocess.DEVNULL, cwd=str(ROOT))
        os.replace(part, target)
    return target


def scratch_copy(db: Path, folder: Path) -> Path:
    """A copy of ``db`` in ``folder`` to change freely."""
    out = Path(folder) / db.name
    shutil.copyfile(db, out)
    return out


def child_env(**extra: str) -> dict:
    """The environment for the program's processes: offscreen Qt, the repository on the path."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env
