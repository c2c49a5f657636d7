"""The cache of loaded projects: used when the files are as they were, never when they are not.

Driven through the real command in fresh processes, as a user runs it: the entry is written by
a process that outlives the command, so each test waits for it to appear."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BASE, EXAMPLES, REPO, build_project

# Runs the command in a fresh interpreter and reports, on the last line of stderr, whether the
# files were read this time (the loader imported) or the project came from the cache.
PROBE = """
import gc, sys
from ansinh.cli.app import _run_app
sys.argv = ["ansinh", *sys.argv[1:]]
gc.disable()
code = _run_app()
read = any(name in sys.modules for name in ("ansinh.files.loader", "yaml", "pydantic"))
sys.stderr.write("\\nREAD" if read else "\\nCACHED")
sys.exit(code)
"""


def ansinh(root: Path, cache: Path, *args: str, **extra: str) -> tuple[str, str, bool]:
    """stdout, stderr, and whether the files were read rather than taken from the cache."""
    env = {name: value for name, value in os.environ.items() if name not in ("ANSINH_NO_CACHE", "GITHUB_ACTIONS")}
    env.update({"ANSINH_CACHE_DIR": str(cache), "ANSINH_LANG": "en", **extra})
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args, "--root", str(root)], capture_output=True, text=True, env=env, check=False
    )
    stderr, _, mark = done.stderr.rpartition("\n")
    return done.stdout, stderr, mark == "READ"


def wait_for_entry(cache: Path, after: float = 0.0) -> Path:
    """The cache's entry once written (after ``after``, a time), and no write under way."""
    deadline = time.time() + 60
    while time.time() < deadline:
        entries = [path for path in cache.glob("*.pickle") if path.stat().st_mtime >= after]
        if entries and not list(cache.glob(".tmp-*")):
            return entries[0]
        time.sleep(0.05)
    raise AssertionError("no cache entry was written")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    return root


