"""Document and asset numbers: counters kept in the database.

Numbers are plain ASCII so a barcode scanner can type them.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import CharField, IntegerField

from .db import BaseModel, database


class Counter(BaseModel):
    key = CharField(primary_key=True, max_length=100)
    value = IntegerField(default=0)

    class Meta:
        table_name = "counter"


def next_value(key: str) -> int:
    """Increment and return counter ``key``; call inside the writing transaction."""
    with database.atomic():
        updated = Counter.update(value=Counter.value + 1).where(Counter.key == key).execute()
        if not updated:
            Counter.create(key=key, value=1)
            return 1
        return Counter.get_by_id(key).value


def peek(key: str) -> int:
    row = Counter.get_or_none(Counter.key == key)
    return row.value if row else 0


def bump_to(key: str, value: int) -> None:
    """Make sure the counter is at least ``value`` (after an import)."""
    with database.atomic():
        row = Counter.get_or_none(Counter.key == key)
        if row is None:
            Counter.create(key=key, value=value)
        elif row.value < value:
            Counter.update(value=value).where(Counter.key == key).execute()


def next_unique(key: str, fmt: Callable[[int], str], exists: Callable[[str], bool]) -> str:
    """The next number from ``key`` formatted by ``fmt`` that is not yet used."""
    while True:
        candidate = fmt(next_value(key))
        if not exists(candidate):
            return candidate


def document_number(prefix: str, year: int, exists: Callable[[str], bool]) -> str:
    """Numbers like ``WX-2026-0001``: prefix, year, a sequence per year."""
    return next_unique(f"doc:{prefix}:{year}", lambda n: f"{prefix}-{year}-{n:04d}", exists)
