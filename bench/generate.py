"""A deterministic generator of a synthetic national project folder, for benchmarks.

``generate(root, scale, seed)`` writes a complete ansinh root (SPEC sections 1-3): the catalogue of
27 indicators of every unit and kind, the areas of a country (34 provinces and 3,321 communes at
scale 1.0), one plan per province and commune, an observation for every area, indicator and
half-year from 2015H1 to 2024H2 (about 1.8 million rows), and the population and household bases.

The same arguments always give byte-identical files: every random draw comes from a
``random.Random`` seeded with the seed and the name of what is drawn, nothing is iterated in set
order, and nothing records the time. Run it as a script to write a root and print its counts::

    python bench/generate.py OUT_DIR [--scale 0.1] [--seed 2025] [--xlsx]

With ``--xlsx`` (``generate(..., xlsx=True)``) the observations are written as the workbook
``data/observations.xlsx`` instead, as Excel writes one: shared strings for the text cells,
numbers as numbers (as Excel stores them, without trailing zeros: the CSV's 0.30 is 0.3; the
count with a ``#,##0`` format), a million rows a sheet at most (Excel's
limit is 1,048,576) each under its own header, and fixed dates in the zip, so that it too is
byte-identical from run to run (``bench/xlsx_read.py``).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

PROVINCES = 34
COMMUNES = 3_321
COUNTRY = "vn"
FIRST_YEAR, LAST_YEAR = 2015, 2024
BASE_YEARS = (2015, 2019, 2024)
BASELINE = "2020H2"
DEADLINE = 2025
PERIODS: tuple[tuple[str, int], ...] = tuple(
    (f"{year}H{half}", year) for year in range(FIRST_YEAR, LAST_YEAR + 1) for half in (1, 2)
)
SCALE = {"percent": 100, "per_1k": 1_000, "per_10k": 10_000, "per_100k": 100_000, "count": 1}
CHUNK = 1 << 20  # characters of CSV collected before each write

Unit = Literal["percent", "per_1k", "per_10k", "per_100k", "count"]
FlowTarget = Literal["total", "per_year"]

HEALTH = "Sở Y tế"
LABOUR = "Sở Lao động - Thương binh và Xã hội"
INSURANCE = "Bảo hiểm xã hội tỉnh"
CONSTRUCTION = "Sở Xây dựng"
AGRICULTURE = "Sở Nông nghiệp và Phát triển nông thôn"
CULTURE = "Sở Văn hóa, Thể thao và Du lịch"
POLICE = "Công an tỉnh"


@dataclass(frozen=True, slots=True)
class Spec:
    """An indicator of the catalogue and how its synthetic series behave.

    A series is a random walk of a rate ``r``: for a rate indicator ``r`` is the value; for a count
    or a flow the value is ``r`` per ``per`` people of the area. ``drift`` is the mean step per
    half-year in the better direction, ``noise`` the standard deviation of a step.
    """

    id: str
    vi: str
    en: str
    unit: Unit
    better: Literal["higher", "lower"]
    counts_vi: str
    counts_en: str
    lead: str
    start: tuple[float, float]
    drift: float
    noise: float
    low: float = 0.0
    high: float = math.inf
    decimals: int = 1  # of observed values of rates
    target_decimals: int = 1  # of target values of rates
    kind: Literal["level", "flow"] = "level"
    base: str | None = None
    per: int = 1_000  # counts and flows: r is the amount per this many people
    declare_count: bool = False  # plans declare the target's count
    observed_count: bool = False  # observations carry the count column
    flow_target: FlowTarget = "total"


def _rate(
    id: str,
    vi: str,
    en: str,
    unit: Unit,
    better: Literal["higher", "lower"],
    base: str,
    counts: tuple[str, str],
    **kw: Any,
) -> Spec:
    return Spec(id, vi, en, unit, better, counts[0], counts[1], base=base, **kw)


INDICATORS: tuple[Spec, ...] = (
    # percent, better lower
    _rate("poor-household-rate", "Tỷ lệ hộ nghèo", "Poor-household rate", "percent", "lower", "households",
          ("hộ nghèo", "poor households"), lead=LABOUR, start=(5, 16), drift=0.3, noise=0.25, low=0.05,
          decimals=2, declare_count=True),
    _rate("near-poor-household-rate", "Tỷ lệ hộ cận nghèo", "Near-poor-household rate", "percent", "lower",
          "households", ("hộ cận nghèo", "near-poor households"), lead=LABOUR, start=(4, 12), drift=0.2,
          noise=0.25, low=0.05, decimals=2, declare_count=True),
    _rate("temporary-housing-rate", "Tỷ lệ hộ ở nhà tạm, nhà dột nát", "Households in temporary housing", "percent",
          "lower", "households", ("hộ ở nhà tạm", "households"), lead=CONSTRUCTION, start=(2, 9), drift=0.15,
          noise=0.12, low=0.01, decimals=2),
    _rate("hiv-prevalence", "Tỷ lệ nhiễm HIV trong cộng đồng", "HIV prevalence", "percent", "lower", "population",
          ("người nhiễm HIV", "people living with HIV"), lead=HEALTH, start=(0.15, 0.6), drift=0.005, noise=0.01,
          low=0.01, decimals=2, target_decimals=2),
    # percent, better higher
    _rate("health-insurance-coverage", "Tỷ lệ bao phủ bảo hiểm y tế", "Health insurance coverage", "percent",
          "higher", "population", ("người có thẻ bảo hiểm y tế", "insured people"), lead=INSURANCE, start=(68, 86),
          drift=0.7, noise=0.5, high=99.9, declare_count=True),
    _rate("social-insurance-coverage", "Tỷ lệ dân số tham gia bảo hiểm xã hội",
          "Share of the population with social insurance", "percent", "higher", "population",
          ("người tham gia bảo hiểm xã hội", "insured people"), lead=INSURANCE, start=(8, 22), drift=0.45,
          noise=0.35, high=99.9),
    _rate("unemployment-insurance-coverage", "Tỷ lệ dân số tham gia bảo hiểm thất nghiệp",
          "Share of the population with unemployment insurance", "percent", "higher", "population",
          ("người tham gia bảo hiểm thất nghiệp", "insured people"), lead=INSURANCE, start=(5, 16), drift=0.35,
          noise=0.3, high=99.9),
    _rate("clean-water-households", "Tỷ lệ hộ sử dụng nước sạch", "Households using clean water", "percent",
          "higher", "households", ("hộ dùng nước sạch", "households"), lead=AGRICULTURE, start=(50, 82), drift=1.0,
          noise=0.7, high=99.9, declare_count=True),
    _rate("hygienic-latrine-households", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "Households with a hygienic latrine",
          "percent", "higher", "households", ("hộ có nhà tiêu hợp vệ sinh", "households"), lead=HEALTH,
          start=(45, 78), drift=1.0, noise=0.8, high=99.9),
    _rate("trained-labour-rate", "Tỷ lệ người dân đã qua đào tạo nghề",
          "Share of people with vocational training", "percent", "higher", "population",
          ("người đã qua đào tạo", "trained people"), lead=LABOUR, start=(18, 42), drift=0.9, noise=0.6,
          high=99.9),
    # per 1,000
    _rate("crude-death-rate", "Tỷ suất chết thô trên 1.000 dân", "Crude death rate per 1,000 population", "per_1k",
          "lower", "population", ("người chết", "deaths"), lead=HEALTH, start=(5, 8), drift=0.03, noise=0.12,
          low=1.0, decimals=2),
    _rate("social-assistance-per-1k", "Số người hưởng trợ cấp xã hội hằng tháng trên 1.000 dân",
          "Monthly social-assistance beneficiaries per 1,000 population", "per_1k", "higher", "population",
          ("người hưởng trợ cấp", "beneficiaries"), lead=LABOUR, start=(14, 34), drift=0.3, noise=0.35, low=1.0),
    # per 10,000: the observations carry their counts
    _rate("beds-per-10k", "Số giường bệnh trên vạn dân", "Hospital beds per 10,000 population", "per_10k",
          "higher", "population", ("giường bệnh", "beds"), lead=HEALTH, start=(20, 34), drift=0.3, noise=0.4,
          low=2.0, decimals=2, declare_count=True, observed_count=True),
    _rate("doctors-per-10k", "Số bác sỹ trên vạn dân", "Doctors per 10,000 population", "per_10k", "higher",
          "population", ("bác sỹ", "doctors"), lead=HEALTH, start=(7, 13), drift=0.15, noise=0.15, low=1.0,
          decimals=2, declare_count=True, observed_count=True),
    _rate("nurses-per-10k", "Số điều dưỡng trên vạn dân", "Nurses per 10,000 population", "per_10k", "higher",
          "population", ("điều dưỡng", "nurses"), lead=HEALTH, start=(12, 25), drift=0.2, noise=0.25, low=1.0,
          decimals=2, observed_count=True),
    _rate("pharmacists-per-10k", "Số dược sĩ đại học trên vạn dân",
          "University-trained pharmacists per 10,000 population", "per_10k", "higher", "population",
          ("dược sĩ", "pharmacists"), lead=HEALTH, start=(1.5, 4), drift=0.05, noise=0.06, low=0.5, decimals=2,
          target_decimals=2, observed_count=True),
    # per 100,000
    _rate("tuberculosis-per-100k", "Số người mắc lao trên 100.000 dân", "Tuberculosis cases per 100,000 population",
          "per_100k", "lower", "population", ("người mắc lao", "cases"), lead=HEALTH, start=(100, 200), drift=2.0,
          noise=4.0, low=5.0, target_decimals=0),
    _rate("road-deaths-per-100k", "Số người chết vì tai nạn giao thông trên 100.000 dân",
          "Road traffic deaths per 100,000 population", "per_100k", "lower", "population",
          ("người chết", "deaths"), lead=POLICE, start=(6, 14), drift=0.12, noise=0.35, low=0.5),
    _rate("dengue-per-100k", "Số ca mắc sốt xuất huyết trên 100.000 dân", "Dengue cases per 100,000 population",
          "per_100k", "lower", "population", ("ca mắc", "cases"), lead=HEALTH, start=(50, 300), drift=3.0,
          noise=18.0, low=1.0, target_decimals=0),
    # counts at a date
    Spec("social-assistance-facilities", "Số cơ sở trợ giúp xã hội", "Social assistance facilities", "count",
         "higher", "cơ sở", "facilities", LABOUR, start=(2, 6), drift=0.05, noise=0.08, per=100_000),
    Spec("village-cultural-houses", "Số nhà văn hóa thôn, tổ dân phố", "Village cultural houses", "count", "higher",
         "nhà văn hóa", "cultural houses", CULTURE, start=(0.4, 0.8), drift=0.01, noise=0.01),
    Spec("registered-drug-users", "Số người nghiện ma túy có hồ sơ quản lý", "Registered drug users", "count",
         "lower", "người nghiện", "drug users", POLICE, start=(0.6, 2.0), drift=0.02, noise=0.05),
    # flows: the amount in each half-year
    Spec("vocational-trainees", "Tuyển sinh giáo dục nghề nghiệp", "Vocational trainees enrolled", "count",
         "higher", "lượt người", "trainees", LABOUR, start=(8, 15), drift=0.1, noise=0.5, kind="flow"),
    Spec("jobs-created", "Số lao động được giải quyết việc làm", "Jobs created", "count", "higher", "lao động",
         "workers", LABOUR, start=(5, 10), drift=0.08, noise=0.4, kind="flow", flow_target="per_year"),
    Spec("houses-for-poor", "Nhà ở cho hộ nghèo được hỗ trợ xây mới, sửa chữa",
         "Houses built or repaired for poor households", "count", "higher", "căn nhà", "houses", CONSTRUCTION,
         start=(2, 8), drift=0.05, noise=0.6, kind="flow", per=10_000),
    Spec("workers-abroad", "Lao động đi làm việc ở nước ngoài theo hợp đồng", "Workers placed abroad under contract",
         "count", "higher", "lao động", "workers", LABOUR, start=(0.5, 2.0), drift=0.02, noise=0.1, kind="flow",
         flow_target="per_year"),
    Spec("new-voluntary-insured", "Người tham gia bảo hiểm xã hội tự nguyện mới",
         "New voluntary social insurance members", "count", "higher", "người", "people", INSURANCE,
         start=(1, 4), drift=0.05, noise=0.2, kind="flow"),
)  # fmt: skip

BASES = (
    ("population", "dân số", "population", "người", "people"),
    ("households", "số hộ", "households", "hộ", "households"),
)
NAME_WORDS = (
    "An", "Bình", "Hòa", "Phú", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Long", "Phước", "Tân", "Mỹ", "Hưng",
    "Thịnh", "Quảng", "Đức", "Xuân", "Hải", "Sơn", "Lâm", "Thủy", "Vĩnh", "Lộc", "Cẩm", "Hồng", "Việt", "Yên", "Định",
)  # fmt: skip

_GROWTH = Context(prec=40)  # as ansinh.bases extrapolates


@dataclass(slots=True)
class Area:
    """A generated area and its bases at the known years."""

    id: str
    name: str
    level: str
    parent: str | None
    population: dict[int, int]
    households: dict[int, int]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _sizes(scale: float) -> tuple[int, int]:
    """Provinces and communes at ``scale``."""
    return max(1, round(PROVINCES * scale)), round(COMMUNES * scale)


def _place_name(rng: random.Random) -> str:
    return f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}"


def _areas(scale: float, seed: int) -> list[Area]:
    """The country, its provinces and their communes, with populations and households; a province's
    bases are the sums of its communes', the country's the sums of its provinces'."""
    provinces, communes = _sizes(scale)
    country = Area(COUNTRY, "Việt Nam", "country", None, dict.fromkeys(BASE_YEARS, 0), dict.fromkeys(BASE_YEARS, 0))
    result = [country]
    for p in range(1, provinces + 1):
        pid = f"p{p:02d}"
        rng = random.Random(f"{seed}/area/{pid}")
        province = Area(pid, f"Tỉnh {p:02d} {_place_name(rng)}", "province", COUNTRY, dict.fromkeys(BASE_YEARS, 0), {})
        province.households = dict.fromkeys(BASE_YEARS, 0)
        result.append(province)
        share = communes // provinces + (1 if p <= communes % provinces else 0)
        for c in range(1, share + 1):
            cid = f"{pid}-c{c:03d}"
            rng = random.Random(f"{seed}/area/{cid}")
            people_2019 = rng.randint(5_000, 30_000)
            growth = rng.uniform(-0.003, 0.02)
            people = {
                2015: round(people_2019 / (1 + growth) ** 4),
                2019: people_2019,
                2024: round(people_2019 * (1 + growth) ** 5),
            }
            size = rng.uniform(3.2, 3.9)  # people per household in 2019, falling slowly
            homes = {year: round(people[year] / (size - 0.02 * (year - 2019))) for year in BASE_YEARS}
            result.append(Area(cid, f"Xã {c:03d} {_place_name(rng)}", "commune", pid, people, homes))
            for year in BASE_YEARS:
                province.population[year] += people[year]
                province.households[year] += homes[year]
        for year in BASE_YEARS:
            country.population[year] += province.population[year]
            country.households[year] += province.households[year]
    return result


