"""The small phrase lists of web junk, one pattern per removal reason.

Reasons (the vocabulary of Removal.reason):
  hash        a hash, ID or tracking code on a line of its own
  duplicate   a paragraph printed again (exactly, nearly, or with a photo credit added)
  promo       subscribe, newsletter, sign up, download the app, offers
  share       share / follow buttons and social network names
  cookie      cookie and privacy consent text
  advert      "Advertisement", "Sponsored", "Continue reading the main story"
  navigation  menus, breadcrumbs, skip links, runs of short link-like lines
  byline      "By NAME", dates and "updated" stamps, reading times
  credit      photo credits ("Photo: X", "NAME/Getty Images")
  related     "Read more", "Related", "You may also like" and the list that follows
  comments    comment counts, "Leave a reply" and what follows
  footer      "About the author", copyright, "Scroll to top", "Source link", terms and contact links
  boilerplate anything else outside the article (far from its text, or not prose)
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.clean.needles import needles

_I = re.IGNORECASE
_LONGER_WORDS = 30
_WORD = re.compile(r"\w+")

# The same markers in the other languages the stop-word lists cover (pages are often not English).
_RELATED_OTHER = (
    r"|lire aussi|à lire aussi|a lire aussi|voir aussi|sur le même sujet|lesen sie auch|mehr zum thema"
    r"|das könnte sie auch interessieren|weitere artikel|leia também|veja também|você pode gostar"
    r"|voce pode gostar|relacionad[oa]s|lee también|ver también|te puede interesar|noticias relacionadas"
    r"|leggi anche|potrebbe interessarti|articoli correlati|czytaj także|zobacz też|čtěte také|läs också"
    r"|читайте также|похожие статьи|関連記事"
)
_COMMENTS_OTHER = r"|commentaires?|kommentare?|comentários?|comentarios?|commenti|komentarze?|komentáře|kommentarer"

# Whole short lines (matched against a block of at most ~20 words) -> reason.
LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advert", re.compile(
        r"^(advertisement|advertising|sponsored( content| links?)?|ad|ads|promoted( content| stories)?"
        r"|continue reading( the main story| below)?|story continues below( advertisement)?"
        r"|article continues below( advertisement)?|supported by|paid (content|post)|partner content"
        r"|skip advert(isement)?|close (ad|advertisement)|report (this )?ad)\W*$", _I)),
    ("cookie", re.compile(
        r"(\bcookies?\b.{0,80}\b(use|uses|using|accept|consent|policy|settings|experience|agree)\b"
        r"|\b(accept|manage|reject)( all)? cookies\b|privacy (policy|settings|preferences|notice)"
        r"|\bwe (and our partners )?(use|store) (cookies|data)\b|\bgdpr\b)", _I)),
    ("promo", re.compile(
        r"(\bnewsletters?\b|\bsubscri(be|ption|ber)s?\b|\bsign (up|in)\b|\blog ?in\b|\blog ?out\b"
        r"|\bregister\b|\bfree trial\b|\btry .{0,30}\bfree\b|unlimited (digital )?access"
        r"|\bdownload (the|our) app\b|\bget the app\b|\bbecome a member\b|\bdonate\b|\bsupport (us|our)"
        r"|\bupgrade\b|\bpremium\b|\bbroaden your horizons\b|\bdeliver(ed)? to your inbox\b"
        r"|\bget (our|the) (best|latest)\b|\bjoin (now|us|today)\b|\bbuy now\b|\bshop now\b"
        r"|\btoday'?s paper\b|\be-?paper\b|\bspecial offer\b|\bpodcasts?\b)", _I)),
    ("share", re.compile(
        r"^((share|tweet|pin|email|e-mail|print|save|copy link|whatsapp|facebook|twitter|linkedin"
        r"|pinterest|reddit|flipboard|messenger|telegram|instagram|youtube|tumblr|rss|comment)"
        r"(\s*(on|via|this|to|with|story|article|page|post|link|it|the|\||/|,|·|•|-))*\W*)+$"
        r"|^(share|follow|like) (this|us|on|via)\b|^(share|tweet) (on|to)\b"
        r"|^follow (us|@)|\bshare this (story|article|post|page)\b|^\d+\s*shares?$|^shares?\s*\d+$"
        r"|^click to (share|print|email|tweet)\b", _I)),
    ("navigation", re.compile(
        r"^(skip to( main)? (content|navigation|site index|search|footer)|menu|main menu|navigation"
        r"|home|search|close|open|toggle navigation|sections|more|all sections|show more|load more"
        r"|next|previous|prev|back|top|jump to|you are (here|at)|breadcrumbs?|sitemap|site map"
        r"|back to top|go to|see all|view all|explore|trending( now)?|latest( news)?|most (read|popular|viewed)"
        r"|topics|tags|filed (to|under)|categories|category|in this (article|story)|listen"
        r"|listen to (this|article)|play|watch|video|photos?|gallery|next article|previous article"
        r"|\d+\s*(of|/)\s*\d+|back to gallery|caption)\b\W*$"
        r"|^(skip to|jump to|go to) |^(image|photo|picture|slide) \d+ (of|/)( /)? ?\d+\W*$", _I)),
    ("related", re.compile(
        r"^(read more|more from|related|you may also like|you might also like|recommended( for you)?"
        r"|more (stories|articles|news|on this|like this|to read)|also read|see also|further reading"
        r"|popular|most popular|don'?t miss|editor'?s picks?|top stories|what to read next|up next"
        r"|read next|keep reading|recommended stories|related (stories|articles|content|coverage|posts?)"
        r"|more in|more about|latest (stories|articles)|around the web|from the web|promoted stories"
        r"|more news|other stories|trending stories|also on" + _RELATED_OTHER + r")\b", _I)),
    ("comments", re.compile(
        r"^.{1,60}\b(on|at) .{0,40}\d.{0,30}\b(said|says|wrote|writes)\s*:?\s*$"
        r"|^(\d+\s*)?(comments?|responses?|replies|reply|leave a (reply|comment)|post (a )?comment"
        r"|add (a )?comment|join the (conversation|discussion)|show comments|view comments"
        r"|comments are closed|be the first to comment|\d+ comments?|commenting|top rated comments"
        + _COMMENTS_OTHER + r")\b"
        r"|^\W*\d+\s*comments?\W*$|^rating: \d+ votes?$", _I)),
    ("footer", re.compile(
        r"(^(about (the )?author|about us|contact( us)?|terms( of (use|service))?|terms (and|&) conditions"
        r"|privacy|careers?|jobs|advertise( with us)?|help|faq|accessibility|feedback|corrections?"
        r"|scroll to top|back to top|source link|source|all rights reserved|powered by)\b\W*$"
        r"|©|\(c\) ?\d{4}|\ball rights reserved\b|\bcopyright\b)", _I)),
    ("byline", re.compile(
        r"^(by|written by|words by|posted by|published by|reported by|author:?)\s+\S"
        r"|^(updated|published|posted|last updated|first published|modified)\b.{0,60}\d"
        r"|^\d+\s*min(ute)?s?\s*(read|reading)\b|^(reading time|read time)\b", _I)),
    ("credit", re.compile(
        r"^(photo|image|picture|credit|photograph|illustration|source|video|graphic)s?"
        r"( credit)?\s*[:|©]\s*\S"
        r"|^(getty images|reuters|afp|ap|epa|shutterstock|alamy)\W*$"
        r"|^[A-Z][\w.'’ -]{1,40}/(getty images?|afp|reuters|ap|epa|shutterstock|alamy|pa|bloomberg)\b", _I)),
)

# Patterns that still mark a line of up to ~30 words: teasers and contact lines run longer than menus.
LONGER_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("related", re.compile(
        r"^[\[(]?\s*(read more|related|also read|read also|see also|more|also on \S+|leggi anche( su)?"
        r"|lire aussi|lesen sie auch|leia também|lee también)\s*[:\-–—|]\s*\S"
        r"|^also on [\w-]+\.(com|org|net|co\.uk)\b", _I)),
    ("share", re.compile(
        r"^(\W*follow|and follow|you can follow)( (him|her|them|us|me|the author))? (on|at|@)"
        r"|\bfollow (him|her|them|us|me) on (twitter|facebook|instagram|linkedin)\b"
        r"|^\W*follow .{0,40}(\bon (twitter|facebook|instagram|linkedin|threads|bluesky)\b|\s@\w)", _I)),
    ("footer", re.compile(
        r"^(email|e-mail|write to|contact|reach)\b.{0,60}\b(at|via|on)\s+[\w.+-]+@[\w-]+\.\w"
        r"|\bmay be reached at\b|\bfor your personal,? non-?commercial use\b", _I)),
    ("promo", re.compile(
        r"(^|[.!?] )subscribe to\b|\bsubscribe to .{0,40}\bnewsletters?\b|\bmeet your inbox\b"
        r"|^join our\b", _I)),
)

# Lines that end an article: what follows is comments, teasers or the footer more often than not.
TAIL_START = re.compile(
    r"^\W*(related( (stories|articles|content|coverage|posts?|roundup))?|read (more|next)|more from\b"
    r"|more (stories|news)\b|you (may|might) also like|recommended( for you| stories)?|comments?"
    r"|\d+ comments?|top rated comments|leave a (reply|comment)|about (the )?author|share this( story| article)?"
    r"|tags?|filed (to|under)|topics|most (read|popular)|trending|sponsored stories|promoted stories"
    r"|around the web|what to read next|up next|don'?t miss|source link|scroll to top|leave a reply"
    r"|join the (conversation|discussion)|\d+ (responses|replies)" + _RELATED_OTHER + _COMMENTS_OTHER
    + r")\b(\W*$|\W*:.{0,40}$)"
    r"|^.{1,60}\b(on|at) .{0,40}\d.{0,30}\b(said|says|wrote|writes)\s*:?\s*$", _I)

# End markers that also open boxes inside an article ("Related: ...", "Read more"); the article
# may go on after them. "You may also like" or "Recommended" never sit inside one.
INLINE_MARKER = re.compile(
    r"^\W*(related( (stories|articles|content|coverage|posts?))?|read (more|also|next)|see also|also read"
    r"|share( this( story| article| post)?)?|lire aussi|à lire aussi|voir aussi|leggi anche"
    r"|lesen sie auch|mehr zum thema|leia também|veja também|lee también|ver también)\b", _I)

HASH = re.compile(
    r"^(?:[0-9a-f]{12,}|[0-9A-F]{12,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[A-Za-z0-9+/_-]{24,}={0,2})$")

# A caption printed again with a credit: "Caption text – NAME SURNAME/Agency".
CREDIT_SUFFIX = re.compile(
    r"\s*(?:[–—-]|\||\(|photo:|image:|credit:|credit\.{3}|photograph:)\s*"
    r"(?:photo:?\s*|credit:?\s*|image:?\s*)?[A-Z][\w .,'’&-]{0,60}"
    r"(?:/[\w .,'’&-]{1,40})+\)?\s*$"
)
# Captions carrying a credit inline ("... Credit... Doug Mills/The New York Times").
CAPTION_CREDIT = re.compile(
    r"(\bcredits?\s*(?:\.{3}|…|:)\s*\S.{0,80}$"
    r"|\((?:photo|image|picture|credit|source|foto)s?(?: credit)?:?[^)]{0,80}\)\s*$"
    r"|\b(?:photo|image|picture)s?(?: credit)?:\s*[^.]{0,60}$"
    r"|[/|]\s*(?:getty images?|afp|reuters|ap|epa|shutterstock|alamy|bloomberg|statista)(?: file| photo)?\)?\s*$"
    r"|\.\s+(?:getty(?: images)?|statista)\s*$|©\s*[\w .'’-]{2,40}(?:/\s*[\w .'’-]{2,40})?\s*$"
    r"|^\d{1,2} (?:of|/) \d{1,2} \S"  # a gallery's "3 of 12 <caption>"
    r"|^(?:image caption|caption|photo caption)\b)", _I)
# "Show more / show less" toggles that scraped captions carry at their end.
CAPTION_TOGGLE = re.compile(r"(?:\s*(?:\.{3}|…))?\s+(?:less|more)$")

# Patterns anchored at the end of a block are tried on its last characters only: from every start
# in a long run of spaces or slashes, a search would rescan the rest of the block (quadratic time);
# what they match is never longer than this.
_TAIL = 400


def strip_credit_suffix(text: str) -> str:
    """The text without a trailing photo credit (CREDIT_SUFFIX), in time linear in its length."""
    head, tail = text[:-_TAIL], text[-_TAIL:]
    if "/" not in tail:  # every credit suffix holds one ("NAME/Agency")
        return text
    return head + CREDIT_SUFFIX.sub("", tail)


def strip_caption_toggle(text: str) -> str:
    """The text without a trailing "... more" / "less" toggle (CAPTION_TOGGLE), in linear time."""
    if not text.endswith(("less", "more", "less\n", "more\n")):
        return text
    head, tail = text[:-_TAIL], text[-_TAIL:]
    return head + CAPTION_TOGGLE.sub("", tail)


def may_contain(text: str, needles: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of any of the (lower-case) needles is in the text:
    a quick test before a case-insensitive pattern that needs one of them, whose scan is slow."""
    low = lowered(text)
    return low is None or any(map(low.__contains__, needles))


