"""A name written after an indefinite article is a count noun's (issue 15, the BBC corpus:
"an Oscar" 19 times; "Oscar" 141 mentions and "the Oscars" 66 apart, the singular NER's
person): it is one with its plural, and an award or a title, not the person or place NER
took it for. Invented names."""

from __future__ import annotations

import pytest

from pipeline.entities import Mention, resolve_corpus

_ROWS = [
    # texts of one article each, the name's label, and whether singular and plural are one
    (["She won an Orbel in March.", "He won an Orbel too.", "The Orbels were held."],
     "PERSON", ("WORK_OF_ART", True)),
    # counter-example: written after "an" once only, the name stays NER's
    (["She won an Orbel in March.", "Orbel spoke.", "The Orbels were held."],
     "PERSON", ("PERSON", False)),
]


@pytest.mark.parametrize("texts, label, expected", _ROWS)
def test_a_name_after_an_indefinite_article_is_one_with_its_plural(texts, label, expected):
    articles, bodies = {}, {}
    for i, text in enumerate(texts):
        name = "Orbels" if "Orbels" in text else "Orbel"
        start = text.index(name)
        articles[f"a{i}"] = [Mention(start, start + len(name), name,
                                     "ORG" if name == "Orbels" else label, name)]
        bodies[f"a{i}"] = text
    result = resolve_corpus(articles, texts=bodies)
    entity_of = {m["article_id"]: (m["entity_id"], m["label"]) for m in result.mentions}
    assert entity_of["a0"][1] == expected[0]
    assert (entity_of["a0"][0] == entity_of["a2"][0]) is expected[1]
