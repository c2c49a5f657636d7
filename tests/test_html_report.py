"""The HTML report (SPEC 10): one self-contained page, Vietnamese first, printable on A4, with
every figure of the JSON, a chart per level target with a text alternative, escaped names, the
same bytes for the same input, a summarised page for a national report, and the PDF's plumbing.
The page in a real browser: tests/test_html_browser.py."""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ansinh import api
from ansinh.engine.results import Status
from ansinh.language import Lang, format_number, render
from ansinh.render.document import Point, ReportDocument
from ansinh.render.html_report import FULL_ROWS, WORST, html_page
from ansinh.render.report_formats import GroupBy, Names, summary_text
from ansinh.render.svg_chart import chart_of, svg, value_ticks, year_ticks
from ansinh.text import LocalText, t
from conftest import REPO, run_cli

PERIODS = ("2022H1", "2024")


def document(period: str, lang: Lang, root: Path = REPO, method: str = "linear") -> ReportDocument:
    project = api.load(root, warnings=False)
    day = api.as_of_date(period)
    rows = api.report(project, day, method=method)
    title = render(t("report.title", as_of=day), lang)
    return api.report_document(project, "report", day, title, rows, group_by=GroupBy.PLAN, method=method)


def page_text(markup: str) -> str:
    """The words of some HTML, tags and the style sheet taken out, entities read."""
    markup = re.sub(r"<style>.*?</style>", " ", markup, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup.replace("<wbr>", "")))


def articles(markup: str) -> list[str]:
    return re.findall(r'<article class="target".*?</article>', markup, flags=re.DOTALL)


