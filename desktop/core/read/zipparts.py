"""Safe reading of the parts of a ZIP-based document (Word, EPUB): capped sizes, XML without entities.

A document is untrusted input. A small ZIP can inflate to gigabytes (a zip bomb), so every part is
read with a cap on its uncompressed size and on the total read. XML is parsed with a count of
elements and of nesting depth (MAX_ELEMENTS, MAX_DEPTH), so a small file cannot build a tree of
millions of nodes. XML entity declarations are refused before parsing: they are how "billion
laughs" and external-entity attacks start, and no Word or EPUB writer needs them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from desktop.core.errors import PrecisError
from desktop.core.read.document import MAX_DEPTH, MAX_ELEMENTS

MAX_PART = 50 * 1024 * 1024  # uncompressed bytes of one part (document.xml, one chapter)
MAX_TOTAL = 100 * 1024 * 1024  # uncompressed bytes read from one document in all
_FEED = 1 << 20  # bytes handed to the XML parser at a time: counting stops a huge part early


class ZipParts:
    """The parts of one ZIP document; errors name the file and what kind of document it is."""

    def __init__(self, data: bytes, name: str, kind: str, max_part: int = MAX_PART,
                 max_total: int = MAX_TOTAL) -> None:
        self.name = name
        self.kind = kind  # "Word document", "EPUB book": said in messages
        self.max_part = max_part
        self.max_total = max_total
        self.read_so_far = 0
        self.elements_left = MAX_ELEMENTS  # shared by all parts: the limit is per document
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
            raise self.damaged("not a valid ZIP archive") from None
        self._names = {info.filename: info for info in self._zip.infolist()}

    def damaged(self, why: str) -> PrecisError:
        return PrecisError(f"{self.name}: this {self.kind} cannot be read ({why})")

    def has(self, member: str) -> bool:
        return member in self._names

    def read(self, member: str) -> bytes:
        """The uncompressed bytes of one part, refusing parts (or totals) over the caps."""
        info = self._names.get(member)
        if info is None:
            raise self.damaged(f"{member} is missing")
        if info.file_size > self.max_part:
            raise self._too_big(member)
        try:
            with self._zip.open(info) as fh:
                # The size in the header can lie: read one byte past the cap to know.
                raw = fh.read(min(self.max_part, self.max_total - self.read_so_far) + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError):  # RuntimeError: an encrypted part
            raise self.damaged(f"{member} is damaged or encrypted") from None
        self.read_so_far += len(raw)
        if len(raw) > self.max_part or self.read_so_far > self.max_total:
            raise self._too_big(member)
        return raw

    def take_elements(self, count: int) -> None:
        """Count `count` more elements against the document's MAX_ELEMENTS; refuse past it."""
        if count > self.elements_left:
            raise PrecisError(f"{self.name}: refused, this {self.kind} holds more than "
                              f"{MAX_ELEMENTS:,} elements; Précis reads documents up to that size")
        self.elements_left -= count

    def _too_big(self, member: str) -> PrecisError:
        return PrecisError(
            f"{self.name}: refused, {member} inflates to more than {self.max_part / 1e6:.0f} MB "
            "(a damaged file or a zip bomb)"
        )

    def xml(self, member: str, allow_doctype: bool = False) -> ET.Element:
        return parse_xml(self.read(member), self, member, allow_doctype)


def parse_xml(raw: bytes, parts: ZipParts, member: str, allow_doctype: bool = False) -> ET.Element:
    """Parse one XML part; refuse entity declarations (and DTDs unless allowed: XHTML has one), and
    parts with more than MAX_ELEMENTS elements or nested deeper than MAX_DEPTH, before they are built."""
    head = raw[:4096] if allow_doctype else raw
    if b"<!ENTITY" in raw or (not allow_doctype and b"<!DOCTYPE" in head):
        raise PrecisError(f"{parts.name}: refused, {member} declares XML entities (a DTD), "
                          f"which a {parts.kind} never needs")
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = elements = 0
    root: ET.Element | None = None
    try:
        for at in range(0, len(raw), _FEED):
            parser.feed(raw[at:at + _FEED])
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                if root is None:
                    root = element
                depth += 1
                elements += 1
                if depth > MAX_DEPTH:
                    raise PrecisError(f"{parts.name}: refused, {member} nests its elements more than "
                                      f"{MAX_DEPTH:,} levels deep (a damaged or hostile file)")
                if elements > parts.elements_left:
                    parts.take_elements(elements)  # raises
        parser.close()
    except ET.ParseError as exc:
        raise parts.damaged(f"{member} is not well-formed XML: {exc}") from None
    if root is None:
        raise parts.damaged(f"{member} holds no XML element")
    parts.take_elements(elements)
    return root


def join_href(base_dir: str, href: str) -> str:
    """A relative link inside the archive ('../Text/ch1.xhtml#x') -> the member name it names."""
    path = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base_dir, path)).lstrip("/")
