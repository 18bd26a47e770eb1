"""The desktop's file chooser when one is installed (a stand-in zenity/kdialog on PATH here), Tk's
otherwise; dialogs start in the remembered folder, else the home folder, never the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui import file_chooser


def fake_tool(bin_dir: Path, name: str, body: str) -> None:
    bin_dir.mkdir(exist_ok=True)
    tool = bin_dir / name
    tool.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    tool.chmod(0o755)


@pytest.fixture
def only_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("PRECIS_TK_DIALOGS", raising=False)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    return bin_dir


def test_start_folder_is_the_remembered_one_else_home(tmp_path: Path) -> None:
    assert file_chooser.start_folder(str(tmp_path)) == str(tmp_path)
    assert file_chooser.start_folder(str(tmp_path / "gone")) == str(Path.home())
    assert file_chooser.start_folder("") == str(Path.home())  # not the working directory


def test_desktop_tool_prefers_kdialog_on_kde(only_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert file_chooser.desktop_tool() is None  # none installed: Tk's dialogs
    fake_tool(only_path, "zenity", "exit 0")
    fake_tool(only_path, "kdialog", "exit 0")
    assert file_chooser.desktop_tool() == "zenity"
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert file_chooser.desktop_tool() == "kdialog"


def test_export_uses_the_desktop_chooser_in_the_last_folder(only_path: Path, tmp_path: Path, shared_root) -> None:
    seen = tmp_path / "args.txt"
    chosen = tmp_path / "chosen.md"
    fake_tool(only_path, "zenity", f'printf "%s\\n" "$@" > "{seen}"; echo "{chosen}"')
    answer = file_chooser.ask_save_path(shared_root, "harbour.md", str(tmp_path))
    assert answer == str(chosen)
    args = seen.read_text(encoding="utf-8").splitlines()
    assert "--save" in args and f"--filename={tmp_path / 'harbour.md'}" in args


def test_cancelling_the_desktop_chooser_opens_no_other_dialog(only_path: Path, tmp_path: Path,
                                                              shared_root) -> None:
    fake_tool(only_path, "zenity", "exit 1")
    assert file_chooser.ask_save_path(shared_root, "harbour.md", str(tmp_path)) is None
    assert file_chooser.ask_open_paths(shared_root, str(tmp_path)) == []
