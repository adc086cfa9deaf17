"""Settings: one key/value table; every change audited.

Modules declare their defaults with ``register_defaults`` at import time
(in their ``service.py``); ``get`` falls back to them.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import CharField, TextField

from .db import BaseModel, database

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
}


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=100)
    value = TextField()

    class Meta:
        table_name = "setting"


def register_defaults(values: dict[str, Any]) -> None:
    for key, value in values.items():
        DEFAULTS.setdefault(key, value)


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row.value)


def get_many(prefix: str) -> dict[str, Any]:
    values = {k: v for k, v in DEFAULTS.items() if k.startswith(prefix)}
    for row in Setting.select().where(Setting.key.startswith(prefix)):
        values[row.key] = json.loads(row.value)
    return values


def set(key: str, value: Any) -> None:  # noqa: A001 - settings.set reads well
    set_many({key: value})


def set_many(values: dict[str, Any]) -> None:
    from . import audit

    with database.atomic():
        for key, value in values.items():
            old = get(key)
            if old == value:
                continue
            encoded = json.dumps(value, ensure_ascii=False)
            Setting.insert(key=key, value=encoded).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: encoded}
            ).execute()
            audit.record("setting", None, "update", {key: (_text(old), _text(value))})


def _text(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
