"""``read_table``: which source reads the file, which sheet and header row, then the rows.

See the package docstring for what is read and how.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import fileio
from ..errors import UserError
from ..i18n import join_list, tr
from ..tasks import Cancelled
from . import limits
from .limits import _damaged, _FastPathFailed, _n, _over_limit
from .sources import _OLE_MAGIC, _CsvSource, _OpenpyxlSource, _XlsSource
from .table import ColumnSpec, ReadResult, RowData, RowError, _Fields
from .values import (
    _as_text,
    _CellError,
    _col_letter,
    _ExcelError,
    _is_blank,
    _parse_present,
    _Uncalculated,
    fold,
    fold_header,
)
from .xlsx import _XlsxSource

log = logging.getLogger(__name__)


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
    """Read a register kept in Excel or CSV. See the package docstring (core/excel/__init__.py).

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
    fh = fileio.open_for_reading(path, limits.MAX_FILE_BYTES)  # folders, pipes and devices: refused unread
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
    """Read one source: find the sheet and its header row, say what the header holds, then read the rows."""
    result = ReadResult(specs=dict(specs))
    if isinstance(source, _CsvSource):
        result.encoding, result.delimiter = source.encoding, source.delimiter
    header = _find_header(source, path, columns, aliases, sheet)
    if header is None:
        result.file_errors.append(_no_header_error(columns))
        return result
    _describe_header(result, header, columns)
    _read_rows(source, path, result, header, specs, progress, cancel)
    return result


# -- 1. which sheet, which header row --------------------------------------------------------------------


@dataclass
class _Header:
    """The header found: its sheet, its row (and the last row when written on two), its cells, and the
    file column of each key."""

    ws: Any
    row: int
    last_row: int
    values: list[Any]
    mapping: dict[str, int]  # key -> 0-based column
    serial_cols: set[int] = field(default_factory=set)  # 序号 columns no key reads


def _find_header(source, path: Path, columns: Sequence[ColumnSpec], aliases: dict[str, str],
                 sheet: str | int | None) -> _Header | None:
    """The row of the first 30 matching the most column names, on the sheet asked for or on the sheet
    with the best such row; None when no row names at least two columns (one when only one is asked)."""
    candidates = _candidate_sheets(source, path, sheet)
    best: tuple[int, int, int, list[Any]] | None = None  # score, sheet, row, values
    scanned: list[dict[int, list[Any]]] = []
    for n, ws in enumerate(candidates):
        seen: dict[int, list[Any]] = {}
        scanned.append(seen)
        for idx, cells, _f in source.rows(ws, limit=limits.HEADER_SCAN_ROWS):
            values = seen[idx] = _dense(cells)
            score = len(_map_header(values, aliases))
            if score and (best is None or score > best[0]):
                best = (score, n, idx, values)
    if best is None or best[0] < min(2, len(columns)):
        return None
    _score, sheet_no, row, values = best
    values, last_row = _two_row_header(row, values, scanned[sheet_no], aliases)
    mapping = _map_header(values, aliases)
    mapped_cols = set(mapping.values())
    serial_cols = {col for col, v in enumerate(values)
                   if isinstance(v, str) and fold_header(v) in _SERIAL_HEADERS and col not in mapped_cols}
    return _Header(candidates[sheet_no], row, last_row, values, mapping, serial_cols)


def _candidate_sheets(source, path: Path, sheet: str | int | None) -> list[Any]:
    """The sheet asked for (by name or position), else every sheet, visible ones first."""
    if sheet is None or isinstance(source, _CsvSource):
        return source.sheets()
    try:
        return [source.find_sheet(sheet)]
    except KeyError:
        raise UserError(
            tr("{name} has no sheet “{sheet}”. Its sheets: {sheets}.").format(
                name=path.name, sheet=sheet, sheets=join_list(source.sheetnames)
            )
        ) from None


def _no_header_error(columns: Sequence[ColumnSpec]) -> RowError:
    names = join_list(c.header for c in columns[:8])
    return RowError(0, "", "", tr("No header row found in the first {n} rows. The file needs a row of column names "
                                  "such as: {names}.").format(n=limits.HEADER_SCAN_ROWS, names=names))


