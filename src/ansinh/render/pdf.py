"""The HTML report printed to an A4 PDF by headless Chromium (SPEC 10, ``--format pdf``).

Chromium is run as a program (``--headless --print-to-pdf``), not driven through a Python
package: printing needs nothing more, and ansinh gains no runtime dependency. The page sets its
own size, margins and page numbers (``@page`` in ``ansinh.render.html_report``), so Chromium's
own header and footer are turned off. The page is ansinh's own, without scripts or links to
anything outside it; Chromium runs with a fresh profile and its background networking off, and
without its sandbox, which fails as root and in many containers.

Where no Chromium is found, ``NoBrowser`` says what to install. The PDF's document information
names ansinh as its creator (an incremental update after Chromium's own), so that ``-o`` knows
the file as one ansinh wrote.
"""

from __future__ import annotations

import html as html_text
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ansinh import __version__
from ansinh.text import Text, t

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 300  # seconds: a summarised national report prints in a few
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
)


class PdfError(Exception):
    """The PDF could not be made; ``text`` says why and what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)
        self.text = text


class NoBrowser(PdfError):
    """No Chromium to print with: install one, or name it in ``ANSINH_CHROMIUM``."""


class PrintFailed(PdfError):
    """Chromium ran but wrote no PDF."""


def find_browser(environ: Mapping[str, str] | None = None) -> str:
    """``ANSINH_CHROMIUM``, else the first Chromium or Chrome on the ``PATH``."""
    env = os.environ if environ is None else environ
    chosen = env.get("ANSINH_CHROMIUM")
    if chosen:
        found = shutil.which(chosen, path=env.get("PATH"))
        if found is None:
            raise NoBrowser(t("pdf.bad_browser", path=chosen))
        return found
    for name in BROWSERS:
        found = shutil.which(name, path=env.get("PATH"))
        if found is not None:
            return found
    raise NoBrowser(t("pdf.no_browser"))


def pdf_bytes(html: str, *, timeout: float = TIMEOUT) -> bytes:
    """The page printed to A4 PDF pages."""
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="ansinh-pdf-") as folder:
        page, out = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [browser, *FLAGS, f"--user-data-dir={Path(folder) / 'profile'}", f"--print-to-pdf={out}"]
        try:
            done = subprocess.run(
                [*command, page.as_uri()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout,
                check=False,
            )
        except (FileNotFoundError, PermissionError):
            raise NoBrowser(t("pdf.bad_browser", path=browser)) from None
        except subprocess.TimeoutExpired:
            raise PrintFailed(t("pdf.failed", detail=f"no PDF after {timeout:g} s")) from None
        data = out.read_bytes() if out.exists() else b""
    if not data.startswith(b"%PDF-"):
        lines = [line for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        raise PrintFailed(t("pdf.failed", detail=lines[-1] if lines else f"exit code {done.returncode}"))
    return with_information(data, _title(html))


def _title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    return html_text.unescape(match.group(1)) if match else ""


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)


def with_information(data: bytes, title: str) -> bytes:
    """``data`` with an incremental update whose document information names the title and
    ansinh as creator; unchanged if its last cross-reference section is not a table (the
    update's own form), which Chromium's Skia writer always uses."""
    end = _STARTXREF.search(data[-1024:])
    trailers = _TRAILER.findall(data[-4096:])
    if end is None or not trailers:
        return data
    trailer = trailers[-1]
    size, root = re.search(rb"/Size\s+(\d+)", trailer), re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if size is None or root is None:
        return data
    number = int(size.group(1))
    base = data if data.endswith(b"\n") else data + b"\n"
    info_at = len(base)
    info = (
        f"{number} 0 obj\n<</Title {_pdf_string(title)} /Creator {_pdf_string(f'ansinh {__version__}')} "
        f"/Producer {_pdf_string(f'ansinh {__version__} (Chromium)')}>>\nendobj\n"
    ).encode("ascii")
    xref_at = info_at + len(info)
    update = (
        f"xref\n{number} 1\n{info_at:010d} 00000 n \ntrailer\n"
        f"<</Size {number + 1} /Root {root.group(1).decode('ascii')} /Info {number} 0 R /Prev {int(end.group(1))}>>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode("ascii")
    return base + info + update


def _pdf_string(text: str) -> str:
    """A PDF text string: literal when plain ASCII, else UTF-16 with its byte-order mark."""
    if text.isascii() and text.isprintable():
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"
