"""The HTML report in a real browser (SPEC 10, issue 12): headless Chromium (Debian's ``chromium``)
driven by Playwright through ``executable_path``, since Playwright's own browser download is not
reachable. At the printed width of A4 nothing overflows, every figure of the JSON is in the
rendered text, Vietnamese is set in a named font (DejaVu Sans, from ``fonts-dejavu-core``), and
the page prints to A4 pages — through Playwright and through ``ansinh.render.pdf`` alone.

``.ci/run`` installs Chromium and the font and sets ``CI``: there these tests must run. Elsewhere
they are skipped, saying why, where no Chromium (or no Playwright) is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ansinh.language import Lang, format_number
from ansinh.render.html_report import html_page
from conftest import REPO, run_cli
from test_html_report import document, json_figures, localized

CHROMIUM = os.environ.get("ANSINH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A4 at 96 dpi is 794 px wide; the page's margins are 12 mm a side.
A4_WIDTH = 794
PRINTED_WIDTH = A4_WIDTH - 2 * round(12 / 25.4 * 96)
A4_POINTS = (595.28, 841.89)

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None  # type: ignore[assignment]

if (CHROMIUM is None or sync_playwright is None) and not os.environ.get("CI"):
    pytest.skip(
        "needs Chromium (apt-get install chromium fonts-dejavu-core) and Playwright (pip install -e '.[test]'); "
        "CI installs both and runs these tests",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM is not None, "CI must install chromium (.ci/run)"
    assert sync_playwright is not None, "CI must install playwright (the test extra)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def opened(browser: Any, tmp_path: Path, period: str, lang: Lang) -> Any:
    """The shipped data's report as the printer sees it: print media, the width of A4's text."""
    page_file = tmp_path / f"report-{period}-{lang}.html"
    page_file.write_text(html_page(document(period, lang), lang), encoding="utf-8")
    page = browser.new_page(viewport={"width": PRINTED_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    page.goto(page_file.as_uri())
    return page


OVERFLOWS = """() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
  for (const el of document.querySelectorAll('table, svg, article, h1, h2, h3, p, dl')) {
    const box = el.getBoundingClientRect();
    if (box.right > root.clientWidth + 0.5 || box.left < -0.5)
      out.push(`${el.tagName} ${el.className.baseVal ?? el.className} at ${box.left}-${box.right}`);
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'svg')
      out.push(`${el.tagName} ${el.className} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const cell of document.querySelectorAll('td, th, dd')) {
    if (cell.scrollWidth > cell.clientWidth + 1) out.push(`cell "${cell.innerText.slice(0, 40)}" overflows`);
  }
  return out;
}"""


@pytest.mark.parametrize(("period", "lang"), [("2022H1", "vi"), ("2024", "vi"), ("2024", "en")])
def test_nothing_overflows_the_printed_width(browser: Any, tmp_path: Path, period: str, lang: Lang) -> None:
    page = opened(browser, tmp_path, period, lang)
    try:
        assert page.evaluate("document.documentElement.clientWidth") == PRINTED_WIDTH
        assert page.evaluate(OVERFLOWS) == []
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize(("period", "lang"), [("2022H1", "vi"), ("2024", "vi"), ("2024", "en")])
def test_every_figure_of_the_json_is_rendered(browser: Any, tmp_path: Path, period: str, lang: Lang) -> None:
    report = run_cli("report", "--period", period, "--format", "json", "--lang", lang, "--root", str(REPO)).json()
    page = opened(browser, tmp_path, period, lang)
    try:
        sections = page.locator("article.target").all_inner_texts()
        whole = " ".join(page.inner_text("body").split())
    finally:
        page.close()
    assert len(sections) == len(report["rows"])
    for row, section in zip(report["rows"], sections, strict=True):
        text = " ".join(section.split())
        for figure in json_figures(row):
            assert localized(figure, lang) in text, (row["indicator"], row["area"], figure)
    achieved, total = report["summary"]["achieved"], report["summary"]["total"]
    expected = f"Đã đạt {achieved}/{total} chỉ tiêu" if lang == "vi" else f"Achieved {achieved} of {total}"
    assert expected in whole


def test_vietnamese_is_set_in_dejavu_sans(browser: Any, tmp_path: Path) -> None:
    page = opened(browser, tmp_path, "2022H1", "vi")
    try:
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"DejaVu Sans"')
        session = page.context.new_cdp_session(page)
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        for selector in ("p.summary-line", "table.targets td", "svg.chart text", "h1"):
            node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            assert fonts and {font["familyName"] for font in fonts} == {"DejaVu Sans"}, (selector, fonts)
        assert "Đã đạt" in page.inner_text("p.summary-line")
    finally:
        page.close()


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """Each page's size in points, from its MediaBox."""
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(float(width), float(height)) for width, height in boxes]


def assert_a4(pages: list[tuple[float, float]]) -> None:
    assert pages
    for width, height in pages:
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1, (width, height)


def test_the_page_prints_to_a4_pages(browser: Any, tmp_path: Path) -> None:
    page = opened(browser, tmp_path, "2024", "vi")
    try:
        data = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    pages = pdf_pages(data)
    assert_a4(pages)
    assert 3 <= len(pages) <= 30, len(pages)


def test_pdf_bytes_prints_through_chromium_alone(tmp_path: Path) -> None:
    from ansinh.render.pdf import pdf_bytes

    data = pdf_bytes(html_page(document("2022H1", "vi"), "vi"))
    pages = pdf_pages(data)
    assert_a4(pages)
    assert b"/Creator (ansinh " in data
    if shutil.which("pdftotext"):  # poppler-utils: the page numbers of the @page footer
        out = tmp_path / "report.pdf"
        out.write_bytes(data)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert f"Trang 1/{len(pages)}" in text and f"Trang {len(pages)}/{len(pages)}" in text
        assert "4.204 giường bệnh" in text and format_number(Decimal("0.7143"), "vi") in text


def test_report_format_pdf_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    run = run_cli("report", "--period", "2024", "--format", "pdf", "-o", str(out), "--root", str(REPO))
    assert run.exit_code == 0, run.stderr
    assert_a4(pdf_pages(out.read_bytes()))