def _base_fraction(known: dict[int, int], year: int) -> tuple[int, int]:
    """The base for ``year`` as numerator and denominator, interpolated as ansinh does (SPEC 1.5);
    ``year`` lies within the known years."""
    if year in known:
        return known[year], 1
    before = max(y for y in known if y < year)
    after = min(y for y in known if y > year)
    return known[before] * (after - year) + known[after] * (year - before), after - before


def _base_2025(known: dict[int, int]) -> Fraction:
    """The base for the deadline year, extrapolated with the compound growth of 2019-2024."""
    near, far = Decimal(known[2024]), Decimal(known[2019])
    ratio = _GROWTH.divide(near, far)
    exponent = _GROWTH.divide(Decimal(DEADLINE - 2024), Decimal(2024 - 2019))
    return Fraction(_GROWTH.multiply(near, _GROWTH.power(ratio, exponent)))


def _agrees(count: int, target: str, scale: int, base: Fraction) -> bool:
    """Whether ``count`` is ``target`` per ``scale`` of ``base`` within the rounding of ``target``."""
    value = Decimal(target)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    half = Decimal(5).scaleb(exponent - 1)
    high_rate, low_rate = Fraction(value + half), Fraction(value - half)
    if count * scale / high_rate > base:
        return False
    return low_rate <= 0 or base <= count * scale / low_rate