def lowered(text: str) -> str | None:
    """text.lower() for needle tests, or None when a character in it matches an ASCII letter
    case-insensitively without lower-casing to it (then every pattern must be tried)."""
    # The characters that a case-insensitive pattern matches to an ASCII letter although lower() does
    # not turn them into it ("İ", "ı", the Kelvin sign, the long s); four substring tests cost a
    # twentieth of one scan by a character class.
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u212a" in text or "\u017f" in text):
        return None
    return text.lower()


# One of these is in every match of CAPTION_CREDIT but its "3 of 12" (a text opening with a digit).
_CREDIT_NEEDLES = ("credit", "photo", "image", "picture", "source", "foto", "getty", "statista", "caption",
                   "/", "|", "©")


def has_caption_credit(text: str) -> bool:
    """CAPTION_CREDIT.search(text), tried only when the text holds what it needs."""
    if not text[:1].isdecimal() and not may_contain(text, _CREDIT_NEEDLES):
        return False
    return bool(CAPTION_CREDIT.search(text))


# Sales pitches that stay junk even in a longer paragraph.
STRONG_PROMO = re.compile(
    r"(\btry .{0,40}\b(free|for just|for only|for [£$€]\s?\d)|\bsubscribe (now|today|for)\b"
    r"|\bsign up (now|today|for|to (our|the))\b|\bunlimited (digital )?access\b|\bfree trial\b"
    r"|\baward-winning .{0,30}journalism\b|\bstart your (free )?(trial|subscription)\b"
    r"|\b(get|enjoy) \d+% off\b|\bsupport (independent|our) journalism\b"
    r"|\bdelivered (straight )?to your inbox\b|\bthis (article|story|post) (contains|may contain) affiliate"
    r"|\bif you (buy|purchase) (something|anything) (through|via|from) (this|our|these|one)"
    r"|\bmay (get|earn|receive) (a )?(small )?(share of the sale|commission)\b)", _I)
