"""Spreadsheets as people really keep them: reading and writing .xlsx and .csv.

Every module imports and exports through this file; a module only declares its
columns (``modules/<name>/excel.py``). No Qt here: the GUI runs these functions
in a worker and passes ``progress`` / ``cancel`` callbacks.

Reading
=======
``read_table(path, columns, progress=None, cancel=None) -> ReadResult``

* ``.xlsx``/``.xlsm`` (our own streaming reader, cached formula results),
  old ``.xls`` workbooks of Excel 97-2003 (and WPS's ``.et``; read with xlrd,
  also when renamed .xlsx) and ``.csv`` / ``.txt`` in UTF-8 or GBK/GB18030,
  with or without BOM (also UTF-16 as Excel's "Unicode text"), comma, tab or
  semicolon separated.
* Workbooks as every producer writes them: Excel, WPS, LibreOffice (texts in
  shared strings, rich-text runs, phonetic guides left out, ``_x000D_``
  escapes, shared formulas, an empty text as a formula's result), openpyxl and
  other libraries (inline strings; parts found by relationship, content type
  or name, in any case). Where our reader cannot make sense of a workbook
  (``_FastPathFailed``: a part or shared text it cannot find, anything it did
  not expect), openpyxl's public read-only path reads it instead; the file is
  refused only when that fails too. Limits and plain damage are never retried.
* The header row is found by itself: the first 30 rows are scanned and the
  row matching the most column names wins (on a workbook with several sheets,
  the sheet with the best header). Names match in any order, in Chinese or
  English, ignoring spaces, line breaks, full-/half-width differences, case, a
  trailing ``*`` or ``:`` and text in brackets: ``单价（元）`` matches ``单价``.
  A header on two rows (a group label such as 价值 merged over 单价 and 金额
  written below it) is combined. When two file columns mean the same, the
  first is read and the other is listed in ``extra_columns`` with the unknown
  ones. A CSV's separator is the one that makes a header appear (Excel's
  ``sep=;`` first line is honoured).
* Skipped, and listed in ``ReadResult.skipped``: blank rows; rows holding only
  a 序号 (or only formulas); totals rows (合计/总计/小计/共计/累计 in one of the
  first cells); signature and note lines (制表人：, 审核人：, 负责人：, 日期：, 注：,
  以下空白 ...); the header row repeated (printed registers repeat it on each
  page).
* Values are read "as a person reads them", by ``ColumnSpec.kind``:

  ``text``     stripped; full-width letters and digits become half-width
               (``教学楼２０３`` -> ``教学楼203``; full-width punctuation such as
               （）is kept); numbers read as a person sees them (``12``, not
               ``12.0``). ``normalize=False`` keeps the text as typed (ends
               stripped).
  ``int``      ``12``, ``１２``, ``12 ``, ``1,200``, ``12.0``; a trailing measure
               word of one or two Chinese characters is accepted (``12台``,
               ``50 套``) because the unit has its own column and a count is a
               count in any measure word. ``12.5`` is an error.
  ``decimal``  exact ``Decimal``; a trailing unit only if it is listed in
               ``ColumnSpec.units`` (a weight in another unit would be misread).
  ``money``    ``Decimal`` with two places: ``4,200.00``, ``¥3500``,
               ``￥3,500元``, ``3500元``, ``1.2万元`` (=12000.00), ``RMB 35``.
               Thousands separators must be grouped by three (``4,2000`` is an
               error, it may be a typo). A typed amount with non-zero digits
               beyond the fen is an error; a computed cell value is rounded
               half-up to the fen.
  ``date``     ``datetime.date`` from a date cell, an Excel serial number
               (``43709``), ``2026-09-01``, ``2026/9/1``, ``2026.9.1``,
               ``2026年9月1日`` (or 号), ``20260901``, an ISO date with a time.
               A month without a day (``2026-9``, ``2026年9月``) is an error
               unless ``month_ok=True`` (then it is the 1st of that month).
               Years outside 1900-2199 and impossible days are errors.
  ``bool``     是/否, Y/N, yes/no, true/false, 1/0, √/×, 有/无, 对/错.
  ``choice``   ``choices`` maps accepted spellings -> stored value; matching
               folds case, width and spaces; the stored values themselves are
               accepted too.

* A formula whose result was never calculated (a file written by a program,
  not saved by Excel/WPS) is an error in that cell, never the formula text.
  Excel error values (``#DIV/0!``) are errors too.
* Merged cells: title rows above the header are ignored. A region merged
  across columns gives its value to its first column. A region merged down
  several data rows gives its value to every row for text, date, choice and
  bool columns (that is how a person reads a room merged down the rows); for
  numbers it is an error on the later rows (a shared quantity or amount is
  ambiguous).
* Every bad cell becomes a ``RowError(row, column, value, message)``: the row
  number as Excel shows it, the header as written in the file, the value as
  text and a translated reason. Missing required columns are reported once.
  A number of more than 15 digits before the point (Excel keeps 15) is such
  an error, never a crash.

Damaged and hostile files
-------------------------
A file that cannot be what it claims is refused as a whole with ``UserError``
(exit status 2 on the command line, the same words in the window), naming the
file and the problem, before anything is written:

* Only ordinary files are opened: a folder, a pipe (a FIFO named .xlsx) or a
  device is refused without reading a byte (``fileio.open_for_reading``).
* Limits, each named in its message (``MAX_*`` below): the file's size; the
  number of parts and each part's unpacked size and packing ratio, read from
  the zip directory before anything is unpacked (a 1 GiB shared string packed
  into a megabyte is refused unread); 100,000 rows of data; 32,767 characters
  in a cell or CSV field (Excel's own limit); the number of cells, shared
  strings and merged regions; row numbers and ranges beyond Excel's sheet
  (1,048,576 rows, column XFD), checked before any row is held in memory.
* Workbooks are read by small expat readers of our own (no element trees,
  no openpyxl object model), so memory stays bounded whatever the XML holds;
  broken XML, a bad zip checksum, a shared-string index past the end, a
  merged range written backwards, text where Excel keeps a number or cells
  out of order are "damaged" with the part, cell or range named.
* A CSV file is decoded piece by piece; a NUL or another control character
  anywhere in it (not just in the first 4 KB) refuses it with its line.

``ReadResult.skipped`` lists at most ``MAX_LISTED_SKIPS`` rows.

Writing
=======
``write_table(path, sheet_title, columns, rows, progress=None, cancel=None)``
and ``write_workbook(path, sheets)`` stream with openpyxl's write-only mode:
bold frozen header with an autofilter, dates as real dates, money as numbers
formatted ``#,##0.00``, column widths from the content (CJK counts double),
wrapped columns on request; printed from Excel it comes out landscape A4, fit
to the page width, the header repeated on every page. A text value starting
with ``=``, ``+``, ``-`` or ``@`` is stored as text with Excel's quote-prefix
flag, so it shows exactly as written and is never a formula. The file is
written to a temporary name and moved into place, so a cancelled or failed
export never leaves half a file.

``write_error_report(path, errors)`` saves the bad-row report;
``write_template(path, columns, example_rows)`` the import template.

``progress(done, total)`` is called every few hundred rows (``total`` is 0
when unknown); ``cancel()`` returning true stops the work with ``Cancelled``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import logging
import os
import posixpath
import pyexpat
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from . import fileio
from .errors import UserError
from .i18n import N_, current_language, tr
from .money import CENT
from .tasks import Cancelled

__all__ = [
    "KINDS",
    "Cancelled",
    "ColumnSpec",
    "ReadResult",
    "RowData",
    "RowError",
    "SheetData",
    "WriteColumn",
    "display_width",
    "fold",
    "fold_header",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_money",
    "parse_value",
    "read_table",
    "write_error_report",
    "write_table",
    "write_template",
    "write_workbook",
]

KINDS = ("text", "int", "decimal", "money", "date", "bool", "choice")
# extra kinds understood by the writer only
WRITE_KINDS = KINDS + ("datetime",)

HEADER_SCAN_ROWS = 30
PROGRESS_EVERY = 500
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


# ---------------------------------------------------------------------------
# Columns, rows, errors
# ---------------------------------------------------------------------------


_ZH_CATALOG: dict[str, str] | None = None


def _chinese_catalog() -> dict[str, str]:
    global _ZH_CATALOG
    if _ZH_CATALOG is None:
        try:
            from .i18n import load_ts_catalog

            _ZH_CATALOG = load_ts_catalog("zh_CN")
        except Exception:
            _ZH_CATALOG = {}
    return _ZH_CATALOG


@dataclass(frozen=True)
class ColumnSpec:
    """One column a reader accepts.

    ``names`` are the header spellings accepted (any language). ``label`` is an
    English source string (mark it with ``N_``) whose translation heads the
    column in templates and messages; both ``label`` and ``tr(label)`` are
    accepted as header names too. Without a label, ``names[0]`` is shown.
    """

    key: str
    names: Sequence[str] = ()
    kind: str = "text"
    required: bool = False
    max_length: int | None = None
    choices: Mapping[str, Any] | None = None
    label: str | None = None
    min_value: Any = None
    max_value: Any = None
    month_ok: bool = False
    units: Sequence[str] = ()
    normalize: bool = True
    help: str | None = None  # English source text shown in the template's instructions

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"column {self.key!r}: a choice column needs choices")
        if not self.names and not self.label:
            raise ValueError(f"column {self.key!r} needs names or a label")

    @property
    def header(self) -> str:
        """The column's name shown to a person, in the interface language."""
        if self.label:
            return tr(self.label)
        return self.names[0]

    def aliases(self) -> list[str]:
        """Accepted header spellings: ``names``, the label, and the label in
        the interface language and in Chinese (a file exported in one language
        imports in the other)."""
        found = list(self.names)
        if self.label:
            found += [self.label, tr(self.label)]
            chinese = _chinese_catalog().get(self.label)
            if chinese:
                found.append(chinese)
        return found

    def choice_labels(self) -> list[str]:
        """One accepted spelling per stored value (the first given), in order."""
        seen: dict[Any, str] = {}
        for spelling, value in (self.choices or {}).items():
            seen.setdefault(value, spelling)
        return list(seen.values())


@dataclass
class RowError:
    """A bad cell (or row): ``row`` as Excel shows it (1-based; 0 = the file)."""

    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        if self.row <= 0:
            return self.message
        if self.column:
            return tr("Row {row}, {column} “{value}”: {message}").format(
                row=self.row, column=self.column, value=self.value, message=self.message
            )
        return tr("Row {row}: {message}").format(row=self.row, message=self.message)


