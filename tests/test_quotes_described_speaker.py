"""A definite description that repeats an earlier noun ("the report", "the statement") speaks
for the name written beside that noun (:meth:`pipeline.coreference.DocIndex.described`); one
whose noun was written beside no name stays unnamed."""

from __future__ import annotations

import pytest

from pipeline.coreference import DocIndex
from pipeline.quotes import extract_quotes

# (text, the quotation's first words, the speaker's name or None)
CASES = [
    ("Venter Corp published a report on the harbour on Monday.\n\n"
     "“Costs will double by 2030,” the report said.", "Costs will", "Venter Corp"),
    ("Mara Quill said in a statement that the port of Port Velden would reopen.\n\n"
     "“We owe this to the workers,” the statement added.", "We owe", "Mara Quill"),
    # The name the earlier noun is written with is nearest: "the Velden campaign" is Velden's.
    ("Tom Arden has run the Velden campaign since March.\n\n"
     "“We will win the coast,” the campaign said on Friday.", "We will", "Velden"),
    # Counter-examples: the earlier noun names nobody, or there is no earlier noun.
    ("A report on the harbour was published on Monday.\n\n"
     "“Costs will double by 2030,” the report said.", "Costs will", None),
]


@pytest.mark.parametrize(("text", "opening", "name"), CASES)
def test_a_definite_description_speaks_for_the_name_beside_its_noun(
        nlp, text: str, opening: str, name: str | None) -> None:
    doc = nlp(text)
    [quote] = [q for q in extract_quotes(doc) if q.text.startswith(opening)]
    found = None if quote.speaker_start is None else doc.text[quote.speaker_start:quote.speaker_end]
    assert found == name


def test_a_noun_written_beside_no_name_in_its_sentence_describes_nobody(nlp) -> None:
    doc = nlp("Dana Roe toured the harbour on Monday. A report on the port came out later.\n\n"
              "The report was long.")
    noun = [t for t in doc if t.lower_ == "report"][-1]
    assert DocIndex(doc).described(noun) is None
    named = nlp("Venter Corp wrote a report on the port.\n\nThe report was long.")
    noun = [t for t in named if t.lower_ == "report"][-1]
    a, b = DocIndex(named).described(noun)
    assert named.text[a:b] == "Venter Corp"
