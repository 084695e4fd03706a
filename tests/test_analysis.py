"""Per-article NLP: what the stages find together on one parsed article."""

from __future__ import annotations

from pipeline.analysis import ArticleInput, analyse_doc


def test_an_event_a_speaker_describes_inside_a_quotation_is_an_event(nlp):
    """The gold labels what a quotation says happened ("they deported me", "he should
    apologise"); the speaking itself is no event."""
    text = ("“Germany signed the treaty with France in Paris,” said Anna Weber, a diplomat.\n\n"
            "Later, Britain signed a trade agreement with Japan in Tokyo.")
    analysis = analyse_doc(nlp(text), ArticleInput(key="a", text=text, published=None))
    (quote,) = analysis["quotes"]
    assert quote["text"].startswith("Germany signed")
    inside = [e for e in analysis["events"] if quote["start"] <= e["trigger_start"] < quote["end"]]
    outside = [e for e in analysis["events"] if e["trigger_start"] > quote["end"]]
    assert [e["trigger"] for e in inside] == ["signed"] and outside
    assert all(e["trigger"] not in {"said"} for e in analysis["events"])


def test_the_speakers_own_plan_inside_a_quotation_is_a_statement(nlp):
    """"I will be asking Parliament to renew it": the speaker's stated intent is no event (the
    gold labels it none); the same request made by a named other is one."""
    own = '"I will be asking Parliament to renew this law," said Tom Keller, the minister.'
    other = '"Tom Keller will be asking Parliament to renew this law," said Anna Weber.'
    found = {}
    for key, text in (("own", own), ("other", other)):
        analysis = analyse_doc(nlp(text), ArticleInput(key=key, text=text, published=None))
        assert len(analysis["quotes"]) == 1
        found[key] = [(e["event_type"], e["modality"]) for e in analysis["events"]]
    assert found["own"] == []
    assert found["other"] == [("DEMAND", "planned")]


def test_results_stream_out_chunk_by_chunk(monkeypatch):
    """The NLP step logs progress as results arrive: the first article's result comes out
    before later chunks are parsed (they were all collected first, so the bar sat at 0)."""
    from pipeline import analysis
    from pipeline.config import DEFAULT_MODEL

    parsed_chunks = []
    real = analysis._analyse_chunk

    def counting(chunk):
        parsed_chunks.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(analysis, "_analyse_chunk", counting)
    articles = [ArticleInput(key=i, text=f"Article {i}: the minister said it was fine.",
                             published=None, language="fr" if i == 1 else "en")
                for i in range(12)]
    results = analysis.analyse(articles, DEFAULT_MODEL, n_process=1, batch_size=2)
    assert next(results)[0] == 0
    assert parsed_chunks == [2]
    rest = list(results)
    assert [key for key, _ in rest] == list(range(1, 12))
    assert rest[0][1]["skipped"] == "language 'fr' is not analysed"
    assert sum(parsed_chunks) == 11


def test_an_event_participant_is_the_entity_its_head_word_names(nlp):
    """"Republican lawmakers criticised ...": the actor is the lawmakers (by their text), not
    the party that modifies them; "Anna Weber criticised ..." is Anna Weber's mention."""
    found = {}
    for key, text in (("modified", "Republican lawmakers sharply criticised the new tax plan."),
                      ("named", "Anna Weber sharply criticised the new tax plan.")):
        analysis = analyse_doc(nlp(text), ArticleInput(key=key, text=text, published=None))
        (event,) = [e for e in analysis["events"] if e["trigger"] == "criticised"]
        found[key] = event["actors"][0]
    assert found["modified"] == {"start": None, "end": None, "name": "Republican lawmakers"}
    assert found["named"]["name"] == "Anna Weber" and found["named"]["start"] == 0
