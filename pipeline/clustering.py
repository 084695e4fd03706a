"""Generic clustering helpers shared by the corpus-level stages.

Cross-article clustering must never compare all pairs: callers put items into blocks by cheap
keys (a name token, a text shingle, a date) and only compare within a block. Matches are then
joined transitively with a union-find.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from itertools import combinations


def stable_id(prefix: str, *parts: object) -> str:
    """An id derived from content, not from order: ``prefix_`` + 16 hex digits of the sha1 of
    the parts joined by "|". The same entity, quote, event or group keeps its id across runs
    and releases, so analysts can join two releases."""
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


class UnionFind:
    """Disjoint sets over hashable items, with path halving and union by size."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self._parent: dict[Hashable, Hashable] = {}
        self._size: dict[Hashable, int] = {}
        for item in items:
            self.add(item)

    def add(self, item: Hashable) -> None:
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1

    def find(self, item: Hashable) -> Hashable:
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]

    def groups(self) -> list[list[Hashable]]:
        """The sets, each in insertion order, ordered by their first member."""
        by_root: dict[Hashable, list[Hashable]] = defaultdict(list)
        for item in self._parent:
            by_root[self.find(item)].append(item)
        return list(by_root.values())


def blocked_pairs(
    items: Iterable[Hashable],
    keys: Callable[[Hashable], Iterable[Hashable]],
    max_block: int = 200,
) -> set[tuple[Hashable, Hashable]]:
    """Each unordered pair of items sharing at least one blocking key, once, as
    ``(earlier, later)`` in the order of ``items``.

    Blocks larger than ``max_block`` are skipped: a key that common (a stopword, "the") carries
    no evidence, and comparing inside it would make the cost quadratic again.
    """
    blocks: dict[Hashable, list[Hashable]] = defaultdict(list)
    for item in items:
        for key in set(keys(item)):
            blocks[key].append(item)
    pairs: set[tuple[Hashable, Hashable]] = set()
    for members in blocks.values():
        if 2 <= len(members) <= max_block:
            pairs.update(combinations(members, 2))  # members keep the order of items
    return pairs