# One of these is in every match of STRONG_PROMO.
_PROMO_NEEDLES = ("try ", "subscribe ", "sign up ", "access", "free trial", "journalism", "start your ", "% off",
                  "to your inbox", "affiliate", "if you buy", "if you purchase", "commission", "share of the sale")


_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august"
    " september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday"
    " friday saturday sunday am pm gmt utc bst est edt pst pdt cet ist et pt ago min mins minute minutes"
    " hour hours hr hrs day days week weeks month months year years at on updated published posted"
    " last modified st nd rd th of the by a an".split()
)


_WHEN_WORDS = _DATE_WORDS - frozenset("at on updated published posted last modified st nd rd th of the by a an"
                                      " min mins minute minutes hour hours hr hrs day days week weeks month"
                                      " months year years".split()) | {"ago"}
_DATE_SHAPE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(19|20)\d{2}\b")


def is_date_line(tokens: list[str], text: str = "") -> bool:
    """A line that only says when ("Monday November 18, 2019 7:45 am", "2 days ago").

    Numbers alone are not enough (a table row is numbers too): a month, weekday, "ago" or a
    date- or time-shaped number must be there."""
    if not tokens or len(tokens) > 14:
        return False
    lower = [t.lower() for t in tokens]
    datey = sum(1 for t in lower if t.isdigit() or t in _DATE_WORDS)
    has_anchor = any(t.isdigit() for t in tokens) or "ago" in lower
    named = any(t in _WHEN_WORDS for t in lower) or bool(_DATE_SHAPE.search(text))
    return has_anchor and named and datey >= 0.75 * len(tokens)


