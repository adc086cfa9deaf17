"""pypinyin travels with the program: a dependency, its dictionaries in the one-folder build, its notice."""

from __future__ import annotations

import ast
import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pypinyin_is_a_dependency_with_its_notice():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace(" ", "").startswith("pypinyin>=") for d in deps)
    assert (ROOT / "licenses" / "pypinyin-MIT.txt").read_text(encoding="utf-8").startswith("The MIT License")
    assert "`pypinyin-MIT.txt`" in (ROOT / "licenses" / "README.md").read_text(encoding="utf-8")


def test_the_build_carries_pypinyins_dictionaries():
    text = (ROOT / "packaging" / "logistics-desk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    assert 'collect_data_files("pypinyin"' in text
    # the files the program reads: pypinyin's dictionaries beside its modules
    folder = Path(importlib.util.find_spec("pypinyin").origin).parent
    assert (folder / "pinyin_dict.json").is_file() and (folder / "phrases_dict.json").is_file()
