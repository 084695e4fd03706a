"""The scorer's derived speaker of a he/she source: gender and the pronoun's own clause.

An invented article in PolNeAR's format (txt, ann, gold_direct_quotes.json) is written to a
temporary folder and read with ``load_corpus``, so the gold speakers come out of the same code
path as on the real corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.eval_quotes import load_corpus

TEXT = (
    "Council backs the bridge\n\n"
    "Margaret Oyelaran, the mayor, spoke after Thomas Kessler said \u201cit is short.\u201d\n"
    "\u201cWe will build it anyway,\u201d she said.\n"
    "Thomas Kessler heard from Paul Brandt that the road would be late.\n"
    "\u201cThank you for the warning,\u201d he told Brandt.\n"
    "Pat Lindqvist said the vote was close.\n"
    "Later Thomas Kessler said the design was good.\n"
    "\u201cWe need two more votes,\u201d she said.\n"
)
NAMES = ("Margaret Oyelaran", "Thomas Kessler", "Paul Brandt", "Pat Lindqvist")


def _span(text: str, start: int) -> list[list[int]]:
    return [[start, start + len(text)]]


def _quote(n: int, quoted: str, pronoun: str, after: int) -> dict:
    start = TEXT.index(quoted) + 1
    end = start + len(quoted) - 2
    at = TEXT.index(f" {pronoun} ", after) + 1
    return {"id": f"gender#{n}", "start": start, "end": end, "words": len(quoted.split()),
            "source": {"type": "pronoun", "text": pronoun, "spans": _span(pronoun, at),
                       "head": pronoun}}


@pytest.fixture(scope="module")
def derived(tmp_path_factory) -> list[frozenset[str]]:
    root: Path = tmp_path_factory.mktemp("polnear_gender")
    (root / "txt").mkdir()
    (root / "ann").mkdir()
    (root / "txt" / "gender.txt").write_text(TEXT, encoding="utf-8")
    spans = sorted((m.start(), name) for name in NAMES for m in re.finditer(name, TEXT))
    lines = [f"T{i}\tSource {a} {a + len(name)}\t{name}" for i, (a, name) in enumerate(spans, 1)]
    (root / "ann" / "gender.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A quotation with a name source: CoreNLP's PERSON tag makes every Kessler mention a person.
    short = TEXT.index("it is short.")
    kessler = TEXT.index("Thomas Kessler")
    named = {"id": "gender#0", "start": short, "end": short + 12, "words": 3,
             "source": {"type": "name", "text": "Thomas Kessler", "head": "Kessler",
                        "spans": _span("Thomas Kessler", kessler), "keys": ["kessler"],
                        "head_ner": "PERSON"}}
    quotes = [
        named,
        _quote(1, "\u201cWe will build it anyway,\u201d", "she", 0),
        _quote(2, "\u201cThank you for the warning,\u201d", "he", TEXT.index("Thank")),
        _quote(3, "\u201cWe need two more votes,\u201d", "she", TEXT.index("We need")),
    ]
    gold = {"articles": [{"name": "gender", "source": "gender.txt", "quotes": quotes}]}
    (root / "gold_direct_quotes.json").write_text(json.dumps(gold), encoding="utf-8")
    (article,) = load_corpus(root)
    return [g.keys for g in article.quotes[1:]]


def test_she_passes_over_the_nearer_man_to_the_woman_named_before(derived):
    # Thomas is a man's first name, Margaret a woman's: "she" is Oyelaran, not Kessler.
    assert derived[0] == {"oyelaran"}


def test_he_is_not_the_person_he_speaks_to(derived):
    # "he told Brandt": not Brandt, the nearer; Kessler, a man too, is the speaker.
    assert derived[1] == {"kessler"}


def test_a_pronoun_the_names_do_not_decide_is_not_derivable(derived):
    # Kessler is a man; Pat Lindqvist's first name is shared by men and women: no guess.
    assert derived[2] == frozenset()
