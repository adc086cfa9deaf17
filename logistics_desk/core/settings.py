"""Settings: one key/value table; every change audited.

Modules declare their defaults with ``register_defaults`` at import time
(in their ``service.py``); ``get`` falls back to them. ``register_validator``
adds a check for a key: ``set_many`` refuses values that fail it with a
``ValidationError`` keyed by the setting's key (nothing is written then).

``snapshot()`` reads the whole table once for a block of reads (Today's lines ask
for some thirty settings): while it is open in a thread, ``get`` and ``get_many``
answer from it. It lives only as long as the ``with`` block (other PCs may change
settings at any time); a write in the block ends it (reads go to the database again).
"""

from __future__ import annotations

import json
import string
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from typing import Any

from peewee import CharField, TextField

from .db import BaseModel, database
from .errors import ValidationError
from .i18n import N_, tr

DEFAULTS: dict[str, Any] = {
    "operator.name": "",
    "ui.language": "",
    "school.name": "",
    "school.address": "",
    "school.phone": "",
    "school.principal": "",
    "school.director": "",  # 总务主任
    # fixed-asset threshold (元): below it an item is registered as low-value
    "assets.threshold_general": 1000,
    "assets.threshold_special": 1500,
    # the asset register's own defaults (also registered by modules/assets/service.py)
    "assets.number_pattern": "{year}-{code}-{seq:05d}",
    "assets.compensation_basis": "original",  # original | net_book_value
    # a second folder every backup is copied to (another disk, a USB stick); empty: none
    "backup.second_folder": "",
    # the body font of printed forms: hei (the bundled WenQuanYi Micro Hei) | song (a 宋体 font of the system)
    "printing.body_font": "hei",
}


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=100)
    value = TextField()

    class Meta:
        table_name = "setting"


def register_defaults(values: dict[str, Any]) -> None:
    for key, value in values.items():
        DEFAULTS.setdefault(key, value)


_local = threading.local()  # .rows: {key: stored JSON text} while a snapshot is open in this thread


@contextmanager
def snapshot() -> Iterator[None]:
    """Within the block, ``get`` and ``get_many`` read every setting from one query made at its start
    (per thread; a nested ``snapshot`` uses the outer one). Never kept beyond the block: settings may
    be changed by another PC at any moment."""
    if getattr(_local, "rows", None) is not None:
        yield
        return
    _local.rows = dict(Setting.select(Setting.key, Setting.value).tuples())
    try:
        yield
    finally:
        _local.rows = None


def _stored(key: str) -> str | None:
    rows = getattr(_local, "rows", None)
    if rows is not None:
        return rows.get(key)
    row = Setting.get_or_none(Setting.key == key)  # a read by key, through a statement built once (core/db)
    return None if row is None else row.value


def get(key: str, default: Any = None) -> Any:
    if key == "operator.name":  # with accounts on, the person logged in (core/accounts.py)
        from .accounts import current_name

        if current_name():
            return current_name()
    value = _stored(key)
    if value is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(value)


def get_many(prefix: str) -> dict[str, Any]:
    values = {k: v for k, v in DEFAULTS.items() if k.startswith(prefix)}
    rows = getattr(_local, "rows", None)
    found = (((k, v) for k, v in rows.items() if k.startswith(prefix)) if rows is not None
             else Setting.select(Setting.key, Setting.value).where(Setting.key.startswith(prefix)).tuples())
    for key, value in found:
        values[key] = json.loads(value)
    return values


def set(key: str, value: Any) -> None:  # settings.set reads well
    set_many({key: value})


# --- validation ----------------------------------------------------------------

VALIDATORS: dict[str, Callable[[Any], str | None]] = {}


def register_validator(key: str, check: Callable[[Any], str | None]) -> None:
    """``check(value)`` returns a translated message when ``value`` is not acceptable."""
    VALIDATORS[key] = check


def validate(values: dict[str, Any]) -> dict[str, str]:
    """Messages for the values that fail their key's check: {key: message}."""
    errors: dict[str, str] = {}
    for key, value in values.items():
        check = VALIDATORS.get(key)
        message = check(value) if check is not None else None
        if message:
            errors[key] = message
    return errors


def set_many(values: dict[str, Any]) -> None:
    """Store several settings at once: checked first, then one transaction, audited."""
    from . import audit

    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    errors = validate(values)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        for key, value in values.items():
            old = get(key)
            if old == value:
                continue
            encoded = json.dumps(value, ensure_ascii=False)
            Setting.insert(key=key, value=encoded).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: encoded}
            ).execute()
            _local.rows = None  # a snapshot open in this thread is done with: read the database again
            if key == "operator.name":  # the change record read the old name once for this transaction
                (audit.transaction_memo() or {}).pop("operator", None)
            audit.record("setting", None, "update", {key: (_text(old), _text(value))})


