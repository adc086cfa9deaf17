"""Writing: ``write_table``/``write_workbook`` (the fast sheet writer), the bad-row report and the
import template. See the package docstring."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .. import fileio
from ..i18n import N_, join_list, tr
from ..tasks import Cancelled
from . import limits
from .table import ColumnSpec, ReadResult, RowError
from .values import _ILLEGAL_RE, WRITE_KINDS, _as_text, _col_letter, display_width

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class WriteColumn:
    """A column to write: ``header`` is shown as given (translate it first);
    ``kind`` is one of text, int, decimal, money, date, datetime, bool, choice;
    ``width`` in Excel character units (None: from the content); ``wrap``
    wraps long text inside that width."""

    key: str
    header: str
    kind: str = "text"
    width: float | None = None
    wrap: bool = False  # wrap long text inside the column's width

    def __post_init__(self):
        if self.kind not in WRITE_KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass
class SheetData:
    """One sheet for ``write_workbook``; ``rows`` are mappings key -> value or
    sequences in column order; ``total`` (or ``len(rows)``) feeds progress."""

    title: str
    columns: Sequence[WriteColumn | tuple]
    rows: Iterable[Mapping[str, Any] | Sequence[Any]]
    total: int | None = None


def _as_write_column(column: WriteColumn | ColumnSpec | tuple) -> WriteColumn:
    if isinstance(column, WriteColumn):
        return column
    if isinstance(column, ColumnSpec):
        return WriteColumn(column.key, column.header, column.kind)
    return WriteColumn(*column)


_SHEET_TITLE_RE = re.compile(r"[\[\]:*?/\\]")
_INJECTION_PREFIXES = ("=", "+", "-", "@")
_CAREFUL_TEXT_RE = re.compile(r"^[=+\-@]|[\000-\010\013\014\016-\037]")
_WIDTH_SAMPLE = 200


def _sheet_title(title: str) -> str:
    return (_SHEET_TITLE_RE.sub("_", title).strip("'") or "Sheet")[:31]


def _xml_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class _RowsCloser:
    """Stands in for openpyxl's row generator: ``ws.close()`` ends sheetData here."""

    def __init__(self, writer: _SheetWriter):
        self.writer = writer

    def close(self) -> None:
        w = self.writer
        if w.sheet_data is not None:
            w.sheet_data.__exit__(None, None, None)
            w.sheet_data = None
            w.sheet_writer.xf.send(None)


def _fast_worksheet_writer_class():
    """openpyxl's write-only sheet writer, writing into a file object it shares with the fast rows.

    ``raw(text)`` puts text straight into the sheet's XML after whatever openpyxl
    wrote: with et_xmlfile (the standard library's XML) through the stream's own
    text writer, with lxml (which openpyxl uses whenever it is installed) after
    flushing lxml's buffer into the same file. Private names used here are
    checked by tests/core/test_excel_internals.py; pyproject.toml pins the versions.
    """
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.xml import LXML
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import xmlfile

    class FastWorksheetWriter(WorksheetWriter):
        raw: Callable[[str], Any] | None = None

        def get_stream(self):  # openpyxl's own, with the file opened here
            with open(self.out, "wb") as fh, xmlfile(fh) as xf:
                if LXML:
                    def raw(text: str, flush=xf.flush, write=fh.write) -> None:
                        flush()
                        write(text.encode("utf-8", "xmlcharrefreplace"))

                    self.raw = raw
                else:
                    text_writer = getattr(xf, "_file", None)  # et_xmlfile: the text writer over fh
                    self.raw = text_writer if callable(text_writer) else None
                with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                    try:
                        while True:
                            el = yield
                            if el is True:
                                yield xf
                            elif el is None:
                                continue
                            else:
                                xf.write(el)
                    except GeneratorExit:
                        pass

    return FastWorksheetWriter


