"""``ansinh areas``: a province's areas file from the official lists, to stdout or a new file."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from ansinh import api
from ansinh.cli.common import ExitCode
from ansinh.language import Lang, render
from ansinh.text import t


def run(lang: Lang, province: str | None, units: str, output: Path | None, listing: bool) -> int:
    if listing:
        sys.stdout.write(province_list(lang))
        return ExitCode.OK
    if province is None:
        raise api.UsageError(t("areas.need_province"))
    command = f"ansinh areas --province {shlex.quote(province)}" + (f" --units {units}" if units != "both" else "")
    areas = api.official_areas(province, units, command)
    if areas.named_old:
        sys.stderr.write(render(t("areas.part_of", old=areas.named_old, new=areas.province), lang) + "\n")
    if output is None:
        sys.stdout.write(areas.text)
        return ExitCode.OK
    try:
        with output.open("x", encoding="utf-8", newline="\n") as file:  # "x": never overwrite
            file.write(areas.text)
    except FileExistsError:
        raise api.UsageError(t("areas.exists", path=str(output))) from None
    except OSError as error:
        raise api.UsageError(t("init.failed", detail=str(error))) from None
    sys.stderr.write(render(t("areas.written", path=str(output), province=areas.province), lang) + "\n")
    return ExitCode.OK


def province_list(lang: Lang) -> str:
    """The 34 provinces by GSO code, each merged one with those it was formed from."""
    from ansinh.official_units import provinces

    lines = []
    for province in provinces():
        line = f"{province.code}  {province.name}"
        if not province.unchanged:
            names = [f"{old.name} ({old.code})" for old in province.old]
            line += " — " + render(t("areas.formed_from", names=names), lang)
        lines.append(line)
    return "\n".join(lines) + "\n"