def _walk(rng: random.Random, spec: Spec) -> list[float]:
    """The rate of one series at each half-year: a random walk with a drift of its own."""
    sign = 1 if spec.better == "higher" else -1
    drift = sign * rng.gauss(spec.drift, spec.drift * 1.2)
    r = rng.uniform(*spec.start)
    low, high, noise, gauss = spec.low, spec.high, spec.noise, rng.gauss
    walk = []
    for _ in PERIODS:
        walk.append(r)
        r = min(high, max(low, r + drift + gauss(0.0, noise)))
    return walk


def _people(area: Area, year: int) -> float:
    top, bottom = _base_fraction(area.population, year)
    return top / bottom


def _series(rng: random.Random, spec: Spec, area: Area) -> tuple[list[str], list[str]]:
    """The written values and counts of one series, one each per half-year."""
    walk = _walk(rng, spec)
    if spec.unit == "count":
        values = [
            str(max(0, round(r * _people(area, year) / spec.per))) for r, (_, year) in zip(walk, PERIODS, strict=True)
        ]
        return values, [""] * len(values)
    if not spec.observed_count:
        return [f"{r:.{spec.decimals}f}" for r in walk], [""] * len(walk)
    # A count first, then the value it gives over the base, rounded half up: the two always agree.
    assert spec.base is not None
    known = area.population if spec.base == "population" else area.households
    scale, unit = SCALE[spec.unit], 10**spec.decimals
    values, counts = [], []
    for r, (_, year) in zip(walk, PERIODS, strict=True):
        top, bottom = _base_fraction(known, year)
        count = max(1, round(r * top / bottom / scale))
        written = (2 * count * scale * unit * bottom + top) // (2 * top)
        values.append(f"{written // unit}.{written % unit:0{spec.decimals}d}")
        counts.append(str(count))
    return values, counts


