"""Facts of several articles merged into one list per group, each with the articles that name it.

Names are merged across articles by the rules that merge them within one: the same spelling (or one
an article already merged, or an acronym's expansion), a lone family name with the full name, and
transliterations of one family name with the same given name ("Abu Mohammed al-Jolani" /
"Abu Mohammed al-Jawlani"). Linear in the number of facts: every match is a dictionary lookup.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.brief.model import BriefFact, Citation
from desktop.core.facts import fold, skeleton, surname
from desktop.core.model import Fact, Facts

NAME_GROUPS = ("people", "organisations", "places")
KIND_GROUP = {"person": "people", "organisation": "organisations", "place": "places"}
# Dates go to the timeline, quotes and keywords stay with their article: what is left is merged.
SKIPPED_GROUPS = frozenset({"dates", "quotes", "keywords"})
PER_GROUP = 40  # facts kept per group; the rest are named by few articles


def surname_key(name: str) -> str:
    """What two spellings of one family name share, by the facts extractor's rule (same_surname): the
    name itself when short, else its first letter and consonants."""
    s = surname(name)
    return s if len(s) < 5 else s[0] + skeleton(s)


@dataclass
class _Cluster:
    members: list[tuple[int, Fact, str]] = field(default_factory=list)  # (article order, fact, group)

    def add(self, other: _Cluster) -> None:
        self.members.extend(other.members)


class _Union:
    """Union-find over clusters, so that merging is near constant time."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.clusters: list[_Cluster] = []
        self.items: list[tuple[int, Fact, str]] = []  # what each node was made from

    def new(self, order: int, fact: Fact, group: str) -> int:
        self.parent.append(len(self.parent))
        self.items.append((order, fact, group))
        self.clusters.append(_Cluster([(order, fact, group)]))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.clusters[ra].add(self.clusters[rb])
            self.clusters[rb] = _Cluster()
        return ra

    def roots(self) -> list[_Cluster]:
        return [self.clusters[i] for i in range(len(self.parent)) if self.parent[i] == i]


def merge_facts(items: Sequence[tuple[int, Facts]]) -> tuple[tuple[str, tuple[BriefFact, ...]], ...]:
    """(article id, Facts) in briefing order -> ((group, facts most named first), ...)."""
    order = {aid: i for i, (aid, _) in enumerate(items)}
    ids = [aid for aid, _ in items]
    group_names: list[str] = []
    names = _Union()
    others: dict[str, dict[str, _Cluster]] = defaultdict(dict)
    for pos, (_, facts) in enumerate(items):
        for group, group_facts in facts.groups():
            if group in SKIPPED_GROUPS:
                continue
            if group not in group_names:
                group_names.append(group)
            for fact in group_facts:
                if group in NAME_GROUPS:
                    names.new(pos, fact, group)
                else:
                    others[group].setdefault(fold(fact.text), _Cluster()).members.append((pos, fact, group))
    _merge_names(names)
    by_group: dict[str, list[BriefFact]] = defaultdict(list)
    for cluster in names.roots():
        fact = _brief_fact(cluster, ids)
        by_group[KIND_GROUP.get(fact.kind, "places")].append(fact)
    for group, clusters in others.items():
        by_group[group] = [_brief_fact(c, ids) for c in clusters.values()]
    out = []
    for group in group_names:
        facts = sorted(by_group.get(group, ()), key=lambda f: (-len(f.articles), -f.mentions,
                                                                 order[f.first.article], f.first.index))
        out.append((group, tuple(facts[:PER_GROUP])))
    return tuple(out)


def _merge_names(u: _Union) -> None:
    # 1. The same spelling anywhere (text, merged variants, an acronym and its expansion).
    by_key: dict[str, int] = {}
    for i in range(len(u.parent)):
        _, fact, group = u.items[i]
        keys = {fold(fact.text), *(fold(v) for v in fact.variants)}
        if group == "organisations" and fact.detail:
            keys.add(fold(fact.detail))
        for key in keys:
            if key in by_key:
                u.union(by_key[key], i)
            else:
                by_key[key] = i
    # 2. People: the same given name and a respelt family name; then lone family names.
    full: dict[tuple[str, str], int] = {}
    by_surname: dict[str, set[int]] = defaultdict(set)
    lone: list[int] = []
    for i in range(len(u.parent)):
        _, fact, group = u.items[i]
        if group != "people":
            continue
        words = fact.text.split()
        if len(words) == 1:
            lone.append(i)
            continue
        key = (fold(words[0]), surname_key(fact.text))
        if key in full:
            u.union(full[key], i)
        else:
            full[key] = i
        by_surname[surname_key(fact.text)].add(i)
    for i in lone:
        targets = {u.find(j) for j in by_surname.get(surname_key(u.items[i][1].text), ())}
        if targets:
            # Several people share the name: the one most articles name is the likely one.
            best = max(targets, key=lambda r: len({m[0] for m in u.clusters[r].members}))
            u.union(best, i)


def _brief_fact(cluster: _Cluster, ids: list[int]) -> BriefFact:
    members = cluster.members
    if len(members) == 1:  # most facts: named by one article only
        pos, fact, _ = members[0]
        return BriefFact(kind=fact.kind, text=fact.text, articles=(ids[pos],), mentions=fact.count,
                         first=Citation(ids[pos], fact.sentence), variants=fact.variants, detail=fact.detail)
    # One article may call a name a place and another an organisation: most articles decide.
    kinds: Counter[str] = Counter(fact.kind for _, fact, _ in members)
    kind = kinds.most_common(1)[0][0]
    spellings: Counter[str] = Counter()
    for _, fact, _ in members:
        spellings[fact.text] += 1
    # People by their fullest name, everything else by the spelling most articles use.
    text = max(spellings, key=lambda t: ((len(t.split()) if kind == "person" else 0), spellings[t], len(t)))
    seen = {fold(text)}
    variants: list[str] = []
    for _, fact, _ in members:
        for v in (fact.text, *fact.variants):
            if fold(v) not in seen:
                seen.add(fold(v))
                variants.append(v)
    positions = sorted({pos for pos, _, _ in members})
    first_pos, first_fact, _ = min(members, key=lambda m: (m[0], m[1].sentence))
    detail = next((f.detail for _, f, _ in sorted(members, key=lambda m: m[0]) if f.detail), "")
    return BriefFact(
        kind=kind, text=text, articles=tuple(ids[p] for p in positions),
        mentions=sum(f.count for _, f, _ in members),
        first=Citation(ids[first_pos], first_fact.sentence), variants=tuple(variants), detail=detail,
    )
