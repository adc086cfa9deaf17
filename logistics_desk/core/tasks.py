"""Plain helpers for long work, shared by the CLI, the services and the GUI."""

from __future__ import annotations

from .errors import UserError
from .i18n import tr


class Cancelled(UserError):
    """The user cancelled a long piece of work (an import, an export, a backup, a workbook read).

    The one class for it: the window's workers treat it as a cancel, not an error."""

    def __init__(self, message: str | None = None):
        super().__init__(message or tr("Cancelled. Nothing was changed."))


def no_progress(done: int, total: int) -> None:
    return None


def never_cancelled() -> bool:
    return False


def check(cancelled) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
