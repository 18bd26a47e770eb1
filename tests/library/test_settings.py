"""Remembered settings: round trip, defaults for a missing or corrupt file, invalid values dropped."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.library.paths import settings_path
from desktop.library.settings import Settings, load_settings, save_settings


def test_round_trip_in_the_data_dir(data_dir: Path) -> None:
    settings = Settings(theme="sepia", font_size=16, geometry="1280x800+10+20", panes=(300, 980),
                        length_mode="percent", percent=30, algorithm="lexrank", last_article=7)
    save_settings(settings)
    assert settings_path().parent == data_dir
    assert load_settings() == settings


def test_missing_file_gives_defaults() -> None:
    assert load_settings() == Settings()


def test_corrupt_file_gives_defaults(data_dir: Path) -> None:
    settings_path().write_bytes(b"{not json\xff")
    assert load_settings() == Settings()
    settings_path().write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == Settings()


def test_invalid_values_fall_back_one_by_one() -> None:
    settings_path().write_text(json.dumps({
        "theme": "neon", "font_size": 500, "panes": [1, "x"], "sentences": 3, "algorithm": "lsa",
        "library_visible": "yes", "unknown": 1,
    }), encoding="utf-8")
    loaded = load_settings()
    assert loaded == Settings(sentences=3, algorithm="lsa")


def test_save_is_atomic_and_leaves_no_temp_files(data_dir: Path) -> None:
    save_settings(Settings(theme="dark"))
    save_settings(Settings(theme="light"))
    assert [p.name for p in data_dir.iterdir()] == ["settings.json"]
    assert load_settings().theme == "light"


def test_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    save_settings(Settings(), tmp_path / "missing" / "settings.json")  # logged, not raised


def test_sort_direction_round_trips_and_an_older_file_without_it_loads() -> None:
    save_settings(Settings(sort="title", sort_reverse=True))
    assert json.loads(settings_path().read_text(encoding="utf-8"))["sort_reverse"] is True
    assert (load_settings().sort, load_settings().sort_reverse) == ("title", True)
    # A file written before the direction was remembered: everything else in it is kept.
    settings_path().write_text(json.dumps({"theme": "dark", "sort": "words", "font_size": 15}), encoding="utf-8")
    loaded = load_settings()
    assert loaded == Settings(theme="dark", sort="words", font_size=15) and loaded.sort_reverse is False
    settings_path().write_text(json.dumps({"sort": "site", "sort_reverse": "yes"}), encoding="utf-8")
    assert (load_settings().sort, load_settings().sort_reverse) == ("site", False)  # that field alone falls back
