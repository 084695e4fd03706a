"""Relatives of one surname: a full name NER left untagged still names its bearer for the bare
surname after it, and what the text says of parenthood ("my father", "the elder",
"'s eldest daughter") tells the son's bare surname from his father's."""

from __future__ import annotations

from pipeline.entities import _resolve_within_article, extract_mentions


def _bare(nlp, text: str, word: str = "Oyelaran") -> list[str]:
    return [m.local_name for m in extract_mentions(nlp(text)) if m.text == word]


def test_an_untagged_full_name_names_its_bearer_for_the_surname_after_it():
    """Plain text without a parse: the sighting function itself (NER tagging varies)."""
    from pipeline.entities import _occurrences

    body = "Velandra Oyelaran spoke. Velandra Oyelaran-Kell left; Velandra Oyelaranx no."
    assert _occurrences(body, "Velandra Oyelaran") == [0, 25]


_LEAD = (
    "Mara Oyelaran champions working mothers.\n\n"
    "Radomir Oyelaran's eldest daughter has built her brand around this cause.\n\n"
    "As Mara Oyelaran delivered her speech, a designer watched. "
    "Through a spokeswoman, Oyelaran declined to comment.\n\n"
    "Mara Oyelaran spoke on Tuesday."
)


def _row(text: str, nth: int = 0) -> tuple[int, int, str, str, str]:
    at = -1
    for _ in range(nth + 1):
        at = _LEAD.find(text, at + 1)
    return (at, at + len(text), text, "PERSON", "")


def test_a_bare_surname_after_an_untagged_full_name_is_its_bearer():
    """Rows as NER left them: Mara's full name tagged only at the end, her father Radomir's
    in the second paragraph; the bare surname right after her untagged full name is hers."""
    rows = [_row("Radomir Oyelaran"), _row("Oyelaran", 3), _row("Mara Oyelaran", 2)]
    names = {m.start: m.local_name for m in _resolve_within_article(sorted(rows), _LEAD)}
    assert names[rows[1][0]] == "Mara Oyelaran"


def test_a_full_name_inside_a_longer_name_is_no_sighting():
    """The counter-example: "Mara Oyelaran" inside the "Radomir and Mara Oyelaran Fund" (a
    longer row) does not name her, and the bare surname after it stays Radomir's."""
    body = _LEAD.replace("Mara Oyelaran champions", "A designer champions").replace(
        "As Mara Oyelaran delivered her speech", "As the Radomir and Mara Oyelaran Fund paid"
    )
    fund = "Radomir and Mara Oyelaran Fund"
    rows = [(body.find(fund), body.find(fund) + len(fund), fund, "ORG", "")]
    for text, nth in (("Radomir Oyelaran", 0), ("Oyelaran", 2), ("Mara Oyelaran", 1)):
        at = -1
        for _ in range(nth + 1):
            at = body.find(text, at + 1)
        rows.append((at, at + len(text), text, "PERSON", ""))
    names = {m.start: m.local_name for m in _resolve_within_article(sorted(rows), body)}
    assert body[rows[2][0] - 23 : rows[2][0]] == "Through a spokeswoman, "
    assert names[rows[2][0]] == "Radomir Oyelaran"


def test_the_surname_speaking_of_my_father_is_the_son(nlp):
    text = (
        "Tobias Oyelaran said that his foundation had received gifts from his father.\n\n"
        "But Radomir Oyelaran has given little to charity, records show. Radomir Oyelaran "
        "declined to comment.\n\n"
        '"My father has given me and my foundation a great deal. And he gave more," '
        "Oyelaran said on Friday."
    )
    assert _bare(nlp, text) == ["Tobias Oyelaran"]


def test_without_parenthood_in_the_sentence_the_surname_is_left_to_recency(nlp):
    """The counter-example: the same article without "my father" near the bare surname."""
    text = (
        "Tobias Oyelaran said that his foundation had received gifts from his father.\n\n"
        "But Radomir Oyelaran has given little to charity, records show. Radomir Oyelaran "
        "declined to comment.\n\n"
        '"We have given a great deal. And we gave more," Oyelaran said on Friday.'
    )
    assert _bare(nlp, text) == ["Radomir Oyelaran"]


def test_the_elder_and_the_parent_of_a_daughter_are_not_the_child(nlp):
    text = (
        "Tobias Oyelaran said that his foundation had received gifts from his father.\n\n"
        "Radomir Oyelaran did not answer. Tobias Oyelaran said more on Monday.\n\n"
        "The gifts came from the elder Oyelaran's foundation, records show."
    )
    assert _bare(nlp, text) == ["Radomir Oyelaran"]
    text = (
        "Tobias Oyelaran said that his foundation had received gifts from his father.\n\n"
        "Radomir Oyelaran did not answer. Tobias Oyelaran said more on Monday.\n\n"
        "At center stage was Oyelaran's eldest daughter, who spoke about her father."
    )
    assert _bare(nlp, text) == ["Radomir Oyelaran"]


def test_a_surname_bracketed_after_a_first_name_is_that_person():
    """An editor's "(Oyelaran)" after "Tobias" names Tobias, though Mara is the article's
    bearer of the surname; the counter-example, the bare surname without the first name."""
    body = "Mara Oyelaran spoke on Monday.\n\nWe campaigned for Tobias (Oyelaran). He lost."
    at = body.find("(Oyelaran)") + 1
    rows = [(0, 13, "Mara Oyelaran", "PERSON", ""), (at, at + 8, "Oyelaran", "PERSON", "")]
    names = [m.local_name for m in _resolve_within_article(rows, body)]
    assert names == ["Mara Oyelaran", "Tobias Oyelaran"]
    body = body.replace("Tobias (Oyelaran)", "them (Oyelaran)")
    at = body.find("(Oyelaran)") + 1
    rows[1] = (at, at + 8, "Oyelaran", "PERSON", "")
    names = [m.local_name for m in _resolve_within_article(rows, body)]
    assert names == ["Mara Oyelaran", "Mara Oyelaran"]


def test_the_younger_of_a_surname_the_article_names_once_is_left_open(nlp):
    """"the younger Mr. Oyelaran" speaks of a second Oyelaran: with only the father named in
    full ("His son Tobias" gives no surname) the short form stays unresolved; the
    counter-example, the plain "Mr. Oyelaran", is the one named."""
    text = ("Radomir Oyelaran won the vote on Monday. His son Tobias announced the result.\n\n"
            "''It is a movement,'' said the younger Mr. Oyelaran, beside his sisters.")
    (mention,) = [m for m in extract_mentions(nlp(text)) if m.text == "Oyelaran"]
    assert (mention.local_name, mention.ambiguous) == ("Oyelaran", True)
    assert _bare(nlp, text.replace("the younger Mr.", "Mr.")) == ["Radomir Oyelaran"]
