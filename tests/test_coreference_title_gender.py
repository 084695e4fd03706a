"""A gendered title before a name tells the surname's gender (pipeline/coreference.py
``key_genders``): "spokeswoman Mara Velk" is a woman, "spokesman Lu Velk" a man whatever the
first-name lexicon says of Lu (a first name and a title that disagree leave the surname
unknown); a title with no gender tells nothing. Invented text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import DocIndex, key_genders

# (text, surname key, expected gender or None): an example, then its counter-examples.
TITLE_GENDER_ROWS = (
    ("Harbour spokeswoman Tam Velk said the port would close.", "velk", "f"),
    ("Harbour spokesman Tam Velk said the port would close.", "velk", "m"),
    ("Harbour official Tam Velk said the port would close.", "velk", None),
)


@pytest.mark.parametrize(("text", "key", "gender"), TITLE_GENDER_ROWS)
def test_a_gendered_title_tells_the_surnames_gender(nlp, text, key, gender):
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and e.text.endswith("Velk") for e in doc.ents)
    assert key_genders(DocIndex(doc)).get(key) == gender