def test_a_repeated_command_takes_the_project_from_the_cache(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = ansinh(project, cache, "report", "--period", "2022H1", "--format", "json")
    assert first[2], "the first run reads the files"
    wait_for_entry(cache)
    second = ansinh(project, cache, "report", "--period", "2022H1", "--format", "json")
    assert not second[2], "the second run takes the project from the cache"
    assert second[:2] == first[:2]
    assert json.loads(second[0])["rows"]
    validated = ansinh(project, cache, "validate", "--format", "json")
    assert not validated[2]
    assert validated[:2] == ansinh(project, cache, "validate", "--format", "json", ANSINH_NO_CACHE="1")[:2]


def test_a_changed_file_is_read_again_even_with_its_old_size_and_time(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ansinh(project, cache, "validate", "--format", "json")
    wait_for_entry(cache)
    observations = project / "data" / "observations.csv"
    status = observations.stat()
    text = observations.read_text(encoding="utf-8")
    changed = text.replace("27.5", "27.9", 1)
    assert changed != text and len(changed) == len(text)
    observations.write_text(changed, encoding="utf-8")
    os.utime(observations, ns=(status.st_atime_ns, status.st_mtime_ns))  # the same size and time
    stdout, _, read = ansinh(project, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    assert read
    assert json.loads(stdout)["rows"][0]["current"]["value"] == 27.9


def test_an_added_or_removed_file_is_read_again(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ansinh(project, cache, "validate", "--format", "json")
    written = wait_for_entry(cache).stat().st_mtime
    (project / "targets" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read and any(problem["file"] == "targets/broken.yaml" for problem in json.loads(stdout)["errors"])
    wait_for_entry(cache, after=written + 1e-3)
    (project / "targets" / "broken.yaml").unlink()
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read and json.loads(stdout)["ok"]


def test_a_damaged_entry_is_ignored(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = ansinh(project, cache, "validate", "--format", "json")
    entry = wait_for_entry(cache)
    entry.write_bytes(entry.read_bytes()[:40])
    assert ansinh(project, cache, "validate", "--format", "json") == expected


def test_the_cache_can_be_turned_off_and_is_not_used_where_others_could_write(project: Path, tmp_path: Path) -> None:
    off = tmp_path / "off"
    ansinh(project, off, "validate", ANSINH_NO_CACHE="1")
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    ansinh(project, shared, "validate")
    time.sleep(1)
    assert not off.exists() or not list(off.iterdir())
    assert not list(shared.glob("*.pickle"))


def test_the_shipped_data_from_the_cache_needs_neither_pyyaml_nor_pydantic(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = ansinh(REPO, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    wait_for_entry(cache)
    warm = ansinh(REPO, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    assert cold[2] and not warm[2]
    assert warm[:2] == cold[:2]
    # gap reads for errors only; the entry it left holds the warnings that validate reports.
    validated = ansinh(REPO, cache, "validate", "--format", "json")
    assert not validated[2]
    assert validated[:2] == ansinh(REPO, cache, "validate", "--format", "json", ANSINH_NO_CACHE="1")[:2]
    assert "count-rate-mismatch" in validated[0]


def test_a_generated_root_from_the_cache_gives_the_same_answers(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    root = tmp_path / "national"
    generate.generate(root, scale=0.01)
    (root / "targets" / "plan-p01-c001.yaml").write_text("id: plan-p01-c001\nname: [\n", encoding="utf-8")
    cache = tmp_path / "cache"
    commands = [["validate", "--format", "json"], ["report", "--period", "2024H2", "--format", "json"]]
    cold = [ansinh(root, cache, *command, ANSINH_NO_CACHE="1") for command in commands]
    ansinh(root, cache, "validate")
    wait_for_entry(cache)
    warm = [ansinh(root, cache, *command) for command in commands]
    assert all(not read for _, _, read in warm)
    assert [output[:2] for output in warm] == [output[:2] for output in cold]


# --- what the entry holds, and when the command's output is done --------------------------------

MANY_WARNINGS = {
    # Counts that disagree with value × base, bases extrapolated before 2022 and after 2025,
    # errors in between, a quoted cell across lines: warnings and errors interleaved in a file.
    "data/counts.csv": "indicator,area,period,value,count,source\n"
    + "".join(f"beds-per-10k,hanoi,{year},27.5,{20000 + year},x\n" for year in range(2015, 2031))
    + "beds-per-10k,hanoi,2031H1,abc,1,bad number\n"
    + 'poor-rate,hanoi,2019,3.0,70000,"two\nlines"\n'
    + "poor-rate,hanoi,2026,2.0,1,\n"
    + "unknown-thing,hanoi,2020,1,1,\n",
    # The count in another column, in a ';' file with decimal commas.
    "data/semicolon.csv": "count;source;value;period;area;indicator\n"
    + "".join(f"{30000 + year};y;2,5;{year};hanoi;poor-rate\n" for year in range(2010, 2018)),
}


def test_warnings_completed_after_a_read_for_errors_are_those_of_a_full_read(tmp_path: Path) -> None:
    from ansinh.files.loader import complete_warnings, load_project

    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    generated = tmp_path / "national"
    generate.generate(generated, scale=0.01)
    roots = [REPO, BASE, generated, build_project(tmp_path / "many", files=MANY_WARNINGS)]
    roots += [build_project(tmp_path / case.name, case) for case in sorted((EXAMPLES / "warnings").iterdir())]
    roots += [build_project(tmp_path / f"i-{case.name}", case) for case in sorted((EXAMPLES / "invalid").iterdir())]
    for root in roots:
        full = load_project(root)
        partial = load_project(root, warnings=False)
        assert not partial.warnings_checked
        complete_warnings(partial)
        assert partial.warnings_checked
        assert partial.problems == full.problems, root
    many = load_project(roots[3])
    codes = {problem.code for problem in many.problems}
    assert {"count-rate-mismatch", "extrapolated-base", "bad-number", "unknown-reference"} <= codes
    assert {problem.column for problem in many.problems if problem.file == "data/semicolon.csv"} == {1}


def test_a_pipe_reader_sees_the_end_before_the_entry_is_written(project: Path, tmp_path: Path) -> None:
    """``ansinh report | wc -l`` ends when ansinh has answered, not when the cache is written: the
    process that writes it lets go of stdout and stderr at once (here it waits 4 s first)."""
    cache = tmp_path / "cache"
    delay = 4.0
    env = {name: value for name, value in os.environ.items() if name not in ("ANSINH_NO_CACHE", "GITHUB_ACTIONS")}
    env.update({"ANSINH_CACHE_DIR": str(cache), "ANSINH_LANG": "en", "ANSINH_CACHE_WRITE_DELAY": str(delay)})
    command = [
        sys.executable,
        "-m",
        "ansinh",
        "report",
        "--period",
        "2022H1",
        "--format",
        "json",
        "--root",
        str(project),
    ]
    started = time.monotonic()
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as cold:
        stdout, stderr = cold.communicate(timeout=60)  # reads both pipes to their end
    took = time.monotonic() - started
    assert cold.returncode == 0
    assert took < delay, f"the reader waited {took:.1f} s for the process writing the cache"
    assert not list(cache.glob("*.pickle")), "the entry was written before the output ended"
    assert json.loads(stdout)["rows"]
    if sys.platform == "linux":
        writer = _cache_writer(str(project))  # still waiting: its streams go nowhere, it yields to others
        assert writer is not None
        assert all(os.readlink(f"/proc/{writer}/fd/{fd}") == os.devnull for fd in (0, 1, 2))
        assert int(Path(f"/proc/{writer}/stat").read_text().rpartition(")")[2].split()[16]) > 0
    wait_for_entry(cache)
    env.pop("ANSINH_CACHE_WRITE_DELAY")
    warm = subprocess.run(command, capture_output=True, env=env, check=False)
    assert (warm.returncode, warm.stdout, warm.stderr) == (0, stdout, stderr)
    assert not ansinh(project, cache, "report", "--period", "2022H1", "--format", "json")[2], "the warm run read files"
    # report read for errors only; the entry it left holds the warnings, as validate shows them.
    validated = ansinh(project, cache, "validate", "--format", "json")
    assert not validated[2]
    assert validated[:2] == ansinh(project, cache, "validate", "--format", "json", ANSINH_NO_CACHE="1")[:2]


def _cache_writer(root: str) -> int | None:
    """The process, forked by a command on ``root``, that is waiting to write the cache."""
    for folder in Path("/proc").iterdir():
        if not folder.name.isdigit():
            continue
        try:
            arguments = (folder / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if root.encode() in arguments and b"ansinh" in arguments:
            return int(folder.name)
    return None


def test_an_entry_that_is_not_read_is_part_of_the_key(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ansinh(project, cache, "validate", "--format", "json")
    written = wait_for_entry(cache).stat().st_mtime
    (project / "data" / "notes.txt").write_text("to do\n", encoding="utf-8")
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read, "a new entry that is not read is a new warning: the files are read again"
    assert [warning["file"] for warning in json.loads(stdout)["warnings"]] == ["data/notes.txt"]
    wait_for_entry(cache, after=written + 1e-3)
    again = ansinh(project, cache, "validate", "--format", "json")
    assert not again[2] and again[0] == stdout
    (project / "data" / "notes.txt").unlink()
    (project / "data" / "notes").mkdir()
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read and [warning["file"] for warning in json.loads(stdout)["warnings"]] == ["data/notes/"]


def test_the_key_covers_the_libraries_without_importing_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    import yaml

    from ansinh.files import cache as files_cache

    stamp = files_cache._library_stamp()
    for module, distribution in (
        ("pydantic", "pydantic"),
        ("pydantic_core", "pydantic-core"),
        ("yaml", "PyYAML"),
        ("quicktions", "quicktions"),
    ):
        part = next(part for part in stamp.split(";") if part.startswith(f"{module}:"))
        assert f"-{metadata.version(distribution)}.dist-info:" in part, part
    assert f"libyaml:{yaml.__with_libyaml__}" in stamp.split(";")
    key = files_cache.files_key(BASE, files_cache.LIMITS)
    monkeypatch.setattr(files_cache, "_library_stamp", lambda: stamp.replace("pydantic:", "pydantic:another:"))
    assert files_cache.files_key(BASE, files_cache.LIMITS) != key
    probe = (
        "import sys; from pathlib import Path; from ansinh.files import cache; "
        f"cache.files_key(Path({str(BASE)!r}), cache.LIMITS); "
        "print(sorted({'yaml', 'pydantic', 'pydantic_core'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
