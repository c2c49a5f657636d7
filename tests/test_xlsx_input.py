"""Observations and bases from ``.xlsx`` workbooks (SPEC 10, issue 11): read as Excel means
their cells, through the same checks as CSV rows, every problem at its sheet and cell.

Workbooks are written two ways: by openpyxl (inline strings, formulas without results — what a
program writes) and by ``write_xlsx`` below, as Excel writes them (shared strings, a number as the
shortest text of its double, ``0.30000000000000004``), so that both of the reader's paths are used.
"""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from ansinh.files import xlsx_reader
from ansinh.files.cache import files_key
from ansinh.files.limits import LIMITS, Limits
from ansinh.files.loader import complete_warnings, load_project
from conftest import REPO, build_project, run_cli

HEADER = ["indicator", "area", "period", "value", "count", "source"]
BASE_HEADER = ["area", "base", "year", "value", "kind", "source"]

# --- workbooks as Excel writes them ------------------------------------------------------------

# Cell styles of ``write_xlsx``: the index of each in cellXfs.
GENERAL, PERCENT_1, DATE, PERCENT_2, GROUPED, DATE_TIME = range(6)


@dataclass(frozen=True)
class Cell:
    """A stored cell: its type (``t``), its value as stored, its style, a formula."""

    value: str | None
    kind: str = ""
    style: int = GENERAL
    formula: str | None = None


