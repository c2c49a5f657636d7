"""Property: whatever happens to a valid project's files — bytes flipped, lines cut, repeated or
swapped, text inserted — ``ansinh validate`` ends with exit 0, 1 or 2, every error names its
file, and nothing raises. More examples run with ANSINH_HYPOTHESIS_EXAMPLES=5000."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, run_cli

EXAMPLES = int(os.environ.get("ANSINH_HYPOTHESIS_EXAMPLES", "150"))
# Fragments that matter to YAML and CSV readers: indentation, anchors, quotes, separators...
SNIPPETS = b'\t|: |- |&a |*a|[|{|,|;|"|\r|\x00|\n  |99999999999999999999|-1|NaN|2022H3|\xef\xbb\xbf|22.796'.split(b"|")
FILES = sorted(path.relative_to(BASE).as_posix() for path in BASE.rglob("*") if path.is_file())


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    data = bytearray((BASE / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "line", "truncate"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[position : position + draw(st.integers(1, 20))]
        elif kind == "insert":
            snippet = draw(
                st.one_of(
                    st.text(max_size=12).map(lambda text: text.encode("utf-8", "surrogatepass")),
                    st.sampled_from(SNIPPETS),
                )
            )
            data[position:position] = snippet
        elif kind == "line":
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            action = draw(st.sampled_from(["drop", "repeat", "swap"]))
            if action == "drop":
                del lines[index]
            elif action == "repeat":
                lines.insert(index, lines[index])
            elif len(lines) > 1:
                other = draw(st.integers(0, len(lines) - 1))
                lines[index], lines[other] = lines[other], lines[index]
            data = bytearray(b"\n".join(lines))
        else:
            del data[position:]
    return name, bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_mutated_files_never_crash_validate(tmp_path_factory, mutation: tuple[str, bytes]) -> None:
    root = tmp_path_factory.mktemp("mutated")
    shutil.rmtree(root)
    shutil.copytree(BASE, root)
    name, data = mutation
    (root / name).write_bytes(data)
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code in (0, 1, 2)
    document = run.json()
    assert document["ok"] is (not document["errors"])
    for problem in document["errors"]:
        assert problem["file"], problem
        if problem["code"] != "file-missing":
            assert problem["line"], problem
    # The text and GitHub renderers take the same problems without failing.
    assert run_cli("validate", "--root", str(root)).exit_code == run.exit_code
    assert run_cli("validate", "--root", str(root), "--format", "github").exit_code == run.exit_code
    # Whatever validate said, the computing commands answer with a rendered result or the errors.
    report = run_cli("report", "--root", str(root), "--period", "2023", "--format", "json")
    assert report.exit_code == (1 if document["errors"] else 0)
    if report.exit_code == 0:
        assert report.json()["summary"]["total"] == len(report.json()["rows"])
        for output in ("table", "csv", "markdown"):
            assert run_cli("report", "--root", str(root), "--period", "2023", "--format", output).exit_code == 0


def test_a_missing_catalogue_is_an_error_not_a_crash(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    (tmp_path / "p" / "targets" / "indicators.yaml").unlink()
    run = run_cli("validate", "--root", str(tmp_path / "p"), "--format", "json")
    assert run.exit_code == 1
    assert [problem["code"] for problem in run.json()["errors"]] == ["file-missing"]
