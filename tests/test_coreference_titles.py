"""A definite description by title ("the senator") finds the person an abbreviated title
introduced ("Sen. Tom Arden"), one row of :data:`pipeline.coreference.TITLE_ROWS` per case,
each with a counter-example of another title; of several so titled, the one named last."""

from __future__ import annotations

import pytest

from pipeline.coreference import TITLE_ROWS, DocIndex

ROWS = [(abbr, noun, yes, no) for abbr, nouns, yes, no in TITLE_ROWS for noun in nouns]


def _titled(nlp, text: str, noun: str) -> str | None:
    doc = nlp(f"{text}\n\nThe {noun} spoke later.")
    tok = [t for t in doc if t.lower_ == noun][-1]
    found = DocIndex(doc).titled_person(tok)
    return None if found is None else doc.text[found[0]:found[1]]


@pytest.mark.parametrize(("abbr", "noun", "example", "counter"), ROWS)
def test_an_abbreviated_title_introduces_the_description(nlp, abbr: str, noun: str,
                                                         example: str, counter: str) -> None:
    assert _titled(nlp, example, noun) == "Tom Arden"
    assert _titled(nlp, counter, noun) is None


def test_of_two_so_titled_the_one_named_last(nlp) -> None:
    text = ("Sen. Dana Roe met Sen. Tom Arden in Port Velden on Monday.\n\n"
            "Dana Roe toured the harbour on Tuesday.")
    assert _titled(nlp, text, "senator") == "Dana Roe"
