"""The schema of ansinh's three YAML kinds, SPEC section 1: what pydantic validates, what
``ansinh schema`` prints for editors, and the conversion into the domain of ``ansinh.models``.

The schemas are TypedDicts checked by pydantic ``TypeAdapter``s: unknown fields are refused, each
field type reads what a person writes and says clearly what is wrong, and no model instance is
built per target (a national root has ninety thousand). The rules that join fields and files
together live in ``ansinh.checks``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, PlainValidator, TypeAdapter, WithJsonSchema, with_config
from pydantic_core import PydanticCustomError
from typing_extensions import TypedDict

from ansinh.language import render
from ansinh.models import Area, Baseline, BaseSeries, Indicator, Plan, PlanTarget, Successor, Target
from ansinh.numbers import NumberError, PlainNumber, could_be_grouped, grouped_text, is_whole, parse_decimal
from ansinh.periods import Period, PeriodError
from ansinh.text import LocalText, Text, suggest, t

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
BASE_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


def invalid(code: str, text: Text) -> PydanticCustomError:
    """A validation error that ``ansinh.files.schema_errors`` turns into a ``Problem`` with ``code``."""
    return PydanticCustomError("ansinh", "{message}", {"code": code, "text": text, "message": render(text, "en")})


# --- Field types: each reads what a person writes and says clearly what is wrong -------------
# Both YAML readers give numbers as their text (a str); these run once per field of every target.


def _slug(value: Any) -> str:
    if isinstance(value, str):
        if SLUG.fullmatch(value):
            return str(value)
        raise invalid("bad-id", t("id.slug", text=value))
    raise invalid("wrong-type", t("type.text", found=_type_name(value)))


def _base_id(value: Any) -> str:
    if not isinstance(value, str):
        raise invalid("wrong-type", t("type.text", found=_type_name(value)))
    if not BASE_ID.fullmatch(value):
        raise invalid("bad-id", t("id.base", text=value))
    return str(value)


def _text(value: Any) -> str:
    """Free text; a number written where text is expected keeps the digits it was written with."""
    if isinstance(value, str):
        return str(value).strip()
    raise invalid("wrong-type", t("type.text", found=_type_name(value)))


_PERIODS: dict[str, Period] = {}


def _period(value: Any) -> Period:
    if not isinstance(value, str):
        raise invalid("wrong-type", t("type.period", found=_type_name(value)))
    found = _PERIODS.get(value)
    if found is None:
        try:
            found = Period.parse(value)
        except PeriodError as error:
            raise invalid("bad-period", error.text) from None
        _PERIODS[str(value)] = found
    return found


def _number(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise invalid("wrong-type", t("type.number", found=_type_name(value)))
    try:
        return parse_decimal(value)
    except NumberError as error:
        raise invalid("bad-number", error.text) from None


def _count(value: Any) -> Decimal:
    """A count is whole and written without separators: ``27.000`` may mean 27 or 27,000."""
    if isinstance(value, str) and could_be_grouped(value):
        raise invalid("ambiguous-number", grouped_text(value))
    number = _number(value)
    if not is_whole(number):
        raise invalid("bad-number", t("number.not_whole", text=str(value), what=t("what.count")))
    return number


def _local_text(value: Any) -> LocalText:
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise invalid("wrong-type", t("type.empty_name"))
        return LocalText(vi=text, en=text)
    if isinstance(value, dict):
        unknown = sorted(str(key) for key in value if key not in ("vi", "en"))
        if unknown:
            raise invalid("unknown-field", t("name.languages", found=unknown[0]))
        texts: dict[str, str | None] = {}
        for lang in ("vi", "en"):
            text = value.get(lang)
            if text is not None and not isinstance(text, str):
                raise invalid("wrong-type", t("type.text", found=_type_name(text)))
            texts[lang] = str(text).strip() if text and text.strip() else None
        if not any(texts.values()):
            raise invalid("missing-field", t("name.empty"))
        return LocalText(vi=texts["vi"], en=texts["en"])
    raise invalid("wrong-type", t("type.name", found=_type_name(value)))


def _type_name(value: Any) -> Text:
    if value is None:
        return t("kind.nothing")
    if isinstance(value, bool):
        return t("kind.boolean")
    if isinstance(value, PlainNumber | Decimal | int | float):
        return t("kind.number")
    if isinstance(value, dict):
        return t("kind.mapping")
    if isinstance(value, list):
        return t("kind.list")
    return t("kind.text")


# What people write for a unit, by what it means: a unit is guessed from its meaning, never from
# its spelling (per_10000 is one letter from per_100k and means per_10k). Keys are written the
# way ``_unit_key`` reduces them: case-folded, without blanks, underscores, hyphens, dots, commas.
_UNIT_WORDS = {
    **dict.fromkeys(("percent", "percentage", "pct", "%", "phầntrăm", "phantram"), "percent"),
    **dict.fromkeys(("tỷlệ", "tỉlệ", "tylệ", "tilệ", "tyle", "tile", "tỷlệphầntrăm", "tỉlệphầntrăm"), "percent"),
    **dict.fromkeys(("‰", "permille", "permil", "phầnnghìn", "phannghin", "phầnngàn"), "per_1k"),
    **dict.fromkeys(("‱", "vạn", "phầnvạn", "phanvan"), "per_10k"),
    **dict.fromkeys(("count", "counts", "number", "numbers", "absolute", "countof", "numberof"), "count"),
    **dict.fromkeys(("số", "sốlượng", "soluong", "người", "nguoi", "sốtuyệtđối", "sotuyetdoi"), "count"),
}
# After "per", "trên", "/", "mỗi": the size of the denominator.
_UNIT_PER = {
    **dict.fromkeys(("100", "cent", "trăm", "tram"), "percent"),
    **dict.fromkeys(("1000", "1k", "thousand", "nghìn", "nghin", "ngàn", "ngan", "1nghìn", "‰"), "per_1k"),
    **dict.fromkeys(("10000", "10k", "tenthousand", "vạn", "van", "10nghìn", "10nghin", "mườinghìn", "‱"), "per_10k"),
    **dict.fromkeys(("100000", "100k", "hundredthousand", "100nghìn", "100nghin", "trămnghìn", "100ngàn"), "per_100k"),
}
_UNIT_PREFIXES = ("per", "trên", "tren", "/", "mỗi", "moi")
_UNIT_SUFFIXES = ("dân", "dan", "người", "nguoi", "population", "people", "inhabitants", "persons")


def _unit_key(text: str) -> str:
    import unicodedata

    return re.sub(r"[\s_\-.,'’]+", "", unicodedata.normalize("NFC", text).casefold())


def unit_meant(text: str) -> str | None:
    """The unit that ``text`` means, when it is one of the usual ways of writing one
    (``per_10000``, ``trên vạn dân``, ``‰``, ``phần trăm``); ``None`` for anything else: no guess
    is better than a wrong one."""
    key = _unit_key(text)
    if key in _UNIT_WORDS:
        return _UNIT_WORDS[key]
    prefix = next((prefix for prefix in _UNIT_PREFIXES if key.startswith(prefix)), None)
    core = key[len(prefix) :] if prefix else key
    suffix = next((suffix for suffix in _UNIT_SUFFIXES if core.endswith(suffix) and core != suffix), None)
    core = core[: -len(suffix)] if suffix else core
    if prefix:
        return _UNIT_PER.get(core)
    return _UNIT_WORDS.get(core) if suffix else None  # vạn dân, số người


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
FreeText = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string"})]
PeriodField = Annotated[Period, PlainValidator(_period), WithJsonSchema(_PERIOD_SCHEMA)]
Number = Annotated[Decimal, PlainValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
Count = Annotated[Decimal, PlainValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Name = Annotated[LocalText, PlainValidator(_local_text), WithJsonSchema(_NAME_SCHEMA)]

_STRICT = ConfigDict(extra="forbid")


def _describe(description: str, *examples: object) -> Any:
    return Field(description=description, examples=list(examples) if examples else None)


Source = NotRequired[
    Annotated[
        FreeText | None,
        _describe(
            "Where the figures come from: document, event, date.",
            "Hội nghị giao ban BCĐ Chương trình 08-CTr/TU, 3/8/2022",
        ),
    ]
]
Note = NotRequired[
    Annotated[FreeText | None, _describe("Free text for readers of the file.", "Derived: 22,796 + 4,204.")]
]


# --- targets/indicators.yaml -------------------------------------------------------------------


@with_config(_STRICT)
class IndicatorSchema(TypedDict):
    """What an indicator measures, in which unit, and which way is better."""

    id: Annotated[Slug, _describe("Unique slug: lowercase letters, digits, single hyphens.", "beds-per-10k")]
    name: Annotated[Name, _describe("The indicator's name, in Vietnamese and English.")]
    unit: Annotated[
        Literal["percent", "per_1k", "per_10k", "per_100k", "count"],
        _describe(
            "percent, per_1k, per_10k, per_100k (rates over the base), or count (a number of things).", "per_10k"
        ),
    ]
    better: Annotated[Literal["higher", "lower"], _describe("higher: more is better; lower: less is better.", "higher")]
    kind: Annotated[
        Literal["level", "flow"],
        _describe(
            "level: a state at a date (beds per 10,000); flow: an amount over a period that adds up (trainees).",
            "level",
        ),
    ]
    counts: NotRequired[
        Annotated[Name | None, _describe("What the counts count, for labels: {vi: giường bệnh, en: beds}.")]
    ]
    base: NotRequired[
        Annotated[
            BaseId | None,
            _describe("The denominator series in data/bases for a rate; not allowed for unit count.", "population"),
        ]
    ]
    source: Source
    note: Note


@with_config(_STRICT)
class BaseSeriesSchema(TypedDict):
    """A denominator series (population, households...): what it is and what it counts."""

    id: Annotated[BaseId, _describe("The name used in indicators' base and in data/bases/*.csv.", "population")]
    name: NotRequired[Annotated[Name | None, _describe("The series' name.")]]
    counts: NotRequired[Annotated[Name | None, _describe("What one unit of the base is: {vi: người, en: people}.")]]
    source: Source
    note: Note


@with_config(_STRICT)
class IndicatorsFileSchema(TypedDict):
    """targets/indicators.yaml: the catalogue of indicators, and optionally of base series."""

    indicators: Annotated[list[IndicatorSchema], _describe("Every indicator the plans and data may use.")]
    bases: NotRequired[
        Annotated[
            list[BaseSeriesSchema],
            _describe("Optional: base series named by indicators, declared even before data/bases has figures."),
        ]
    ]


# --- targets/areas.yaml --------------------------------------------------------------------------


def _successor(value: Any) -> Successor:
    """An item of ``became`` (SPEC 8): an area's id, or ``{area: id, share: 0.55}``. Checked here
    rather than as a union of two schemas, so that a mistake is one problem at the item, in the
    words of the field, not one for each shape it might have had."""
    if isinstance(value, str):
        return Successor(_slug(value))
    if not isinstance(value, dict):
        raise invalid("wrong-type", t("type.successor", found=_type_name(value)))
    unknown = [str(key) for key in value if key not in ("area", "share")]
    if unknown:
        guess = suggest(unknown[0], ["area", "share"])
        if guess:
            raise invalid("unknown-field", t("field.unknown_guess", field=unknown[0], guess=guess))
        raise invalid("unknown-field", t("field.unknown", field=unknown[0], known=["area", "share"]))
    if "area" not in value:
        raise invalid("missing-field", t("field.missing", field="area", what=t("area.successor_area")))
    share = value.get("share")
    if share is None:
        return Successor(_slug(value["area"]))
    number = _number(share)
    if not 0 < number <= 1:
        raise invalid("bad-value", t("area.share_range", share=str(share)))
    return Successor(_slug(value["area"]), number)


_SUCCESSOR_SCHEMA = {
    "oneOf": [
        {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The whole went to this unit."},
        {
            "type": "object",
            "properties": {
                "area": {
                    "type": "string",
                    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                    "description": "The id of the unit that took this part.",
                },
                "share": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "maximum": 1,
                    "description": "The part of its counts and bases that went to this unit.",
                },
            },
            "required": ["area"],
            "additionalProperties": False,
        },
    ],
    "examples": ["xa-phuc-tho", {"area": "p-uong-bi", "share": 0.55}],
}
_DAY_SCHEMA = {
    **_PERIOD_SCHEMA,
    "description": "A date (YYYY-MM-DD) or a period: since is its first day, until its last.",
    "examples": ["2025-06-30", "2025H1", 2025],
}
SuccessorField = Annotated[Successor, PlainValidator(_successor), WithJsonSchema(_SUCCESSOR_SCHEMA)]
DayField = Annotated[Period, PlainValidator(_period), WithJsonSchema(_DAY_SCHEMA)]


@with_config(_STRICT)
class AreaSchema(TypedDict):
    """A place plans are made for: a province, a district, a commune."""

    id: Annotated[Slug, _describe("Unique slug.", "phuc-tho")]
    name: Annotated[Name, _describe("The area's name.")]
    level: Annotated[
        Literal["country", "province", "district", "commune"],
        _describe("country, province, district or commune.", "district"),
    ]
    parent: NotRequired[Annotated[Slug | None, _describe("The id of the area this one belongs to.", "hanoi")]]
    since: NotRequired[
        Annotated[DayField | None, _describe("The first day the unit existed (a date, or a period's first day).")]
    ]
    until: NotRequired[
        Annotated[DayField | None, _describe("The last day the unit existed (a date, or a period's last day).")]
    ]
    became: NotRequired[
        Annotated[
            list[SuccessorField],
            _describe(
                "The units that took its territory after until: ids (whole), or {area, share} (part of its "
                "counts and bases; the shares sum to 1)."
            ),
        ]
    ]
    source: Source
    note: Note


@with_config(_STRICT)
class AreasFileSchema(TypedDict):
    """targets/areas.yaml: the places."""

    areas: Annotated[list[AreaSchema], _describe("Every area the plans and data may use.")]


# --- targets/<plan-id>.yaml ----------------------------------------------------------------------


@with_config(_STRICT)
class BaselineSchema(TypedDict):
    """Where a level target started: a value at a period."""

    value: Annotated[Number, _describe("The indicator's value at the baseline, in its unit.", 27.5)]
    period: Annotated[PeriodField, _describe("The period the baseline value is for.", "2022H1")]
    source: Source
    note: Note


# "from" is a Python keyword, so this schema is written in the functional form.
TargetSchema = TypedDict(
    "TargetSchema",
    {
        "value": NotRequired[
            Annotated[Number | None, _describe("Level indicators: the value to reach by the deadline.", 30)]
        ],
        "total": NotRequired[
            Annotated[Number | None, _describe("Flow indicators: the total to reach over [from, by].", 675000)]
        ],
        "per_year": NotRequired[
            Annotated[Number | None, _describe("Flow indicators: the amount to reach every calendar year.", 2800)]
        ],
        "from": NotRequired[
            Annotated[PeriodField | None, _describe("Flow totals: the first period of the window.", 2021)]
        ],
        "by": Annotated[PeriodField, _describe("The deadline: the end of this period.", 2025)],
    },
)
TargetSchema.__doc__ = "The target: a value by a deadline (levels), a total over a window or an amount a year (flows)."
TargetSchema.__pydantic_config__ = _STRICT  # type: ignore[attr-defined]


@with_config(_STRICT)
class PlanTargetSchema(TypedDict):
    """One indicator's target within a plan."""

    indicator: Annotated[Slug, _describe("The id of an indicator in targets/indicators.yaml.", "beds-per-10k")]
    lead: NotRequired[Annotated[FreeText | None, _describe("The lead agency (cơ quan chủ trì).", "Sở Y tế")]]
    baseline: NotRequired[Annotated[BaselineSchema | None, _describe("Level indicators: where the target started.")]]
    target: Annotated[TargetSchema, _describe("The target and its deadline.")]
    count: NotRequired[
        Annotated[
            Count | None, _describe("Rates: the absolute number the plan equates to the target (27000 beds).", 27000)
        ]
    ]
    area: NotRequired[Annotated[Slug | None, _describe("Overrides the plan's area for this target.", "phuc-tho")]]
    source: Source
    note: Note


