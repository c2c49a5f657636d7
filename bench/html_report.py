"""Benchmark: the HTML report (and its PDF) of the shipped data and of a national root.

    python bench/html_report.py                       # the shipped data and /tmp/national-html
    python bench/html_report.py --national DIR        # another national root (bench/generate.py)

For each root, the median of several fresh processes of ``ansinh report --period 2024 -o
report.html`` beside ``ansinh report --period 2024 --format json`` (the same rows, printed as
text: the floor the page is measured against), both with the cache warm; then, in this process,
``html_page`` alone on rows already computed, the page's size, and one ``--format pdf`` (Chromium
printing it), if Chromium is installed. A national root is generated at scale 1.0 if absent.
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

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ANSINH = str(Path(sys.executable).parent / "ansinh")
PERIOD = "2024"


def timed(command: list[str], runs: int) -> float:
    """The median wall time of ``runs`` fresh processes, after one to warm the cache."""
    env = {**os.environ, "ANSINH_LANG": "vi"}
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def page_alone(root: Path) -> tuple[float, int, int]:
    """``html_page`` on computed rows: seconds, bytes, rows."""
    sys.path.insert(0, str(REPO / "src"))
    from ansinh import api
    from ansinh.render.html_report import html_page
    from ansinh.render.report_formats import GroupBy

    project = api.load(root, warnings=False)
    day = api.as_of_date(PERIOD)
    rows = api.report(project, day)
    document = api.report_document(project, "report", day, "bench", rows, group_by=GroupBy.PLAN)
    started = time.perf_counter()
    page = html_page(document, "vi")
    return time.perf_counter() - started, len(page.encode("utf-8")), len(rows)


def measure(name: str, root: Path, runs: int, out: Path) -> None:
    base = [ANSINH, "--root", str(root), "report", "--period", PERIOD]
    html_file, pdf_file = out / f"{name}.html", out / f"{name}.pdf"
    html = timed([*base, "-o", str(html_file), "--force"], runs)
    json_ = timed([*base, "--format", "json"], runs)
    alone, size, rows = page_alone(root)
    line = (
        f"{name}: {rows:,} targets; report -o .html {html:.2f} s (json {json_:.2f} s); "
        f"html_page {alone * 1000:.0f} ms, {size / 1024:,.0f} KiB"
    )
    if shutil.which("chromium"):
        started = time.perf_counter()
        subprocess.run([*base, "-o", str(pdf_file), "--force"], check=True, stdout=subprocess.DEVNULL)
        line += f"; -o .pdf {time.perf_counter() - started:.1f} s, {pdf_file.stat().st_size / 1024:,.0f} KiB"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--national", type=Path, default=Path("/tmp/national-html"))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if not (options.national / "targets").is_dir():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(options.national)], check=True)
    with tempfile.TemporaryDirectory(prefix="ansinh-bench-html-") as folder:
        measure("shipped", REPO, options.runs, Path(folder))
        measure("national", options.national, options.runs, Path(folder))


if __name__ == "__main__":
    main()
