"""Errors a person can read. Services raise them; the CLI and the views show them."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; ``message`` is already translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """One or more fields are wrong: ``errors`` maps field name -> message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(f"{msg}" for msg in self.errors.values()))


class RuleError(UserError):
    """A business rule refuses the operation (e.g. disposal before the deadline)."""


class NotFound(UserError):
    pass
