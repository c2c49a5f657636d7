"""Work done in a second process, side by side with the first.

Reading a national root is two large jobs that do not depend on each other: thousands of plan
files, and millions of observation rows. Python runs one of them at a time in a process; a
forked child takes the first while the parent reads the second, on the machine's second core.
The child inherits everything loaded so far (the catalogue, areas and bases the plans are checked
against) and hands back its result through a temporary file, pickled.

Where ``fork`` does not exist (Windows), or ``ANSINH_WORKERS=1`` asks for one process, the work is
simply done in this one, in order.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether a second process may be used for this run."""
    return hasattr(os, "fork") and sys.platform != "win32" and os.environ.get("ANSINH_WORKERS", "2") != "1"


class Pending(Generic[T]):
    """Work started elsewhere (or done already), whose result ``result()`` waits for."""

    def __init__(self, work: Callable[[], T], *, parallel: bool = True) -> None:
        self._done = False
        self._value: T | None = None
        self._pid = 0
        self._path = ""
        if not (parallel and available()):
            self._value, self._done = work(), True
            return
        handle, self._path = tempfile.mkstemp(prefix="ansinh-", suffix=".pickle")
        pid = os.fork()
        if pid == 0:  # the child: do the work, leave the result, and go without cleanup
            status = 0
            try:
                with os.fdopen(handle, "wb") as stream:
                    try:
                        pickle.dump((True, work()), stream, protocol=pickle.HIGHEST_PROTOCOL)
                    except BaseException:  # noqa: BLE001 - reported in the parent, which decides
                        pickle.dump((False, traceback.format_exc()), stream, protocol=pickle.HIGHEST_PROTOCOL)
                        status = 1
            finally:
                os._exit(status)
        os.close(handle)
        self._pid = pid

    def result(self) -> T:
        if not self._done:
            try:
                os.waitpid(self._pid, 0)
                with open(self._path, "rb") as stream:
                    succeeded, value = pickle.load(stream)
            finally:
                os.unlink(self._path)
            if not succeeded:
                raise WorkerError(value)
            self._value, self._done = value, True
        return self._value  # type: ignore[return-value]


class WorkerError(RuntimeError):
    """The second process failed; its traceback is the message."""