def _level_target(rng: random.Random, spec: Spec, area: Area, baseline: str) -> tuple[str, int | None]:
    """The target value for a level indicator, and its count when the plan declares one. About one
    target in five hundred is already met at its baseline, as happens when a plan is adopted late."""
    sign = 1 if spec.better == "higher" else -1
    already_met = rng.random() < 0.002
    gain = spec.drift * 10 * rng.uniform(0.5, 1.8) * (-0.3 if already_met else 1)
    if spec.unit == "count":
        gain *= _people(area, 2024) / spec.per
        value = max(0, round(int(baseline) + sign * gain))
        if not already_met and sign * (value - int(baseline)) <= 0:
            value = max(0, int(baseline) + sign)
        return str(value), None
    step = Decimal(1).scaleb(-spec.target_decimals)
    start = Decimal(baseline)
    value = Decimal(repr(float(start) + sign * gain)).quantize(step)
    if not already_met:
        while sign * (value - start) <= 0:
            value += sign * step
    if spec.unit == "percent":
        value = min(Decimal(repr(min(100.0, spec.high))).quantize(step), value)
    value = max(Decimal(0).quantize(step), value)
    text = f"{value}"
    if not spec.declare_count or (area.level == "commune" and rng.random() < 0.5):
        return text, None
    # The count the target equates to, rounded the way SPEC 3 rounds target_count; where no count
    # agrees with the target as written (a small base, a precise target), the target is written
    # with fewer decimals, rounded towards better; the rare rest keep a target-count-mismatch.
    assert spec.base is not None
    base = _base_2025(area.population if spec.base == "population" else area.households)
    scale = SCALE[spec.unit]
    first: tuple[str, int] | None = None
    for places in range(spec.target_decimals, -1, -1):
        written = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_CEILING if sign > 0 else ROUND_FLOOR)
        exact = Fraction(written) * base / scale
        candidates = (math.ceil(exact) if sign > 0 else math.floor(exact), round(exact))
        first = first or (f"{written}", candidates[0])
        for count in candidates:
            if _agrees(count, f"{written}", scale, base):
                return f"{written}", count
    assert first is not None
    return first