def _describe_header(result: ReadResult, header: _Header, columns: Sequence[ColumnSpec]) -> None:
    """What the result says about the header: sheet, row, each key's header text, the columns ignored
    and the required columns missing (one file error)."""
    values, mapping = header.values, header.mapping
    result.sheet = getattr(header.ws, "title", None)
    result.header_row = header.row
    result.headers = {key: str(values[col]).strip() for key, col in mapping.items()}
    mapped_cols = set(mapping.values())
    result.extra_columns = [str(v).strip() for col, v in enumerate(values)
                            if not _is_blank(v) and col not in mapped_cols and col not in header.serial_cols]
    missing = [c for c in columns if c.required and c.key not in mapping]
    if missing:
        result.missing_columns = [c.key for c in missing]
        found = join_list(str(v).strip() for v in values if not _is_blank(v)) or "—"
        result.file_errors.append(RowError(header.row, "", "", tr(
            "Required columns are missing: {missing}. Columns found in the file: {found}.").format(
            missing=join_list(c.header for c in missing), found=found)))


# -- 2. the rows ---------------------------------------------------------------------------------------------


def _read_rows(source, path: Path, result: ReadResult, header: _Header, specs: Mapping[str, ColumnSpec],
               progress, cancel) -> None:
    """Every row below the header: skipped (blank, totals, notes, the header again) or parsed into a
    ``RowData``; progress and cancel every ``PROGRESS_EVERY`` rows."""
    rows = _RowReader(result, header, specs, source.epoch)
    fills = _MergedFills(source.merges(header.ws), header.last_row)
    total = source.total_rows(header.ws)
    last_header_row, every, max_rows = header.last_row, limits.PROGRESS_EVERY, limits.MAX_DATA_ROWS
    merged, active_fill = bool(fills.starts), fills.active
    skip_reason, parse, found = rows.skip_reason, rows.parse, result.rows
    done = 0
    for idx, cells, formulas in source.rows(header.ws):
        done += 1
        if done % every == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(idx, max(total, idx))
        if idx <= last_header_row:
            continue
        if merged:
            fills.advance(idx, cells)
        reason = skip_reason(cells, formulas)
        if reason is not None:
            rows.skip(idx, reason)
            continue
        if len(found) >= max_rows:
            raise _over_limit(path, tr("it has more than {max} rows of data; import at most {max} rows at a time "
                                       "(split the file)").format(max=_n(max_rows)))
        found.append(parse(idx, cells, active_fill))
    if progress is not None:
        progress(max(total, done), max(total, done))


class _MergedFills:
    """Regions merged down several data rows: a region's value is the value of each of its rows (for
    text, dates, choices); ``active`` maps a column to (value, last row, range) while a region lasts."""

    def __init__(self, merges: Sequence[tuple[int, int, int, int]], last_header_row: int):
        self.starts: dict[tuple[int, int], tuple[int, str]] = {}  # (first row, column) -> (last row, range)
        for c1, r1, c2, r2 in merges:
            if r2 > r1 and r1 > last_header_row:
                self.starts[(r1, c1)] = (r2, f"{_col_letter(c1)}{r1}:{_col_letter(c2)}{r2}")
        self.active: dict[int, tuple[Any, int, str]] = {}

    def advance(self, idx: int, cells: Mapping[int, Any]) -> None:
        """Row ``idx``: drop the regions that ended above it, pick up those that start on it."""
        active = self.active
        if active:
            for col in [c for c, (_v, last, _r) in active.items() if last < idx]:
                del active[col]
        starts = self.starts
        for col, v in cells.items():
            start = starts.get((idx, col))
            if start is not None and not _is_blank(v):
                active[col] = (v, start[0], start[1])


