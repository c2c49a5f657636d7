"""Benchmark: ansinh's start-up and its cost on a national dataset, each against its floor.

    python bench/run.py                  # everything; national roots are generated once
    python bench/run.py --quick          # start-up and the 10% root only

Every figure is the median of several runs of a fresh process, measured side by side with its
floor on the same machine in the same run:

- start-up: ``ansinh --help``, ``ansinh gap`` and ``ansinh validate`` on the shipped data against
  ``python -c "import typer, rich.table, pydantic, yaml"``;
- scale: ``ansinh validate`` and ``ansinh report --period 2024H2`` on generated national roots
  (10%, 50% and 100% of 34 provinces and 3,321 communes) against one ``csv.reader`` pass over
  their CSV files plus a ``yaml.CSafeLoader`` load of their YAML files.

"Cold" runs have no cache; "warm" runs repeat a command on unchanged files (the cache of the
loaded project, see README). Peak memory is each process's maximum resident set size. The table is
printed and the same figures are written as JSON (default bench/out/results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
BIN = Path(sys.executable).parent
ANSINH = str(BIN / "ansinh")

FLOOR_IMPORT = [sys.executable, "-c", "import typer, rich.table, pydantic, yaml"]
PARSE_FLOOR = """
import csv, sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
rows = 0
for path in sorted((root / "data").rglob("*.csv")):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _ in csv.reader(handle):
            rows += 1
for path in sorted((root / "targets").glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


@dataclass
class Measure:
    """The median wall time of a command over several fresh processes, and its peak memory."""

    name: str
    seconds: float
    best: float
    peak_mb: float
    runs: int
    exit_code: int


def measure(name: str, command: list[str], *, repeat: int, env: dict[str, str], warmup: bool = False) -> Measure:
    if warmup:
        run_once(command, env)
    times: list[float] = []
    peaks: list[float] = []
    code = 0
    for _ in range(repeat):
        seconds, peak, code = run_once(command, env)
        times.append(seconds)
        peaks.append(peak)
    return Measure(name, statistics.median(times), min(times), max(peaks), repeat, code)


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, peak resident memory (MB) and exit code of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def national_root(scale: float) -> Path:
    """A generated national root, made once per scale and generator version."""
    sys.path.insert(0, str(HERE))
    import generate

    root = OUT / f"national-{scale:g}"
    stamp = root / ".generated"
    signature = json.dumps({"scale": scale, "generator": (HERE / "generate.py").read_text(encoding="utf-8")})
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != signature:
        if root.exists():
            import shutil

            shutil.rmtree(root)
        print(f"generating the {scale:.0%} national root in {root} ...", file=sys.stderr)
        generate.generate(root, scale=scale)
        stamp.write_text(signature, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="runs per start-up figure (median)")
    parser.add_argument("--repeat-national", type=int, default=3, help="runs per national figure (median)")
    parser.add_argument("--scales", default="0.1,0.5,1", help="fractions of the national root")
    parser.add_argument("--quick", action="store_true", help="start-up and the 10%% root only")
    parser.add_argument("--json", type=Path, default=OUT / "results.json", help="where to write the figures")
    args = parser.parse_args()
    scales = [0.1] if args.quick else [float(scale) for scale in args.scales.split(",")]

    cache = tempfile.mkdtemp(prefix="ansinh-bench-cache-")
    base_env = {**os.environ, "ANSINH_LANG": "en", "ANSINH_CACHE_DIR": cache}
    base_env.pop("GITHUB_ACTIONS", None)
    cold_env = {**base_env, "ANSINH_NO_CACHE": "1"}
    results: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "python": platform.python_version(),
        "startup": [],
        "national": [],
    }

    startup: list[tuple[Measure, Measure]] = []
    floor = measure("import typer, rich.table, pydantic, yaml", FLOOR_IMPORT, repeat=args.repeat, env=cold_env)
    commands = {
        "ansinh --help": [ANSINH, "--help"],
        "ansinh gap beds-per-10k (warm)": [ANSINH, "gap", "beds-per-10k", "--root", str(REPO)],
        "ansinh gap beds-per-10k (cold)": [ANSINH, "gap", "beds-per-10k", "--root", str(REPO)],
        "ansinh validate (warm)": [ANSINH, "validate", "--root", str(REPO)],
        "ansinh validate (cold)": [ANSINH, "validate", "--root", str(REPO)],
    }
    for name, command in commands.items():
        env = cold_env if "(cold)" in name else base_env
        startup.append((measure(name, command, repeat=args.repeat, env=env, warmup=True), floor))
    results["startup"] = [{**asdict(m), "floor_seconds": f.seconds, "ratio": m.seconds / f.seconds} for m, f in startup]

    national: list[dict[str, object]] = []
    for scale in scales:
        root = national_root(scale)
        rows = sum(1 for _ in (root / "data" / "observations.csv").open(encoding="utf-8")) - 1
        parse = measure(
            "parse floor", [sys.executable, "-c", PARSE_FLOOR, str(root)], repeat=args.repeat_national, env=cold_env
        )
        for name, command in {
            "validate": [ANSINH, "validate", "--root", str(root)],
            "report --period 2024H2": [ANSINH, "report", "--period", "2024H2", "--root", str(root)],
        }.items():
            for mode, env in (("cold", cold_env), ("warm", base_env)):
                found = measure(name, command, repeat=args.repeat_national, env=env, warmup=mode == "warm")
                national.append(
                    {
                        **asdict(found),
                        "mode": mode,
                        "scale": scale,
                        "rows": rows,
                        "floor_seconds": parse.seconds,
                        "floor_peak_mb": parse.peak_mb,
                        "ratio": found.seconds / parse.seconds,
                        "microseconds_per_row": 1e6 * found.seconds / rows,
                    }
                )
    results["national"] = national
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    show(results)


def show(results: dict[str, object]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]ansinh benchmark[/] {results['date']} · {results['machine']} · Python {results['python']}")
    table = Table(title="Start-up on the shipped data (median of fresh processes)", title_justify="left")
    for column in ("command", "time", "floor", "ratio", "peak memory"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for item in results["startup"]:  # type: ignore[union-attr]
        table.add_row(
            item["name"],
            f"{1000 * item['seconds']:.0f} ms",
            f"{1000 * item['floor_seconds']:.0f} ms",
            f"{item['ratio']:.2f}×",
            f"{item['peak_mb']:.0f} MB",
        )
    console.print(table)
    table = Table(title="National roots (floor: csv.reader + yaml.CSafeLoader)", title_justify="left")
    for column in (
        "scale",
        "observations",
        "command",
        "mode",
        "time",
        "floor",
        "ratio",
        "µs/row",
        "peak memory",
        "exit",
    ):
        table.add_column(column, justify="left" if column in ("command", "mode") else "right")
    for item in results["national"]:  # type: ignore[union-attr]
        table.add_row(
            f"{item['scale']:.0%}",
            f"{item['rows']:,}",
            item["name"],
            item["mode"],
            f"{item['seconds']:.2f} s",
            f"{item['floor_seconds']:.2f} s",
            f"{item['ratio']:.2f}×",
            f"{item['microseconds_per_row']:.2f}",
            f"{item['peak_mb']:.0f} MB",
            str(item["exit_code"]),
        )
    console.print(table)


if __name__ == "__main__":
    main()
