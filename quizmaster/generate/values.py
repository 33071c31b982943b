"""Values an examiner asks for (ordinals, numbers, dates) and nearby wrong values for them."""

from __future__ import annotations

import random
from collections.abc import Callable

from quizmaster import word_lists
from quizmaster.generate.text import (
    DAY_MONTH_YEAR_RE,
    FRACTION_RE,
    FRACTIONS,
    MONTH_INDEX,
    MONTH_YEAR_RE,
    NUMBER_IN_TEXT,
    NUMBER_WORDS,
    ORDINAL_RE,
    ORDINAL_WORDS,
    RATE_RE,
    YEAR_RE,
    norm,
)


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def parse_ordinal(text: str) -> int | None:
    t = text.strip()
    match = ORDINAL_RE.match(t)
    if match:
        return int(match.group(1))
    lower = t.lower()
    return ORDINAL_WORDS.index(lower) if lower in ORDINAL_WORDS[1:] else None


def _number_value(token: str) -> float | None:
    lower = token.lower()
    if lower in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(lower))
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def numeric_key(text: str) -> tuple[float, ...] | None:
    """A sort key for answers that are values (17th, 1,200, November 2025), else None."""
    t = text.strip()
    n = parse_ordinal(t)
    if n is not None:
        return (float(n),)
    match = DAY_MONTH_YEAR_RE.match(t)
    if match:
        return (
            float(match.group(3)),
            float(MONTH_INDEX[match.group(2).lower()]),
            float(match.group(1)),
        )
    match = MONTH_YEAR_RE.match(t)
    if match:
        return (float(match.group(2)), float(MONTH_INDEX[match.group(1).lower()]))
    if t.lower() in MONTH_INDEX:
        return (float(MONTH_INDEX[t.lower()]),)
    numbers = NUMBER_IN_TEXT.findall(t)
    if len(numbers) == 1:
        value = _number_value(numbers[0])
        if value is not None:
            return (value,)
    return None


def _format_like(value: int, token: str) -> str:
    if token.lower() in NUMBER_WORDS:
        word = NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else str(value)
        return word.capitalize() if token[:1].isupper() else word
    if "," in token:
        return f"{value:,}"
    return str(value)


def _window(n: int, rng: random.Random, low: int = 1) -> list[int]:
    """Three neighbours of n forming, with n, four consecutive values (n not always 2nd)."""
    starts = [s for s in range(n - 3, n + 1) if s >= low]
    start = rng.choice(starts) if starts else n
    return [v for v in range(start, start + 4) if v != n]


