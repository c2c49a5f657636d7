"""Benchmark: the national report written as a workbook, against the same report as JSON.

    python bench/xlsx_write.py [ROOT] [--repeat 3]

ROOT is a national root (default /tmp/national-xlsx, generated there by bench/generate.py when
absent). Each command runs as a fresh process on a warm cache (a first run fills it), ``repeat``
times, each started by a probe process of its own; the table gives the median wall time, the
median CPU time (user and system, the worker it forks included: the figure other work on the
machine changes least) and the largest peak resident set size, as the kernel counts it (the
largest of the command and its worker). Then one process times the steps of the workbook alone: computing the rows,
and writing them (xlsxwriter's frame, then the rows into their sheets).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSINH = str(Path(sys.executable).parent / "ansinh")
DEFAULT_ROOT = Path("/tmp/national-xlsx")
PERIOD = "2024H2"

STEPS = """
import gc, json, sys, time
from pathlib import Path
from ansinh import api
from ansinh.render.xlsx_report import write_workbook
root, out = Path(sys.argv[1]), Path(sys.argv[2])
gc.disable()  # as the command line does (ansinh.cli.app.run)
project = api.load(root, warnings=False)
day = api.as_of_date(sys.argv[3])
start, start_cpu = time.perf_counter(), time.process_time()
rows = api.report(project, day)
computed, computed_cpu = time.perf_counter(), time.process_time()
document = api.report_document(project, "report", day, "bench", rows)
write_workbook(document, "vi", out)
written, written_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"rows": len(rows), "compute_s": computed - start, "compute_cpu_s": computed_cpu - start_cpu,
                  "write_s": written - computed, "write_cpu_s": written_cpu - computed_cpu,
                  "sheets": len({row.plan for row in rows}), "bytes": out.stat().st_size}))
"""


PROBE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, capture_output=True); wall = time.perf_counter() - start; "
    "used = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(wall, used.ru_utime + used.ru_stime, used.ru_maxrss)"
)


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """One fresh process, started by a probe of its own: its wall time, its CPU time (user and
    system, with the worker it forks) and its peak resident memory in bytes (the largest of the
    command and its worker)."""
    done = subprocess.run([sys.executable, "-c", PROBE, *command], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr}")
    wall, cpu, peak = done.stdout.split()
    return float(wall), float(cpu), int(peak) * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    root: Path = options.root
    if not (root / "targets").is_dir():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(root)], check=True)
    scratch = Path(tempfile.mkdtemp(prefix="ansinh-bench-xlsx-"))
    env = {**os.environ, "ANSINH_CACHE_DIR": str(scratch / "cache"), "ANSINH_LANG": "vi"}
    commands = {
        "report --format json -o": ["--format", "json", "-o", str(scratch / "r.json")],
        "report --format csv-excel -o": ["--format", "csv-excel", "-o", str(scratch / "r.csv")],
        "report --format xlsx -o": ["--format", "xlsx", "-o", str(scratch / "r.xlsx")],
    }
    results: dict[str, dict[str, float]] = {}
    base = [ANSINH, "report", "--root", str(root), "--period", PERIOD, "--force"]
    # Fill the cache: the first command writes its entry, the next adds the warnings it skipped,
    # each by a process of its own after the command has ended; let them finish.
    for _ in range(2):
        run([*base, *commands["report --format json -o"]], env)
        time.sleep(20)
    for name, extra in commands.items():
        measured = [run([*base, *extra], env) for _ in range(options.repeat)]
        results[name] = {
            "median_s": statistics.median(each[0] for each in measured),
            "median_cpu_s": statistics.median(each[1] for each in measured),
            "peak_mb": max(each[2] for each in measured) / 1e6,
        }
    steps = subprocess.run(
        [sys.executable, "-c", STEPS, str(root), str(scratch / "steps.xlsx"), PERIOD],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    results["steps of the workbook"] = json.loads(steps.stdout)
    print(f"{'command':32} {'wall':>9} {'CPU':>9} {'peak RSS':>10}")
    for name, figures in results.items():
        if "median_s" in figures:
            print(f"{name:32} {figures['median_s']:8.2f}s {figures['median_cpu_s']:8.2f}s {figures['peak_mb']:8.0f}MB")
    print(json.dumps(results["steps of the workbook"]))
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "xlsx_write.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
