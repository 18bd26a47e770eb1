"""Every theme's text reaches WCAG AA (4.5:1) on its background, computed from the palette and from the
ttk styles the widgets really get; the summary wash is visible in every theme but stays calm."""

from __future__ import annotations

import pytest

from desktop.ui.theme import PALETTES, THEME_NAMES, contrast, tune_styles

AA = 4.5
TEXT_ON = {  # palette text colour -> the backgrounds it is drawn on
    "fg": ("bg", "panel", "highlight", "flash", "select_bg"),
    "muted": ("bg", "panel"),
    "accent": ("bg", "panel"),
    "removed": ("bg",),
    "danger": ("bg", "panel"),
}


def test_contrast_ratio_is_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#336699", "#336699") == 1.0


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_every_text_colour_of_the_palette_reaches_aa(theme: str) -> None:
    p = PALETTES[theme]
    low = {(text, back): round(contrast(getattr(p, text), getattr(p, back)), 2)
           for text, backs in TEXT_ON.items() for back in backs
           if contrast(getattr(p, text), getattr(p, back)) < AA}
    assert low == {}


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_summary_wash_is_visible_but_calm(theme: str) -> None:
    p = PALETTES[theme]
    assert 1.12 <= contrast(p.highlight, p.bg) <= 1.6  # in dark it was 1.13 with a darker page: faint


STYLED = (  # (widget, bootstyle) pairs the window uses for text
    ("Button", "primary"), ("Button", "primary-outline"), ("Button", "secondary-outline"), ("Button", "link"),
    ("Label", "default"),
    ("Label", "secondary"), ("Label", "danger"), ("Label", "success"), ("Checkbutton", "round-toggle"),
)


def test_ttk_widgets_reach_aa_in_every_theme(shared_root) -> None:
    import ttkbootstrap as ttk

    style = shared_root.style
    before = style.theme_use()
    low = []
    try:
        for theme, name in THEME_NAMES.items():
            style.theme_use(name)
            widgets = [(bootstyle, getattr(ttk, kind)(shared_root, text="Export", bootstyle=bootstyle), kind)
                       for kind, bootstyle in STYLED]
            tune_styles(style, theme)  # as the window does after each theme change
            for bootstyle, widget, kind in widgets:
                st = widget.cget("style") or f"T{kind}"
                fg = style.lookup(st, "foreground")
                bg = style.lookup(st, "background") or style.lookup(".", "background")
                if contrast(fg, bg) < AA:
                    low.append((theme, bootstyle, fg, bg, round(contrast(fg, bg), 2)))
                widget.destroy()
    finally:
        style.theme_use(before)
    assert low == []
