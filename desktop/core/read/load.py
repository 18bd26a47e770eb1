"""Read a file into a Source: size limits, refusal of binary files, encoding detection."""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from pathlib import Path

from desktop.core.errors import PrecisError
from desktop.core.files import display_name
from desktop.core.model import Source, SourceFormat

MAX_BYTES = 20 * 1024 * 1024  # 20 MB of text is a long book; more is almost surely not an article

# Leading bytes of common non-text formats, with a name people recognise.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"SQLite format 3", "a database"),
)

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_DOCUMENT_EXT: dict[str, SourceFormat] = {".docx": "docx", ".epub": "epub", ".pdf": "pdf"}
_DOCUMENT_KIND = {"docx": "Word document", "epub": "EPUB book", "pdf": "PDF"}


def load_path(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Source:
    """Read a file from disk; raise PrecisError with a plain reason when it cannot be an article."""
    p = Path(path)
    shown = display_name(p.name)  # for people: bytes that are not UTF-8 as U+FFFD; p stays exact
    try:
        if p.is_dir():
            raise PrecisError(f"{shown or display_name(str(p))}: is a folder, not a file")
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or a device would block the read forever or never end.
            raise PrecisError(f"{shown}: not a regular file ({_special_kind(info.st_mode)})")
        size = info.st_size
        if size > max_bytes:
            raise PrecisError(
                f"{shown}: too large ({size / 1e6:.0f} MB); Précis reads files up to "
                f"{max_bytes / 1e6:.0f} MB"
            )
        with p.open("rb") as fh:
            # Read one byte more than the limit: a file growing while we read is caught too.
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise PrecisError(f"{display_name(str(p))}: no such file") from None
    except PermissionError:
        raise PrecisError(f"{shown}: permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise PrecisError(f"{shown}: is a folder, not a file") from None
    except OSError as exc:
        raise PrecisError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise PrecisError(f"{shown}: too large; Précis reads files up to {max_bytes / 1e6:.0f} MB")
    return load_bytes(data, name=shown, path=str(p))


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def load_bytes(data: bytes, name: str = "untitled", path: str | None = None) -> Source:
    """Decode bytes into a Source, or raise PrecisError when they are not text."""
    if not data.strip():
        raise PrecisError(f"{name}: the file is empty")
    document = document_format(data, name)
    if document is not None:
        # Word, EPUB and PDF files are not text: their reader (desktop.core.read_*) extracts it when
        # the file is cleaned; the Source keeps the bytes as they are.
        return Source(name=name, data=data, text="", format=document, encoding="", path=path)
    text, encoding = decode(data, name)
    if not text.strip():
        raise PrecisError(f"{name}: the file holds no text")
    return Source(
        name=name, data=data, text=text, format=guess_format(name, text),
        encoding=encoding, path=path,
    )


def document_format(data: bytes, name: str) -> SourceFormat | None:
    """'docx', 'epub' or 'pdf' when the bytes are such a document, told by the content (a Word file
    or a book saved under another name is still one), else None.

    A file named .docx or .epub that is not one is refused here with a reason; any other ZIP or
    binary falls through to decode(), which refuses it by its magic bytes."""
    wanted = _DOCUMENT_EXT.get(Path(name).suffix.lower())
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, name, wanted)
    if wanted == "pdf" and b"%PDF-" in data[:1024]:
        return "pdf"  # a damaged PDF gets its reason from the reader, naming the file
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]:
        return "pdf"  # a whole PDF under another name
    return None


def _zip_format(data: bytes, name: str, wanted: SourceFormat | None) -> SourceFormat | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        # The mimetype entry is a few bytes; a large one is not an EPUB's (and is not inflated).
        small = "mimetype" in names and archive.getinfo("mimetype").file_size <= 64
        mimetype = archive.read("mimetype").strip() if small else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError, RuntimeError):
        names, mimetype = set(), b""
        if wanted in ("docx", "epub"):
            raise PrecisError(f"{name}: this {_DOCUMENT_KIND[wanted]} is damaged "
                              "(not a valid ZIP archive)") from None
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return "docx"
    if mimetype == b"application/epub+zip" or "META-INF/container.xml" in names:
        return "epub"
    if wanted in ("docx", "epub"):
        raise PrecisError(f"{name}: not a {_DOCUMENT_KIND[wanted]} (the ZIP archive holds no "
                          f"{'word/document.xml' if wanted == 'docx' else 'META-INF/container.xml'})")
    return None


def decode(data: bytes, name: str = "file") -> tuple[str, str]:
    """Return (text, encoding name). BOMs first, then UTF-8, then charset-normalizer."""
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _normalise(data.decode(enc)), enc
            except UnicodeDecodeError:
                break
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise PrecisError(f"{name}: not a text file (it looks like {what})")
    utf16 = _bomless_utf16(data)
    if utf16:
        return _normalise(data.decode(utf16)), utf16
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data, name)
    if _looks_binary(text):
        raise PrecisError(f"{name}: not a text file (it holds binary data)")
    return _normalise(text), encoding


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise PrecisError(f"{name}: not a text file (no text encoding fits its bytes)")
    encoding = best.encoding
    # Western files that are not UTF-8 are nearly always Windows-1252 (a superset of Latin-1
    # for printable text); charset-normalizer sometimes names an exotic cousin.
    if encoding in {"latin_1", "iso8859_15", "cp1250", "cp1254", "iso8859_2"}:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode(encoding, errors="replace"), encoding


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte for Latin text."""
    sample = data[:4000]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    for enc, nuls in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if nuls > half * 0.6:
            try:
                data.decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return None


# Control characters that text files do not hold (all below 32 but tab, newlines, form feed).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    # Counted in C, not one Python step per character of the sample (0.4-0.7 ms a file).
    control = len(_CONTROL.findall(sample))
    replacement = sample.count("\ufffd")
    return (control + replacement) / len(sample) > 0.05


def _normalise(text: str) -> str:
    """Unify line endings and drop NUL and other stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.lstrip("\ufeff")


def guess_format(name: str, text: str) -> SourceFormat:
    ext = Path(name).suffix.lower()
    if ext in _HTML_EXT:
        return "html"
    if ext in _MD_EXT:
        return "markdown"
    head = text[:1000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:5000].lower():
        return "html"
    return "text"