class _Fields(MutableMapping):
    """A row's values by column key: a dict's interface over one list whose
    key -> position table is shared by every row of a read (a dict per row
    would double the memory of a 100,000-row import). Every column key is
    present; setting another key adds it to this row only."""

    __slots__ = ("_data", "_extra", "_index")

    def __init__(self, index: dict[str, int], data: list[Any]):
        self._index = index
        self._data = data
        self._extra: dict[str, Any] | None = None

    def __getitem__(self, key: str) -> Any:
        i = self._index.get(key)
        if i is not None:
            return self._data[i]
        if self._extra is not None and key in self._extra:
            return self._extra[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        i = self._index.get(key)
        if i is not None:
            return self._data[i]
        return self._extra.get(key, default) if self._extra is not None else default

    def __setitem__(self, key: str, value: Any) -> None:
        i = self._index.get(key)
        if i is not None:
            self._data[i] = value
        else:
            if self._extra is None:
                self._extra = {}
            self._extra[key] = value

    def __delitem__(self, key: str) -> None:
        raise TypeError("the columns of a row cannot be removed")

    def __contains__(self, key: object) -> bool:
        return key in self._index or (self._extra is not None and key in self._extra)

    def __iter__(self) -> Iterator[str]:
        yield from self._index
        if self._extra:
            yield from self._extra

    def __len__(self) -> int:
        return len(self._index) + (len(self._extra) if self._extra else 0)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self.items()))


@dataclass(slots=True)
class RowData:
    """One data row: ``values`` key -> parsed value (None when blank or bad),
    ``raw`` key -> the cell value as stored in the file."""

    row: int
    values: MutableMapping[str, Any]
    raw: MutableMapping[str, Any]
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value


@dataclass
class ReadResult:
    rows: list[RowData] = field(default_factory=list)
    file_errors: list[RowError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # key -> header text in the file
    header_row: int | None = None
    sheet: str | None = None
    missing_columns: list[str] = field(default_factory=list)  # keys of required columns not found
    extra_columns: list[str] = field(default_factory=list)  # headers in the file that were ignored
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, translated reason)
    encoding: str | None = None  # csv only
    delimiter: str | None = None  # csv only
    specs: dict[str, ColumnSpec] = field(default_factory=dict, repr=False)

    @property
    def errors(self) -> list[RowError]:
        """File-level errors first, then every row's errors in row order."""
        out = list(self.file_errors)
        for row in self.rows:
            out.extend(row.errors)
        return out

    @property
    def ok(self) -> bool:
        return not self.file_errors and all(row.ok for row in self.rows)

    def valid_rows(self) -> list[RowData]:
        return [row for row in self.rows if row.ok]

    def invalid_rows(self) -> list[RowData]:
        return [row for row in self.rows if not row.ok]

    def header_of(self, key: str) -> str:
        """The column's header as written in the file (or its label)."""
        if key in self.headers:
            return self.headers[key]
        spec = self.specs.get(key)
        return spec.header if spec else key

    def add_error(self, row: RowData, key: str | None, message: str, value: Any = None) -> RowError:
        """Record a module's own check (unknown category, duplicate number...)
        against a row, with the column header and value as the file shows them."""
        if key is None:
            error = RowError(row.row, "", "" if value is None else _as_text(value), message)
        else:
            shown = row.raw.get(key) if value is None else value
            error = RowError(row.row, self.header_of(key), _as_text(shown), message)
        row.errors.append(error)
        return error


# ---------------------------------------------------------------------------
# Text folding
# ---------------------------------------------------------------------------

# full-width ASCII letters and digits -> half-width; ideographic/no-break space -> space
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_WIDTH_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_WIDTH_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_WIDTH_TABLE.update({0x3000: 0x20, 0x00A0: 0x20})

_SPACE_RE = re.compile(r"\s+")
_BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》")
_ILLEGAL_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def fold(text: Any) -> str:
    """A key for comparing what people type: NFKC (full-width -> half-width),
    no whitespace at all, case-folded. Use it to match names against master data."""
    if text is None:
        return ""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def fold_header(text: Any) -> str:
    """``fold`` for column headers: also drops bracketed text, '*' and ':'."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text))
    t = _SPACE_RE.sub("", t)
    stripped = _BRACKETS_RE.sub("", t)
    if stripped.strip("*:#"):
        t = stripped
    return t.strip("*:").casefold()


def _join(items: Iterable[str]) -> str:
    """A list in running text: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return ("、" if current_language().startswith("zh") else ", ").join(items)


def display_width(text: str) -> int:
    """Width in Excel character units: CJK characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: float | int | Decimal) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return format(value, "f")


def _as_text(value: Any) -> str:
    """A cell value as a person sees it, for error reports."""
    if value is None:
        return ""
    if isinstance(value, _Uncalculated):
        return value.formula
    if isinstance(value, _ExcelError):
        return value.code
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------
# Typed parsing: each returns the value or raises _CellError(message)
# ---------------------------------------------------------------------------


class _CellError(UserError):
    """A value that cannot be read for its column; ``message`` is translated."""


class _Uncalculated:
    """A formula cell whose result was never saved in the file."""

    __slots__ = ("formula",)

    def __init__(self, formula: str):
        self.formula = formula


class _ExcelError:
    __slots__ = ("code",)

    def __init__(self, code: str):
        self.code = code


_CURRENCY_PREFIX_RE = re.compile(r"^(?:¥|RMB|CNY|人民币)\s*", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$")
_UNIT_RE = re.compile(r"^(.*?\d)\s*([^\d\s.,+-][^\d]{0,5})$")
_CJK_UNIT_RE = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


# Excel keeps 15 significant digits; larger numbers are not what anyone typed (and would not fit the books)
MAX_NUMBER_DIGITS = 15
_TOO_LARGE = Decimal(10) ** MAX_NUMBER_DIGITS


def _too_large() -> _CellError:
    return _CellError(tr("The number is too large: at most {digits} digits before the decimal point.").format(
        digits=MAX_NUMBER_DIGITS))


def _text_to_decimal(text: str) -> Decimal:
    m = _NUMBER_RE.match(text)
    if not m:
        raise _CellError(tr("Not a number."))
    if m.group(2) is not None:
        sign, whole, frac = m.group(1), m.group(2).replace(",", ""), m.group(3) or ""
    else:
        sign, whole, frac = m.group(4), "0", m.group(5)
    if len(whole.lstrip("0")) > MAX_NUMBER_DIGITS:
        raise _too_large()
    return Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")


def _number_cell(value: Any) -> Decimal | None:
    """A numeric cell as Decimal; None when the value is not a number cell."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if not -_TOO_LARGE < value < _TOO_LARGE:
            raise _too_large()
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _CellError(tr("Not a number."))
        if not -1e15 < value < 1e15:
            raise _too_large()
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _CellError(tr("Not a number."))
        if not -_TOO_LARGE < value < _TOO_LARGE:
            raise _too_large()
        return value
    return None


def _split_unit(text: str) -> tuple[str, str]:
    m = _UNIT_RE.match(text)
    if not m:
        return text, ""
    return m.group(1).strip(), m.group(2).strip()


def _check_range(number: Any, spec: ColumnSpec | None) -> None:
    if spec is None:
        return
    if spec.min_value is not None and number < spec.min_value:
        raise _CellError(tr("Must be at least {min}.").format(min=spec.min_value))
    if spec.max_value is not None and number > spec.max_value:
        raise _CellError(tr("Must be at most {max}.").format(max=spec.max_value))


def parse_int(value: Any, spec: ColumnSpec | None = None) -> int:
    number = _number_cell(value)
    if number is None:
        if isinstance(value, (_dt.date, _dt.time, bool)):
            raise _CellError(tr("Not a whole number."))
        text = unicodedata.normalize("NFKC", str(value)).strip()
        body, unit = _split_unit(text)
        measure_word = _CJK_UNIT_RE.match(unit) and not any(ch in unit for ch in "半多余几约")
        if unit and not (measure_word or fold(unit) in {fold(u) for u in (spec.units if spec else ())}):
            raise _CellError(tr("Not a whole number."))
        try:
            number = _text_to_decimal(body)
        except _CellError:
            raise _CellError(tr("Not a whole number.")) from None
    if number != number.to_integral_value():
        raise _CellError(tr("Not a whole number."))
    result = int(number)
    _check_range(result, spec)
    return result


def parse_decimal(value: Any, spec: ColumnSpec | None = None) -> Decimal:
    number = _number_cell(value)
    if number is None:
        if isinstance(value, (_dt.date, _dt.time, bool)):
            raise _CellError(tr("Not a number."))
        text = unicodedata.normalize("NFKC", str(value)).strip()
        body, unit = _split_unit(text)
        if unit:
            allowed = {fold(u) for u in (spec.units if spec else ())}
            if fold(unit) not in allowed:
                raise _CellError(tr("Not a number."))
        number = _text_to_decimal(body)
    _check_range(number, spec)
    return number


def parse_money(value: Any, spec: ColumnSpec | None = None) -> Decimal:
    number = _number_cell(value)
    if number is not None:
        amount = number.quantize(CENT, rounding=ROUND_HALF_UP)
    else:
        if isinstance(value, (_dt.date, _dt.time, bool)):
            raise _CellError(tr("Not an amount of money."))
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = _CURRENCY_PREFIX_RE.sub("", text)
        scale = Decimal(1)
        for suffix in ("元整", "元", "圆", "块"):
            if text.endswith(suffix):
                text = text[: -len(suffix)].rstrip()
                break
        if text.endswith("万"):
            text, scale = text[:-1].rstrip(), Decimal(10000)
        if text.endswith("¥") or text.startswith("¥"):
            text = text.strip("¥ ")
        try:
            number = _text_to_decimal(text) * scale
        except _CellError:
            raise _CellError(tr("Not an amount of money.")) from None
        amount = number.quantize(CENT, rounding=ROUND_HALF_UP)
        if amount != number:
            raise _CellError(tr("More than two decimal places: an amount is in yuan and fen."))
    _check_range(amount, spec)
    return amount


