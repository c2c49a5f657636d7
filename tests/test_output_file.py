"""``-o FILE`` and ``--force`` (SPEC 10, "Files out"): the format from the suffix, a file written
whole or not at all, never over a file ansinh did not write, one line on stderr, exit 2 for
every problem with the destination — through the library and the CLI end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ansinh.render.output_file import (
    DOCUMENT_WRITERS,
    Destination,
    OutputError,
    Signature,
    choose,
    replace,
    write_text,
    written_by_ansinh,
)
from ansinh.render.report_formats import PRINTERS, RowFormat
from conftest import REPO, run_cli

OFFERED = [each.value for each in RowFormat]
GAP = ("gap", "beds-per-10k", "--as-of", "2022H1", "--plan", "hanoi-08-ctr-tu", "--root", str(REPO))
REPORT = ("report", "--period", "2022H1", "--root", str(REPO))


def leftovers(folder: Path) -> list[str]:
    """What a write left besides the files the test expects: temporary files are hidden."""
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_every_format_is_printed_or_written_whole() -> None:
    """A format is a printer (text, row by row) or a document writer (a file laid out whole),
    never both, never neither. (This replaces test_cli_rows' ``set(PRINTERS) == set(RowFormat)``.)"""
    assert set(PRINTERS) | set(DOCUMENT_WRITERS) == set(RowFormat)
    assert not set(PRINTERS) & set(DOCUMENT_WRITERS)


# --- choosing the format and destination -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("r.json", "json"),
        ("r.csv", "csv"),
        ("r.md", "markdown"),
        ("R.MD", "markdown"),
        ("r.markdown", "markdown"),
        ("r.txt", "table"),
        ("r.xlsx", "xlsx"),
        ("r.html", "html"),
        ("r.htm", "html"),
        ("r.pdf", "pdf"),
    ],
)
def test_the_format_follows_the_suffix(tmp_path: Path, name: str, expected: str) -> None:
    chosen = choose(None, str(tmp_path / name), False, terminal=True, offered=OFFERED)
    assert chosen.format == expected
    assert chosen.path == tmp_path / name


