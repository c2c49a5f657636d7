"""``ansinh areas`` and ``ansinh init --province``: areas files from the official lists of units,
with the figures of the decrees (126 communes of Hà Nội, Phúc Thọ into three, Uông Bí into three)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from ansinh import official_units
from ansinh.files.yaml_simple import read_simple
from ansinh.official_units import areas_of, find_province, provinces
from conftest import REPO, run_cli

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _areas(text: str) -> list[dict[str, Any]]:
    """An areas file's records as text (BaseLoader: dates stay as written)."""
    return yaml.load(text, Loader=yaml.BaseLoader)["areas"]


def _by_id(province: str) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in areas_of(find_province(province).province)}


def test_the_data_is_complete() -> None:
    """34 provinces and 3,321 communes from 2025-07-01 (2,621 xã, 687 phường, 13 đặc khu); 63
    provinces, 696 districts and 10,035 communes before."""
    every = provinces()
    olds = [old for province in every for old in province.old]
    communes = [commune.name for province in every for commune in province.communes]
    assert len(every) == 34 and len(olds) == 63
    assert len(communes) == 3321
    assert Counter(name.split(" ")[0] for name in communes) == {"Xã": 2621, "Phường": 687, "Đặc": 13}
    assert sum(len(old.districts) for old in olds) == 696
    assert sum(len(district.communes) for old in olds for district in old.districts) == 10035
    assert "MIT" in official_units.about()["licence"]
    assert official_units.about()["package"] == "vietnamadminunits 1.0.4"


def test_every_province_file_has_unique_slug_ids_and_a_sound_lineage() -> None:
    for province in provinces():
        records = areas_of(province)
        ids = [record["id"] for record in records]
        assert len(ids) == len(set(ids)), province.name
        assert all(SLUG.fullmatch(each) for each in ids), province.name
        by_id = {record["id"]: record for record in records}
        for record in records:
            assert record.get("parent") is None or record["parent"] in by_id
            assert re.fullmatch(r"GSO code \d{2,5}", record["source"])
            for successor in record.get("became", []):
                assert isinstance(successor, str)  # no shares: the official conversion gives none
                assert by_id[successor]["since"] == "2025-07-01" and record["until"] == "2025-06-30"
            if "until" in record:
                assert record["became"], record["id"]


def test_hanoi_after_the_reform_has_126_communes_and_wards() -> None:
    areas = _by_id("Hà Nội")
    new = [record for record in areas.values() if record.get("since") == "2025-07-01"]
    assert len(new) == 126
    assert Counter(record["name"].split(" ")[0] for record in new) == {"Phường": 51, "Xã": 75}
    assert {record["parent"] for record in new} == {"ha-noi"}
    assert areas["ha-noi"] == {"id": "ha-noi", "name": "Thành phố Hà Nội", "level": "province", "source": "GSO code 01"}
    old = [record for record in areas.values() if "until" in record]
    assert Counter(record["level"] for record in old) == {"district": 30, "commune": 526}


def test_huyen_phuc_tho_became_three_communes() -> None:
    areas = _by_id("ha noi")
    assert areas["huyen-phuc-tho"]["became"] == ["xa-phuc-tho", "xa-phuc-loc", "xa-hat-mon"]
    assert areas["huyen-phuc-tho"]["until"] == "2025-06-30"
    assert areas["xa-phuc-tho"] == {
        "id": "xa-phuc-tho",
        "name": "Xã Phúc Thọ",
        "level": "commune",
        "parent": "ha-noi",
        "since": "2025-07-01",
        "source": "GSO code 09715",
    }
    became: dict[str, list[str]] = {}
    for record in areas.values():
        if record.get("parent") == "huyen-phuc-tho":
            became.setdefault(record["became"][0], []).append(record["name"])
            assert len(record["became"]) == 1, record  # none of its communes was divided
    # DATA-SOURCES.md, from Nghị quyết 1656/NQ-UBTVQH15: 18 communes into three.
    assert sorted(became["xa-phuc-tho"]) == sorted(
        ["Thị trấn Phúc Thọ", "Xã Tích Lộc", "Xã Trạch Mỹ Lộc", "Xã Phúc Hòa", "Xã Phụng Thượng", "Xã Long Thượng"]
    )
    assert sorted(became["xa-phuc-loc"]) == sorted(
        ["Xã Võng Xuyên", "Xã Xuân Đình", "Xã Sen Phương", "Xã Vân Phúc", "Xã Nam Hà"]
    )
    assert len(became["xa-hat-mon"]) == 7 and "Xã Liên Hiệp" in became["xa-hat-mon"]


