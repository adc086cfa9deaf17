"""Our own streaming .xlsx reader.

Every part is streamed through expat with only what is needed kept (no element trees, no openpyxl
object model), so memory stays bounded whatever the file holds; sizes are checked from the zip
directory before anything is unpacked. Where it cannot make sense of a workbook it raises
``_FastPathFailed`` and ``read_table`` tries openpyxl (``sources._OpenpyxlSource``).
"""

from __future__ import annotations

import datetime as _dt
import logging
import posixpath
import pyexpat
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .. import fileio
from ..errors import UserError
from ..i18n import tr
from . import limits
from .limits import _damaged, _FastPathFailed, _n, _open_error, _over_limit, _too_many_cells
from .sources import _CHUNK, _KNOWN_TEXTS, _MEMBER_ERRORS, _scan_merges, _Sheet, _Sources
from .values import _RANGE_RE, EXCEL_EPOCH, _col_index, _col_letter, _ExcelError, _Uncalculated

log = logging.getLogger(__name__)


_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Chinese, Japanese and Korean Excel show dates with these built-in formats; openpyxl does not list them
_CJK_DATE_FORMAT_IDS = set(range(27, 37)) | set(range(50, 59))


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
        if entries > limits.MAX_ZIP_ENTRIES:
            raise _over_limit(self.path, tr("it holds {count} parts; a workbook has far fewer (at most {max} are "
                                            "accepted)").format(count=_n(entries), max=_n(limits.MAX_ZIP_ENTRIES)))

    def _check_sizes(self, infos) -> None:
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):  # pictures and the like are never unpacked
                self._check_part(info.filename, limits.MAX_SHEET_BYTES)

    def _too_big(self, part: str, size: int, limit: int) -> UserError:
        return _over_limit(self.path, tr("the part {part} unpacks to {size}; at most {max} are read").format(
            part=part, size=fileio.describe_size(size), max=fileio.describe_size(limit)))

    # -- reading a part --------------------------------------------------------------------------------------

    def _check_part(self, part: str, limit: int) -> None:
        info = self.zip.getinfo(part)
        size, packed = info.file_size, info.compress_size
        if size > limit:
            raise self._too_big(part, size, limit)
        if size > (1 << 20) and size > limits.MAX_PACKING_RATIO * max(packed, 1):
            raise _over_limit(self.path, tr(
                "the part {part} unpacks from {packed} to {size}, {ratio} times its size; a spreadsheet is never "
                "packed more than {max} times").format(
                part=part, packed=fileio.describe_size(packed), size=fileio.describe_size(size),
                ratio=_n(size // max(packed, 1)), max=limits.MAX_PACKING_RATIO))
        if info.flag_bits & 0x1:
            raise _damaged(self.path, tr("the part {part} is encrypted").format(part=part))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(self.path, tr("the part {part} is packed in a way Excel does not use").format(part=part))

    def _corrupted(self, part: str) -> UserError:
        return _damaged(self.path, tr("the part {part} is corrupted: its packed data or checksum is wrong").format(
            part=part))

    def _parse(self, part: str, start, end=None, chars=None, namespaces: bool = False,
               limit: int = limits.MAX_PART_BYTES, stop: Callable[[], bool] | None = None) -> Iterator[None]:
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
                   limit: int = limits.MAX_PART_BYTES) -> None:
        for _ in self._parse(part, start, end, chars, namespaces, limit):
            pass

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """id -> (type, target) of a relationships part (empty when there is none)."""
        rels: dict[str, tuple[str, str]] = {}
        part = self._part("", part)
        if not part:
            return rels

        def start(name, attrs):
            if _local(name) == "Relationship" and len(rels) < limits.MAX_ZIP_ENTRIES:
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
            if local == "sheet" and len(sheets) < limits.MAX_ZIP_ENTRIES:
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
                if declared.isdigit() and int(declared) > limits.MAX_SHARED_STRINGS:
                    raise _over_limit(path, tr("it declares {count} distinct texts (shared strings); at most {max} "
                                               "are read").format(count=_n(int(declared)),
                                                                  max=_n(limits.MAX_SHARED_STRINGS)))

        def end(name):
            if ":" in name:
                name = name[name.rindex(":") + 1:]
            if name == "si":
                text = "".join(pieces)
                strings.append(_unescape(text) if "_x" in text else text)
                if len(strings) > limits.MAX_SHARED_STRINGS:
                    raise _over_limit(path, tr("it holds more than {max} distinct texts (shared strings)").format(
                        max=_n(limits.MAX_SHARED_STRINGS)))
            elif name == "t":
                state["t"] = False
            elif name == "rPh":
                state["phonetic"] = False

        def chars(data):
            if state["t"]:
                pieces.append(data)
                state["chars"] += len(data)
                if state["chars"] > limits.MAX_CELL_CHARS:
                    raise _over_limit(path, tr("text number {index} of its shared texts has more than {max} "
                                               "characters; "
                                               "Excel allows at most {max} in a cell").format(
                        index=_n(len(strings) + 1), max=_n(limits.MAX_CELL_CHARS)))

        self._parse_all(part, start, end, chars, limit=limits.MAX_SHARED_STRINGS_BYTES)
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
        finished: list[tuple[int, dict[int, Any], set[int]]] = []
        start, end, chars, data_done = self._sheet_handlers(ws, finished)
        parse = self._parse(ws.part, start, end, chars, limit=limits.MAX_SHEET_BYTES,
                            stop=lambda: limit is None and data_done())
        try:
            yield from _with_blank_rows(parse, finished, limit)
        finally:
            parse.close()

    def _sheet_handlers(self, ws: _Sheet, finished: list) -> tuple[Callable, Callable, Callable, Callable[[], bool]]:
        """expat's start, end and text handlers for a worksheet, and ``data_done()``. Each finished row
        is appended to ``finished`` as (row number, {0-based column: value}, formula columns).

        One state machine in closures: the handlers run once per element of a sheet of up to millions,
        and closure variables are the fastest state Python has; the rare branches are methods."""
        path = self.path
        columns = _REF_COLUMNS
        max_cells, max_chars, max_columns = limits.MAX_CELLS, limits.MAX_CELL_CHARS, limits.EXCEL_MAX_COLUMNS
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
                    column = columns.get(letters, 0) or _ref_column(path, letters, ref)
                else:
                    column += 1
                    if column > max_columns:
                        raise _damaged(path, tr("row {row} has cells beyond Excel's last column, "
                                                "XFD").format(row=row_no))
                kind = attrs.get("t", "n")
                style = attrs.get("s")
                pieces.clear()
                n_chars = 0
                has_formula = has_value = False
                n_cells += 1
                if n_cells > max_cells:
                    raise _too_many_cells(path)
            elif name == "v":
                take = has_value = True
            elif name == "row":
                row_no = self._row_number(attrs.get("r"), previous)
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
                if n_chars > max_chars:
                    raise _over_limit(path, tr("cell {cell} holds more than {max} characters; Excel allows at most "
                                               "{max} in a cell").format(cell=self._cell_ref(ref, column, row_no),
                                                                         max=_n(max_chars)))
            elif in_formula and len(formula) < 64:
                formula.append(data)

        return start, end, chars, lambda: data_done

    def _row_number(self, number: str | None, previous: int) -> int:
        """A row's number (the one after ``previous`` when not written); damaged when it is not a row of
        Excel's sheet or comes out of order."""
        if number is None:
            row_no = previous + 1
        else:
            try:
                row_no = int(number)
            except ValueError:
                raise _damaged(self.path, tr("a row is numbered “{row}”").format(row=number[:40])) from None
        if row_no > limits.EXCEL_MAX_ROWS or row_no < 1:
            raise _damaged(self.path, tr("it has a row numbered {row}, beyond Excel's last row, {max}").format(
                row=_n(row_no), max=_n(limits.EXCEL_MAX_ROWS)))
        if row_no <= previous:
            raise _damaged(self.path, tr("its rows are out of order: row {row} comes after row {previous}").format(
                row=_n(row_no), previous=_n(previous)))
        return row_no

    def _dimension(self, ws: _Sheet, ref: str) -> None:
        m = _RANGE_RE.fullmatch(ref.replace("$", ""))
        if not m:
            return
        last_letters, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
        rows, cols = int(last_row), _col_index(last_letters)
        if rows > limits.EXCEL_MAX_ROWS or cols > limits.EXCEL_MAX_COLUMNS or int(m.group(2)) > limits.EXCEL_MAX_ROWS:
            raise _damaged(self.path, tr("its sheet declares the range {range}, beyond Excel's last row ({rows}) or "
                                         "column (XFD)").format(range=ref[:40], rows=_n(limits.EXCEL_MAX_ROWS)))
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


_REF_COLUMNS: dict[str, int] = {}


def _ref_column(path: Path, letters: str, ref: str) -> int:
    """The column (1-based) of a cell reference's letters; remembered."""
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()):
        raise _damaged(path, tr("a cell is named “{ref}”, which is not a cell reference").format(ref=ref[:40]))
    column = _col_index(letters)
    if column > limits.EXCEL_MAX_COLUMNS:
        raise _damaged(path, tr("cell {cell} is beyond Excel's last column, XFD").format(cell=ref[:40]))
    _REF_COLUMNS[letters] = column
    return column


def _with_blank_rows(parse: Iterator[None], finished: list, limit: int | None
                     ) -> Iterator[tuple[int, dict[int, Any], set[int]]]:
    """The rows the parser finishes, chunk by chunk, in order up to ``limit``; rows absent from the file
    come as blank rows between them."""
    last = 0
    empty: set[int] = set()
    for _ in parse:
        for number, row_cells, row_formulas in finished:
            for missing in range(last + 1, number):
                if limit is not None and missing > limit:
                    return
                yield missing, {}, empty
            if limit is not None and number > limit:
                return
            yield number, row_cells, row_formulas
            last = number
        finished.clear()
