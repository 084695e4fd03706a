"""A speaker the writer brings in unnamed gets no name from the people around the quotation."""

import pytest

from pipeline.quotes import extract_quotes

ANONYMOUS = [
    'Mara Quill spoke in Port Velden on Friday. "It was a turning point," another supporter said.',
    'Mara Quill spoke in Port Velden on Friday.\n\n"She will not win," one longtime adviser to '
    'Mara Quill said.',
    'Dana Roe addressed the council. "Nobody believed it," according to one official.',
    # The name before an indefinite noun is whom the speaker works for, not the speaker.
    'Tom Arden spoke in Port Velden.\n\n"He will not win," one Tom Arden aide said.',
    'Dana Roe spoke in Port Velden on Monday.\n\n"She did not like that," said a senior Dana Roe '
    'adviser.',
]
NAMED = [
    ('Mara Quill spoke in Port Velden. "It was a turning point," a spokeswoman, Dana Roe, said.',
     "Dana Roe"),
    ('Mara Quill spoke in Port Velden. "It was a turning point," the senator said.', "Mara Quill"),
]


@pytest.mark.parametrize("text", ANONYMOUS)
def test_an_indefinite_source_is_left_unnamed(nlp, text: str) -> None:
    [quote] = extract_quotes(nlp(text))
    assert quote.speaker_start is None


@pytest.mark.parametrize(("text", "speaker"), NAMED)
def test_a_named_apposition_or_a_definite_description_keeps_its_name(nlp, text: str,
                                                                     speaker: str) -> None:
    doc = nlp(text)
    [quote] = extract_quotes(doc)
    assert doc.text[quote.speaker_start:quote.speaker_end] == speaker