_DATE_YMD_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_DATE_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_YM_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_TIME_TAIL_RE = re.compile(r"[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SERIAL_RE = re.compile(r"^\d{5}(?:\.\d+)?$")
EXCEL_EPOCH = _dt.date(1899, 12, 30)


def _make_date(year: int, month: int, day: int) -> _dt.date:
    if not 1900 <= year <= 2199:
        raise _CellError(tr("The year {year} is not plausible.").format(year=year))
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise _CellError(tr("There is no such day in the calendar.")) from None


def _serial_to_date(serial: float, epoch: _dt.date = EXCEL_EPOCH) -> _dt.date:
    days = int(serial)
    if epoch == EXCEL_EPOCH and days < 61:
        days += 1  # Excel's phantom 1900-02-29
    return epoch + _dt.timedelta(days=days)


def parse_date(value: Any, spec: ColumnSpec | None = None, epoch: _dt.date = EXCEL_EPOCH) -> _dt.date:
    if isinstance(value, _dt.datetime):
        result = value.date()
    elif isinstance(value, _dt.date):
        result = value
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if not -_TOO_LARGE < value < _TOO_LARGE:
            raise _CellError(tr("Not a date. Write it like 2026-09-01."))
        number = float(value)
        if number.is_integer() and 19000101 <= number <= 21991231:
            text = str(int(number))
            result = _make_date(int(text[:4]), int(text[4:6]), int(text[6:]))
        elif 1 <= number < 2958466:
            result = _serial_to_date(number, epoch)
        else:
            raise _CellError(tr("Not a date. Write it like 2026-09-01."))
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        text = _TIME_TAIL_RE.sub("", text)
        if m := _DATE_YMD_RE.match(text):
            result = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m := _DATE_COMPACT_RE.match(text):
            result = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m := _DATE_YM_RE.match(text):
            if not (spec and spec.month_ok):
                raise _CellError(tr("The day is missing. Write the whole date, like 2026-09-01."))
            result = _make_date(int(m.group(1)), int(m.group(2)), 1)
        elif _SERIAL_RE.match(text):
            number = float(text)
            if not 18264 <= number <= 73050:  # 1950-01-01 .. 2099-12-31
                raise _CellError(tr("Not a date. Write it like 2026-09-01."))
            result = _serial_to_date(number, epoch)
        else:
            raise _CellError(tr("Not a date. Write it like 2026-09-01."))
    else:
        raise _CellError(tr("Not a date. Write it like 2026-09-01."))
    if not 1900 <= result.year <= 2199:
        raise _CellError(tr("The year {year} is not plausible.").format(year=result.year))
    _check_range(result, spec)
    return result


_TRUE = {"是", "y", "yes", "true", "t", "1", "√", "✓", "✔", "对", "有", "on"}
_FALSE = {"否", "n", "no", "false", "f", "0", "×", "✗", "✘", "x", "错", "无", "off", "不是"}


def parse_bool(value: Any, spec: ColumnSpec | None = None) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)) and value in (0, 1):
        return bool(value)
    key = fold(value)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _CellError(tr("Write 是 or 否 (yes or no)."))


def _parse_choice(value: Any, spec: ColumnSpec) -> Any:
    key = fold(_as_text(value))
    table = spec.__dict__.get("_choice_table")
    if table is None:
        table = {}
        for spelling, stored in (spec.choices or {}).items():
            table.setdefault(fold(spelling), stored)
        for stored in (spec.choices or {}).values():
            if isinstance(stored, str):
                table.setdefault(fold(stored), stored)
        object.__setattr__(spec, "_choice_table", table)
    if key in table:
        return table[key]
    labels = spec.choice_labels()
    shown = _join(labels[:12]) + ("…" if len(labels) > 12 else "")
    raise _CellError(tr("Not one of the accepted values: {values}.").format(values=shown))


def _parse_text(value: Any, spec: ColumnSpec | None) -> str:
    text = value if isinstance(value, str) else _as_text(value)
    if spec is None or spec.normalize:
        narrow = text.translate(_WIDTH_TABLE)
        if narrow != text:
            text = narrow
    text = text.strip()
    if spec is not None and spec.max_length is not None and len(text) > spec.max_length:
        raise _CellError(
            tr("Too long: {length} characters, at most {max} allowed.").format(length=len(text), max=spec.max_length)
        )
    return text


_PARSERS: dict[str, Callable[..., Any]] = {
    "text": _parse_text,
    "int": parse_int,
    "decimal": parse_decimal,
    "money": parse_money,
    "bool": parse_bool,
    "choice": _parse_choice,
}


def parse_value(value: Any, spec: ColumnSpec, epoch: _dt.date = EXCEL_EPOCH) -> Any:
    """Parse one cell for ``spec``. Returns None for a blank cell; raises
    ``UserError`` with a translated message when the value is wrong.
    (``required`` is checked by ``read_table``, not here.)"""
    try:
        return _parse_cell(value, spec, epoch)
    except _CellError as exc:
        raise UserError(str(exc)) from None


def _parse_cell(value: Any, spec: ColumnSpec, epoch: _dt.date) -> Any:
    if _is_blank(value):
        return None
    return _parse_present(value, spec, epoch)


def _parse_present(value: Any, spec: ColumnSpec, epoch: _dt.date) -> Any:
    kind = spec.kind
    if kind == "text" and value.__class__ is str:
        return _parse_text(value, spec)
    if isinstance(value, _Uncalculated):
        raise _CellError(
            tr(
                "This cell holds a formula ({formula}) whose result is not saved in the file. "
                "Open the file in Excel or WPS, save it, and import it again."
            ).format(formula=value.formula)
        )
    if isinstance(value, _ExcelError):
        raise _CellError(tr("The cell shows an Excel error: {error}.").format(error=value.code))
    if kind == "date":
        return parse_date(value, spec, epoch)
    return _PARSERS[kind](value, spec)


# ---------------------------------------------------------------------------
# Limits. A file beyond one is refused with the limit named: sizes before a
# byte of the workbook is unpacked (from the zip directory), rows, cells and
# texts while reading, always before anything is written.
# ---------------------------------------------------------------------------

MAX_FILE_BYTES = 64 << 20  # the file on disk
MAX_DATA_ROWS = 100_000  # rows of data at once (a school's register is below 50,000)
MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell
MAX_CELLS = 4_000_000  # cells of the sheet read (100,000 rows of 40 columns)
MAX_SHARED_STRINGS = 1_000_000  # distinct texts of a workbook (its "shared strings")
MAX_SHEET_BYTES = 128 << 20  # one worksheet's XML, unpacked
MAX_SHARED_STRINGS_BYTES = 64 << 20  # the shared strings' XML, unpacked
MAX_PART_BYTES = 8 << 20  # the workbook's other XML parts read (workbook, relationships, styles)
MAX_PACKING_RATIO = 200  # unpacked / packed size of a part over 1 MB (Excel's own parts stay far below)
MAX_ZIP_ENTRIES = 10_000  # parts in the zip archive
MAX_MERGES = 200_000  # merged regions of the sheet read
MAX_LISTED_SKIPS = 10_000  # skipped rows listed in ReadResult.skipped (the rest are skipped unlisted)
_KNOWN_TEXTS = 200_000  # short texts kept once per read (a register repeats its places, people, categories)
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384  # column XFD
_CHUNK = 1 << 16
_TEXT_CHUNK = 1 << 20

log = logging.getLogger(__name__)


def _n(number: int) -> str:
    """A count for messages: 1,048,576."""
    return f"{number:,}"


def _damaged(path: Path, problem: str) -> UserError:
    return UserError(
        tr("{name} is damaged: {problem}. Nothing was imported. Open it in Excel or WPS, save it again and "
           "import the saved file.").format(name=path.name, problem=problem)
    )


class _FastPathFailed(UserError):
    """Our own reader could not make sense of a workbook (a part it cannot find, a shared text it does not
    have, something it did not expect). ``read_table`` then reads the file with openpyxl's public read-only
    path and refuses it with this message only if that fails too."""

    def __init__(self, path: Path, problem: str, whole: bool = False):
        super().__init__(problem if whole else _damaged(path, problem).message)


def _over_limit(path: Path, problem: str) -> UserError:
    return UserError(tr("{name} was not imported: {problem}.").format(name=path.name, problem=problem))


def _col_index(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_REF_RE = re.compile(r"([A-Z]{1,3})([0-9]{1,10})")
_RANGE_RE = re.compile(r"([A-Z]{1,3})([0-9]{1,10})(?::([A-Z]{1,3})([0-9]{1,10}))?")


def _open_error(path: Path) -> UserError:
    return UserError(
        tr("{name} cannot be read as a spreadsheet: it is not an .xlsx workbook, or it is damaged.").format(
            name=path.name
        )
    )


def _permission_error(path: Path) -> UserError:
    return UserError(
        tr("{name} cannot be opened: it is open in another program or you may not read it. Close it and try "
           "again.").format(
            name=path.name
        )
    )


# --- xlsx ---------------------------------------------------------------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Chinese, Japanese and Korean Excel show dates with these built-in formats; openpyxl does not list them
_CJK_DATE_FORMAT_IDS = set(range(27, 37)) | set(range(50, 59))
_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError,
                  struct.error)


@dataclass(frozen=True)
class _Sheet:
    title: str
    part: str
    state: str = "visible"


def _local(name: str) -> str:
    """An element's name without its namespace or prefix."""
    if "}" in name:
        return name[name.rindex("}") + 1:]
    if ":" in name:
        return name[name.rindex(":") + 1:]
    return name


