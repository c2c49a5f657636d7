"""Benchmark: roll-ups (SPEC 7) and ``ansinh compare`` on the national root.

    python bench/rollup.py                 # the national root (100%), about 10 minutes
    python bench/rollup.py --scale 0.1     # a tenth of it

From the root ``bench/generate.py`` writes (a country, 34 provinces, 3,321 communes, 27
indicators, half-years 2015–2024), three variants are made in ``bench/out/rollup-<scale>/``:

- ``flat``: the same files with every ``parent`` removed, so that no area has children: a report
  without roll-ups, the floor;
- ``rolled``: the provinces' and the country's observations left out, so that every province row
  of ``report`` is a roll-up of its communes (and the country of its provinces), every indicator
  and period;
- ``full``: the files as generated (own figures everywhere, roll-ups worked out only to check
  ``rollup-mismatch``).

Each is timed (the CPU time of one process, see ``timed``) as ``ansinh report --period 2024H2
--format json`` (cold: no cache; warm: the cache of the loaded project); ``ansinh validate`` on
``flat`` and ``full`` (where every province figure is checked against its communes' roll-up, SPEC
7's ``rollup-mismatch``); and ``ansinh compare`` over the 3,321 communes on the national root and
on a root of those communes with one indicator's observations. Medians of fresh processes; the
table is printed and written to ``bench/out/rollup-results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - the benchmark's own modules, beside it
import run as bench  # noqa: E402

OUT = HERE / "out"
REPORT = ["report", "--period", "2024H2", "--format", "json"]
COMPARE = ["compare", "poor-household-rate", "--level", "commune", "--as-of", "2024H2", "--target", "5"]


def roots(scale: float) -> dict[str, Path]:
    """The variants of the generated root at ``scale``, made once per generator version."""
    folder = OUT / f"rollup-{scale:g}"
    stamp = folder / ".generated"
    signature = json.dumps(
        {"scale": scale, "generator": (HERE / "generate.py").read_text(encoding="utf-8"), "variants": 1}
    )
    variants = {name: folder / name for name in ("full", "flat", "rolled", "communes")}
    if stamp.exists() and stamp.read_text(encoding="utf-8") == signature:
        return variants
    if folder.exists():
        shutil.rmtree(folder)
    print(f"generating the {scale:.0%} national root in {folder} ...", file=sys.stderr)
    generate.generate(variants["full"], scale=scale)
    areas = (variants["full"] / "targets" / "areas.yaml").read_text(encoding="utf-8")
    upper = set(re.findall(r"\{id: ([a-z0-9-]+), name: [^,]+, level: (?:country|province)", areas))
    for name in ("flat", "rolled", "communes"):
        shutil.copytree(variants["full"], variants[name])
    # flat: no area has a parent, so none has children.
    (variants["flat"] / "targets" / "areas.yaml").write_text(re.sub(r", parent: [a-z0-9-]+", "", areas), "utf-8")
    # rolled: no province or country has figures of its own.
    _keep_rows(variants["rolled"], lambda fields: fields[1] not in upper)
    # communes: one indicator's figures, the communes' only, and no plans (compare needs none).
    _keep_rows(variants["communes"], lambda fields: fields[0] == "poor-household-rate" and fields[1] not in upper)
    for plan in (variants["communes"] / "targets").glob("plan-*.yaml"):
        plan.unlink()
    stamp.write_text(signature, encoding="utf-8")
    return variants


def _keep_rows(root: Path, keep: object) -> None:
    path = root / "data" / "observations.csv"
    with path.open(encoding="utf-8") as source, (root / "data" / "kept.tmp").open("w", encoding="utf-8") as target:
        target.write(next(source))
        for line in source:
            if keep(line.split(",", 2)):  # type: ignore[operator]
                target.write(line)
    (root / "data" / "kept.tmp").replace(path)


def _cpu_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds (user + system, with the children it waited for), wall seconds, exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national root")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, default=OUT / "rollup-results.json")
    args = parser.parse_args()
    variants = roots(args.scale)
    cache = tempfile.mkdtemp(prefix="ansinh-bench-cache-")
    warm = {**os.environ, "ANSINH_LANG": "en", "ANSINH_CACHE_DIR": cache}
    warm.pop("GITHUB_ACTIONS", None)
    cold = {**warm, "ANSINH_NO_CACHE": "1"}
    results: list[dict[str, object]] = []

    def timed(name: str, root: Path, command: list[str], env: dict[str, str], *, warmup: bool) -> float:
        """The median CPU time (user + system) of ``repeat`` fresh processes, in one process
        (``ANSINH_WORKERS=1``): on a machine shared with other work, wall time measures the
        neighbours as much as the command; CPU time is what the command costs. Wall time too."""
        full = [bench.ANSINH, *command, "--root", str(root)]
        alone = {**env, "ANSINH_WORKERS": "1"}
        if warmup:
            since = time.time()
            bench.run_once(full, alone)
            bench.wait_for_cache(Path(alone["ANSINH_CACHE_DIR"]), since)
        runs = [_cpu_once(full, alone) for _ in range(args.repeat)]
        cpu = statistics.median(run[0] for run in runs)
        wall = statistics.median(run[1] for run in runs)
        results.append(
            {
                "name": name,
                "cpu": cpu,
                "wall": wall,
                "runs": args.repeat,
                "root": root.name,
                "cache": "warm" if warmup else "cold",
            }
        )
        print(f"{name:<44} cpu {cpu:7.2f} s  wall {wall:7.2f} s  exit {runs[-1][2]}")
        return cpu

    figures: dict[str, float] = {}
    for variant in ("flat", "rolled", "full"):
        for label, env, warmup in (("cold", cold, False), ("warm", warm, True)):
            figures[f"{variant}/{label}"] = timed(
                f"report --period 2024H2 ({variant}, {label})", variants[variant], REPORT, env, warmup=warmup
            )
    for variant in ("flat", "full"):
        figures[f"validate {variant}"] = timed(
            f"validate ({variant}, cold)", variants[variant], ["validate"], cold, warmup=False
        )
    for variant in ("full", "communes"):
        for label, env, warmup in (("cold", cold, False), ("warm", warm, True)):
            figures[f"compare {variant}/{label}"] = timed(
                f"compare 3,321 communes ({variant}, {label})", variants[variant], COMPARE, env, warmup=warmup
            )
    for label in ("cold", "warm"):
        ratio = figures[f"rolled/{label}"] / figures[f"flat/{label}"]
        print(f"roll-ups / no roll-ups, {label}: {ratio:.2f}×")
    print(f"validate with roll-up checks / without: {figures['validate full'] / figures['validate flat']:.2f}×")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"scale": args.scale, "results": results}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
