"""The bad-input battery through the library (CLI and importer) and the window's presenter:
the good file is added, every bad one is reported with its reason, and the library is unchanged by them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.library.importer import import_paths
from desktop.library.settings import Settings
from desktop.library.store import Library
from tests.hardening.helpers import assert_no_traceback, dump, integrity, precis
from tests.hardening.inputs import CASES, Case, article

# A folder is imported recursively by the library (that is a feature), so it is not bad input there.
LIBRARY_ERRORS = [c for c in CASES if c.outcome == "error" and c.name != "directory"]


def _db(data_dir: Path) -> Path:
    return data_dir / "library.sqlite3"


def test_library_add_of_the_battery_next_to_a_good_file(tmp_path: Path, data_dir: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(article("The One Good Article"), encoding="utf-8")
    bad = []
    for case in LIBRARY_ERRORS:
        folder = tmp_path / case.name
        folder.mkdir()
        bad.append(str(case.build(folder)))
    proc = precis("library", "add", "--json", *bad[:len(bad) // 2], str(good), *bad[len(bad) // 2:])
    assert_no_traceback(proc)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert len(report["added"]) == 1 and report["existing"] == []
    assert sorted(e["path"] for e in report["errors"]) == sorted(bad)
    for case, path in zip(LIBRARY_ERRORS, bad, strict=True):
        message = next(e["message"] for e in report["errors"] if e["path"] == path)
        assert message.strip() and "\n" not in message, (case.name, message)
    before = dump(_db(data_dir))
    assert [(row[1], row[2:]) for row in before] == [("The One Good Article", (0, 1, 1))]

    # Adding the bad files again, alone: nothing changes.
    proc = precis("library", "add", "--json", *bad)
    assert_no_traceback(proc)
    assert proc.returncode == 1 and json.loads(proc.stdout)["added"] == []
    assert dump(_db(data_dir)) == before
    assert integrity(_db(data_dir)) == "ok"
    listed = [json.loads(line) for line in precis("library", "list", "--json").stdout.splitlines()]
    assert [row["title"] for row in listed] == ["The One Good Article"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_importer_keeps_the_library_unchanged_by_a_bad_file(case: Case, tmp_path: Path,
                                                            data_dir: Path) -> None:
    seed = tmp_path / "seed.txt"
    # Another article than the battery's (which all share one body and would be found as the same).
    seed.write_text(article("Already In The Library").replace("ferry", "bus"), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    path = case.build(folder)
    with Library.open() as lib:
        import_paths(lib, [seed])
        before = dump(lib.path)
        report = import_paths(lib, [path])
        after = dump(lib.path)
        assert lib.integrity() == "ok"
    if case in LIBRARY_ERRORS:
        assert report.added == [] and report.existing == []
        assert [p for p, _ in report.errors] == [str(path)]
        assert case.expect.lower() in report.errors[0][1].lower() or case.name in ("missing", "symlink-loop")
        assert after == before
    elif case.outcome == "ok" or case.name == "directory":
        assert report.errors == [] and len(report.added) == 1
        assert after[:-1] == before and after[-1][2:] == (0, 1, 1)
    else:  # either way, never half an entry
        assert len(report.added) + len(report.errors) == 1
        assert after[:len(before)] == before and all(row[2:] == (0, 1, 1) for row in after)


class _Presenter:
    """The window's presenter over a real library, with a fake view and a synchronous runner."""

    def __init__(self, sample: Path) -> None:
        from desktop.ui.presenters import MainPresenter
        from desktop.ui.tasks import SyncRunner
        from tests.ui.fakes import FakeView

        self.view = FakeView()
        self.lib = Library.open()
        self.presenter = MainPresenter(self.view, self.lib, SyncRunner(), Settings(), lambda s: None,
                                       sample=sample)


@pytest.mark.parametrize("case", [c for c in CASES if c.outcome == "error"], ids=lambda c: c.name)
def test_the_window_shows_the_reason_and_keeps_the_library(case: Case, tmp_path: Path, sample: Path) -> None:
    pytest.importorskip("desktop.ui.presenters")
    h = _Presenter(sample)
    try:
        h.presenter.transfer.open_paths([str(sample)])
        before = dump(h.lib.path)
        assert len(before) == 1
        path = case.build(tmp_path)
        h.presenter.transfer.open_paths([str(path)])
        shown = [h.view.status.text] + [p.message for _, problems in h.view.problems for p in problems]
        if case.name == "directory":  # a dropped folder is imported; its article is added
            assert len(dump(h.lib.path)) == 2
            return
        assert h.view.status.kind == "error", h.view.status
        assert any(case.expect.lower() in text.lower() for text in shown) or case.name in (
            "missing", "symlink-loop"), shown
        assert "Traceback" not in "\n".join(shown) and "Something went wrong" not in "\n".join(shown)
        assert dump(h.lib.path) == before
    finally:
        h.lib.close()


def test_the_window_reports_each_bad_file_of_a_mixed_drop(tmp_path: Path, sample: Path) -> None:
    pytest.importorskip("desktop.ui.presenters")
    h = _Presenter(sample)
    try:
        good = tmp_path / "good.txt"
        good.write_text(article("Dropped With Bad Company"), encoding="utf-8")
        bad = [c.build(tmp_path / c.name) for c in LIBRARY_ERRORS[:3] if (tmp_path / c.name).mkdir() is None]
        h.presenter.transfer.open_paths([str(bad[0]), str(good), *map(str, bad[1:])])  # 4 paths: a bulk import
        assert [row[1] for row in dump(h.lib.path)] == ["Dropped With Bad Company"]
        reported = {p.path for _, problems in h.view.problems for p in problems}
        assert reported == {str(p) for p in bad}
        assert h.view.status.kind == "error" and "3 could not be read" in h.view.status.text
    finally:
        h.lib.close()
