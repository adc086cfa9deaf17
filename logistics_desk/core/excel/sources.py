"""Workbook sources other than our own .xlsx reader, and what every source shares.

A source gives ``sheets()`` (visible first), ``rows(ws, limit)`` as (row number, {0-based column:
value}, formula columns), ``merges(ws)``, ``total_rows(ws)``, ``epoch`` and ``close()``:

* ``_OpenpyxlSource``: openpyxl's public read-only path, the second try on an .xlsx our reader
  could not make sense of;
* ``_XlsSource``: Excel 97-2003 (.xls, WPS's .et) through xlrd;
* ``_CsvSource``: a text table in UTF-8, GBK/GB18030 or UTF-16, decoded piece by piece.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import logging
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from .. import fileio
from ..errors import UserError
from ..i18n import tr
from . import limits
from .limits import _damaged, _n, _over_limit, _too_many_cells
from .values import _RANGE_RE, EXCEL_EPOCH, _col_index, _col_letter, _ExcelError, fold_header

log = logging.getLogger(__name__)

_CHUNK = 1 << 16  # bytes read from a zip part at a time
_TEXT_CHUNK = 1 << 20  # bytes decoded (CSV) or scanned (merged cells) at a time
_KNOWN_TEXTS = 200_000  # short texts kept once per read (a register repeats its places, people, categories)


_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError,
                  struct.error)


# --- what every source shares -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    title: str
    part: str
    state: str = "visible"


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
                            if len(out) > limits.MAX_MERGES:
                                raise _over_limit(path, tr("its sheet has more than {max} merged regions")
                                                  .format(max=_n(limits.MAX_MERGES)))
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
    if max(r1, r2) > limits.EXCEL_MAX_ROWS or max(c1, c2) > limits.EXCEL_MAX_COLUMNS or min(r1, r2, c1, c2) < 1:
        raise _damaged(path, tr("the merged cells {range} reach beyond Excel's last row ({rows}) or column "
                                "(XFD)").format(range=ref, rows=_n(limits.EXCEL_MAX_ROWS)))
    if c1 > c2 or r1 > r2:
        raise _damaged(path, tr("the merged cells {range} are written backwards").format(range=ref))
    return c1 - 1, r1, c2 - 1, r2


_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([^\"]{0,40})\"")


# --- openpyxl's read-only path (the second try on an .xlsx) -----------------------------------------


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
                self._sizes[id(ws)] = min(int(ws.max_row or 0), limits.EXCEL_MAX_ROWS)
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
        max_cells, max_chars = limits.MAX_CELLS, limits.MAX_CELL_CHARS
        for number, row in enumerate(ws.iter_rows(), start=1):
            if (limit is not None and number > limit) or number > limits.EXCEL_MAX_ROWS:
                return
            cells: dict[int, Any] = {}
            for col, cell in enumerate(row):
                value = cell.value
                if value is None:
                    continue
                n_cells += 1
                if n_cells > max_cells:
                    raise _too_many_cells(self.path)
                if getattr(cell, "data_type", "") == "e":
                    value = _ExcelError(str(value)[:40])
                elif isinstance(value, str) and len(value) > max_chars:
                    raise _over_limit(self.path, tr("cell {cell} holds more than {max} characters; Excel allows at "
                                                    "most {max} in a cell").format(
                        cell=f"{_col_letter(col)}{number}", max=_n(limits.MAX_CELL_CHARS)))
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
        data = fh.read(limits.MAX_XLS_BYTES + 1)
        if len(data) > limits.MAX_XLS_BYTES:
            raise _over_limit(path, tr("it is larger than {max}; an old .xls workbook is read whole").format(
                max=fileio.describe_size(limits.MAX_XLS_BYTES)))
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
        max_cells, max_chars = limits.MAX_CELLS, limits.MAX_CELL_CHARS
        last = sheet.nrows if limit is None else min(sheet.nrows, limit)
        for r in range(last):
            cells: dict[int, Any] = {}
            for col, (kind, value) in enumerate(zip(sheet.row_types(r), sheet.row_values(r), strict=True)):
                if kind == text:
                    if not value:
                        continue
                    if len(value) > max_chars:
                        raise _over_limit(self.path, tr("cell {cell} holds more than {max} characters; Excel allows "
                                                        "at most {max} in a cell").format(
                            cell=f"{_col_letter(col)}{r + 1}", max=_n(limits.MAX_CELL_CHARS)))
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
                if n_cells > max_cells:
                    raise _too_many_cells(self.path)
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
            data = fh.read(limits.MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise fileio.read_error(path, exc) from None
        if len(data) > limits.MAX_FILE_BYTES:
            raise fileio.too_big_error(path, len(data), limits.MAX_FILE_BYTES)
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
        head = list(islice(self._lines(), limits.HEADER_SCAN_ROWS + 1))
        first = head[0].rstrip("\r\n") if head else ""
        self.skip_first = bool(re.fullmatch(r"sep=.", first))  # Excel's separator hint; Excel does not show the line
        if self.skip_first:
            self.delimiter = first[4]
        else:
            self.delimiter = self._sniff(head[:limits.HEADER_SCAN_ROWS], candidate_names)

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
        max_cells, max_chars, max_columns = limits.MAX_CELLS, limits.MAX_CELL_CHARS, limits.EXCEL_MAX_COLUMNS
        try:
            for record in reader:
                idx += 1
                if limit is not None and idx > limit:
                    return
                row: dict[int, Any] = {}
                if record:
                    if max(map(len, record)) > max_chars:
                        raise self._long_field(reader.line_num + shift)
                    cells += len(record)
                    if len(record) > max_columns or cells > max_cells:
                        raise self._too_many_fields(reader.line_num + shift, len(record) > max_columns)
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
                                             "XFD").format(line=_n(line), max=_n(limits.EXCEL_MAX_COLUMNS)))
        return _over_limit(self.path, tr("it has more than {max} fields").format(max=_n(limits.MAX_CELLS)))

    def _long_field(self, line: int) -> UserError:
        return _over_limit(self.path, tr("a field on line {line} has more than {max} characters; Excel allows at most "
                                         "{max} in a cell").format(line=_n(line), max=_n(limits.MAX_CELL_CHARS)))

    def merges(self, ws: Any) -> list[tuple[int, int, int, int]]:
        return []

    def total_rows(self, ws: Any) -> int:
        return 0 if self.encoding == "utf-16" else self.data.count(b"\n")
