"""``ansinh compare`` as files (SPEC 10): a workbook with real numbers, a self-contained page,
a PDF where Chromium is installed; written whole, and again over its own file without --force."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import run_cli
from test_compare import ARGS, thirty_districts


def compare_to(root: Path, path: Path, *args: str):
    return run_cli(*ARGS, "--target", "0", "--root", str(root), "-o", str(path), *args)


def test_a_workbook_of_the_eighteen_districts(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    path = tmp_path / "so-sanh.xlsx"
    run = compare_to(root, path, "--lang", "vi")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "" and f"Đã ghi báo cáo vào {path}" in run.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Tổng hợp", "So sánh"]
    summary = book["Tổng hợp"]
    assert summary["A2"].value == "18/30 quận, huyện không còn hộ nghèo · 1 chưa có số liệu"
    facts = {summary.cell(row, 1).value: summary.cell(row, 2).value for row in range(4, 11)}
    assert facts["Số địa bàn so sánh"] == 30 and facts["Đạt mức so sánh"] == 18
    assert facts["Chưa có số liệu"] == 1 and facts["So với mức"] == 0
    sheet = book["So sánh"]
    headings = [cell.value for cell in sheet[1]]
    assert headings[:4] == ["Hạng", "Mã địa bàn", "Địa bàn", "Giá trị"]
    assert sheet.freeze_panes == "D2" and sheet.auto_filter.ref == "A1:J31"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$1:$1"
    # d29: 1.1% of 10,000 households is 110 poor households, real numbers with their formats
    d29 = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "d29")
    assert d29[0].value == 29 and d29[3].value == 1.1 and d29[3].number_format == "#,##0.0"
    assert d29[6].value == 110 and d29[6].number_format == "#,##0" and d29[7].value == "chưa đạt"
    assert d29[5].is_date and d29[5].value.year == 2023
    d30 = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "d30")
    assert d30[0].value is None and d30[3].value is None  # no figure: empty, never 0


def test_a_page_that_needs_no_network(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    path = tmp_path / "compare.html"
    run = compare_to(root, path)
    assert run.exit_code == 0, run.stderr
    page = path.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and '<meta name="generator" content="ansinh' in page
    assert "18 of 30 districts have no poor households · 1 with no data" in page
    assert "http" not in page and "src=" not in page and "@import" not in page and "url(" not in page
    assert page.count("<tr>") == 31  # the heading and thirty areas
    assert '<td class="num">1.1%</td>' in page


def test_written_again_over_its_own_file_but_not_over_another(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    for name in ("c.xlsx", "c.html", "c.json", "c.csv", "c.md", "c.txt"):
        path = tmp_path / name
        assert compare_to(root, path).exit_code == 0
        again = compare_to(root, path)
        assert again.exit_code == 0, (name, again.stderr)
    other = tmp_path / "notes.json"
    other.write_text('{"mine": true}\n', encoding="utf-8")
    refused = compare_to(root, other)
    assert refused.exit_code == 2 and other.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert compare_to(root, other, "--force").exit_code == 0


def test_a_file_format_needs_a_file(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    run = run_cli(*ARGS, "--target", "0", "--root", str(root), "--format", "html")
    assert run.exit_code == 2 and run.stdout == ""


@pytest.mark.skipif(
    shutil.which("chromium") is None and not os.environ.get("CI"), reason="Chromium is not installed here"
)
def test_a_pdf_of_the_comparison(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    path = tmp_path / "compare.pdf"
    run = compare_to(root, path)
    assert run.exit_code == 0, run.stderr
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes)  # A4 in points
