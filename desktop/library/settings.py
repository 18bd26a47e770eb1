"""Remembered settings (theme, font size, panes, geometry, summary length, algorithm, sort) as JSON in the data dir.

Reading never fails: a missing, corrupt or half-valid file gives the defaults for whatever is unusable.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from desktop.core.errors import PrecisError
from desktop.core.files import write_atomic
from desktop.library.paths import settings_path
from desktop.library.query import SORTS

log = logging.getLogger(__name__)

THEMES = ("light", "dark", "sepia")
LENGTH_MODES = ("auto", "sentences", "percent")  # auto: the length grows with the article
FONT_MIN, FONT_MAX, FONT_DEFAULT = 8, 32, 13


@dataclass(frozen=True)
class Settings:
    theme: str = "light"
    font_size: int = FONT_DEFAULT  # reading view body size in points
    geometry: str = ""  # Tk geometry string "WxH+X+Y"; empty = first run
    panes: tuple[int, ...] = ()  # sash positions of the main paned window, in pixels
    library_visible: bool = True
    focus_mode: bool = False
    length_mode: str = "auto"
    sentences: int = 5
    percent: int = 20
    algorithm: str = "precis"
    highlight_summary: bool = True
    show_removed: bool = False
    sort: str = "added"
    sort_reverse: bool = False  # the library list runs against the column's natural direction
    last_article: int | None = None
    last_folder: str = ""  # where the last file dialog ended (open, import, export): the next starts there


def _valid(name: str, value: Any, default: Any) -> bool:
    """Whether a value read from disk is usable for the field (right type and in range)."""
    if name == "theme":
        return value in THEMES
    if name == "sort":
        return value in SORTS
    if name == "length_mode":
        return value in LENGTH_MODES
    if name == "font_size":
        return type(value) is int and FONT_MIN <= value <= FONT_MAX
    if name == "sentences":
        return type(value) is int and 1 <= value <= 200
    if name == "percent":
        return type(value) is int and 1 <= value <= 100
    if name == "panes":
        return isinstance(value, list) and all(type(v) is int and v >= 0 for v in value)
    if name == "last_folder":
        return isinstance(value, str) and len(value) < 4096
    if name == "last_article":
        return value is None or type(value) is int
    if isinstance(default, bool):
        return type(value) is bool
    if isinstance(default, str):
        return isinstance(value, str) and len(value) < 200
    return False


def from_dict(data: Any) -> Settings:
    """Settings from parsed JSON, keeping the defaults for anything missing or invalid."""
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _valid(f.name, value, getattr(defaults, f.name)):
            values[f.name] = tuple(value) if f.name == "panes" else value
        else:
            log.warning("settings: ignoring invalid %s=%r", f.name, value)
    return replace(defaults, **values)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    target = Path(path) if path is not None else settings_path()
    try:
        raw = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("settings: cannot read %s (%s); using defaults", target, exc)
        return Settings()
    try:
        data = json.loads(raw)
    except ValueError:
        log.warning("settings: %s is not valid JSON; using defaults", target)
        return Settings()
    return from_dict(data)


def save_settings(settings: Settings, path: str | os.PathLike[str] | None = None) -> None:
    """Write atomically; a failure is logged, never raised (losing a preference must not crash)."""
    target = Path(path) if path is not None else settings_path()
    data = asdict(settings)
    data["panes"] = list(settings.panes)
    try:
        write_atomic(target, json.dumps(data, indent=2, ensure_ascii=False) + "\n", durable=False)
    except PrecisError as exc:
        log.warning("settings: %s", exc)
