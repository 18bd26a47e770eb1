"""`precis library list` filters and completeness, `search --json` snippets (issue 17, item 7)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.library.store import Library
from tests.library.articles import article_text
from tests.library.test_cli_library import _Run
from tests.library.test_store import add_text


def _copies(lib: Library, entry_id: int, n: int) -> None:
    """n more list rows like entry_id (the list reads entries only), made in one statement."""
    with lib._write() as conn:
        conn.execute(
            "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?) "
            "INSERT INTO entries (content_hash, title, source_name, source_size, format, encoding, words, added) "
            "SELECT 'copy' || i, title || ' ' || i, source_name, source_size, format, encoding, words, added "
            "FROM entries, k WHERE id = ?", (n, entry_id))


def test_list_prints_every_row_by_default_and_says_what_a_limit_left_out(data_dir: Path, capsys) -> None:
    run = _Run(capsys)
    with Library.open() as lib:
        _copies(lib, add_text(lib, article_text(900)).id, 1199)
    out = run("list", "--json", data=data_dir)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 1200 and out.stderr == ""
    out = run("list", "--limit", "1000", data=data_dir)
    assert len(out.stdout.splitlines()) == 1000
    assert "200 more not listed" in out.stderr and "--limit" in out.stderr


def test_list_unread_read_trash_and_tag(data_dir: Path, capsys) -> None:
    run = _Run(capsys)
    with Library.open() as lib:
        a, b, c = (add_text(lib, article_text(910 + i, paragraphs=2), f"t{i}.txt").id for i in range(3))
        lib.mark_read(a)
        lib.trash([c])
        lib.add_tags(b, ["ports"])

    def ids(*args: str) -> list[int]:
        out = run("list", "--json", *args, data=data_dir)
        assert out.returncode == 0, out.stderr
        return sorted(json.loads(line)["id"] for line in out.stdout.splitlines())

    assert ids() == [a, b]
    assert ids("--unread") == [b]
    assert ids("--read") == [a]
    assert ids("--trash") == [c]
    assert ids("--tag", "ports") == [b]
    assert run("list", "--read", "--unread", data=data_dir).returncode == 2


def test_search_json_gives_a_snippet_with_the_words_marked(data_dir: Path, capsys) -> None:
    run = _Run(capsys)
    with Library.open() as lib:
        add_text(lib, article_text(920, paragraphs=3))
    out = run("search", "--json", "zeta920word", data=data_dir)
    hit = json.loads(out.stdout.splitlines()[0])
    assert "[zeta920word]" in hit["snippet"]
