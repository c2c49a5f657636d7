"""Validate a YAML document against its model, and say where each error is in the user's terms.

A pydantic ``ValidationError`` never reaches the user: each of its errors becomes a ``Problem``
with the file, line, column and field path, and a message that says what to do — for an unknown
field, the field that was probably meant.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ansinh.files.yaml_reader import YamlDocument
from ansinh.problems import Problem
from ansinh.text import Text, t

M = TypeVar("M", bound=BaseModel)

# Lists whose items are validated one by one when the whole fails, so that one bad item does not
# hide the others (nor make every reference to them an error).
_ITEM_LISTS = ("indicators", "areas", "bases", "targets")


def validate_document(document: YamlDocument, model: type[M]) -> M | None:
    """The document as ``model``, leaving out the list items that have errors; ``None`` when the
    file's own fields are wrong. Every error is added to ``document.problems``."""
    if not document.readable:
        return None
    data = document.data
    if not isinstance(data, dict):
        key = "file.empty" if data is None else "file.not_mapping"
        document.problems.append(
            Problem(
                "missing-field" if data is None else "wrong-type",
                t(key, fields=_field_names(model)),
                document.file,
                document.where.line,
                document.where.column,
            )
        )
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
    for detail in details:
        document.problems.append(_problem(detail, document, model))
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
        return model.model_validate(salvaged)
    except ValidationError:  # pragma: no cover - the remaining items validated above
        return None


def field_path(loc: tuple[str | int, ...]) -> str:
    """``('targets', 0, 'target', 'by')`` -> ``targets[0].target.by``."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        else:
            path = f"{path}.{step}" if path else step
    return path


def _problem(detail: ErrorDetails, document: YamlDocument, model: type[BaseModel]) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    code, text = _describe(detail, loc, model)
    line, column = document.where.locate(loc, at_key=kind == "extra_forbidden")
    return Problem(code, text, document.file, line, column, field_path(loc))


def _describe(detail: ErrorDetails, loc: tuple[str | int, ...], model: type[BaseModel]) -> tuple[str, Text]:
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    name = str(loc[-1]) if loc else ""
    if kind == "ansinh":
        return context["code"], context["text"]
    if kind == "missing":
        owner = _model_at(model, loc[:-1])
        what = ""
        if owner is not None:
            field = _fields_by_alias(owner).get(name)
            what = (field.description or "") if field else ""
        return "missing-field", t("field.missing", field=name, what=what)
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        known = sorted(_fields_by_alias(owner)) if owner else []
        guess = suggest(name, known)
        if guess:
            return "unknown-field", t("field.unknown_guess", field=name, guess=guess)
        return "unknown-field", t("field.unknown", field=name, known=known)
    if kind in ("literal_error", "enum"):
        expected = _literal_choices(model, loc)
        found = detail.get("input")
        guess = suggest(str(found), expected) if isinstance(found, str) else None
        if guess:
            return "bad-value", t("value.choice_guess", found=str(found), choices=expected, guess=guess)
        return "bad-value", t("value.choice", found=str(found), choices=expected)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "wrong-type", t("type.mapping", field=name)
    if kind == "list_type":
        return "wrong-type", t("type.list", field=name)
    if kind in ("string_type", "string_sub_type"):
        return "wrong-type", t("type.text_field", field=name)
    return "wrong-type", t("type.other", field=name, detail=detail["msg"])


def suggest(word: str, known: list[str]) -> str | None:
    """The known word closest to a misspelt one, if any is close."""
    lowered = {candidate.lower(): candidate for candidate in known}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [name for name, field in _fields_by_alias(model).items() if field.is_required()]


def _fields_by_alias(model: type[BaseModel]) -> dict[str, Any]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _inner_types(annotation: Any) -> list[Any]:
    """The types a field may hold, with Optional, list and Annotated unwrapped."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_types(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [inner for arg in typing.get_args(annotation) for inner in _inner_types(arg)]
    if origin is list:
        return _inner_types(typing.get_args(annotation)[0])
    return [annotation]


def _annotation_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    current: Any = model
    annotation: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = _fields_by_alias(current).get(step)
        if field is None:
            return None
        annotation = field.annotation
        candidates = [c for c in _inner_types(annotation) if isinstance(c, type) and issubclass(c, BaseModel)]
        current = candidates[0] if candidates else None
    return annotation


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    if not loc:
        return model
    annotation = _annotation_at(model, loc)
    if annotation is None:
        return None
    models = [c for c in _inner_types(annotation) if isinstance(c, type) and issubclass(c, BaseModel)]
    return models[0] if models else None


def _literal_choices(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    annotation = _annotation_at(model, loc)
    choices: list[str] = []
    for inner in _inner_types(annotation):
        if typing.get_origin(inner) is typing.Literal:
            choices.extend(str(arg) for arg in typing.get_args(inner))
    return choices
