"""Who a short form is, by who the article is about and who its sentences are about."""

from __future__ import annotations

from pipeline.entities import extract_mentions

# The article is about Velandra Halvorsen, whom the writer calls by the bare surname; her
# husband is named in full in the sentence before the surname.
_ABOUT_HER = ("Velandra Halvorsen won the primary in Ohio. Halvorsen thanked her voters "
              "there.\n\n")


def _last_bare(nlp, text: str) -> str:
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == "Halvorsen"]
    assert mentions and mentions[-1].label == "PERSON", mentions
    return mentions[-1].local_name


def test_a_bare_surname_the_writer_keeps_for_the_main_referent_is_not_the_relative_just_named(
        nlp):
    text = _ABOUT_HER + ("On Monday former President Radomir Halvorsen caused a stir with a "
                         "visit to the judge. The judge must decide whether Halvorsen broke "
                         "the law.")
    assert _last_bare(nlp, text) == "Velandra Halvorsen"
    text = _ABOUT_HER + ("During former President Radomir Halvorsen's tenure, the plan failed. "
                         "Aides said Halvorsen was committed to it.")
    assert _last_bare(nlp, text) == "Velandra Halvorsen"


def test_a_bare_surname_that_carries_on_the_subject_of_the_sentence_before_is_that_person(nlp):
    # counter-example: the relative is the subject of one main clause, the surname of the next
    text = _ABOUT_HER + ("On Monday former President Radomir Halvorsen visited the judge. "
                         "Halvorsen said the visit was social.")
    assert _last_bare(nlp, text) == "Radomir Halvorsen"
