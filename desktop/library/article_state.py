"""The settings of one article as a person leaves them: read or not, where they stopped, when they
last opened it, the summary length and algorithm they chose for it."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from desktop.core.errors import PrecisError
from desktop.library.db import Database
from desktop.library.records import now


def _update(db: Database, entry_id: int, sql: str, args: Sequence) -> None:
    with db.write() as conn:
        cur = conn.execute(sql, [*args, entry_id])
        if cur.rowcount == 0:
            raise PrecisError(f"No article with id {entry_id} in the library.")


def mark_read(db: Database, id: int, read: bool = True) -> None:
    _update(db, int(id), "UPDATE entries SET read = ? WHERE id = ?", (1 if read else 0,))


def set_position(db: Database, id: int, fraction: float) -> None:
    value = float(fraction)
    value = 0.0 if math.isnan(value) else min(1.0, max(0.0, value))
    _update(db, int(id), "UPDATE entries SET position = ? WHERE id = ?", (value,))


def touch_opened(db: Database, id: int) -> None:
    _update(db, int(id), "UPDATE entries SET opened = ? WHERE id = ?", (now(),))


def set_summary_settings(db: Database, id: int, algorithm: str, sentences: int | None,
                         ratio: float | None) -> None:
    _update(db, int(id), "UPDATE entries SET summary_algorithm = ?, summary_sentences = ?, "
            "summary_ratio = ? WHERE id = ?", (algorithm, sentences, ratio))


def mark_read_many(db: Database, ids: Iterable[int], read: bool = True) -> int:
    """Mark several articles read (or unread) in one transaction; returns how many there were."""
    ids = [int(i) for i in ids]
    with db.write() as conn:
        conn.executemany("UPDATE entries SET read = ? WHERE id = ?", [(1 if read else 0, i) for i in ids])
    return len(ids)