def _plan(rng: random.Random, area: Area, first: dict[str, list[str]]) -> str:
    """The YAML of the plan of ``area``, its baselines taken from the observations of 2020H2."""
    at = PERIODS.index((BASELINE, 2020))
    kind = "tỉnh" if area.level == "province" else "xã"
    lines = [
        "# Synthetic plan generated by bench/generate.py.",
        f"id: plan-{area.id}",
        f"name: {_q(f'Kế hoạch phát triển an sinh xã hội {area.name} giai đoạn 2021-2025')}",
        f"area: {area.id}",
        "start: 2021",
        "end: 2025",
        f"source: {_q(f'Nghị quyết Đại hội Đảng bộ {kind} nhiệm kỳ 2020-2025')}",
        "targets:",
    ]
    for spec in INDICATORS:
        lines.append(f"  - indicator: {spec.id}")
        if area.level == "province" or rng.random() < 0.3:
            lines.append(f"    lead: {_q(spec.lead)}")
        values = first[spec.id]
        if spec.kind == "flow":
            annual = sum(int(v) for v in values[at - 3 : at + 1]) / 2
            if spec.flow_target == "total":
                total = max(1, round(annual * 5 * rng.uniform(0.85, 1.3)))
                lines.append(f"    target: {{total: {total}, from: 2021, by: {DEADLINE}}}")
            else:
                per_year = max(1, round(annual * rng.uniform(0.85, 1.3)))
                lines.append(f"    target: {{per_year: {per_year}, by: {DEADLINE}}}")
            continue
        baseline = values[at]
        target, count = _level_target(rng, spec, area, baseline)
        lines.append(f"    baseline: {{value: {baseline}, period: {BASELINE}}}")
        lines.append(f"    target: {{value: {target}, by: {DEADLINE}}}")
        if count is not None:
            lines.append(f"    count: {count}")
    return "\n".join(lines) + "\n"


