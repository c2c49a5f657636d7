"""Problems found in the files: one type, and the catalogue of their codes.

Every check adds ``Problem`` values to a list instead of raising, so a run reports everything
wrong at once; the text, JSON and GitHub renderers all read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from ansinh.language import Lang, Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of problem: its severity and, for the documentation, what it means."""

    id: str
    severity: Severity
    meaning: str


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    code.id: code
    for code in (
        Code("file-missing", _E, "A file the project needs is absent (targets/indicators.yaml, targets/areas.yaml)."),
        Code("file-unreadable", _E, "A file or folder cannot be read (the system gives the reason), or is not UTF-8."),
        Code("file-too-large", _E, "A file is larger than its limit (see Limits in the README)."),
        Code(
            "file-not-read",
            _W,
            "An entry of targets/, data/ or data/bases/ that ansinh does not read (a folder, another kind of file, "
            "an Excel file, a link to nothing), with what to do.",
        ),
        Code("no-data-folder", _W, "There is no data/ folder: every target has no data."),
        Code("yaml-syntax", _E, "The file is not valid YAML."),
        Code("yaml-too-deep", _E, "Collections are nested deeper than the limit."),
        Code("yaml-too-many-aliases", _E, "More aliases (*name) than the limit, or aliases that expand to too much."),
        Code(
            "yaml-unsupported",
            _E,
            "A YAML feature ansinh does not read: several documents, tags, keys that are not text.",
        ),
        Code("duplicate-key", _E, "The same key twice in one mapping; YAML readers silently keep the last one."),
        Code("unknown-field", _E, "A field ansinh does not know, usually a misspelling."),
        Code("missing-field", _E, "A required field is absent."),
        Code("wrong-type", _E, "A field has the wrong kind of value (text for a number, a list for a mapping...)."),
        Code("bad-value", _E, "A value outside its allowed set or range (an unknown unit, a percent above 100...)."),
        Code("bad-period", _E, "A period that is not YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-MM-DD or a span A/B."),
        Code("bad-id", _E, "An id that is not a slug of lowercase letters, digits and hyphens."),
        Code("bad-number", _E, "A number that is not finite, is negative, or is not written plainly."),
        Code("ambiguous-number", _E, "A number that may hide a thousands separator (22.796 or 22,796)."),
        Code("csv-syntax", _E, "The CSV file cannot be read as CSV (an unclosed quote...)."),
        Code("csv-header", _E, "The header lacks a required column, repeats one, or names an unknown one."),
        Code("csv-row-length", _E, "A row has more or fewer cells than the header."),
        Code("unknown-reference", _E, "An indicator, area, base or plan that is referenced but not declared."),
        Code("duplicate-id", _E, "Two declarations with the same id."),
        Code("plan-id-mismatch", _E, "A plan's id differs from its file name."),
        Code("area-cycle", _E, "Areas whose parents form a cycle."),
        Code("indicator-definition", _E, "An indicator whose unit, kind, direction and base do not fit together."),
        Code(
            "target-shape",
            _E,
            "A target whose fields do not fit its indicator's kind (value/by, total/from/by, per_year/by).",
        ),
        Code("target-kind-mismatch", _E, "A flow target on a level indicator, or the reverse."),
        Code("deadline-not-after-baseline", _E, "A target whose deadline is not after its baseline."),
        Code("duplicate-target", _E, "An indicator that appears twice in one plan."),
        Code("plan-period", _E, "A plan that ends before it starts."),
        Code("conflicting-base", _E, "Two figures of the same base, area and year with different values."),
        Code(
            "conflicting-observation", _E, "Two observations of the same thing at the same time with different values."
        ),
        Code("overlapping-periods", _E, "Flow observations whose periods overlap, so their sum would count twice."),
        Code("window-straddle", _E, "A flow observation that straddles the edge of a target's window."),
        Code("met-at-baseline", _W, "A target already met at its baseline."),
        Code(
            "count-rate-mismatch",
            _W,
            "An observation whose value, count and base disagree beyond the rounding of the value.",
        ),
        Code("target-count-mismatch", _W, "A declared target count that disagrees with target × base at the deadline."),
        Code("extrapolated-base", _W, "A base extrapolated beyond its known years."),
        Code(
            "stale-observation", _W, "The observation a row uses ends more than twelve months before the report's date."
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong or suspicious in the files: where it is, and a message saying what to do."""

    code: str
    text: Text
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: Lang) -> str:
        return self.text.render(lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code)

    def to_json(self, lang: Lang) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "message": self.message(lang),
        }


Path = tuple[str | int, ...]


def field_path(loc: Path) -> str:
    """``('targets', 0, 'target', 'by')`` -> ``targets[0].target.by``."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        else:
            path = f"{path}.{step}" if path else step
    return path


class Locator(Protocol):
    """Anything that can say where a field path was written in a file."""

    def locate(self, path: Path, *, at_key: bool = False) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class LineOf:
    """In a finding's message, the line of another field of the same file."""

    path: Path


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a YAML file known by its field path; its line comes from the file later."""

    code: str
    text: Text
    path: Path
    at_key: bool = False

    def paths(self) -> list[Path]:
        return [self.path, *(value.path for _, value in self.text.args if isinstance(value, LineOf))]

    def located(self, file: str, where: Locator) -> Problem:
        line, column = where.locate(self.path, at_key=self.at_key)
        args = tuple(
            (name, str(where.locate(value.path)[0]) if isinstance(value, LineOf) else value)
            for name, value in self.text.args
        )
        return Problem(self.code, Text(self.text.key, args), file, line, column, field_path(self.path))


class Findings(list[Finding]):
    """What the checks of one file found."""

    def add(self, code: str, text: Text, path: Path, *, at_key: bool = False) -> None:
        self.append(Finding(code, text, path, at_key))


def errors_of(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.is_error]


def warnings_of(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.is_error]