@with_config(_STRICT)
class PlanSchema(TypedDict):
    """targets/<plan-id>.yaml: a multi-year plan's targets for an area."""

    id: Annotated[Slug, _describe("Must equal the file name without .yaml.", "hanoi-08-ctr-tu")]
    name: Annotated[Name, _describe("The plan's name.")]
    area: Annotated[Slug, _describe("The area the plan is for (an id in targets/areas.yaml).", "hanoi")]
    start: Annotated[PeriodField, _describe("The plan runs from the start of this period...", 2021)]
    end: Annotated[PeriodField, _describe("...to the end of this period.", 2025)]
    source: Source
    note: Note
    targets: NotRequired[Annotated[list[PlanTargetSchema], _describe("The plan's targets.")]]


class FileKind(StrEnum):
    """The kinds of files in a project folder (SPEC section 1)."""

    INDICATORS = "indicators"
    AREAS = "areas"
    PLAN = "plan"
    OBSERVATIONS = "observations"
    BASES = "bases"


SCHEMAS: dict[FileKind, Any] = {
    FileKind.INDICATORS: IndicatorsFileSchema,
    FileKind.AREAS: AreasFileSchema,
    FileKind.PLAN: PlanSchema,
}


@cache
def adapter(kind: FileKind) -> TypeAdapter[Any]:
    """The validator of one YAML kind, built once: building one costs more than using it."""
    return TypeAdapter(SCHEMAS[kind])


# --- conversion into the domain -------------------------------------------------------------------


def indicator_of(data: dict[str, Any]) -> Indicator:
    return Indicator(**data)


def base_series_of(data: dict[str, Any]) -> BaseSeries:
    return BaseSeries(**data)


def area_of(data: dict[str, Any]) -> Area:
    """``since`` is the first day of the period written, ``until`` its last (SPEC 8)."""
    since, until = data.get("since"), data.get("until")
    return Area(
        **{
            **data,
            "since": since.start if since is not None else None,
            "until": until.end if until is not None else None,
            "became": tuple(data.get("became") or ()),
        }
    )


def plan_of(data: dict[str, Any]) -> Plan:
    targets = tuple(_target_of(target) for target in data.get("targets", ()))
    return Plan(**{**data, "targets": targets})


def _target_of(data: dict[str, Any]) -> PlanTarget:
    spec = dict(data["target"])
    spec["from_"] = spec.pop("from", None)
    baseline = data.get("baseline")
    return PlanTarget(
        **{
            **data,
            "target": Target(**spec),
            "baseline": Baseline(**baseline) if baseline is not None else None,
        }
    )
