"""Sentences built from data, in one place, so each reads correctly for 0, 1 and many.

Every page of the careers service that puts a number or a list into a sentence uses these, and each has
a unit test for none, one and many (tests/unit/careers/test_wording.py).
"""

from __future__ import annotations

from collections.abc import Sequence


def count_of(n: int, singular: str, plural: str | None = None) -> str:
    """``count_of(0, "job")`` is "0 jobs", ``count_of(1, "job")`` "1 job", ``count_of(2_500, "job")`` "2,500 jobs"."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n:,} {word}"


def miles(distance: float) -> str:
    """A distance someone chose: "1 mile", "0.5 miles", "10 miles"."""
    text = f"{distance:g}"
    return f"{text} mile" if text == "1" else f"{text} miles"


def within(distance: float) -> str:
    """``within 1 mile``, ``within 10 miles``."""
    return f"within {miles(distance)}"


def joined(items: Sequence[str], conjunction: str = "and") -> str:
    """A list in a sentence: "" for none, "a" for one, "a and b" for two, "a, b and c" for more."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def minutes(n: int) -> str:
    """``1 minute``, ``25 minutes``; an hour or more as ``1 hour 5 minutes``, ``2 hours``."""
    if n < 60:
        return count_of(n, "minute")
    hours, rest = divmod(n, 60)
    return count_of(hours, "hour") + (f" {count_of(rest, 'minute')}" if rest else "")
