"""One cell's value as a person reads it: text folding and the typed parsers of ``ColumnSpec.kind``.

Each parser returns the value or raises ``_CellError`` (a ``UserError`` with a translated message);
``read_table`` turns that into a ``RowError``. Money and counts are read by ``core/money.py``, the
parser every form and service uses, so an import accepts and refuses the same spellings as a form.
Also here: the values of cells that are no value (a formula never calculated, an Excel error) and
cell references (column letters).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .. import money
from ..errors import UserError
from ..i18n import join_list, tr

if TYPE_CHECKING:
    from .table import ColumnSpec


KINDS = ("text", "int", "decimal", "money", "date", "bool", "choice")
# extra kinds understood by the writer only
WRITE_KINDS = KINDS + ("datetime",)


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


_TOO_LARGE = Decimal(10) ** 15  # beyond the 15 digits Excel keeps: no date, no serial number
# a form's limits (core.money), either sign: an import reads any sign and its min_value decides
_LEAST_MONEY, _MOST_MONEY = -money.MAX_MONEY, money.MAX_MONEY
_LEAST_QUANTITY, _MOST_QUANTITY = -money.MAX_QUANTITY, money.MAX_QUANTITY


def _check_range(number: Any, spec: ColumnSpec | None) -> None:
    if spec is None:
        return
    if spec.min_value is not None and number < spec.min_value:
        raise _CellError(tr("Must be at least {min}.").format(min=spec.min_value))
    if spec.max_value is not None and number > spec.max_value:
        raise _CellError(tr("Must be at most {max}.").format(max=spec.max_value))


def _within_maximum(number: Decimal) -> Decimal:
    """A count or measure no larger than a form takes (``money.MAX_QUANTITY``, the same message)."""
    if _LEAST_QUANTITY <= number <= _MOST_QUANTITY:
        return number
    raise _CellError(tr("The number is too large."))


def parse_int(value: Any, spec: ColumnSpec | None = None) -> int:
    """A whole number read as a form reads a quantity (``money.to_quantity``): ``12``, ``"1,200"``,
    ``"12.0"``, ``"１２"``, ``"12台"`` (a Chinese measure word or one of ``spec.units``)."""
    number = money.to_quantity(value, spec.units if spec is not None else ())
    if number is None or number != number.to_integral_value():
        raise _CellError(tr("Not a whole number."))
    result = int(_within_maximum(number))
    _check_range(result, spec)
    return result


def parse_decimal(value: Any, spec: ColumnSpec | None = None) -> Decimal:
    """An exact number read as a form reads a measure (``money.to_quantity``); a trailing unit only when
    ``spec.units`` lists it (a weight in another unit would be misread), never a measure word."""
    number = money.to_quantity(value, spec.units if spec is not None else (), measure_words=False)
    if number is None:
        raise _CellError(tr("Not a number."))
    _check_range(_within_maximum(number), spec)
    return number


def parse_money(value: Any, spec: ColumnSpec | None = None) -> Decimal:
    """An amount in yuan with two places, read as a form reads it (``money.to_decimal``, the reading
    of ``money.parse_money``): ``3500元``, ``￥3,500.00``, ``1.2万``, ``RMB 35``, never ``NaN`` or
    ``1e3``; rounded half-up to the fen and held to the form's maximum (``money.MAX_MONEY``) as
    ``money.parse_money`` does. Any sign is read (``spec.min_value`` says what is allowed). Unlike a
    form, a typed amount with non-zero digits beyond the fen is an error (in a file it is more likely a
    typo); a computed cell is rounded."""
    number = money.to_decimal(value)
    if number is None:
        raise _CellError(tr("Not an amount of money."))
    try:
        amount = number.quantize(money.CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than Decimal holds: far beyond the maximum
        raise _CellError(tr("The amount is too large.")) from None
    if not _LEAST_MONEY <= amount <= _MOST_MONEY:
        raise _CellError(tr("The amount is too large."))
    if isinstance(value, str) and amount != number:
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
    shown = join_list(labels[:12]) + ("…" if len(labels) > 12 else "")
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
# Cell references
# ---------------------------------------------------------------------------


def _col_index(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_RANGE_RE = re.compile(r"([A-Z]{1,3})([0-9]{1,10})(?::([A-Z]{1,3})([0-9]{1,10}))?")


def _col_letter(col0: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col0 + 1)