def test_a_format_given_must_match_the_suffix(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as error:
        choose("csv", str(tmp_path / "r.json"), False, terminal=False, offered=OFFERED)
    assert error.value.text.key == "output.suffix_conflict"
    # The CSV for Excel is a .csv too; an unknown suffix takes any format.
    assert choose("csv-excel", str(tmp_path / "r.csv"), False, terminal=False, offered=OFFERED).format == "csv-excel"
    assert choose("json", str(tmp_path / "r.out"), False, terminal=False, offered=OFFERED).format == "json"


def test_a_suffix_that_names_no_format_needs_format(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as error:
        choose(None, str(tmp_path / "report"), False, terminal=False, offered=OFFERED)
    assert error.value.text.key == "output.unknown_suffix"
    # A command that offers no PDF (compare, say) does not take .pdf for one.
    with pytest.raises(OutputError):
        choose(None, str(tmp_path / "r.pdf"), False, terminal=False, offered=["table", "json"])


def test_file_formats_need_a_file_and_binary_ones_no_terminal() -> None:
    for chosen in ("xlsx", "html", "pdf"):
        with pytest.raises(OutputError) as error:
            choose(chosen, None, False, terminal=False, offered=OFFERED)
        assert error.value.text.key == "output.needs_file"
    for chosen in ("xlsx", "pdf"):
        with pytest.raises(OutputError) as error:
            choose(chosen, "-", False, terminal=True, offered=OFFERED)
        assert error.value.text.key == "output.not_to_terminal"
        assert choose(chosen, "-", False, terminal=False, offered=OFFERED) == Destination(chosen)
    assert choose("html", "-", False, terminal=True, offered=OFFERED) == Destination("html")
    assert choose(None, None, False, terminal=True, offered=OFFERED) == Destination("table")


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as error:
        choose(None, str(tmp_path), False, terminal=False, offered=OFFERED, default="table")
    assert error.value.text.key in ("output.is_folder", "output.unknown_suffix")
    (tmp_path / "r.json").mkdir()
    with pytest.raises(OutputError) as error:
        choose(None, str(tmp_path / "r.json"), True, terminal=False, offered=OFFERED)
    assert error.value.text.key == "output.is_folder"
    with pytest.raises(OutputError) as error:
        choose(None, str(tmp_path / "nowhere" / "r.json"), False, terminal=False, offered=OFFERED)
    assert error.value.text.key == "output.no_folder"


# --- written whole or not at all -----------------------------------------------------------


def test_a_failed_write_leaves_neither_file_nor_temporary(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    destination = Destination("json", target, "r.json")

    def half(stream: object) -> None:
        stream.write('{"as_of": "2022-06-30", "rows": [')  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as error:
        write_text(destination, half)
    assert error.value.text.key == "output.failed"
    assert "No space left on device" in str(dict(error.value.text.args)["reason"])
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text('{"as_of": "2021-12-31", "rows": []}\n', encoding="utf-8")

    def interrupted(stream: object) -> None:
        stream.write("partial")  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_text(Destination("json", target, "r.json"), interrupted)
    assert target.read_text(encoding="utf-8") == '{"as_of": "2021-12-31", "rows": []}\n'
    assert leftovers(tmp_path) == []


def test_a_file_is_replaced_whole_with_the_permissions_it_had(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text('{"as_of": "2021-12-31", "rows": []}\n', encoding="utf-8")
    target.chmod(0o640)
    replace(Destination("json", target, "r.json"), lambda path: path.write_text('{"as_of": "2022-06-30", "rows": []}'))
    assert target.read_text(encoding="utf-8") == '{"as_of": "2022-06-30", "rows": []}'
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "new.json"
    replace(Destination("json", fresh, "new.json"), lambda path: path.write_text("{}"))
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not mkstemp's 0600
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_keeps_pointing_at_the_report(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "r.json"
    real.write_text('{"as_of": "2021-12-31", "rows": []}', encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    replace(
        Destination("json", link, "latest.json"), lambda path: path.write_text('{"as_of": "2022-06-30", "rows": []}')
    )
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == '{"as_of": "2022-06-30", "rows": []}'


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A process killed (SIGTERM) in the middle of writing: the old file stays, no temporary."""
    target = tmp_path / "r.json"
    target.write_text('{"as_of": "2021-12-31", "rows": []}', encoding="utf-8")
    script = f"""
import sys, time
sys.path.insert(0, {str(REPO / "src")!r})
from pathlib import Path
from ansinh.render.output_file import Destination, write_text
def slow(stream):
    stream.write("partial")
    stream.flush()
    print("writing", flush=True, file=sys.stderr)
    time.sleep(30)
write_text(Destination("json", Path({str(target)!r}), "r.json"), slow)
"""
    process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    assert process.stderr.readline().strip() == "writing"
    assert len(leftovers(tmp_path)) == 1  # the temporary file, beside the report
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 128 + signal.SIGTERM
    assert target.read_text(encoding="utf-8") == '{"as_of": "2021-12-31", "rows": []}'
    assert leftovers(tmp_path) == []


# --- ansinh's own files ------------------------------------------------------------------


@pytest.mark.parametrize("args", [GAP, REPORT])
@pytest.mark.parametrize("suffix", [".json", ".csv", ".md", ".txt", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_same_command_again_replaces_its_own_file(
    tmp_path: Path, args: tuple[str, ...], suffix: str, lang: str
) -> None:
    """Re-running a daily command replaces yesterday's report without --force, in every format."""
    target = tmp_path / f"report{suffix}"
    first = run_cli(*args, "-o", str(target), "--lang", lang)
    assert first.exit_code == 0, first.stderr
    assert written_by_ansinh(target) is Signature.ANSINH
    again = run_cli(*args, "-o", str(target), "--lang", lang)
    assert again.exit_code == 0, again.stderr
    assert leftovers(tmp_path) == []


def test_the_csv_for_excel_is_recognised(tmp_path: Path) -> None:
    for lang in ("en", "vi"):
        target = tmp_path / f"{lang}.csv"
        assert run_cli(*REPORT, "--format", "csv-excel", "-o", str(target), "--lang", lang).exit_code == 0
        assert written_by_ansinh(target) is Signature.ANSINH
        assert run_cli(*REPORT, "--format", "csv-excel", "-o", str(target), "--lang", lang).exit_code == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", "Targets for next year\n"),
        ("README.md", "## Targets as of the next meeting\n"),
        ("data.csv", "indicator,area,period,value\nbeds-per-10k,hanoi,2022H1,27.5\n"),
        ("config.json", '{"as_of": "tomorrow"}'),
        ("budget.xlsx", "PK\x03\x04 not really a workbook"),
        ("page.html", "<!doctype html><title>mine</title>"),
        ("scan.pdf", "%PDF-1.7\n/Creator (Word)\n"),
    ],
)
def test_a_file_ansinh_did_not_write_is_never_replaced_without_force(tmp_path: Path, name: str, content: str) -> None:
    target = tmp_path / name
    target.write_text(content, encoding="utf-8")
    run = run_cli(*REPORT, "-o", str(target))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1
    assert "did not write it" in run.stderr and "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == content
    assert leftovers(tmp_path) == []
    if name.endswith((".html", ".pdf")):
        return  # written by another engineer's writers: their tests write them
    forced = run_cli(*REPORT, "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8", errors="replace") != content


def test_a_workbook_saved_since_in_a_spreadsheet_is_not_replaced(tmp_path: Path) -> None:
    """Excel and LibreOffice keep the creator when they save but change the time modified: the
    file may hold someone's edits now."""
    target = tmp_path / "r.xlsx"
    assert run_cli(*REPORT, "-o", str(target)).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    core = parts["docProps/core.xml"].decode()
    modified = core.split("<dcterms:modified", 1)[1].split(">", 1)[1].split("<", 1)[0]
    saved = core.replace(f">{modified}</dcterms:modified>", ">2026-11-30T08:15:00Z</dcterms:modified>")
    assert saved != core
    parts["docProps/core.xml"] = saved.encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert written_by_ansinh(target) is Signature.SAVED_SINCE
    run = run_cli(*REPORT, "-o", str(target))
    assert run.exit_code == 2
    assert "saved since" in run.stderr
    assert run_cli(*REPORT, "-o", str(target), "--force").exit_code == 0


def test_an_html_page_and_a_pdf_of_ansinh_are_recognised(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text('<!doctype html><html><head><meta name="generator" content="ansinh 0.1.0">', encoding="utf-8")
    assert written_by_ansinh(page) is Signature.ANSINH
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(
        b"%PDF-1.4\n" + b"x" * 500_000 + b"\n9 0 obj\n<</Title (T) /Creator (ansinh 0.1.0)>>\nendobj\n%%EOF\n"
    )
    assert written_by_ansinh(pdf) is Signature.ANSINH


# --- the CLI end to end --------------------------------------------------------------------


def test_o_writes_what_stdout_would_show(tmp_path: Path) -> None:
    for output, suffix in (("json", ".json"), ("csv", ".csv"), ("markdown", ".md"), ("table", ".txt")):
        shown = run_cli(*GAP, "--format", output)
        target = tmp_path / f"gap{suffix}"
        written = run_cli(*GAP, "-o", str(target))
        assert written.exit_code == 0, written.stderr
        assert written.stdout == ""
        assert target.read_text(encoding="utf-8") == shown.stdout
        assert written.stderr.endswith(f"Wrote the report to {target}\n")
    assert json.loads((tmp_path / "gap.json").read_text(encoding="utf-8"))["rows"][0]["shortfall"] == 4204


def test_the_table_in_a_file_has_no_colour_and_explain_goes_with_it(tmp_path: Path) -> None:
    target = tmp_path / "gap.txt"
    run = run_cli(*GAP, "--explain", "-o", str(target), "--lang", "vi")
    assert run.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "4.204 giường bệnh" in text
    assert "Mỗi năm: 4.204 ÷ 3,5 năm = 1.202 giường bệnh/năm" in text
    assert run.stderr.endswith(f"Đã ghi báo cáo vào {target}\n")


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        (("--format", "xlsx"), "writes a file: add -o FILE"),
        (("--format", "html"), "writes a file: add -o FILE"),
        (("--format", "pdf"), "writes a file: add -o FILE"),
        (("--format", "csv", "-o", "r.json"), "does not match r.json"),
        (("-o", "report"), "cannot tell the format from report"),
        (("-o", "no/such/folder/r.json"), "there is no folder no/such/folder"),
    ],
)
def test_usage_problems_with_the_destination_exit_2_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...], key: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (GAP, REPORT):
        run = run_cli(*args, *extra)
        assert run.exit_code == 2
        assert run.stdout == ""
        assert run.stderr.startswith("ansinh: ") and run.stderr.count("\n") == 1
        assert key in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into any folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    run = run_cli(*REPORT, "-o", str(locked / "r.json"))
    assert run.exit_code == 2
    assert "cannot write" in run.stderr and "Permission denied" in run.stderr


def test_binary_formats_go_down_a_pipe_only_when_asked(tmp_path: Path) -> None:
    """``-o -`` sends a workbook to stdout when stdout is not a terminal."""
    run = subprocess.run(
        [sys.executable, "-m", "ansinh", *REPORT, "--format", "xlsx", "-o", "-"],
        capture_output=True,
        env={**os.environ, "ANSINH_LANG": "en", "ANSINH_NO_CACHE": "1"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(b"PK\x03\x04")
    (tmp_path / "piped.xlsx").write_bytes(run.stdout)
    with zipfile.ZipFile(tmp_path / "piped.xlsx") as archive:
        assert "xl/workbook.xml" in archive.namelist()
    assert b"Wrote" not in run.stderr


def test_fail_on_still_decides_the_exit_code_with_a_file(tmp_path: Path) -> None:
    for suffix in (".json", ".xlsx"):
        run = run_cli(*REPORT, "--fail-on", "no_data", "-o", str(tmp_path / f"r{suffix}"))
        assert run.exit_code == 3
        assert (tmp_path / f"r{suffix}").exists()
