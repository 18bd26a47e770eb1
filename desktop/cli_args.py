"""Article ids and counts as the commands read them: whole numbers SQLite's 64-bit integers can hold,
checked once here so that no command passes the library a number it would overflow on."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from desktop.core.errors import PrecisError

MAX_INT = 2**63 - 1  # SQLite's integers are 64-bit: a larger id or limit cannot be asked for


def _whole(value: str) -> int | None:
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 0 <= number <= MAX_INT else None


def _not_an_id(value: str) -> str:
    return f"{value!r} is not an article id (see `precis library list`)"


def article_ids(values: Sequence[str]) -> list[int]:
    """Ids given as words (ID...); a word that is not one is a PrecisError (one error line)."""
    ids = []
    for value in values:
        number = _whole(value)
        if number is None:
            raise PrecisError(_not_an_id(value))
        ids.append(number)
    return ids


def id_arg(value: str) -> int:
    """argparse type of an article id (a usage error line when it is not one)."""
    number = _whole(value)
    if number is None:
        raise argparse.ArgumentTypeError(_not_an_id(value))
    return number


def count_arg(value: str) -> int:
    """argparse type of --limit: a whole number from 0 up to SQLite's largest integer."""
    number = _whole(value)
    if number is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a count from 0 to {MAX_INT}")
    return number
