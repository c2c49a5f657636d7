"""Benchmark: reading observations from an ``.xlsx`` workbook, by ansinh and by the libraries.

    python bench/xlsx_read.py                   # the national root (1.8 million rows), 3 runs
    python bench/xlsx_read.py --scale 0.1 --repeat 5

The bench generator writes the national root's observations once as a workbook
(``bench/generate.py --xlsx``: two sheets, shared strings, numbers as numbers) and once as CSV.
Each figure is the median wall and CPU time of ``--repeat`` fresh processes, the variants run in
turn so that a busy machine slows them alike, with the most memory each process held:

- ``calamine``: python-calamine's own read of every sheet's rows (``iter_rows``): the fastest
  library, which cannot see number formats and gives error cells as empty strings;
- ``openpyxl``: openpyxl's own read (``read_only=True``, every cell's value and number format, the
  least a reader that sees percentages and dates must look at);
- ``stdlib-raw``: ansinh's own reader's bare read (``ansinh.files.xlsx_reader.raw_rows``: the
  zip, the shared strings, the styles, every sheet's cells as stored), as a library's;
- ``stdlib``: that reader giving every cell as Excel shows it (``read_sheets``), without the
  checks;
- ``ansinh``: ansinh reading the workbook's observations into its store, with every check of
  SPEC 1.4 and 4 (the observation reader of ``ansinh validate``);
- ``ansinh-csv``: the same for the same rows as CSV, for comparison.

A library that is not installed is left out. The figures are printed and written as JSON (default
bench/out/xlsx_read.json); README "Large projects" has a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

CHILD = {
    "calamine": """
import python_calamine
book = python_calamine.CalamineWorkbook.from_path(PATH)
rows = 0
for name in book.sheet_names:
    for _ in book.get_sheet_by_name(name).iter_rows():
        rows += 1
""",
    "openpyxl": """
import openpyxl
book = openpyxl.load_workbook(PATH, read_only=True)
rows = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows():
        rows += 1
        for cell in row:
            cell.value, cell.number_format
""",
    "stdlib-raw": """
from pathlib import Path
from ansinh.files import xlsx_reader
from ansinh.files.limits import LIMITS
book = xlsx_reader.open_workbook(Path(PATH), LIMITS)
rows = 0
for name, part in book.sheets:
    for _ in xlsx_reader.raw_rows(book, part, LIMITS):
        rows += 1
""",
    "stdlib": """
from pathlib import Path
from ansinh.files import xlsx_reader
from ansinh.files.limits import LIMITS
book = xlsx_reader.open_workbook(Path(PATH), LIMITS)
rows = 0
required = ("indicator", "area", "period", "value")
for sheet in xlsx_reader.read_sheets(book, "data/observations.xlsx", LIMITS, required, xlsx_reader.OBSERVATION_KINDS,
                                     lambda name, missing: None):
    for _ in sheet.rows:
        rows += 1
""",
    "ansinh": """
import time
from pathlib import Path
from ansinh.files.document_schema import FileKind, indicator_of
from ansinh.files.limits import LIMITS
from ansinh.files.loader import _Reader
from ansinh.files.observations import ObservationReader
from ansinh.project import Project
root = Path(PATH).parent.parent
# The catalogue and the areas, untimed: what the observations are checked against.
files = _Reader(root, LIMITS, Project(root))
catalogue = files.yaml("targets/indicators.yaml", FileKind.INDICATORS, required=True)
indicators = {indicator.id: indicator for indicator in map(indicator_of, catalogue.data["indicators"])}
areas = {area["id"] for area in files.yaml("targets/areas.yaml", FileKind.AREAS, required=True).data["areas"]}
started = time.perf_counter(), time.process_time()
reader = ObservationReader(indicators, set(indicators), areas, root)
reader.read("data/" + Path(PATH).name, Path(PATH), LIMITS)
store = reader.store()
rows = len(store)
assert not reader.problems, reader.problems[:3]
TIMES = time.perf_counter() - started[0], time.process_time() - started[1]
""",
}
CHILD["ansinh-csv"] = CHILD["ansinh"]


def child(variant: str, path: str) -> None:
    """In a fresh process: one variant's read, its times on stdout as JSON."""
    started, cpu = time.perf_counter(), time.process_time()
    scope: dict[str, object] = {"PATH": path}
    exec(CHILD[variant], scope)  # the variants above: this file's own code
    times = scope.get("TIMES") or (time.perf_counter() - started, time.process_time() - cpu)
    peak = _peak_mib()
    print(json.dumps({"wall": times[0], "cpu": times[1], "rows": scope["rows"], "peak_mib": peak}))  # type: ignore[index]


