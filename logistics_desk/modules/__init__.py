"""The module registry: one folder per tab, in tab order.

A module's ``__init__.py`` defines ``MODULE = ModuleSpec(...)`` and stays free of
Qt; its view class is named by a dotted path and imported only by the window.
Adding a tab = one folder here, one line in ``MODULE_NAMES``, one migration.

The registry is the only door between modules (as Tryton's ``tryton.cfg``): a module
declares the modules it needs (``depends``) and those it uses when present
(``optional``). It calls another module only through that module's Qt-free ``api.py``,
and asks ``enabled(key)`` before calling an optional one. A module whose dependency
is missing is refused when the registry is read (``ModuleDependencyError``).
One way each: a dependency's api is imported at the top of the file
(``from ..assets import api as assets``); an optional module's inside the function
that uses it, after ``enabled("repairs")``. tests/test_architecture.py checks all this.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core.loading import load_object

MODULE_NAMES = ["assets", "stocktake", "purchases", "repairs", "canteen", "utilities"]


@dataclass
class CliCommand:
    """A ``print``, ``export`` or ``import`` sub-command a module offers.

    ``add_arguments(parser)`` declares its options; ``run(args)`` does the work
    and returns PDF bytes (print), or writes the file and returns a summary
    string (export/import). Raise ``UserError`` for bad input (exit status 2).
    """

    name: str
    help: str
    add_arguments: Callable[[Any], None]
    run: Callable[[Any], Any]


@dataclass
class ModuleSpec:
    key: str
    title: str  # N_()-marked English; shown through tr()
    view: str  # "package.module:ClassName", imported lazily by the window
    # dotted path of a Qt-free module defining PRINTS, EXPORTS, IMPORTS: lists of CliCommand
    commands: str | None = None
    demo: Callable[..., None] | None = None  # demo(ctx) fills demo data
    settings_page: str | None = None  # "package.module:WidgetClass" for the settings window
    models: Callable[[], list] | None = None  # the module's peewee models
    # "package.module:function", Qt-free: items(today: date) -> list[core.today.TodayItem] for the Today page
    today: str | None = None
    # "package.module:function", Qt-free: badge() -> the tab's title with its figure, or None (shown before
    # the tab is built: the window builds a tab when it is first opened)
    badge: str | None = None
    # "package.module:function", Qt-free: find(text) -> the ``show_today`` target of the record numbered
    # ``text`` (a barcode scanned into a list), or None
    find: str | None = None
    # keys of the modules this one needs (imports their ``api``; its models may point at theirs)
    depends: list[str] = field(default_factory=list)
    # keys of the modules this one uses when they are there (asked with ``enabled(key)`` first)
    optional: list[str] = field(default_factory=list)


class ModuleDependencyError(RuntimeError):
    """A module needs another that this version does not have (said at start, not at first use)."""


def _present() -> list[str]:
    """The module folders of this checkout, in tab order."""
    return [name for name in MODULE_NAMES if importlib.util.find_spec(f"{__name__}.{name}") is not None]


def check_dependencies(specs: list[ModuleSpec]) -> None:
    """Raise ``ModuleDependencyError`` naming every module whose ``depends`` are not all present."""
    keys = {s.key for s in specs}
    missing = [f"{s.key} needs {', '.join(d for d in s.depends if d not in keys)}"
               for s in specs if any(d not in keys for d in s.depends)]
    if missing:
        raise ModuleDependencyError("Modules missing a dependency: " + "; ".join(missing))


_checked: dict[tuple[str, ...], list[ModuleSpec]] = {}  # by MODULE_NAMES (tests narrow it)


def modules() -> list[ModuleSpec]:
    """Every module's spec, in tab order; refuses a module whose dependency is missing."""
    names = tuple(MODULE_NAMES)
    if names not in _checked:
        specs = [importlib.import_module(f"{__name__}.{name}").MODULE for name in _present()]
        check_dependencies(specs)
        _checked[names] = specs
    return list(_checked[names])


def enabled(key: str) -> bool:
    """Is the module ``key`` part of this program? (How a module asks before using an optional one.)"""
    return any(spec.key == key for spec in modules())


def load_models() -> None:
    """Import every module's peewee models (for core's check, which reconciles every audited table)."""
    for spec in modules():
        if spec.models is not None:
            spec.models()


def demo_steps() -> list[Callable[..., None]]:
    """Each module's demo step, in tab order (for ``core.demo.populate``)."""
    return [spec.demo for spec in modules() if spec.demo is not None]


def commands(spec: ModuleSpec, kind: str) -> list[CliCommand]:
    """The module's ``PRINTS``, ``EXPORTS`` or ``IMPORTS``."""
    if not spec.commands or importlib.util.find_spec(spec.commands) is None:
        return []
    return list(getattr(importlib.import_module(spec.commands), kind, []))


load_view = load_object  # a view or settings page by its "package.module:Name" path


def _register_with_core() -> None:
    from ..core import integrity

    integrity.register_model_loader(load_models)


_register_with_core()
