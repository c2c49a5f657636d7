"""Validate YAML data against its schema, and say where each error is in the user's terms.

A pydantic ``ValidationError`` never reaches the user: each of its errors becomes a ``Problem``
with the file, line, column and field path, and a message that says what to do — for an unknown
field, the field that was probably meant.
"""

from __future__ import annotations

import types
import typing
from typing import Any, NotRequired, Required, Union

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails
from typing_extensions import is_typeddict

from ansinh.files.document_schema import SCHEMAS, FileKind, IndicatorSchema, adapter, unit_meant
from ansinh.files.yaml_reader import YamlDocument
from ansinh.problems import Findings
from ansinh.text import Text, suggest, t

# Lists whose items are validated one by one when the whole fails, so that one bad item does not
# hide the others (nor make every reference to them an error).
_ITEM_LISTS = ("indicators", "areas", "bases", "targets")


def validate_document(document: YamlDocument, kind: FileKind, findings: Findings) -> dict[str, Any] | None:
    """The document validated as ``kind``, leaving out the list items that have errors (their
    original indexes are kept in ``document.kept``); ``None`` when the file's own fields are
    wrong. Every error is added to ``findings``, by its field path."""
    if not document.readable:
        return None
    data = document.data
    schema = SCHEMAS[kind]
    if not isinstance(data, dict):
        key = "file.empty" if data is None else "file.not_mapping"
        code = "missing-field" if data is None else "wrong-type"
        findings.add(code, t(key, fields=sorted(schema.__required_keys__)), ())
        return None
    try:
        return adapter(kind).validate_python(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
    for detail in details:
        loc = tuple(detail["loc"])
        code, text = _describe(detail, loc, schema)
        findings.add(code, text, loc, at_key=detail["type"] == "extra_forbidden")
    bad_items: dict[str, set[int]] = {}
    for detail in details:
        loc = detail["loc"]
        if len(loc) >= 2 and loc[0] in _ITEM_LISTS and isinstance(loc[1], int):
            bad_items.setdefault(str(loc[0]), set()).add(loc[1])
        else:
            return None
    salvaged = dict(data)
    for name, indexes in bad_items.items():
        kept = [index for index in range(len(data[name])) if index not in indexes]
        salvaged[name] = [data[name][index] for index in kept]
        document.kept[name] = kept
    try:
        return adapter(kind).validate_python(salvaged)
    except ValidationError:  # pragma: no cover - the remaining items validated above
        return None


def _describe(detail: ErrorDetails, loc: tuple[str | int, ...], schema: Any) -> tuple[str, Text]:
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    name = str(loc[-1]) if loc else ""
    if kind == "ansinh":
        return context["code"], context["text"]
    if kind in ("missing", "extra_forbidden"):
        return _field_problem(kind, name, _schema_at(schema, loc[:-1]))
    if kind in ("literal_error", "enum"):
        expected = _literal_choices(schema, loc)
        found = detail.get("input")
        guess = _choice_guess(found, expected, _schema_at(schema, loc[:-1]), name)
        if guess:
            return "bad-value", t("value.choice_guess", found=str(found), choices=expected, guess=guess)
        return "bad-value", t("value.choice", found=str(found), choices=expected)
    key = _WRONG_TYPE.get(kind)
    if key is not None:
        return "wrong-type", t(key, field=name)
    return "wrong-type", t("type.other", field=name, detail=detail["msg"])


def _field_problem(kind: str, name: str, owner: Any) -> tuple[str, Text]:
    """A field that is missing, or that the schema does not know (with the one probably meant)."""
    fields = _fields(owner) if owner is not None else {}
    if kind == "missing":
        field = fields.get(name)
        return "missing-field", t("field.missing", field=name, what=(field.description or "") if field else "")
    known = sorted(fields)
    guess = suggest(name, known)
    if guess:
        return "unknown-field", t("field.unknown_guess", field=name, guess=guess)
    return "unknown-field", t("field.unknown", field=name, known=known)


# pydantic's error types that mean "a value of the wrong kind", and the message of each.
_WRONG_TYPE = {
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "list_type": "type.list",
    "string_type": "type.text_field",
    "string_sub_type": "type.text_field",
}


def _choice_guess(found: Any, expected: list[str], owner: Any, name: str) -> str | None:
    """The choice probably meant. A unit goes by meaning, never by spelling: per_10000 is a
    letter away from per_100k but means per_10k, and a wrong guess is worse than none."""
    if not isinstance(found, str):
        return None
    if owner is IndicatorSchema and name == "unit":
        return unit_meant(found)
    return suggest(found, expected)


# --- reading the schemas: which fields a TypedDict has, and what they are -------------------


def _fields(schema: Any) -> dict[str, FieldInfo]:
    """A TypedDict schema's fields with their descriptions."""
    fields: dict[str, FieldInfo] = {}
    for name, annotation in typing.get_type_hints(schema, include_extras=True).items():
        info = next((meta for meta in _metadata(annotation) if isinstance(meta, FieldInfo)), None)
        fields[name] = info or FieldInfo()
    return fields


def _metadata(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (NotRequired, Required):
        return _metadata(typing.get_args(annotation)[0])
    if origin is typing.Annotated:
        return list(annotation.__metadata__) + _metadata(typing.get_args(annotation)[0])
    return []


def _inner_types(annotation: Any) -> list[Any]:
    """The types a field may hold, with NotRequired, Optional, list and Annotated unwrapped."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated, NotRequired, Required, list):
        return _inner_types(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [inner for arg in typing.get_args(annotation) for inner in _inner_types(arg)]
    return [annotation]


def _annotation_at(schema: Any, loc: tuple[str | int, ...]) -> Any:
    current: Any = schema
    annotation: Any = schema
    for step in loc:
        if isinstance(step, int):
            continue
        if current is None:
            return None
        hints = typing.get_type_hints(current, include_extras=True)
        if step not in hints:
            return None
        annotation = hints[step]
        candidates = [inner for inner in _inner_types(annotation) if is_typeddict(inner)]
        current = candidates[0] if candidates else None
    return annotation


def _schema_at(schema: Any, loc: tuple[str | int, ...]) -> Any:
    if not loc:
        return schema
    annotation = _annotation_at(schema, loc)
    if annotation is None:
        return None
    found = [inner for inner in _inner_types(annotation) if is_typeddict(inner)]
    return found[0] if found else None


def _literal_choices(schema: Any, loc: tuple[str | int, ...]) -> list[str]:
    annotation = _annotation_at(schema, loc)
    choices: list[str] = []
    for inner in _inner_types(annotation):
        if typing.get_origin(inner) is typing.Literal:
            choices.extend(str(arg) for arg in typing.get_args(inner))
    return choices