def json_figures(value: object) -> list[int | float]:
    """Every number in a row of the JSON, nested ones too (warnings' messages are text)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, int | float):
        return [value]
    if isinstance(value, dict):
        return [number for key, item in value.items() if key != "warnings" for number in json_figures(item)]
    if isinstance(value, list):
        return [number for item in value for number in json_figures(item)]
    raise TypeError(value)


def localized(figure: int | float, lang: Lang) -> str:
    return format_number(figure if isinstance(figure, int) else Decimal(repr(figure)), lang)


@pytest.mark.parametrize(
    ("period", "lang", "method"),
    [(period, lang, "linear") for period in PERIODS for lang in ("vi", "en")] + [("2024", "vi", "cagr")],
)
def test_every_figure_of_the_json_is_in_its_row_of_the_page(period: str, lang: Lang, method: str) -> None:
    report = run_cli(
        "report", "--period", period, "--format", "json", "--lang", lang, "--method", method, "--root", str(REPO)
    ).json()
    markup = html_page(document(period, lang, method=method), lang)
    sections = articles(markup)
    assert len(sections) == len(report["rows"]) > 0
    checked = 0
    for row, section in zip(report["rows"], sections, strict=True):
        text = " ".join(page_text(section).split())
        assert f"({row['plan']} · {row['indicator']})" in text, "the rows are in the JSON's order"
        for figure in json_figures(row):
            assert localized(figure, lang) in text, (row["indicator"], row["area"], figure)
            checked += 1
        for warning in row["warnings"]:
            assert " ".join(warning["message"].split()) in text
    assert checked > 50
    whole = " ".join(page_text(markup).split())
    summary = report["summary"]
    assert render(t("report.summary", achieved=summary["achieved"], total=summary["total"]), lang) in whole


def test_the_seeds_figures_in_vietnamese() -> None:
    markup = html_page(document("2022H1", "vi"), "vi")
    text = " ".join(page_text(markup).split())
    assert "Đã đạt 1/14 chỉ tiêu" in text or re.search(r"Đã đạt \d+/\d+ chỉ tiêu", text)
    for figure in ("4.204 giường bệnh", "1.202 giường bệnh/năm", "367 bác sỹ", "27,5/10.000", "0,7143/10.000/năm"):
        assert figure in text, figure
    assert '<html lang="vi">' in markup


def test_the_page_needs_no_network() -> None:
    markup = html_page(document("2024", "vi"), "vi")
    for fetched in ("http", "src=", "@import", "url(", "<script", "<link", "<img", "<iframe", "<object"):
        assert fetched not in markup, fetched
    assert markup.startswith("<!doctype html>\n<html")
    assert markup.count("<svg") >= 5


def test_the_page_prints_on_a4_with_page_numbers_and_repeated_headers() -> None:
    markup = html_page(document("2022H1", "vi"), "vi")
    style = re.search(r"<style>(.*?)</style>", markup, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    assert "@page { size: A4" in style
    assert "counter(page)" in style and "counter(pages)" in style
    assert "thead { display: table-header-group; }" in style
    assert re.search(r"tr, \.figures div \{ break-inside: avoid; \}", style)
    assert '"DejaVu Sans"' in style.split("body {", 1)[1].split("}", 1)[0], "the named font comes first"


def test_a_level_target_has_a_chart_with_a_text_alternative() -> None:
    markup = html_page(document("2024", "vi"), "vi")
    charts = re.findall(r"<svg .*?</svg>", markup, flags=re.DOTALL)
    assert charts
    for chart in charts:
        labelled = re.search(r'role="img" aria-labelledby="([^" ]+) ([^"]+)"', chart)
        assert labelled, chart[:200]
        title, desc = labelled.groups()
        assert f'<title id="{title}">' in chart and f'<desc id="{desc}">' in chart
        for element in ('class="target"', 'class="deadline"', 'class="path"', 'class="baseline"'):
            assert element in chart
    # Hà Nội's doctors: 13,7 (2022H1) then 14 (2023H1), the trend to 2025 projected.
    doctors = next(section for section in articles(markup) if "doctors-per-10k)" in section and "Hà Nội" in section)
    assert 'class="trend"' in doctors and 'class="projected"' in doctors
    assert "kỳ gốc 13,7" in doctors and "mục tiêu 15" in doctors and "hạn 2025" in doctors
    assert "<details" in doctors and "Số liệu của biểu đồ" in doctors
    assert markup.count("<details") >= markup.count("<svg")


def test_estimates_are_drawn_hollow_and_marked() -> None:
    base = document("2024", "vi")
    row = next(row for row in base.rows if row.indicator.kind == "level" and row.current is not None)
    key = (row.indicator.id, row.area)
    points = (
        Point("2023", date(2023, 12, 31), Decimal("13.9"), "final"),
        Point("2024H1", date(2024, 6, 30), Decimal("14.2"), "estimate"),
    )
    chart = chart_of(row, points)
    assert chart is not None
    drawn = svg(chart, "vi", "c", "title")
    assert drawn.count('class="observation"') == 2  # one plotted, one in the legend
    assert 'class="estimate" cx=' in drawn and 'fill="#ffffff" stroke="#0b4f8a"' in drawn
    assert "14,2 (2024H1) [ước tính]" in drawn
    changed = dataclasses.replace(base, rows=[row], history={key: points})
    page = html_page(changed, "vi")
    assert "ước tính, sơ bộ" in page_text(page)


def test_the_same_report_gives_the_same_bytes() -> None:
    first = html_page(document("2024", "vi"), "vi")
    assert html_page(document("2024", "vi"), "vi") == first
    assert str(date.today()) not in first, "no time but the report's date"


def test_every_name_from_the_files_is_escaped() -> None:
    base = document("2022H1", "vi")
    hostile = "<script>alert(1)</script> & </style>"
    rows = [
        dataclasses.replace(row, indicator=dataclasses.replace(row.indicator, name=LocalText(vi=hostile)), lead=hostile)
        for row in base.rows
    ]
    names = Names(
        dict.fromkeys(base.names.areas, LocalText(vi=hostile)), dict.fromkeys(base.names.plans, LocalText(vi=hostile))
    )
    page = html_page(dataclasses.replace(base, rows=rows, names=names, title=hostile), "vi")
    assert "<script" not in page and hostile not in page
    assert page.count("</style>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/style&gt;" in page


def test_a_national_report_is_summarised() -> None:
    base = document("2024", "vi")
    rows = base.rows * (FULL_ROWS // len(base.rows) + 1)
    page = html_page(dataclasses.replace(base, rows=rows), "vi")
    text = " ".join(page_text(page).split())
    assert f"Báo cáo có {format_number(len(rows), 'vi')} chỉ tiêu" in text
    assert len(articles(page)) == min(WORST, len(rows))
    summary = dataclasses.replace(base, rows=rows).summary
    assert summary_text(summary, "vi") in text  # the terminal's summary
    many = dataclasses.replace(summary, counts={status: 11738 for status in summary.counts}, total=93904)
    assert "đúng tiến độ 11.738" in summary_text(many, "vi") and "on track 11,738" in summary_text(many, "en")
    shown = [re.search(r"s-(\w+)\"", section).group(1) for section in articles(page)]  # type: ignore[union-attr]
    ranks = [list(Status).index(Status(status)) for status in shown]
    assert Status(shown[0]) is not Status.ACHIEVED and ranks, "the furthest behind come first"
    assert "Số chỉ tiêu theo nhóm" in text


def test_the_shipped_report_is_quick() -> None:
    base = document("2024", "vi")
    started = time.perf_counter()
    for lang in ("vi", "en"):
        html_page(base, lang)  # type: ignore[arg-type]
    assert time.perf_counter() - started < 0.5


def test_value_ticks_are_round_and_cover_the_values() -> None:
    ticks = value_ticks([Decimal("27.5"), Decimal("30")])
    assert ticks[0] <= Decimal("27.5") and ticks[-1] >= 30
    assert len({b - a for a, b in itertools.pairwise(ticks)}) == 1
    assert value_ticks([Decimal("0.66"), Decimal("11.84"), 2])[0] == 0, "rates do not go below zero"
    assert value_ticks([Decimal(5), Decimal(5)])[0] < 5 < value_ticks([Decimal(5), Decimal(5)])[-1]
    assert year_ticks(date(2022, 3, 1), date(2025, 12, 31)) == [2022, 2023, 2024, 2025]
    assert len(year_ticks(date(2000, 1, 1), date(2030, 12, 31), most=8)) <= 8


def test_pdf_says_what_to_install_without_a_browser(tmp_path: Path) -> None:
    from ansinh.render.pdf import NoBrowser, find_browser

    with pytest.raises(NoBrowser) as raised:
        find_browser({"PATH": str(tmp_path)})
    assert raised.value.text.key == "pdf.no_browser"
    assert "apt-get install chromium" in render(raised.value.text, "en")
    assert "ANSINH_CHROMIUM" in render(raised.value.text, "vi")
    with pytest.raises(NoBrowser) as raised:
        find_browser({"PATH": str(tmp_path), "ANSINH_CHROMIUM": str(tmp_path / "nothing")})
    assert raised.value.text.key == "pdf.bad_browser"


def test_report_format_pdf_without_a_browser_exits_with_what_to_install(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    env = {"ANSINH_CHROMIUM": str(tmp_path / "no-chromium"), "ANSINH_LANG": "vi"}
    run = run_cli("report", "--period", "2022H1", "-o", str(out), "--root", str(REPO), env=env)
    assert run.exit_code != 0
    assert "ANSINH_CHROMIUM" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()


def test_pdf_information_names_ansinh() -> None:
    from ansinh.render.pdf import with_information

    body = b"%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n"
    xref = len(body)
    pdf = body + b"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2\n/Root 1 0 R>>\n"
    pdf += f"startxref\n{xref}\n%%EOF\n".encode()
    updated = with_information(pdf, "Các chỉ tiêu")
    assert updated.startswith(pdf)
    assert b"/Creator (ansinh " in updated and b"/Prev " + str(xref).encode() in updated
    assert b"<FEFF" in updated, "a Vietnamese title is written as UTF-16"
    offset = int(re.findall(rb"startxref\s+(\d+)", updated)[-1])
    assert updated[offset:].startswith(b"xref\n2 1\n")
    assert with_information(b"%PDF-1.7 with an xref stream", "x") == b"%PDF-1.7 with an xref stream"


def test_report_and_gap_write_html_files(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = run_cli("report", "--period", "2022H1", "-o", str(out), "--root", str(REPO), env={"ANSINH_LANG": "vi"})
    assert run.exit_code == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "4.204 giường bệnh" in page_text(page)
    gap = tmp_path / "gap.html"
    run = run_cli("gap", "beds-per-10k", "--as-of", "2022H1", "--format", "html", "-o", str(gap), "--root", str(REPO))
    assert run.exit_code == 0, run.stderr
    text = page_text(gap.read_text(encoding="utf-8"))
    assert "4,204 beds" in text and "Hospital beds per 10,000 population" in text


def test_an_estimate_and_a_hostile_name_from_the_files(project: Callable[..., Path], tmp_path: Path) -> None:
    """End to end: a figure reported as an estimate (SPEC 9) is marked in the table and drawn
    hollow; a plan's name holding markup is printed as written."""
    root = project(
        files={
            "data/estimates.csv": "indicator,area,period,value,count,status,source\n"
            "beds-per-10k,hanoi,2023H1,28.1,,estimate,ước thực hiện\n",
            "targets/plan-a.yaml": (REPO / "tests/examples/base/targets/plan-a.yaml")
            .read_text(encoding="utf-8")
            .replace('name: "Kế hoạch A"', 'name: "Kế hoạch <b>A</b> & B"'),
        }
    )
    out = tmp_path / "beds.html"
    run = run_cli(
        "gap", "beds-per-10k", "--as-of", "2023H1", "-o", str(out), "--root", str(root), env={"ANSINH_LANG": "vi"}
    )
    assert run.exit_code == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert '<span class="unfinished">ước tính</span>' in page
    assert 'class="estimate" cx=' in page, "the estimate is drawn hollow"
    assert "28,1 (2023H1) [ước tính]" in page, "and named so in the chart's description"
    assert "Kế hoạch &lt;b&gt;A&lt;/b&gt; &amp; B" in page and "<b>A</b>" not in page


def test_each_figure_names_where_it_was_written_and_its_source() -> None:
    """The page's --explain lines, like the terminal's, name the file, line and source of the
    figure used (read back for the rows the page shows)."""
    page = html.unescape(html_page(document("2024H1", "vi"), "vi"))
    assert (
        "Số liệu dùng: data/reported-since.csv:4 — Hanoi Times, hanoitimes.vn 327284: coverage 94.33% at the end "
        "of June 2024 (the 2024 plan's target: 94.5%)"
    ) in page
