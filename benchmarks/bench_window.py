"""Start to window shown at 50,000 assets, beside an empty QMainWindow (issue 17 row 2), and its memory.

    python benchmarks/bench_window.py [--db PATH] [--assets 50000] [--runs 5]

The database is the benchmarks' shared one (``_bench.bench_db``: made once with ``main.py demo --assets N``,
slow) or ``--db``; the window opens a copy. Each figure is the median of ``--runs`` fresh processes
(offscreen, window and floor in turn), from the process start. "Window shown": the window built as
``app.run_gui`` builds it (``import_before_qt``, then ``MainWindow(deferred=True)``) and painted once,
Today's page first; a second figure (information, in the job line's note) goes on until Today's lines,
read just after that first paint, are painted too. The floor is a bare PySide6 QMainWindow of the same
size shown the same way.
Memory: the peak resident size of the window process once Today's lines are shown, less that of the
floor process. Goals: ratio ≤ 3×, memory < +150 MB.

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
t0 = time.perf_counter()
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
shown = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
while w.today.read_at is None:  # Today's lines, read once the window is painted
    app.processEvents(wait)
app.processEvents()  # and painted
lines = time.perf_counter() - t0
while not w.start_finished():  # the badges and the shared keys
    app.processEvents(wait)
assert w.today.tree.topLevelItemCount() > 0, "Today shows no line"
print("shown", shown, lines, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, cpu, flush=True)
t1 = time.perf_counter()
for i in range(1, w.tabs.count()):
    w.tabs.setCurrentIndex(i)
    app.processEvents()
print("tabs", time.perf_counter() - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

FLOOR_CHILD = r"""
import time, resource
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1400, 860)
w.show()
app.processEvents()
shown = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_SELF)
print("shown", shown, shown, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, flush=True)
print("tabs", 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""


def _once(code: str, db_path: str | None, env: dict) -> tuple[float, int, float, int, float, float]:
    """One process: (wall seconds from start to the window's first paint, peak RSS kB once Today's lines are
    shown, all tabs s, peak RSS kB after, wall seconds from start to Today's lines painted, CPU seconds of
    the process at its first paint)."""
    args = [PY, "-c", code] + ([db_path] if db_path else [])
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    line = proc.stdout.readline()
    wall = time.perf_counter() - t
    more = proc.stdout.readline().split()
    proc.wait()
    parts = line.split()
    if not parts or parts[0] != "shown" or not more or more[0] != "tabs":
        raise SystemExit(f"window process failed: {line!r}")
    # the child's own clock starts after the interpreter did: its later moments counted on the parent's
    startup = wall - float(parts[1])
    return wall, int(parts[3]), float(more[1]), int(more[2]), startup + float(parts[2]), float(parts[4])


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
    shown, floor_shown = statistics.median(w[0] for w in window), statistics.median(f[0] for f in floor)
    lines = statistics.median(w[4] for w in window)
    cpu_ratio = statistics.median(w[5] for w in window) / statistics.median(f[5] for f in floor)
    extra_mb = (statistics.median(w[1] for w in window) - statistics.median(f[1] for f in floor)) / 1024
    tabs = statistics.median(w[2] for w in window)
    tabs_mb = (statistics.median(w[3] for w in window) - statistics.median(f[1] for f in floor)) / 1024
    print(f"window shown (painted, Today first, the other tabs built when opened): {shown:.2f} s, "
          f"empty QMainWindow {floor_shown:.2f} s, ratio {shown / floor_shown:.1f}× (goal ≤ {TIME_GOAL:g}×); "
          f"CPU time ratio {cpu_ratio:.2f}× (user + system, whole process)")
    print(f"Today's lines painted (read just after the first paint): {lines:.2f} s, "
          f"{lines / floor_shown:.1f}× the empty window (information, no goal)")
    print(f"memory over the empty window, Today's lines shown: +{extra_mb:.0f} MB (goal < +{MEMORY_GOAL_MB} MB)")
    print(f"then every other tab opened once: {tabs:.2f} s (memory then +{tabs_mb:.0f} MB; information, no goal)")
    a = job_line(f"window shown, {args.assets:,} assets", shown, floor_shown, TIME_GOAL,
                 note=f"painted first; Today's lines painted at {lines:.2f} s ({lines / floor_shown:.1f}×); "
                      f"CPU time ratio at the first paint {cpu_ratio:.2f}×")
    b = job_line("window memory over an empty window", extra_mb, None, MEMORY_GOAL_MB, unit="MB")
    return 0 if a["ok"] and b["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
