"""Demo data for every module at 50,000 assets, whole process.

    python benchmarks/bench_demo.py [--assets 50000] [--runs 3] [--keep PATH]

``python main.py --db NEW.db demo --assets N`` into a new file, timed from the process's start to
its exit: the school's master data, 50,000 assets with their change-record entries and history
lines, a few hundred transfers, loans, damage reports and write-offs through the services, two
stock-takes, a year of purchases and of repairs, the canteen's samples. Goal (issue 17): under
20 s, the median of three runs (this machine's speed drifts by a third between minutes, and an
absolute goal has no floor beside it to take the drift out). No floor: nothing bare does this
work. ``--keep PATH`` keeps the last database made (the other benchmarks can share it: see
``_bench.bench_db``).
Prints the figures and the job line for ``run_all.py``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import PY, ROOT, child_env, job_line, run_measured

GOAL = 20.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assets", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="keep the last database made at this path")
    args = parser.parse_args()
    walls, peaks, cpus = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "demo.db"
        for _ in range(args.runs):
            for p in Path(tmp).glob("demo.db*"):
                p.unlink()
            wall, peak, cpu = run_measured([PY, str(ROOT / "main.py"), "--db", str(target), "--lang", "zh_CN",
                                            "demo", "--assets", str(args.assets)], env=child_env())
            walls.append(wall)
            cpus.append(cpu)
            peaks.append(peak)
        if args.keep:
            shutil.copyfile(target, args.keep)
    t = statistics.median(walls)
    print(f"Demo data for every module, {args.assets:,} assets, whole process: {t:.1f} s "
          f"(runs {' '.join(f'{w:.1f}' for w in walls)}; CPU {statistics.median(cpus):.1f} s), "
          f"peak memory {max(peaks):.0f} MB (goal < {GOAL:g} s)")
    job_line(f"demo data, every module, {args.assets:,} assets, whole process", t, None, GOAL,
             note=f"no floor (an absolute goal); CPU time {statistics.median(cpus):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
