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
from .fonts import FONT, MissingGlyph, check, draw_string, register_fonts, text_out
from .template import (
    BODY_SIZE,
    FOOTER_H,
    MARGIN_BOTTOM,
    MARGIN_TOP,
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
    text_frame,
    today,
)
from .text import fit_cell, fit_line, format_value, width, wrap

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
ONE_LINE_KINDS = ("money", "qty", "date", "index")  # never wrapped: shrunk to fit instead

PAD_X = 1.2 * mm
PAD_Y = 1.0 * mm
BARCODE_ROW_H = 13 * mm
HEADER_FILL = 0.88
TOTAL_FILL = 0.95
HEAD_WORD_SIZE = 7.0  # narrow columns are widened until each header word fits at this size
HEAD_MIN_SIZE = 5.5
KEEP_ROWS = 3  # rows of the table kept on the last page with the totals, note and signatures
MIN_BLANK_ROWS = 2  # write-in rows kept on the last page (more if they fit, up to Section.blank_rows)
_SAMPLE = {"money": "99,999.00", "qty": "9999", "date": "2026-12-31", "index": "99"}


@dataclass
class Column:
    """One column of a table form.

    ``key``: the dict key (or the index, for rows given as sequences).
    ``width``: relative weight; all columns are scaled to fill the printable width
    (so widths in millimetres work too). A column too narrow for the words of its
    header or for an amount is widened a little at the expense of text columns.
    ``kind``: text | money (1,234.50, right) | qty (right) | date (YYYY-MM-DD) |
    barcode (Code128 of the text, readable text beneath) | checkbox (an empty box
    to tick by hand; ticked if the value is true) | index (序号 1, 2, 3… when the row
    has no value).  money, qty, date and index stay on one line (set smaller if need be).
    ``max_lines``: text wraps up to this many lines (set up to 30 % smaller to stay
    within them); text that still does not fit takes more lines: it is never cut.
    ``max_lines=1`` keeps a column on one line by shrinking its text.
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
    ``blank_rows``: empty ruled rows after the data, for writing in by hand: as many as
    fit on the last page, up to this number (at least two).

    The last page always holds the last rows of the table (up to three) with the totals,
    note and signatures: never a page with only a total or only signature lines.
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
    sizes: list[float] | None = None  # font size of each cell (None: the table's)


def _words(text: str) -> list[str]:
    """The pieces of a header that must not be broken: latin words, and each Han character."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            out.append(word)
            word = ""
        if not ch.isspace():
            out.append(ch)
    if word:
        out.append(word)
    return out


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
        try:
            self.col_w = self._widths()
        except MissingGlyph as e:
            raise e.located(tr("column headings")) from None
        xs = [x]
        for w in self.col_w:
            xs.append(xs[-1] + w)
        self.col_x = xs
        self.leading = font_size * 1.25
        self.min_h = min_row_height * mm
        self.text_w = [w - 2 * PAD_X for w in self.col_w]
        self.has_barcode = any(c.kind == "barcode" for c in self.columns)
        # headers: whole words, set smaller rather than broken inside a word ("consuma/ble")
        self.head_sizes = []
        self.head_lines = []
        for c, tw in zip(self.columns, self.text_w, strict=True):
            size = fit_line(c.header, tw + PAD_X, font_size, font_size * 0.78)
            if width(c.header, size) <= tw + PAD_X:
                lines = [c.header]
            else:
                lines, size = fit_cell(c.header, tw, font_size, 3, HEAD_MIN_SIZE)
            self.head_sizes.append(size)
            self.head_lines.append(lines)
        self.head_h = max(
            [self.min_h]
            + [len(ls) * s * 1.25 + 2 * PAD_Y + 1 * mm for ls, s in zip(self.head_lines, self.head_sizes, strict=True)]
        )

    def _widths(self) -> list[float]:
        """Column widths from the weights, with narrow columns widened until each word of the
        header fits at 7 pt and an amount, date or number fits at nine tenths of the body size;
        the room comes from text columns that have more than they need."""
        total_w = sum(max(0.01, c.width) for c in self.columns)
        col_w = [max(0.01, c.width) / total_w * self.avail for c in self.columns]
        need = []
        for c in self.columns:
            n = max((width(w, min(HEAD_WORD_SIZE, self.font_size)) for w in _words(c.header)), default=0)
            if c.kind in _SAMPLE:
                n = max(n, width(_SAMPLE[c.kind], self.font_size * 0.9))
            need.append(n + 2 * PAD_X + 0.5)
        deficit = sum(max(0.0, n - w) for n, w in zip(need, col_w, strict=True))
        if deficit <= 0:
            return col_w
        slack = [max(0.0, min(w * 0.3, w - n)) if c.kind == "text" and w > n else 0.0
                 for c, n, w in zip(self.columns, need, col_w, strict=True)]
        room = sum(slack)
        if room <= 0:
            return col_w
        give = min(1.0, deficit / room)
        take = min(deficit, room)
        out = []
        for w, n, sl in zip(col_w, need, slack, strict=True):
            if n > w:
                out.append(w + (n - w) * (take / deficit))
            else:
                out.append(w - sl * give)
        return out

    # ---- measuring ------------------------------------------------------
    @staticmethod
    def _cell_value(row: Mapping | Sequence, i: int, col: Column) -> Any:
        if isinstance(row, Mapping):
            return row.get(col.key)
        return row[i] if i < len(row) else None

    def _fit(self, text: str, i: int, col: Column, kind: str) -> tuple[list[str], float]:
        fs = self.font_size
        tw = self.text_w[i]
        if "\n" not in text and width(text, fs) <= tw:
            return [text], fs
        if kind in ONE_LINE_KINDS or col.max_lines <= 1 and "\n" not in text:
            size = fit_line(text, tw, fs)
            if width(text, size) <= tw or kind in ONE_LINE_KINDS:
                return [text], size
        return fit_cell(text, tw, fs, max(1, col.max_lines))

    def measure(self, row: Mapping | Sequence, number: int) -> _Row:
        cells: list[Any] = []
        sizes: list[float] = []
        fs = self.font_size
        h = self.min_h
        for i, col in enumerate(self.columns):
            value = self._cell_value(row, i, col)
            if col.kind in ("barcode", "checkbox"):
                cells.append(value)
                sizes.append(fs)
                continue
            if col.kind == "index" and (value is None or value == ""):
                value = number
            text = format_value(value, col.kind)
            try:
                lines, size = self._fit(text, i, col, col.kind)
            except MissingGlyph as e:
                raise e.located(tr("row {row}").format(row=number), col.header) from None
            cells.append(lines)
            sizes.append(size)
            h = max(h, len(lines) * size * 1.25 + 2 * PAD_Y)
        if self.has_barcode and any(
            c.kind == "barcode" and cells[i] not in (None, "") for i, c in enumerate(self.columns)
        ):
            h = max(h, BARCODE_ROW_H)
        return _Row(cells, h, sizes=sizes)

    def totals_row(self, totals: Mapping) -> _Row:
        values = dict(totals)
        first = self.columns[0]
        if first.key not in values:
            values[first.key] = tr("Total")
        cells = []
        sizes = []
        h = self.min_h
        for i, col in enumerate(self.columns):
            v = values.get(col.key)
            kind = col.kind if col.kind not in ("barcode", "checkbox", "index") else "text"
            text = format_value(v, kind)
            if i == 0 and col.key not in totals:
                kind = "qty"  # "合计" / "Total": one line, never "Tota/l"
            try:
                lines, size = self._fit(text, i, col, kind)
            except MissingGlyph as e:
                raise e.located(tr("totals row"), col.header) from None
            cells.append(lines)
            sizes.append(size)
            h = max(h, len(lines) * size * 1.25 + 2 * PAD_Y)
        return _Row(cells, h, "total", sizes)

    def blank_row(self) -> _Row:
        return _Row([[""] for _ in self.columns], self.min_h, "blank")

    def empty_row(self, text: str | None = None) -> _Row:
        text = text if text is not None else tr("(none)")
        lines, size = fit_cell(text, self.avail - 2 * PAD_X, self.font_size, 3)
        h = max(self.min_h, len(lines) * size * 1.25 + 2 * PAD_Y)
        return _Row([lines], h, "empty", [size])

    # ---- drawing --------------------------------------------------------
    def draw_header(self, c: Canvas, top: float) -> float:
        bottom = top - self.head_h
        c.setFillGray(HEADER_FILL)
        c.rect(self.x, bottom, self.avail, self.head_h, stroke=0, fill=1)
        c.setFillGray(0)
        for i, lines in enumerate(self.head_lines):
            fs = self.head_sizes[i]
            lead = fs * 1.25
            cx = self.col_x[i] + self.col_w[i] / 2
            block = len(lines) * lead
            y0 = bottom + self.head_h / 2 + block / 2
            for j, line in enumerate(lines):
                draw_bold(c, cx, y0 - j * lead - lead / 2 - fs * 0.36, line, fs, "center")
        return bottom

    def _draw_rows(self, c: Canvas, rows: Sequence[_Row], top: float) -> tuple[float, list]:
        fs = self.font_size
        t = c.beginText()
        t.setFont(FONT, fs)
        specials: list[tuple[str, float, float, float, float, Any]] = []
        y = top
        hlines = []
        bold_lines: list[tuple[float, float, str, float]] = []
        shaded: list[tuple[float, float]] = []
        x_left, x_right = self.x, self.x + self.avail
        for row in rows:
            bottom = y - row.height
            mid = bottom + row.height / 2
            sizes = row.sizes
            if row.kind == "empty":
                size = sizes[0] if sizes else fs
                lead = size * 1.25
                if size != fs:
                    t.setFont(FONT, size)
                block_top = mid + len(row.cells[0]) * lead / 2
                for j, text in enumerate(row.cells[0]):
                    t.setTextOrigin(x_left + self.avail / 2 - width(text, size) / 2,
                                    block_top - j * lead - lead / 2 - size * 0.36)
                    text_out(t, text, size)
                if size != fs:
                    t.setFont(FONT, fs)
            else:
                if row.kind == "total":
                    shaded.append((bottom, row.height))
                for i, col in enumerate(self.columns):
                    cell = row.cells[i]
                    x0 = self.col_x[i]
                    if row.kind == "data" and col.kind in ("barcode", "checkbox"):
                        specials.append((col.kind, x0, bottom, self.col_w[i], row.height, cell))
                        continue
                    size = sizes[i] if sizes else fs
                    lead = size * 1.25
                    block_top = mid + len(cell) * lead / 2
                    changed = False
                    for j, line in enumerate(cell):
                        if not line:
                            continue
                        base = block_top - j * lead - lead / 2 - size * 0.36
                        lw = width(line, size)
                        if col.align == "right":
                            x = x0 + self.col_w[i] - PAD_X - lw
                        elif col.align == "center":
                            x = x0 + (self.col_w[i] - lw) / 2
                        else:
                            x = x0 + PAD_X
                        if row.kind == "total":
                            bold_lines.append((x, base, line, size))
                        else:
                            if size != fs and not changed:
                                t.setFont(FONT, size)
                                changed = True
                            t.setTextOrigin(x, base)
                            text_out(t, line, size)
                    if changed:
                        t.setFont(FONT, fs)
            hlines.append((x_left, bottom, x_right, bottom))
            y = bottom
        for bottom, h in shaded:
            c.setFillGray(TOTAL_FILL)
            c.rect(x_left, bottom, self.avail, h, stroke=0, fill=1)
            c.setFillGray(0)
        c.drawText(t)
        for x, base, line, size in bold_lines:
            draw_bold(c, x, base, line, size)
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


