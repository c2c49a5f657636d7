"""The models of ansinh's files (SPEC section 1).

The three YAML kinds — the indicator catalogue, the areas, a plan — are pydantic models: they
refuse unknown fields, read numbers as ``Decimal`` with their written precision and periods as
``Period``, and give the JSON Schema that ``ansinh schema`` prints for editors. Observations and
bases come from CSV files that may hold millions of rows, so they are plain frozen dataclasses
filled by the CSV loaders without per-row validation machinery.

These models check the shape of each file; the rules that join fields and files together live in
``ansinh.checks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ansinh.numbers import NumberError, checked_decimal, could_be_grouped, is_whole, parse_decimal
from ansinh.periods import Period, PeriodError
from ansinh.text import LocalText, Text, t

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
BASE_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")

Unit = Literal["percent", "per_1k", "per_10k", "per_100k", "count"]
Better = Literal["higher", "lower"]
Kind = Literal["level", "flow"]
Level = Literal["country", "province", "district", "commune"]

SCALE: dict[str, int] = {"percent": 100, "per_1k": 1_000, "per_10k": 10_000, "per_100k": 100_000, "count": 1}


def invalid(code: str, text: Text) -> PydanticCustomError:
    """A validation error that ``ansinh.files.located`` turns into a ``Problem`` with ``code``."""
    return PydanticCustomError("ansinh", "{message}", {"code": code, "text": text, "message": text.render("en")})


# --- Field types: each reads what a person writes and says clearly what is wrong -------------


def _written(value: Any) -> str:
    return value if isinstance(value, str) else f"{value}"


def _slug(value: Any) -> str:
    text = _written(value) if isinstance(value, str | Decimal | int) and not isinstance(value, bool) else None
    if text is None:
        raise invalid("wrong-type", t("type.text", found=_type_name(value)))
    if not SLUG.fullmatch(text):
        raise invalid("bad-id", t("id.slug", text=text))
    return text


def _base_id(value: Any) -> str:
    if not isinstance(value, str):
        raise invalid("wrong-type", t("type.text", found=_type_name(value)))
    if not BASE_ID.fullmatch(value):
        raise invalid("bad-id", t("id.base", text=value))
    return value


def _period(value: Any) -> Period:
    if isinstance(value, Decimal) and is_whole(value) and value.as_tuple().exponent == 0:
        value = f"{value}"
    if not isinstance(value, str):
        raise invalid("wrong-type", t("type.period", found=_type_name(value)))
    try:
        return Period.parse(value)
    except PeriodError as error:
        raise invalid("bad-period", error.text) from None


def _number(value: Any) -> Decimal:
    try:
        if isinstance(value, bool) or value is None:
            raise invalid("wrong-type", t("type.number", found=_type_name(value)))
        if isinstance(value, str):
            return parse_decimal(value)
        if isinstance(value, int):
            value = Decimal(value)
        if isinstance(value, Decimal):
            return checked_decimal(value, _written(value))
    except NumberError as error:
        raise invalid("bad-number", error.text) from None
    raise invalid("wrong-type", t("type.number", found=_type_name(value)))


def _count(value: Any) -> Decimal:
    """A count is whole and written without separators: ``27.000`` may mean 27 or 27,000."""
    if isinstance(value, str | Decimal) and could_be_grouped(_written(value)):
        raise invalid("ambiguous-number", grouped_text(_written(value)))
    number = _number(value)
    if not is_whole(number):
        raise invalid("bad-number", t("number.not_whole", text=_written(value), what=t("what.count")))
    return number


def grouped_text(written: str) -> Text:
    digits = written.replace(".", "").replace(",", "")
    return t("number.grouped", text=written, whole=digits, decimal=written.replace(",", "."))


def _local_text(value: Any) -> LocalText:
    if isinstance(value, str | Decimal) and not isinstance(value, bool):
        text = _written(value).strip()
        if not text:
            raise invalid("wrong-type", t("type.empty_name"))
        return LocalText(vi=text, en=text)
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"vi", "en"})
        if unknown:
            raise invalid("unknown-field", t("name.languages", found=unknown[0]))
        texts = {lang: value.get(lang) for lang in ("vi", "en")}
        for lang, text in texts.items():
            if text is not None and not isinstance(text, str):
                raise invalid("wrong-type", t("type.text", found=_type_name(text)))
            if isinstance(text, str) and not text.strip():
                texts[lang] = None
        if not any(texts.values()):
            raise invalid("missing-field", t("name.empty"))
        return LocalText(vi=texts["vi"], en=texts["en"])
    raise invalid("wrong-type", t("type.name", found=_type_name(value)))


def _type_name(value: Any) -> Text:
    if value is None:
        return t("kind.nothing")
    if isinstance(value, bool):
        return t("kind.boolean")
    if isinstance(value, Decimal | int | float):
        return t("kind.number")
    if isinstance(value, dict):
        return t("kind.mapping")
    if isinstance(value, list):
        return t("kind.list")
    return t("kind.text")


_NAME_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "The same name in both languages."},
        {
            "type": "object",
            "properties": {
                "vi": {"type": "string", "description": "In Vietnamese."},
                "en": {"type": "string", "description": "In English."},
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
    "examples": [{"vi": "Số giường bệnh trên vạn dân", "en": "Hospital beds per 10,000 population"}],
}
_PERIOD_SCHEMA = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}([HhQq]\d|-\d{2}(-\d{2})?)?(/\d{4}([HhQq]\d|-\d{2}(-\d{2})?)?)?$",
    "description": "A period: YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-MM-DD, or a span A/B. Its date is its last day.",
    "examples": [2025, "2022H1", "2024Q3", "2024-10", "2024-10-22", "2021/2023"],
}

Slug = Annotated[
    str,
    PlainValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "examples": ["beds-per-10k"]}),
]
BaseId = Annotated[
    str,
    PlainValidator(_base_id),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+([-_][a-z0-9]+)*$", "examples": ["population"]}),
]
PeriodField = Annotated[Period, PlainValidator(_period), WithJsonSchema(_PERIOD_SCHEMA)]
Number = Annotated[Decimal, PlainValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
Count = Annotated[Decimal, PlainValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Name = Annotated[LocalText, PlainValidator(_local_text), WithJsonSchema(_NAME_SCHEMA)]


class _FileModel(BaseModel):
    """Shared configuration: unknown fields refused, numbers written as text kept as written."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        populate_by_name=True,
    )


