"""Where Précis keeps its data: the only module that asks platformdirs; PRECIS_DATA_DIR overrides."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import PrecisError

ENV_VAR = "PRECIS_DATA_DIR"
DATABASE_NAME = "library.sqlite3"


def data_dir(create: bool = True) -> Path:
    """The data folder; created when asked (PrecisError when that is not possible)."""
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("Precis", appauthor=False))
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrecisError(f"Cannot create the data folder {path} ({exc.strerror or exc}).") from None
    return path


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def settings_path() -> Path:
    return data_dir() / "settings.json"
