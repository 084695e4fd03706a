"""Merging resolved event mentions into events across articles.

Merging works on resolved mentions (canonical names from the entity stage). Candidate pairs are
blocked by (event_type, actor, date bucket); clusters grow greedily, strongest pairs first,
under cluster-level constraints (one day at most, coarser dates must contain it, at most one
place unless the pair shares two or more actors on the same day). Undated mentions then join
the unique compatible dated cluster from the same article or, when published dates are known,
from articles published within a few days after the event (before it, for a plan); remaining
undated mentions merge with each other within an article or across articles published within
:data:`UNDATED_WINDOW_DAYS` days. A mention without a day needs strong evidence
(:func:`_same_participants`): within its article, the same trigger sense (any, for talks) and
actors and targets that one side's hold; from another article (and when either is dated to a week, a
month or a year only), the same trigger sense, actors and targets, never for the acts a
campaign repeats (:data:`REPEATED_TYPES`). What was asked for or is conditional ("possible")
never joins what happened, unless of talks, nor a plan without a shared day; an event's
actors are nested report by report, unless of talks.
Event ids are ``"ev_" + sha1(type|date|precision|actors|place)`` and thus independent of input
order.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.clustering import UnionFind, blocked_pairs, stable_id
from schemas.values import DATE_PRECISIONS

UNDATED_WINDOW_DAYS = 3
ATTACH_WINDOW_DAYS = 7
PRECISION_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}
#: A week, a month or a year says little ("in 2016" of a campaign, "in October"): across
#: articles, reports dated no finer need the same sense, actors and targets.
DAY_RANK = PRECISION_RANK["day"]


@dataclass(frozen=True)
class ResolvedMention:
    key: str
    article_id: str
    event_type: str
    actors: tuple[str, ...]
    location: str | None
    date: datetime.date | None
    date_precision: str | None
    modality: str
    published: datetime.date | None = None  # the article's date, if known (optional addition)
    #: every actor and every target, named (canonical name) or not ("police", "25 persons"),
    #: each once; ``actors`` holds only the named ones, of either role
    actor_names: tuple[str, ...] = ()
    target_names: tuple[str, ...] = ()
    sense: str = ""  # the trigger's sense-table lemma, when known
    clause: str = ""  # a digest of the reporting sentence: a wire copy's is the same

    def roles(self) -> tuple[frozenset[str], frozenset[str]]:
        """(actors, targets) of any name; without them, the named participants as actors."""
        if self.actor_names or self.target_names:
            return frozenset(self.actor_names), frozenset(self.target_names)
        return frozenset(self.actors), frozenset()


def _period(date: datetime.date, precision: str | None) -> tuple[datetime.date, datetime.date]:
    if precision == "week":
        return date, date + datetime.timedelta(days=6)
    if precision == "month":
        nxt = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return date, nxt - datetime.timedelta(days=1)
    if precision == "year":
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    return date, date


class _Cluster:
    __slots__ = (
        "actors",
        "articles",
        "clauses",
        "days",
        "negated",
        "periods",
        "places",
        "planned",
        "possible",
        "published",
        "reports",
        "types",
    )

    def __init__(self, m: ResolvedMention) -> None:
        self.articles = {m.article_id}
        self.days: set[datetime.date] = set()
        self.periods: set[tuple[datetime.date, datetime.date]] = set()
        if m.date is not None:
            if (m.date_precision or "day") == "day":
                self.days.add(m.date)
            else:
                self.periods.add(_period(m.date, m.date_precision))
        self.places = {m.location} if m.location else set()
        self.actors = set(m.actors)
        self.types = {m.event_type}
        self.published = {m.published} if m.published else set()
        self.negated = m.modality == "negated"
        #: each member's sense and roles: a report from another article must match one
        self.reports: set[tuple[str, frozenset[str], frozenset[str]]] = {(m.sense, *m.roles())}
        self.clauses = {m.clause} - {""}
        self.planned = m.modality == "planned"  # every member is a plan
        #: asked for or conditional ("called for him to resign", "would support him if"): not
        #: what happened, so it never joins a report of that
        self.possible = m.modality == "possible"

    def absorb(self, other: _Cluster) -> None:
        self.articles |= other.articles
        self.days |= other.days
        self.periods |= other.periods
        self.places |= other.places
        self.actors |= other.actors
        self.types |= other.types
        self.published |= other.published
        self.reports |= other.reports
        self.clauses |= other.clauses
        self.planned = self.planned and other.planned


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _same_report(m: ResolvedMention, cluster: _Cluster, same_article: bool,
                 dated: bool = False) -> bool:
    """The same sentence (a wire copy, a republished article), or :func:`_same_participants`;
    never a plan and what happened ("agreed to meet again in the coming weeks" is not the
    meeting just held), which only a shared day may join."""
    if (m.modality == "planned") != cluster.planned:
        return False
    return (m.clause in cluster.clauses
            or _same_participants(m, cluster.reports, same_article, dated))


def _same_participants(m: ResolvedMention,
                       others: Iterable[tuple[str, frozenset[str], frozenset[str]]],
                       same_article: bool, dated: bool = False) -> bool:
    """Strong enough evidence for a report without a day (dated to a week, month or year, or
    not at all) to join reports of the ``others`` (sense, actors, targets): within an article,
    the same sense with actors and targets that one side's hold ("Okafor's attack" and "Okafor
    attacked Harlow"; not "Harlow accused the audience", nor "his criticism of Harlow" beside
    "Okafor accused Harlow"); from another article, the same sense, actors and targets,
    a named participant among them, and an actor and a target unless it is ``dated`` (a rally,
    a campaign-finance call and a no-fly-zone call by one senator are three DEMAND events;
    "Lindqvist endorsed Harlow" is not "Harlow praised Lindqvist")."""
    actors, targets = m.roles()
    if not same_article:
        enough = (dated or (actors and targets)) and m.event_type not in REPEATED_TYPES
        if m.actors and enough and any(_same_sense(m.sense, sense) and (a, t) == (actors, targets)
                                       for sense, a, t in others):
            return True
        return _named_within(m, others)
    alike = m.event_type in SYMMETRIC_TYPES  # a summit, talks, a meeting: one event, many words
    return any((alike or _same_sense(m.sense, sense)) and _nested(actors, a)
               and _nested(targets, t) for sense, a, t in others)


def _same_sense(a: str, b: str) -> bool:
    """One trigger sense, or its verb and its noun: "endorse" and "endorsement", "resign" and
    "resignation", "investigate" and "investigation" share all but the last letter of the
    shorter (at least four); "protest" and "protect", "support" and "supply" do not."""
    if a == b:
        return True
    shared = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1],
                                                zip(a, b, strict=False)))
    return shared >= max(4, min(len(a), len(b)) - 1)


#: Types whose acts a campaign repeats: "Arden attacked Roe" in two articles of one week
#: are more often two attacks than one, so reports without a day join across articles only as
#: copies of one sentence (or on a day).
REPEATED_TYPES = frozenset({"ACCUSE"})

#: Types whose two sides are alike ("Venter met Okafor", "Okafor and Venter held talks"): reports
#: from other articles may join on their named sides, in any roles.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _named_within(m: ResolvedMention,
                  others: Iterable[tuple[str, frozenset[str], frozenset[str]]]) -> bool:
    """A meeting or an agreement whose two or more named sides one report of the others
    holds, in any roles: "Venter and Okafor held talks at Dunmore" joins "Venter met Okafor there on
    Wednesday" (an accusation or an endorsement is repeated too often across a campaign to
    join on its parties alone)."""
    named = frozenset(m.actors)
    if m.event_type not in SYMMETRIC_TYPES or len(named) < 2:
        return False
    return any(named <= a | t for _, a, t in others)


def _dates_compatible(a: _Cluster, b: _Cluster) -> bool:
    days = a.days | b.days
    if len(days) > 1:
        return False
    periods = a.periods | b.periods
    if days:
        day = next(iter(days))
        return all(lo <= day <= hi for lo, hi in periods)
    # periods only: they must all overlap pairwise (nested calendar periods)
    lo = max((p[0] for p in periods), default=None)
    hi = min((p[1] for p in periods), default=None)
    return lo is None or lo <= hi


def _actors_agree(a: _Cluster, b: _Cluster) -> bool:
    """Every member's actors nested with every other's, unless the sides are alike: "Arden was
    accused" may join "Roe accused Arden" or "Quill accused Arden", not both into one event."""
    if a.types & SYMMETRIC_TYPES:
        return True
    return all(_nested(x, y) for _, x, _ in a.reports for _, y, _ in b.reports)


