"""`precis brief (ID... | --tag T | --search QUERY) [-n N] [-o PATH] [--json]`: the JSON contract,
the three ways to name articles, Markdown output, and bad input as one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "brief"
OUTLETS = ("levant-wire", "daily-courier", "gulf-monitor", "northern-post", "europa-daily", "asia-herald")


def run(*args: str, capsys) -> subprocess.CompletedProcess:
    from desktop.cli import main

    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


@pytest.fixture
def library(data_dir: Path) -> dict[str, int]:
    """The story's six articles and an unrelated one in the library: {file stem: id}."""
    from desktop.library.importer import import_paths
    from desktop.library.store import Library

    with Library.open() as lib:
        import_paths(lib, [str(p) for p in sorted(STORY.glob("*.html"))])
        ids = {}
        for row in lib.list(limit=50):
            entry = lib.get(row.id)
            ids[Path(entry.source_path).stem] = row.id
        for name in OUTLETS[:4]:
            lib.add_tags(ids[name], ["syria"])
        lib.add_tags(ids["unrelated-recipe"], ["bread"])
    return ids


def test_json_contract_for_selected_ids(library: dict[str, int], capsys) -> None:
    chosen = [library[n] for n in OUTLETS[:3]]
    out = run("brief", *map(str, chosen), "--json", capsys=capsys)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert list(obj) == ["articles", "sentences", "facts", "timeline"]
    assert sorted(a["id"] for a in obj["articles"]) == sorted(chosen)
    assert set(obj["articles"][0]) >= {"id", "title", "site", "date", "source"}
    for s in obj["sentences"]:
        assert list(s) == ["text", "article", "index", "also_in"]
        assert s["article"] in chosen and isinstance(s["index"], int)
        for c in s["also_in"]:
            assert c["article"] in chosen and c["article"] != s["article"]
    for e in obj["timeline"]:
        assert list(e) == ["date", "text", "article", "index"]
    assert {"people", "organisations", "places", "numbers"} <= set(obj["facts"])
    hama = next(f for f in obj["facts"]["places"] if f["text"] == "Hama")
    assert sorted(hama["articles"]) == sorted(chosen)


def test_sentence_index_is_the_articles_own(library: dict[str, int], capsys) -> None:
    out = run("brief", str(library["levant-wire"]), str(library["gulf-monitor"]), "--json", capsys=capsys)
    obj = json.loads(out.stdout)
    by_id = {}
    for stem in ("levant-wire", "gulf-monitor"):
        summary = run("summarize", str(STORY / f"{stem}.html"), "-n", "50", "--json", capsys=capsys)
        by_id[library[stem]] = {s["index"]: s["text"] for s in json.loads(summary.stdout)["sentences"]}
    for s in obj["sentences"]:
        assert by_id[s["article"]][s["index"]] == s["text"]


def test_tag_briefing_holds_the_tagged_articles_only(library: dict[str, int], capsys) -> None:
    out = run("brief", "--tag", "syria", "--json", "-n", "4", capsys=capsys)
    obj = json.loads(out.stdout)
    assert sorted(a["id"] for a in obj["articles"]) == sorted(library[n] for n in OUTLETS[:4])
    assert len(obj["sentences"]) == 4
    assert len({s["article"] for s in obj["sentences"]}) == 4


def test_search_briefing_leaves_out_what_does_not_match(library: dict[str, int], capsys) -> None:
    out = run("brief", "--search", "Hama", "--json", capsys=capsys)
    ids = {a["id"] for a in json.loads(out.stdout)["articles"]}
    assert library["unrelated-recipe"] not in ids
    assert ids >= {library["levant-wire"], library["daily-courier"]}


def test_markdown_to_a_file_and_no_silent_overwrite(library: dict[str, int], tmp_path: Path, capsys) -> None:
    path = tmp_path / "brief.md"
    out = run("brief", "--tag", "syria", "-o", str(path), capsys=capsys)
    assert out.returncode == 0 and out.stdout == ""
    text = path.read_text(encoding="utf-8")
    assert "## Summary" in text and "## Sources" in text and "[1]" in text
    again = run("brief", "--tag", "syria", "-o", str(path), capsys=capsys)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("args", "message"), [
    (("brief", "9998", "9999"), "no articles with ids 9998, 9999 in the library"),
    (("brief", "--tag", "nothing-here"), "no articles tagged 'nothing-here'"),
    (("brief", "--search", "zzzqqq"), "no articles match 'zzzqqq'"),
    (("brief", "12x"), "'12x' is not an article id"),
    (("brief",), "name the articles"),
])
def test_bad_input_is_one_clear_line(library: dict[str, int], args: tuple[str, ...], message: str,
                                     capsys) -> None:
    out = run(*args, capsys=capsys)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("precis: error: ") and message in out.stderr


def test_brief_in_a_subprocess_on_an_empty_library(data_dir: Path) -> None:
    import os

    env = {**os.environ, "PRECIS_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-m", "desktop", "brief", "1"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr == "precis: error: no article with id 1 in the library\n"
