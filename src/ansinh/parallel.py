"""Work done in a second process, side by side with the first.

Reading a national root is two large jobs that do not depend on each other — thousands of plan
files and millions of observation rows — and so is computing the rows of its report. Python runs
one job at a time in a process; a forked child takes one while the parent does the other, on the
machine's second core. The child inherits everything loaded so far, and streams its result back
pickled through a pipe, which the parent reads as it is written.

Where ``fork`` does not exist (Windows), or ``ANSINH_WORKERS=1`` asks for one process, the work is
simply done in this one, in order.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_BUFFER = 1 << 20
_unreaped: list[int] = []  # children that had not quite exited when their result was read


def available() -> bool:
    """Whether a second process may be used for this run."""
    return hasattr(os, "fork") and sys.platform != "win32" and os.environ.get("ANSINH_WORKERS", "2") != "1"


class Pending(Generic[T]):
    """Work started elsewhere (or done already), whose result ``result()`` waits for."""

    def __init__(self, work: Callable[[], T], *, parallel: bool = True) -> None:
        self._done = False
        self._value: T | None = None
        self._pid = 0
        self._reader = -1
        if not (parallel and available()):
            self._value, self._done = work(), True
            return
        _reap()
        reader, writer = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send the result, and go without cleanup
            os.close(reader)
            status = 0
            try:
                with os.fdopen(writer, "wb", buffering=_BUFFER) as stream:
                    try:
                        outcome: tuple[bool, object] = (True, work())
                    except BaseException:  # noqa: BLE001 - reported in the parent, which decides
                        outcome, status = (False, traceback.format_exc()), 1
                    pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(status)
        os.close(writer)
        self._pid, self._reader = pid, reader

    def result(self, waiting: Callable[[], None] | None = None) -> T:
        """The result, once there is one; ``waiting`` is called every tenth of a second until."""
        if not self._done:
            if waiting is not None:
                while not select.select([self._reader], [], [], 0.1)[0]:
                    waiting()
            try:
                with os.fdopen(self._reader, "rb", buffering=_BUFFER) as stream:
                    succeeded, value = pickle.load(stream)
            except (EOFError, pickle.UnpicklingError) as error:
                succeeded, value = False, f"the second process ended without a result ({error})"
            finally:
                # Its memory is freed on exit, which takes a moment for a large one: reaped later.
                if os.waitpid(self._pid, os.WNOHANG) == (0, 0):
                    _unreaped.append(self._pid)
            if not succeeded:
                raise WorkerError(value)
            self._value, self._done = value, True
        return self._value  # type: ignore[return-value]


def _reap() -> None:
    for pid in list(_unreaped):
        try:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                _unreaped.remove(pid)
        except ChildProcessError:
            _unreaped.remove(pid)


class WorkerError(RuntimeError):
    """The second process failed; its traceback is the message."""
