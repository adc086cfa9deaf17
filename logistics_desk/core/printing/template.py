"""The one page template every printed form shares (no Qt).

Every page carries, from the top: the school name, the form title (centred,
bold), an optional subtitle, the document number (left) and date (right), the
form's meta lines ("存放地点：教学楼 301    保管人：张三"), then the body, and at
the foot "第 x 页 / 共 y 页".  The signature block ("保管人签字：____ 日期：____")
ends the last page of each section.

The functions here draw straight onto a ReportLab canvas; the form classes
(``TableForm``, ``SlipForm``) lay out first (to know the page count), then draw.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..errors import UserError
from ..i18n import tr
from ..tasks import Cancelled
from .fonts import FONT, draw_string, register_fonts, text_out
from .text import format_date, width, wrap

# page geometry (points)
MARGIN_X = 15 * mm  # left and right on landscape pages, right on portrait pages
BINDING_MARGIN = 25 * mm  # left on portrait pages: room to punch and bind them in a folder
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 10 * mm
FOOTER_H = 8 * mm  # space kept for "第 x 页 / 共 y 页"

SCHOOL_SIZE = 11
TITLE_SIZE = 17
SUBTITLE_SIZE = 11.5
INFO_SIZE = 9.5
BODY_SIZE = 9
SIGN_SIZE = 10
FOOTER_SIZE = 9

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]


class PrintCancelled(Cancelled):
    """Raised by a renderer when its ``cancel()`` callback returned True (a ``tasks.Cancelled``,
    so ``run_in_worker`` treats it as a cancel, not an error)."""

    def __init__(self) -> None:
        UserError.__init__(self, tr("Printing cancelled."))


def page_size(landscape: bool = False) -> tuple[float, float]:
    return _landscape(A4) if landscape else A4


def margins(landscape: bool = False) -> tuple[float, float]:
    """(left, right) margins: portrait pages keep a wider left margin for binding."""
    return (MARGIN_X if landscape else BINDING_MARGIN), MARGIN_X


def text_frame(landscape: bool = False) -> tuple[float, float]:
    """(x, width) of the printable area between the margins."""
    left, right = margins(landscape)
    return left, page_size(landscape)[0] - left - right


def new_canvas(buffer: io.BytesIO, landscape: bool = False, title: str = "", author: str = "") -> Canvas:
    """A canvas set up for our forms: A4, the embedded CJK font, no base-14 font referenced."""
    register_fonts()
    c = Canvas(
        buffer,
        pagesize=page_size(landscape),
        initialFontName=FONT,
        initialFontSize=BODY_SIZE,
        pageCompression=1,
    )
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Logistics Desk")
    return c


def school_name(school: str | None) -> str:
    if school is not None:
        return school
    from .. import masterdata

    try:
        return masterdata.school_name()
    except Exception:  # no database open (e.g. a benchmark): print without a school name
        return ""


def draw_bold(c: Canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """Draw text with a slightly heavier stroke (the shipped font has no bold face)."""
    w = width(text, size)
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    t = c.beginText(x, y)
    t.setFont(FONT, size)
    t.setTextRenderMode(2)  # fill + stroke
    c.saveState()
    c.setLineWidth(size * 0.035)
    text_out(t, text, size)
    c.drawText(t)
    c.restoreState()


def label_value(label: str, value: Any) -> str:
    """'存放地点：教学楼 301' (the colon is translated)."""
    if not label:
        return format_date(value) if value is not None else ""
    return tr("{label}: {value}").format(label=label, value=format_date(value) if value is not None else "")


def meta_lines(meta: Sequence[tuple[str, Any]], avail: float, size: float = INFO_SIZE) -> list[list[tuple[float, str]]]:
    """Flow "label：value" items across lines: a list of lines, each a list of (x offset, text)."""
    gap = 10 * mm
    lines: list[list[tuple[float, str]]] = []
    line: list[tuple[float, str]] = []
    x = 0.0
    for label, value in meta:
        text = label_value(label, value)
        w = width(text, size)
        if line and x + w > avail:
            lines.append(line)
            line, x = [], 0.0
        if w > avail:
            for part in wrap(text, avail, size):
                lines.append([(0.0, part)])
            continue
        line.append((x, text))
        x += w + gap
    if line:
        lines.append(line)
    return lines


@dataclass
class Header:
    """What the top of every page shows."""

    school: str
    title: str
    subtitle: str | None = None
    doc_number: str | None = None
    date: Any = None
    meta: Sequence[tuple[str, Any]] = field(default_factory=list)

    def _info(self) -> tuple[str, str]:
        left = tr("No.: {number}").format(number=self.doc_number) if self.doc_number else ""
        right = tr("Date: {date}").format(date=format_date(self.date)) if self.date else ""
        return left, right

    def height(self, avail: float) -> float:
        h = 0.0
        if self.school:
            h += 6 * mm
        h += 9 * mm
        if self.subtitle:
            h += 6 * mm
        if any(self._info()):
            h += 5.5 * mm
        h += len(meta_lines(self.meta, avail)) * 5 * mm
        return h + 2 * mm

    def draw(self, c: Canvas, x: float, top: float, avail: float) -> float:
        """Draw at ``top`` (y of the upper edge); returns the y below the header."""
        y = top
        cx = x + avail / 2
        if self.school:
            y -= 6 * mm
            draw_string(c, cx, y + 1.5 * mm, self.school, SCHOOL_SIZE, "center")
        y -= 9 * mm
        draw_bold(c, cx, y + 2.2 * mm, self.title, TITLE_SIZE, "center")
        if self.subtitle:
            y -= 6 * mm
            draw_string(c, cx, y + 1.5 * mm, self.subtitle, SUBTITLE_SIZE, "center")
        left, right = self._info()
        if left or right:
            y -= 5.5 * mm
            if left:
                draw_string(c, x, y + 1.3 * mm, left, INFO_SIZE)
            if right:
                draw_string(c, x + avail, y + 1.3 * mm, right, INFO_SIZE, "right")
        lines = meta_lines(self.meta, avail)
        if lines:
            for line in lines:
                y -= 5 * mm
                for dx, text in line:
                    draw_string(c, x + dx, y + 1.3 * mm, text, INFO_SIZE)
        return y - 2 * mm

    def check(self) -> None:
        """Raise ``MissingGlyph`` (saying it is in the page head) for a character no font prints."""
        from .fonts import MissingGlyph, check

        texts = [self.school, self.title, self.subtitle or "", *self._info()]
        texts += [label_value(label, value) for label, value in self.meta]
        for text in texts:
            try:
                check(text)
            except MissingGlyph as e:
                raise e.located(self.title, self.subtitle or "", self.doc_number or "", tr("page heading")) from None


def page_label(page: int, pages: int) -> str:
    return tr("Page {page} of {pages}").format(page=page, pages=pages)


def draw_footer(c: Canvas, page: int, pages: int, page_w: float, extra: str = "", x: float | None = None,
                avail: float | None = None) -> None:
    """"第 x 页 / 共 y 页" centred under the text (``x``, ``avail``: the text frame; default the page)."""
    if x is None or avail is None:
        x, avail = 0.0, page_w
        right = page_w - MARGIN_X
    else:
        right = x + avail
    draw_string(c, x + avail / 2, MARGIN_BOTTOM + 1.5 * mm, page_label(page, pages), FOOTER_SIZE, "center")
    if extra:
        draw_string(c, right, MARGIN_BOTTOM + 1.5 * mm, extra, 7.5, "right")


# -- signature block ---------------------------------------------------------

SIGN_LINE = 24 * mm
DATE_LINE = 22 * mm
SIGN_GAP = 3 * mm  # between the signature line and "日期："
SIGN_COL_GAP = 6 * mm  # between two entries on a row
SIGN_ROW_H = 11 * mm


def _sign_texts(role: str) -> tuple[str, str]:
    return tr("{role} signature:").format(role=role), tr("Date:")


SIGN_LINE_SHORT = 20 * mm  # when one more entry fits on a row with shorter lines
DATE_LINE_SHORT = 18 * mm


def _sign_entry_width(role: str, sign_line: float = SIGN_LINE, date_line: float = DATE_LINE) -> float:
    a, b = _sign_texts(role)
    return width(a, SIGN_SIZE) + sign_line + SIGN_GAP + width(b, SIGN_SIZE) + date_line


def _signature_plan(roles: Sequence[str], avail: float) -> tuple[int, list[float], float, float]:
    """(entries per row, x offset of each column, signature line, date line).

    As many entries per row as fit with their natural widths, or with lines a little
    shorter (20 mm and 18 mm, still room for a name and a date) if that saves a row;
    the spare room is spread between the columns so the block spans the page."""
    if not roles:
        return 1, [0.0], SIGN_LINE, DATE_LINE
    n = len(roles)
    for per_row in range(n, 0, -1):
        for sign_line, date_line in ((SIGN_LINE, DATE_LINE), (SIGN_LINE_SHORT, DATE_LINE_SHORT)):
            widths = [_sign_entry_width(r, sign_line, date_line) for r in roles]
            cols = [max(widths[i] for i in range(j, n, per_row)) for j in range(per_row)]
            need = sum(cols) + (per_row - 1) * SIGN_COL_GAP
            if need <= avail:
                break
        else:
            if per_row > 1:
                continue
            sign_line, date_line = SIGN_LINE, DATE_LINE
        break
    if per_row == 1:
        return 1, [0.0], sign_line, date_line
    spare = (avail - sum(cols)) / (per_row - 1)
    xs, x = [], 0.0
    for w in cols:
        xs.append(x)
        x += w + spare
    return per_row, xs, sign_line, date_line


def signature_layout(roles: Sequence[str], avail: float) -> tuple[int, list[float]]:
    """(entries per row, x offset of each column) for a signature block."""
    per_row, xs, _, _ = _signature_plan(roles, avail)
    return per_row, xs


def signature_height(roles: Sequence[str], avail: float) -> float:
    if not roles:
        return 0.0
    per_row, _ = signature_layout(roles, avail)
    rows = -(-len(roles) // per_row)
    return 4 * mm + rows * SIGN_ROW_H


def draw_signatures(c: Canvas, roles: Sequence[str], x: float, top: float, avail: float) -> float:
    """"<role>签字：________  日期：________" for each role, as many per row as fit. Returns the y below."""
    if not roles:
        return top
    per_row, xs, sign_line, date_line = _signature_plan(roles, avail)
    c.setLineWidth(0.6)
    y = top - 4 * mm
    for i, role in enumerate(roles):
        col = i % per_row
        if col == 0:
            y -= SIGN_ROW_H
        a, b = _sign_texts(role)
        px = x + xs[col]
        base = y + 3 * mm
        draw_string(c, px, base, a, SIGN_SIZE)
        px += width(a, SIGN_SIZE)
        c.line(px + 1, base - 1.2, px + sign_line, base - 1.2)
        px += sign_line + SIGN_GAP
        draw_string(c, px, base, b, SIGN_SIZE)
        px += width(b, SIGN_SIZE)
        c.line(px + 1, base - 1.2, px + date_line, base - 1.2)
    return y


def today() -> _dt.date:
    from .. import clock

    return clock.today()