class _SheetWriter:
    """Writes one write-only sheet.

    Rows go straight into the sheet's XML stream as text (escaped, with the
    style ids registered once), which is several times faster than openpyxl
    building and serialising an element per cell; this works with openpyxl's
    standard-library XML writer and with lxml alike (``_fast_worksheet_writer_class``).
    Any value of an unexpected type sends its row through openpyxl's own cell
    writer instead. The header row always goes through openpyxl.
    """

    def __init__(self, wb, title: str, columns: Sequence[WriteColumn]):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter

        self.cell_class = WriteOnlyCell
        self.ws = wb.create_sheet(_sheet_title(title))
        self.epoch = wb.epoch
        self.columns = columns
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.header_border = Border(bottom=Side(style="thin", color="808080"))
        self.header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.yes, self.no = tr("Yes"), tr("No")
        self.kinds = [col.kind for col in columns]
        self.letters = [get_column_letter(i + 1) for i in range(len(columns))]
        self.wrapped = {i for i, col in enumerate(columns) if col.wrap}
        self.wrap_alignment = Alignment(wrap_text=True, vertical="top")
        self.row_lines = 1
        self.widths: dict[int, float] = {}
        self.rows = 0
        self.sheet_data = None
        self.raw = None

    # -- styles --------------------------------------------------------------

    def style_id(self, number_format: str | None = None, quote: bool = False, wrap: bool = False) -> int:
        cell = self.cell_class(self.ws)
        if number_format:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        if wrap:
            cell.alignment = self.wrap_alignment
        return cell.style_id

    def careful_text(self, text: str):
        """Text with control characters dropped; text that Excel could take for
        a formula (= + - @) is stored as text with the quote-prefix flag."""
        text = _ILLEGAL_RE.sub("", text)
        if not text.startswith(_INJECTION_PREFIXES):
            return text
        cell = self.cell_class(self.ws)
        cell.value = text
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def wrapped_cell(self, value: Any):
        if isinstance(value, str):
            cell = self.cell_class(self.ws, value=value)
        else:  # already a careful text cell
            cell = value
        cell.alignment = self.wrap_alignment
        return cell

    # -- layout --------------------------------------------------------------

    def set_widths(self, sample: list[list[Any]]) -> None:
        for i, col in enumerate(self.columns):
            width = col.width
            if width is None:
                widest = display_width(col.header)
                for values in sample:
                    value = values[i] if i < len(values) else None
                    if value is None:
                        continue
                    if col.kind == "money" and isinstance(value, (int, float, Decimal)):
                        shown = f"{value:,.2f}"
                    elif col.kind in ("date", "datetime"):
                        shown = "2026-09-01" if col.kind == "date" else "2026-09-01 08:00"
                    else:
                        shown = _as_text(value)
                    widest = max(widest, max((display_width(line) for line in shown.splitlines()), default=0))
                minimum = {"date": 12, "datetime": 17, "money": 12}.get(col.kind, 6)
                width = min(max(widest + 2, minimum), 60)
            self.widths[i] = width
            self.ws.column_dimensions[self.letters[i]].width = width

    def write_header(self) -> None:
        cells = []
        for col in self.columns:
            cell = self.cell_class(self.ws, value=col.header)
            cell.font = self.header_font
            cell.fill = self.header_fill
            cell.border = self.header_border
            cell.alignment = self.header_alignment
            cells.append(cell)
        ws = self.ws
        ws.freeze_panes = "A2"
        # printed from Excel: landscape A4, all columns on the page width, the header on every page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
        self.start()
        self.write_openpyxl_row(cells, 1)

    def start(self) -> None:
        """Open the sheet's XML stream and its sheetData element."""
        ws = self.ws
        ws._writer = _fast_worksheet_writer_class()(ws)
        ws._writer.write_top()  # the sheet's top: dimension, views, columns
        self.sheet_writer = ws._writer
        self.xf = self.sheet_writer.xf.send(True)
        self.sheet_data = self.xf.element("sheetData")
        self.sheet_data.__enter__()
        ws._rows = _RowsCloser(self)
        self.raw = self.sheet_writer.raw
        self.sid_money = self.style_id(MONEY_FORMAT)
        self.sid_date = self.style_id(DATE_FORMAT)
        self.sid_datetime = self.style_id(DATETIME_FORMAT)
        self.sid_quote = self.style_id(quote=True)
        self.sid_wrap = self.style_id(wrap=True)
        self.sid_quote_wrap = self.style_id(quote=True, wrap=True)

    def write_openpyxl_row(self, values: list[Any], row_idx: int) -> None:
        self.sheet_writer.write_row(self.xf, self.ws._values_to_row(values, row_idx), row_idx)

    def values_of(self, row: Mapping[str, Any] | Sequence[Any]) -> list[Any]:
        if isinstance(row, Mapping):
            return [row.get(col.key) for col in self.columns]
        return list(row)

    # -- rows ----------------------------------------------------------------

    def append(self, values: list[Any]) -> None:
        raw = self.raw
        if raw is None:
            self.append_openpyxl(values)
            return
        from openpyxl.utils.datetime import to_excel

        r = str(self.rows + 2)
        kinds, letters, n = self.kinds, self.letters, len(self.kinds)
        parts: list[str] = []
        for i, value in enumerate(values):
            if value is None:
                continue
            cls = value.__class__
            kind = kinds[i] if i < n else "text"
            ref = (letters[i] if i < n else _col_letter(i)) + r
            if cls is not str:
                if cls is bool:
                    if kind != "bool":
                        parts.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
                        continue
                    value = self.yes if value else self.no
                elif cls is int or cls is float or cls is Decimal:
                    if cls is float:
                        if value != value or value in (float("inf"), float("-inf")):
                            continue
                        number = repr(round(value, 2) if kind == "money" else value)
                    elif cls is Decimal:
                        if not value.is_finite():
                            continue
                        number = format(value, "f")
                    else:
                        number = str(value)
                    style = f' s="{self.sid_money}"' if kind == "money" else ""
                    parts.append(f'<c r="{ref}"{style} t="n"><v>{number}</v></c>')
                    continue
                elif cls is _dt.date or cls is _dt.datetime:
                    if kind == "date" and cls is _dt.datetime:
                        value = value.date()
                    sid = self.sid_datetime if value.__class__ is _dt.datetime else self.sid_date
                    parts.append(f'<c r="{ref}" s="{sid}" t="n"><v>{to_excel(value, self.epoch)}</v></c>')
                    continue
                elif isinstance(value, str):
                    value = str(value)
                else:  # an unusual type: let openpyxl write this row
                    self.append_openpyxl(values)
                    return
            style = None
            if _CAREFUL_TEXT_RE.search(value):
                value = _ILLEGAL_RE.sub("", value)
                if value.startswith(_INJECTION_PREFIXES):
                    style = self.sid_quote
            if not value:
                continue
            if i in self.wrapped:
                style = self.sid_quote_wrap if style is not None else self.sid_wrap
                self.fit_height(i, value)
            s_attr = "" if style is None else f' s="{style}"'
            space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
            parts.append(f'<c r="{ref}"{s_attr} t="inlineStr"><is><t{space}>{_xml_text(value)}</t></is></c>')
        height = ""
        if self.row_lines > 1:
            height = f' ht="{15 * self.row_lines}" customHeight="1"'
            self.row_lines = 1
        raw(f'<row r="{r}"{height}>{"".join(parts)}</row>')
        self.rows += 1

    def append_openpyxl(self, values: list[Any]) -> None:
        """The same row through openpyxl's cells (slower, any value type)."""
        out = list(values)
        kinds = self.kinds
        self.row_lines = 1
        for i, value in enumerate(out):
            if value is None:
                continue
            kind = kinds[i] if i < len(kinds) else "text"
            if isinstance(value, str):
                value = str(value)
                if _CAREFUL_TEXT_RE.search(value):
                    value = self.careful_text(value)
                if i in self.wrapped:
                    self.fit_height(i, value)
                    value = self.wrapped_cell(value)
                out[i] = value
            elif isinstance(value, bool):
                if kind == "bool":
                    out[i] = self.yes if value else self.no
            elif isinstance(value, (int, float, Decimal)) and kind == "money":
                cell = self.cell_class(self.ws, value=round(value, 2) if isinstance(value, float) else value)
                cell.number_format = MONEY_FORMAT
                out[i] = cell
            elif isinstance(value, _dt.date):
                if kind == "date" and isinstance(value, _dt.datetime):
                    value = value.date()
                cell = self.cell_class(self.ws, value=value)
                cell.number_format = DATETIME_FORMAT if isinstance(value, _dt.datetime) else DATE_FORMAT
                out[i] = cell
        row_idx = self.rows + 2
        if self.row_lines > 1:
            self.ws.row_dimensions[row_idx].height = 15 * self.row_lines
        self.row_lines = 1
        self.write_openpyxl_row(out, row_idx)
        self.rows += 1

    def fit_height(self, i: int, value: Any) -> None:
        """Wrapped text: make the row tall enough (write-only rows get no automatic height)."""
        text = value if isinstance(value, str) else str(value.value)
        width = max((self.widths.get(i) or 10) - 1, 1)
        lines = sum(max(1, -(-display_width(line) // int(width))) for line in text.split("\n"))
        self.row_lines = max(self.row_lines, min(lines, 20))

    def finish(self) -> None:
        if self.columns:
            self.ws.auto_filter.ref = f"A1:{self.letters[-1]}{self.rows + 1}"


def write_workbook(
    path: str | os.PathLike,
    sheets: Sequence[SheetData],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write several sheets into one .xlsx; returns the number of data rows written."""
    from openpyxl import Workbook

    path = fileio.check_output_path(path)  # a wrong place is said before the work, not after it
    wb = Workbook(write_only=True)
    total = 0
    for sheet in sheets:
        if sheet.total is not None:
            total += sheet.total
        elif hasattr(sheet.rows, "__len__"):
            total += len(sheet.rows)  # type: ignore[arg-type]
    done = 0
    writers = []
    try:
        for sheet in sheets:
            columns = [_as_write_column(c) for c in sheet.columns]
            writer = _SheetWriter(wb, sheet.title, columns)
            writers.append(writer)
            if isinstance(sheet.rows, (list, tuple)) and columns:
                # a known size lets readers (openpyxl read-only, Excel) skip a pass over the sheet
                ref = f"A1:{_col_letter(len(columns) - 1)}{len(sheet.rows) + 1}"
                writer.ws.calculate_dimension = lambda ref=ref: ref
            iterator = iter(sheet.rows)
            sample = [writer.values_of(r) for r in islice(iterator, _WIDTH_SAMPLE)]
            writer.set_widths(sample)
            writer.write_header()
            for values in chain(sample, (writer.values_of(r) for r in iterator)):
                writer.append(values)
                done += 1
                if done % limits.PROGRESS_EVERY == 0:
                    if cancel is not None and cancel():
                        raise Cancelled()
                    if progress is not None:
                        progress(done, max(total, done))
            writer.finish()
        _save(wb, path)
    except OSError as exc:  # the rows' temporary files (disk full...); _save names its own errors
        _discard(writers)
        raise fileio.write_error(path, exc) from None
    except BaseException:
        _discard(writers)
        raise
    if progress is not None:
        progress(done, max(total, done))
    return done


def _discard(writers: list[_SheetWriter]) -> None:
    """Close and remove openpyxl's temporary row files of an unsaved write-only workbook."""
    for writer in writers:
        ws = writer.ws
        try:
            if not ws.closed:
                ws.close()
        except Exception:
            pass
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if out and os.path.exists(out):
            try:
                os.remove(out)
            except OSError:
                pass


def _save(wb, path: Path) -> None:
    """Save through a temporary file beside ``path``, synced and renamed into
    place (``fileio.atomic_write``): all or nothing, the real cause named."""
    with fileio.atomic_write(path) as fh:
        wb.save(fh)


def write_table(
    path: str | os.PathLike,
    sheet_title: str,
    columns: Sequence[WriteColumn | tuple],
    rows: Iterable[Mapping[str, Any] | Sequence[Any]],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    total: int | None = None,
) -> int:
    """Write one sheet (see ``write_workbook``); returns the number of rows written."""
    return write_workbook(path, [SheetData(sheet_title, columns, rows, total)], progress, cancel)


def write_error_report(path: str | os.PathLike, errors: Iterable[RowError] | ReadResult) -> int:
    """Save the bad-row report: 行号, 列, 值, 原因 (headers in the interface language)."""
    if isinstance(errors, ReadResult):
        errors = errors.errors
    columns = [
        WriteColumn("row", tr("File row"), "int", 8),
        WriteColumn("column", tr("File column"), "text"),
        WriteColumn("value", tr("Value in the file"), "text", 30),
        WriteColumn("message", tr("What is wrong"), "text", 60, wrap=True),
    ]
    rows = [(e.row if e.row > 0 else None, e.column, e.value, e.message) for e in errors]
    return write_table(path, tr("Errors"), columns, rows)


_KIND_HELP = {
    "text": N_("Text"),
    "int": N_("Whole number"),
    "decimal": N_("Number"),
    "money": N_("Amount in yuan, e.g. 3500.00"),
    "date": N_("Date, e.g. 2026-09-01"),
    "bool": N_("是 or 否"),
    "choice": N_("One of the listed values"),
}


def write_template(
    path: str | os.PathLike,
    columns: Sequence[ColumnSpec],
    example_rows: Iterable[Mapping[str, Any]] = (),
    sheet_title: str | None = None,
) -> None:
    """The import template: a header row the reader recognises (required
    columns in bold red), example rows, drop-down lists for choice and yes/no
    columns, pre-formatted date/money/text cells, and an instructions sheet."""
    from openpyxl import Workbook

    path = fileio.check_output_path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_title or tr("Import"))
    examples = list(example_rows)
    for i, spec in enumerate(columns, 1):
        _template_column(ws, i, spec, examples)
    _template_examples(ws, columns, examples)
    ws.freeze_panes = "A2"
    _template_instructions(wb, columns)
    wb.active = 0
    _save(wb, path)


_TEMPLATE_ROWS = 500  # rows below the header given the column's format and drop-down list
_TEMPLATE_FILL = "DDEBF7"


def _template_column(ws, i: int, spec: ColumnSpec, examples: list[Mapping[str, Any]]) -> None:
    """Column ``i`` (1-based) of the template: its header with a note of what to write, its cells'
    number format, a drop-down list of its choices, a width that fits the header and the examples."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(i)
    cell = ws.cell(row=1, column=i, value=spec.header)
    cell.font = Font(bold=True, color="C00000" if spec.required else "000000")
    cell.fill = PatternFill("solid", fgColor=_TEMPLATE_FILL)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.comment = Comment(_describe(spec), "")
    fmt = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "text": "@", "choice": "@"}.get(spec.kind)
    if fmt:
        for r in range(2, _TEMPLATE_ROWS + 2):
            ws.cell(row=r, column=i).number_format = fmt
    options = ["是", "否"] if spec.kind == "bool" else spec.choice_labels() if spec.kind == "choice" else []
    if options and all('"' not in o and "," not in o for o in options):
        formula = '"' + ",".join(options) + '"'
        if len(formula) <= 255:  # Excel's limit for a list written in the rule itself
            dv = DataValidation(type="list", formula1=formula, allow_blank=True)
            dv.add(f"{letter}2:{letter}{_TEMPLATE_ROWS + 1}")
            ws.add_data_validation(dv)
    widest = max([display_width(spec.header)] + [display_width(_as_text(r.get(spec.key))) for r in examples])
    ws.column_dimensions[letter].width = min(max(widest + 3, 12 if spec.kind in ("date", "money") else 8), 40)


def _template_examples(ws, columns: Sequence[ColumnSpec], examples: list[Mapping[str, Any]]) -> None:
    """The example rows under the header; yes/no as 是/否, a text that looks like a formula kept as text."""
    for r, example in enumerate(examples, 2):
        for i, spec in enumerate(columns, 1):
            value = example.get(spec.key)
            if spec.kind == "bool" and isinstance(value, bool):
                value = "是" if value else "否"
            cell = ws.cell(row=r, column=i, value=value)
            if isinstance(value, str) and value.startswith(_INJECTION_PREFIXES):
                cell.data_type = "s"
                cell.quotePrefix = True


def _template_instructions(wb, columns: Sequence[ColumnSpec]) -> None:
    """The instructions sheet: how to fill in the template, then one line per column."""
    from openpyxl.styles import Font, PatternFill

    notes = wb.create_sheet(_sheet_title(tr("Instructions")))
    notes.append([tr("How to fill in this template")])
    notes["A1"].font = Font(bold=True, size=13)
    notes.append([tr("Fill one row per item, starting under the header. Columns in red are required.")])
    notes.append([tr("Columns may be in any order; unknown columns are ignored. Example rows may be deleted.")])
    notes.append([])
    notes.append([tr("Column name"), tr("Required column"), tr("What to write")])
    fill = PatternFill("solid", fgColor=_TEMPLATE_FILL)
    for c in notes[5]:
        c.font = Font(bold=True)
        c.fill = fill
    for spec in columns:
        notes.append([spec.header, tr("Yes") if spec.required else "", _describe(spec)])
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 8
    notes.column_dimensions["C"].width = 80


def _describe(spec: ColumnSpec) -> str:
    parts = [tr(_KIND_HELP[spec.kind])]
    if spec.kind == "choice":
        parts.append(join_list(spec.choice_labels()))
    if spec.max_length:
        parts.append(tr("at most {n} characters").format(n=spec.max_length))
    if spec.help:
        parts.append(tr(spec.help))
    return tr("; ").join(parts) if len(parts) > 1 else parts[0]
