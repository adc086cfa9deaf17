"""Start to window shown at 50,000 assets, beside an empty QMainWindow (issue 17 row 2), and its memory.

    python benchmarks/bench_window.py [--db PATH] [--assets 50000] [--runs 9]

The database is the benchmarks' shared one (``_bench.bench_db``: made once with ``main.py demo --assets N``,
slow) or ``--db``; the window opens a copy. Each figure is the median of ``--runs`` fresh processes
(offscreen, floor and window in turn), from the process start (``Popen``) to the moment the child's line
for it arrives here: the child prints one line at each moment (``MOMENTS``), and each is timed as it comes.
Each ratio is the median of the runs' own ratios (each window beside the floor run just before it): this
machine's speed drifts by a third from one minute to the next, and a pair shares its moment.

The window is the program's own start, as ``main.py --db FILE`` makes it (``cli.main`` → ``app.run_gui``:
the log set up, the options read, the database opened and checked, the login question skipped when there
are no accounts, ``MainWindow(deferred=True)``), on a copy of the database with its change record's key and
head beside it, the log and settings in a temporary data folder; the child only watches (``WINDOW_CHILD``).

- "painted": the window painted once, Today's page first (information);
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
import shutil
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
import sys, resource
import logistics_desk.app as app_module

_create = app_module.create_application
seen = set()


def say(moment, *figures):
    print(moment, *figures, flush=True)
    seen.add(moment)


def create_application():
    # the program's own start (cli.main -> app.run_gui), watched from inside: the moments printed as they come
    qapp = _create()
    from PySide6.QtCore import QTimer
    from logistics_desk.core.ui.main_window import MainWindow
    from logistics_desk.core.ui.today import TodayPage

    paint = TodayPage.paintEvent

    def paintEvent(page, event):
        paint(page, event)
        if "painted" not in seen:  # the window's first paint (Today's page first)
            usage = resource.getrusage(resource.RUSAGE_SELF)
            say("painted", usage.ru_utime + usage.ru_stime)
        elif page.read_at is not None and "lines" not in seen:  # Today's lines painted
            say("lines", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            QTimer.singleShot(0, lambda: after(page.window()))

    TodayPage.paintEvent = paintEvent
    init = MainWindow.__init__

    def __init__(window, *args, **kwargs):
        init(window, *args, **kwargs)
        window.started.connect(lambda: (say("started"), QTimer.singleShot(0, lambda: after(window))))

    MainWindow.__init__ = __init__

    def after(window):  # once Today's lines are painted and the start is over: every other tab, then quit
        if not {"lines", "started"} <= seen or "tabs" in seen:
            return
        import time
        t1 = time.perf_counter()
        for i in range(1, window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            qapp.processEvents()
        say("tabs", time.perf_counter() - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        qapp.quit()

    return qapp


app_module.create_application = create_application
sys.exit(app_module.main(["--db", sys.argv[1], "--lang", "zh_CN"]))
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
    while len(seen) < len(MOMENTS):  # ("lines" and "started" may come in either order)
        parts = proc.stdout.readline().split()
        wall = time.perf_counter() - t
        if not parts or parts[0] not in MOMENTS:
            proc.kill()
            raise SystemExit(f"window process failed ({sorted(seen)} seen): {parts!r}")
        seen[parts[0]] = (wall, *(float(x) for x in parts[1:]))
    proc.wait()
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=None, help="the 50,000-asset database (default: the shared bench database, "
                                                   "made once; a copy is used)")
    parser.add_argument("--assets", type=int, default=BIG_ASSETS)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    # compiled once, as an installed program is (its .pyc files ship with it): a cache outside the tree,
    # whatever PYTHONDONTWRITEBYTECODE says
    env = child_env(PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), "logistics-bench-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(args.db) if args.db else bench_db(args.assets)
        db_path = str(scratch_copy(source, Path(tmp)))
        for beside in (source.parent / "logistics-desk.key", source.with_name(source.name + ".head")):
            if beside.is_file():  # an installation has its change record's key and head beside the file
                shutil.copyfile(beside, Path(tmp) / (beside.name if beside.suffix == ".key" else Path(db_path).name
                                                     + ".head"))
        env["LOGISTICS_DESK_DATA"] = str(Path(tmp) / "data")  # the log and settings of the start, not the user's
        _once(WINDOW_CHILD, db_path, env)  # migrates the copy if need be, compiles, warms the file cache
        _once(FLOOR_CHILD, None, env)
        window, floor = [], []
        for _ in range(args.runs):  # in turn, so a busy moment of the machine falls on both
            floor.append(_once(FLOOR_CHILD, None, env))
            window.append(_once(WINDOW_CHILD, db_path, env))
    def median(runs, moment, i=0):
        return statistics.median(r[moment][i] for r in runs)

    def ratio(moment, i=0):  # the median of the pairs' ratios
        return statistics.median(w[moment][i] / f["painted"][i] for w, f in zip(window, floor, strict=True))

    floor_shown = median(floor, "painted")
    painted, lines, started = (median(window, m) for m in ("painted", "lines", "started"))
    r_painted, r_lines, r_started, cpu_ratio = ratio("painted"), ratio("lines"), ratio("started"), ratio("painted", 1)
    extra_mb = (median(window, "lines", 1) - median(floor, "lines", 1)) / 1024
    tabs, tabs_mb = median(window, "tabs", 1), (median(window, "tabs", 2) - median(floor, "lines", 1)) / 1024
    print(f"empty QMainWindow painted: {floor_shown:.3f} s (the floor)")
    print(f"window painted (Today's page first, the other tabs built when opened): {painted:.3f} s, "
          f"{r_painted:.2f}×; CPU time ratio {cpu_ratio:.2f}× (user + system, whole process)")
    print(f"Today's lines painted (read just after the first paint): {lines:.3f} s, "
          f"{r_lines:.2f}× (goal ≤ {TIME_GOAL:g}×; ratio of the medians {lines / floor_shown:.2f}×)")
    print(f"start finished (the other tabs' figures, the shared keys): {started:.3f} s, "
          f"{r_started:.2f}× (information, no goal)")
    print(f"memory over the empty window, Today's lines shown: +{extra_mb:.0f} MB (goal < +{MEMORY_GOAL_MB} MB)")
    print(f"then every other tab opened once: {tabs:.2f} s (memory then +{tabs_mb:.0f} MB; information, no goal)")
    a = job_line(f"window shown with Today's lines, {args.assets:,} assets", lines, floor_shown, TIME_GOAL,
                 ratio=r_lines,
                 note=f"program's own start (main.py); first paint at {painted:.2f} s ({r_painted:.1f}×), Today's "
                      f"lines just after; start finished at {started:.2f} s ({r_started:.1f}×); ratios: median of "
                      f"{len(window)} paired runs")
    b = job_line("window memory over an empty window", extra_mb, None, MEMORY_GOAL_MB, unit="MB")
    return 0 if a["ok"] and b["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
