"""Entity resolution at corpus scale: the shortcuts that keep it linear in the number of
articles join exactly what the comparisons they replace joined."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product

from pipeline.clustering import blocked_pairs
from pipeline.entities import (
    VARIANT_MAX_BLOCK,
    _variant_blocks,
    _variant_candidates,
    _variants,
    lookup_aliases,
    name_key,
)

Key = tuple[bool, str]

# Invented names and misspellings of them: a doubled letter, a letter dropped or changed, a
# space lost or added, a middle initial, a gender or an open short form, a country's key.
FIRSTS = ["mara", "marra", "mara j", "tom", "tomm", "dana", "danna", "dana r", "tobias"]
LASTS = ["quill", "quil", "qwill", "arden", "ardenn", "roe", "venter", "ventner", "vel den"]
OTHERS: set[Key] = {
    (True, "ma ra quill"), (True, "maraquill"), (True, "quill"), (True, "quill#f"),
    (True, "arden#?"), (True, "tom arden jr"), (True, "t arden"),
    (False, "port velden"), (False, "port vel den"), (False, "portvelden"),
    (False, "venter corp"), (False, "venter corporation"), (False, "venter"),
    (False, "country:USA"), (False, "velden port"),
}


def _keys() -> set[Key]:
    return {(True, f"{first} {last}") for first, last in product(FIRSTS, LASTS)} | OTHERS


def _blocking(key: Key) -> list[Key]:
    """The blocks the all-pairs comparison used: a key's first and last tokens."""
    tokens = key[1].split()
    return [(key[0], tokens[0]), (key[0], tokens[-1])] if tokens else []


def _joined(pairs: Iterable[tuple[Key, Key]]) -> set[frozenset[Key]]:
    return {frozenset(pair) for pair in pairs
            if pair[0][0] == pair[1][0]
            and not any(key[1].startswith("country:") for key in pair)
            and _variants(pair[0][1], pair[1][1], pair[0][0])}


def _reference(keys: set[Key]) -> set[frozenset[Key]]:
    """Every pair of a block of at most VARIANT_MAX_BLOCK keys that _variants joins."""
    return _joined(blocked_pairs(sorted(keys), _blocking, max_block=VARIANT_MAX_BLOCK))


def _candidates(keys: set[Key]) -> set[frozenset[Key]]:
    return _joined(pair for members in _variant_blocks(keys)
                   for pair in _variant_candidates(members))


def test_variant_candidates_hold_every_pair_of_a_block_that_variants_joins():
    keys = _keys()
    reference = _reference(keys)
    assert _candidates(keys) == reference
    for pair in [("mara quill", "marra quill"), ("mara quill", "mara quil"),
                 ("mara quill", "ma ra quill"), ("dana roe", "danna roe")]:
        assert frozenset((True, name) for name in pair) in reference
    assert frozenset({(False, "port velden"), (False, "port vel den")}) in reference
    assert frozenset({(True, "tom arden"), (True, "tomm ardenn")}) not in reference


def test_a_block_past_its_size_joins_nothing_as_before():
    # 200 more people named Mara: "mara quill" and "mara quil" share only that block
    keys = _keys() | {(True, f"mara zeb{n:03d}") for n in range(VARIANT_MAX_BLOCK)}
    reference = _reference(keys)
    assert _candidates(keys) == reference
    assert frozenset({(True, "mara quill"), (True, "mara quil")}) not in reference
    assert frozenset({(True, "mara quill"), (True, "marra quill")}) in reference  # "quill"


def test_lookup_aliases_reads_the_memo_the_corpus_stage_passes():
    memo: dict[str, str] = {}

    def key(text: str) -> str:
        return memo.setdefault(text, name_key(text))

    args = ("Venter Corp", "ORG", ["Venter", "Venter Corp.", "VENTER CORP"])
    assert lookup_aliases(*args, key) == lookup_aliases(*args) == ["Venter Corp", "Venter Corp.",
                                                                   "VENTER CORP"]
    assert set(memo) == {"Venter Corp", "Venter"}  # a name of several words needs no key
