"""Text measuring, wrapping and value formatting shared by every printed form (no Qt)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import FONT

ELLIPSIS = "…"
# characters that must not begin a line (Chinese line-breaking rules, 避头点)
NO_START = set("、，。．：；！？）］｝」』】〉》”’%…·,.:;!?)]}")


def width(text: str, size: float) -> float:
    return stringWidth(text, FONT, size)


def _break_ok(prev: str, nxt: str) -> bool:
    """May a line break fall between ``prev`` and ``nxt``? (keep latin words and numbers whole)"""
    if prev.isspace() or nxt.isspace():
        return True
    return not (prev.isascii() and nxt.isascii() and prev.isalnum() and nxt.isalnum())


def wrap(text: str, max_width: float, size: float, max_lines: int | None = None) -> list[str]:
    """Split ``text`` into lines no wider than ``max_width`` points.

    Chinese text breaks between any two characters, latin words and numbers stay
    whole unless a single word is wider than the line. Explicit newlines are kept.
    With ``max_lines`` the last line is cut with an ellipsis.
    """
    if not text:
        return [""]
    lines: list[str] = []
    for para in str(text).split("\n"):
        if width(para, size) <= max_width:
            lines.append(para)
            continue
        start = 0
        n = len(para)
        while start < n:
            # greedy: longest prefix that fits, measured incrementally
            w = 0.0
            end = start
            last_break = -1
            while end < n:
                cw = stringWidth(para[end], FONT, size)
                if w + cw > max_width and end > start:
                    break
                w += cw
                end += 1
                if end < n and _break_ok(para[end - 1], para[end]):
                    last_break = end
            if end < n and last_break > start:
                end = last_break
            # a line must not begin with closing punctuation: take the character before it along
            while end < n and para[end] in NO_START and end - 1 > start:
                end -= 1
            lines.append(para[start:end].rstrip())
            start = end
            while start < n and para[start] == " ":
                start += 1
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + ELLIPSIS, max_width, size)
    return lines


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
