"""Précis' looks (light, dark, sepia) as ttkbootstrap themes, the palette for tk.Text widgets, and fonts."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from dataclasses import dataclass
from typing import Any

# Setting name -> ttkbootstrap theme name (families registered by register_themes()).
THEME_NAMES = {"light": "precis-light", "dark": "precis-night-dark", "sepia": "precis-sepia-light"}
# Book serifs first; P052 is what packaging/bootstrap.sh installs on Debian (fonts-urw-base35), DejaVu Serif
# what a bare Debian has. The reader measures the family it gets, so any of them fills ~70 characters a line.
READING_FAMILIES = ("Charter", "Literata", "Georgia", "P052", "Palatino Linotype", "Palatino", "Noto Serif",
                    "C059", "DejaVu Serif", "Times New Roman", "serif")
ELLIPSIS = "…"
UI_FAMILIES = ("Inter", "Cantarell", "Segoe UI", "SF Pro Text", "Noto Sans", "DejaVu Sans", "Helvetica")


@dataclass(frozen=True)
class Palette:
    """Colours for the widgets ttk themes do not reach (tk.Text, tk.Menu)."""

    bg: str  # reading surface
    fg: str
    muted: str  # meta line, captions, reasons
    panel: str  # side panes
    accent: str  # links, numbers, selection bar
    highlight: str  # summary sentences in the text: a calm wash (Tk also paints it between wrapped lines)
    flash: str  # a sentence just jumped to
    removed: str  # struck-through removed blocks
    danger: str
    select_bg: str
    border: str
    mark: str  # the person's own highlights: a calm green wash, unlike the summary's warm one


PALETTES = {
    "light": Palette(bg="#fdfdfc", fg="#1f2328", muted="#6b7078", panel="#f4f4f2", accent="#2f6f9f",
                     highlight="#f8eccb",
                     flash="#f5d76e", removed="#6d727a", danger="#b4443c",
                     select_bg="#d6e6f5", border="#e3e3df", mark="#cfe9d6"),
    "dark": Palette(bg="#1d1f23", fg="#dcdcd6", muted="#9198a1", panel="#24272c", accent="#7fb0de",
                    highlight="#3a3628",
                    flash="#5e5230", removed="#8b929b", danger="#e07a72",
                    select_bg="#2f4a66", border="#33363c", mark="#2b4a3c"),
    "sepia": Palette(bg="#f6efdf", fg="#3f3225", muted="#6c5a47", panel="#efe6d2", accent="#7f5226",
                     highlight="#f3e0b6",
                     flash="#e6c883", removed="#6f5f4b", danger="#a5452f",
                     select_bg="#e6d3ad", border="#e0d4bb", mark="#cfdcae"),
}


def luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (AA asks 4.5 for text)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """colour moved amount (0..1) of the way towards other, both "#rrggbb"."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def register_themes() -> None:
    """Declare the three families; ttkbootstrap registers them when the root window comes up."""
    from ttkbootstrap import Theme

    light, dark, sepia = PALETTES["light"], PALETTES["dark"], PALETTES["sepia"]
    Theme(
        name="precis", primary="#2f6f9f", success="#3c8d5a", info="#3a8fb7", warning="#d9a400",
        danger="#c0493f", neutral="#6b7078",
        light=dict(background=light.panel, foreground=light.fg),
    ).register()
    # The dark look is its own family: the generated dark shades of the light family's blue put white
    # button text at 3.6:1; a deeper blue, a lighter grey and a softer red reach 4.5:1 (WCAG AA).
    Theme(
        name="precis-night", primary="#1f5580", success="#3c8d5a", info="#3a8fb7", warning="#d9a400",
        danger="#d45a50", neutral="#8a9099",
        dark=dict(background=dark.panel, foreground=dark.fg),
    ).register()
    Theme(
        name="precis-sepia", primary="#8a5a2b", success="#5f7f3a", info="#5d8a8a", warning="#c08a1e",
        danger="#a5452f", neutral="#82705c",
        light=dict(background=sepia.panel, foreground=sepia.fg),
    ).register()


def apply_theme(style: Any, theme: str) -> None:
    """Use the look's ttk theme (unless it is in use already: a switch repaints every widget), tuned."""
    if style.theme_use() != THEME_NAMES[theme]:
        style.theme_use(THEME_NAMES[theme])
    tune_styles(style, theme)


def tune_styles(style: object, theme: str) -> None:
    """After a theme is applied: the few ttk colours the generated themes get below 4.5:1. In dark, an
    outlined primary button (the library's Add…) writes its label in the deep blue its filled twin needs
    under white text; outlined, the label takes the palette's light accent instead."""
    if theme == "dark":
        style.configure("primary.Outline.TButton", foreground=PALETTES["dark"].accent)


def pick_family(root: tk.Misc, wanted: tuple[str, ...]) -> str:
    available = {f.lower(): f for f in tkfont.families(root)}
    for name in wanted:
        if name.lower() in available:
            return available[name.lower()]
    return wanted[-1]


@dataclass(frozen=True)
class Fonts:
    reading: str
    ui: str


def setup_fonts(root: tk.Misc) -> Fonts:
    """Choose the reading and interface families and size Tk's named fonts for a calm interface."""
    fonts = Fonts(pick_family(root, READING_FAMILIES), pick_family(root, UI_FAMILIES))
    for name in ("TkDefaultFont", "TkTextFont", "TkMenuFont", "TkHeadingFont"):
        try:
            tkfont.nametofont(name, root).configure(family=fonts.ui, size=10)
        except tk.TclError:
            pass
    return fonts


def fit_text(font: tkfont.Font, text: str, width: int) -> str:
    """The text, or its start and an ellipsis, to fit in width pixels (a cut at a word when one is near)."""
    if width <= 0 or not text or font.measure(text) <= width:
        return text
    lo, hi = 0, len(text) - 1  # the longest start that fits with the ellipsis, by bisection
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.measure(text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    cut = text[:lo].rstrip()
    space = cut.rfind(" ")
    if space > lo * 0.8:  # end on a whole word when that costs little
        cut = cut[:space].rstrip(" ,;:-–—|")
    return cut + ELLIPSIS
