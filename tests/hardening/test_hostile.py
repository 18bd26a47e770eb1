"""Issue 12's hostile inputs: bounded memory and time, one clear line or a result, never a traceback.

Each input of tests/hardening/hostile.py runs through `precis facts` (load, clean, summary, facts) in a
subprocess whose address space is capped at 1.5 GB. The linear-time properties feed the cleaner,
the Markdown reader and the whole pipeline shapes that made regexes quadratic, at a size and four
times that size: the work may grow about four times, never sixteen (ratio under 8, best of three CPU times).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hardening.helpers import ROOT, assert_no_traceback, assert_one_error_line
from tests.hardening.hostile import HOSTILE, build

MEMORY_LIMIT = 1_500_000_000  # bytes of address space for the whole process
_UNDER_LIMIT = (
    "import resource, sys\n"
    f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))\n"
    "from desktop.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def precis_capped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _UNDER_LIMIT, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_facts_or_one_clear_line_under_the_memory_limit(name: str, tmp_path: Path) -> None:
    path = build(name, tmp_path)
    proc = precis_capped("facts", str(path))
    assert_no_traceback(proc)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    if proc.returncode == 1:
        assert_one_error_line(proc.stderr)
        assert proc.stdout == ""
    else:
        assert proc.stderr == ""
        assert proc.stdout.startswith("# "), proc.stdout[:200]


def test_a_text_of_millions_of_lines_is_shown_up_to_the_limit_with_a_notice() -> None:
    from desktop.core.clean import clean_text
    from desktop.core.read import MAX_BLOCKS

    text = "".join(f"Line number {i} of a very long list.\n" for i in range(MAX_BLOCKS + 5000))
    article = clean_text(text)
    assert len(article.paragraphs) + len(article.removed) <= MAX_BLOCKS + 1
    notice = article.paragraphs[-1]
    assert notice.kind == "caption" and "stopped reading here" in notice.text


def test_a_markdown_file_of_a_million_paragraphs_is_cut_with_a_notice() -> None:
    from desktop.core.clean import markdown_blocks
    from desktop.core.read import MAX_BLOCKS

    title, blocks, notice = markdown_blocks("*a* b\n\n" * (MAX_BLOCKS + 10))
    assert len(blocks) == MAX_BLOCKS and blocks[0].text == "a b"
    assert "stopped reading here" in notice


def test_a_page_past_the_element_limit_is_read_up_to_it_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.clean import clean_html, html
    from tests.hardening.inputs import PROSE

    # The limit is lowered so that the page stays small; the page goes past it all the same.
    monkeypatch.setattr(html, "MAX_PAGE_ELEMENTS", 400)
    sentences = PROSE.split(". ")
    paragraphs = "".join(f"<p>{sentences[i % 5]}, said member {i}.</p>" for i in range(600))
    article = clean_html(f"<html><body><article>{paragraphs}</article></body></html>")
    assert "stopped reading here" in article.paragraphs[-1].text
    assert "member 151." in article.body_text and "member 251." not in article.body_text  # 2 tags each


def test_a_word_file_nested_past_the_depth_limit_is_refused_with_a_reason() -> None:
    from desktop.core.errors import PrecisError
    from desktop.core.read import MAX_DEPTH, read_docx
    from tests.hardening.hostile import _nested_docx

    assert read_docx(_nested_docx(MAX_DEPTH - 10), "ok.docx").blocks[0].text == "The council met on Monday."
    with pytest.raises(PrecisError, match="levels deep"):
        read_docx(_nested_docx(MAX_DEPTH + 10), "deep.docx")


# --- linear time ------------------------------------------------------------------------------

# Pieces that, repeated, once made a regex rescan the rest of the text from every position.
UNITS = (" ", "a ", '"', ".", "-", "*a ", "[a ", "<a", "| ", "/A", "... ", "(")


def _seconds(call: Callable[[], object]) -> float:
    """The best of three CPU-time measurements of call (repeated until a run is long enough to time).

    CPU time of this process, not wall time: other work on a busy machine does not count."""
    reps = 1
    while True:
        start = time.process_time()
        for _ in range(reps):
            call()
        elapsed = time.process_time() - start
        if elapsed >= 0.02:
            break
        reps *= 4
    best = elapsed
    for _ in range(2):
        start = time.process_time()
        for _ in range(reps):
            call()
        best = min(best, time.process_time() - start)
    return best / reps


def _grows_linearly(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = _seconds(make(n)), _seconds(make(4 * n))
    return large / small


def _cleaner(unit: str) -> Callable[[int], Callable[[], object]]:
    from desktop.core.clean import clean_blocks
    from desktop.core.read import Block

    def make(n: int) -> Callable[[], object]:
        text = "The council said " + unit * (n // len(unit)) + " - Photo/Agency ... more"
        return lambda: clean_blocks([Block(text), Block(text + " x", hint="caption")], title_hint=text)

    return make


@pytest.mark.parametrize("unit", UNITS, ids=repr)
def test_the_cleaner_takes_linear_time_on_repeated_pieces(unit: str) -> None:
    assert _grows_linearly(_cleaner(unit), 40_000) < 8


@pytest.mark.parametrize("unit", UNITS + ("1 ", "- ", "> ", "`", "![a](", "&amp;"), ids=repr)
def test_the_markdown_reader_takes_linear_time_on_repeated_pieces(unit: str) -> None:
    from desktop.core.clean import markdown_blocks

    def make(n: int) -> Callable[[], object]:
        text = "# T\n\n" + unit * (n // len(unit)) + "\n"
        return lambda: markdown_blocks(text)

    # Below about 160,000 characters, caches make small inputs look faster than they scale. (At this
    # size one paragraph is past the inline budget: markdown-it's inline work is bounded by it.)
    assert _grows_linearly(make, 160_000) < 8


@pytest.mark.parametrize("unit", ("1 ", '"', '"a" ', "1. ", "Mr. A "), ids=repr)
def test_the_pipeline_takes_linear_time_on_repetitive_text(unit: str) -> None:
    from desktop.core.model import Source
    from desktop.core.pipeline import digest_source

    def make(n: int) -> Callable[[], object]:
        text = "The council met on Monday.\n\n" + unit * (n // len(unit)) + "\n"
        source = Source(name="t.txt", data=text.encode(), text=text, format="text", encoding="utf-8")
        return lambda: digest_source(source)

    assert _grows_linearly(make, 10_000) < 8
