"""Highlights in the library: add, note, delete and put back, survive a re-clean, search, export, CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop.core.clean import clean_source
from desktop.core.errors import PrecisError
from desktop.core.highlights import find_passage, flat_text
from desktop.core.model import Article, Paragraph
from desktop.core.read import load_bytes, load_path
from desktop.library.exporter import export_entries
from desktop.library.store import Library
from tests.conftest import SAMPLE
from tests.library.articles import article_text

PASSAGE = "a video released by the group"


def _add_sample(lib: Library) -> int:
    source = load_path(SAMPLE)
    return lib.add(source, clean_source(source)).id


def _add_text(lib: Library, seed: int) -> int:
    source = load_bytes(article_text(seed).encode(), name=f"{seed}.txt")
    return lib.add(source, clean_source(source)).id


def test_add_note_delete_and_put_back(data_dir: Path) -> None:
    with Library.open() as lib:
        id = _add_sample(lib)
        article = lib.get(id).article
        made = lib.add_highlight(id, find_passage(article, PASSAGE), note="  first thought \x00 ")
        assert made.note == "first thought"
        [shown] = lib.highlights(id)
        assert shown.text == PASSAGE and shown.id == made.id and shown.created == made.created
        assert article.paragraphs[shown.paragraph].text.find(PASSAGE) == shown.pieces[0].start

        assert lib.set_highlight_note(made.id, "second\nthought").note == "second\nthought"
        assert lib.highlights(id)[0].note == "second\nthought"

        entry_id, gone = lib.delete_highlight(made.id)
        assert entry_id == id and lib.highlights(id) == ()
        lib.add_highlight(id, gone.anchor, note=gone.note, created=gone.created, highlight_id=gone.id)
        [back] = lib.highlights(id)
        assert (back.id, back.note, back.created, back.pieces) == (made.id, "second\nthought", made.created,
                                                                   shown.pieces)

        with pytest.raises(PrecisError, match="No highlight with id 999"):
            lib.set_highlight_note(999, "x")
        with pytest.raises(PrecisError, match="No article with id 42"):
            lib.add_highlight(42, gone.anchor)
        assert lib.integrity() == "ok"


def test_highlights_go_with_their_article_when_the_trash_is_emptied(data_dir: Path) -> None:
    with Library.open() as lib:
        id = _add_sample(lib)
        lib.add_highlight(id, find_passage(lib.get(id).article, PASSAGE))
        assert lib.count_highlighted() == 1
        lib.trash([id])
        assert lib.count_highlighted() == 0  # a trashed article is not counted
        lib.untrash([id])
        assert lib.count_highlighted() == 1
        lib.trash([id])
        lib.empty_trash()
        assert lib._conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 0


def test_a_highlight_survives_a_re_clean(data_dir: Path) -> None:
    source = load_path(SAMPLE)
    cleaned = clean_source(source)
    # What an older cleaner kept: the file's blocks as they are (the hash line too), with straight quotes.
    blocks = [b.strip() for b in source.text.split("\n\n") if b.strip()]
    old = Article(title=blocks[0], paragraphs=tuple(Paragraph("body", b.replace("“", '"').replace("”", '"'))
                                                    for b in blocks[1:]))
    assert old.paragraphs != cleaned.paragraphs
    with Library.open() as lib:
        id = lib.add(source, old).id
        before = lib.get(id).article
        passage = 'had "redeployed and repositioned" its soldiers'
        lib.add_highlight(id, find_passage(before, passage), note="troops")
        lib.add_highlight(id, find_passage(before, "announced that his fighters had entered Hama"))
        assert lib.reclean() == 1
        after = lib.get(id).article
        assert after.paragraphs == cleaned.paragraphs  # the real cleaner ran
        found = lib.highlights(id)
        flat = flat_text(after)
        texts = [flat[after_offset(after, h):after_offset(after, h, end=True)] for h in found]
        assert texts == ["had “redeployed and repositioned” its soldiers",
                         "announced that his fighters had entered Hama"]
        assert [h.note for h in found] == ["troops", ""]
        assert all(h.paragraph is not None for h in found)


def after_offset(article: Article, h, end: bool = False) -> int:
    from desktop.core.highlights import offset_of

    piece = h.pieces[-1] if end else h.pieces[0]
    return offset_of(article, piece.paragraph, piece.end if end else piece.start)


def test_search_finds_the_words_of_notes_and_forgets_them_with_the_note(data_dir: Path) -> None:
    with Library.open() as lib:
        one, two = _add_text(lib, 1), _add_text(lib, 2)
        assert lib.search("quokkas") == []
        article = lib.get(two).article
        passage = article.paragraphs[1].text.split(". ")[0]
        h = lib.add_highlight(two, find_passage(article, passage), note="Ask the quokkas about it")
        assert [hit.row.id for hit in lib.search("quokkas")] == [two]
        lib.set_tags(two, ["harbour"])  # re-tagging keeps the note indexed
        lib.trash([two])
        assert lib.search("quokkas") == []
        lib.untrash([two])  # ... as does coming back from the trash
        assert [hit.row.id for hit in lib.search("quok")] == [two]
        lib.set_highlight_note(h.id, "")
        assert lib.search("quokkas") == []
        assert one != two


def test_export_writes_highlights_with_their_notes(tmp_path: Path, data_dir: Path) -> None:
    with Library.open() as lib:
        id = _add_sample(lib)
        lib.add_highlight(id, find_passage(lib.get(id).article, PASSAGE), note="Which video?")
        export_entries(lib, [id], tmp_path / "out")
    [page] = [p for p in (tmp_path / "out").iterdir() if p.name != "index.md"]
    text = page.read_text(encoding="utf-8")
    assert f"## Highlights\n\n> {PASSAGE}\n\nWhich video?\n" in text


# ---- the command line --------------------------------------------------------------------------

def _cli(capsys, *args: str) -> subprocess.CompletedProcess:
    from desktop.cli import main

    try:
        code = main(["library", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def test_cli_highlight_and_highlights(data_dir: Path, capsys) -> None:
    with Library.open() as lib:
        id = str(_add_sample(lib))
    out = _cli(capsys, "highlight", id, "A  Video released by the GROUP", "--note", "Which video?")
    assert out.returncode == 0 and out.stderr == ""
    assert f"article {id}" in out.stdout and PASSAGE in out.stdout
    out = _cli(capsys, "highlight", id, "spare civilians")
    assert out.returncode == 0

    out = _cli(capsys, "highlights", id, "--json")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [set(r) for r in rows] == [{"text", "note", "paragraph", "created"}] * 2
    assert [(r["text"], r["note"]) for r in rows] == [(PASSAGE, "Which video?"), ("spare civilians", "")]
    with Library.open() as lib:
        paragraphs = lib.get(int(id)).article.paragraphs
    assert all(r["text"] in paragraphs[r["paragraph"]].text for r in rows)
    assert rows[1]["paragraph"] > rows[0]["paragraph"] and rows[0]["created"]

    out = _cli(capsys, "highlights", id)
    assert out.stdout.splitlines()[:2] == [f"¶{rows[0]['paragraph']}  “{PASSAGE}”", "    Which video?"]


def test_cli_says_in_one_line_when_the_passage_is_not_in_the_article(data_dir: Path, capsys) -> None:
    with Library.open() as lib:
        id = str(_add_sample(lib))
    out = _cli(capsys, "highlight", id, "words this article never had")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert out.stderr.startswith(f"precis: error: article {id} does not contain “words this article never had”")
    out = _cli(capsys, "highlight", "999", "anything")
    assert out.returncode == 1 and out.stderr.startswith("precis: error: No article with id 999")
    out = _cli(capsys, "highlights", id, "--json")
    assert out.returncode == 0 and out.stdout == ""