def _compatible(a: _Cluster, b: _Cluster, shared: int) -> bool:
    if (a.types != b.types or a.negated != b.negated or not _dates_compatible(a, b)
            or not _actors_agree(a, b)):
        return False
    if a.possible != b.possible and not a.types & SYMMETRIC_TYPES:
        return False  # "whether they would discuss arms" is of the talks held; not so a demand
    places = a.places | b.places
    if len(places) > 1:
        # Same day and two shared participants: a place named at two granularities
        # ("a site in <country>" vs "<site>") rather than two events.
        same_day = bool(a.days) and a.days == b.days
        undated = not (a.days or a.periods or b.days or b.periods)
        return (same_day or undated) and shared >= 2
    return True


def _is_dated(m: ResolvedMention) -> bool:
    return m.date is not None


def _told_near(m: ResolvedMention, days: Iterable[datetime.date]) -> bool:
    """One of the ``days`` lies within :data:`ATTACH_WINDOW_DAYS` before the article's date, or
    after it for a plan: an article of 2 June tells of no attack on 3 June."""
    if m.published is None:
        return False
    sign = -1 if m.modality == "planned" else 1
    return any(0 <= sign * (m.published - day).days <= ATTACH_WINDOW_DAYS for day in days)


@dataclass
class MergeStats:
    """The work :func:`merge_events` did: blocking exists to keep ``pairs`` far below the
    n*(n-1)/2 pairs of comparing every mention with every other."""

    mentions: int = 0
    blocks: int = 0  # blocking keys shared by 2..max_block mentions (the blocks compared in)
    pairs: int = 0  # candidate pairs of mentions, or of an undated mention and a cluster
    unions: int = 0  # candidate pairs found compatible


