"""Messages for people, on stderr. stdout carries data only (see ``output.py``).

Every message is shown literally (``textsafe.printable``): a file name or a
piece of article text in it never becomes markup or terminal control.
"""

from __future__ import annotations

from rich.console import Console

from claimtrack.textsafe import printable

err_console = Console(stderr=True, highlight=False, soft_wrap=True)
_quiet = False


def set_quiet(quiet: bool) -> None:
    global _quiet
    _quiet = quiet


def is_quiet() -> bool:
    return _quiet


def info(message: str) -> None:
    """Progress and counts; silenced by ``--quiet``."""
    if not _quiet:
        err_console.print(printable(message), markup=False)


def warn(message: str) -> None:
    """Something the user should know; silenced by ``--quiet``."""
    if not _quiet:
        err_console.print(f"Warning: {printable(message)}", style="yellow", markup=False)


def error(message: str) -> None:
    """An error about one input; never silenced."""
    err_console.print(f"Error: {printable(message)}", style="red", markup=False)
