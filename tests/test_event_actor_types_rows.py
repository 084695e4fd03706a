"""Actor sectors from what the text says of a named actor: every row of the sector tables of
:mod:`pipeline.events.actors` is checked on its example (the [bracketed] actor gets the row's
sector) and its counter-example (the word is there, the bracketed actor does not get it) with
the real model, and the article-level evidence (a title said of the same person elsewhere) on
invented texts."""

import re

import pytest

from pipeline.events import actors
from pipeline.events.actors import _DocIndex

TABLES = {"ROLE_ROWS": actors.ROLE_ROWS, "OFFICE_ROWS": actors.OFFICE_ROWS,
          "MODIFIER_ROWS": actors.MODIFIER_ROWS, "ORG_ROWS": actors.ORG_ROWS,
          "OWNED_ROWS": actors.OWNED_ROWS}
ROWS = [(f"{name}[{i}]", row) for name, rows in TABLES.items() for i, row in enumerate(rows)]


def sector_at(nlp, text: str, occurrence: int = 0) -> str | None:
    """The sector of the entity at the [bracketed] words (the ``occurrence``-th bracket)."""
    marks = list(re.finditer(r"\[([^\]]+)\]", text))
    clean = text.replace("[", "").replace("]", "")
    mark = marks[occurrence]
    start = mark.start() - 2 * occurrence
    end = start + len(mark[1])
    doc = nlp(clean)
    index = _DocIndex(doc)
    for ent in doc.ents:
        span = index.name_span(ent)
        if span is not None and span[0] <= start < span[1] and end <= span[1] + 1:
            return index.sector(span)
    raise AssertionError(f"no entity at {mark[1]!r}: {[(e.text, e.label_) for e in doc.ents]}")


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_a_row_types_its_example_and_not_its_counter_example(nlp, name, row):
    got = sector_at(nlp, row.example)
    if row.sector:
        assert got == row.sector, row.example
        assert sector_at(nlp, row.counter) != row.sector, row.counter
    else:  # an office that says nothing alone: its modifiers decide
        assert got is not None, row.example
        assert sector_at(nlp, row.counter) is None, row.counter


def test_every_row_has_words_a_known_sector_and_both_sentences():
    from pipeline.eval_events import ACTOR_TYPES

    for name, row in ROWS:
        assert row.words and row.example != row.counter, name
        assert row.sector == "" or row.sector in ACTOR_TYPES, name
        assert "[" in row.example and "[" in row.counter, name


@pytest.mark.parametrize(("text", "occurrence", "expected"), [
    # the title said once types every later mention of the same person
    ("Senator Mara Quill arrived in Port Velden on Monday. Quill called for an inquiry into "
     "the [Quill] deal. Later [Quill] criticised the plan.", 1, "legislature"),
    # an apposition elsewhere in the article
    ("Tom Arden, the chief executive of Venter Corp, spoke on Monday. Later [Arden] agreed to "
     "buy the Velden Herald.", 0, "business"),
    # the person's campaign makes a candidate
    ("The Mara Quill campaign opened an office in Port Velden. On Tuesday [Quill] criticised "
     "the plan.", 0, "party"),
    # a former role says nothing of now
    ("Former Foreign Minister [Mara Quill] criticised the plan.", 0, None),
    # two people of one surname: the title goes to the one it names
    ("Senator Mara Quill met Tom Quill, a journalist, on Monday. Later [Tom Quill] criticised "
     "the plan.", 0, "media"),
    # what a relative clause says the person was
    ("A letter went to Tom Arden, who was then the largest shareholder of Venter Corp. On "
     "Monday [Arden] resigned.", 0, "business"),
    # an apposition headed by a proper-noun title
    ("The Velden President, [Mara Quill], visited Port Velden.", 0, "government"),
    # a company named in full once, by its first word after
    ("The insurance broker Venter & Holm agreed to pay $5m on Monday. Later [Venter] agreed to "
     "buy the Velden Herald.", 0, "business"),
    # a group's modifier before its party name
    ("Mara Quill pushed fellow Senate [Democrats] to reject the deal.", 0, "legislature"),
    ("Mara Quill pushed the [Democrats] to reject the deal.", 0, "party"),
    # an organisation's name before what follows it: the police's chief is not a business's
    ("The Velden Police Federation chief executive spoke. Later the [Velden Police Federation] "
     "opposed the plans.", 0, "police"),
    # a title of another person in the same sentence is not this one's
    ("[Mara Quill] criticised Senator Tom Arden on Tuesday.", 0, None),
])
def test_the_article_and_the_parse_give_the_sector(nlp, text, occurrence, expected):
    assert sector_at(nlp, text, occurrence) == expected, text


def test_a_state_acting_is_still_the_government(nlp):
    text = "In March, [Port Velden] imposed sanctions on Venter Corp."
    assert sector_at(nlp, text) == "government"


@pytest.mark.parametrize(("text", "expected"), [
    # the speaker a reported "he" stands for, as written
    ("The home secretary said he would launch an inquiry into the deal.", "government"),
    ("The attacker said he had stabbed a passenger in Port Velden.", "criminal"),
    ("Police said the protesters blocked the road in Port Velden.", "civilians"),
])
def test_an_unnamed_actor_is_typed_by_its_own_words(nlp, text, expected):
    import datetime as dt

    from pipeline.events import extract_event_mentions

    found = [m.actor_types for m in extract_event_mentions(nlp(text), dt.date(2023, 9, 13))
             if m.actor_spans]
    assert found and found[0][0] == expected, (text, found)