def _catalogue(seed: int, scale: float) -> str:
    lines = [
        f"# Synthetic national catalogue generated by bench/generate.py (seed {seed}, scale {scale}).",
        "bases:",
    ]
    for base, vi, en, counts_vi, counts_en in BASES:
        lines += [
            f"  - id: {base}",
            f"    name: {{vi: {_q(vi)}, en: {_q(en)}}}",
            f"    counts: {{vi: {_q(counts_vi)}, en: {_q(counts_en)}}}",
        ]
    lines.append("indicators:")
    for spec in INDICATORS:
        lines += [
            f"  - id: {spec.id}",
            f"    name: {{vi: {_q(spec.vi)}, en: {_q(spec.en)}}}",
            f"    unit: {spec.unit}",
            f"    better: {spec.better}",
            f"    kind: {spec.kind}",
            f"    counts: {{vi: {_q(spec.counts_vi)}, en: {_q(spec.counts_en)}}}",
        ]
        if spec.base is not None:
            lines.append(f"    base: {spec.base}")
    return "\n".join(lines) + "\n"


def _areas_yaml(areas: list[Area]) -> str:
    lines = ["# Synthetic areas generated by bench/generate.py.", "areas:"]
    for area in areas:
        parent = f", parent: {area.parent}" if area.parent else ""
        lines.append(f"  - {{id: {area.id}, name: {_q(area.name)}, level: {area.level}{parent}}}")
    return "\n".join(lines) + "\n"


