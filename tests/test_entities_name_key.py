"""name_key's fast paths (ASCII, one word) give the keys of the full fold: rows of a name and
its key, with the cases each shortcut must not take (accents, initials, punctuated runs)."""

import pytest

from pipeline.entities import name_key

#: (name, key): an example per fold and a counter-example per shortcut.
KEY_ROWS = [
    ("Mara Quill", "mara quill"),  # ASCII, no initials: the fast path
    ("Venter-Corp", "venter corp"),  # a hyphen is a space
    ("O'Neil", "oneil"),  # an apostrophe goes
    ("O’Neil", "oneil"),  # so does a curly one (not ASCII)
    ("[Dana] Roe", "dana roe"),  # an editor's insertion
    ("Port Velden", "port velden"),
    ("Zoë Arden", "zoe arden"),  # not ASCII: the accent is folded away
    ("ÉMILE", "emile"),
    ("F.B.I.", "fbi"),  # single letters are one acronym
    ("T. J. Arden", "tj arden"),  # initials are joined
    ("(8/6)", "(86)"),  # a run of single letters inside punctuation still joins
    ("Tom  Arden", "tom arden"),  # runs of spaces are one
    ("Straße", "strasse"),  # casefold, not lower, for a name that is not ASCII
]


@pytest.mark.parametrize(("name", "key"), KEY_ROWS)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key
