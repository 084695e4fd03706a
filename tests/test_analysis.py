"""Per-article NLP: what the stages find together on one parsed article."""

from __future__ import annotations

from pipeline.analysis import ArticleInput, analyse_doc


def test_events_inside_a_quotation_are_left_to_the_quotes_table(nlp):
    text = ("“Germany signed the treaty with France in Paris,” said Anna Weber, a diplomat.\n\n"
            "Later, Britain signed a trade agreement with Japan in Tokyo.")
    analysis = analyse_doc(nlp(text), ArticleInput(key="a", text=text, published=None))
    (quote,) = analysis["quotes"]
    assert quote["text"].startswith("Germany signed")
    triggers = [(e["trigger"], e["trigger_start"]) for e in analysis["events"]]
    assert triggers and all(start > quote["end"] for _, start in triggers)