def _resolve(base_part: str, target: str) -> str:
    """A relationship's target as a name in the zip archive."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class _Sources:
    """What every workbook source shares: its ``sheet_list`` (in the file's order), visible sheets
    first, names, and finding a sheet by name or position. A source says which sheets are visible."""

    sheet_list: list

    def _visible(self, ws) -> bool:
        return True

    def sheets(self) -> list:
        visible = [ws for ws in self.sheet_list if self._visible(ws)]
        return visible + [ws for ws in self.sheet_list if ws not in visible]

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.sheet_list]

    def find_sheet(self, key: str | int):
        if isinstance(key, int):
            if 0 <= key < len(self.sheet_list):
                return self.sheet_list[key]
        else:
            for ws in self.sheet_list:
                if ws.title == key:
                    return ws
        raise KeyError(key)


class _XlsxSource(_Sources):
    """A workbook read by its own small SAX readers: every part is streamed
    through expat with only what is needed kept (no element trees, no
    openpyxl object model), so memory stays bounded whatever the file holds.
    Sizes are checked from the zip directory before anything is unpacked."""

    def __init__(self, path: Path, fh):
        self.path = path
        self._check_entries(fh)
        try:
            self.zip = zipfile.ZipFile(fh)
            infos = self.zip.infolist()
        except _MEMBER_ERRORS:
            raise _open_error(path) from None
        self.sizes = {info.filename: info.file_size for info in infos}
        # part names as Excel finds them: without regard to case or the slash's direction
        self.names: dict[str, str] = {}
        for info in infos:
            self.names.setdefault(info.filename.replace("\\", "/").lower(), info.filename)
        self._check_sizes(infos)
        try:
            self._read_structure()
        except (UserError, MemoryError):
            raise
        except Exception as exc:
            log.info("workbook structure of %s not understood", path, exc_info=True)
            raise _FastPathFailed(path, tr("its contents are not what a spreadsheet holds")) from exc

    def _read_structure(self) -> None:
        path = self.path
        self.dimensions: dict[str, int] = {}
        self.known: dict[str, str] = {}
        rels = self._relationships("_rels/.rels")
        workbook = next((self._part("", target) for kind, target in rels.values() if kind.endswith("/officeDocument")),
                        "") or self._part("", "xl/workbook.xml") or self._by_content_type("sheet.main+xml")
        if not workbook:
            raise _FastPathFailed(path, tr("{name} is not an Excel workbook: it is a zip archive without a workbook in "
                                           "it.").format(name=path.name), whole=True)
        self.epoch = EXCEL_EPOCH
        listed = self._workbook(workbook)
        rels = self._relationships(_rels_part(workbook))
        self.sheet_list: list[_Sheet] = []
        for title, rid, state in listed:
            kind, target = rels.get(rid, ("", ""))
            part = self._part(workbook, target) if target else ""
            if kind.endswith("/worksheet") and part:
                self.sheet_list.append(_Sheet(title, part, state))
        if not self.sheet_list:
            raise _FastPathFailed(path, tr("it holds no worksheet"))
        styles = next((self._part(workbook, t) for k, t in rels.values() if k.endswith("/styles")), "")
        self.date_styles, self.timedelta_styles = self._styles(styles) if styles else (frozenset(), frozenset())
        # the shared strings by their relationship; else where the content types or the usual name put them
        strings = (next((self._part(workbook, t) for k, t in rels.values() if k.endswith("/sharedStrings")), "")
                   or self._by_content_type("sharedStrings+xml") or self._part("", "xl/sharedStrings.xml"))
        self.shared: list[str] = self._shared_strings(strings) if strings else []

    def _part(self, base_part: str, target: str) -> str:
        """The name in the archive of a relationship's target ("" when there is none). Names are found as
        Excel finds them, ignoring case; a target written from the archive's root is accepted too."""
        for name in (_resolve(base_part, target), target.lstrip("/")):
            if name in self.sizes:
                return name
            found = self.names.get(name.replace("\\", "/").lower())
            if found is not None:
                return found
        return ""

    def _by_content_type(self, ending: str) -> str:
        """The part that [Content_Types].xml declares with a content type ending in ``ending``."""
        types = self._part("", "[Content_Types].xml")
        if not types:
            return ""
        found: list[str] = []

        def start(name, attrs):
            if _local(name) == "Override" and not found and attrs.get("ContentType", "").endswith(ending):
                part = self._part("", attrs.get("PartName", ""))
                if part:
                    found.append(part)

        self._parse_all(types, start, namespaces=True)
        return found[0] if found else ""

    # -- the zip directory -------------------------------------------------------------------------------

    def _check_entries(self, fh) -> None:
        """The number of parts, from the end record, before the directory is loaded."""
        end_record = getattr(zipfile, "_EndRecData", None)
        if end_record is None:
            return
        try:
            record = end_record(fh)
            fh.seek(0)
        except _MEMBER_ERRORS:
            raise _open_error(self.path) from None
        if record is None:
            raise _open_error(self.path)
        entries = record[getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)]
        if entries > MAX_ZIP_ENTRIES:
            raise _over_limit(self.path, tr("it holds {count} parts; a workbook has far fewer (at most {max} are "
                                            "accepted)").format(count=_n(entries), max=_n(MAX_ZIP_ENTRIES)))

    def _check_sizes(self, infos) -> None:
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):  # pictures and the like are never unpacked
                self._check_part(info.filename, MAX_SHEET_BYTES)

    def _too_big(self, part: str, size: int, limit: int) -> UserError:
        return _over_limit(self.path, tr("the part {part} unpacks to {size}; at most {max} are read").format(
            part=part, size=fileio.describe_size(size), max=fileio.describe_size(limit)))

    # -- reading a part --------------------------------------------------------------------------------------

    def _check_part(self, part: str, limit: int) -> None:
        info = self.zip.getinfo(part)
        size, packed = info.file_size, info.compress_size
        if size > limit:
            raise self._too_big(part, size, limit)
        if size > (1 << 20) and size > MAX_PACKING_RATIO * max(packed, 1):
            raise _over_limit(self.path, tr(
                "the part {part} unpacks from {packed} to {size}, {ratio} times its size; a spreadsheet is never "
                "packed more than {max} times").format(
                part=part, packed=fileio.describe_size(packed), size=fileio.describe_size(size),
                ratio=_n(size // max(packed, 1)), max=MAX_PACKING_RATIO))
        if info.flag_bits & 0x1:
            raise _damaged(self.path, tr("the part {part} is encrypted").format(part=part))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(self.path, tr("the part {part} is packed in a way Excel does not use").format(part=part))

    def _corrupted(self, part: str) -> UserError:
        return _damaged(self.path, tr("the part {part} is corrupted: its packed data or checksum is wrong").format(
            part=part))

    def _parse(self, part: str, start, end=None, chars=None, namespaces: bool = False, limit: int = MAX_PART_BYTES,
               stop: Callable[[], bool] | None = None) -> Iterator[None]:
        """Feed ``part`` to an expat parser with the given handlers, one chunk
        at a time, yielding after each chunk; errors name the part. Once
        ``stop()`` is true the rest is unpacked without parsing, only for the
        zip checksum at its end."""
        self._check_part(part, limit)
        parser = pyexpat.ParserCreate(namespace_separator="}" if namespaces else None)
        parser.buffer_text = True
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if chars is not None:
            parser.CharacterDataHandler = chars
        try:
            with self.zip.open(part) as src:
                while True:
                    if stop is not None and stop():
                        while src.read(1 << 20):
                            pass
                        return
                    chunk = src.read(_CHUNK)
                    parser.Parse(chunk, not chunk)
                    yield
                    if not chunk:
                        return
        except pyexpat.ExpatError as exc:
            raise _damaged(self.path, tr("the XML of the part {part} is broken at line {line}, column {column} "
                                         "({error})").format(part=part, line=exc.lineno, column=exc.offset + 1,
                                                             error=pyexpat.errors.messages.get(exc.code, exc.code))
                           ) from None
        except _MEMBER_ERRORS:
            raise self._corrupted(part) from None

    def _parse_all(self, part: str, start, end=None, chars=None, namespaces: bool = False,
                   limit: int = MAX_PART_BYTES) -> None:
        for _ in self._parse(part, start, end, chars, namespaces, limit):
            pass

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """id -> (type, target) of a relationships part (empty when there is none)."""
        rels: dict[str, tuple[str, str]] = {}
        part = self._part("", part)
        if not part:
            return rels

        def start(name, attrs):
            if _local(name) == "Relationship" and len(rels) < MAX_ZIP_ENTRIES:
                rels[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))

        self._parse_all(part, start, namespaces=True)
        return rels

    def _workbook(self, part: str) -> list[tuple[str, str, str]]:
        """(title, relationship id, state) of each sheet; sets the date epoch."""
        sheets: list[tuple[str, str, str]] = []
        rid_attr = _RELS_NS + "}id"  # expat names a namespaced attribute "uri}name"
        strict_rid_attr = "http://purl.oclc.org/ooxml/officeDocument/relationships}id"

        def start(name, attrs):
            local = _local(name)
            if local == "sheet" and len(sheets) < MAX_ZIP_ENTRIES:
                rid = attrs.get(rid_attr) or attrs.get(strict_rid_attr) or ""
                sheets.append((attrs.get("name", ""), rid, attrs.get("state", "visible")))
            elif local == "workbookPr" and attrs.get("date1904", "").lower() in ("1", "true"):
                self.epoch = _dt.date(1904, 1, 1)

        self._parse_all(part, start, namespaces=True)
        return sheets

    def _styles(self, part: str) -> tuple[frozenset[str], frozenset[str]]:
        """The cell styles (as written in ``s="…"``) that show a date, and those that show a duration."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        custom: dict[int, str] = {}
        xfs: list[int] = []
        inside = [False]

        def number(text: str | None) -> int:
            try:
                return int(text or 0)
            except ValueError:
                return -1

        def start(name, attrs):
            local = _local(name)
            if local == "xf":
                if inside[0] and len(xfs) < 4 * 65_536:
                    xfs.append(number(attrs.get("numFmtId")))
            elif local == "cellXfs":
                inside[0] = True
            elif local == "numFmt" and len(custom) < 65_536:
                custom[number(attrs.get("numFmtId"))] = attrs.get("formatCode", "")

        def end(name):
            if _local(name) == "cellXfs":
                inside[0] = False

        self._parse_all(part, start, end, namespaces=True)
        dates, durations = set(), set()
        kinds: dict[int, tuple[bool, bool]] = {}
        for index, fmt_id in enumerate(xfs):
            kind = kinds.get(fmt_id)
            if kind is None:
                code = custom[fmt_id] if fmt_id in custom else BUILTIN_FORMATS.get(fmt_id)
                is_date = is_date_format(code) or (code is None and fmt_id in _CJK_DATE_FORMAT_IDS)
                kind = kinds[fmt_id] = (bool(is_date), bool(code and is_timedelta_format(code)))
            if kind[0]:
                dates.add(str(index))
            if kind[1]:
                durations.add(str(index))
        return frozenset(dates), frozenset(durations)

    def _shared_strings(self, part: str) -> list[str]:
        strings: list[str] = []
        pieces: list[str] = []
        state = {"t": False, "phonetic": False, "chars": 0}
        path = self.path

        def start(name, attrs):
            if ":" in name:
                name = name[name.rindex(":") + 1:]
            if name == "t":
                state["t"] = not state["phonetic"]
            elif name == "si":
                pieces.clear()
                state["chars"] = 0
            elif name == "rPh":
                state["phonetic"] = True
            elif name == "sst":
                declared = attrs.get("uniqueCount", "")
                if declared.isdigit() and int(declared) > MAX_SHARED_STRINGS:
                    raise _over_limit(path, tr("it declares {count} distinct texts (shared strings); at most {max} "
                                               "are read").format(count=_n(int(declared)), max=_n(MAX_SHARED_STRINGS)))

        def end(name):
            if ":" in name:
                name = name[name.rindex(":") + 1:]
            if name == "si":
                text = "".join(pieces)
                strings.append(_unescape(text) if "_x" in text else text)
                if len(strings) > MAX_SHARED_STRINGS:
                    raise _over_limit(path, tr("it holds more than {max} distinct texts (shared strings)").format(
                        max=_n(MAX_SHARED_STRINGS)))
            elif name == "t":
                state["t"] = False
            elif name == "rPh":
                state["phonetic"] = False

        def chars(data):
            if state["t"]:
                pieces.append(data)
                state["chars"] += len(data)
                if state["chars"] > MAX_CELL_CHARS:
                    raise _over_limit(path, tr("text number {index} of its shared texts has more than {max} "
                                               "characters; "
                                               "Excel allows at most {max} in a cell").format(
                        index=_n(len(strings) + 1), max=_n(MAX_CELL_CHARS)))

        self._parse_all(part, start, end, chars, limit=MAX_SHARED_STRINGS_BYTES)
        return strings

    # -- sheets ------------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.zip.close()

    def _visible(self, ws: _Sheet) -> bool:
        return ws.state == "visible"

    def total_rows(self, ws: _Sheet) -> int:
        return self.dimensions.get(ws.part, 0)

    def _cell_ref(self, ref: str | None, column: int, row: int) -> str:
        return ref or f"{_col_letter(column - 1)}{row}"

    def rows(self, ws: _Sheet, limit: int | None = None) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
        """(row number, {0-based column: value}, formula columns) for each row
        up to ``limit``; rows missing from the file come as blank rows. Empty
        cells are left out."""
        path = self.path
        columns = _REF_COLUMNS
        finished: list[tuple[int, dict[int, Any], set[int]]] = []
        pieces: list[str] = []
        formula: list[str] = []
        cells: dict[int, Any] = {}
        formulas: set[int] = set()
        row_no = previous = column = n_chars = n_cells = 0
        ref = kind = style = None
        take = in_inline = phonetic = has_formula = in_formula = data_done = in_row = has_value = False

        def start(name, attrs):
            nonlocal row_no, column, ref, kind, style, take, in_inline, phonetic, has_formula, in_formula, n_chars
            nonlocal cells, formulas, n_cells, in_row, has_value
            if ":" in name:
                name = name[name.rindex(":") + 1:]
            if name == "c":
                if not in_row:
                    raise _damaged(path, tr("a cell stands outside any row (after row {row})").format(row=_n(row_no)))
                ref = attrs.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    column = columns.get(letters, 0)
                    if not column:
                        column = _ref_column(path, letters, ref)
                else:
                    column += 1
                    if column > EXCEL_MAX_COLUMNS:
                        raise _damaged(path, tr("row {row} has cells beyond Excel's last column, "
                                                "XFD").format(row=row_no))
                kind = attrs.get("t", "n")
                style = attrs.get("s")
                pieces.clear()
                n_chars = 0
                has_formula = has_value = False
                n_cells += 1
                if n_cells > MAX_CELLS:
                    raise _over_limit(path, tr("its sheet has more than {max} cells").format(max=_n(MAX_CELLS)))
            elif name == "v":
                take = has_value = True
            elif name == "row":
                number = attrs.get("r")
                if number is None:
                    row_no = previous + 1
                else:
                    try:
                        row_no = int(number)
                    except ValueError:
                        raise _damaged(path, tr("a row is numbered “{row}”").format(row=number[:40])) from None
                if row_no > EXCEL_MAX_ROWS or row_no < 1:
                    raise _damaged(path, tr("it has a row numbered {row}, beyond Excel's last row, {max}").format(
                        row=_n(row_no), max=_n(EXCEL_MAX_ROWS)))
                if row_no <= previous:
                    raise _damaged(path, tr("its rows are out of order: row {row} comes after row {previous}").format(
                        row=_n(row_no), previous=_n(previous)))
                cells, formulas = {}, set()
                column = 0
                in_row = True
            elif name == "t":
                take = in_inline and not phonetic
            elif name == "is":
                in_inline = True
            elif name == "f":
                has_formula = in_formula = True
                formula.clear()
            elif name == "rPh":
                phonetic = True
            elif name == "dimension":
                self._dimension(ws, attrs.get("ref", ""))

        def end(name):
            nonlocal previous, take, in_inline, phonetic, in_formula, data_done, in_row
            if ":" in name:
                name = name[name.rindex(":") + 1:]
            if name == "c":
                value = self._value(kind, pieces, style, ref, column, row_no) if pieces or kind == "inlineStr" else None
                if value is not None:
                    cells[column - 1] = value
                if has_formula:
                    # an empty text saved as the result (t="str" and <v></v>, from =IF(…,"",…)) is calculated: the
                    # cell is blank. An empty <v/> of a number is what openpyxl writes for a formula never calculated.
                    if value is None and not (has_value and kind == "str"):
                        cells[column - 1] = _Uncalculated("=" + "".join(formula) if formula else "=…")
                    formulas.add(column - 1)
            elif name == "v" or name == "t":
                take = False
            elif name == "row":
                finished.append((row_no, cells, formulas))
                previous = row_no
                in_row = False
            elif name == "is":
                in_inline = False
            elif name == "f":
                in_formula = False
            elif name == "rPh":
                phonetic = False
            elif name == "sheetData":
                data_done = True

        def chars(data):
            nonlocal n_chars
            if take:
                pieces.append(data)
                n_chars += len(data)
                if n_chars > MAX_CELL_CHARS:
                    raise _over_limit(path, tr("cell {cell} holds more than {max} characters; Excel allows at most "
                                               "{max} in a cell").format(cell=self._cell_ref(ref, column, row_no),
                                                                         max=_n(MAX_CELL_CHARS)))
            elif in_formula and len(formula) < 64:
                formula.append(data)

        parse = self._parse(ws.part, start, end, chars, limit=MAX_SHEET_BYTES,
                            stop=lambda: data_done and limit is None)
        last = 0
        empty: set[int] = set()
        try:
            for _ in parse:
                for number, row_cells, row_formulas in finished:
                    for missing in range(last + 1, number):  # rows absent from the file are blank
                        if limit is not None and missing > limit:
                            return
                        yield missing, {}, empty
                    if limit is not None and number > limit:
                        return
                    yield number, row_cells, row_formulas
                    last = number
                finished.clear()
        finally:
            parse.close()

    def _dimension(self, ws: _Sheet, ref: str) -> None:
        m = _RANGE_RE.fullmatch(ref.replace("$", ""))
        if not m:
            return
        last_letters, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
        rows, cols = int(last_row), _col_index(last_letters)
        if rows > EXCEL_MAX_ROWS or cols > EXCEL_MAX_COLUMNS or int(m.group(2)) > EXCEL_MAX_ROWS:
            raise _damaged(self.path, tr("its sheet declares the range {range}, beyond Excel's last row ({rows}) or "
                                         "column (XFD)").format(range=ref[:40], rows=_n(EXCEL_MAX_ROWS)))
        self.dimensions[ws.part] = rows

    def _value(self, kind, pieces, style, ref, column, row_no):
        """A cell's value from its type and text."""
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        if kind == "inlineStr" or (kind == "str" and text):
            if "_x" in text:
                text = _unescape(text)
            if len(text) <= 64:  # one object per repeated short text (shared strings are shared already)
                known = self.known
                text = known.setdefault(text, text) if len(known) < _KNOWN_TEXTS else known.get(text, text)
            return text
        if not text:
            return None
        if kind == "n":
            try:
                value = float(text) if ("." in text or "e" in text or "E" in text) else int(text)
            except ValueError:
                raise _damaged(self.path, tr("cell {cell} holds “{value}” where Excel keeps a number").format(
                    cell=self._cell_ref(ref, column, row_no), value=text[:40])) from None
            if style is not None and style in self.date_styles:
                try:
                    value = _openpyxl_dates()[0](value, _dt.datetime.combine(self.epoch, _dt.time()),
                                                 timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError, TypeError):
                    value = _ExcelError("#VALUE!")
            return value
        if kind == "s":
            try:
                index = int(text)
            except ValueError:
                index = -1
            if not 0 <= index < len(self.shared):
                raise _FastPathFailed(self.path, tr("cell {cell} refers to shared text number {index}, but the file "
                                                    "holds "
                                             "only {count}").format(cell=self._cell_ref(ref, column, row_no),
                                                                    index=text[:20], count=_n(len(self.shared))))
            return self.shared[index]
        if kind == "b":
            return text.strip() not in ("0", "false")
        if kind == "e":
            return _ExcelError(text[:40])
        if kind == "d":
            try:
                return _openpyxl_dates()[1](text)
            except (ValueError, TypeError, OverflowError):
                raise _damaged(self.path, tr("cell {cell} holds “{value}” where Excel keeps a date").format(
                    cell=self._cell_ref(ref, column, row_no), value=text[:40])) from None
        return text

    def merges(self, ws: _Sheet) -> list[tuple[int, int, int, int]]:
        """(min_col, min_row, max_col, max_row), 0-based columns, 1-based rows."""
        return _scan_merges(self.zip, ws.part, self.path)


def _scan_merges(archive: zipfile.ZipFile, part: str, path: Path) -> list[tuple[int, int, int, int]]:
    """The merged regions of a worksheet part, (min_col, min_row, max_col, max_row), 0-based columns,
    1-based rows. Found by scanning the sheet's bytes (they follow the rows in the file)."""
    out: list[tuple[int, int, int, int]] = []
    tail = b""
    try:
        with archive.open(part) as src:
            while True:
                chunk = src.read(_TEXT_CHUNK)
                if not chunk:
                    break
                buf = tail + chunk
                end = 0
                if b"mergeCell" in buf:
                    for m in _MERGE_RE.finditer(buf):
                        end = m.end()
                        found = _merge(path, m.group(1).decode("latin-1"))
                        if found is not None:
                            out.append(found)
                            if len(out) > MAX_MERGES:
                                raise _over_limit(path, tr("its sheet has more than {max} merged regions")
                                                  .format(max=_n(MAX_MERGES)))
                tail = buf[max(end, len(buf) - 256):]
    except _MEMBER_ERRORS:
        raise _damaged(path, tr("the part {part} is corrupted: its packed data or checksum is wrong").format(
            part=part)) from None
    return out


def _merge(path: Path, ref: str) -> tuple[int, int, int, int] | None:
    m = _RANGE_RE.fullmatch(ref)
    if not m:
        raise _damaged(path, tr("the merged cells “{range}” are not a range of cells").format(range=ref))
    if not m.group(3):
        return None  # one cell merged with itself
    c1, r1, c2, r2 = _col_index(m.group(1)), int(m.group(2)), _col_index(m.group(3)), int(m.group(4))
    if max(r1, r2) > EXCEL_MAX_ROWS or max(c1, c2) > EXCEL_MAX_COLUMNS or min(r1, r2, c1, c2) < 1:
        raise _damaged(path, tr("the merged cells {range} reach beyond Excel's last row ({rows}) or column "
                                "(XFD)").format(range=ref, rows=_n(EXCEL_MAX_ROWS)))
    if c1 > c2 or r1 > r2:
        raise _damaged(path, tr("the merged cells {range} are written backwards").format(range=ref))
    return c1 - 1, r1, c2 - 1, r2


_DATES: tuple | None = None


def _openpyxl_dates() -> tuple:
    """openpyxl's (from_excel, from_ISO8601), imported on first use."""
    global _DATES
    if _DATES is None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        _DATES = (from_excel, from_ISO8601)
    return _DATES


_ESCAPED_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's escapes in texts: ``_x000D_`` is a carriage return, ``_x005F_`` an underscore (so
    ``_x005F_x000D_`` is the text "_x000D_" itself)."""
    return _ESCAPED_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([^\"]{0,40})\"")
_REF_COLUMNS: dict[str, int] = {}


def _ref_column(path: Path, letters: str, ref: str) -> int:
    """The column (1-based) of a cell reference's letters; remembered."""
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()):
        raise _damaged(path, tr("a cell is named “{ref}”, which is not a cell reference").format(ref=ref[:40]))
    column = _col_index(letters)
    if column > EXCEL_MAX_COLUMNS:
        raise _damaged(path, tr("cell {cell} is beyond Excel's last column, XFD").format(cell=ref[:40]))
    _REF_COLUMNS[letters] = column
    return column


