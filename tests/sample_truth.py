"""What a person sees as the sample article's content and junk (read off seeds/hama.txt by hand)."""

from tests.conftest import SAMPLE

TITLE = "Syrian rebels take control of Hama from Assad’s forces"
JUNK = (
    "cfd54d01fd19295c3907706719a968a5",
    "Broaden your horizons with award-winning British journalism.",
    "Source link",
    "About The Author",
    "Scroll to Top",
    "BAKR AL KASSEM/Getty Images",
)
CAPTIONS = (
    "Anti-government fighters rest at a position in the northern outskirts of Hama on Dec 4",
    "An anti-government fighter carries a rocket to be used against regime forces in the north of Hama",
)


def blocks() -> list[str]:
    return [b.strip() for b in SAMPLE.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def body_paragraphs() -> list[str]:
    """Every block of the file that is neither the title, junk, nor a caption."""
    return [
        b for b in blocks()
        if b != TITLE and b not in CAPTIONS and not any(j in b for j in JUNK)
    ]
