"""Two relatives of one surname: a bare surname that a he/she refers back to is the relative of
that sex, even where the article's main referent, who is of the other, would otherwise take it
(issue 15: "Clinton arrived ..., where he met" in an article about his wife)."""

from __future__ import annotations

from pipeline.entities import _resolve_within_article

_BODY = (
    "Mara Quill campaigned in Port Velden. Quill said the plan was sound. "
    "Quill spoke again on Monday. Mara Quill won the county.\n\n"
    "Former Governor Tom Quill greeted voters in Venter.\n\n"
    "Quill arrived at the gym, where he met supporters."
)


def _rows() -> list[tuple[int, int, str, str, str]]:
    rows, at = [], 0
    for text in ("Mara Quill", "Quill", "Quill", "Mara Quill", "Tom Quill", "Quill"):
        at = _BODY.find(text, at)
        rows.append((at, at + len(text), text, "PERSON", ""))
        at += len(text)
    return rows


def _last(told: dict[int, str]) -> str:
    rows = _rows()
    mentions = _resolve_within_article(rows, _BODY, told=told)
    return {m.start: m.local_name for m in mentions}[rows[-1][0]]


def test_a_pronoun_gives_the_bare_surname_to_the_relative_of_its_sex():
    """The last "Quill", a paragraph after Tom Quill is named, its sentence going on with
    "he": Tom, not Mara, whom the article names most."""
    assert _last({5: "m"}) == "Tom Quill"


def test_without_a_pronoun_the_main_referent_keeps_the_surname():
    """The counter-examples: no pronoun, or one of the main referent's sex, leave the choice
    to recency and the count as before (Mara, the article's main referent)."""
    assert _last({}) == "Mara Quill"
    assert _last({5: "f"}) == "Mara Quill"


def test_the_pronoun_of_the_sentence_is_found_in_a_parse(nlp):
    """Through the parse: "Quill arrived at the gym, where he met supporters" gives the row
    "m"; "Venter said Quill won. He added ..." (a pronoun a sentence on, another person
    first) gives nothing."""
    from pipeline.entities import _sentence_pronouns

    doc = nlp("Quill arrived at the gym, where he met supporters.")
    assert _sentence_pronouns(doc, [(0, 5, "Quill", "PERSON")]) == {0: "m"}
    doc = nlp("Dana Roe said Quill won the county. He added that the count was fair.")
    rows = [(0, 8, "Dana Roe", "PERSON"), (14, 19, "Quill", "PERSON")]
    assert _sentence_pronouns(doc, rows) == {}


def test_the_earlier_short_forms_stay_with_the_main_referent():
    """The pronoun of one row moves no other: the bare surnames after Mara's full name stay hers."""
    rows = _rows()
    names = {m.start: m.local_name for m in _resolve_within_article(rows, _BODY, told={5: "m"})}
    assert [names[rows[i][0]] for i in (1, 2)] == ["Mara Quill", "Mara Quill"]