def _blocked(items: list[str], keys: Callable[[str], Iterable[tuple]], max_block: int,
             stats: MergeStats) -> set[tuple[str, str]]:
    """``blocked_pairs``, its blocks and pairs counted in ``stats``."""
    sizes = Counter(key for item in items for key in set(keys(item)))
    stats.blocks += sum(1 for n in sizes.values() if 2 <= n <= max_block)
    pairs = blocked_pairs(items, keys, max_block=max_block)
    stats.pairs += len(pairs)
    return pairs


def _shared_actors(a: ResolvedMention, b: ResolvedMention) -> int:
    """Shared participants; 0 unless they are enough: two, or all of a one-actor side
    ("X greeted Y" and "Z met Y" share only Y: two events)."""
    shared = len(set(a.actors) & set(b.actors))
    return shared if shared >= min(2, len(set(a.actors)), len(set(b.actors))) else 0


class _Merger:
    """The state of one :func:`merge_events` call: clusters under a union-find."""

    def __init__(self, mentions: Sequence[ResolvedMention], stats: MergeStats) -> None:
        self.stats = stats
        self.ordered = sorted(mentions, key=lambda m: m.key)
        self.by_key = {m.key: m for m in self.ordered}
        self.clusters: dict[str, _Cluster] = {m.key: _Cluster(m) for m in self.ordered}
        self.uf = UnionFind(self.by_key)

    def try_union(self, a: str, b: str, shared: int) -> bool:
        uf, clusters = self.uf, self.clusters
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return True
        ca, cb = clusters[ra], clusters[rb]
        if not _compatible(ca, cb, shared):
            return False
        self.stats.unions += 1
        uf.union(ra, rb)
        root = uf.find(ra)
        merged, gone = (ca, cb) if root == ra else (cb, ca)
        merged.absorb(gone)
        clusters[root] = merged
        clusters.pop(rb if root == ra else ra, None)
        return True

    def merge_dated(self) -> list[str]:
        """1. Dated mentions: blocked by (type, actor, year); strongest pairs first."""
        by_key = self.by_key
        dated = [m.key for m in self.ordered if _is_dated(m)]

        def dated_keys(key: str) -> Iterable[tuple]:
            m = by_key[key]
            return ((m.event_type, actor, m.date.year) for actor in m.actors)

        pairs = []
        for a, b in _blocked(dated, dated_keys, 500, self.stats):
            ma, mb = by_key[a], by_key[b]
            shared = _shared_actors(ma, mb)
            rank = max(PRECISION_RANK.get(ma.date_precision or "day", 0),
                       PRECISION_RANK.get(mb.date_precision or "day", 0))
            if shared == 0 or (rank > DAY_RANK and ma.article_id != mb.article_id
                               and not _same_report(ma, _Cluster(mb), same_article=False,
                                                    dated=True)):
                continue
            pairs.append((rank, -shared, min(a, b), max(a, b)))
        pairs.sort()
        for _, neg_shared, a, b in pairs:
            self.try_union(a, b, -neg_shared)
        return dated

    def attach_undated(self, dated: list[str]) -> list[ResolvedMention]:
        """2. Undated mentions join the unique compatible dated cluster, from the same article
        or, with published dates, from a cluster whose day lies near the article's date; the
        others are returned."""
        index: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key in dated:
            m = self.by_key[key]
            root = self.uf.find(key)
            for actor in m.actors:
                index[(m.event_type, actor)].add(root)
        leftovers: list[ResolvedMention] = []
        for m in self.ordered:
            if _is_dated(m):
                continue
            best, top = self._best_cluster(m, index)
            if len(best) == 1 and self.try_union(best[0], m.key, top):
                continue
            leftovers.append(m)
        return leftovers

    def _candidates(self, m: ResolvedMention, index: dict[tuple[str, str], set[str]]
                    ) -> dict[str, int]:
        candidates: dict[str, int] = {}
        for actor in m.actors:
            roots = index.get((m.event_type, actor), ())
            if len(roots) > 200:
                continue
            for root in roots:
                root = self.uf.find(root)
                candidates[root] = candidates.get(root, 0) + 1
        need = min(2, len(set(m.actors)))
        return {r: n for r, n in candidates.items() if n >= need}

    def _best_cluster(self, m: ResolvedMention, index: dict[tuple[str, str], set[str]]
                      ) -> tuple[list[str], int]:
        candidates = self._candidates(m, index)
        self.stats.pairs += len(candidates)
        own = self.clusters[m.key]
        ok = []
        for root, shared in sorted(candidates.items()):
            c = self.clusters[root]
            same_article = m.article_id in c.articles
            near = _told_near(m, c.days | {p[0] for p in c.periods})
            if ((same_article or near) and _compatible(c, own, shared)
                    and _same_report(m, c, same_article)):
                ok.append((root, shared))
        top = max((shared for _, shared in ok), default=0)
        return [root for root, shared in ok if shared == top], top

    def merge_undated(self, leftovers: list[ResolvedMention]) -> None:
        """3. Remaining undated mentions: within an article, or across articles published
        close."""
        by_key = self.by_key

        def undated_keys(key: str) -> Iterable[tuple]:
            m = by_key[key]
            for actor in m.actors:
                yield (m.event_type, actor, "article", m.article_id)
                if m.published is not None:
                    yield (m.event_type, actor, "week", m.published.toordinal() // 7)
                    yield (m.event_type, actor, "week", (m.published.toordinal() + 3) // 7)

        upairs = []
        for a, b in _blocked([m.key for m in leftovers], undated_keys, 300, self.stats):
            ma, mb = by_key[a], by_key[b]
            shared = _shared_actors(ma, mb)
            if (shared == 0 or not _published_close(ma, mb)
                    or not _same_report(ma, _Cluster(mb), ma.article_id == mb.article_id)):
                continue
            upairs.append((ma.article_id != mb.article_id, -shared, min(a, b), max(a, b)))
        upairs.sort()
        for _, neg_shared, a, b in upairs:
            self.try_union(a, b, -neg_shared)

    def event_ids(self) -> dict[str, str]:
        """4. Stable ids from content."""
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self.by_key:
            groups[self.uf.find(key)].append(key)
        result: dict[str, str] = {}
        used: dict[str, str] = {}
        for members in sorted(groups.values(), key=lambda ks: min(ks)):
            event_id = _event_id([self.by_key[k] for k in members])
            if event_id in used:
                event_id = _event_id([self.by_key[k] for k in members], salt=min(members))
            used[event_id] = min(members)
            for key in members:
                result[key] = event_id
        return result


def _published_close(a: ResolvedMention, b: ResolvedMention) -> bool:
    """Same article, or articles published within :data:`UNDATED_WINDOW_DAYS` days."""
    if a.article_id == b.article_id:
        return True
    if a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) <= UNDATED_WINDOW_DAYS


def merge_events(mentions: Sequence[ResolvedMention],
                 stats: MergeStats | None = None) -> dict[str, str]:
    """mention key -> event_id (see the package docstring for the rules); the work done is
    added to ``stats`` when given."""
    stats = stats if stats is not None else MergeStats()
    stats.mentions += len(mentions)
    merger = _Merger(mentions, stats)
    dated = merger.merge_dated()
    merger.merge_undated(merger.attach_undated(dated))
    return merger.event_ids()


def _event_id(members: list[ResolvedMention], salt: str = "") -> str:
    types = Counter(m.event_type for m in members)
    etype = min(types, key=lambda t: (-types[t], t))
    dated = Counter((m.date, m.date_precision or "day") for m in members if m.date is not None)
    if dated:
        date, precision = min(
            dated, key=lambda dp: (PRECISION_RANK.get(dp[1], 0), -dated[dp], dp[0])
        )
        date_text = f"{date.isoformat()}/{precision}"
    else:
        date_text = ""
    actors = sorted({a for m in members for a in m.actors})
    places = Counter(m.location for m in members if m.location)
    place = min(places, key=lambda p: (-places[p], p)) if places else ""
    negated = "neg" if any(m.modality == "negated" for m in members) else ""
    payload = "|".join([etype, date_text, "\x1f".join(actors), place, negated, salt])
    return stable_id("ev", payload)
