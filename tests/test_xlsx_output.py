"""``--format xlsx`` and ``--format csv-excel`` (SPEC 10, issue 11): workbooks with real numbers
and number formats, labels in the chosen language, a sheet per plan after a summary, frozen
headers, filters and print set-up; the same bytes for the same report; and a CSV a Vietnamese
Excel opens right. Checked with openpyxl, and with LibreOffice where it is installed (in CI it
must be: .ci/run installs it)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ansinh import api
from ansinh.render.report_formats import CSV_KEYS
from ansinh.render.sheet_columns import SHEET_COLUMNS
from ansinh.render.xlsx_report import _sheet_names, _text, write_workbook
from ansinh.text import LocalText
from conftest import REPO, run_cli

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)
KEYS = [column.key for column in SHEET_COLUMNS]


def column(key: str) -> int:
    """The 1-based column of a key in a plan's sheet."""
    return KEYS.index(key) + 1


def workbook_of(tmp_path: Path, *args: str, name: str = "r.xlsx") -> openpyxl.Workbook:
    target = tmp_path / name
    run = run_cli(*args, "--root", str(REPO), "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    return openpyxl.load_workbook(target)


def row_of(sheet: object, indicator: str, area: str = "hanoi") -> dict[str, object]:
    for cells in sheet.iter_rows(min_row=2):  # type: ignore[attr-defined]
        if cells[column("indicator") - 1].value == indicator and cells[column("area") - 1].value == area:
            return {key: cell for key, cell in zip(KEYS, cells, strict=False)}
    raise AssertionError(f"no row of {indicator} in {area}")


# --- the workbook -------------------------------------------------------------------------


def test_hanoi_beds_and_doctors_are_numbers_with_number_formats(tmp_path: Path) -> None:
    book = workbook_of(tmp_path, "report", "--period", "2022H1", "--format", "xlsx")
    assert book.sheetnames[0] == "Summary"
    assert "hanoi-08-ctr-tu" in book.sheetnames
    sheet = book["hanoi-08-ctr-tu"]
    beds = row_of(sheet, "beds-per-10k")
    assert beds["shortfall"].value == 4204 and beds["shortfall"].data_type == "n"
    assert beds["shortfall"].number_format == "#,##0"
    assert beds["shortfall_per_year"].value == 1202
    assert beds["target_count"].value == 27000 and beds["current_count"].value == 22796
    assert beds["current.value"].value == 27.5 and beds["current.value"].number_format == "#,##0.0"
    assert beds["target"].value == 30 and beds["target"].number_format == "#,##0"
    assert beds["years_left"].value == 3.5
    assert beds["required_per_year"].value == 0.7143 and beds["required_per_year"].number_format == "#,##0.0000"
    assert beds["percent_of_target"].value == pytest.approx(0.916667)
    assert beds["percent_of_target"].number_format == "0.00%"
    assert beds["target.deadline"].value == datetime(2025, 12, 31)
    assert beds["target.deadline"].is_date and beds["target.deadline"].number_format == "yyyy-mm-dd"
    assert beds["status"].value == "no trend"
    assert beds["current.status"].value == "final"
    assert beds["current.period"].value == "2022H1" and beds["current.period"].data_type == "s"
    assert "count-rate-mismatch" in beds["warnings"].value
    doctors = row_of(sheet, "doctors-per-10k")
    assert doctors["shortfall"].value == 367
    assert doctors["shortfall_per_year"].value == 105
    for cells in sheet.iter_rows(min_row=2):
        for key, cell in zip(KEYS, cells, strict=False):
            kind = next(each.kind for each in SHEET_COLUMNS if each.key == key)
            if cell.value is not None and kind != "text":
                assert not isinstance(cell.value, str), (key, cell.value)  # never a number as text


def test_a_flow_shows_its_share_of_the_total_as_a_percentage(tmp_path: Path) -> None:
    sheet = workbook_of(tmp_path, "report", "--period", "2024H1", "--format", "xlsx")["hanoi-08-ctr-tu"]
    trainees = row_of(sheet, "vocational-trainees")
    assert trainees["current.value"].value == 720493
    assert trainees["target"].value == 675000
    assert trainees["percent_of_target"].value == pytest.approx(1.067397)  # 106.74% of the total
    assert trainees["target.from"].value == datetime(2021, 1, 1)
    assert trainees["status"].value == "achieved"


def test_sheets_are_frozen_filtered_and_set_up_for_a4(tmp_path: Path) -> None:
    book = workbook_of(tmp_path, "report", "--period", "2022H1")
    for name in book.sheetnames:
        sheet = book[name]
        assert sheet.page_setup.paperSize == 9
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        assert sheet.oddFooter.center.text == "&P / &N"
        assert sheet.auto_filter.ref
    plan = book["hanoi-08-ctr-tu"]
    assert plan.freeze_panes == "C2"
    assert plan.print_title_rows == "$1:$1"
    assert plan.auto_filter.ref == f"A1:{plan.cell(1, len(KEYS)).column_letter}{plan.max_row}"
    assert [cell.value for cell in plan[1]] == [
        "Area",
        "Indicator",
        "Plan",
        "Area id",
        "Indicator id",
        "Lead agency",
        "Unit",
        "Baseline",
        "Baseline period",
        "Target type",
        "Target",
        "From",
        "Deadline",
        "Target count",
        "Latest",
        "Latest period",
        "Figure",
        "Latest count",
        "Gap",
        "Years left",
        "Needed a year",
        "Shortfall",
        "Shortfall a year",
        "Of target",
        "Progress ratio",
        "At this pace by the deadline",
        "Status",
        "Warnings",
    ]
    assert plan["A1"].font.bold


def test_the_summary_sheet_counts_and_links_every_plan(tmp_path: Path) -> None:
    book = workbook_of(tmp_path, "report", "--period", "2022H1")
    summary = book["Summary"]
    rows = list(summary.iter_rows(values_only=True))
    document = run_cli("report", "--period", "2022H1", "--root", str(REPO), "--format", "json").json()
    assert rows[0][0] == "Targets as of 2022-06-30"
    assert rows[2][:2] == ("As of", datetime(2022, 6, 30))
    assert rows[3][0] == "Method" and rows[3][1].startswith("linear")
    assert rows[4][:2] == ("Targets", document["summary"]["total"])
    by_status = {row[0]: row[1] for row in rows[8:16]}
    assert by_status["achieved"] == document["summary"]["achieved"]
    assert by_status["no data"] == document["summary"]["no_data"]
    heading = rows.index(next(row for row in rows if row[:3] == ("Plan", "Name", "Targets")))
    plans = {row[0]: row for row in rows[heading + 1 :]}
    assert set(plans) == set(book.sheetnames[1:])
    hanoi = [each for each in document["rows"] if each["plan"] == "hanoi-08-ctr-tu"]
    assert plans["hanoi-08-ctr-tu"][2] == len(hanoi)
    link = summary.cell(heading + 2, 1).hyperlink
    assert link is not None and link.location == f"'{book.sheetnames[1]}'!A1"
    assert book.properties.creator == "ansinh"
    assert book.properties.created == datetime(2022, 6, 30)


def test_labels_are_vietnamese_in_vietnamese(tmp_path: Path) -> None:
    book = workbook_of(tmp_path, "--lang", "vi", "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "xlsx")
    assert book.sheetnames[0] == "Tổng hợp"
    sheet = book["hanoi-08-ctr-tu"]
    assert [cell.value for cell in sheet[1]][:3] == ["Địa bàn", "Chỉ tiêu", "Kế hoạch"]
    beds = row_of(sheet, "beds-per-10k")
    assert beds["status"].value == "chưa rõ xu hướng"
    assert beds["current.status"].value == "chính thức"
    assert beds["unit"].value == "trên 10.000"
    assert beds["target.type"].value == "mức đạt đến hạn"
    assert beds["target.deadline"].number_format == "dd/mm/yyyy"
    assert beds["shortfall"].value == 4204  # the number is the same; Excel shows it as 4.204
    assert "22.796 giường bệnh" in beds["warnings"].value
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[2][0] == "Tính đến" and summary[3][0] == "Phương pháp"


def test_the_same_report_is_the_same_bytes(tmp_path: Path) -> None:
    args = ("report", "--period", "2022H1", "--root", str(REPO))
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli(*args, "-o", str(first)).exit_code == 0
    assert run_cli(*args, "-o", str(second), env={"TZ": "Asia/Ho_Chi_Minh"}).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_report_grouped_otherwise_still_has_a_sheet_per_plan(tmp_path: Path) -> None:
    book = workbook_of(tmp_path, "report", "--period", "2022H1", "--by", "status", "--format", "xlsx")
    plans = {
        row["plan"]
        for row in run_cli("report", "--period", "2022H1", "--root", str(REPO), "--format", "json").json()["rows"]
    }
    assert set(book.sheetnames[1:]) == plans


def test_text_is_kept_exactly_and_never_taken_for_a_formula(tmp_path: Path) -> None:
    project = api.load(REPO, warnings=False)
    day = api.as_of_date("2022H1")
    rows = api.gap(project, "beds-per-10k", day)
    document = api.report_document(project, "gap", day, "T & <t>", rows)
    odd = " =SUM(A1) & <b>\x07 _x0041_ "
    names = replace(document.names, areas={**document.names.areas, "hanoi": LocalText(vi=odd, en=odd)})
    document = replace(document, names=names)
    target = tmp_path / "odd.xlsx"
    write_workbook(document, "en", target)
    sheet = openpyxl.load_workbook(target)["hanoi-08-ctr-tu"]
    cell = sheet.cell(2, column("area.name"))
    assert cell.value.startswith(" =SUM(A1) & <b>") and cell.data_type == "s"
    # Escaped as xlsxwriter escapes text for Excel: control characters as _xHHHH_ (Excel reads
    # them back; openpyxl leaves inline strings as they are), a literal _xHHHH_ by its underscore.
    from xlsxwriter.xmlwriter import XMLwriter

    expected = XMLwriter()._escape_data(XMLwriter._escape_control_characters(odd))
    assert _text(odd) == f'<t xml:space="preserve">{expected}</t>'
    assert _text("a & b") == "<t>a &amp; b</t>"
    assert _text(" x") == '<t xml:space="preserve"> x</t>'


def test_sheet_names_are_valid_and_unique() -> None:
    names = _sheet_names(
        ["Summary", "a" * 40, "a" * 40, "x[1]:*?/\\", "'quoted'", "History", "SUMMARY", "summary~2", "Tổng hợp"]
    )
    assert len(set(map(str.lower, names))) == len(names)
    for name in names:
        assert 0 < len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
        assert name.lower() != "history"
    assert names[1] == "a" * 31 and names[2] == "a" * 29 + "~2"
    assert names[6] != "SUMMARY" and names[8] == "Tổng hợp"


# --- LibreOffice opens it -----------------------------------------------------------------


def soffice(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> None:
    assert SOFFICE is not None, "CI must install LibreOffice (.ci/run: libreoffice-calc-nogui)"
    profile = tmp_path / "lo-profile"
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=180, env={**os.environ, **(env or {})}, check=False
    )
    assert done.returncode == 0, done.stderr


@needs_soffice
def test_libreoffice_opens_the_workbook_and_reads_the_same_figures(tmp_path: Path) -> None:
    """Every sheet converts to CSV; with a Vietnamese locale LibreOffice shows the real numbers in
    the Vietnamese way, 4.204 and 27,5, which it could not do with numbers stored as text."""
    target = tmp_path / "r.xlsx"
    assert run_cli("report", "--period", "2022H1", "--root", str(REPO), "-o", str(target)).exit_code == 0
    out = tmp_path / "csv"
    # 59: ';' between cells, 34: '"' around text, 76: UTF-8, 1: from line 1, language 1066 (vi-VN),
    # then: not all quoted, detect numbers, save as shown, ..., -1: every sheet to its own file.
    options = "59,34,76,1,,1066,false,true,true,false,false,-1"
    soffice(
        tmp_path,
        "--convert-to",
        f"csv:Text - txt - csv (StarCalc):{options}",
        "--outdir",
        str(out),
        str(target),
        env={"LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8"},
    )
    book = openpyxl.load_workbook(target)
    files = sorted(path.name for path in out.iterdir())
    assert files == sorted(f"r-{name}.csv" for name in book.sheetnames)
    lines = list(csv.reader(io.StringIO((out / "r-hanoi-08-ctr-tu.csv").read_text(encoding="utf-8")), delimiter=";"))
    assert lines[0][:2] == ["Area", "Indicator"]
    beds = next(line for line in lines if line[column("indicator") - 1] == "beds-per-10k")
    assert beds[column("shortfall") - 1] == "4.204"
    assert beds[column("shortfall_per_year") - 1] == "1.202"
    assert beds[column("current.value") - 1] == "27,5"
    assert beds[column("current_count") - 1] == "22.796"
    assert beds[column("percent_of_target") - 1] == "91,67%"
    assert beds[column("target.deadline") - 1] == "2025-12-31"
    doctors = next(line for line in lines if line[column("indicator") - 1] == "doctors-per-10k")
    assert doctors[column("shortfall") - 1] == "367"


# --- the CSV for Excel ---------------------------------------------------------------------


def csv_excel(tmp_path: Path, lang: str, *args: str) -> bytes:
    target = tmp_path / f"{lang}.csv"
    run = run_cli(*args, "--root", str(REPO), "--format", "csv-excel", "-o", str(target), "--lang", lang)
    assert run.exit_code == 0, run.stderr
    return target.read_bytes()


def test_the_csv_for_excel_in_vietnamese(tmp_path: Path) -> None:
    data = csv_excel(tmp_path, "vi", "gap", "beds-per-10k", "--as-of", "2022H1")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF throughout
    text = data.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert lines[0][:3] == ["Địa bàn", "Chỉ tiêu", "Kế hoạch"]
    assert len(lines[0]) == len(SHEET_COLUMNS)
    beds = next(line for line in lines[1:] if line[column("area") - 1] == "hanoi")
    assert beds[column("shortfall") - 1] == "4204"  # never grouped: Excel would read 4.204 as a decimal
    assert beds[column("current_count") - 1] == "22796"
    assert beds[column("current.value") - 1] == "27,5"  # the decimal comma
    assert beds[column("required_per_year") - 1] == "0,7143"
    assert beds[column("percent_of_target") - 1] == "91,6667%"
    assert beds[column("target.deadline") - 1] == "2025-12-31"
    assert beds[column("status") - 1] == "chưa rõ xu hướng"
    # Read back without a spreadsheet: every figure parses as a number once the comma is a point.
    assert float(beds[column("years_left") - 1].replace(",", ".")) == 3.5


def test_the_csv_for_excel_in_english(tmp_path: Path) -> None:
    text = csv_excel(tmp_path, "en", "report", "--period", "2022H1").decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=","))
    assert lines[0][:3] == ["Area", "Indicator", "Plan"]
    beds = next(line for line in lines[1:] if line[column("indicator") - 1] == "beds-per-10k" and "hanoi" in line)
    assert beds[column("current.value") - 1] == "27.5"
    assert beds[column("shortfall") - 1] == "4204"
    assert beds[column("percent_of_target") - 1] == "91.6667%"


