"""The bad-input battery: files a person might drop on Précis, generated in a temp folder.

Each case builds its file (or folder, link...) under a given directory and says what must happen:
"error" (one clear `precis: error:` line, exit 1), "ok" (a sensible result, checked by `expect`), or
"either" (both are acceptable, but never a crash). Nothing here is committed as a binary.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROSE = (
    "The harbour council met on Monday to discuss the new ferry timetable. "
    "Members agreed that the morning service would start an hour earlier from March. "
    "The mayor said the change would help people who work in the city. "
    "Critics warned that the cost of the extra crossings had not been explained. "
    "A final vote is expected at the next meeting of the council in April."
)


def article(title: str = "Harbour Council Backs Earlier Ferries", paragraphs: int = 4) -> str:
    """A small, clean news article: title line, blank line, prose paragraphs."""
    body = "\n\n".join(PROSE for _ in range(paragraphs))
    return f"{title}\n\n{body}\n"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]  # makes the input under the folder given; returns its path
    outcome: str  # "error", "ok" or "either"
    expect: str = ""  # ok: a word that the cleaned text must contain; error: a word of the message
    html: bool = False


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _png() -> bytes:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + bytes(range(256)))


def _zip() -> bytes:
    return b"PK\x03\x04" + bytes(26) + b"article.txt" + os.urandom(300)


def _elf() -> bytes:
    return b"\x7fELF\x02\x01\x01" + bytes(9) + os.urandom(400)


def _nested_html(depth: int = 5000) -> bytes:
    inner = "<p>" + PROSE + "</p>"
    html = ("<!doctype html><html><head><title>Deep Page</title></head><body>" + "<div>" * depth
            + inner + "</div>" * depth + "</body></html>")
    return html.encode()


def _symlink_loop(folder: Path) -> Path:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    os.symlink(b, a)
    os.symlink(a, b)
    return a


def _directory(folder: Path) -> Path:
    path = folder / "a folder.txt"
    path.mkdir()
    (path / "inside.txt").write_text(article(), encoding="utf-8")
    return path


def _mixed_endings() -> bytes:
    lines = article().split("\n")
    ends = ["\r\n", "\n", "\r"]
    return "".join(line + ends[i % 3] for i, line in enumerate(lines)).encode()


CASES: tuple[Case, ...] = (
    Case("empty", lambda d: _write(d, "empty.txt", b""), "error", "empty"),
    Case("whitespace", lambda d: _write(d, "blank.txt", b" \n\t\n  \r\n\n   "), "error", "empty"),
    Case("one-word", lambda d: _write(d, "word.txt", b"Hello"), "either", "Hello"),
    Case("long-line", lambda d: _write(d, "line.txt", (PROSE + " ").encode() * 560), "either", "ferry"),
    Case("png", lambda d: _write(d, "photo.png", _png()), "error", "PNG"),
    Case("png-as-txt", lambda d: _write(d, "notes.txt", _png()), "error", "PNG"),
    Case("zip", lambda d: _write(d, "archive.txt", _zip()), "error", "ZIP"),
    Case("elf", lambda d: _write(d, "program.txt", _elf()), "error", "program"),
    Case("random-bytes", lambda d: _write(d, "noise.txt", os.urandom(4096)), "error", "not a text"),
    Case("nul-inside", lambda d: _write(d, "nul.txt", article().replace(". ", ".\x00 ").encode()),
         "ok", "ferry"),
    Case("invalid-utf8", lambda d: _write(
        d, "bad-utf8.txt", article().encode() + b"\xc3\x28 caf\xe9 \xff\xfe\xfd end.\n"), "ok", "ferry"),
    Case("utf16-bom", lambda d: _write(d, "utf16.txt", article().encode("utf-16")), "ok", "ferry"),
    Case("utf16le-nobom", lambda d: _write(d, "utf16le.txt", article().encode("utf-16-le")), "ok", "ferry"),
    Case("utf16be-nobom", lambda d: _write(d, "utf16be.txt", article().encode("utf-16-be")), "ok", "ferry"),
    Case("cp1252-quotes", lambda d: _write(
        d, "quotes.txt", article().replace("The mayor said", "The mayor said \u201cyes\u2019\u201d and")
        .encode("cp1252")), "ok", "\u201cyes\u2019\u201d"),
    Case("mixed-endings", lambda d: _write(d, "endings.txt", _mixed_endings()), "ok", "ferry"),
    Case("arabic", lambda d: _write(d, "arabic.txt", (
        "اجتماع مجلس الميناء\n\n" + "اجتمع مجلس الميناء يوم الاثنين لمناقشة جدول العبارات الجديد. "
        "وافق الأعضاء على أن تبدأ الخدمة الصباحية قبل ساعة. " * 6 + "\n").encode()), "ok", "الميناء"),
    Case("hebrew", lambda d: _write(d, "hebrew.txt", (
        "מועצת הנמל\n\n" + "מועצת הנמל התכנסה ביום שני כדי לדון בלוח הזמנים החדש של המעבורות. " * 6
        + "\n").encode()), "ok", "המעבורות"),
    Case("cjk", lambda d: _write(d, "cjk.txt", (
        "港口委员会会议\n\n" + "港口委员会星期一开会讨论新的渡轮时刻表。成员们同意早班服务提前一小时开始。" * 6
        + "\n").encode()), "ok", "渡轮"),
    Case("html-no-body", lambda d: _write(
        d, "nobody.html", b"<!doctype html><html><head><title>Only a head</title></head></html>"),
         "error", "no article text", html=True),
    Case("html-only-scripts", lambda d: _write(d, "scripts.html", (
        "<html><head><script>var a = 1;</script></head><body>"
        + "<script>document.write('x');</script>" * 50 + "</body></html>").encode()),
         "error", "no article text", html=True),
    Case("html-nested", lambda d: _write(d, "deep.html", _nested_html()), "either", "ferry", html=True),
    Case("directory", _directory, "error", "folder"),
    Case("missing", lambda d: d / "does-not-exist.txt", "error", "no such file"),
    Case("symlink-loop", _symlink_loop, "error", "loop-a.txt"),
    Case("name-spaces-unicode", lambda d: _write(d, "Ünïcødé név  — 記事 .txt", article().encode()),
         "ok", "ferry"),
    Case("name-newline", lambda d: _write(d, "two\nlines.txt", article().encode()), "ok", "ferry"),
)

BY_NAME = {c.name: c for c in CASES}
ERROR_CASES = [c for c in CASES if c.outcome == "error"]
