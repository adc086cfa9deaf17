"""Keep the translation files in step with the code.

    python tools/i18n.py                 extract strings, update .ts, build .qm
    python tools/i18n.py --missing       list strings without a zh_CN translation
    python tools/i18n.py --add FILE.json add translations {"English": "中文", ...}

Strings are found by reading the code: calls to ``tr("...")``, ``self.tr("...")``,
``N_("...")`` and ``translate(ctx, "...")``. Each part of the program (core, and
each module) has its own ``resources/i18n/<part>_zh_CN.ts``, which is its own
translation context: the same English can read differently in two parts.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "logistics_desk"
I18N = ROOT / "resources" / "i18n"
LANGUAGE = "zh_CN"


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    if rel[0] == "modules" and len(rel) > 2:
        return rel[1]
    return "core"


def extract_file(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name in ("tr", "N_") and node.args:
            arg = node.args[0]
        elif name == "translate" and len(node.args) >= 2:
            arg = node.args[1]
        else:
            continue
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
            found.append(arg.value)
    return found


def extract() -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        strings = parts.setdefault(part_of(path), [])
        for s in extract_file(path):
            if s not in strings:
                strings.append(s)
    return parts


def ts_path(part: str) -> Path:
    return I18N / f"{part}_{LANGUAGE}.ts"


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is not None and translation is not None and translation.text:
            out[source] = translation.text
    return out


def write_ts(path: Path, strings: list[str], translations: dict[str, str]) -> None:
    ts = ET.Element("TS", version="2.1", language=LANGUAGE)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = path.name[: -len(f"_{LANGUAGE}.ts")]
    for source in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if translations.get(source):
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(ts)
    body = ET.tostring(ts, encoding="unicode")
    _replace(path, lambda tmp: tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                                              encoding="utf-8"))


def _replace(path: Path, write) -> None:
    """Write beside ``path``, then rename over it: a program running meanwhile (a test run, the window) keeps
    reading the file it opened — a .qm file is mapped into memory by Qt, and rewriting it in place kills
    that program with SIGBUS; a .ts file read half-written loses translations."""
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    os.replace(tmp, path)


def lrelease() -> str | None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return exe if Path(exe).exists() or shutil.which(exe) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--missing", action="store_true", help="only list untranslated strings")
    parser.add_argument("--add", metavar="FILE.json", help="add translations from a JSON object")
    parser.add_argument("--part", help="only this part (core, assets, ...)")
    args = parser.parse_args(argv)

    added: dict[str, str] = {}
    if args.add:
        added = json.loads(Path(args.add).read_text(encoding="utf-8"))

    parts = extract()
    missing_total = 0
    I18N.mkdir(parents=True, exist_ok=True)
    for part, strings in sorted(parts.items()):
        if args.part and part != args.part:
            continue
        path = ts_path(part)
        translations = read_ts(path)
        # A part's existing translation is kept unless --part names it: the same
        # English may rightly read differently in two parts (each is its own context).
        translations.update({k: v for k, v in added.items()
                             if k in strings and (args.part == part or not translations.get(k))})
        missing = [s for s in strings if not translations.get(s)]
        missing_total += len(missing)
        for s in missing:
            print(f"[{part}] missing: {s!r}")
        if args.missing:
            continue
        if not strings and not path.exists():
            continue
        write_ts(path, strings, translations)
        exe = lrelease()
        if exe:
            _replace(path.with_suffix(".qm"), lambda tmp, exe=exe, ts=path: subprocess.run(
                [exe, "-silent", str(ts), "-qm", str(tmp)], check=True))
    print(f"{missing_total} string(s) without a translation")
    return 1 if (args.missing and missing_total) else 0


if __name__ == "__main__":
    raise SystemExit(main())