def _peak_mib() -> float:
    """The most memory this process has held (VmHWM: unlike ``ru_maxrss``, not carried over from
    the parent that started it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def available(variant: str) -> bool:
    module = {"calamine": "python_calamine", "openpyxl": "openpyxl"}.get(variant)
    if module is None:
        return True
    found = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, check=False)
    return found.returncode == 0


def roots(scale: float) -> tuple[Path, Path]:
    """The generated root twice, observations as a workbook and as CSV, made once each."""
    sys.path.insert(0, str(HERE))
    import generate

    made = []
    for kind in ("xlsx", "csv"):
        root = OUT / f"national-{scale:g}-{kind}"
        stamp = root / ".generated"
        signature = json.dumps({"scale": scale, "kind": kind, "generator": (HERE / "generate.py").read_text("utf-8")})
        if not stamp.exists() or stamp.read_text(encoding="utf-8") != signature:
            if root.exists():
                import shutil

                shutil.rmtree(root)
            print(f"generating {root} ...", file=sys.stderr)
            generate.generate(root, scale=scale, xlsx=kind == "xlsx")
            stamp.write_text(signature, encoding="utf-8")
        made.append(root)
    return made[0], made[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the national root (default 1.0)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure (median)")
    parser.add_argument("--out", type=Path, default=OUT / "xlsx_read.json")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    workbook_root, csv_root = roots(args.scale)
    workbook = workbook_root / "data" / "observations.xlsx"
    paths = {variant: str(workbook) for variant in CHILD}
    paths["ansinh-csv"] = str(csv_root / "data" / "observations.csv")
    variants = [variant for variant in CHILD if available(variant)]
    runs: dict[str, list[dict[str, float]]] = {variant: [] for variant in variants}
    for round_number in range(args.repeat):
        order = variants if round_number % 2 == 0 else variants[::-1]
        for variant in order:
            done = subprocess.run(
                [sys.executable, __file__, "--child", variant, paths[variant]],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "ANSINH_NO_CACHE": "1"},
            )
            runs[variant].append(json.loads(done.stdout.strip().splitlines()[-1]))
    figures = {
        variant: {
            "wall_s": round(statistics.median(run["wall"] for run in found), 2),
            "cpu_s": round(statistics.median(run["cpu"] for run in found), 2),
            "peak_mib": round(max(run["peak_mib"] for run in found)),
            "rows": int(found[0]["rows"]),
        }
        for variant, found in runs.items()
    }
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "scale": args.scale,
        "workbook_bytes": workbook.stat().st_size,
        "repeat": args.repeat,
        "figures": figures,
    }
    base = figures.get("stdlib-raw", {}).get("cpu_s")
    print(f"{'variant':<12} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'rows':>10}  CPU vs stdlib-raw")
    for variant, figure in figures.items():
        ratio = f"{figure['cpu_s'] / base:.2f}x" if base else ""
        print(
            f"{variant:<12} {figure['wall_s']:>8.2f} {figure['cpu_s']:>8.2f} {figure['peak_mib']:>9} "
            f"{figure['rows']:>10}  {ratio}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
