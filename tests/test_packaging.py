"""Desktop integration on Linux: the entry validates, install/uninstall touch only the user's own
folders, and xdg-open hands a .txt to Précis once the association is set."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ENTRY = LINUX / "precis.desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = ("text/plain", "text/html", "text/markdown")

needs_xdg = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("xdg-desktop-menu", "xdg-icon-resource", "xdg-mime")),
    reason="xdg-utils is not installed (packaging/bootstrap.sh installs it)",
)


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed (packaging/bootstrap.sh installs it)")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    out = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == "", out.stdout + out.stderr


def test_desktop_entry_opens_files_in_precis() -> None:
    entry = read_entry(ENTRY)
    assert entry["Name"] == "Précis"
    assert entry["Exec"] == "precis %F"
    assert entry["Icon"] == "precis"
    assert entry["MimeType"].split(";")[:-1] == list(MIME_TYPES)
    assert entry["Terminal"] == "false"


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """An environment whose HOME and XDG folders are all inside tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE", "GNOME", "DESKTOP"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_DIRS="/usr/local/share:/usr/share",
               XDG_CONFIG_DIRS="/etc/xdg", DISPLAY=os.environ.get("DISPLAY", ":0"))
    env.pop("BROWSER", None)
    Path(env["HOME"]).mkdir()
    return env


def fake_precis(folder: Path, record: Path) -> Path:
    """A stand-in `precis` that writes the arguments it was started with, one a line."""
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "precis"
    exe.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    exe.chmod(0o755)
    return exe


def run(script: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(["sh", str(LINUX / script), *args], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out


def mime_default(env: dict[str, str], mime: str) -> str:
    return subprocess.run(["xdg-mime", "query", "default", mime], env=env, capture_output=True,
                          text=True).stdout.strip()


@needs_xdg
def test_install_puts_entry_icons_and_defaults_in_the_user_folders(tmp_path: Path,
                                                                   user: dict[str, str]) -> None:
    exe = fake_precis(tmp_path / "bin", tmp_path / "args")
    run("install.sh", user, str(exe))

    data, config = Path(user["XDG_DATA_HOME"]), Path(user["XDG_CONFIG_HOME"])
    installed = data / "applications" / "precis.desktop"
    assert read_entry(installed)["Exec"] == f"{exe} %F"
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(installed)]).returncode == 0
    for size in SIZES:
        name = Path("hicolor") / f"{size}x{size}" / "apps" / "precis.png"
        assert (data / "icons" / name).read_bytes() == (ROOT / "assets" / "icons" / name).read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "precis.svg").exists()
    assert "text/plain=precis.desktop" in (config / "mimeapps.list").read_text()
    assert [mime_default(user, m) for m in MIME_TYPES] == ["precis.desktop"] * 3

    run("uninstall.sh", user)
    assert not installed.exists()
    assert not list((data / "icons").rglob("precis.*"))
    assert "precis" not in (config / "mimeapps.list").read_text()
    assert "precis.desktop" not in [mime_default(user, m) for m in MIME_TYPES]


@needs_xdg
def test_uninstall_keeps_other_apps_associations(tmp_path: Path, user: dict[str, str]) -> None:
    run("install.sh", user, str(fake_precis(tmp_path / "bin", tmp_path / "args")))
    mimeapps = Path(user["XDG_CONFIG_HOME"]) / "mimeapps.list"
    mimeapps.write_text(mimeapps.read_text() + "image/png=viewer.desktop;precis.desktop;\n")
    run("uninstall.sh", user)
    text = mimeapps.read_text()
    assert "image/png=viewer.desktop;" in text and "precis" not in text


@needs_xdg
def test_install_without_defaults_leaves_associations_alone(tmp_path: Path, user: dict[str, str]) -> None:
    run("install.sh", user, "--no-default", str(fake_precis(tmp_path / "bin", tmp_path / "args")))
    assert (Path(user["XDG_DATA_HOME"]) / "applications" / "precis.desktop").exists()
    # Précis is offered for these types (MimeType=) but not made the default.
    mimeapps = Path(user["XDG_CONFIG_HOME"]) / "mimeapps.list"
    assert not mimeapps.exists() or "precis" not in mimeapps.read_text()


@needs_xdg
def test_a_program_path_with_spaces_is_quoted(tmp_path: Path, user: dict[str, str]) -> None:
    exe = fake_precis(tmp_path / "my apps", tmp_path / "args")
    run("install.sh", user, str(exe))
    installed = Path(user["XDG_DATA_HOME"]) / "applications" / "precis.desktop"
    assert read_entry(installed)["Exec"] == f'"{exe}" %F'
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(installed)]).returncode == 0


@needs_xdg
def test_xdg_open_hands_a_text_file_to_precis(tmp_path: Path, user: dict[str, str]) -> None:
    """No desktop environment: xdg-open uses `xdg-mime query default` and our entry's Exec line."""
    record = tmp_path / "args"
    run("install.sh", user, str(fake_precis(tmp_path / "bin", record)))
    article = tmp_path / "saved article.txt"
    article.write_text("Otters\n\nOtters returned to the river.\n", encoding="utf-8")
    out = subprocess.run(["xdg-open", str(article)], env=user, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert record.read_text(encoding="utf-8").splitlines() == [str(article)]