_SOURCE = Field(
    None,
    description="Where the figures come from: document, event, date.",
    examples=["Hội nghị giao ban BCĐ Chương trình 08-CTr/TU, 3/8/2022"],
)
_NOTE = Field(None, description="Free text for readers of the file.", examples=["Derived: 22,796 + 4,204."])


# --- targets/indicators.yaml -------------------------------------------------------------------


class Indicator(_FileModel):
    """What an indicator measures, in which unit, and which way is better."""

    id: Slug = Field(description="Unique slug: lowercase letters, digits, single hyphens.", examples=["beds-per-10k"])
    name: Name = Field(description="The indicator's name, in Vietnamese and English.")
    unit: Unit = Field(
        description="percent, per_1k, per_10k, per_100k (rates over the base), or count (a number of things)."
    )
    better: Better = Field(description="higher: more is better; lower: less is better.", examples=["higher"])
    kind: Kind = Field(
        description="level: a state at a date (beds per 10,000); flow: an amount over a period that adds up (trainees)."
    )
    counts: Name | None = Field(None, description="What the counts count, for labels: {vi: giường bệnh, en: beds}.")
    base: BaseId | None = Field(
        None, description="The denominator series in data/bases for a rate; not allowed for unit count."
    )
    source: str | None = _SOURCE
    note: str | None = _NOTE

    @property
    def scale(self) -> int:
        return SCALE[self.unit]

    @property
    def direction(self) -> int:
        return 1 if self.better == "higher" else -1


class BaseSeries(_FileModel):
    """A denominator series (population, households...): what it is and what it counts."""

    id: BaseId = Field(
        description="The name used in indicators' base and in data/bases/*.csv.", examples=["population"]
    )
    name: Name | None = Field(None, description="The series' name.")
    counts: Name | None = Field(None, description="What one unit of the base is: {vi: người, en: people}.")
    source: str | None = _SOURCE
    note: str | None = _NOTE


class IndicatorsFile(_FileModel):
    """targets/indicators.yaml: the catalogue of indicators, and optionally of base series."""

    indicators: list[Indicator] = Field(description="Every indicator the plans and data may use.")
    bases: list[BaseSeries] = Field(
        default_factory=list,
        description="Optional: base series named by indicators, declared even before data/bases has figures.",
    )


