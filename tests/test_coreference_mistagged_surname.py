"""A subject the recogniser tags a one-word place or body is a person's mention when it is the
surname of a person the article names (pipeline/coreference.py ``_surname_mistagged``): "Tomas
Velk won the medal. Velk, 33, opened up ..." mentions Velk even where Velk is tagged a place;
a place that is nobody's surname ("Velden") is not. The entity tags are set by hand, as the
recogniser gives them in the articles where this happens; the parse is the real spaCy model's."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.coreference import DocIndex, _surname_mistagged

# (text, the subject word tagged GPE, whether it is a person's mention): an example, then its
# counter-example.
MISTAGGED_ROWS = (
    ("Tomas Velk won the medal. Velk, 33, opened up to reporters.", "Velk", True),
    ("Tomas Velk won the medal. Velden, a port, opened up to tourists.", "Velden", False),
)


@pytest.mark.parametrize(("text", "word", "person"), MISTAGGED_ROWS)
def test_a_surname_tagged_a_place_is_a_mention(nlp, text, word, person):
    doc = nlp(text)
    tok = [t for t in doc if t.text == word][-1]
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, tok.i, tok.i + 1, label="GPE")]
    found = _surname_mistagged(DocIndex(doc), tok)
    assert (found == (tok.idx, tok.idx + len(word))) if person else found is None
