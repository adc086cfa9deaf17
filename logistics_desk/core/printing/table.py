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
)
from .text import format_value, width, wrap

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


@dataclass
class TableForm:
    """A table on the shared A4 template. ``render()`` returns the PDF bytes.

    ``sections`` may be a generator (sections are laid out one at a time); give
    a list if you want ``progress`` to know the total.
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

    # ---- geometry -------------------------------------------------------
    def _setup(self) -> None:
        register_fonts()
        self._page_w, self._page_h = page_size(self.landscape)
        self._avail = self._page_w - 2 * MARGIN_X
        total_w = sum(max(0.01, c.width) for c in self.columns)
        self._col_w = [max(0.01, c.width) / total_w * self._avail for c in self.columns]
        xs = [MARGIN_X]
        for w in self._col_w:
            xs.append(xs[-1] + w)
        self._col_x = xs
        self._leading = self.font_size * 1.25
        self._min_h = self.min_row_height * mm
        self._text_w = [w - 2 * PAD_X for w in self._col_w]
        self._has_barcode = any(c.kind == "barcode" for c in self.columns)
        # header row
        hs = self.font_size
        self._head_lines = [wrap(c.header, tw, hs, 3) for c, tw in zip(self.columns, self._text_w)]
        n = max((len(x) for x in self._head_lines), default=1)
        self._head_h = max(self._min_h, n * self._leading + 2 * PAD_Y + 1 * mm)

    # ---- layout ---------------------------------------------------------
    def _cell_value(self, row: Mapping | Sequence, i: int, col: Column) -> Any:
        if isinstance(row, Mapping):
            return row.get(col.key)
        return row[i] if i < len(row) else None

    def _measure(self, row: Mapping | Sequence, number: int) -> _Row:
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
            if "\n" not in text and width(text, fs) <= self._text_w[i]:
                cells.append([text])
                continue
            lines = wrap(text, self._text_w[i], fs, col.max_lines)
            lines_n = max(lines_n, len(lines))
            cells.append(lines)
        h = max(self._min_h, lines_n * self._leading + 2 * PAD_Y)
        if self._has_barcode and any(
            c.kind == "barcode" and cells[i] not in (None, "") for i, c in enumerate(self.columns)
        ):
            h = max(h, BARCODE_ROW_H)
        return _Row(cells, h)

    def _totals_row(self, totals: Mapping) -> _Row:
        values = dict(totals)
        first = self.columns[0]
        if first.key not in values:
            values[first.key] = tr("Total")
        cells = []
        for i, col in enumerate(self.columns):
            v = values.get(col.key)
            kind = col.kind if col.kind not in ("barcode", "checkbox", "index") else "text"
            cells.append(wrap(format_value(v, kind), self._text_w[i], self.font_size, col.max_lines))
        n = max(len(c) for c in cells)
        return _Row(cells, max(self._min_h, n * self._leading + 2 * PAD_Y), "total")

    def _paginate(self, section: Section, header: Header) -> tuple[list[list[_Row]], list[_Row], float]:
        """Pack the section's rows into pages. Returns (pages of rows, tail rows, body top offset)."""
        head_h = header.height(self._avail)
        body_h = self._page_h - MARGIN_TOP - head_h - MARGIN_BOTTOM - FOOTER_H - self._head_h
        pages: list[list[_Row]] = [[]]
        used = 0.0
        number = 0
        for raw in section.rows:
            number += 1
            row = self._measure(raw, number)
            if used + row.height > body_h and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height
        for _ in range(section.blank_rows):
            row = _Row([[""] for _ in self.columns], self._min_h, "blank")
            if used + row.height > body_h and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height
        if number == 0 and section.blank_rows == 0:
            pages[-1].append(_Row([[tr("(none)")]], self._min_h, "empty"))
            used += self._min_h
        tail: list[_Row] = []
        if section.totals is not None:
            tail.append(self._totals_row(section.totals))
        tail_h = sum(r.height for r in tail) + self._after_height(section)
        if used + tail_h > body_h:
            # keep the totals and signatures with at least one row of the table
            last = pages[-1]
            moved = [last.pop()] if len(last) > 1 else []
            pages.append(moved)
        self._head_h_cache = head_h
        return pages, tail, head_h

    def _note_lines(self, section: Section) -> list[str]:
        return wrap(section.note, self._avail, self.font_size) if section.note else []

    def _signatures(self, section: Section) -> Sequence[str]:
        return self.signatures if section.signatures is None else section.signatures

    def _after_height(self, section: Section) -> float:
        h = 0.0
        note = self._note_lines(section)
        if note:
            h += 2 * mm + len(note) * self._leading
        h += signature_height(self._signatures(section), self._avail)
        return h

    # ---- drawing --------------------------------------------------------
    def _draw_table_header(self, c: Canvas, top: float) -> float:
        bottom = top - self._head_h
        c.setFillGray(HEADER_FILL)
        c.rect(MARGIN_X, bottom, self._avail, self._head_h, stroke=0, fill=1)
        c.setFillGray(0)
        fs = self.font_size
        for i, lines in enumerate(self._head_lines):
            cx = self._col_x[i] + self._col_w[i] / 2
            block = len(lines) * self._leading
            y0 = bottom + self._head_h / 2 + block / 2
            for j, line in enumerate(lines):
                draw_bold(c, cx, y0 - j * self._leading - self._leading / 2 - fs * 0.36, line, fs, "center")
        return bottom

    def _draw_rows(self, c: Canvas, rows: list[_Row], top: float) -> float:
        fs = self.font_size
        lead = self._leading
        t = c.beginText()
        t.setFont(FONT, fs)
        specials: list[tuple[str, float, float, float, float, Any]] = []
        y = top
        hlines = []
        bold_lines: list[tuple[float, float, str]] = []
        shaded: list[tuple[float, float]] = []
        for row in rows:
            bottom = y - row.height
            mid = bottom + row.height / 2
            if row.kind == "empty":
                t.setTextOrigin(MARGIN_X + self._avail / 2 - width(row.cells[0][0], fs) / 2, mid - fs * 0.36)
                t.textOut(row.cells[0][0])
            else:
                if row.kind == "total":
                    shaded.append((bottom, row.height))
                for i, col in enumerate(self.columns):
                    cell = row.cells[i]
                    x0 = self._col_x[i]
                    if row.kind == "data" and col.kind in ("barcode", "checkbox"):
                        specials.append((col.kind, x0, bottom, self._col_w[i], row.height, cell))
                        continue
                    block_top = mid + len(cell) * lead / 2
                    for j, line in enumerate(cell):
                        if not line:
                            continue
                        base = block_top - j * lead - lead / 2 - fs * 0.36
                        if col.align == "right":
                            x = x0 + self._col_w[i] - PAD_X - width(line, fs)
                        elif col.align == "center":
                            x = x0 + (self._col_w[i] - width(line, fs)) / 2
                        else:
                            x = x0 + PAD_X
                        if row.kind == "total":
                            bold_lines.append((x, base, line))
                        else:
                            t.setTextOrigin(x, base)
                            t.textOut(line)
            hlines.append((MARGIN_X, bottom, MARGIN_X + self._avail, bottom))
            y = bottom
        for bottom, h in shaded:
            c.setFillGray(TOTAL_FILL)
            c.rect(MARGIN_X, bottom, self._avail, h, stroke=0, fill=1)
            c.setFillGray(0)
        c.drawText(t)
        for x, base, line in bold_lines:
            draw_bold(c, x, base, line, fs)
        for kind, x0, bottom, w, h, value in specials:
            if kind == "barcode":
                if value not in (None, ""):
                    draw_code128(c, str(value), x0 + PAD_X, bottom + 0.8 * mm, w - 2 * PAD_X, h - 1.6 * mm)
            else:
                self._draw_checkbox(c, x0 + w / 2, bottom + h / 2, bool(value))
        return y, hlines

    @staticmethod
    def _draw_checkbox(c: Canvas, cx: float, cy: float, ticked: bool) -> None:
        s = 3.6 * mm
        c.setLineWidth(0.6)
        c.rect(cx - s / 2, cy - s / 2, s, s, stroke=1, fill=0)
        if ticked:
            c.setLineWidth(0.9)
            p = c.beginPath()
            p.moveTo(cx - s * 0.32, cy)
            p.lineTo(cx - s * 0.08, cy - s * 0.28)
            p.lineTo(cx + s * 0.36, cy + s * 0.32)
            c.drawPath(p, stroke=1, fill=0)

    def _draw_page(
        self, c: Canvas, header: Header, rows: list[_Row], tail: list[_Row], section: Section | None,
        page: int, pages: int,
    ) -> None:
        top = self._page_h - MARGIN_TOP
        y = header.draw(c, MARGIN_X, top, self._avail)
        table_top = y
        y = self._draw_table_header(c, y)
        hlines = [(MARGIN_X, table_top, MARGIN_X + self._avail, table_top),
                  (MARGIN_X, y, MARGIN_X + self._avail, y)]
        y, more = self._draw_rows(c, rows + tail, y)
        hlines += more
        table_bottom = y
        vlines = [(MARGIN_X, table_top, MARGIN_X, table_bottom),
                  (MARGIN_X + self._avail, table_top, MARGIN_X + self._avail, table_bottom)]
        spans = [r for r in rows if r.kind == "empty"]
        for x in self._col_x[1:-1]:
            vlines.append((x, table_top, x, table_bottom))
        if spans:
            # an "(none)" row spans the whole width: draw inner lines only down to it
            vlines = vlines[:2] + [(x, table_top, x, table_top - self._head_h) for x in self._col_x[1:-1]]
            if tail:
                t_top = table_bottom + sum(r.height for r in tail)
                vlines += [(x, t_top, x, table_bottom) for x in self._col_x[1:-1]]
        c.setLineWidth(0.5)
        c.lines(hlines[2:])
        c.setLineWidth(0.9)
        c.lines([hlines[0], hlines[1], vlines[0], vlines[1], hlines[-1]])
        c.setLineWidth(0.5)
        c.lines(vlines[2:])
        if section is not None:
            note = self._note_lines(section)
            if note:
                y -= 2 * mm
                c.setFont(FONT, self.font_size)
                for line in note:
                    y -= self._leading
                    c.drawString(MARGIN_X, y + self._leading * 0.25, line)
            draw_signatures(c, self._signatures(section), MARGIN_X, y, self._avail)
        draw_footer(c, page, pages, self._page_w, self.footer)
        c.showPage()

    # ---- public ---------------------------------------------------------
    def render(self, progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
        """Build the PDF. ``progress(rows_done, rows_total_or_None)`` is called once per page;
        ``cancel()`` returning True stops with ``PrintCancelled``."""
        self._setup()
        sections = self.sections
        total = None
        if isinstance(sections, Sequence):
            try:
                total = sum(len(s.rows) for s in sections)  # type: ignore[arg-type]
            except TypeError:
                total = None
        school = school_name(self.school)
        buffer = io.BytesIO()
        c = new_canvas(buffer, self.landscape, self.title, school)
        done = 0
        any_page = False
        for section in sections:
            if cancel is not None and cancel():
                raise PrintCancelled()
            header = Header(school, self.title, section.title, self.doc_number, self.date, section.meta)
            pages, tail, _ = self._paginate(section, header)
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
            header = Header(school, self.title, None, self.doc_number, self.date, ())
            empty = Section()
            pages, tail, _ = self._paginate(empty, header)
            self._draw_page(c, header, pages[0], tail, empty, 1, 1)
        c.save()
        return buffer.getvalue()