def test_uong_bi_became_three_wards_and_trung_vuong_was_divided_without_shares() -> None:
    areas = _by_id("Quảng Ninh")
    assert areas["thanh-pho-uong-bi"]["became"] == ["phuong-uong-bi", "phuong-vang-danh", "phuong-yen-tu"]
    assert areas["phuong-trung-vuong"]["became"] == ["phuong-uong-bi", "phuong-vang-danh"]
    assert areas["phuong-trung-vuong"]["parent"] == "thanh-pho-uong-bi"
    # The ward of 2025 keeps the plain slug; the old ward of the same name has its code appended.
    assert areas["phuong-vang-danh"]["since"] == "2025-07-01"
    assert areas["phuong-vang-danh-06808"]["became"] == ["phuong-vang-danh"]
    new = [record for record in areas.values() if record.get("since")]
    assert Counter(record["name"].split(" ")[0] for record in new) == {"Phường": 30, "Xã": 22, "Đặc": 2}


def test_names_that_differ_only_in_marks_keep_their_codes() -> None:
    """Thái Nguyên has a Xã Văn Lang and a Xã Văn Lăng from 2025; the old Xã Văn Lăng kept its
    name and code, so its id has its district's code too."""
    areas = _by_id("Thái Nguyên")
    assert areas["xa-van-lang-02143"]["name"] == "Xã Văn Lang"
    assert areas["xa-van-lang-05665"]["name"] == "Xã Văn Lăng"
    old = [record for record in areas.values() if record["name"] == "Xã Văn Lăng" and "until" in record]
    assert [record["id"] for record in old] == ["xa-van-lang-169-05665"]
    assert old[0]["became"] == ["xa-van-lang-05665"]


def test_a_merged_province_lists_the_provinces_it_was_formed_from() -> None:
    areas = _by_id("Bắc Ninh")
    assert areas["bac-ninh"]["since"] == "2025-07-01"
    assert areas["bac-giang"] == {
        "id": "bac-giang",
        "name": "Tỉnh Bắc Giang",
        "level": "province",
        "until": "2025-06-30",
        "became": ["bac-ninh"],
        "source": "GSO code 24",
    }
    assert areas["bac-ninh-27"]["name"] == "Tỉnh Bắc Ninh" and areas["bac-ninh-27"]["became"] == ["bac-ninh"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Hà Nội", "01"),
        ("ha noi", "01"),
        ("Hanoi", "01"),
        ("TP Hà Nội", "01"),
        ("Thành phố Hà Nội", "01"),
        ("HN", "01"),
        ("01", "01"),
        ("1", "01"),
        ("quang ninh", "22"),
        ("Tỉnh Quảng Ninh", "22"),
        ("TP.HCM", "79"),
        ("Thừa Thiên Huế", "46"),
        ("Bắc Giang", "24"),  # formed Bắc Ninh of 2025 (code 24) with the old Bắc Ninh (27)
        ("27", "24"),
        ("Long An", "80"),
    ],
)
def test_a_province_is_found_however_it_is_written(query: str, code: str) -> None:
    assert find_province(query).province.code == code