def _bases_csv(areas: list[Area]) -> Iterator[str]:
    yield "area,base,year,value,kind,source\n"
    sources = {
        2015: ("estimate", "Niên giám thống kê 2015"),
        2019: ("census", "Tổng điều tra dân số và nhà ở 1/4/2019"),
        2024: ("estimate", "Niên giám thống kê 2024"),
    }
    for area in areas:
        for base, known in (("population", area.population), ("households", area.households)):
            for year in BASE_YEARS:
                kind, source = sources[year]
                yield f"{area.id},{base},{year},{known[year]},{kind},{source}\n"
            # A projection for the deadline year, as statistics offices publish: without it every
            # target's count would rest on an extrapolated base.
            projected = round(_base_2025(known))
            yield f"{area.id},{base},{DEADLINE},{projected},projection,Dự báo dân số {DEADLINE}\n"


def generate(root: Path, scale: float = 1.0, seed: int = 2025, *, xlsx: bool = False) -> dict[str, int]:
    """Write a synthetic national root at ``root`` (which must be empty or absent) and return its
    counts: areas, plans, targets, observations, base rows and the bytes written. With ``xlsx``
    the observations are the workbook ``data/observations.xlsx`` (the same rows)."""
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty: generate into a new folder")
    if scale <= 0:
        raise ValueError("scale must be positive")
    targets_dir, data_dir = root / "targets", root / "data"
    (data_dir / "bases").mkdir(parents=True)
    targets_dir.mkdir()
    areas = _areas(scale, seed)
    yaml_bytes = 0
    for name, text in (("indicators.yaml", _catalogue(seed, scale)), ("areas.yaml", _areas_yaml(areas))):
        yaml_bytes += (targets_dir / name).write_bytes(text.encode())

    observations = plans = targets = 0
    periods = [f",{label}," for label, _ in PERIODS]
    # The half-year report (sơ kết 6 tháng) and the year-end report (tổng kết năm).
    sources = [",Báo cáo 6 tháng\n" if label.endswith("H1") else ",Báo cáo năm\n" for label, _ in PERIODS]
    with (data_dir / "observations.csv").open("w", encoding="utf-8", newline="\n") as out:
        out.write("indicator,area,period,value,count,source\n")
        chunk: list[str] = []
        size = 0
        for area in areas:
            first: dict[str, list[str]] = {}
            for spec in INDICATORS:
                rng = random.Random(f"{seed}/series/{area.id}/{spec.id}")
                values, counts = _series(rng, spec, area)
                first[spec.id] = values
                head = spec.id + "," + area.id
                rows = [
                    head + period + value + "," + count + source
                    for period, value, count, source in zip(periods, values, counts, sources, strict=True)
                ]
                chunk.extend(rows)
                size += len(rows) * (len(head) + 40)
                observations += len(rows)
            if size >= CHUNK:
                out.write("".join(chunk))
                chunk, size = [], 0
            if area.level != "country":
                text = _plan(random.Random(f"{seed}/plan/{area.id}"), area, first)
                yaml_bytes += (targets_dir / f"plan-{area.id}.yaml").write_bytes(text.encode())
                plans += 1
                targets += len(INDICATORS)
        out.write("".join(chunk))

    base_lines = list(_bases_csv(areas))
    (data_dir / "bases" / "population.csv").write_bytes("".join(base_lines).encode())
    observations_file = data_dir / "observations.csv"
    if xlsx:
        observations_file = data_dir / "observations.xlsx"
        write_workbook(data_dir / "observations.csv", observations_file)
        (data_dir / "observations.csv").unlink()
    return {
        "areas": len(areas),
        "provinces": sum(area.level == "province" for area in areas),
        "communes": sum(area.level == "commune" for area in areas),
        "indicators": len(INDICATORS),
        "plans": plans,
        "targets": targets,
        "observations": observations,
        "base_rows": len(base_lines) - 1,
        "observations_bytes": observations_file.stat().st_size,
        "yaml_bytes": yaml_bytes,
    }


# --- the observations as a workbook ------------------------------------------------------------

