"""Benchmark: what ansinh's YAML reading costs, by CPU time, on one or more roots.

    python bench/yaml_reader.py /tmp/national                 # reading alone, and the commands
    python bench/yaml_reader.py ROOT --repeat 7 --no-commands  # reading alone

Each figure is the median of ``--repeat`` fresh processes, after one untimed round; the variants
run in turn (A B, then B A) so that a busy machine slows them alike. CPU time is the
user + system time of the process and the worker it forks (``getrusage(RUSAGE_CHILDREN)``), which
other work on the machine disturbs far less than wall time; both are shown, with the spread
(lowest-highest) of each.

- reading alone: ``read_yaml_text`` (values, duplicate keys) then ``locate_paths`` of every path
  (positions, as for a file with problems) over the root's ``targets/`` YAML files, against
  ``yaml.CSafeLoader`` (values only) as the floor;
- the commands: ``ansinh validate`` and ``ansinh report --period 2024H2``, cold
  (``ANSINH_NO_CACHE=1``), output to ``/dev/null``.

Variants: "with" the quick reader of plain YAML (``ansinh.files.yaml_simple``) and "without" it,
its two functions replaced by ones that decline every text, as the tests switch it off; the
"floor" of the reading is libyaml's own loader. Without that module there is one variant,
"reader". The summary pairs each round's two variants: what the quick reader saves, as a median
and a range. Set ``PYTHONPATH`` to measure another copy of the package (a snapshot, say, while
the working tree changes). README "Large projects" has a run.
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

COMMANDS = {"validate": ["validate"], "report": ["report", "--period", "2024H2"]}


def variants() -> list[str]:
    found = subprocess.run([sys.executable, "-c", "import ansinh.files.yaml_simple"], capture_output=True, check=False)
    return ["with", "without"] if found.returncode == 0 else ["reader"]


def child(variant: str, job: str, root: str, rest: list[str]) -> None:
    """In a fresh process: the variant's reader in place, then the job."""
    import ansinh.files.yaml_reader as reader

    if variant == "without":
        reader.read_simple = lambda text, depth: None  # type: ignore[attr-defined]
        reader.places_simple = lambda text, depth: None  # type: ignore[attr-defined]
    if job == "cli":
        from ansinh.cli.app import run

        sys.argv = ["ansinh", *rest, "--root", root]
        run()
        return
    files = sorted(path for path in (Path(root) / "targets").rglob("*") if path.suffix in (".yaml", ".yml"))
    texts = [path.read_text(encoding="utf-8-sig") for path in files]
    started = time.process_time()
    if variant == "floor":
        import yaml

        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)
        read = time.process_time() - started
        located = 0.0
    else:
        documents = [reader.read_yaml_text(text, str(path)) for text, path in zip(texts, files, strict=True)]
        read = time.process_time() - started
        started = time.process_time()
        for text, document in zip(texts, documents, strict=True):
            paths = list(_paths(document.data))
            reader.locate_paths(text, paths, paths)
        located = time.process_time() - started
    print(json.dumps({"files": len(files), "read": read, "locate": located}))


def _paths(value: object, prefix: tuple[str | int, ...] = ()) -> object:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def once(variant: str, job: str, root: Path, rest: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of one fresh process (and the processes it waited for)."""
    env = {**os.environ, "ANSINH_NO_CACHE": "1", "ANSINH_LANG": "en"}
    command = [sys.executable, __file__, "--child", variant, job, str(root), *rest]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    output = subprocess.DEVNULL if job == "cli" else subprocess.PIPE
    errors = subprocess.DEVNULL if job == "cli" else None
    done = subprocess.run(command, stdout=output, stderr=errors, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {"wall": wall, "cpu": cpu, "exit": float(done.returncode)}
    if job != "cli":
        if done.returncode:
            raise SystemExit(f"{variant} {job} on {root} failed")
        result.update(json.loads(done.stdout))
    return result


def median_and_spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def show(everything: dict[str, list[dict[str, float]]]) -> None:
    """Medians and spreads; then, where there are both variants, what the quick reader saves."""
    for key, runs in everything.items():
        line = f"{key}: cpu {median_and_spread([r['cpu'] for r in runs])}"
        line += f"  wall {median_and_spread([r['wall'] for r in runs])}"
        if "read" in runs[0]:
            line += f"  read {median_and_spread([r['read'] for r in runs])}"
            line += f"  locate {median_and_spread([r['locate'] for r in runs])}  files {int(runs[0]['files'])}"
        else:
            line += f"  exit {int(runs[0]['exit'])}"
        print(line)
    for key, runs in everything.items():  # each round's two variants ran one after the other
        other = everything.get(key.removesuffix("with") + "without") if key.endswith("| with") else None
        if not other:
            continue
        for measure in ("cpu", "wall"):
            pairs = list(zip(runs, other, strict=True))
            saved = [without[measure] - with_[measure] for with_, without in pairs]
            share = statistics.median(cut / without[measure] for cut, (_, without) in zip(saved, pairs, strict=True))
            print(
                f"{key.removesuffix(' | with')}: without - with, {measure}, paired by round: median "
                f"{statistics.median(saved):+.3f} s ({share:.1%} of without), {min(saved):+.3f} to "
                f"{max(saved):+.3f}, {sum(value > 0 for value in saved)}/{len(saved)} rounds faster with"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per figure (median)")
    parser.add_argument("--no-commands", action="store_true", help="the reading alone")
    parser.add_argument("--no-reading", action="store_true", help="the commands alone")
    parser.add_argument("--json", type=Path, help="write every run's figures here")
    args = parser.parse_args()
    names = variants()
    # Compiled first, or the first run of each copy pays for it.
    package = subprocess.run(
        [sys.executable, "-c", "import ansinh, pathlib; print(pathlib.Path(ansinh.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · {package} · load {os.getloadavg()}"
    )
    jobs: list[tuple[str, str, list[str]]] = []  # variant, what it runs, the command's arguments
    if not args.no_reading:
        jobs += [("floor", "read", []), *((variant, "read", []) for variant in names)]
    if not args.no_commands:
        jobs += [(variant, "cli", command) for command in COMMANDS.values() for variant in names]
    everything: dict[str, list[dict[str, float]]] = {}
    for root in args.roots:
        for variant, job, rest in jobs:  # one run each first, untimed: the files into the page cache
            once(variant, job, root, rest)
        for round_ in range(args.repeat):
            order = jobs if round_ % 2 == 0 else jobs[::-1]
            for variant, job, rest in order:
                result = once(variant, job, root, rest)
                everything.setdefault(f"{root} | {' '.join(rest) or 'reading'} | {variant}", []).append(result)
    show(everything)
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    else:
        main()
