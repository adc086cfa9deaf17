"""Plain helpers for long work, shared by the CLI, the services and the GUI."""

from __future__ import annotations

from .errors import UserError
from .i18n import tr


class Cancelled(UserError):
    def __init__(self):
        super().__init__(tr("Cancelled. Nothing was changed."))


def no_progress(done: int, total: int) -> None:
    return None


def never_cancelled() -> bool:
    return False


def check(cancelled) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