SHEET_ROWS = 1_000_000  # data rows a sheet; Excel's limit is 1,048,576 rows with the header
_NUMBER_COLUMNS = ("value", "count")
_ZIP_DATE = (2025, 1, 1, 0, 0, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_workbook(source: Path, target: Path) -> int:
    """Write the rows of the CSV file ``source`` as the workbook ``target``, as Excel would save
    them; the number of data rows. Text cells go to the shared strings, in order of first use."""
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        numeric = {position for position, name in enumerate(header) if name in _NUMBER_COLUMNS}
        count_column = header.index("count") if "count" in header else -1
        letters = [_column_letters(position + 1) for position in range(len(header))]
        strings: dict[str, int] = {}
        sheets: list[str] = []
        total = 0
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            rows = iter(reader)
            while True:
                chunk = list(itertools.islice(rows, SHEET_ROWS))
                if not chunk and sheets:
                    break
                sheets.append(f"Sheet{len(sheets) + 1}")
                info = zipfile.ZipInfo(f"xl/worksheets/sheet{len(sheets)}.xml", _ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(info, "w", force_zip64=True) as stream:
                    _write_sheet(stream, [header, *chunk], numeric, count_column, letters, strings)
                total += len(chunk)
                if len(chunk) < SHEET_ROWS:
                    break
            _write_parts(archive, sheets, strings)
    return total


def _as_excel_writes(text: str) -> str:
    """A number as Excel stores it: the shortest text of its double, no trailing zeros (0.30 is
    0.3; 17.0 is 17)."""
    if "." not in text:
        return text
    shortest = repr(float(text))
    return shortest.removesuffix(".0")


def _write_sheet(
    stream: Any,
    rows: list[list[str]],
    numeric: set[int],
    count_column: int,
    letters: list[str],
    strings: dict[str, int],
) -> None:
    width = letters[-1]
    stream.write(
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="A1:{width}{len(rows)}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>'.encode()
    )
    parts: list[str] = []
    for number, row in enumerate(rows, 1):
        cells = []
        for position, text in enumerate(row):
            if not text:
                continue
            place = f"{letters[position]}{number}"
            if number > 1 and position in numeric:
                style = ' s="1"' if position == count_column else ""
                cells.append(f'<c r="{place}"{style}><v>{_as_excel_writes(text)}</v></c>')
            else:
                index = strings.setdefault(text, len(strings))
                cells.append(f'<c r="{place}" t="s"><v>{index}</v></c>')
        parts.append(f'<row r="{number}" spans="1:{len(row)}">{"".join(cells)}</row>')
        if len(parts) >= 4096:
            stream.write("".join(parts).encode())
            parts = []
    stream.write(("".join(parts) + "</sheetData></worksheet>").encode())


def _write_parts(archive: zipfile.ZipFile, sheets: list[str], strings: dict[str, int]) -> None:
    def part(name: str, text: str) -> None:
        archive.writestr(zipfile.ZipInfo(name, _ZIP_DATE), (_XML + text).encode(), zipfile.ZIP_DEFLATED)

    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for number in range(1, len(sheets) + 1)
    )
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    part(
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/>{overrides}</Types>',
    )
    part(
        "_rels/.rels",
        f'<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
        f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    )
    sheet_list = "".join(
        f'<sheet name="{name}" sheetId="{number}" r:id="rId{number}"/>' for number, name in enumerate(sheets, 1)
    )
    part("xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>{sheet_list}</sheets></workbook>')
    relations = "".join(
        f'<Relationship Id="rId{number}" Type="{_RELS}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, len(sheets) + 1)
    )
    extra = len(sheets)
    relations += (
        f'<Relationship Id="rId{extra + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{extra + 2}" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    part("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_PACKAGE_RELS}">{relations}</Relationships>')
    part(
        "xl/styles.xml",
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    )
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    part(
        "xl/sharedStrings.xml",
        f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>',
    )


def main(argv: list[str] | None = None) -> int:
    """The command line: write a root, print its counts as JSON (and the time taken on stderr)."""
    parser = argparse.ArgumentParser(description="Generate a synthetic national ansinh root for benchmarks.")
    parser.add_argument("out", type=Path, help="the folder to create (must be empty or absent)")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the national size (default 1.0)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    parser.add_argument("--xlsx", action="store_true", help="write the observations as data/observations.xlsx")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.out, scale=args.scale, seed=args.seed, xlsx=args.xlsx)
    except (FileExistsError, ValueError) as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    print(json.dumps(counts, indent=2))
    print(f"generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
