"""Start to window shown at 50,000 assets, beside an empty QMainWindow (issue 17 row 2), and its memory.

    python benchmarks/bench_window.py [--db PATH] [--assets 50000] [--runs 5]

The database is the benchmarks' shared one (``_bench.bench_db``: made once with ``main.py demo --assets N``,
slow) or ``--db``; the window opens a copy. Each figure is the median of ``--runs`` fresh processes
(offscreen, window and floor in turn), from the process start (``Popen``) to the moment the child's line
for it arrives here: the child prints one line at each moment (``MOMENTS``), and each is timed as it comes.

- "painted": the window built as ``app.run_gui`` builds it (``import_before_qt``, then
  ``MainWindow(deferred=True)``) and painted once, Today's page first (information);
- "lines": Today's lines, read just after that first paint, painted too. The goal is on this moment:
  the first tab shown with what it says, not an empty frame (ratio ≤ 3× the floor);
- "started": the other tabs' figures and the shared keys installed (information).
The floor is a bare PySide6 QMainWindow of the same size shown the same way (its first paint).
Memory: the peak resident size of the window process once Today's lines are shown, less that of the
floor process. Goal < +150 MB.

Python's compiled files are cached (outside the source tree) for both, as an installed program ships them.
A last line (information, no goal) times opening every other tab once, as a clerk would on the first day.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import BIG_ASSETS, PY, ROOT, bench_db, child_env, job_line, scratch_copy

TIME_GOAL, MEMORY_GOAL_MB = 3.0, 150

WINDOW_CHILD = r"""
import sys, time, resource
from logistics_desk.app import create_application, import_before_qt, install_translators
from logistics_desk.core import db, i18n
import_before_qt()  # as app.run_gui does
i18n.set_language("zh_CN")
app = create_application()
db.open_database(sys.argv[1], backup=False)
install_translators(app, "zh_CN")
from PySide6.QtCore import QEventLoop
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules
w = MainWindow(modules(), deferred=True)  # as app.run_gui builds it: painted first, Today's lines just after
w.resize(1400, 860)
w.show()
app.processEvents()  # the first paint
usage = resource.getrusage(resource.RUSAGE_SELF)
print("painted", usage.ru_utime + usage.ru_stime, flush=True)
wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
while w.today.read_at is None:  # Today's lines, read once the window is painted
    app.processEvents(wait)
app.processEvents()  # and painted
assert w.today.tree.topLevelItemCount() > 0, "Today shows no line"
print("lines", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
while not w.start_finished():  # the badges and the shared keys
    app.processEvents(wait)
print("started", flush=True)
t1 = time.perf_counter()
for i in range(1, w.tabs.count()):
    w.tabs.setCurrentIndex(i)
    app.processEvents()
print("tabs", time.perf_counter() - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

FLOOR_CHILD = r"""
import resource
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1400, 860)
w.show()
app.processEvents()
usage = resource.getrusage(resource.RUSAGE_SELF)
print("painted", usage.ru_utime + usage.ru_stime, flush=True)
print("lines", usage.ru_maxrss, flush=True)
print("started", flush=True)
print("tabs", 0, usage.ru_maxrss, flush=True)
"""

MOMENTS = ("painted", "lines", "started", "tabs")


def _once(code: str, db_path: str | None, env: dict) -> dict:
    """One process, timed by this one: for each moment the child reports (``MOMENTS``), the wall seconds
    from the process's start to the moment its line arrives here, and the figures on the line.
    {"painted": (s, cpu s), "lines": (s, peak RSS kB), "started": (s,), "tabs": (s, tabs s, peak RSS kB)}"""
    args = [PY, "-c", code] + ([db_path] if db_path else [])
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    seen: dict = {}
    for moment in MOMENTS:
        parts = proc.stdout.readline().split()
        wall = time.perf_counter() - t
        if not parts or parts[0] != moment:
            proc.kill()
            raise SystemExit(f"window process failed before {moment!r}: {parts!r}")
        seen[moment] = (wall, *(float(x) for x in parts[1:]))
    proc.wait()
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=None, help="the 50,000-asset database (default: the shared bench database, "
                                                   "made once; a copy is used)")
    parser.add_argument("--assets", type=int, default=BIG_ASSETS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    # compiled once, as an installed program is (its .pyc files ship with it): a cache outside the tree,
    # whatever PYTHONDONTWRITEBYTECODE says
    env = child_env(PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), "logistics-bench-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = str(scratch_copy(Path(args.db) if args.db else bench_db(args.assets), Path(tmp)))
        _once(WINDOW_CHILD, db_path, env)  # migrates the copy if need be, compiles, warms the file cache
        _once(FLOOR_CHILD, None, env)
        window, floor = [], []
        for _ in range(args.runs):  # in turn, so a busy moment of the machine falls on both
            floor.append(_once(FLOOR_CHILD, None, env))
            window.append(_once(WINDOW_CHILD, db_path, env))
    def median(runs, moment, i=0):
        return statistics.median(r[moment][i] for r in runs)

    floor_shown = median(floor, "painted")
    painted, lines, started = (median(window, m) for m in ("painted", "lines", "started"))
    cpu_ratio = median(window, "painted", 1) / median(floor, "painted", 1)
    extra_mb = (median(window, "lines", 1) - median(floor, "lines", 1)) / 1024
    tabs, tabs_mb = median(window, "tabs", 1), (median(window, "tabs", 2) - median(floor, "lines", 1)) / 1024
    print(f"empty QMainWindow painted: {floor_shown:.3f} s (the floor)")
    print(f"window painted (Today's page first, the other tabs built when opened): {painted:.3f} s, "
          f"{painted / floor_shown:.2f}×; CPU time ratio {cpu_ratio:.2f}× (user + system, whole process)")
    print(f"Today's lines painted (read just after the first paint): {lines:.3f} s, "
          f"{lines / floor_shown:.2f}× (goal ≤ {TIME_GOAL:g}×)")
    print(f"start finished (the other tabs' figures, the shared keys): {started:.3f} s, "
          f"{started / floor_shown:.2f}× (information, no goal)")
    print(f"memory over the empty window, Today's lines shown: +{extra_mb:.0f} MB (goal < +{MEMORY_GOAL_MB} MB)")
    print(f"then every other tab opened once: {tabs:.2f} s (memory then +{tabs_mb:.0f} MB; information, no goal)")
    a = job_line(f"window shown with Today's lines, {args.assets:,} assets", lines, floor_shown, TIME_GOAL,
                 note=f"first paint at {painted:.2f} s ({painted / floor_shown:.1f}×), Today's lines just after; "
                      f"start finished at {started:.2f} s ({started / floor_shown:.1f}×)")
    b = job_line("window memory over an empty window", extra_mb, None, MEMORY_GOAL_MB, unit="MB")
    return 0 if a["ok"] and b["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
