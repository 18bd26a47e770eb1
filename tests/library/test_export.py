"""Export to Markdown files: names from titles, sanitised, collisions, no overwrite without force."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.read import load_bytes
from desktop.library.exporter import INDEX_NAME, export_entries, plan_names, safe_stem
from desktop.library.store import Library
from tests.library.articles import article_text


def test_safe_stem_blocks_traversal_reserved_names_and_odd_characters() -> None:
    assert safe_stem("../../etc/passwd") == "etc passwd"
    assert safe_stem("..") == "untitled" and safe_stem("") == "untitled" and safe_stem(" . ") == "untitled"
    assert safe_stem("a/b\\c:d*e?f\"g<h>i|j") == "a b c d e f g h i j"
    assert safe_stem("CON") == "_CON" and safe_stem("lpt1.txt") == "_lpt1.txt"
    assert safe_stem("Console") == "Console"
    assert safe_stem("line\nbreak\ttab\x00nul") == "line break tab nul"
    assert safe_stem(".hidden") == "hidden"
    long = safe_stem("é" * 500)
    assert len(long.encode("utf-8")) <= 120 and long.startswith("é")
    assert safe_stem("Café — “quotes”") == "Café — “quotes”"


def test_plan_names_handles_collisions_case_insensitively_and_keeps_index_free() -> None:
    assert plan_names(["Same", "same", "SAME", "index", "A/B", "A B"]) == [
        "Same.md", "same (2).md", "SAME (3).md", "index (2).md", "A B.md", "A B (2).md"]


def _add(lib: Library, seed: int, title: str) -> int:
    source = load_bytes(article_text(seed, title=title).encode(), name=f"{seed}.txt")
    return lib.add(source, clean_source(source)).id


def test_export_writes_files_and_index_and_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Library.open() as lib:
        ids = [_add(lib, 1, "Budget vote: what changed?"), _add(lib, 2, "Budget vote: what changed?"),
               _add(lib, 3, "../escape attempt")]
        written = export_entries(lib, ids, out)
        names = sorted(p.name for p in out.iterdir())
        assert names == sorted(["Budget vote what changed.md", "Budget vote what changed (2).md",
                                "escape attempt.md", INDEX_NAME])
        assert [p.parent for p in written] == [out] * 4
        first = (out / "Budget vote what changed.md").read_text(encoding="utf-8")
        assert first.startswith("---\n") and "## Summary" in first and "zeta1word" in first
        index = (out / INDEX_NAME).read_text(encoding="utf-8")
        assert "(Budget%20vote%20what%20changed%20%282%29.md)" in index and "escape attempt" in index
        (out / "escape attempt.md").write_text("mine", encoding="utf-8")
        with pytest.raises(PrecisError, match="already exists"):
            export_entries(lib, ids, out)
        assert (out / "escape attempt.md").read_text(encoding="utf-8") == "mine"
        export_entries(lib, ids, out, force=True)
        assert (out / "escape attempt.md").read_text(encoding="utf-8").startswith("---\n")
        lib.set_summary_settings(ids[0], "lead", 2, None)
        export_entries(lib, [ids[0]], tmp_path / "one")
        one = (tmp_path / "one" / "Budget vote what changed.md").read_text(encoding="utf-8")
        assert 'algorithm: "lead"' in one and "sentences: 2" in one
