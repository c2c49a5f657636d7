"""Build ``src/ansinh/official_units.json.gz``, the official administrative units that
``ansinh areas`` writes areas files from, out of the MIT-licensed package ``vietnamadminunits``.

    .venv/bin/pip download --no-deps vietnamadminunits==1.0.4 -d /tmp/vau
    .venv/bin/python scripts/build_official_units.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl

What it reads from the wheel (nothing of its code is run or copied):

- ``data/dataset.db`` (SQLite): ``admin_units_legacy``, the 63 provinces, 696 districts and 10,035
  communes before 2025-07-01 with their GSO codes (the statistics office's list at
  danhmuchanhchinh.gso.gov.vn, taken on 2025-07-18); ``admin_units``, the 34 provinces and 3,321
  communes from 2025-07-01 with their codes (Decision 19/2025/QĐ-TTg);
- ``data/converter_2025.json``: which old province became which new one, and which old commune
  became which new commune(s) — one, or several when the old commune was divided.

The output is deterministic (sorted, gzip without a timestamp), and the script refuses to write it
unless the data is complete: 63 and 34 provinces, 10,035 and 3,321 communes, every old commune and
district mapped into its own new province, every new commune the successor of some old unit, and
the areas ids of every province unique slugs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "src" / "ansinh" / "official_units.json.gz"
COUNTS = {"old_provinces": 63, "old_districts": 696, "old_communes": 10035, "provinces": 34, "communes": 3321}
# Former official names the package's keywords lack, so that an office typing them is understood.
EXTRA_KEYWORDS = {"46": ["thuathienhue"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("wheel", type=Path, help="vietnamadminunits-<version>-py3-none-any.whl")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    data = build(arguments.wheel)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    payload = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    arguments.output.write_bytes(payload)
    sys.stderr.write(f"{arguments.output}: {len(payload):,} bytes\n")
    return 0


def build(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as archive, tempfile.TemporaryDirectory() as folder:
        version = _version(archive)
        database = Path(folder) / "dataset.db"
        database.write_bytes(archive.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(archive.read("vietnamadminunits/data/converter_2025.json"))
        licence = archive.read(f"vietnamadminunits-{version}.dist-info/licenses/LICENSE").decode("utf-8")
        with sqlite3.connect(database) as connection:
            connection.row_factory = sqlite3.Row
            new_rows = [dict(row) for row in connection.execute("SELECT * FROM admin_units")]
            old_rows = [dict(row) for row in connection.execute("SELECT * FROM admin_units_legacy")]
    provinces = _provinces(new_rows, old_rows, converter)
    about = {
        "package": f"vietnamadminunits {version}",
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
        "licence": licence.strip(),
        "old_list": "GSO list of administrative units before 2025-07-01 (danhmuchanhchinh.gso.gov.vn, 2025-07-18)",
        "new_list": "administrative units from 2025-07-01 (Decision 19/2025/QĐ-TTg), with the conversion table",
    }
    data = {"about": about, "provinces": provinces}
    _check(data)
    return data


def _version(archive: zipfile.ZipFile) -> str:
    for name in archive.namelist():
        if name.endswith(".dist-info/METADATA"):
            return name.split("/", 1)[0].removeprefix("vietnamadminunits-").removesuffix(".dist-info")
    raise SystemExit("not a vietnamadminunits wheel: no METADATA")


def _keywords(row: dict[str, Any], code: str) -> list[str]:
    return sorted({*json.loads(row["provinceKeywords"]), *EXTRA_KEYWORDS.get(code, [])})


def _provinces(new_rows: list[dict[str, Any]], old_rows: list[dict[str, Any]], converter: dict[str, Any]) -> list:
    new_code = {(row["provinceKey"], row["wardKey"]): row["wardCode"] for row in new_rows}
    # Old key "province_district_ward" (ward empty for the five island districts without communes)
    # -> the codes of the new communes that took its territory.
    became: dict[str, list[str]] = defaultdict(list)
    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward, olds in wards.items():
            for old in olds:
                became[old].append(new_code[province, ward])
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            assert old not in became, f"{old} mapped twice"
            became[old] = [new_code[province, part["newWardKey"]] for part in parts]
    new_province_of_old = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}

    old_provinces: dict[str, dict[str, Any]] = {}
    for row in sorted(old_rows, key=lambda row: (row["provinceCode"], row["districtCode"], row["wardCode"] or "")):
        province = old_provinces.setdefault(
            row["provinceKey"],
            {
                "code": row["provinceCode"],
                "name": row["province"],
                "short": row["provinceShort"],
                "keywords": _keywords(row, row["provinceCode"]),
                "districts": {},
            },
        )
        district = province["districts"].setdefault(
            row["districtCode"], {"code": row["districtCode"], "name": row["district"], "communes": []}
        )
        key = f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"
        successors = sorted(set(became[key]))
        assert successors, f"{key} became nothing"
        if row["ward"] is None:
            district["became"] = successors
        else:
            district["communes"].append([row["wardCode"], row["ward"], successors])

    new_provinces: dict[str, dict[str, Any]] = {}
    for row in sorted(new_rows, key=lambda row: (row["provinceCode"], row["wardCode"])):
        province = new_provinces.setdefault(
            row["provinceKey"],
            {
                "code": row["provinceCode"],
                "name": row["province"],
                "short": row["provinceShort"],
                "keywords": _keywords(row, row["provinceCode"]),
                "communes": [],
                "old": [],
            },
        )
        province["communes"].append([row["wardCode"], row["ward"]])
    for key, old in sorted(old_provinces.items(), key=lambda item: item[1]["code"]):
        districts = []
        for district in old.pop("districts").values():
            if "became" not in district:
                district["became"] = sorted({code for commune in district["communes"] for code in commune[2]})
            districts.append(district)
        old["districts"] = districts
        new_provinces[new_province_of_old[key]]["old"].append(old)
    return sorted(new_provinces.values(), key=lambda province: province["code"])


def _check(data: dict[str, Any]) -> None:
    """Refuse an incomplete or inconsistent list: the figures SPEC 8 and the decrees state."""
    from ansinh.official_units import areas_of, parse_province

    provinces = data["provinces"]
    olds = [old for province in provinces for old in province["old"]]
    counts = {
        "old_provinces": len(olds),
        "old_districts": sum(len(old["districts"]) for old in olds),
        "old_communes": sum(len(district["communes"]) for old in olds for district in old["districts"]),
        "provinces": len(provinces),
        "communes": sum(len(province["communes"]) for province in provinces),
    }
    if counts != COUNTS:
        raise SystemExit(f"incomplete data: {counts}, expected {COUNTS}")
    for province in provinces:
        own = {code for code, _ in province["communes"]}
        taken = set()
        for old in province["old"]:
            for district in old["districts"]:
                for commune in district["communes"]:
                    taken.update(commune[2])
                    if not set(commune[2]) <= own:
                        raise SystemExit(f"{commune[1]} ({commune[0]}) became a commune of another province")
                taken.update(district["became"])
        if taken != own:
            raise SystemExit(f"{province['name']}: new communes without a predecessor: {sorted(own - taken)}")
        areas_of(parse_province(province), "both")  # raises if two areas would share an id


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