def _meta_text(section: Section) -> str:
    """The section's first meta value (e.g. the room), to say where a problem is."""
    for _label, value in section.meta:
        if value:
            return str(value)
    return ""


def keep_with_tail(pages: list[list[_Row]], keep: int) -> list[list[_Row]]:
    """Move the last ``keep`` rows (at most all but one) onto a new last page."""
    total = sum(len(p) for p in pages)
    keep = min(keep, total - 1)
    if keep <= 0:
        return pages
    moved: list[_Row] = []
    while len(moved) < keep:
        while not pages[-1]:
            pages.pop()
        moved.insert(0, pages[-1].pop())
    while pages and not pages[-1]:
        pages.pop()
    pages.append(moved)
    return pages


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
        self._x, self._avail = text_frame(self.landscape)
        try:
            self._table = TableLayout(self.columns, self._x, self._avail, self.font_size, self.min_row_height)
        except MissingGlyph as e:
            raise e.located(self.title) from None

    # ---- layout ---------------------------------------------------------
    def _paginate(self, section: Section, header: Header) -> tuple[list[list[_Row]], list[_Row]]:
        """Pack the section's rows into pages. Returns (pages of rows, tail rows for the last page).

        The last page keeps the last rows of the table (up to ``KEEP_ROWS``) with the totals,
        note and signatures; write-in rows fill what room the last page has (up to
        ``blank_rows``, at least ``MIN_BLANK_ROWS``)."""
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
        if number == 0 and section.blank_rows == 0:
            add(table.empty_row())
        tail: list[_Row] = []
        if section.totals is not None:
            tail.append(table.totals_row(section.totals))
        tail_h = sum(r.height for r in tail) + self._after_height(section)
        blank_h = table.min_h
        min_blank = min(section.blank_rows, MIN_BLANK_ROWS)

        def free(page: list[_Row]) -> float:
            return body_h - sum(r.height for r in page) - tail_h

        short = len(pages) > 1 and len(pages[-1]) < KEEP_ROWS
        if pages[-1] and (short or free(pages[-1]) < min_blank * blank_h - 1e-6):
            # the totals and signatures do not fit under the last rows, or the last page would hold
            # only a row or two: the last few rows go over together with them
            for keep in range(KEEP_ROWS, 0, -1):
                trial = keep_with_tail([list(p) for p in pages], keep)
                if free(trial[-1]) >= min_blank * blank_h - 1e-6 or keep == 1:
                    pages = trial
                    break
        room = max(0, int((free(pages[-1]) + 1e-6) // blank_h))
        pages[-1] += [table.blank_row() for _ in range(min(section.blank_rows, room))]
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
        y = header.draw(c, self._x, top, self._avail)
        y = self._table.draw_table(c, y, rows + tail)
        if section is not None:
            note = self._note_lines(section)
            if note:
                lead = self._table.leading
                y -= 2 * mm
                for line in note:
                    y -= lead
                    draw_string(c, self._x, y + lead * 0.25, line, self.font_size)
            draw_signatures(c, self._signatures(section), self._x, y, self._avail)
        draw_footer(c, page, pages, self._page_w, self.footer, self._x, self._avail)
        c.showPage()

    def _check_section(self, section: Section, header: Header) -> None:
        """Every text of the section's head, note and signatures has a font (rows are checked as
        they are measured)."""
        header.check()
        try:
            for text in [section.note or "", *self._signatures(section)]:
                check(text)
        except MissingGlyph as e:
            raise e.located(self.title, section.title or "") from None

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
            self._check_section(section, header)
            try:
                pages, tail = self._paginate(section, header)
            except MissingGlyph as e:
                raise e.located(self.title, section.title or _meta_text(section)) from None
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
