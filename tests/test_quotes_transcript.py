"""Speech within speech in a transcript line: a single-quoted span a labelled speaker puts in
someone's mouth is no quotation; the label's own quotation is. Real spaCy, invented text."""

from __future__ import annotations

import pytest

from pipeline.quotes import _find_spans, _in_answer, extract_quotes


@pytest.mark.parametrize("line", [
    "A: No. I mean, look at the appeal. 'We have to take on the banks. They rob you.'",
    "Okafor: Well, no one is like, 'My pension is speculation.' It means all things to all.",
])
def test_single_quote_inside_an_answer_is_no_quotation(nlp, line):
    text = "\n\n".join(["Q: Is he a conservative at heart?", line])
    assert extract_quotes(nlp(text)) == []


@pytest.mark.parametrize(("line", "nested"), [
    ("A: No. I mean, look at the appeal. 'We have to take on the banks.'", True),
    ("Lindqvist: 'I will not resign over this, whatever the board decides.'", False),
    ('A: No. I mean, look at the appeal. "We have to take on the banks."', False),
    ("He said it plainly: yes. 'We have to take on the banks.'", False),
])
def test_only_a_single_mark_after_the_answer_starts_is_nested(line, nested):
    (span,) = _find_spans(line)
    assert _in_answer(line, span) is nested


def test_a_cued_quote_in_an_answer_stays(nlp):
    text = "A: I told them so. 'We are leaving the talks today,' Marta Oyelaran said then."
    quotes = extract_quotes(nlp(text))
    assert [q.text for q in quotes] == ["We are leaving the talks today"]
