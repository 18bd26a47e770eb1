"""The presenters: one per pane (library, reader, summary and facts, import/export), coordinated by
`MainPresenter`, which owns the current article. No tkinter here; views call presenter methods only."""

from desktop.ui.presenters.main import MainPresenter

__all__ = ["MainPresenter"]
