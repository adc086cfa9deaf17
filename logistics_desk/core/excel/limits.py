"""The limits of a file we read, and the messages that refuse a file.

A file beyond a limit is refused with the limit named: sizes before a byte of the workbook is
unpacked (from the zip directory), rows, cells and texts while reading, always before anything is
written. The readers look the limits up here when they run (``limits.MAX_CELLS``), so a test may
lower one with ``monkeypatch.setattr(limits, "MAX_CELLS", 100)``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..i18n import tr

HEADER_SCAN_ROWS = 30  # rows searched for the header row
PROGRESS_EVERY = 500  # rows between two calls of progress() (and of cancel())
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
MAX_XLS_BYTES = 32 << 20  # an .xls is read into memory whole (its sheets end at row 65,536 anyway)
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384  # column XFD


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


def _too_many_cells(path: Path) -> UserError:
    return _over_limit(path, tr("its sheet has more than {max} cells").format(max=_n(MAX_CELLS)))


def _open_error(path: Path) -> UserError:
    return UserError(
        tr("{name} cannot be read as a spreadsheet: it is not an .xlsx workbook, or it is damaged.").format(
            name=path.name
        )
    )
