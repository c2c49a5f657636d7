"""The engine: loaded files and a date in, rows of figures out (SPEC section 3). No I/O."""

from ansinh.engine.compute import compute_row, compute_rows, targets_of
from ansinh.engine.results import Row, Status, Summary

__all__ = ["Row", "Status", "Summary", "compute_row", "compute_rows", "targets_of"]
