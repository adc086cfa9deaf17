"""Spreadsheets as people really keep them: reading and writing .xlsx and .csv.

Every module imports and exports through this package; a module only declares its
columns (``modules/<name>/excel.py``) and imports the names below from
``logistics_desk.core.excel``. No Qt here: the GUI runs these functions in a
worker and passes ``progress`` / ``cancel`` callbacks.

The rooms of the package:

* ``table``   -- what a read gives: ``ColumnSpec``, ``ReadResult``, ``RowData``, ``RowError``.
* ``values``  -- one cell's value as a person reads it: text folding and the typed
  parsers (dates, numbers; money and quantities through ``core/money.py``).
* ``limits``  -- the limits of a file we read, and the messages that refuse one.
* ``sources`` -- the workbook sources that are not our own xlsx reader: openpyxl's
  read-only path (the fallback), xlrd for .xls, CSV text; the sheet list they share.
* ``xlsx``    -- our own streaming .xlsx reader.
* ``reading`` -- ``read_table``: which source, which sheet and header row, the rows.
* ``writing`` -- ``write_table``/``write_workbook`` (the fast sheet writer), the
  error report and the import template.

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
* Limits, each named in its message (``MAX_*`` in ``limits``): the file's size; the
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

from ..tasks import Cancelled
from .reading import read_table
from .table import ColumnSpec, ReadResult, RowData, RowError
from .values import (
    KINDS,
    display_width,
    fold,
    fold_header,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_int,
    parse_money,
    parse_value,
)
from .writing import SheetData, WriteColumn, write_error_report, write_table, write_template, write_workbook

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