def number(stored: str, style: int = GENERAL) -> Cell:
    return Cell(stored, "", style)


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook as Excel saves one: text in the shared strings, numbers as written, the
    styles above. A cell is a ``Cell``, a ``str`` (shared text), an ``int`` or ``None``."""
    strings: dict[str, int] = {}
    parts: dict[str, str] = {}
    for number_of_sheet, rows in enumerate(sheets.values(), 1):
        body = []
        for row_number, row in enumerate(rows, 1):
            cells = []
            for position, cell in enumerate(row):
                reference = f"{xlsx_reader.column_letters(position + 1)}{row_number}"
                if cell is None:
                    continue
                if isinstance(cell, str):
                    index = strings.setdefault(cell, len(strings))
                    cells.append(f'<c r="{reference}" t="s"><v>{index}</v></c>')
                    continue
                stored = number(str(cell)) if isinstance(cell, int) else cell
                assert isinstance(stored, Cell)
                style = f' s="{stored.style}"' if stored.style else ""
                kind = f' t="{stored.kind}"' if stored.kind else ""
                formula = f"<f>{escape(stored.formula)}</f>" if stored.formula else ""
                value = "" if stored.value is None else f"<v>{escape(stored.value)}</v>"
                cells.append(f'<c r="{reference}"{style}{kind}>{formula}{value}</c>')
            body.append(f'<row r="{row_number}">{"".join(cells)}</row>')
        parts[f"xl/worksheets/sheet{number_of_sheet}.xml"] = (
            f'<worksheet xmlns="{xlsx_reader.MAIN}"><sheetData>{"".join(body)}</sheetData></worksheet>'
        )
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_list = "".join(
        f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(sheets, 1)
    )
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{xlsx_reader.MAIN}" xmlns:r="{relationships}"><sheets>{sheet_list}</sheets></workbook>'
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{relationships}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    relations += (
        f'<Relationship Id="rIdS" Type="{relationships}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rIdT" Type="{relationships}/styles" Target="styles.xml"/>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}'
        "</Relationships>"
    )
    items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in strings)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{xlsx_reader.MAIN}">{items}</sst>'
    parts["xl/styles.xml"] = (
        f'<styleSheet xmlns="{xlsx_reader.MAIN}"><numFmts><numFmt numFmtId="165" formatCode="0.0%"/>'
        '<numFmt numFmtId="166" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs>'
        '<xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="3"/>'
        '<xf numFmtId="166"/></cellXfs></styleSheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def project(tmp_path: Path):
    """``project(files={...})`` -> a new copy of the base example each call, those files on top."""
    made = iter(range(1000))

    def make(files: dict[str, str] | None = None) -> Path:
        return build_project(tmp_path / f"project-{next(made)}", files=files)

    return make


def observations_project(project, rows: list[list[object]], *, name: str = "observations.xlsx", **sheets) -> Path:
    """The base example with its observations replaced by a workbook of ``rows`` under the header
    (and any other ``sheets``)."""
    root = project()
    (root / "data" / "observations.csv").unlink()
    write_xlsx(root / "data" / name, {"Sheet1": [HEADER, *rows], **sheets})
    return root


def validate_json(root: Path, *args: str) -> tuple[int, dict]:
    run = run_cli("validate", "--root", str(root), "--format", "json", *args)
    return run.exit_code, run.json()


def problem_places(document: dict) -> set[tuple]:
    return {
        (problem["code"], problem["file"], problem.get("sheet"), problem["line"], problem["column"], problem["path"])
        for problem in document["errors"] + document["warnings"]
    }


# --- the same figures from CSV and from a workbook --------------------------------------------------

# The base example's observations, as a person keeps them in Excel: the beds count typed as a
# float, the poor-household rate formatted as a percentage, a period typed as a date, text with
# stray spaces and a line break.
CSV_ROWS = [
    "beds-per-10k,hanoi,2022H1,27.5,22796,giao ban 3/8/2022",
    "poor-rate,hanoi,2020,3,,",
    "poor-rate,hanoi,2022,2.2,,",
    "poor-rate,hanoi,2022-06-30,0.3,,",
    'trainees,hanoi,2021,230000,,"dòng một\ndòng hai"',
    "trainees,hanoi,2022,240000,,",
    "jobs,hanoi,2021H1,1300,,",
    "jobs,hanoi,2021H2,1600,,",
]
XLSX_ROWS: list[list[object]] = [
    ["beds-per-10k", " hanoi ", "2022H1", number("27.5"), number("22796.0", GROUPED), "giao ban 3/8/2022"],
    ["poor-rate", "hanoi", number("2020"), number("0.03", PERCENT_1)],
    ["poor-rate", "hanoi", "2022", number("2.2000000000000002E-2", PERCENT_2)],
    ["poor-rate", "hanoi", number("44742", DATE), number("0.30000000000000004")],
    ["trainees", "hanoi", "2021", number("230000"), None, "dòng một\ndòng hai"],
    ["trainees", "hanoi", "2022", "240000"],
    ["jobs", "hanoi", "2021H1", 1300],
    [],
    ["jobs", "hanoi", "2021H2", number("1.6E3")],
]


def test_the_same_rows_give_the_same_bytes_from_csv_and_from_a_workbook(project) -> None:
    from_csv = project(files={"data/observations.csv": "\n".join([",".join(HEADER), *CSV_ROWS]) + "\n"})
    from_xlsx = observations_project(project, XLSX_ROWS)
    outputs = []
    for root in (from_csv, from_xlsx):
        commands = [
            ("report", "--period", "2022", "--format", "json"),
            ("gap", "poor-rate", "--as-of", "2022H1", "--format", "json"),
            ("report", "--period", "2022H1", "--format", "csv"),
        ]
        runs = [run_cli(*command, "--root", str(root)) for command in commands]
        assert all(run.exit_code == 0 for run in runs), [run.stderr for run in runs]
        outputs.append([run.stdout for run in runs])
        # After the comparison, so that a difference shows; and the figures worked out by hand.
    assert outputs[0] == outputs[1]
    rows = {row["indicator"]: row for row in json.loads(outputs[1][0])["rows"]}
    assert rows["beds-per-10k"]["current"] == {
        **rows["beds-per-10k"]["current"],
        "value": 27.5,
        "count": 22796,
        "period": "2022H1",
    }
    assert rows["beds-per-10k"]["shortfall"] == 4204
    assert rows["poor-rate"]["current"]["value"] == 2.2  # 0.022 formatted as a percentage
    assert rows["trainees"]["current"]["value"] == 470000
    midyear = json.loads(outputs[1][1])["rows"][0]["current"]
    assert (midyear["period"], midyear["date"], midyear["value"]) == ("2022-06-30", "2022-06-30", 0.3)


def test_validate_is_clean_and_counts_the_workbook(project) -> None:
    root = observations_project(project, XLSX_ROWS)
    code, document = validate_json(root, "--strict")
    assert (code, document) == (0, {"ok": True, "errors": [], "warnings": []})
    text = run_cli("validate", "--root", str(root))
    assert "0 errors, 0 warnings in 5 files" in text.stderr


def test_cells_as_excel_shows_them() -> None:
    assert xlsx_reader.number_text("0.30000000000000004") == "0.3"
    assert xlsx_reader.number_text("22796.0") == "22796"
    assert xlsx_reader.number_text("0.3333333333333333") == "0.333333333333333"
    assert xlsx_reader.number_text("2.75E1") == "27.5"
    assert xlsx_reader.number_text("1E-3") == "0.001"
    assert xlsx_reader.number_text("8526831.5") == "8526831.5"
    assert xlsx_reader.percent_text("0.989") == "98.9%"
    assert xlsx_reader.percent_text("0.98899999999999999") == "98.9%"
    assert xlsx_reader.percent_text("1") == "100%"
    assert xlsx_reader.serial_date("44742", date1904=False) == "2022-06-30"
    assert xlsx_reader.serial_date("43280", date1904=True) == "2022-06-30"
    assert xlsx_reader.serial_date("44742.5", date1904=False) is None
    with pytest.raises(ValueError):
        xlsx_reader.number_text("x")


def test_a_workbook_written_by_openpyxl_reads_as_the_csv(project) -> None:
    """Inline strings, real dates and floats, a title row above the header: the expat path."""
    root = project()
    (root / "data" / "observations.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Y tế"
    sheet.append(["Báo cáo số liệu y tế năm 2022"])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["beds-per-10k", "hanoi", "2022H1", 27.5, 22796.0, "giao ban 3/8/2022"])
    sheet.append(["poor-rate", "hanoi", 2020, 0.03])
    sheet["D5"].number_format = "0%"
    sheet.append(["poor-rate", "hanoi", datetime.date(2022, 12, 31), 0.022])
    sheet["D6"].number_format = "0.0%"
    for row in (["trainees", "hanoi", "2021", 230000], ["trainees", "hanoi", "2022", 240000]):
        sheet.append(row)
    sheet.append(["jobs", "hanoi", "2021H1", 1300])
    sheet.append(["jobs", "hanoi", "2021H2", 1600])
    book.save(root / "data" / "y-te.xlsx")
    code, document = validate_json(root, "--strict")
    assert (code, document["errors"], document["warnings"]) == (0, [], [])
    report = run_cli("report", "--root", str(root), "--period", "2022", "--format", "json").json()
    rows = {row["indicator"]: row for row in report["rows"]}
    assert rows["poor-rate"]["current"]["value"] == 2.2
    assert rows["poor-rate"]["current"]["period"] == "2022-12-31"
    assert rows["beds-per-10k"]["shortfall"] == 4204


# --- no silent misreading ---------------------------------------------------------------------


def test_an_error_cell_fails_at_its_cell_in_text_json_and_github(project) -> None:
    root = observations_project(
        project,
        [
            ["beds-per-10k", "hanoi", "2022H1", number("27.5"), number("22796")],
            ["poor-rate", "hanoi", "2022", Cell("#DIV/0!", "e", formula="B9/C9")],
        ],
    )
    code, document = validate_json(root)
    assert code == 1 and document["ok"] is False
    (error,) = document["errors"]
    assert error == {
        "file": "data/observations.xlsx",
        "sheet": "Sheet1",
        "line": 3,
        "column": 4,
        "path": "value",
        "code": "excel-error-cell",
        "message": error["message"],
    }
    assert "#DIV/0!" in error["message"]
    text = run_cli("validate", "--root", str(root))
    assert text.exit_code == 1
    assert "data/observations.xlsx" in text.stderr
    assert "Sheet1!D3" in text.stderr and "excel-error-cell" in text.stderr and "#DIV/0!" in text.stderr
    github = run_cli("validate", "--root", str(root), "--format", "github").stdout
    assert "::error file=data/observations.xlsx::Sheet1!D3: value: the cell shows the error #DIV/0!" in github
    vietnamese = run_cli("validate", "--root", str(root), "--lang", "vi").stderr
    assert "Sheet1!D3" in vietnamese and "ô đang hiện lỗi #DIV/0!" in vietnamese
    # Every other command refuses to compute.
    assert run_cli("report", "--root", str(root)).exit_code == 1


@pytest.mark.parametrize(
    ("cell", "code", "words"),
    [
        (Cell("#N/A", "e"), "excel-error-cell", "#N/A"),
        (Cell("#VALUE!", "str"), "bad-number", "'#VALUE!' is not a number"),
        (Cell(None, "", formula="B2*2"), "excel-error-cell", "open the file in Excel and save it"),
        (Cell("1", "b"), "excel-cell-type", "TRUE"),
        (number("44742", DATE), "excel-cell-type", "the date 2022-06-30"),
        ("22.796", "ambiguous-number", "22796"),
        ("1,234.5", "bad-number", "1,234.5"),
        (number("-1"), "bad-number", "-1"),
        (number("1E+20"), "bad-number", "100000000000000000000"),
    ],
)
def test_a_cell_that_is_not_a_figure_is_an_error_at_its_cell(project, cell: object, code: str, words: str) -> None:
    root = observations_project(
        project, [["beds-per-10k", "hanoi", "2022H1", number("27.5"), 22796], ["poor-rate", "hanoi", "2022", cell]]
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    (error,) = document["errors"]
    assert (error["code"], error.get("sheet"), error["line"], error["column"], error["path"]) == (
        code,
        "Sheet1",
        3,
        4,
        "value",
    )
    assert words in error["message"]


def test_text_cells_are_read_as_a_semicolon_csv_reads_them(project) -> None:
    """``27,5`` typed as text is 27.5; ``22.796`` in a count may be 22796: an error, as in CSV."""
    root = observations_project(
        project,
        [
            ["beds-per-10k", "hanoi", "2022H1", "27,5", "22.796"],
            ["poor-rate", "hanoi", "2022", "2,2"],
        ],
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    (error,) = document["errors"]
    assert (error["code"], error["line"], error["column"], error["path"]) == ("ambiguous-number", 2, 5, "count")
    fixed = observations_project(
        project, [["beds-per-10k", "hanoi", "2022H1", "27,5", "22796"], ["poor-rate", "hanoi", "2022", "2,2%"]]
    )
    rows = run_cli("report", "--root", str(fixed), "--period", "2022", "--format", "json").json()["rows"]
    assert [row["current"]["value"] for row in rows[:2]] == [27.5, 2.2]


def test_a_percent_formatted_cell_is_an_error_for_another_unit(project) -> None:
    root = observations_project(project, [["beds-per-10k", "hanoi", "2022H1", number("0.275", PERCENT_1)]])
    exit_code, document = validate_json(root)
    (error,) = document["errors"]
    assert exit_code == 1 and (error["code"], error["line"], error["column"]) == ("bad-number", 2, 4)
    assert "27.5%" in error["message"] and "per_10k" in error["message"]


def test_a_date_with_a_time_is_not_a_period(project) -> None:
    root = observations_project(project, [["poor-rate", "hanoi", number("44742.5", DATE_TIME), number("2.2")]])
    exit_code, document = validate_json(root)
    (error,) = document["errors"]
    assert exit_code == 1 and (error["code"], error["line"], error["column"], error["path"]) == (
        "excel-cell-type",
        2,
        3,
        "period",
    )


def test_a_value_beyond_the_header_is_an_error(project) -> None:
    root = observations_project(project, [["poor-rate", "hanoi", "2022", number("2.2"), None, None, "stray"]])
    exit_code, document = validate_json(root)
    (error,) = document["errors"]
    assert exit_code == 1 and (error["code"], error["line"], error["column"]) == ("csv-row-length", 2, 7)
    assert "'stray' stands in column G" in error["message"]


def test_problems_of_the_csv_checks_are_at_their_cells(project) -> None:
    """Unknown ids, bad periods and duplicates across sheets: the same checks, placed in sheets."""
    root = observations_project(
        project,
        [["beds-per-10k", "hanoi", "2022H1", number("27.5"), 22796], ["poor-rate", "ha-noi", "2022", number("2.2")]],
        Sheet2=[
            ["Tổng hợp"],
            ["period", "indicator", "area", "value"],
            ["2022h1", "beds-per-10k", "hanoi", number("28")],
            ["31/12/2023", "poor-rate", "hanoi", number("2")],
        ],
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    assert problem_places(document) == {
        ("unknown-reference", "data/observations.xlsx", "Sheet1", 3, 2, "area"),
        ("bad-period", "data/observations.xlsx", "Sheet2", 4, 1, "period"),
        ("conflicting-observation", "data/observations.xlsx", "Sheet2", 3, 4, "value"),
    }
    conflict = next(error for error in document["errors"] if error["code"] == "conflicting-observation")
    assert "in data/observations.xlsx, sheet Sheet1, row 2" in conflict["message"]
    text = run_cli("validate", "--root", str(root)).stderr
    assert "Sheet1!B3" in text and "Sheet2!A4" in text and "Sheet2!D3" in text


def test_a_sheet_without_the_columns_is_named_as_not_read(project) -> None:
    root = observations_project(
        project,
        [["beds-per-10k", "hanoi", "2022H1", number("27.5"), 22796]],
        **{"Ghi chú": [["Nguồn", "Ghi chú"], ["Sở Y tế", "số liệu sơ bộ"]], "Trống": []},
    )
    exit_code, document = validate_json(root)
    assert exit_code == 0 and document["errors"] == []
    assert problem_places(document) == {
        ("sheet-not-read", "data/observations.xlsx", "Ghi chú", None, None, ""),
        ("sheet-not-read", "data/observations.xlsx", "Trống", None, None, ""),
    }
    message = next(warning["message"] for warning in document["warnings"] if warning.get("sheet") == "Ghi chú")
    assert "the sheet 'Ghi chú' is not read: no row at its top names the columns indicator" in message
    assert run_cli("validate", "--root", str(root), "--strict").exit_code == 1
    assert "'Ghi chú'" in run_cli("validate", "--root", str(root)).stderr


def test_a_header_with_a_misspelt_column_is_an_error_on_its_row(project) -> None:
    root = project()
    (root / "data" / "observations.csv").unlink()
    write_xlsx(
        root / "data" / "observations.xlsx",
        {"Sheet1": [["Số liệu"], [*HEADER[:4], "cuont"], ["poor-rate", "hanoi", "2022", number("2.2")]]},
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    assert problem_places(document) == {("csv-header", "data/observations.xlsx", "Sheet1", 2, 5, "cuont")}
    assert "did you mean 'count'" in document["errors"][0]["message"]


def test_a_base_workbook_is_read(project) -> None:
    root = project()
    (root / "data" / "bases" / "population.csv").unlink()
    write_xlsx(
        root / "data" / "bases" / "population.xlsx",
        {
            "population": [
                BASE_HEADER,
                ["hanoi", "population", number("2022"), number("8290000"), "estimate", "test figure"],
                ["hanoi", "population", "2025", number("9000000.0"), "derived", "27000 beds = 30 per 10000"],
            ],
            "households": [
                BASE_HEADER,
                ["hanoi", "households", 2022, number("2.3E6"), "estimate"],
                ["hanoi", "households", 2025, 2400000, "projection"],
                ["hanoi", "households", number("44742", DATE), 2400000, "projection"],
            ],
        },
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    assert problem_places(document) == {
        ("excel-cell-type", "data/bases/population.xlsx", "households", 4, 3, "year"),
    }
    (root / "data" / "bases" / "population.xlsx").unlink()
    write_xlsx(
        root / "data" / "bases" / "population.xlsx",
        {
            "Sheet1": [
                BASE_HEADER,
                ["hanoi", "population", 2022, 8290000, "estimate"],
                ["hanoi", "population", 2025, 9000000, "derived"],
                ["hanoi", "households", 2022, 2300000, "estimate"],
                ["hanoi", "households", 2025, 2400000, "projection"],
            ]
        },
    )
    assert validate_json(root)[0] == 0
    rows = run_cli("report", "--root", str(root), "--period", "2022", "--format", "json").json()["rows"]
    assert rows[0]["shortfall"] == 4204 and rows[0]["target_count"] == 27000
    assert rows[1]["current_count"] == 50600  # 2.2% of 2,300,000 households


def test_a_conflicting_base_names_the_other_sheet(project) -> None:
    root = project()
    write_xlsx(
        root / "data" / "bases" / "more.xlsx",
        {"Sheet1": [BASE_HEADER, ["hanoi", "population", 2022, 8300000, "estimate"]]},
    )
    exit_code, document = validate_json(root)
    assert exit_code == 1
    (error,) = document["errors"]
    assert (error["code"], error["file"], error.get("sheet"), error["line"], error["column"]) == (
        "conflicting-base",
        "data/bases/population.csv",
        None,
        2,
        4,
    )
    assert "8,300,000 in data/bases/more.xlsx, sheet Sheet1, row 2" in error["message"]


# --- files that are not workbooks, and hostile ones ----------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"indicator,area,period,value\n", "this workbook cannot be read"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "password-protected"),
        (b"", "this workbook cannot be read"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_a_clear_error(project, content: bytes, words: str) -> None:
    root = project()
    (root / "data" / "y-te.xlsx").write_bytes(content)
    exit_code, document = validate_json(root)
    assert exit_code == 1
    (error,) = document["errors"]
    assert (error["file"], error.get("sheet"), error["code"]) == ("data/y-te.xlsx", None, "file-unreadable")
    assert words in error["message"]
    run = subprocess.run(
        [sys.executable, "-m", "ansinh", "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        env={"ANSINH_NO_CACHE": "1", "ANSINH_LANG": "en", "PATH": ""},
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr and "data/y-te.xlsx" in run.stderr


def test_a_damaged_sheet_is_a_clear_error(project) -> None:
    root = observations_project(project, [["poor-rate", "hanoi", "2022", number("2.2")]])
    path = root / "data" / "observations.xlsx"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</row>", b"</rw>", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    exit_code, document = validate_json(root)
    assert exit_code == 1
    assert [(error["file"], error["code"]) for error in document["errors"]] == [
        ("data/observations.xlsx", "file-unreadable")
    ]


def test_a_zip_bomb_is_refused_before_it_is_inflated(project) -> None:
    root = observations_project(project, [["poor-rate", "hanoi", "2022", number("2.2")]])
    bomb = root / "data" / "bomb.xlsx"
    write_xlsx(bomb, {"Sheet1": [HEADER]})
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b"<row/>" * (3 * 1024 * 1024))  # 18 MB that deflates 1000-fold
    exit_code, document = validate_json(root)
    assert exit_code == 1
    (error,) = document["errors"]
    assert (error["file"], error["code"]) == ("data/bomb.xlsx", "file-too-large")
    assert "xl/padding.xml" in error["message"]
    small = Limits(xlsx_expanded_bytes=1000)
    project_read = load_project(root, small)
    assert {(problem.file, problem.code) for problem in project_read.errors} == {
        ("data/bomb.xlsx", "file-too-large"),
        ("data/observations.xlsx", "file-too-large"),
    }
    too_big = Limits(xlsx_bytes=100)
    assert any(problem.code == "file-too-large" for problem in load_project(root, too_big).errors)


def test_other_spreadsheets_and_lock_files(project) -> None:
    root = project()
    (root / "data" / "y-te.xlsm").write_bytes(b"PK\x03\x04")
    (root / "data" / "y-te.ods").write_bytes(b"PK\x03\x04")
    (root / "data" / "~$y-te.xlsx").write_bytes(b"x")
    exit_code, document = validate_json(root)
    assert exit_code == 0
    assert {(warning["file"], warning["code"]) for warning in document["warnings"]} == {
        ("data/y-te.xlsm", "file-not-read"),
        ("data/y-te.ods", "file-not-read"),
    }
    assert all("Excel Workbook (.xlsx" in warning["message"] for warning in document["warnings"])


# --- the rest of ansinh around a workbook ----------------------------------------------------------


def test_validate_paths_names_a_workbook(project) -> None:
    root = observations_project(project, [["poor-rate", "hanoi", "2022", Cell("#N/A", "e")]])
    (root / "targets" / "plan-a.yaml").write_text(
        (root / "targets" / "plan-a.yaml").read_text(encoding="utf-8").replace("value: 30", "vlaue: 30"),
        encoding="utf-8",
    )
    run = run_cli("validate", str(root / "data" / "observations.xlsx"), "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    places = {(error["file"], error.get("sheet")) for error in run.json()["errors"]}
    assert places == {("data/observations.xlsx", "Sheet1")}


def test_warnings_in_a_workbook_are_at_their_cells_read_whole_or_completed(project) -> None:
    """A count-rate mismatch is at its count cell, whether the project was read with its
    warnings or given them afterwards (as the cache does), and through a pickle."""
    root = observations_project(
        project,
        [],
        Sheet2=[
            ["Ghi chú"],
            ["source", "count", "value", "period", "area", "indicator"],
            [None, 20000, number("27.5"), "2022H1", "hanoi", "beds-per-10k"],
        ],
    )
    whole = load_project(root)
    later = load_project(root, warnings=False)
    complete_warnings(later)
    mismatch = [problem for problem in whole.problems if problem.code == "count-rate-mismatch"]
    assert [(problem.file, problem.sheet, problem.line, problem.column, problem.cell) for problem in mismatch] == [
        ("data/observations.xlsx", "Sheet2", 3, 2, "Sheet2!B3")
    ]
    assert whole.problems == later.problems
    copy = pickle.loads(pickle.dumps(whole))
    (series,) = [series for series in copy.observations.all_series() if series.indicator == "beds-per-10k"]
    observation = series.observation(0)
    assert (observation.file, observation.line) == ("data/observations.xlsx\0Sheet2", 3)


def test_the_cache_key_covers_workbooks(project) -> None:
    root = observations_project(project, XLSX_ROWS)
    key = files_key(root, LIMITS)
    write_xlsx(root / "data" / "observations.xlsx", {"Sheet1": [HEADER, *XLSX_ROWS[:-1]]})
    assert files_key(root, LIMITS) != key


def test_help_does_not_load_the_workbook_reader() -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ansinh", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert "xlsx_reader" not in run.stderr and "openpyxl" not in run.stderr


# --- a property: a workbook and its CSV twin print the same ------------------------------------------

# (as stored in the workbook, as the same cell is written in a ';' CSV file)
NUMBER_CELLS = [
    (number("27.5"), "27,5"),
    (number("27.499999999999996"), "27,5"),
    (number("22796.0"), "22796"),
    (number("2.2000000000000002"), "2,2"),
    (number("1300"), "1300"),
    (number("0"), "0"),
    (number("120"), "120"),
    (number("-1"), "-1"),
    (number("0.989", PERCENT_1), "98,9%"),
    (number("2.1999999999999999E-2", PERCENT_2), "2,2%"),
    (Cell("#DIV/0!", "e"), None),
    (Cell(None, "", formula="A1"), None),
    ("27,5", "27,5"),
    ("22,796", "22,796"),
    ("22.796", "22.796"),
    (" 28 ", "28"),
    ("x", "x"),
    ("", ""),
]
COUNT_CELLS = [(None, ""), (number("22796"), "22796"), (number("22796.5"), "22796,5"), ("22.796", "22.796")]
PERIOD_CELLS = [
    ("2022H1", "2022H1"),
    (number("2023"), "2023"),
    ("2024", "2024"),
    (number("44742", DATE), "2022-06-30"),
    (number("45291", DATE), "2023-12-31"),
    ("2022h1", "2022h1"),
    ("", ""),
]
IDS = [("beds-per-10k", "beds-per-10k"), ("poor-rate", "poor-rate"), ("jobs", "jobs"), ("Beds", "Beds")]


def _twin_cases():
    from hypothesis import strategies as st

    row = st.tuples(
        st.sampled_from(IDS), st.sampled_from(PERIOD_CELLS), st.sampled_from(NUMBER_CELLS), st.sampled_from(COUNT_CELLS)
    )
    return st.lists(row, max_size=8)


def _as_csv_cell(text: str) -> str:
    return f'"{text}"' if ";" in text or '"' in text else text


from hypothesis import HealthCheck, given, settings  # noqa: E402 - the property's own imports

from test_spreadsheet_inputs import EXAMPLES_COUNT  # noqa: E402


@settings(
    max_examples=EXAMPLES_COUNT,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=_twin_cases())
def test_a_workbook_and_its_csv_twin_print_the_same(tmp_path_factory: pytest.TempPathFactory, rows: list) -> None:
    """The same cells as a workbook and as the ';' CSV file Excel would export: the same figures,
    and the same problems at the same rows and columns, whatever the cells hold."""
    header = ["indicator", "area", "period", "value", "count"]
    twin = build_project(tmp_path_factory.mktemp("csv") / "p")
    book = build_project(tmp_path_factory.mktemp("xlsx") / "p")
    (book / "data" / "observations.csv").unlink()
    workbook_rows: list[list[object]] = [header]
    lines = [";".join(header)]
    errors_in_workbook = set()
    for number_of_row, ((indicator, _), (period, period_text), (value, value_text), (count, count_text)) in enumerate(
        rows, 2
    ):
        workbook_rows.append([indicator, "hanoi", period, value, count])
        if value_text is None:  # an error cell: the twin's is empty, an error of its own at that cell
            errors_in_workbook.add(number_of_row)
        written = (indicator, "hanoi", period_text, value_text or "", count_text)
        lines.append(";".join(_as_csv_cell(cell) for cell in written))
    (twin / "data" / "observations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_xlsx(book / "data" / "observations.xlsx", {"Sheet1": workbook_rows})

    def same_words(message: str) -> str:
        """A message with its places and numbers written alike: the twin's rows are the sheet's."""
        return message.replace("data/observations.xlsx, sheet Sheet1, row ", "data/observations.csv:").replace(",", ".")

    def problems(root: Path) -> list[tuple]:
        document = run_cli("validate", "--root", str(root), "--format", "json").json()
        return sorted(
            (problem["code"], problem["line"], problem["column"], problem["path"], same_words(problem["message"]))
            for problem in document["errors"] + document["warnings"]
            if not (problem["line"] in errors_in_workbook and problem["path"] == "value")
        )

    from_csv, from_xlsx = problems(twin), problems(book)
    assert from_xlsx == from_csv
    workbook_errors = {
        problem["line"]
        for problem in run_cli("validate", "--root", str(book), "--format", "json").json()["errors"]
        if problem["code"] == "excel-error-cell"
    }
    assert workbook_errors == errors_in_workbook
    for command in (["report", "--period", "2024", "--format", "json"], ["gap", "poor-rate", "--as-of", "2022H1"]):
        from_twin, from_book = run_cli(*command, "--root", str(twin)), run_cli(*command, "--root", str(book))
        if errors_in_workbook:  # the twin has left those rows out: the workbook is refused
            assert from_book.exit_code == 1 and from_book.stdout == ""
        else:
            assert (from_book.exit_code, from_book.stdout) == (from_twin.exit_code, from_twin.stdout)


def test_the_quick_pattern_and_expat_read_the_same_cells() -> None:
    """The two ways a block of rows is read agree on what Excel writes; what the pattern does
    not account for goes to expat."""
    block = (
        '<row r="2" spans="1:4"><c r="A2" t="s"><v>0</v></c><c r="B2" s="3"/><c r="C2" s="1"><v>0.989</v></c>'
        '<c r="D2" t="e"><v>#N/A</v></c></row><row r="5"><c r="AA5"><v>22796</v></c></row>'
    )
    quick = xlsx_reader._fast_rows(block)
    assert quick is not None
    full = xlsx_reader._expat_rows(block, "")
    assert [(number, [cell for cell in cells if cell[3] != ""]) for number, cells in quick] == full
    assert full == [
        (2, [("A", "", "s", "0"), ("C", "1", "", "0.989"), ("D", "", "e", "#N/A")]),
        (5, [("AA", "", "", "22796")]),
    ]
    for other in (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>hanoi</t></is></c></row>',
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>',
        '<row r="2"><c r="A2" t="s" s="1"><v>0</v></c></row>',
        '<row r="2"/><row r="3"><c r="A3"><v>1</v></c></row>',
    ):
        assert xlsx_reader._fast_rows(other) is None, other
    assert xlsx_reader._expat_rows('<x:row r="7"><x:c r="B7"><x:v>1.5</x:v></x:c></x:row>', "x:") == [
        (7, [("B", "", "", "1.5")])
    ]


def test_a_workbook_reads_the_same_from_the_cache(project, tmp_path: Path) -> None:
    """Cold, then warm from the cache entry the cold run wrote: the same output, problems at
    their cells (the sheets' row numbers travel with the pickled project)."""
    from ansinh.files import cache

    root = observations_project(
        project,
        [["beds-per-10k", "hanoi", "2022H1", number("27.5"), 20000], ["poor-rate", "hanoi", "2022", Cell("#N/A", "e")]],
    )
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    env = {"ANSINH_NO_CACHE": "", "ANSINH_CACHE_DIR": str(folder)}
    printed = []
    for _ in ("cold", "warm"):
        run = run_cli("validate", "--root", str(root), "--format", "json", env=env)
        work = list(cache._pending)
        cache._pending.clear()
        cache._write_all(work)
        printed.append((run.exit_code, run.stdout))
    assert list(folder.glob("*.pickle"))
    assert printed[0] == printed[1]
    assert printed[0] == (1, run_cli("validate", "--root", str(root), "--format", "json").stdout)
    errors = json.loads(printed[1][1])["errors"]
    places = {(error["code"], error.get("sheet"), error["line"], error["column"]) for error in errors}
    assert places == {("excel-error-cell", "Sheet1", 3, 4)}


def test_explain_names_the_sheet_and_row_of_the_figure_used(project) -> None:
    root = observations_project(project, XLSX_ROWS)
    run = run_cli("gap", "beds-per-10k", "--root", str(root), "--as-of", "2022H1", "--explain", env={"COLUMNS": "200"})
    assert run.exit_code == 0
    line = next(line for line in run.stdout.splitlines() if "Figure used" in line)
    assert line.strip().startswith("Figure used: data/observations.xlsx, sheet Sheet1, row ")
    assert "\x00" not in run.stdout


def test_a_workbook_left_out_part_way_leaves_the_next_files_rows_where_they_are(project) -> None:
    """A workbook whose second sheet is broken is left out whole; the rows of the CSV file read
    after it keep their own file and line (its conflict is at data/b.csv:3)."""
    root = project()
    (root / "data" / "observations.csv").unlink()
    rows = [["poor-rate", "hanoi", str(year), number("2.5")] for year in range(2015, 2021)]
    path = write_xlsx(root / "data" / "a.xlsx", {"S1": [HEADER, *rows], "S2": [HEADER, *rows, *rows]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"][:-40]  # cut off mid-sheet
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (root / "data" / "b.csv").write_text(
        "indicator,area,period,value\nbeds-per-10k,hanoi,2023,28\nbeds-per-10k,hanoi,2023,29\n",
        encoding="utf-8",
    )
    _code, document = validate_json(root)
    places = {(error["code"], error["file"], error["line"]) for error in document["errors"]}
    assert ("conflicting-observation", "data/b.csv", 3) in places
    assert any(error["file"] == "data/a.xlsx" and error["code"] == "file-unreadable" for error in document["errors"])


def test_the_warnings_worked_out_after_reading_name_their_cell_in_a_workbook(project) -> None:
    """``outside-lifetime`` and ``rollup-mismatch`` are found once the project is read; in a
    workbook, as in a CSV file, they name the cell (sheet, row, column)."""
    areas = (
        "areas:\n  - {id: hanoi, name: Hà Nội, level: province}\n"
        "  - {id: phuc-tho, name: Huyện Phúc Thọ, level: district, parent: hanoi, until: 2025-06-30}\n"
    )
    root = project(files={"targets/areas.yaml": areas})
    (root / "data" / "observations.csv").unlink()
    rows = [
        ["poor-rate", "phuc-tho", "2026", number("1.0")],  # after phuc-tho ended: C2, the period
        ["trainees", "phuc-tho", "2022", number("500")],  # hanoi's only district: a roll-up of 500
        ["trainees", "hanoi", "2022", number("800")],  # ... against hanoi's own 800: D4, the value
    ]
    write_xlsx(root / "data" / "observations.xlsx", {"Sheet1": [HEADER, *rows]})
    _code, document = validate_json(root)
    places = {(each["code"], each.get("sheet"), each["line"], each["column"]) for each in document["warnings"]}
    assert ("outside-lifetime", "Sheet1", 2, 3) in places
    assert ("rollup-mismatch", "Sheet1", 4, 4) in places