# --- targets/areas.yaml --------------------------------------------------------------------------


class Area(_FileModel):
    """A place plans are made for: a province, a district, a commune."""

    id: Slug = Field(description="Unique slug.", examples=["phuc-tho"])
    name: Name = Field(description="The area's name.")
    level: Level = Field(description="country, province, district or commune.", examples=["district"])
    parent: Slug | None = Field(None, description="The id of the area this one belongs to.", examples=["hanoi"])
    source: str | None = _SOURCE
    note: str | None = _NOTE


class AreasFile(_FileModel):
    """targets/areas.yaml: the places."""

    areas: list[Area] = Field(description="Every area the plans and data may use.")


# --- targets/<plan-id>.yaml ----------------------------------------------------------------------


class Baseline(_FileModel):
    """Where a level target started: a value at a period."""

    value: Number = Field(description="The indicator's value at the baseline, in its unit.", examples=[27.5])
    period: PeriodField = Field(description="The period the baseline value is for.", examples=["2022H1"])
    source: str | None = _SOURCE
    note: str | None = _NOTE


class TargetSpec(_FileModel):
    """The goal: value by a deadline (levels), total over a window or an amount per year (flows)."""

    value: Number | None = Field(
        None, description="Level indicators: the value to reach by the deadline.", examples=[30]
    )
    total: Number | None = Field(
        None, description="Flow indicators: the total to reach over [from, by].", examples=[675000]
    )
    per_year: Number | None = Field(
        None, description="Flow indicators: the amount to reach every calendar year.", examples=[2800]
    )
    from_: PeriodField | None = Field(
        None, alias="from", description="Flow totals: the first period of the window.", examples=[2021]
    )
    by: PeriodField = Field(description="The deadline: the end of this period.", examples=[2025])


class PlanTarget(_FileModel):
    """One indicator's target within a plan."""

    indicator: Slug = Field(description="The id of an indicator in targets/indicators.yaml.", examples=["beds-per-10k"])
    lead: str | None = Field(None, description="The lead agency (cơ quan chủ trì).", examples=["Sở Y tế"])
    baseline: Baseline | None = Field(None, description="Level indicators: where the target started.")
    target: TargetSpec = Field(description="The goal and its deadline.")
    count: Count | None = Field(
        None, description="Rates: the absolute number the plan equates to the target (27000 beds)."
    )
    area: Slug | None = Field(None, description="Overrides the plan's area for this target.", examples=["phuc-tho"])
    source: str | None = _SOURCE
    note: str | None = _NOTE


class Plan(_FileModel):
    """targets/<plan-id>.yaml: a multi-year plan's targets for an area."""

    id: Slug = Field(description="Must equal the file name without .yaml.", examples=["hanoi-08-ctr-tu"])
    name: Name = Field(description="The plan's name.")
    area: Slug = Field(description="The area the plan is for (an id in targets/areas.yaml).", examples=["hanoi"])
    start: PeriodField = Field(description="The plan runs from the start of this period...", examples=[2021])
    end: PeriodField = Field(description="...to the end of this period.", examples=[2025])
    source: str | None = _SOURCE
    note: str | None = _NOTE
    targets: list[PlanTarget] = Field(default_factory=list, description="The plan's targets.")


class FileKind(StrEnum):
    """The kinds of files in a project folder (SPEC section 1)."""

    INDICATORS = "indicators"
    AREAS = "areas"
    PLAN = "plan"
    OBSERVATIONS = "observations"
    BASES = "bases"


YAML_MODELS: dict[FileKind, type[_FileModel]] = {
    FileKind.INDICATORS: IndicatorsFile,
    FileKind.AREAS: AreasFile,
    FileKind.PLAN: Plan,
}


# --- data/*.csv and data/bases/*.csv ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Observation:
    """A measured value of an indicator for an area and period (one CSV row)."""

    indicator: str
    area: str
    period: Period
    value: Decimal
    count: int | None
    source: str
    note: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class BaseFigure:
    """A known value of a base series for an area and calendar year (one CSV row)."""

    area: str
    base: str
    year: int
    value: Decimal
    kind: str
    source: str
    file: str
    line: int


BASE_KINDS = ("census", "estimate", "projection", "derived")