def _text(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


# --- the checks for core settings --------------------------------------------------

ASSET_NUMBER_CHARS = frozenset(string.ascii_letters + string.digits + "._/-")
NUMBER_PATTERN_FIELDS = ("year", "code", "seq")


def number_pattern_problem(pattern: Any) -> str | None:
    """Why an asset-number pattern cannot be used (None: it is fine).

    The pattern is a Python format string with {year}, {code} (the category
    code) and {seq} (the sequence number, required); the numbers it makes must
    be plain ASCII (letters, digits, ``. _ / -``) so a barcode scanner can type
    them, at most 40 characters, and different for different sequence numbers.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        return tr("Enter a number pattern, for example {example}.").format(example="{year}-{code}-{seq:05d}")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        return tr("The pattern has an unmatched brace: write {{ and }} for a literal brace.")
    unknown = sorted({n for n in names if n not in NUMBER_PATTERN_FIELDS})
    if unknown:
        return tr("Unknown field {field}: use {{year}}, {{code}} and {{seq}}.").format(field="{" + unknown[0] + "}")
    if "seq" not in names:
        return tr("The pattern must contain {seq} (the running number).")
    try:
        samples = [pattern.format(year=2026, code=code, seq=seq)
                   for code, seq in (("JJ", 1), ("JJ", 2), ("ABCDEFGHIJ", 99999))]
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        return tr("The pattern cannot be used: {error}").format(error=exc)
    if any(not s or not frozenset(s) <= ASSET_NUMBER_CHARS for s in samples):
        return tr("Numbers may contain only letters A–Z, digits and . _ / - "
                  "(a barcode scanner must be able to type them).")
    if not samples[0][0].isalnum():
        return tr("A number must begin with a letter or a digit.")
    if samples[0] == samples[1]:
        return tr("The pattern must contain {seq} (the running number).")
    if max(len(s) for s in samples) > 40:
        return tr("The numbers would be longer than 40 characters.")
    return None


def _required_text(max_length: int, message: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None or not str(value).strip():
            return tr(message)
        if len(str(value)) > max_length:
            return tr("At most {n} characters.").format(n=max_length)
        return None

    return check


def _optional_text(max_length: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is not None and not isinstance(value, str):
            return tr("Enter text.")
        if value and len(value) > max_length:
            return tr("At most {n} characters.").format(n=max_length)
        return None

    return check


def _amount(value: Any) -> str | None:
    if isinstance(value, bool):
        return tr("Enter an amount in yuan.")
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return tr("Enter an amount in yuan.")
    if not amount.is_finite() or amount < 0 or amount > Decimal("100000000"):
        return tr("Enter an amount between 0 and 100,000,000 yuan.")
    return None


def _one_of(choices: tuple) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else tr("Choose one of the offered values.")

    return check


register_validator("school.name", _required_text(100, N_("Enter the school's name: it heads every printed form.")))
for _key in ("school.address", "school.phone", "school.principal", "school.director"):
    register_validator(_key, _optional_text(200 if _key == "school.address" else 100))
register_validator("operator.name", _optional_text(50))
register_validator("ui.language", _one_of(("", None, "zh_CN", "en")))
register_validator("assets.threshold_general", _amount)
register_validator("assets.threshold_special", _amount)
register_validator("assets.number_pattern", number_pattern_problem)
def _second_backup_folder(value: Any) -> str | None:
    """Empty, or a folder given in full that exists now (the clerk chooses it with the stick plugged in)."""
    import os
    from pathlib import Path

    text = str(value or "").strip()
    if not text:
        return None
    folder = Path(text)
    if not folder.is_absolute():
        return tr("Give the whole path of the folder, e.g. E:\\总务备份.")
    if not folder.is_dir():
        return tr("There is no folder {folder}.").format(folder=text)
    if not os.access(folder, os.W_OK | os.X_OK):
        return tr("The folder {folder} cannot be written to.").format(folder=text)
    from . import db

    current = db.current_path()
    if current is not None and folder.resolve() in (current.parent.resolve(), (current.parent / "backups").resolve()):
        return tr("Choose a folder on another disk or a USB stick, not the database's own folder.")
    return None


register_validator("backup.second_folder", _second_backup_folder)
register_validator("assets.compensation_basis", _one_of(("original", "net_book_value")))
register_validator("printing.body_font", _one_of(("hei", "song")))
