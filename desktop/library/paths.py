"""Where Précis keeps its data: the only module that asks platformdirs; PRECIS_DATA_DIR overrides."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "PRECIS_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("Precis", appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "library.sqlite3"


def settings_path() -> Path:
    return data_dir() / "settings.json"
