"""Table forms: lists, sheets and registers on the shared page template (no Qt).

Fast by design: rows are measured (text wrapped) with font metrics, packed into
pages, then drawn with one text object per page straight on a ReportLab canvas —
no Platypus story.  A section is laid out only when it is reached, so a document
of many sections never holds more than one section's rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..i18n import tr
from .barcodes import draw_code128
from .fonts import FONT, register_fonts
from .template import (
    BODY_SIZE,
    FOOTER_H,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    Cancel,
    Header,
    PrintCancelled,
    Progress,
    draw_bold,
    draw_footer,
    draw_signatures,
    new_canvas,
    page_size,
    school_name,
    signature_height,
    today,
)
from .text import fit_size, format_value, width, wrap

KINDS = ("text", "money", "qty", "date", "barcode", "checkbox", "index")
_DEFAULT_ALIGN = {
    "text": "left",
    "money": "right",
    "qty": "right",
    "date": "center",
    "barcode": "center",
    "checkbox": "center",
    "index": "center",
}

PAD_X = 1.2 * mm
PAD_Y = 1.0 * mm
BARCODE_ROW_H = 13 * mm
HEADER_FILL = 0.88
TOTAL_FILL = 0.95


@dataclass
class Column:
    """One column of a table form.

    ``key``: the dict key (or the index, for rows given as sequences).
    ``width``: relative weight; all columns are scaled to fill the printable width
    (so widths in millimetres work too).
    ``kind``: text | money (1,234.50, right) | qty (right) | date (YYYY-MM-DD) |
    barcode (Code128 of the text, readable text beneath) | checkbox (an empty box
    to tick by hand; ticked if the value is true) | index (序号 1, 2, 3… when the row
    has no value).
    ``max_lines``: long text wraps up to this many lines, then is cut with "…".
    """

    key: Any
    header: str
    width: float = 1.0
    align: str | None = None
    kind: str = "text"
    max_lines: int = 3

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.align is None:
            self.align = _DEFAULT_ALIGN[self.kind]


@dataclass
class Section:
    """A part of a table form that starts on a new page: its own meta lines, rows,
    totals, note and signature block, and its own "第 x 页 / 共 y 页".

    ``rows``: dicts keyed by ``Column.key`` or sequences in column order.
    ``totals``: values for the totals row (keyed like the rows); the first column
    shows "合计" unless given. ``None`` prints no totals row.
    ``signatures``: the roles that sign ("保管人", ...); ``None`` uses the form's.
    ``title``: a subtitle under the form title (e.g. the room).
    ``note``: a paragraph printed under the table.
    ``blank_rows``: empty ruled rows after the data, for writing in by hand.
    """

    meta: Sequence[tuple[str, Any]] = ()
    rows: Iterable[Mapping | Sequence] = ()
    totals: Mapping | None = None
    signatures: Sequence[str] | None = None
    title: str | None = None
    note: str | None = None
    blank_rows: int = 0


@dataclass
class _Row:
    cells: list[Any]  # list[str] lines for text cells, raw value for barcode/checkbox
    height: float
    kind: str = "data"  # data | total | blank | empty


class TableLayout:
    """Column geometry, row measuring and drawing of one ruled table at ``x``, ``avail`` wide.

    Used by ``TableForm`` for whole pages and by ``SmallTable`` blocks inside slips.
    """

    def __init__(self, columns: Sequence[Column], x: float, avail: float, font_size: float = BODY_SIZE,
                 min_row_height: float = 7.0) -> None:
        register_fonts()
        self.columns = list(columns)
        self.x = x
        self.avail = avail
        self.font_size = font_size
        total_w = sum(max(0.01, c.width) for c in self.columns)
        self.col_w = [max(0.01, c.width) / total_w * avail for c in self.columns]
        xs = [x]
        for w in self.col_w:
            xs.append(xs[-1] + w)
        self.col_x = xs
        self.leading = font_size * 1.25
        self.min_h = min_row_height * mm
        self.text_w = [w - 2 * PAD_X for w in self.col_w]
        self.has_barcode = any(c.kind == "barcode" for c in self.columns)
        # a header that nearly fits is set a little smaller rather than broken over two lines
        self.head_sizes = []
        self.head_lines = []
        for c, tw in zip(self.columns, self.text_w):
            size = fit_size(c.header, tw + PAD_X, font_size, font_size * 0.78)
            lines = [c.header] if width(c.header, size) <= tw + PAD_X else wrap(c.header, tw, font_size, 3)
            if len(lines) > 1:
                size = font_size
            self.head_sizes.append(size)
            self.head_lines.append(lines)
        n = max((len(x) for x in self.head_lines), default=1)
        self.head_h = max(self.min_h, n * self.leading + 2 * PAD_Y + 1 * mm)

    # ---- measuring ------------------------------------------------------
    @staticmethod
    def _cell_value(row: Mapping | Sequence, i: int, col: Column) -> Any:
        if isinstance(row, Mapping):
            return row.get(col.key)
        return row[i] if i < len(row) else None

    def measure(self, row: Mapping | Sequence, number: int) -> _Row:
        cells: list[Any] = []
        lines_n = 1
        fs = self.font_size
        for i, col in enumerate(self.columns):
            value = self._cell_value(row, i, col)
            if col.kind in ("barcode", "checkbox"):
                cells.append(value)
                continue
            if col.kind == "index" and (value is None or value == ""):
                value = number
            text = format_value(value, col.kind)
            if "\n" not in text and width(text, fs) <= self.text_w[i]:
                cells.append([text])
                continue
            lines = wrap(text, self.text_w[i], fs, col.max_lines)
            lines_n = max(lines_n, len(lines))
            cells.append(lines)
        h = max(self.min_h, lines_n * self.leading + 2 * PAD_Y)
        if self.has_barcode and any(
            c.kind == "barcode" and cells[i] not in (None, "") for i, c in enumerate(self.columns)
        ):
            h = max(h, BARCODE_ROW_H)
        return _Row(cells, h)

    def totals_row(self, totals: Mapping) -> _Row:
        values = dict(totals)
        first = self.columns[0]
        if first.key not in values:
            values[first.key] = tr("Total")
        cells = []
        for i, col in enumerate(self.columns):
            v = values.get(col.key)
            kind = col.kind if col.kind not in ("barcode", "checkbox", "index") else "text"
            cells.append(wrap(format_value(v, kind), self.text_w[i], self.font_size, col.max_lines))
        n = max(len(c) for c in cells)
        return _Row(cells, max(self.min_h, n * self.leading + 2 * PAD_Y), "total")

    def blank_row(self) -> _Row:
        return _Row([[""] for _ in self.columns], self.min_h, "blank")

    def empty_row(self, text: str | None = None) -> _Row:
        return _Row([[text if text is not None else tr("(none)")]], self.min_h, "empty")

    # ---- drawing --------------------------------------------------------
    def draw_header(self, c: Canvas, top: float) -> float:
        bottom = top - self.head_h
        c.setFillGray(HEADER_FILL)
        c.rect(self.x, bottom, self.avail, self.head_h, stroke=0, fill=1)
        c.setFillGray(0)
        for i, lines in enumerate(self.head_lines):
            fs = self.head_sizes[i]
            cx = self.col_x[i] + self.col_w[i] / 2
            block = len(lines) * self.leading
            y0 = bottom + self.head_h / 2 + block / 2
            for j, line in enumerate(lines):
                draw_bold(c, cx, y0 - j * self.leading - self.leading / 2 - fs * 0.36, line, fs, "center")
        return bottom

    def _draw_rows(self, c: Canvas, rows: Sequence[_Row], top: float) -> tuple[float, list]:
        fs = self.font_size
        lead = self.leading
        t = c.beginText()
        t.setFont(FONT, fs)
        specials: list[tuple[str, float, float, float, float, Any]] = []
        y = top
        hlines = []
        bold_lines: list[tuple[float, float, str]] = []
        shaded: list[tuple[float, float]] = []
        x_left, x_right = self.x, self.x + self.avail
        for row in rows:
            bottom = y - row.height
            mid = bottom + row.height / 2
            if row.kind == "empty":
                text = row.cells[0][0]
                t.setTextOrigin(x_left + self.avail / 2 - width(text, fs) / 2, mid - fs * 0.36)
                t.textOut(text)
            else:
                if row.kind == "total":
                    shaded.append((bottom, row.height))
                for i, col in enumerate(self.columns):
                    cell = row.cells[i]
                    x0 = self.col_x[i]
                    if row.kind == "data" and col.kind in ("barcode", "checkbox"):
                        specials.append((col.kind, x0, bottom, self.col_w[i], row.height, cell))
                        continue
                    block_top = mid + len(cell) * lead / 2
                    for j, line in enumerate(cell):
                        if not line:
                            continue
                        base = block_top - j * lead - lead / 2 - fs * 0.36
                        if col.align == "right":
                            x = x0 + self.col_w[i] - PAD_X - width(line, fs)
                        elif col.align == "center":
                            x = x0 + (self.col_w[i] - width(line, fs)) / 2
                        else:
                            x = x0 + PAD_X
                        if row.kind == "total":
                            bold_lines.append((x, base, line))
                        else:
                            t.setTextOrigin(x, base)
                            t.textOut(line)
            hlines.append((x_left, bottom, x_right, bottom))
            y = bottom
        for bottom, h in shaded:
            c.setFillGray(TOTAL_FILL)
            c.rect(x_left, bottom, self.avail, h, stroke=0, fill=1)
            c.setFillGray(0)
        c.drawText(t)
        for x, base, line in bold_lines:
            draw_bold(c, x, base, line, fs)
        for kind, x0, bottom, w, h, value in specials:
            if kind == "barcode":
                if value not in (None, ""):
                    draw_code128(c, str(value), x0 + PAD_X, bottom + 0.8 * mm, w - 2 * PAD_X, h - 1.6 * mm)
            else:
                draw_checkbox(c, x0 + w / 2, bottom + h / 2, bool(value))
        return y, hlines

    def draw_table(self, c: Canvas, top: float, rows: Sequence[_Row], header: bool = True) -> float:
        """Header row (if ``header``), then ``rows``, with the ruling; returns the bottom y."""
        x_left, x_right = self.x, self.x + self.avail
        y = self.draw_header(c, top) if header else top
        y, hlines = self._draw_rows(c, rows, y)
        bottom = y
        inner = self.col_x[1:-1]
        vlines = []
        # inner vertical lines, interrupted by "(none)" rows that span the width
        seg_top = top
        cursor = top - (self.head_h if header else 0)
        for row in rows:
            if row.kind == "empty":
                if seg_top > cursor:
                    vlines += [(x, seg_top, x, cursor) for x in inner]
                seg_top = cursor - row.height
            cursor -= row.height
        if seg_top > bottom:
            vlines += [(x, seg_top, x, bottom) for x in inner]
        c.setLineWidth(0.5)
        c.lines(hlines[:-1] + vlines)
        c.setLineWidth(0.9)
        frame = [(x_left, top, x_right, top), (x_left, bottom, x_right, bottom),
                 (x_left, top, x_left, bottom), (x_right, top, x_right, bottom)]
        if header:
            frame.append((x_left, top - self.head_h, x_right, top - self.head_h))
        c.lines(frame)
        return bottom


def draw_checkbox(c: Canvas, cx: float, cy: float, ticked: bool = False, size: float = 3.6 * mm) -> None:
    """An empty square to tick by hand (with a tick if ``ticked``)."""
    s = size
    c.setLineWidth(0.6)
    c.rect(cx - s / 2, cy - s / 2, s, s, stroke=1, fill=0)
    if ticked:
        c.setLineWidth(0.9)
        p = c.beginPath()
        p.moveTo(cx - s * 0.32, cy)
        p.lineTo(cx - s * 0.08, cy - s * 0.28)
        p.lineTo(cx + s * 0.36, cy + s * 0.32)
        c.drawPath(p, stroke=1, fill=0)


@dataclass
class TableForm:
    """A table on the shared A4 template. ``render()`` returns the PDF bytes.

    ``sections`` may be a generator (sections are laid out one at a time); give
    a list if you want ``progress`` to know the total. ``date=None`` prints today's
    date (``clock.today()``); pass ``""`` to print no date.
    """

    title: str
    columns: Sequence[Column]
    sections: Iterable[Section] = field(default_factory=list)
    doc_number: str | None = None
    date: Any = None
    landscape: bool = False
    school: str | None = None
    signatures: Sequence[str] = ()
    font_size: float = BODY_SIZE
    min_row_height: float = 7.0  # mm; room to write by hand
    footer: str = ""  # small text bottom right of every page (e.g. "打印：张三 2026-03-01")

    def _setup(self) -> None:
        self._page_w, self._page_h = page_size(self.landscape)
        self._avail = self._page_w - 2 * MARGIN_X
        self._table = TableLayout(self.columns, MARGIN_X, self._avail, self.font_size, self.min_row_height)

    # ---- layout ---------------------------------------------------------
    def _paginate(self, section: Section, header: Header) -> tuple[list[list[_Row]], list[_Row]]:
        """Pack the section's rows into pages. Returns (pages of rows, tail rows for the last page)."""
        table = self._table
        head_h = header.height(self._avail)
        body_h = self._page_h - MARGIN_TOP - head_h - MARGIN_BOTTOM - FOOTER_H - table.head_h
        pages: list[list[_Row]] = [[]]
        used = 0.0

        def add(row: _Row) -> None:
            nonlocal used
            if used + row.height > body_h and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height

        number = 0
        for raw in section.rows:
            number += 1
            add(table.measure(raw, number))
        for _ in range(section.blank_rows):
            add(table.blank_row())
        if number == 0 and section.blank_rows == 0:
            add(table.empty_row())
        tail: list[_Row] = []
        if section.totals is not None:
            tail.append(table.totals_row(section.totals))
        tail_h = sum(r.height for r in tail) + self._after_height(section)
        if used + tail_h > body_h:
            # keep the totals and signatures with at least one row of the table
            last = pages[-1]
            moved = [last.pop()] if len(last) > 1 else []
            pages.append(moved)
        return pages, tail

    def _note_lines(self, section: Section) -> list[str]:
        return wrap(section.note, self._avail, self.font_size) if section.note else []

    def _signatures(self, section: Section) -> Sequence[str]:
        return self.signatures if section.signatures is None else section.signatures

    def _after_height(self, section: Section) -> float:
        h = 0.0
        note = self._note_lines(section)
        if note:
            h += 2 * mm + len(note) * self._table.leading
        h += signature_height(self._signatures(section), self._avail)
        return h

    # ---- drawing --------------------------------------------------------
    def _draw_page(
        self, c: Canvas, header: Header, rows: list[_Row], tail: list[_Row], section: Section | None,
        page: int, pages: int,
    ) -> None:
        top = self._page_h - MARGIN_TOP
        y = header.draw(c, MARGIN_X, top, self._avail)
        y = self._table.draw_table(c, y, rows + tail)
        if section is not None:
            note = self._note_lines(section)
            if note:
                lead = self._table.leading
                y -= 2 * mm
                c.setFont(FONT, self.font_size)
                for line in note:
                    y -= lead
                    c.drawString(MARGIN_X, y + lead * 0.25, line)
            draw_signatures(c, self._signatures(section), MARGIN_X, y, self._avail)
        draw_footer(c, page, pages, self._page_w, self.footer)
        c.showPage()

    # ---- public ---------------------------------------------------------
    def render(self, progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
        """Build the PDF. ``progress(rows_done, rows_total_or_None)`` is called once per page;
        ``cancel()`` returning True stops with ``PrintCancelled``."""
        register_fonts()
        self._setup()
        sections = self.sections
        total = None
        if isinstance(sections, Sequence):
            try:
                total = sum(len(s.rows) for s in sections)  # type: ignore[arg-type]
            except TypeError:
                total = None
        school = school_name(self.school)
        date = self.date if self.date is not None else today()
        buffer = io.BytesIO()
        c = new_canvas(buffer, self.landscape, self.title, school)
        done = 0
        any_page = False
        for section in sections:
            if cancel is not None and cancel():
                raise PrintCancelled()
            header = Header(school, self.title, section.title, self.doc_number, date, section.meta)
            pages, tail = self._paginate(section, header)
            n = len(pages)
            for p, rows in enumerate(pages, start=1):
                if cancel is not None and cancel():
                    raise PrintCancelled()
                last = p == n
                self._draw_page(c, header, rows, tail if last else [], section if last else None, p, n)
                any_page = True
                done += sum(1 for r in rows if r.kind == "data")
                if progress is not None:
                    progress(done, total)
        if not any_page:
            header = Header(school, self.title, None, self.doc_number, date, ())
            empty = Section()
            pages, tail = self._paginate(empty, header)
            self._draw_page(c, header, pages[0], tail, empty, 1, 1)
        c.save()
        return buffer.getvalue()
