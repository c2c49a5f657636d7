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
loaded project, see README). Peak memory is the most the command and the workers it forks held
at once (their proportional set sizes, so that pages they share count once), sampled in one
more run than the timed ones, since sampling slows the process it watches. The table
is printed and the same figures are written as JSON (default bench/out/results.json).
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
    """Times from ``repeat`` runs left alone, and peak memory from one more run, sampled: reading
    a large process's memory map every few milliseconds slows it down (by a fifth on the
    national root), so no timed run is sampled."""
    if warmup:
        since = time.time()
        run_once(command, env)
        if "ANSINH_CACHE_DIR" in env and "ANSINH_NO_CACHE" not in env:
            wait_for_cache(Path(env["ANSINH_CACHE_DIR"]), since)
    times: list[float] = []
    code = 0
    for _ in range(repeat):
        seconds, _, code = run_once(command, env)
        times.append(seconds)
    _, peak, _ = run_once(command, env, sample=True)
    return Measure(name, statistics.median(times), min(times), peak, repeat, code)


def run_once(command: list[str], env: dict[str, str], *, sample: bool = False) -> tuple[float, float, int]:
    """Wall time, exit code and, when ``sample``, peak memory (MB) of one fresh process and the
    workers it forks, summed while they run side by side."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if not sample:
        process.wait()
        return time.perf_counter() - started, 0.0, process.returncode
    peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # The largest single process's own peak (the kernel's figure) bounds the sampled sum below.
    peak = max(peak, usage.ru_maxrss * 1024)
    return seconds, peak / 2**20, process.returncode


def _tree_rss(pid: int) -> int:
    """Memory of a process and its descendants, from /proc (0 where there is none): the
    proportional set size, which counts a page shared by a forked worker and its parent once
    between them, where summing resident sizes would count it twice."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as handle:
                pending += [int(child) for child in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def wait_for_cache(cache: Path, since: float) -> None:
    """The cache's entries are written by a process that outlives the command: wait for it."""
    deadline = time.time() + 120
    while time.time() < deadline:
        fresh = [path for path in cache.glob("*.pickle") if path.stat().st_mtime >= since]
        if fresh and not list(cache.glob(".tmp-*")):
            return
        time.sleep(0.05)


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


def _machine() -> str:
    model = platform.processor() or platform.machine()
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), model)
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory = f", {int(handle.readline().split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="runs per start-up figure (median)")
    parser.add_argument("--repeat-national", type=int, default=3, help="runs per national figure (median)")
    parser.add_argument("--scales", default="0.1,0.5,1", help="fractions of the national root")
    parser.add_argument("--quick", action="store_true", help="start-up and the 10%% root only")
    parser.add_argument("--json", type=Path, default=OUT / "results.json", help="where to write the figures")
    args = parser.parse_args()
    scales = [0.1] if args.quick else [float(scale) for scale in args.scales.split(",")]

    # An installed tool runs from compiled bytecode; an editable install compiles on first use,
    # unless PYTHONDONTWRITEBYTECODE is set: compile it first, or every run pays for it.
    package = subprocess.run(
        [sys.executable, "-c", "import ansinh, pathlib; print(pathlib.Path(ansinh.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)
    cache = tempfile.mkdtemp(prefix="ansinh-bench-cache-")
    base_env = {**os.environ, "ANSINH_LANG": "en", "ANSINH_CACHE_DIR": cache}
    base_env.pop("GITHUB_ACTIONS", None)
    cold_env = {**base_env, "ANSINH_NO_CACHE": "1"}
    results: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
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

    console = Console(width=max(Console().width, 132))
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
