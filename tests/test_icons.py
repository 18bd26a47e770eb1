"""The app icon: an SVG source and PNG sizes 16-512 drawn from it, shipped with the package."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from desktop.resources import assets_dir

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png(size: int) -> Path:
    return assets_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "precis.png"


@pytest.mark.parametrize("size", SIZES)
def test_each_size_is_a_square_rgba_png_with_transparent_corners(size: int) -> None:
    with Image.open(png(size)) as image:
        assert image.format == "PNG" and image.size == (size, size)
        rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] < 64 or size <= 24  # small sizes fill the square for crispness
    assert rgba.getpixel((size // 2, size // 2))[3] == 255  # the page is opaque


def test_icons_are_small() -> None:
    total = sum(p.stat().st_size for p in assets_dir().rglob("*") if p.is_file())
    assert total < 1_000_000


def test_svg_source_is_a_square_drawing() -> None:
    root = ET.parse(assets_dir() / "precis.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 512 512"
    assert len(list(root.iter("{http://www.w3.org/2000/svg}rect"))) >= 5


def test_windows_and_macos_icons_hold_every_size() -> None:
    with Image.open(assets_dir() / "precis.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(assets_dir() / "precis.icns") as icns:
        assert {(512, 512, 1), (256, 256, 1), (128, 128, 1)} <= set(icns.info["sizes"])


def test_pngs_are_what_the_generator_draws() -> None:
    """The committed PNGs come from packaging/make_icons.py (same geometry as the SVG)."""
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    assert spec and spec.loader
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    for size in (16, 48, 256):
        drawn = make_icons.render(make_icons.geometry(size), size)
        with Image.open(png(size)) as committed:
            diff = ImageChops.difference(drawn, committed.convert("RGBA"))
        assert max(ImageStat.Stat(diff).mean) < 2.0, size
