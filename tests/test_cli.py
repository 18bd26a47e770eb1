"""The command line contract: JSON Lines, one-line errors with exit 1, usage errors exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests import sample_truth


def precis(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, cwd=cwd,
        timeout=120,
    )


def test_summarize_json_gives_three_body_sentences(sample) -> None:
    out = precis("summarize", str(sample), "--json", "-n", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["title"] == sample_truth.TITLE and obj["algorithm"] == "precis"
    assert len(obj["sentences"]) == 3
    body = " ".join(sample_truth.body_paragraphs())
    assert all(s["text"] in body for s in obj["sentences"])
    assert [s["index"] for s in obj["sentences"]] == sorted(s["index"] for s in obj["sentences"])


def test_clean_prints_no_junk_and_each_caption_once(sample) -> None:
    out = precis("clean", str(sample))
    assert out.returncode == 0
    for junk in sample_truth.JUNK:
        assert junk not in out.stdout
    for caption in sample_truth.CAPTIONS:
        assert out.stdout.count(caption) == 1


def test_clean_json_reports_paragraphs_and_removals(sample) -> None:
    obj = json.loads(precis("clean", "--json", str(sample)).stdout)
    assert set(obj) >= {"path", "title", "paragraphs", "removed"}
    assert {p["kind"] for p in obj["paragraphs"]} == {"body", "caption"}
    assert {"hash", "promo", "footer", "duplicate"} <= {r["reason"] for r in obj["removed"]}


def test_facts_json_groups(sample) -> None:
    obj = json.loads(precis("facts", "--json", str(sample)).stdout)
    for group in ("people", "organisations", "places", "events", "numbers", "dates", "quotes", "keywords"):
        assert isinstance(obj[group], list)
        assert all({"text", "sentence", "variants"} <= set(f) for f in obj[group])
    # Merged spellings are listed with the name shown ("al-Jawlani" with "Abu Mohammed al-Jolani").
    assert any("al-Jawlani" in f["variants"] for f in obj["people"])


def test_export_writes_markdown_and_refuses_to_overwrite(sample, tmp_path) -> None:
    target = tmp_path / "digest.md"
    assert precis("export", str(sample), "-o", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "## Summary" in text and "## Key facts" in text
    again = precis("export", str(sample), "-o", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert precis("export", str(sample), "-o", str(target), "--force").returncode == 0


def test_missing_file_is_one_line_error() -> None:
    out = precis("clean", "/etc/hostname.nonexistent")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == ["precis: error: /etc/hostname.nonexistent: no such file"]


def test_binary_file_is_one_line_error() -> None:
    out = precis("summarize", "/bin/ls")
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("precis: error: ") and "not a text file" in lines[0]
    assert "Traceback" not in out.stderr


def test_one_bad_file_does_not_stop_the_others(sample) -> None:
    out = precis("summarize", "/nonexistent.txt", str(sample), "--json", "-n", "2")
    assert out.returncode == 1
    assert len(out.stdout.strip().splitlines()) == 1


def test_usage_error_exits_2() -> None:
    assert precis("summarize").returncode == 2
    assert precis("summarize", "x", "--algorithm", "nonsense").returncode == 2


def test_version() -> None:
    out = precis("--version")
    assert out.returncode == 0 and "Précis" in out.stdout


def test_opening_the_window_without_a_screen_is_one_line_error(sample) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, "-m", "desktop", str(sample)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 1
    assert out.stderr.startswith("precis: error: cannot open the window") and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1


def test_language_override_is_accepted_and_an_unknown_one_is_one_line_error(sample) -> None:
    ok = precis("summarize", str(sample), "-n", "2", "--language", "de", "--json")
    assert ok.returncode == 0 and len(json.loads(ok.stdout)["sentences"]) == 2
    bad = precis("facts", str(sample), "--language", "klingon")
    assert bad.returncode == 1
    assert bad.stderr.startswith("precis: error: unknown language") and bad.stderr.count("\n") == 1


def test_each_command_computes_only_what_it_prints(sample) -> None:
    code = ("import sys; from desktop.cli import main; main(sys.argv[1:]); "
            "print(sorted({m.split('.')[2] for m in sys.modules if m.startswith(('desktop.core.facts', "
            "'desktop.core.summary'))}))")
    seen = {}
    for command in ("summarize", "facts"):
        done = subprocess.run([sys.executable, "-c", code, command, str(sample)], capture_output=True,
                              text=True, timeout=120, check=True)
        seen[command] = done.stdout.strip().splitlines()[-1]
    assert seen == {"summarize": "['summary']", "facts": "['facts']"}


def test_file_commands_load_no_library_code(sample) -> None:
    """`precis summarize|facts|clean FILE` never touch the library: building the command line's parser
    (which names the library's sort orders) imports neither the store nor sqlite3."""
    code = ("import sys; from desktop.cli import main; main(sys.argv[1:]); "
            "print(sorted(m for m in ('sqlite3', 'desktop.library.store', 'desktop.library.db') "
            "if m in sys.modules))")
    for command in ("summarize", "facts", "clean"):
        done = subprocess.run([sys.executable, "-c", code, command, str(sample)], capture_output=True,
                              text=True, timeout=120, check=True)
        assert done.stdout.strip().splitlines()[-1] == "[]", command
