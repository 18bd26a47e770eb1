"""Dates in sentences, resolved to the calendar: "28 November 2024", "in March", "on Thursday",
"last week", "two days ago". Relative dates are read against the article's own date; without one,
only dates that name their year are kept (a wrong date is worse than none). English only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NUMBER = {
    **{m.lower(): i for i, m in enumerate(MONTHS, 1)},
    **{m.lower(): i for i, m in enumerate(
        ("January February March April May June July August September October November December").split(), 1)},
    "sept": 9,
}
_DAY_NUMBER = {d.lower(): i for i, d in enumerate(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = (r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_DAY = r"(?P<{0}>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_PATTERNS = [
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
    ("mdy", rf"{_MONTH.format('mon')}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\d,.]*\d)"),
    ("dmy", rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format('mon')}(?:,?\s+(?P<y>(?:19|20)\d\d))?"),
    ("my", rf"(?:(?P<rel>last|next|this|early|late|mid-?|in|since|until|by|from|of|during)\s+)?"
           rf"{_MONTH.format('mon')}(?:\s+(?P<y>(?:19|20)\d\d))?"),
    ("weekday", rf"(?:(?P<rel>last|next|this|on|since|until|by|from)\s+)?{_DAY.format('wd')}"),
    ("named", r"(?P<word>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night)"),
    ("period", r"(?P<rel>last|next|this|earlier this|later this)\s+(?P<unit>week(?:end)?|month|year)"),
    ("ago", r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago"),
    ("year", r"(?:in|since|until|by|from|of|during|early|late)\s+(?P<y>(?:19|20)\d\d)(?!\d|,\d|\.\d|s\b)"),
]
_FUTURE = re.compile(r"\b(?:will|would|is due|are due|is set to|are set to|is expected|are expected|plans? to|"
                     r"scheduled|next)\b[^.;]*$", re.IGNORECASE)


def _compile() -> re.Pattern[str]:
    # Group names must be unique across alternatives: number each pattern's groups.
    parts = []
    for i, (_, body) in enumerate(_PATTERNS):
        body = re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<{m.group(1)}{i}>", body)
        parts.append(f"(?P<k{i}>\\b{body})")
    # The lookahead fails fast between words, before the alternatives are tried one by one.
    return re.compile(r"(?=\b\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


_FIND = _compile()
# Every date phrase holds one of these words or a year: most sentences are ruled out by a set lookup
# instead of the long expression above.
_TRIGGERS = frozenset(
    [*_MONTH_NUMBER, *_DAY_NUMBER, "yesterday", "today", "tonight", "tomorrow", "night", "morning",
     "afternoon", "evening", "week", "weekend", "month", "year", "ago"])
_WORDS = re.compile(r"[a-z]+|(?:19|20)\d\d")


@dataclass(frozen=True)
class DatedPhrase:
    phrase: str  # as written
    start: date  # first day of the period
    precision: str  # day, week, month, year
    offset: int  # where the phrase starts in the sentence

    @property
    def iso(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return str(self.start.year)

    @property
    def label(self) -> str:
        d = self.start
        if self.precision == "day":
            return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
        if self.precision == "week":
            return f"week of {d.day} {MONTHS[d.month - 1]} {d.year}"
        if self.precision == "month":
            return f"{MONTHS[d.month - 1]} {d.year}"
        return str(d.year)


def parse_article_date(text: str) -> date | None:
    """An article's date from its metadata: ISO ("2024-11-28", "2024-11-28T10:00:00Z") or written
    out ("28 November 2024", "November 28, 2024"); None when it names no day."""
    text = (text or "").strip()
    m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", text)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    found = find_dates(text, None)
    return found[0].start if found and found[0].precision == "day" else None


def find_dates(sentence: str, reference: date | None) -> list[DatedPhrase]:
    """The date phrases of a sentence that can be placed on the calendar, in reading order."""
    out: list[DatedPhrase] = []
    words = _WORDS.findall(sentence.lower())
    if not any(w in _TRIGGERS or w[0].isdigit() for w in words):
        return out
    for m in _FIND.finditer(sentence):
        i = int(next(k for k, v in m.groupdict().items() if v is not None and k.startswith("k"))[1:])
        groups = {k[: -len(str(i))]: v for k, v in m.groupdict().items()
                  if v is not None and k.endswith(str(i)) and not k.startswith("k")}
        future = bool(_FUTURE.search(sentence[: m.start()]))
        resolved = _resolve(_PATTERNS[i][0], groups, reference, future)
        if resolved is not None:
            start, precision = resolved
            out.append(DatedPhrase(m.group(0).rstrip("."), start, precision, m.start()))
    return out


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    """A day named without its year: the one nearest the article's date."""
    options = [x for x in (_safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if x]
    return min(options, key=lambda x: abs((x - ref).days)) if options else None


def _resolve(kind: str, g: dict[str, str], ref: date | None, future: bool) -> tuple[date, str] | None:
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if kind in ("mdy", "dmy"):
        month, day = _MONTH_NUMBER[g["mon"].lower().rstrip(".")], int(g["d"])
        if "y" in g:
            d = _safe_date(int(g["y"]), month, day)
        else:
            d = _nearest_year(month, day, ref) if ref else None
        return (d, "day") if d else None
    if kind == "my":
        return _month(g, ref, future)
    if kind == "year":
        return date(int(g["y"]), 1, 1), "year"
    if ref is None:
        return None
    if kind == "weekday":
        return _weekday(g, ref, future), "day"
    if kind == "named":
        word = g["word"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return ref + timedelta(days=shift), "day"
    if kind == "period":
        return _period(g["rel"].lower(), g["unit"].lower(), ref)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _COUNT[g["n"].lower()]
        return _shift(ref, g["unit"].lower(), -n)
    return None


def _month(g: dict[str, str], ref: date | None, future: bool) -> tuple[date, str] | None:
    word = g["mon"]
    rel = (g.get("rel") or "").lower()
    # "May" alone is mostly the verb, "Mar" a name: a month alone needs a word saying it is one.
    if not rel and "y" not in g:
        return None
    if word[0].islower() and "y" not in g:
        return None
    month = _MONTH_NUMBER[word.lower().rstrip(".")]
    if "y" in g:
        return date(int(g["y"]), month, 1), "month"
    if ref is None:
        return None
    # News tells what happened: a month named alone is the last one, unless the sentence looks ahead.
    if rel == "next" or (future and rel != "last"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return date(year, month, 1), "month"


def _weekday(g: dict[str, str], ref: date, future: bool) -> date:
    target = _DAY_NUMBER[g["wd"].lower()]
    rel = (g.get("rel") or "").lower()
    back = (ref.weekday() - target) % 7  # 0..6 days back: the day itself counts ("on Thursday")
    if rel == "next" or (future and rel != "last"):
        ahead = (target - ref.weekday()) % 7
        return ref + timedelta(days=ahead or 7)
    if rel == "last":
        return ref - timedelta(days=back or 7)
    return ref - timedelta(days=back)


def _period(rel: str, unit: str, ref: date) -> tuple[date, str]:
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit.startswith("week"):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return monday + timedelta(days=5), "day"
        return monday, "week"
    if unit == "month":
        return _shift(date(ref.year, ref.month, 1), "month", step)
    return date(ref.year + step, 1, 1), "year"


def _shift(ref: date, unit: str, n: int) -> tuple[date, str]:
    if unit == "day":
        return ref + timedelta(days=n), "day"
    if unit == "week":
        d = ref + timedelta(weeks=n)
        return d - timedelta(days=d.weekday()), "week"
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + n
        return date(months // 12, months % 12 + 1, 1), "month"
    return date(ref.year + n, 1, 1), "year"