def line_reason(text: str, n_words: int) -> str | None:
    """The junk reason of a short line, or None. Long prose is never matched (it mentions things)."""
    if n_words <= 60 and may_contain(text, _PROMO_NEEDLES) and STRONG_PROMO.search(text):
        return "promo"
    if n_words > 25:
        return None
    if is_date_line(_WORD.findall(text), text):
        return "byline"
    low = lowered(text)  # a pattern is scanned for only when the line holds one of its needles
    short, longer = _line_needles()
    for (reason, pattern), found in zip(LINE_PATTERNS, short, strict=True):
        if reason in ("cookie",) or n_words <= 12:
            if (low is None or found is None or any(map(low.__contains__, found))) and pattern.search(text):
                return reason
    if n_words <= _LONGER_WORDS:
        for (reason, pattern), found in zip(LONGER_LINE_PATTERNS, longer, strict=True):
            if (low is None or found is None or any(map(low.__contains__, found))) and pattern.search(text):
                return reason
    return None


@lru_cache(maxsize=1)
def _line_needles() -> tuple[tuple[tuple[str, ...] | None, ...], tuple[tuple[str, ...] | None, ...]]:
    """The needles of LINE_PATTERNS and of LONGER_LINE_PATTERNS, in their order."""
    return tuple(needles(p) for _, p in LINE_PATTERNS), tuple(needles(p) for _, p in LONGER_LINE_PATTERNS)
