"""Near-duplicate articles: wire copies of one story with small edits, linked by a group id.

Identical texts are merged into one article earlier (by the source's sha256, see
``pipeline.corpus.build_articles``); this module links the articles that are *almost* the same:
the same agency story run by several outlets with a changed headline, a corrected figure or a
trimmed last paragraph. They stay separate articles (each outlet's text is what it published),
but share ``articles.near_duplicate_group``.

Similarity is the Jaccard index of the texts' sets of word 5-shingles (lower-cased word
sequences, so re-punctuation and case do not count, while a changed word changes five
shingles). Comparing every pair is quadratic, so candidates come from MinHash signatures with
LSH banding: 20 bands of 5 rows make a pair with Jaccard 0.8 a candidate with probability
0.9997 and a pair with Jaccard 0.3 with probability 0.05. Every candidate pair is then checked
exactly, so the banding only decides what is compared, never what is linked. Groups are the
connected components of the linked pairs; a group's id is derived from its sorted article ids,
so the same articles always get the same id, whatever order they come in.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from pipeline.clustering import UnionFind, stable_id

SHINGLE_WORDS = 5
THRESHOLD = 0.8
BANDS = 20
ROWS_PER_BAND = 5
_PRIME = np.uint64(4_294_967_291)  # the largest prime below 2**32: a*x+b fits in uint64
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The text's word ``size``-shingles, each as a 32-bit CRC (stable across processes,
    unlike ``hash``). A text shorter than ``size`` words is one shingle; no words, none."""
    words = [word.casefold() for word in _WORD.findall(text)]
    if not words:
        return frozenset()
    if len(words) < size:
        return frozenset({zlib.crc32(" ".join(words).encode("utf-8"))})
    return frozenset(zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
                     for i in range(len(words) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets: nothing to call a duplicate)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    """Fixed random hash functions a*x+b mod p: the same signatures in every run."""
    rng = np.random.default_rng(20240607)
    a = rng.integers(1, int(_PRIME), size=count, dtype=np.uint64)
    b = rng.integers(0, int(_PRIME), size=count, dtype=np.uint64)
    return a, b


_A, _B = _permutations(BANDS * ROWS_PER_BAND)


def minhash(shingle_set: frozenset[int]) -> np.ndarray:
    """The MinHash signature (BANDS * ROWS_PER_BAND minima) of a non-empty shingle set."""
    values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return hashed.min(axis=0)


def candidate_pairs(signatures: Mapping[str, np.ndarray]) -> set[tuple[str, str]]:
    """Pairs of ids whose signatures agree on every row of at least one band."""
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[str]] = defaultdict(list)
        rows = slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND)
        for key, signature in signatures.items():
            buckets[signature[rows].tobytes()].append(key)
        for members in buckets.values():
            if len(members) > 1:
                members.sort()
                pairs.update((x, y) for i, x in enumerate(members) for y in members[i + 1 :])
    return pairs


def group_id(article_ids: list[str]) -> str:
    """A group's id from its members: stable for the same set of articles."""
    return stable_id("dup", *sorted(article_ids))


def fingerprint(text: str) -> tuple[frozenset[int], np.ndarray | None]:
    """A text's shingle set and MinHash signature (None when it has no words): computed once
    per article, where articles are cleaned, so the corpus step only compares them."""
    shingle_set = shingles(text)
    return shingle_set, (minhash(shingle_set) if shingle_set else None)


def near_duplicate_groups(texts: Mapping[str, str],
                          threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each article id that has a near-duplicate (Jaccard >= ``threshold`` of word
    5-shingles with at least one other article, transitively) to its group id. Articles
    without a near-duplicate are left out."""
    return groups_of({key: fingerprint(text) for key, text in texts.items()}, threshold)


def groups_of(fingerprints: Mapping[str, tuple[frozenset[int], np.ndarray | None]],
              threshold: float = THRESHOLD) -> dict[str, str]:
    """``near_duplicate_groups`` from precomputed fingerprints."""
    sets = {key: shingle_set for key, (shingle_set, _) in fingerprints.items() if shingle_set}
    signatures = {key: fingerprints[key][1] for key in sets}
    union = UnionFind(sorted(sets))
    for x, y in sorted(candidate_pairs(signatures)):
        if jaccard(sets[x], sets[y]) >= threshold:
            union.union(x, y)
    groups: dict[str, str] = {}
    for keys in union.groups():
        if len(keys) > 1:
            groups.update(dict.fromkeys(keys, group_id(keys)))
    return groups
