"""Money and quantities as a person types them or a file holds them, read one way everywhere.

``parse_money`` accepts what a clerk writes: ``3500``, ``"3,500.00"``, ``"3500元"``, ``"￥3,500"``,
``"RMB 3500"``, ``"1.2万"`` and full-width digits (``"３５００"``); it refuses NaN, Infinity, words
and (unless asked) negative amounts with a translated message, never ``InvalidOperation``.
``parse_quantity`` does the same for counts and measures (``"3"``, ``"3台"``, ``"12.5"``).
``to_decimal`` is the lenient reading for display and previews: None for anything that is not a
finite number; ``to_quantity`` the same for counts and measures. The spreadsheet imports
(``core/excel/values.py``) read with these two, so a file and a form accept the same spellings.
``CENT`` is the one quantum of money; ``cents`` rounds a computed amount to it.

No Qt here: services, imports and views all call these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .errors import UserError
from .i18n import tr

CENT = Decimal("0.01")
ZERO = Decimal(0)
#: above any sum a school's books hold (and within Excel's 15 significant digits)
MAX_MONEY = Decimal("999999999999.99")
MAX_QUANTITY = Decimal("999999999999")

_CURRENCY_PREFIX_RE = re.compile(r"^(?:¥|RMB|CNY|人民币)\s*", re.IGNORECASE)
_CURRENCY_SUFFIXES = ("元整", "元", "圆", "块")
_NUMBER_RE = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$")
_UNIT_RE = re.compile(r"^(.*?\d)\s*([^\d\s.,+-][^\d]{0,5})$")
_MEASURE_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{1,2}$")
_REQUIRED = object()


class NumberError(UserError):
    """A value that is not the amount or quantity asked for; ``message`` is translated."""


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(text: str) -> Decimal | None:
    """``"3,500.00"`` -> Decimal; None unless the text is a plain number (no NaN, no exponent)."""
    m = _NUMBER_RE.match(text)
    if not m:
        return None
    if m.group(2) is not None:
        sign, whole, frac = m.group(1), m.group(2).replace(",", ""), m.group(3) or ""
    else:
        sign, whole, frac = m.group(4), "0", m.group(5)
    if len(whole.lstrip("0")) > 15:
        return None
    return Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")


def _number(value: Any) -> Decimal | None:
    """A number object as a finite Decimal; None when it is not one (or not finite)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


def _money_text(value: Any) -> Decimal | None:
    if isinstance(value, (bool, int, float, Decimal)):
        return _number(value)
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()  # full-width digits, ￥ and ， become ASCII
    text = _CURRENCY_PREFIX_RE.sub("", text)
    for suffix in _CURRENCY_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
            break
    scale = Decimal(1)
    if text.endswith("万"):
        text, scale = text[:-1].rstrip(), Decimal(10000)
    text = text.strip("¥ ")
    number = _plain(text)
    return None if number is None else number * scale


def _quantity_text(value: Any, units: Sequence[str], measure_words: bool = True) -> Decimal | None:
    if isinstance(value, (bool, int, float, Decimal)):
        return _number(value)
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    m = _UNIT_RE.match(text)
    if m:
        text, unit = m.group(1).strip(), m.group(2).strip()
        measure_word = (measure_words and _MEASURE_WORD_RE.match(unit)
                        and not any(ch in unit for ch in "半多余几约"))
        if not (measure_word or unit.casefold() in {u.casefold() for u in units}):
            return None
    return _plain(text)


def to_decimal(value: Any) -> Decimal | None:
    """The lenient reading (previews, display): a finite Decimal, or None when blank or not an amount."""
    if _blank(value):
        return None
    return _money_text(value)


def to_quantity(value: Any, units: Sequence[str] = (), measure_words: bool = True) -> Decimal | None:
    """The exact reading of a count or measure, as ``parse_quantity`` reads it (``"3台"``, ``"12.5"``,
    ``"１２"``): a finite Decimal, or None when blank or not one. A trailing unit is allowed when it is
    one of ``units`` or (unless ``measure_words`` is false) a Chinese measure word. The imports read
    numbers with it and apply their own checks (whole, range)."""
    if _blank(value):
        return None
    return _quantity_text(value, units, measure_words)


def cents(value: Any) -> Decimal:
    """A computed amount rounded to the fen (half up); blank or not a number counts as 0."""
    return (to_decimal(value) or ZERO).quantize(CENT, rounding=ROUND_HALF_UP)


def parse_money(value: Any, *, default: Any = _REQUIRED, negative: bool = False,
                maximum: Decimal = MAX_MONEY, message: str | None = None) -> Decimal:
    """An amount of money in yuan, rounded to the fen; NumberError (translated) when it is not one.

    Blank gives ``default`` (or the error when there is none). ``message`` replaces the message for
    a missing, unreadable or negative amount, so a form can say what its field wants.
    """
    if _blank(value):
        if default is _REQUIRED:
            raise NumberError(message or tr("Enter an amount of money, e.g. 3500.00."))
        return default
    number = _money_text(value)
    if number is None:
        raise NumberError(message or tr("Enter an amount of money, e.g. 3500.00."))
    if number < 0 and not negative:
        raise NumberError(message or tr("Enter an amount of money of 0 or more, e.g. 3500.00."))
    try:
        amount = number.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: far beyond any maximum
        raise NumberError(tr("The amount is too large.")) from None
    if abs(amount) > maximum:
        raise NumberError(tr("The amount is too large."))
    return amount


def parse_quantity(value: Any, *, default: Any = _REQUIRED, whole: bool = False, minimum: Decimal | int | None = 0,
                   maximum: Decimal | int = MAX_QUANTITY, units: tuple[str, ...] = (),
                   message: str | None = None) -> Decimal | int:
    """A count or measure (``3``, ``"3台"``, ``"12.5"``); an int when ``whole``; NumberError otherwise.

    A trailing Chinese measure word (台、件、套…) or one of ``units`` is allowed. ``minimum=None``
    allows any sign (a temperature). ``message`` replaces the message for a missing, unreadable or
    too small quantity.
    """
    if _blank(value):
        if default is _REQUIRED:
            raise NumberError(message or (tr("Enter a whole number.") if whole else tr("Enter a number, e.g. 12.5.")))
        return default
    number = _quantity_text(value, units)
    if number is None or (whole and number != number.to_integral_value()):
        raise NumberError(message or (tr("Enter a whole number.") if whole else tr("Enter a number, e.g. 12.5.")))
    if minimum is not None and number < minimum:
        raise NumberError(message or tr("Must be at least {min}.").format(min=minimum))
    if abs(number) > maximum:
        raise NumberError(tr("The number is too large."))
    return int(number) if whole else number