def test_the_command_writes_an_areas_file_to_stdout() -> None:
    run = run_cli("areas", "--province", "Hà Nội")
    assert run.exit_code == 0 and run.stderr == ""
    records = _areas(run.stdout)
    assert records == areas_of(find_province("01").province)
    assert run.stdout.startswith("# yaml-language-server: $schema=../.ansinh/schema/areas.json\n")
    assert "# Written by `ansinh areas --province 'Hà Nội'`\n" in run.stdout
    # The quick reader reads it as the full one does (no fallback for a large file).
    simple = read_simple(run.stdout, 50)
    assert simple is not None and simple["areas"] == records


def test_units_old_or_new_keep_the_same_ids() -> None:
    both = {record["id"]: record for record in _areas(run_cli("areas", "--province", "22").stdout)}
    old = _areas(run_cli("areas", "--province", "22", "--units", "old").stdout)
    new = _areas(run_cli("areas", "--province", "22", "--units", "new").stdout)
    assert all("became" not in record and "since" not in record for record in old)
    assert all("until" not in record for record in new)
    assert {record["id"] for record in old} | {record["id"] for record in new} == set(both)
    assert {record["id"] for record in old} & {record["id"] for record in new} == {"quang-ninh"}
    assert len(new) == 1 + 54


def test_an_old_province_says_which_province_it_became_part_of() -> None:
    run = run_cli("areas", "--province", "bac giang")
    assert run.exit_code == 0
    assert run.stderr == (
        "Tỉnh Bắc Giang became part of Tỉnh Bắc Ninh on 2025-07-01: "
        "these are the areas of Tỉnh Bắc Ninh and of the provinces it was formed from\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--province", "Hanoy"], "ansinh: no province is called 'Hanoy': did you mean 'Hà Nội'?"),
        (["--province", "Atlantis"], "ansinh: no province is called 'Atlantis': give a province's name or GSO code"),
        (["--province", "99"], "ansinh: no province is called '99'"),
        ([], "ansinh: name the province: ansinh areas --province NAME"),
        (["--province", "01", "--units", "all"], "ansinh: 'all' is not one of both, old, new"),
    ],
)
def test_a_bad_request_is_a_usage_error(args: list[str], message: str) -> None:
    run = run_cli("areas", *args)
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.startswith(message) and run.stderr.count("\n") == 1


def test_the_unknown_name_is_said_in_vietnamese_too() -> None:
    run = run_cli("areas", "--province", "Quang Nin", env={"ANSINH_LANG": "vi"})
    assert run.exit_code == 2
    assert run.stderr.startswith("ansinh: không có tỉnh, thành phố nào tên 'Quang Nin': có phải 'Quảng Ninh'?")


def test_output_writes_a_new_file_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "areas.yaml"
    run = run_cli("areas", "--province", "Quảng Ninh", "--output", str(target))
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr == f"{target}: the areas of Tỉnh Quảng Ninh\n"
    assert target.read_text(encoding="utf-8") == run_cli("areas", "--province", "Quảng Ninh").stdout
    again = run_cli("areas", "--province", "01", "-o", str(target))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert "Tỉnh Quảng Ninh" in target.read_text(encoding="utf-8")


def test_the_list_names_every_province_and_what_it_was_formed_from() -> None:
    run = run_cli("areas", "--list")
    lines = run.stdout.splitlines()
    assert run.exit_code == 0 and len(lines) == 34
    assert lines[0] == "01  Thành phố Hà Nội"
    assert "24  Tỉnh Bắc Ninh — formed from Tỉnh Bắc Giang (24), Tỉnh Bắc Ninh (27)" in lines


@pytest.mark.parametrize(("province", "area"), [("Hà Nội", "ha-noi"), ("Quảng Ninh", "quang-ninh")])
def test_init_with_a_province_validates(tmp_path: Path, province: str, area: str) -> None:
    folder = tmp_path / "p"
    assert run_cli("init", str(folder), "--province", province).exit_code == 0
    areas = _areas((folder / "targets" / "areas.yaml").read_text(encoding="utf-8"))
    assert areas == areas_of(find_province(province).province)
    assert f"area: {area}\n" in (folder / "targets" / "example-plan.yaml").read_text(encoding="utf-8")
    assert (folder / "data" / "observations.csv").read_text(encoding="utf-8").count(f",{area},") == 1
    validated = run_cli("validate", "--root", str(folder), "--strict")
    assert validated.exit_code == 0, validated.stdout + validated.stderr
    report = run_cli("report", "--root", str(folder), "--period", "2022H1", "--format", "json").json()
    assert report["rows"][0]["area"] == area and report["rows"][0]["shortfall"] == 4204


