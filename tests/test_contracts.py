"""Each stage hands the next one the shape it declares (RawRecord, CleanedRecord,
ArticleAnalysis), built here by the stages themselves from the seed articles."""

from __future__ import annotations

import hashlib
import pickle
from typing import get_type_hints

from pipeline.analysis import ArticleAnalysis, ArticleInput, SnappedSpan, analyse_doc
from pipeline.cleaning import CleanedRecord, clean_records
from pipeline.config import PROJECT_ROOT
from pipeline.corpus import build_articles
from pipeline.sources import RawRecord, read_version

SEEDS = PROJECT_ROOT / "seeds"


def _read_seeds() -> list[RawRecord]:
    paths = sorted(SEEDS.glob("*.txt"))
    return [read_version(str(SEEDS), path.name, hashlib.sha256(path.read_bytes()).hexdigest())
            .record() for path in paths]


def test_the_read_stage_hands_over_exactly_a_raw_record():
    for raw in _read_seeds():
        assert set(raw) == set(get_type_hints(RawRecord))
        assert raw["text"] and raw["reason"] is None


def test_cleaning_keeps_the_callers_keys_and_gives_cleaned_records():
    raws = _read_seeds()
    rejected = {**raws[0], "source": "empty.txt", "text": None, "reason": "empty file"}
    # Any hashable key: cleaning needs no version tuple, only the record's own source.
    keys = [f"key {i}" for i in range(len(raws))] + [42]
    cleaned = clean_records(list(zip(keys, [*raws, rejected], strict=True)))
    assert [key for key, _ in cleaned] == keys
    declared = set(get_type_hints(CleanedRecord))
    required = CleanedRecord.__required_keys__
    for _, record in cleaned[:-1]:
        assert set(record) == declared and record["reason"] is None
    assert set(cleaned[-1][1]) == required == {"source_sha256", "reason"}
    assert cleaned[-1][1]["reason"] == "empty file"
    articles = build_articles({raw["source"]: record
                               for raw, (_, record) in zip(raws, cleaned, strict=False)})
    assert len(articles.articles) == len(raws)


def test_the_nlp_stage_gives_an_article_analysis_that_survives_storage(nlp):
    raw = _read_seeds()[0]
    ((_, record),) = clean_records([(raw["source"], raw)])
    analysis = analyse_doc(nlp(record["article"].text), ArticleInput.of(raw["source"], record))
    assert set(analysis) == ArticleAnalysis.__required_keys__
    spans = [quote["speaker"] for quote in analysis["quotes"]] + [
        span for event in analysis["events"] for span in [*event["actors"], *event["targets"]]]
    assert spans and all(set(span) == set(get_type_hints(SnappedSpan))
                         for span in spans if span is not None)
    # What the work store pickles is a plain dict: results stored before these types existed
    # read back the same.
    assert type(analysis) is dict
    assert pickle.loads(pickle.dumps(analysis)) == analysis
