"""The CLI end to end on the shipped data and on example projects: validate, list, schema,
root discovery, languages and exit codes (SPEC section 5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, REPO, run_cli


def test_shipped_data_validates_with_its_warnings() -> None:
    run = run_cli("validate", "--root", str(REPO), "--format", "json")
    assert run.exit_code == 0
    document = run.json()
    assert document["ok"] is True and document["errors"] == []
    by_code: dict[str, list[dict]] = {}
    for warning in document["warnings"]:
        by_code.setdefault(warning["code"], []).append(warning)
    # The seeds' figures do not agree: 22,796 beds at 27.5 per 10,000 and 12,883 doctors at 13.7
    # per 10,000 imply different populations, and neither fits the census-based base.
    mismatches = {(w["file"], w["line"]): w["message"] for w in by_code["count-rate-mismatch"]}
    assert mismatches[("data/hanoi-08-ctr-tu.csv", 2)] == (
        "22,796 beds at 27.5 per 10,000 implies 8,274,410–8,304,554 people; "
        "the population base for 2022 is 8,526,831.5 (interpolated)"
    )
    assert (
        "12,883 doctors at 13.7 per 10,000 implies 9,369,454–9,438,096 people"
        in mismatches[("data/hanoi-08-ctr-tu.csv", 3)]
    )
    # Hà Nội's 7,312,817 insured people at 90.2% (30/10/2021) imply 8.10 million people, where the
    # base interpolated towards the plan's derived 9 million for 2025 gives 8.37 million.
    assert mismatches[("data/reported-since.csv", 3)].startswith(
        "7,312,817 insured people at 90.2% implies 8,102,844–8,111,833 people"
    )
    # Uông Bí had met the province's targets when it reported them; Quảng Ninh had met three of
    # its four in 2024, the year its baselines are from.
    assert len(by_code["met-at-baseline"]) == 4 + 3
    assert {w["file"] for w in by_code["extrapolated-base"]} == {
        "targets/uong-bi-2020-2025.yaml",
        "targets/uong-bi-2030.yaml",
    }
    assert run_cli("validate", "--root", str(REPO), "--strict").exit_code == 1


def test_validate_in_vietnamese_formats_numbers_the_vietnamese_way() -> None:
    run = run_cli("validate", "--root", str(REPO), "--lang", "vi")
    assert run.exit_code == 0
    assert "22.796 giường bệnh ở mức 27,5 trên 10.000 tương ứng với 8.274.410–8.304.554 người" in run.stderr
    assert "cảnh báo" in run.stderr


def test_github_annotations(project) -> None:
    root = project(EXAMPLES / "invalid" / "unknown-field")
    run = run_cli("validate", "--root", str(root), "--format", "github")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert any(line.startswith("::error file=targets/plan-a.yaml,line=8,col=16::") for line in lines), lines
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_github_format_is_chosen_in_github_actions(project) -> None:
    root = project(EXAMPLES / "invalid" / "unknown-field")
    run = run_cli("validate", "--root", str(root), env={"GITHUB_ACTIONS": "true"})
    assert run.stdout.startswith("::error file=")


def test_validate_named_files_reports_only_those(project) -> None:
    root = project(EXAMPLES / "invalid" / "unknown-references")
    plan_only = run_cli("validate", "--root", str(root), "--format", "json", str(root / "targets" / "plan-a.yaml"))
    files = {problem["file"] for problem in plan_only.json()["errors"]}
    assert files == {"targets/plan-a.yaml"}
    data_only = run_cli("validate", "--root", str(root), "--format", "json", str(root / "data"))
    assert {problem["file"] for problem in data_only.json()["errors"]} == {"data/observations.csv"}


def test_validate_named_file_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    run = run_cli("validate", "--root", str(EXAMPLES / "base"), str(tmp_path / "nope.yaml"))
    assert run.exit_code == 2 and "no such file" in run.stderr


def test_no_root_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli("validate")
    assert run.exit_code == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "targets/" in run.stderr


def test_root_is_found_upwards_and_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nested = EXAMPLES / "base" / "data" / "bases"
    monkeypatch.chdir(nested)
    assert run_cli("validate").exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", env={"ANSINH_ROOT": str(EXAMPLES / "base")}).exit_code == 0
    assert run_cli("--root", str(EXAMPLES / "base"), "validate").exit_code == 0


def test_unknown_options_and_choices_are_usage_errors() -> None:
    assert run_cli("validate", "--no-such-option").exit_code == 2
    assert run_cli("validate", "--root", str(REPO), "--format", "xml").exit_code == 2
    assert run_cli("list", "--root", str(REPO), "nothing").exit_code == 2
    assert run_cli("--lang", "fr", "validate").exit_code == 2
    assert run_cli("validate", "--root", str(REPO), env={"ANSINH_LANG": "fr"}).exit_code == 2


def test_list_shows_the_catalogue() -> None:
    run = run_cli("list", "indicators", "--root", str(REPO), "--format", "json")
    records = run.json()["indicators"]
    beds = next(record for record in records if record["id"] == "beds-per-10k")
    assert beds == {
        "id": "beds-per-10k",
        "name": "Hospital beds per 10,000 population",
        "unit": "per_10k",
        "better": "higher",
        "kind": "level",
        "counts": "beds",
        "base": "population",
    }
    plans = run_cli("list", "plans", "--root", str(REPO), "--lang", "vi")
    assert "hanoi-08-ctr-tu" in plans.stdout and "Kế hoạch" in plans.stdout
    areas = run_cli("list", "areas", "--root", str(REPO), "--format", "json").json()["areas"]
    assert {"id": "phuc-tho", "name": "Huyện Phúc Thọ", "level": "district", "parent": "hanoi"} in areas


def test_list_refuses_broken_files(project) -> None:
    root = project(EXAMPLES / "invalid" / "duplicate-key")
    run = run_cli("list", "plans", "--root", str(root))
    assert run.exit_code == 1 and "duplicate-key" in run.stderr and run.stdout == ""


@pytest.mark.parametrize("kind", ["indicators", "areas", "plan"])
def test_schema_describes_every_field(kind: str) -> None:
    schema = run_cli("schema", kind).json()
    jsonschema.Draft202012Validator.check_schema(schema)

    def fields(node: object) -> None:
        if isinstance(node, dict):
            for name, value in node.get("properties", {}).items():
                assert value.get("description"), f"{kind}: {name} has no description"
            for value in node.values():
                fields(value)
        elif isinstance(node, list):
            for value in node:
                fields(value)

    fields(schema)


def test_shipped_files_satisfy_the_emitted_schemas() -> None:
    schemas = run_cli("schema").json()
    for path in sorted((REPO / "targets").glob("*.yaml")):
        kind = {"indicators.yaml": "indicators", "areas.yaml": "areas"}.get(path.name, "plan")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schemas[kind])


def test_the_schema_rejects_what_validate_rejects() -> None:
    schema = run_cli("schema", "indicators").json()
    bad = {"indicators": [{"id": "x", "name": "x", "unit": "per_10K", "better": "higher", "kind": "level"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_python_dash_m_and_the_console_script_agree() -> None:
    environment = {**os.environ, "ANSINH_LANG": "en"}
    module = subprocess.run(
        [sys.executable, "-m", "ansinh", "validate", "--root", str(REPO), "--format", "json"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert module.returncode == 0 and json.loads(module.stdout)["ok"] is True
    version = subprocess.run([sys.executable, "-m", "ansinh", "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("ansinh ")


def test_the_shipped_schemas_are_up_to_date() -> None:
    for kind in ("indicators", "areas", "plan"):
        shipped_schema = json.loads((REPO / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
        assert shipped_schema == run_cli("schema", kind).json(), f"run: ansinh schema {kind} > schemas/{kind}.json"


def test_every_shipped_yaml_file_names_its_schema_for_editors() -> None:
    for path in (REPO / "targets").glob("*.yaml"):
        kind = {"indicators.yaml": "indicators", "areas.yaml": "areas"}.get(path.name, "plan")
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{kind}.json"


def test_a_problem_outside_a_workbook_has_exactly_spec_6s_keys() -> None:
    document = run_cli("validate", "--root", str(REPO), "--format", "json").json()
    keys = {"file", "line", "column", "path", "code", "message"}
    assert document["warnings"] and all(set(problem) == keys for problem in document["warnings"])