class _OpenpyxlSource(_Sources):
    """A workbook read through openpyxl's public read-only path: the second try when our own reader could
    not read it (``_FastPathFailed``). Only reached after the zip directory passed the size checks; rows,
    cells and texts are still held to the limits. Formulas come as their saved results (a formula never
    calculated is blank here); merged regions are found as our reader finds them."""

    def __init__(self, path: Path, fh):
        import openpyxl

        self.path = path
        fh.seek(0)
        self.wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        epoch = self.wb.epoch
        self.epoch = epoch.date() if isinstance(epoch, _dt.datetime) else epoch
        self.sheet_list = [ws for ws in self.wb.worksheets if hasattr(ws, "iter_rows")]
        self._fh = fh
        self._sizes: dict[int, int] = {}
        for ws in self.sheet_list:  # the declared size, for progress; then read as written, whatever it declares
            try:
                self._sizes[id(ws)] = min(int(ws.max_row or 0), EXCEL_MAX_ROWS)
            except (TypeError, ValueError):
                self._sizes[id(ws)] = 0
            ws.reset_dimensions()

    def close(self) -> None:
        self.wb.close()

    def _visible(self, ws: Any) -> bool:
        return getattr(ws, "sheet_state", "visible") == "visible"

    def total_rows(self, ws: Any) -> int:
        return self._sizes.get(id(ws), 0)

    def rows(self, ws: Any, limit: int | None = None) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
        empty: set[int] = set()
        n_cells = 0
        for number, row in enumerate(ws.iter_rows(), start=1):
            if (limit is not None and number > limit) or number > EXCEL_MAX_ROWS:
                return
            cells: dict[int, Any] = {}
            for col, cell in enumerate(row):
                value = cell.value
                if value is None:
                    continue
                n_cells += 1
                if n_cells > MAX_CELLS:
                    raise _over_limit(self.path, tr("its sheet has more than {max} cells").format(max=_n(MAX_CELLS)))
                if getattr(cell, "data_type", "") == "e":
                    value = _ExcelError(str(value)[:40])
                elif isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    raise _over_limit(self.path, tr("cell {cell} holds more than {max} characters; Excel allows at "
                                                    "most {max} in a cell").format(
                        cell=f"{_col_letter(col)}{number}", max=_n(MAX_CELL_CHARS)))
                cells[col] = value
            yield number, cells, empty

    def merges(self, ws: Any) -> list[tuple[int, int, int, int]]:
        part = getattr(ws, "_worksheet_path", None)  # openpyxl keeps the part's name; without it, no merges
        if not part:
            return []
        self._fh.seek(0)
        with zipfile.ZipFile(self._fh) as archive:
            return _scan_merges(archive, part, self.path)


