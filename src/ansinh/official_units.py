"""The official administrative units of Viet Nam, before and after the reorganisation of
2025-07-01, as areas files (SPEC 1.2 and 8): ``ansinh areas --province "Hà Nội"``.

The data is ``official_units.json.gz`` beside this module, built by
``scripts/build_official_units.py`` from the MIT-licensed package ``vietnamadminunits`` (its
licence and version are in the file's ``about``): for each of the 34 provinces of 2025, its
communes with their GSO codes, and the provinces it was formed from, each with its districts and
communes and the new communes each of those became.

Ids are slugs of the official names: a province's of its short name (``ha-noi``, ``quang-ninh``),
every other unit's of its full name (``huyen-phuc-tho``, ``xa-phuc-tho``). Where two units of one
province's file would share a slug, the ones that ended on 2025-06-30 get their GSO code appended
(``phuong-vang-danh`` is the ward of 2025, ``phuong-vang-danh-06808`` the old one), and where two
new units share one (Xã Văn Lang and Xã Văn Lăng of Thái Nguyên), both get theirs; an old commune
whose name and code a new one kept then gets its district's code before its own
(``xa-van-lang-05665`` is the commune of 2025, ``xa-van-lang-169-05665`` the old one). The ids depend
only on the province, never on ``--units``: a file of the old units and one of the new agree.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

Units = Literal["both", "old", "new"]
UNITS: tuple[Units, ...] = ("both", "old", "new")
UNTIL = "2025-06-30"
SINCE = "2025-07-01"
DATA_FILE = "official_units.json.gz"
# What offices write before a province's name: "TP Hà Nội", "Thành phố Hà Nội", "Tỉnh Quảng Ninh".
_PREFIXES = ("thanhpho", "tinh", "tp")


@functools.cache
def _data() -> dict[str, Any]:
    import gzip
    import json
    from importlib import resources

    return json.loads(gzip.decompress((resources.files("ansinh") / DATA_FILE).read_bytes()))


def about() -> dict[str, str]:
    """Where the data comes from: the package, its version, licence and the lists it holds."""
    return _data()["about"]


@dataclass(frozen=True, slots=True)
class OldCommune:
    """A commune, ward or township before 2025-07-01, and the GSO codes of the communes it became."""

    code: str
    name: str
    became: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class District:
    """A district before 2025-07-01: its communes, and the codes of the communes it became."""

    code: str
    name: str
    became: tuple[str, ...]
    communes: tuple[OldCommune, ...]


@dataclass(frozen=True, slots=True)
class OldProvince:
    """A province before 2025-07-01, with its districts."""

    code: str
    name: str
    short: str  # the name without "Tỉnh" or "Thành phố"
    keywords: tuple[str, ...]  # the plain names the source knows it by ("hanoi", "hn")
    districts: tuple[District, ...]


@dataclass(frozen=True, slots=True)
class Commune:
    """A commune, ward or special zone from 2025-07-01."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Province:
    """A province from 2025-07-01: its communes, and the provinces it was formed from."""

    code: str
    name: str
    short: str
    keywords: tuple[str, ...]
    communes: tuple[Commune, ...]
    old: tuple[OldProvince, ...]

    @property
    def unchanged(self) -> bool:
        """Whether the province itself went on as it was (Hà Nội, Quảng Ninh): one area then."""
        return len(self.old) == 1 and (self.old[0].code, self.old[0].name) == (self.code, self.name)


def provinces() -> list[Province]:
    """The 34 provinces of 2025, by GSO code."""
    return list(_provinces())


@functools.cache
def _provinces() -> tuple[Province, ...]:
    return tuple(parse_province(data) for data in _data()["provinces"])


def parse_province(data: dict[str, Any]) -> Province:
    """A province as the data file holds it (``scripts/build_official_units.py`` writes it)."""
    old = tuple(
        OldProvince(
            each["code"],
            each["name"],
            each["short"],
            tuple(each["keywords"]),
            tuple(
                District(
                    district["code"],
                    district["name"],
                    tuple(district["became"]),
                    tuple(OldCommune(code, name, tuple(became)) for code, name, became in district["communes"]),
                )
                for district in each["districts"]
            ),
        )
        for each in data["old"]
    )
    communes = tuple(Commune(code, name) for code, name in data["communes"])
    return Province(data["code"], data["name"], data["short"], tuple(data["keywords"]), communes, old)


class UnknownProvince(Exception):
    """No province is called that; ``suggestion`` is the closest name, if any is close."""

    def __init__(self, query: str, suggestion: str | None) -> None:
        super().__init__(query)
        self.query = query
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class Match:
    """The province of 2025 a query found, and the old province it named, if it named one that
    is not the new one itself (``Bắc Giang`` finds Bắc Ninh of 2025, formed from it)."""

    province: Province
    old: OldProvince | None


