"""Amounts in words as Chinese finance writes them (人民币大写), e.g. 12,300.00 -> 壹万贰仟叁佰元整.

The rules (as on a cheque or a 报销单): digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a group of four,
万 and 亿 between groups; one 零 stands for any run of zeros inside the number (not at the end of a
group before 万/亿 unless a non-zero digit follows); 元 after the integer part, then 角 and 分;
整 when there are no 分 (also after 角); no 元 for an amount below one 元 (伍角、叁分).
A few lines of our own: no library on PyPI does only this without pulling in others.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")


def _group(n: int) -> str:
    """0 < n < 10000 in words, with inner zeros as one 零 (no leading 零)."""
    out = []
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10 ** pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + SMALL_UNITS[pos])
    return "".join(out)


def _integer(n: int) -> str:
    if n == 0:
        return ""
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(BIG_UNITS):
        raise ValueError("amount too large")
    out = []
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out.append("零")
        out.append(_group(g) + BIG_UNITS[i])
        need_zero = False
    return "".join(out)


def rmb_upper(amount) -> str:
    """``amount`` (Decimal, int, float or text) in 人民币大写; negative amounts get 负. Raises ValueError."""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    sign = "负" if value < 0 else ""
    value = abs(value)
    cents = int(value * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"
    head = _integer(yuan)
    text = head + "元" if head else ""
    if jiao == 0 and fen == 0:
        return sign + text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif head:
        text += "零"  # 壹佰元零伍分
    if fen:
        text += DIGITS[fen] + "分"
    else:
        text += "整"
    return sign + text