def nearby_values(text: str, rng: random.Random) -> list[str]:
    """Same-format wrong values near the answer: 16th/18th for 17th, October 2025 for
    November 2025, two/four decades for three decades, 1,080/1,320 for 1,200."""
    t = text.strip()
    if FRACTION_RE.match(t):
        sep = " " if " " in t else "-"
        return [f.replace("-", sep) for f in FRACTIONS if norm(f) != norm(t)][:4]
    match = ORDINAL_RE.match(t)
    if match:
        n = int(match.group(1))
        return [f"{v}{ordinal_suffix(v)}" for v in _window(n, rng)]
    if t.lower() in ORDINAL_WORDS[1:]:
        n = ORDINAL_WORDS.index(t.lower())
        words = [ORDINAL_WORDS[v] for v in _window(n, rng) if v < len(ORDINAL_WORDS)]
        return [w.capitalize() if t[:1].isupper() else w for w in words]
    match = DAY_MONTH_YEAR_RE.match(t)
    if match:
        day, month, year = int(match.group(1)), match.group(2), match.group(3)
        return [f"{d} {month} {year}" for d in _window(day, rng) if d <= 28] + [
            f"{day} {month} {int(year) - 1}"
        ]
    match = MONTH_YEAR_RE.match(t)
    if match:
        # Four consecutive months, or the same month in four consecutive years, with the
        # answer anywhere among them (sorted options must not always put it third).
        m, year = MONTH_INDEX[match.group(1).lower()], int(match.group(2))
        if rng.random() < 0.5:
            return [f"{word_lists.MONTHS[m]} {y}" for y in _window(year, rng)]
        months = [year * 12 + m + d for d in _window(0, rng, low=-3)]
        return [f"{word_lists.MONTHS[v % 12]} {v // 12}" for v in months]
    if t.lower() in MONTH_INDEX:
        m = MONTH_INDEX[t.lower()]
        return [word_lists.MONTHS[(m + d) % 12] for d in (-1, 1, 2, -2)]
    if YEAR_RE.match(t):
        return [str(v) for v in _window(int(t), rng)]
    numbers = list(NUMBER_IN_TEXT.finditer(t))
    if len(numbers) != 1:
        return []
    token = numbers[0].group(0)
    value = _number_value(token)
    if value is None:
        return []
    head, tail = t[: numbers[0].start()], t[numbers[0].end() :]
    if value != int(value) and RATE_RE.search(tail) and (value * 4).is_integer() and value < 20:
        # A policy rate (6.5%) moves in quarter points: 6.25%, 6.75%, 7%.
        offsets = [k for k in _window(0, rng, low=-3) if k != 0]
        return [head + f"{value + k * 0.25:g}" + tail for k in offsets if value + k * 0.25 > 0]
    if "." in token:
        # 8.2% -> 7.2%, 7.7%, 8.7%, 9.2%: steps of about 5%, at least 5 in the last place;
        # "5.00" keeps its two places. A value under 1 (an HDI of 0.957) stays under 1.
        places = len(token.split(".")[1])
        step = max(5 / 10**places, round(abs(value) * 0.05, places))
        ceiling = 1.0 if value < 1 else float("inf")
        if value <= 100 and RATE_RE.search(tail):
            ceiling = 100.0  # a literacy rate of 91.33% is not offered 105.04%
        decimals = _steps(value, step, rng, lambda d: 0 < d < ceiling, places)
        comma = "," if "," in token else ""
        return [head + f"{d:{comma}.{places}f}" + tail for d in decimals]
    n = int(value)
    if n % 25 == 0 and 25 <= n <= 500 and token.lower() not in NUMBER_WORDS:
        # 25 basis points, 150 seats: a round count's neighbours are round too (not 18, 22).
        values = [int(v) for v in _steps(n, 25, rng, lambda v: v > 0, 0)]
    elif token.lower() in NUMBER_WORDS or n <= 20:
        values = _window(n, rng, low=1 if n > 0 else 0)
    else:
        # A window of four rungs of this ladder, the answer (1) anywhere in it. Close rungs:
        # multiples (x0.5, x2) make the answer the odd one out, or the largest.
        ladder = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3)
        top = 100 if n <= 100 and RATE_RE.search(tail) else None  # a share stays a share
        starts = [k for k in range(4) if top is None or _round_like(n * ladder[k + 3], n) <= top]
        start = rng.choice(starts)
        values = [_round_like(n * f, n) for f in ladder[start : start + 4] if f != 1.0]
    return [head + _format_like(v, token) + tail for v in values if v != n and v >= 0]


def _steps(
    value: float, step: float, rng: random.Random, valid: Callable[[float], bool], places: int
) -> list[float]:
    """Three wrong values ``step`` apart around ``value``, all ``valid``: a window of four
    with the answer anywhere in it, moved up or down where one side runs out (0.957 out of
    a maximum of 1 gets 0.813, 0.861 and 0.909)."""
    starts = [s for s in range(-3, 1) if all(valid(value + k * step) for k in range(s, s + 4))]
    if not starts:
        return []
    start = rng.choice(starts)
    return [round(value + k * step, places) for k in range(start, start + 4) if k != 0]


def _round_like(value: float, like: int) -> int:
    """Round to as many significant figures as ``like`` shows (1,200 -> hundreds)."""
    digits = len(str(like).rstrip("0")) or 1
    scale = 10 ** max(0, len(str(like)) - digits)
    return int(round(value / scale) * scale)