def find_province(query: str) -> Match:
    """The province named by ``query``, forgivingly: any case, with or without diacritics, spaces
    or a leading "Tỉnh", "Thành phố", "TP"; or its GSO code ("01", "1"). Old provinces' names and
    codes find the province of 2025 they became part of."""
    wanted = _key(query)
    candidates = {wanted, *(wanted.removeprefix(prefix) for prefix in _PREFIXES if wanted.startswith(prefix))}
    candidates.discard("")
    every = provinces()
    if wanted.isdigit():
        code = int(wanted)
        for province in every:
            if int(province.code) == code:
                return Match(province, None)
        for province in every:
            for old in province.old:
                if int(old.code) == code:
                    return Match(province, old)
    for province in every:
        if candidates & _names(province.short, province.name, province.keywords):
            return Match(province, None)
    for province in every:
        for old in province.old:
            if candidates & _names(old.short, old.name, old.keywords):
                return Match(province, old)
    raise UnknownProvince(query, _suggestion(wanted, every))


def _names(short: str, name: str, keywords: tuple[str, ...]) -> set[str]:
    return {_key(short), _key(name), *keywords}


def _suggestion(wanted: str, every: list[Province]) -> str | None:
    import difflib

    names: dict[str, str] = {}
    for province in every:
        for old in province.old:
            names[_key(old.short)] = old.short
        names[_key(province.short)] = province.short
    stripped = next((wanted.removeprefix(p) for p in _PREFIXES if wanted.startswith(p) and wanted != p), wanted)
    close = difflib.get_close_matches(stripped, list(names), n=1, cutoff=0.6)
    return names[close[0]] if close else None


def _key(text: str) -> str:
    """Letters and digits only, lowercase, without diacritics: "TP. Hà Nội" -> "tphanoi"."""
    return re.sub(r"[^a-z0-9]", "", _plain(text).lower())


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("đ", "d").replace("Đ", "D")


def slug(text: str) -> str:
    """An id from a Vietnamese name: "Thị trấn Phúc Thọ" -> "thi-tran-phuc-tho"."""
    return re.sub(r"[^a-z0-9]+", "-", _plain(text).lower()).strip("-")


@dataclass(slots=True)
class _Unit:
    """One area of a province's file while its id is worked out."""

    code: str
    name: str
    level: str
    kind: Literal["old", "new", "kept"]  # ended on 2025-06-30, began on 2025-07-01, or both sides
    slug: str
    parent: _Unit | None = None
    became: tuple[str, ...] = ()  # the GSO codes of the new communes it became
    id: str = ""


def areas_of(province: Province, units: Units = "both") -> list[dict[str, Any]]:
    """The areas of ``province`` as an areas file's records, parents before children: the old
    units (``until``, and with ``units="both"`` what they ``became``), the new ones (``since``).
    A unit divided between several new ones lists them without shares: the official conversion
    gives none, and none is invented (SPEC 8: such a unit cannot be divided for lineage)."""
    everything = _units(province)
    _assign_ids(everything)
    new_ids = {unit.code: unit.id for unit in everything if unit.kind == "new" and unit.level == "commune"}
    new_province = next(unit for unit in everything if unit.level == "province" and unit.kind != "old")
    records = []
    for unit in everything:
        if (units == "old" and unit.kind == "new") or (units == "new" and unit.kind == "old"):
            continue
        record: dict[str, Any] = {"id": unit.id, "name": unit.name, "level": unit.level}
        if unit.parent is not None:
            record["parent"] = unit.parent.id
        if unit.kind == "old":
            record["until"] = UNTIL
            if units == "both":
                record["became"] = [new_province.id] if unit.level == "province" else [new_ids[c] for c in unit.became]
        elif unit.kind == "new" and (unit.level == "commune" or not province.unchanged):
            record["since"] = SINCE
        record["source"] = f"GSO code {unit.code}"
        records.append(record)
    return records


def plan_area(match: Match) -> str:
    """The id of the province a plan of 2021–2025 was set for: the province itself where it went
    on unchanged, else the old province the request named, else the old one whose name the new
    province kept (Bắc Ninh of 2025 -> the old Bắc Ninh), else the first it was formed from."""
    everything = _units(match.province)
    _assign_ids(everything)
    tops = [unit for unit in everything if unit.level == "province"]
    if match.province.unchanged:
        return tops[0].id
    olds = [unit for unit in tops if unit.kind == "old"]
    wanted = (
        match.old.code
        if match.old
        else next((old.code for old in match.province.old if old.short == match.province.short), olds[0].code)
    )
    return next(unit.id for unit in olds if unit.code == wanted)


