"""Load an object named by a "package.module:Name" path (a module's view, its settings page)."""

from __future__ import annotations

import importlib


def load_object(path: str):
    module_name, _, attr = path.partition(":")
    return getattr(importlib.import_module(module_name), attr)