class _RowReader:
    """Tells a row to skip from a data row, and parses a data row, for one header."""

    def __init__(self, result: ReadResult, header: _Header, specs: Mapping[str, ColumnSpec], epoch):
        self.result = result
        self.header_values = header.values
        self.serial_cols = header.serial_cols
        self.mapped_cols = set(header.mapping.values())
        self.header_folded = {col: fold_header(header.values[col]) for col in self.mapped_cols}
        self.first_mapped = min(self.mapped_cols)
        self.index = {key: i for i, key in enumerate(specs)}
        self.ordered = [(col, specs[key], self.index[key], result.headers[key])
                        for key, col in sorted(header.mapping.items(), key=lambda kv: kv[1])]
        self.epoch = epoch
        self.listed = len(result.skipped)
        self.blank_reason, self.total_reason = tr("blank row"), tr("totals row")
        self.footer_reason, self.header_reason = tr("signature or note line"), tr("header repeated")
        self.serial_reason = tr("nothing but a serial number")
        self.required_message = tr("Required; this cell is empty.")
        self.merged_message = tr(
            "This cell is part of the merged cells {range} over several rows; a number cannot be "
            "shared between rows. Unmerge the cells and write the number in each row."
        )

    def skip(self, idx: int, reason: str) -> None:
        """List a skipped row (at most ``MAX_LISTED_SKIPS``; the rest are skipped unlisted)."""
        if self.listed < limits.MAX_LISTED_SKIPS:
            self.result.skipped.append((idx, reason))
            self.listed += 1

    def skip_reason(self, cells: dict[int, Any], formulas: set[int]) -> str | None:
        """Why a row is no data (blank, totals, a signature line, only a 序号, the header again), or None."""
        nonblank = [col for col, v in cells.items() if v.__class__ is not str or v.strip()]
        if not nonblank:
            return self.blank_reason
        nonblank.sort()
        firsts = [cells[col] for col in nonblank[:3]]
        if any(isinstance(v, str) and _TOTAL_RE.match(fold(v)) for v in firsts):
            return self.total_reason
        first = firsts[0]
        if isinstance(first, str) and _FOOTER_RE.match(fold(first)):
            return self.footer_reason
        serial_cols = self.serial_cols
        if all(col in serial_cols or col in formulas for col in nonblank):
            return self.serial_reason
        if self._repeats_header(cells):
            return self.header_reason
        return None

    def _repeats_header(self, cells: dict[int, Any]) -> bool:
        """The header row again (printed registers repeat it on every page): most mapped cells equal to
        the header's, as stored or as folded."""
        get, mapped_cols, header_values = cells.get, self.mapped_cols, self.header_values
        n = len(mapped_cols)
        if sum(1 for col in mapped_cols if get(col) == header_values[col]) * 2 > n:
            return True
        folded, first = self.header_folded, self.first_mapped
        return (isinstance(get(first), str) and fold_header(cells[first]) == folded[first]
                and sum(1 for col in mapped_cols
                        if isinstance(get(col), str) and fold_header(cells[col]) == folded[col]) * 2 > n)

    def parse(self, idx: int, cells: dict[int, Any], active_fill: dict[int, tuple[Any, int, str]]) -> RowData:
        """A data row: each mapped cell parsed for its column, a bad cell a ``RowError`` of the row."""
        index = self.index
        parsed: list[Any] = [None] * len(index)
        raw: list[Any] = [None] * len(index)
        row = RowData(idx, _Fields(index, parsed), _Fields(index, raw))
        get, epoch = cells.get, self.epoch
        for col, spec, i, header in self.ordered:
            value = get(col)
            if value is None or (value.__class__ is str and not value.strip()):
                if active_fill and col in active_fill:
                    value, _last, merged_ref = active_fill[col]
                    raw[i] = value
                    if spec.kind in ("int", "decimal", "money"):
                        row.errors.append(RowError(idx, header, "", self.merged_message.format(range=merged_ref)))
                        continue
                else:
                    raw[i] = value
                    if spec.required:
                        row.errors.append(RowError(idx, header, "", self.required_message))
                    continue
            raw[i] = value
            try:
                parsed[i] = _parse_present(value, spec, epoch)
            except _CellError as exc:
                if isinstance(value, (_Uncalculated, _ExcelError)):
                    raw[i] = _as_text(value)
                row.errors.append(RowError(idx, header, _as_text(value), str(exc)))
        return row