def _units(province: Province) -> list[_Unit]:
    """Every unit of the province's file, in the file's order."""
    kept = province.unchanged
    top = _Unit(province.code, province.name, "province", "kept" if kept else "new", slug(province.short))
    found = [top]
    for old in province.old:
        old_top = top if kept else _Unit(old.code, old.name, "province", "old", slug(old.short))
        if not kept:
            found.append(old_top)
        for district in old.districts:
            parent = _Unit(
                district.code, district.name, "district", "old", slug(district.name), old_top, district.became
            )
            found.append(parent)
            found.extend(
                _Unit(commune.code, commune.name, "commune", "old", slug(commune.name), parent, commune.became)
                for commune in district.communes
            )
    found.extend(_Unit(each.code, each.name, "commune", "new", slug(each.name), top) for each in province.communes)
    return found


def _assign_ids(units: list[_Unit]) -> None:
    """A unit's slug; where a slug repeats, the old units' slugs with their GSO code appended."""
    repeated = {name for name, count in Counter(unit.slug for unit in units).items() if count > 1}
    # Names that differ only in their marks (Xã Văn Lang, Xã Văn Lăng) share a slug among the new.
    new_repeated = {name for name, count in Counter(u.slug for u in units if u.kind != "old").items() if count > 1}
    for unit in units:
        coded = unit.slug in new_repeated or (unit.slug in repeated and unit.kind == "old")
        unit.id = f"{unit.slug}-{unit.code}" if coded else unit.slug
    # An old commune whose name and code the new one kept (Xã Văn Lăng, 05665): its district's code too.
    new_ids = {unit.id for unit in units if unit.kind != "old"}
    for unit in units:
        if unit.kind == "old" and unit.id in new_ids and unit.parent is not None:
            unit.id = f"{unit.slug}-{unit.parent.code}-{unit.code}"
    clashes = [name for name, count in Counter(unit.id for unit in units).items() if count > 1]
    if clashes:  # the data's builder refuses such data: this would be a broken data file
        raise ValueError(f"ids used twice: {clashes}")


def areas_yaml(match: Match, units: Units = "both", command: str = "") -> str:
    """The areas file of the matched province, with a header saying what it is and whence."""
    province = match.province
    records = areas_of(province, units)
    source = about()
    counts = Counter((record["level"], "until" in record) for record in records)
    lines = [
        "# yaml-language-server: $schema=../.ansinh/schema/areas.json",
        "#",
        f"# Địa bàn — {province.name} (GSO code {province.code}): the official administrative units",
        f"# before 2025-07-01 (until: {UNTIL}) and from 2025-07-01 (since: {SINCE}).",
        f"# Old units: {counts['district', True]} districts, {counts['commune', True]} communes; "
        f"new units: {counts['commune', False]} communes, wards and special zones.",
        f"# Written by `{command or 'ansinh areas'}`",
        f"# from {source['package']} ({source['url']}),",
        "# MIT licence, © 2025 Tran Ngoc Minh Hieu: the GSO list of the units before the reorganisation,",
        "# the list of Decision 19/2025/QĐ-TTg and the conversion between them. `source:` holds each",
        "# unit's GSO code. `became` names the new units that took an old unit's territory; a unit",
        "# divided between several lists them without shares, which the official conversion does not",
        "# give: add a `share` only from a document that states it (SPEC 8).",
        "areas:",
    ]
    for record in records:
        lines.extend(_yaml_record(record))
    return "\n".join(lines) + "\n"


def _yaml_record(record: dict[str, Any]) -> list[str]:
    """One area: a one-line flow mapping, or a block mapping when it lists what it became (the
    form ansinh's quick YAML reader reads, without falling back to the full one)."""
    became = record.get("became")
    if became is None:
        return ["  - {" + ", ".join(f"{key}: {_scalar(value)}" for key, value in record.items()) + "}"]
    lines = []
    for index, (key, value) in enumerate(record.items()):
        lead = "  - " if index == 0 else "    "
        if key == "became":
            lines.append(f"{lead}became:")
            lines.extend(f"      - {_scalar(item)}" for item in value)
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}")
    return lines


_PLAIN_SAFE = re.compile(r"[^\W\d_][\w .()-]*[\w)]|[a-z0-9-]+", re.UNICODE)


def _scalar(value: str) -> str:
    """A plain YAML scalar where it reads back as the same text, else a quoted one."""
    if _PLAIN_SAFE.fullmatch(value) and value.lower() not in ("null", "true", "false", "yes", "no", "on", "off"):
        return value
    return "'" + value.replace("'", "''") + "'"