# --- xls (Excel 97-2003) ----------------------------------------------------------------------------

MAX_XLS_BYTES = 32 << 20  # an .xls is read into memory whole (its sheets end at row 65,536 anyway)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _xls_unreadable(path: Path) -> UserError:
    return UserError(tr(
        "{name} is in the old Excel format (.xls) and cannot be read: it is damaged or protected by a password. "
        "Open it in Excel or WPS, remove the password if there is one, save it as .xlsx, and import that file."
    ).format(name=path.name))


class _XlsSource(_Sources):
    """An Excel 97-2003 workbook (.xls, also WPS's .et), read with xlrd: saved formula results, date
    cells, merged regions."""

    def __init__(self, path: Path, fh):
        import xlrd

        self.path = path
        data = fh.read(MAX_XLS_BYTES + 1)
        if len(data) > MAX_XLS_BYTES:
            raise _over_limit(path, tr("it is larger than {max}; an old .xls workbook is read whole").format(
                max=fileio.describe_size(MAX_XLS_BYTES)))
        try:
            try:
                self.book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                               logfile=_NullLog())
            except NotImplementedError:  # formatting of the oldest files: read without (no merged regions)
                self.book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_NullLog())
        except MemoryError:
            raise
        except Exception:
            log.info("xlrd cannot read %s", path, exc_info=True)
            raise _xls_unreadable(path) from None
        self._xldate = xlrd.xldate.xldate_as_datetime
        self._errors = xlrd.error_text_from_code
        self.epoch = _dt.date(1904, 1, 1) if self.book.datemode == 1 else EXCEL_EPOCH
        self.sheet_list = [_Sheet(name, str(i)) for i, name in enumerate(self.book.sheet_names())]
        self._loaded: dict[str, Any] = {}

    def _sheet(self, ws: _Sheet):
        sheet = self._loaded.get(ws.part)
        if sheet is None:
            try:
                sheet = self._loaded[ws.part] = self.book.sheet_by_index(int(ws.part))
            except MemoryError:
                raise
            except Exception:
                log.info("xlrd cannot read sheet %s of %s", ws.title, self.path, exc_info=True)
                raise _xls_unreadable(self.path) from None
        return sheet

    def close(self) -> None:
        self.book.release_resources()

    def _visible(self, ws: _Sheet) -> bool:
        return self._sheet(ws).visibility == 0

    def total_rows(self, ws: _Sheet) -> int:
        return self._sheet(ws).nrows

    def rows(self, ws: _Sheet, limit: int | None = None) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
        import xlrd

        sheet = self._sheet(ws)
        empty: set[int] = set()
        text, number, date, boolean, error = (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE,
                                              xlrd.XL_CELL_BOOLEAN, xlrd.XL_CELL_ERROR)
        n_cells = 0
        last = sheet.nrows if limit is None else min(sheet.nrows, limit)
        for r in range(last):
            cells: dict[int, Any] = {}
            for col, (kind, value) in enumerate(zip(sheet.row_types(r), sheet.row_values(r), strict=True)):
                if kind == text:
                    if not value:
                        continue
                    if len(value) > MAX_CELL_CHARS:
                        raise _over_limit(self.path, tr("cell {cell} holds more than {max} characters; Excel allows "
                                                        "at most {max} in a cell").format(
                            cell=f"{_col_letter(col)}{r + 1}", max=_n(MAX_CELL_CHARS)))
                elif kind == number:
                    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
                        value = int(value)
                elif kind == date:
                    try:
                        value = self._xldate(value, self.book.datemode)
                    except Exception:
                        value = _ExcelError("#VALUE!")
                elif kind == boolean:
                    value = bool(value)
                elif kind == error:
                    value = _ExcelError(self._errors.get(value, "#VALUE!"))
                else:
                    continue
                n_cells += 1
                if n_cells > MAX_CELLS:
                    raise _over_limit(self.path, tr("its sheet has more than {max} cells").format(max=_n(MAX_CELLS)))
                cells[col] = value
            yield r + 1, cells, empty

    def merges(self, ws: _Sheet) -> list[tuple[int, int, int, int]]:
        # xlrd: (first row, row after, first column, column after), all 0-based
        return [(clo, rlo + 1, chi - 1, rhi) for rlo, rhi, clo, chi in self._sheet(ws).merged_cells
                if rhi - rlo > 1 or chi - clo > 1]


class _NullLog:
    """xlrd's warnings about odd records go nowhere (the log has the failures that matter)."""

    def write(self, text: str) -> None:
        pass


# --- csv ----------------------------------------------------------------------------------------------

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")


