"""Text measuring, wrapping and value formatting shared by every printed form (no Qt)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from typing import Any

from ..i18n import join_list  # noqa: F401  (kept here: forms import it from printing)
from . import fonts

ELLIPSIS = "…"
# characters that must not begin a line (Chinese line-breaking rules, 避头点)
NO_START = set("、，。．：；！？）］｝」』】〉》”’%…·,.:;!?)]}℃°‰")
# characters that must not end a line (opening brackets, currency signs)
NO_END = set("（［｛「『【〈《“‘([{¥￥$£€#№")
# a line may break after these even inside a phrase of Han characters (clause and list marks)
PHRASE_END = set("、，。；：！？）」』】》,;:!?)/ ")
MIN_SCALE = 0.7  # cells shrink to 70 % of their size before they take more lines
PHRASE_SCALE = 0.8  # ... and to 80 % to keep a short phrase ("最低价、选定") from breaking inside a word


def width(text: str, size: float) -> float:
    """Width in points, each character in the font that prints it (raises ``fonts.MissingGlyph``)."""
    return fonts.string_width(text, size)


_unit_width = fonts.unit_width


def _token(ch: str) -> bool:
    """Part of a latin word, a number, an amount or a document number (QD-2026-B0001, 9,045.00)."""
    return ch.isascii() and not ch.isspace()


def _break_ok(prev: str, nxt: str, mode: str = "char") -> bool:
    """May a line break fall between ``prev`` and ``nxt``?

    ``char``: between Han characters, never inside a latin word, number, amount or document
    number, never before closing or after opening punctuation. ``phrase``: only at spaces,
    after clause and list marks and where Han text meets latin text. ``any``: anywhere."""
    if mode == "any":
        return True
    if prev.isspace() or nxt.isspace():
        return True
    if _token(prev) and _token(nxt):
        return False
    if nxt in NO_START or prev in NO_END:
        return False
    if mode == "phrase":
        return prev in PHRASE_END or _token(prev) != _token(nxt)
    return True


def _wrap_para(para: str, max_width: float, size: float, mode: str) -> tuple[list[str], bool]:
    """Greedy lines of one paragraph; (lines, overflow) where overflow says a piece that may not
    be broken is wider than the line (it is left whole and runs past the edge)."""
    if not para:
        return [""], False
    ws = [_unit_width(ch) * size for ch in para]
    n = len(para)
    limit = max_width + 1e-6
    lines: list[str] = []
    over = False
    start = 0
    while start < n:
        w = 0.0
        end = start
        last_break = -1
        while end < n:
            if end > start and w + ws[end] > limit:
                if last_break > start:
                    end = last_break
                elif mode != "any":
                    over = True
                    while end < n and not _break_ok(para[end - 1], para[end], mode):
                        end += 1
                break
            w += ws[end]
            end += 1
            if end < n and _break_ok(para[end - 1], para[end], mode):
                last_break = end
        lines.append(para[start:end].rstrip())
        start = end
        while start < n and para[start] == " ":
            start += 1
    return lines, over


def _wrap(text: str, max_width: float, size: float, mode: str) -> tuple[list[str], bool]:
    lines: list[str] = []
    over = False
    for para in str(text).split("\n"):
        if width(para, size) <= max_width:
            lines.append(para)
            continue
        got, o = _wrap_para(para, max_width, size, mode)
        lines += got
        over = over or o
    return lines, over


def wrap(text: str, max_width: float, size: float, max_lines: int | None = None) -> list[str]:
    """Split ``text`` into lines no wider than ``max_width`` points.

    Chinese text breaks between any two characters (not before closing or after opening
    punctuation); latin words, numbers, amounts and document numbers stay whole unless one
    alone is wider than the line. Explicit newlines are kept. With ``max_lines`` the last
    line is cut with an ellipsis (for labels; table cells use ``fit_cell``, which never cuts).
    """
    if not text:
        return [""]
    lines, over = _wrap(text, max_width, size, "char")
    if over:
        lines = []
        for para in str(text).split("\n"):
            got, o = _wrap_para(para, max_width, size, "char") if width(para, size) > max_width else ([para], False)
            if o:
                got, _ = _wrap_para(para, max_width, size, "any")
            lines += got
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + ELLIPSIS, max_width, size)
    return lines


def _sizes(size: float, low: float) -> list[float]:
    out = []
    s = size
    while s > low + 1e-6:
        out.append(s)
        s -= 0.5
    out.append(low)
    return out


def fit_cell(text: str, max_width: float, size: float, max_lines: int = 3,
             min_size: float | None = None) -> tuple[list[str], float]:
    """Lines and font size for a table cell: never cut, never broken inside a number.

    In order: one line at ``size``; a short phrase kept whole at up to 20 % smaller
    ("最低价、/选定", not "最低/价、选/定"); wrapped between Han characters at sizes down to
    ``min_size`` (70 %) within ``max_lines``; more lines than ``max_lines`` (the row grows)
    rather than an ellipsis; a word wider than the cell even at ``min_size`` is broken last."""
    text = "" if text is None else str(text)
    if min_size is None:
        min_size = max(5.5, size * MIN_SCALE)
    if "\n" not in text and width(text, size) <= max_width:
        return [text], size
    for s in _sizes(size, max(min_size, size * PHRASE_SCALE)):
        lines, over = _wrap(text, max_width, s, "phrase")
        if not over and len(lines) <= max_lines:
            return lines, s
    for s in _sizes(size, min_size):
        lines, over = _wrap(text, max_width, s, "char")
        if not over and len(lines) <= max_lines:
            return lines, s
    for s in _sizes(size, min_size):
        lines, over = _wrap(text, max_width, s, "char")
        if not over:
            return lines, s
    return wrap(text, max_width, min_size), min_size


def fit_line(text: str, max_width: float, size: float, min_size: float | None = None) -> float:
    """The size at which ``text`` stays on one line (amounts, dates, numbers: never broken)."""
    if min_size is None:
        min_size = max(5.0, size * 0.6)
    return fit_size(text, max_width, size, min_size)


def fit(text: str, max_width: float, size: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits on one line."""
    if width(text, size) <= max_width:
        return text
    while text and width(text + ELLIPSIS, size) > max_width:
        text = text[:-1]
    return text + ELLIPSIS


def fit_size(text: str, max_width: float, size: float, min_size: float = 5.0) -> float:
    """The largest font size <= ``size`` (down to ``min_size``) at which ``text`` fits on one line."""
    w = width(text, size)
    if w <= max_width or w == 0:
        return size
    return max(min_size, size * max_width / w * 0.999)


def _number(value: Any) -> Decimal | str:
    """The value as a Decimal, or the text to print as it is: '' for None/'', its own text if not a number."""
    if value is None or value == "":
        return ""
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)


def format_money(value: Any) -> str:
    """1234.5 -> '1,234.50'; None/'' -> ''."""
    d = _number(value)
    if isinstance(d, str):
        return d
    return f"{d.quantize(Decimal('0.01')):,.2f}"


def format_qty(value: Any) -> str:
    """2 -> '2', 2.50 -> '2.5'; None/'' -> ''."""
    d = _number(value)
    if isinstance(d, str):
        return d
    if d == d.to_integral_value():
        return f"{int(d):,}" if abs(d) >= 10000 else str(int(d))
    return format(d.normalize(), "f")


def format_date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def format_value(value: Any, kind: str = "text") -> str:
    if kind == "money":
        return format_money(value)
    if kind == "qty":
        return format_qty(value)
    if kind == "date" or isinstance(value, (_dt.date, _dt.datetime)):
        return format_date(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)
