"""Fixtures for the UI tests: a presenter harness, and one real root window for the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.harness import Harness


@pytest.fixture
def h(sample: Path) -> Harness:
    return Harness(sample)


@pytest.fixture(scope="session")
def shared_root():
    """One root for the session: ttkbootstrap's Style binds to the first root (see FIELD-NOTES)."""
    import ttkbootstrap as ttk

    from desktop.ui.theme import register_themes

    register_themes()
    root = ttk.Window(title="Précis", theme="precis-light", iconphoto=None)
    yield root
    root.destroy()


@pytest.fixture
def open_app(shared_root):
    from desktop.app import Session, build

    apps: list[Session] = []

    def make(files: tuple[str, ...] = (), size: str = "1280x760") -> Session:
        app = build(list(files), root=shared_root)
        apps.append(app)
        # The default window size, whatever the virtual screen's size (a window may be larger than it).
        app.root.geometry(f"{size}+0+0")
        app.root.update()
        app.window.restore_panes()
        app.root.update()
        return app

    yield make
    for app in apps:
        app.destroy(keep_root=True)
