"""A nominal speaker with both a name it modifies and an appositive name is the appositive."""

from pipeline.quotes import extract_quotes


def test_an_aide_named_in_apposition_speaks_not_the_name_the_aide_works_for(nlp) -> None:
    doc = nlp('"We will appeal the ruling," one Kell spokesman, Dana Roe, said on Monday.')
    [quote] = extract_quotes(doc)
    assert doc.text[quote.speaker_start:quote.speaker_end] == "Dana Roe"