class _CsvSource:
    """A text table, decoded piece by piece (never held decoded as a whole)."""

    epoch = EXCEL_EPOCH

    def __init__(self, path: Path, fh, candidate_names: set[str]):
        self.path = path
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise fileio.read_error(path, exc) from None
        if len(data) > MAX_FILE_BYTES:
            raise fileio.too_big_error(path, len(data), MAX_FILE_BYTES)
        self.data = data
        self.offset, self.errors = 0, "strict"
        if data.startswith(codecs.BOM_UTF8):
            self.encoding, self.offset, self.errors = "utf-8-sig", 3, "replace"
            self._scan("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding = "utf-16"
            try:
                self._scan("utf-16")
            except UnicodeDecodeError:
                raise _damaged(path, tr("its text is not valid UTF-16; it may have been cut off")) from None
        else:
            try:
                self._scan("utf-8")
                self.encoding = "utf-8"
            except UnicodeDecodeError:
                try:
                    self._scan("gb18030")
                    self.encoding = "gb18030"
                except UnicodeDecodeError:
                    raise UserError(
                        tr("The text of {name} is neither UTF-8 nor GBK. Save it from Excel as .xlsx or as CSV "
                           "(UTF-8).").format(name=path.name)) from None
        head = list(islice(self._lines(), HEADER_SCAN_ROWS + 1))
        first = head[0].rstrip("\r\n") if head else ""
        self.skip_first = bool(re.fullmatch(r"sep=.", first))  # Excel's separator hint; Excel does not show the line
        if self.skip_first:
            self.delimiter = first[4]
        else:
            self.delimiter = self._sniff(head[:HEADER_SCAN_ROWS], candidate_names)

    def _decoded(self, encoding: str, errors: str = "strict") -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
        data, offset = self.data, self.offset
        for start in range(offset, len(data), _TEXT_CHUNK):
            yield decoder.decode(data[start:start + _TEXT_CHUNK])
        yield decoder.decode(b"", final=True)

    def _scan(self, encoding: str) -> None:
        """Decode the whole text once (raises UnicodeDecodeError) and refuse control characters anywhere."""
        line = 1
        for text in self._decoded(encoding, "replace" if self.errors == "replace" else "strict"):
            m = _CONTROL_RE.search(text)
            if m:
                line += text.count("\n", 0, m.start())
                raise _damaged(self.path, tr("line {line} holds the control character {char}, which a text table never "
                                             "holds").format(line=_n(line), char=f"U+{ord(m.group()):04X}"))
            line += text.count("\n")

    def _lines(self) -> Iterator[str]:
        """The text's lines with their line endings (\\r\\n, \\n or \\r), as ``csv`` wants them."""
        pending = ""
        for piece in self._decoded(self.encoding, self.errors):
            text = pending + piece if pending else piece
            stop = len(text) - 1 if text.endswith("\r") and piece else len(text)  # \r\n may be cut in two
            pos = 0
            for m in _LINE_RE.finditer(text, 0, stop):
                yield m.group()
                pos = m.end()
            pending = text[pos:]
        if pending:
            yield pending

    def _sniff(self, head: list[str], names: set[str]) -> str:
        best, best_score = ",", (-1, -1)
        for delimiter in (",", "\t", ";", "|"):
            try:
                rows = list(csv.reader(head, delimiter=delimiter))
            except csv.Error:
                continue
            matched = max((sum(1 for v in row if fold_header(v) in names) for row in rows), default=0)
            widths = [len(row) for row in rows if row]
            common = max(set(widths), key=widths.count) if widths else 0
            score = (matched, common if common > 1 else 0)
            if score > best_score:
                best, best_score = delimiter, score
        return best

    def close(self) -> None:
        self.data = b""

    def sheets(self) -> list[Any]:
        return [None]

    def rows(self, ws: Any, limit: int | None = None) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
        lines = self._lines()
        if self.skip_first:
            next(lines, None)
        shift = 1 if self.skip_first else 0
        reader = csv.reader(lines, delimiter=self.delimiter)
        empty: set[int] = set()
        known: dict[str, str] = {}  # one object per repeated short text: the same place 10,000 times is stored once
        idx = cells = 0
        try:
            for record in reader:
                idx += 1
                if limit is not None and idx > limit:
                    return
                row: dict[int, Any] = {}
                if record:
                    if max(map(len, record)) > MAX_CELL_CHARS:
                        raise self._long_field(reader.line_num + shift)
                    cells += len(record)
                    if len(record) > EXCEL_MAX_COLUMNS or cells > MAX_CELLS:
                        raise self._too_many_fields(reader.line_num + shift, len(record) > EXCEL_MAX_COLUMNS)
                    room = len(known) < _KNOWN_TEXTS
                    for i, v in enumerate(record):
                        if v:
                            if len(v) <= 64:
                                v = known.setdefault(v, v) if room else known.get(v, v)
                            row[i] = v
                yield idx, row, empty
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise self._long_field(reader.line_num + shift) from None
            raise _damaged(self.path, tr("line {line} is not a line of a CSV table").format(
                line=_n(reader.line_num + shift))) from None

    def _too_many_fields(self, line: int, on_the_line: bool) -> UserError:
        if on_the_line:
            return _over_limit(self.path, tr("line {line} has more than {max} fields; Excel's sheets end at column "
                                             "XFD").format(line=_n(line), max=_n(EXCEL_MAX_COLUMNS)))
        return _over_limit(self.path, tr("it has more than {max} fields").format(max=_n(MAX_CELLS)))

    def _long_field(self, line: int) -> UserError:
        return _over_limit(self.path, tr("a field on line {line} has more than {max} characters; Excel allows at most "
                                         "{max} in a cell").format(line=_n(line), max=_n(MAX_CELL_CHARS)))

    def merges(self, ws: Any) -> list[tuple[int, int, int, int]]:
        return []

    def total_rows(self, ws: Any) -> int:
        return 0 if self.encoding == "utf-16" else self.data.count(b"\n")


# ---------------------------------------------------------------------------
# read_table
# ---------------------------------------------------------------------------

_SERIAL_HEADERS = {"序号", "序", "no", "no.", "#", "行号", "seq", "顺序号"}
_TOTAL_RE = re.compile(
    r"^(?:本页|本表|全部|全校|总)?(?:合计|总计|小计|共计|累计|总合计)(?:[:：\d(（]|$)"
    r"|^(?:grand)?total(?:[:\d(]|$)|^subtotal(?:[:\d(]|$)|^sum(?:[:(]|$)"
)
_FOOTER_RE = re.compile(
    r"^(?:制表人?|填表人?|填报人?|审核人?|审批人?|复核人?|负责人|部门负责人|单位负责人|经办人|主管(?:领导)?|分管领导|"
    r"校长|会计|出纳|保管员|验收人|监督人|日期|制表日期|填表日期|填报日期|打印日期|签字|签名|盖章|签字盖章|"
    r"注|备注说明|说明|填表说明|prepared\s*by|checked\s*by|approved\s*by|signature|date)"
    r"(?:[:：]|$)|^(?:以下空白|以下无内容|以下为空|以下无|此处空白|空白)[。.]?$",
    re.IGNORECASE,
)


def _alias_table(specs: Sequence[ColumnSpec]) -> dict[str, str]:
    table: dict[str, str] = {}
    for spec in specs:
        for name in spec.aliases():
            key = fold_header(name)
            if key:
                table.setdefault(key, spec.key)
    return table


def _map_header(values: Sequence[Any], aliases: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, value in enumerate(values):
        if not isinstance(value, str):
            continue
        key = aliases.get(fold_header(value))
        if key is not None and key not in found:
            found[key] = col
    return found


def _looks_like_header(values: Sequence[Any] | None, aliases: dict[str, str]) -> bool:
    if not values:
        return False
    filled = [v for v in values if not _is_blank(v)]
    if not filled or not all(isinstance(v, str) for v in filled):
        return False
    return len(_map_header(values, aliases)) * 2 >= len(filled)


def _two_row_header(
    row: int, values: list[Any], scanned: dict[int, list[Any]], aliases: dict[str, str]
) -> tuple[list[Any], int]:
    """Headers written on two rows (a group label such as 金额 merged over 单价
    and 金额 below it, or 序号/名称 merged down both rows): combine the header
    row with the row above or below when that row is made of column names.
    Below, the more specific sub-header wins; above, the header row wins.
    Returns the combined header and the last header row."""
    combined = list(values)
    last = row
    below = scanned.get(row + 1)
    if _looks_like_header(below, aliases):
        combined += [None] * (len(below) - len(combined))
        for col, v in enumerate(below):
            if isinstance(v, str) and fold_header(v) in aliases:
                combined[col] = v
        last = row + 1
    above = scanned.get(row - 1)
    if _looks_like_header(above, aliases):
        combined += [None] * (len(above) - len(combined))
        for col, v in enumerate(above):
            if _is_blank(combined[col]) and isinstance(v, str) and fold_header(v) in aliases:
                combined[col] = v
    return combined, last


def read_table(
    path: str | os.PathLike,
    columns: Sequence[ColumnSpec],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    sheet: str | int | None = None,
) -> ReadResult:
    """Read a register kept in Excel or CSV. See the module docstring.

    Raises ``UserError`` when the file cannot be read at all (missing, a
    folder, a pipe or device, not a spreadsheet, a damaged or encrypted .xls, unknown text
    encoding, damaged, beyond a limit) and ``Cancelled`` when ``cancel()``
    turns true. Everything else comes back in the ``ReadResult``.
    """
    path = Path(path)
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate column keys")
    specs = {c.key: c for c in columns}
    aliases = _alias_table(columns)
    suffix = path.suffix.lower()
    if suffix == ".wps":
        raise UserError(
            tr("{name} is in the old Excel format. Open it in Excel or WPS, save it as .xlsx, and import that "
               "file.").format(
                name=path.name
            )
        )
    fh = fileio.open_for_reading(path, MAX_FILE_BYTES)  # folders, pipes and devices: refused unread
    args = (path, columns, specs, aliases, progress, cancel, sheet)
    try:
        if suffix in (".csv", ".txt", ".tsv"):
            return _read_source(_CsvSource(path, fh, set(aliases)), *args)
        magic = fh.read(8)
        fh.seek(0)
        if magic.startswith(_OLE_MAGIC) or (suffix in (".xls", ".et") and not magic.startswith(b"PK")):
            # Excel 97-2003 (also a .xls renamed .xlsx); an encrypted .xlsx is such a file too and is refused
            # by xlrd with the password named in the message
            return _read_source(_XlsSource(path, fh), *args)
        return _read_xlsx(fh, *args)
    except (UserError, MemoryError):
        raise
    except Exception:
        log.warning("unexpected failure reading %s", path, exc_info=True)
        raise _damaged(path, tr("its contents are not what a spreadsheet holds")) from None
    finally:
        fh.close()


def _read_source(source, path, columns, specs, aliases, progress, cancel, sheet) -> ReadResult:
    try:
        return _read(source, path, columns, specs, aliases, progress, cancel, sheet)
    finally:
        source.close()


def _read_xlsx(fh, path, columns, specs, aliases, progress, cancel, sheet) -> ReadResult:
    """Our own reader first; where it cannot read the workbook, openpyxl's public read-only path. Limits,
    a cancel and plain damage (broken XML, a bad checksum, rows out of order...) are never retried."""
    args = (path, columns, specs, aliases, progress, cancel, sheet)
    try:
        source = _XlsxSource(path, fh)  # the zip directory's checks come first; they are final
    except _FastPathFailed as exc:
        failure = exc
    else:
        try:
            return _read_source(source, *args)
        except _FastPathFailed as exc:
            failure = exc
        except (UserError, MemoryError):
            raise
        except Exception:
            log.warning("our reader failed on %s", path, exc_info=True)
            failure = _FastPathFailed(path, tr("its contents are not what a spreadsheet holds"))
    log.info("reading %s with openpyxl: %s", path, failure.message)
    try:
        fallback = _OpenpyxlSource(path, fh)
    except MemoryError:
        raise
    except Exception:
        log.info("openpyxl cannot read %s either", path, exc_info=True)
        raise failure from None
    try:
        return _read_source(fallback, *args)
    except (UserError, MemoryError):
        raise
    except Exception:
        log.info("openpyxl cannot read %s either", path, exc_info=True)
        raise failure from None


def _dense(cells: Mapping[int, Any]) -> list[Any]:
    """A row's cells as a list (blank cells None), for the header search."""
    if not cells:
        return []
    values: list[Any] = [None] * (max(cells) + 1)
    for col, value in cells.items():
        values[col] = value
    return values


def _read(source, path, columns, specs, aliases, progress, cancel, sheet) -> ReadResult:
    result = ReadResult(specs=dict(specs))
    if isinstance(source, _CsvSource):
        result.encoding, result.delimiter = source.encoding, source.delimiter

    # 1. which sheet, which header row
    candidates = source.sheets()
    if sheet is not None and not isinstance(source, _CsvSource):
        try:
            candidates = [source.find_sheet(sheet)]
        except KeyError:
            raise UserError(
                tr("{name} has no sheet “{sheet}”. Its sheets: {sheets}.").format(
                    name=path.name, sheet=sheet, sheets=_join(source.sheetnames)
                )
            ) from None
    best: tuple[int, int, int, list[Any]] | None = None  # score, sheet, row, values
    scanned: list[dict[int, list[Any]]] = []
    for n, ws in enumerate(candidates):
        seen: dict[int, list[Any]] = {}
        scanned.append(seen)
        for idx, cells, _f in source.rows(ws, limit=HEADER_SCAN_ROWS):
            values = seen[idx] = _dense(cells)
            score = len(_map_header(values, aliases))
            if score and (best is None or score > best[0]):
                best = (score, n, idx, values)
    need = min(2, len(columns))
    if best is None or best[0] < need:
        names = _join(c.header for c in columns[:8])
        result.file_errors.append(
            RowError(
                0,
                "",
                "",
                tr("No header row found in the first {n} rows. The file needs a row of column names such as: "
                   "{names}.").format(
                    n=HEADER_SCAN_ROWS, names=names
                ),
            )
        )
        return result
    _score, sheet_no, header_row, header_values = best
    ws = candidates[sheet_no]
    result.sheet = getattr(ws, "title", None)
    result.header_row = header_row
    header_values, last_header_row = _two_row_header(header_row, header_values, scanned[sheet_no], aliases)
    mapping = _map_header(header_values, aliases)
    result.headers = {key: str(header_values[col]).strip() for key, col in mapping.items()}
    mapped_cols = set(mapping.values())
    serial_cols = {
        col
        for col, v in enumerate(header_values)
        if isinstance(v, str) and fold_header(v) in _SERIAL_HEADERS and col not in mapped_cols
    }
    result.extra_columns = [
        str(v).strip()
        for col, v in enumerate(header_values)
        if not _is_blank(v) and col not in mapped_cols and col not in serial_cols
    ]
    missing = [c for c in columns if c.required and c.key not in mapping]
    if missing:
        result.missing_columns = [c.key for c in missing]
        found = _join(str(v).strip() for v in header_values if not _is_blank(v)) or "—"
        result.file_errors.append(
            RowError(
                header_row,
                "",
                "",
                tr("Required columns are missing: {missing}. Columns found in the file: {found}.").format(
                    missing=_join(c.header for c in missing), found=found
                ),
            )
        )

    # 2. merged regions below the header
    fill_starts: dict[tuple[int, int], tuple[int, str]] = {}
    for c1, r1, c2, r2 in source.merges(ws):
        if r2 > r1 and r1 > last_header_row:
            ref = f"{_col_letter(c1)}{r1}:{_col_letter(c2)}{r2}"
            fill_starts[(r1, c1)] = (r2, ref)
    active_fill: dict[int, tuple[Any, int, str]] = {}  # col -> (value, last row, ref)

    # 3. the rows
    index = {key: i for i, key in enumerate(specs)}
    n_keys = len(index)
    ordered = [(key, col, specs[key], index[key], result.headers[key])
               for key, col in sorted(mapping.items(), key=lambda kv: kv[1])]
    header_folded = {col: fold_header(header_values[col]) for col in mapped_cols}
    first_mapped = min(mapped_cols)
    epoch = source.epoch
    total = source.total_rows(ws)
    blank_reason, total_reason = tr("blank row"), tr("totals row")
    footer_reason, header_reason = tr("signature or note line"), tr("header repeated")
    serial_reason = tr("nothing but a serial number")
    required_message = tr("Required; this cell is empty.")
    merged_message = tr(
        "This cell is part of the merged cells {range} over several rows; a number cannot be "
        "shared between rows. Unmerge the cells and write the number in each row."
    )
    done = 0
    listed = len(result.skipped)
    rows_limit = tr("it has more than {max} rows of data; import at most {max} rows at a time (split the file)").format(
        max=_n(MAX_DATA_ROWS))

    def skip(idx: int, reason: str) -> None:
        nonlocal listed
        if listed < MAX_LISTED_SKIPS:
            result.skipped.append((idx, reason))
            listed += 1

    for idx, cells, formulas in source.rows(ws):
        done += 1
        if done % PROGRESS_EVERY == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(idx, max(total, idx))
        if idx <= last_header_row:
            continue
        # merged regions: pick up a new one, drop finished ones
        if active_fill:
            for col in [c for c, (_v, last, _r) in active_fill.items() if last < idx]:
                del active_fill[col]
        if fill_starts:
            for col, v in cells.items():
                start = fill_starts.get((idx, col))
                if start is not None and not _is_blank(v):
                    active_fill[col] = (v, start[0], start[1])

        nonblank = [col for col, v in cells.items() if v.__class__ is not str or v.strip()]
        if not nonblank:
            skip(idx, blank_reason)
            continue
        nonblank.sort()
        firsts = [cells[col] for col in nonblank[:3]]
        if any(isinstance(v, str) and _TOTAL_RE.match(fold(v)) for v in firsts):
            skip(idx, total_reason)
            continue
        first = firsts[0]
        if isinstance(first, str) and _FOOTER_RE.match(fold(first)):
            skip(idx, footer_reason)
            continue
        if all(col in serial_cols or col in formulas for col in nonblank):
            skip(idx, serial_reason)
            continue
        get = cells.get
        if sum(1 for col in mapped_cols if get(col) == header_values[col]) * 2 > len(mapped_cols) or (
            isinstance(get(first_mapped), str)
            and fold_header(cells[first_mapped]) == header_folded[first_mapped]
            and sum(1 for col in mapped_cols if isinstance(get(col), str)
                    and fold_header(cells[col]) == header_folded[col]) * 2 > len(mapped_cols)
        ):
            skip(idx, header_reason)
            continue
        if len(result.rows) >= MAX_DATA_ROWS:
            raise _over_limit(path, rows_limit)

        parsed: list[Any] = [None] * n_keys
        raw: list[Any] = [None] * n_keys
        row = RowData(idx, _Fields(index, parsed), _Fields(index, raw))
        for _key, col, spec, i, header in ordered:
            value = get(col)
            if value is None or (value.__class__ is str and not value.strip()):
                if active_fill and col in active_fill:
                    value, _last, merged_ref = active_fill[col]
                    raw[i] = value
                    if spec.kind in ("int", "decimal", "money"):
                        row.errors.append(RowError(idx, header, "", merged_message.format(range=merged_ref)))
                        continue
                else:
                    raw[i] = value
                    if spec.required:
                        row.errors.append(RowError(idx, header, "", required_message))
                    continue
            raw[i] = value
            try:
                parsed[i] = _parse_present(value, spec, epoch)
            except _CellError as exc:
                if isinstance(value, (_Uncalculated, _ExcelError)):
                    raw[i] = _as_text(value)
                row.errors.append(RowError(idx, header, _as_text(value), str(exc)))
        result.rows.append(row)

    if progress is not None:
        progress(max(total, done), max(total, done))
    return result



def _col_letter(col0: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col0 + 1)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


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
                if done % PROGRESS_EVERY == 0:
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
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = fileio.check_output_path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_title or tr("Import"))
    fill = PatternFill("solid", fgColor="DDEBF7")
    prepared_rows = 500
    examples = list(example_rows)
    for i, spec in enumerate(columns, 1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i, value=spec.header)
        cell.font = Font(bold=True, color="C00000" if spec.required else "000000")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        description = _describe(spec)
        cell.comment = Comment(description, "")
        fmt = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "text": "@", "choice": "@"}.get(spec.kind)
        if fmt:
            for r in range(2, prepared_rows + 2):
                ws.cell(row=r, column=i).number_format = fmt
        options = ["是", "否"] if spec.kind == "bool" else spec.choice_labels() if spec.kind == "choice" else []
        if options and all('"' not in o and "," not in o for o in options):
            formula = '"' + ",".join(options) + '"'
            if len(formula) <= 255:
                dv = DataValidation(type="list", formula1=formula, allow_blank=True)
                dv.add(f"{letter}2:{letter}{prepared_rows + 1}")
                ws.add_data_validation(dv)
        widest = max([display_width(spec.header)] + [display_width(_as_text(r.get(spec.key))) for r in examples])
        ws.column_dimensions[letter].width = min(max(widest + 3, 12 if spec.kind in ("date", "money") else 8), 40)
    for r, example in enumerate(examples, 2):
        for i, spec in enumerate(columns, 1):
            value = example.get(spec.key)
            if spec.kind == "bool" and isinstance(value, bool):
                value = "是" if value else "否"
            cell = ws.cell(row=r, column=i, value=value)
            if isinstance(value, str) and value.startswith(_INJECTION_PREFIXES):
                cell.data_type = "s"
                cell.quotePrefix = True
    ws.freeze_panes = "A2"

    notes = wb.create_sheet(_sheet_title(tr("Instructions")))
    notes.append([tr("How to fill in this template")])
    notes["A1"].font = Font(bold=True, size=13)
    notes.append([tr("Fill one row per item, starting under the header. Columns in red are required.")])
    notes.append([tr("Columns may be in any order; unknown columns are ignored. Example rows may be deleted.")])
    notes.append([])
    notes.append([tr("Column name"), tr("Required column"), tr("What to write")])
    for c in notes[5]:
        c.font = Font(bold=True)
        c.fill = fill
    for spec in columns:
        notes.append([spec.header, tr("Yes") if spec.required else "", _describe(spec)])
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 8
    notes.column_dimensions["C"].width = 80
    wb.active = 0
    _save(wb, path)


def _describe(spec: ColumnSpec) -> str:
    parts = [tr(_KIND_HELP[spec.kind])]
    if spec.kind == "choice":
        parts.append(_join(spec.choice_labels()))
    if spec.max_length:
        parts.append(tr("at most {n} characters").format(n=spec.max_length))
    if spec.help:
        parts.append(tr(spec.help))
    return tr("; ").join(parts) if len(parts) > 1 else parts[0]
