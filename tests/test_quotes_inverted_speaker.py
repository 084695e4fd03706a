"""'"...?" asked a boy': the noun right after a reporting verb that follows the quotation is
its speaker, though the parser made it the verb's object; brought in unnamed, it takes no name
from around the quotation (rows: text, speaker as written, the name it resolves to or None)."""

import pytest

from pipeline.quotes import extract_quotes

INVERTED = [
    ('Dana Roe spoke in Port Velden.\n\n"How big is that wall?" asked a boy in a red cap.',
     "a boy", None),
    ('Dana Roe spoke in Port Velden.\n\n"It is not right to say so," tweeted a user from '
     "Port Velden.", "a user", None),
]
# The counter-example: a name after the verb is the speaker as before.
NAMED = [('Dana Roe spoke in Port Velden.\n\n"How big is that wall?" asked Tom Arden.',
          "Tom Arden", "Tom Arden")]


@pytest.mark.parametrize(("text", "written", "name"), INVERTED + NAMED)
def test_the_noun_after_an_inverted_verb_is_the_speaker(nlp, text: str, written: str,
                                                        name: str | None) -> None:
    doc = nlp(text)
    [quote] = extract_quotes(doc)
    assert quote.speaker_text == written
    found = (doc.text[quote.speaker_start:quote.speaker_end]
             if quote.speaker_start is not None else None)
    assert found == name