def test_init_with_a_merged_province_plans_for_the_old_one(tmp_path: Path) -> None:
    """A 2021–2025 plan was set for a province of then: the one named, else the one whose name
    the new province kept."""
    assert run_cli("init", str(tmp_path / "a"), "--province", "Bắc Giang").exit_code == 0
    assert "area: bac-giang\n" in (tmp_path / "a" / "targets" / "example-plan.yaml").read_text(encoding="utf-8")
    assert run_cli("init", str(tmp_path / "b"), "--province", "Bắc Ninh").exit_code == 0
    assert "area: bac-ninh-27\n" in (tmp_path / "b" / "targets" / "example-plan.yaml").read_text(encoding="utf-8")


def test_init_with_an_unknown_province_writes_nothing(tmp_path: Path) -> None:
    run = run_cli("init", str(tmp_path / "p"), "--province", "Hanoy")
    assert run.exit_code == 2 and "did you mean 'Hà Nội'" in run.stderr
    assert not (tmp_path / "p").exists()


def test_the_shipped_areas_use_the_official_names_and_codes() -> None:
    """targets/areas.yaml: Phúc Thọ and Uông Bí with their successors, as the official data has them."""
    shipped = {record["id"]: record for record in _areas((REPO / "targets" / "areas.yaml").read_text(encoding="utf-8"))}
    official = _by_id("Hà Nội") | _by_id("Quảng Ninh")
    assert shipped["phuc-tho"]["became"] == official["huyen-phuc-tho"]["became"]
    assert shipped["uong-bi"]["became"] == official["thanh-pho-uong-bi"]["became"]
    for old, district in (("phuc-tho", "huyen-phuc-tho"), ("uong-bi", "thanh-pho-uong-bi")):
        assert shipped[old]["until"] == "2025-06-30"
        assert (shipped[old]["name"], shipped[old]["source"]) == (
            official[district]["name"],
            official[district]["source"],
        )
        for successor in shipped[old]["became"]:
            expected = dict(official[successor], parent=shipped[old]["parent"])
            assert shipped[successor] == expected


def test_help_does_not_load_the_data_and_a_province_takes_well_under_a_second() -> None:
    code = (
        "import sys; sys.argv = ['ansinh', '--help']\n"
        "from ansinh.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "assert 'ansinh.official_units' not in sys.modules and 'gzip' not in sys.modules, 'loaded'\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=environment)
    official_units._data.cache_clear()
    started = time.perf_counter()
    text = official_units.areas_yaml(find_province("Hà Nội"))  # the largest file: 683 areas
    assert time.perf_counter() - started < 0.5
    assert text.count("\n  - ") == 683


def test_the_builder_refuses_incomplete_data() -> None:
    """scripts/build_official_units.py checks the shipped file's figures, and refuses a copy that
    lost one commune, or whose commune became a unit of another province."""
    import copy
    import runpy

    check = runpy.run_path(str(REPO / "scripts" / "build_official_units.py"))["_check"]
    data = official_units._data()
    check(data)
    lost = copy.deepcopy(data)
    lost["provinces"][0]["old"][0]["districts"][0]["communes"].pop()
    with pytest.raises(SystemExit, match="incomplete data"):
        check(lost)
    moved = copy.deepcopy(data)
    moved["provinces"][0]["old"][0]["districts"][0]["communes"][0][2] = [data["provinces"][1]["communes"][0][0]]
    with pytest.raises(SystemExit, match="became a commune of another province"):
        check(moved)
