"""Resource limits: what a file may cost before ansinh refuses it with a clear error.

Target files are written by hand and stay small, so their limits are tight; observation files
may legitimately hold a whole country's figures, so theirs is generous.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force; tests build smaller ones."""

    yaml_bytes: int = 10 * MIB  # a plan of 27 targets is about 5 KB; all of Viet Nam's areas < 1 MB
    yaml_depth: int = 32  # the deepest ansinh file nests 4 levels
    yaml_aliases: int = 1_000
    yaml_expanded_nodes: int = 100_000  # what the aliases would expand to, counted in values
    csv_bytes: int = 4096 * MIB  # a national observation file is hundreds of megabytes
    xlsx_bytes: int = 1024 * MIB  # a workbook as stored: the national observations are ~40 MB
    xlsx_expanded_bytes: int = 4096 * MIB  # its parts inflated, together (371 MB national)
    xlsx_ratio: int = 200  # how much a part may inflate: sheet XML inflates 5-20 times (9.4 national)
    xlsx_ratio_floor: int = 16 * MIB  # parts smaller than this may inflate any amount


LIMITS = Limits()