def test_the_csv_for_scripts_is_unchanged(tmp_path: Path) -> None:
    """No BOM, commas, a point, LF, the JSON's keys: what scripts have always read."""
    run = run_cli("gap", "beds-per-10k", "--as-of", "2022H1", "--root", str(REPO), "--format", "csv", "--lang", "vi")
    assert not run.stdout.startswith("\ufeff")
    assert "\r" not in run.stdout
    lines = list(csv.reader(io.StringIO(run.stdout)))
    assert lines[0] == CSV_KEYS
    beds = dict(zip(CSV_KEYS, next(line for line in lines[1:] if line[3] == "hanoi"), strict=True))
    assert beds["shortfall"] == "4204" and beds["current.value"] == "27.5"
    assert beds["percent_of_target"] == "91.6667"


def test_text_that_looks_like_a_formula_is_quoted_in_the_csv_for_excel() -> None:
    from ansinh.render.report_formats import CsvExcelPrinter
    from ansinh.render.sheet_columns import Kind

    printer = CsvExcelPrinter("vi", api.names(api.load(REPO, warnings=False)))
    assert printer._cell(Kind.TEXT, "=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert printer._cell(Kind.TEXT, "-x") == "'-x"
    assert printer._cell(Kind.TEXT, "Hà Nội") == "Hà Nội"


@needs_soffice
def test_libreoffice_in_vietnamese_reads_the_csv_for_excel_as_numbers(tmp_path: Path) -> None:
    source = tmp_path / "vi.csv"
    source.write_bytes(csv_excel(tmp_path, "vi", "gap", "beds-per-10k", "--as-of", "2022H1"))
    out = tmp_path / "xlsx"
    # 59: ';' between cells, 34: '"', 76: UTF-8, 1: from line 1, no column types, 1066: vi-VN.
    soffice(tmp_path, "--infilter=CSV:59,34,76,1,,1066", "--convert-to", "xlsx", "--outdir", str(out), str(source))
    sheet = openpyxl.load_workbook(out / "vi.xlsx").active
    assert sheet.cell(1, 1).value == "Địa bàn"
    beds = row_of(sheet, "beds-per-10k")
    assert beds["shortfall"].value == 4204 and beds["shortfall"].data_type == "n"
    assert beds["current.value"].value == 27.5
    assert beds["required_per_year"].value == 0.7143
    assert beds["percent_of_target"].value == pytest.approx(0.916667)
    assert beds["target.deadline"].value == datetime(2025, 12, 31)
