"""Counted nouns ("1 deck", "3 days"), worded alike on the dashboard, a session's summary,
``stats`` and ``history``."""

from __future__ import annotations


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _days(n: int) -> str:
    return _count(n, "day")
