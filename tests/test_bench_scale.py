"""make bench-scale's synthetic corpora: copies that keep offsets, clusters and duplicates."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from pipeline.cleaning import CleanArticle
from pipeline.duplicates import fingerprint, jaccard

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench_scale.py"


@pytest.fixture(scope="module")
def bench_scale():
    spec = importlib.util.spec_from_file_location("bench_scale", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = ("Mr Thwaite told reporters in Dunmore on Monday that the Venter Group would appeal. "
        "John Thwaite said: \"We will win.\"")


def _record(text: str = TEXT, article_id: str = "art-1") -> dict:
    article = CleanArticle(title="Thwaite appeals", text=text, published=dt.date(2020, 1, 6),
                           modified=None, authors=[], dateline=None, outlet=None, wire=None,
                           captions=[], credit_names=[])
    return {"article": article, "article_id": article_id,
            "source_sha256": article_id.encode().hex().ljust(64, "0"),
            "fingerprint": fingerprint(text)}


def test_a_universe_respells_names_in_place_and_keeps_shared_words(bench_scale):
    kept = bench_scale._kept_words()
    one, two = bench_scale.Universe(1, kept), bench_scale.Universe(2, kept)
    copy = one.respell(TEXT)
    assert len(copy) == len(TEXT)
    assert copy != TEXT and two.respell(TEXT) != copy
    # titles, first names, weekdays and stop words are every universe's
    for word in ("Mr ", "John ", "Monday", "We will win", " the "):
        assert word in copy
    assert "Thwaite" not in copy and "Dunmore" not in copy
    # one spelling per name within a universe: "Thwaite" twice, respelt alike
    start = TEXT.index("Thwaite")
    second = TEXT.index("Thwaite", start + 1)
    assert copy[start:start + 7] == copy[second:second + 7]
    # nested results (mention names, acronym keys) get the same spelling
    nested = one.respell({"mentions": [{"name": "John Thwaite", "label": "PERSON"}],
                          "acronyms": {"VG": "Venter Group"}})
    assert nested["mentions"][0]["name"] == one.respell("John Thwaite")
    assert nested["mentions"][0]["label"] == "PERSON"
    assert nested["acronyms"]["VG"] == one.respell("Venter Group")
    assert bench_scale.Universe(0, kept).respell(TEXT) == TEXT


def test_fingerprints_stay_near_duplicates_within_a_universe_only(bench_scale):
    kept = bench_scale._kept_words()
    edited = TEXT.replace("would appeal", "will appeal")
    one, two = bench_scale.Universe(1, kept), bench_scale.Universe(2, kept)
    a, b = one.fingerprint(fingerprint(TEXT)), one.fingerprint(fingerprint(edited))
    assert jaccard(a[0], b[0]) == jaccard(fingerprint(TEXT)[0], fingerprint(edited)[0])
    assert jaccard(a[0], two.fingerprint(fingerprint(TEXT))[0]) == 0


def test_synthesise_makes_distinct_articles_in_universes(bench_scale):
    base = {"a.txt": _record(), "b.txt": _record(TEXT.replace("Monday", "Friday"), "art-2")}
    nlp = {"a.txt": {"mentions": [{"name": "Thwaite"}]}, "b.txt": {"mentions": []}}
    cleaned, analyses, shas = bench_scale.synthesise(base, nlp, 5)
    assert sorted(cleaned) == ["u0000/a.txt", "u0000/b.txt", "u0001/a.txt", "u0001/b.txt",
                               "u0002/a.txt"]
    assert len({r["article_id"] for r in cleaned.values()}) == 5
    assert len(set(shas.values())) == 5 and all(len(s) == 64 for s in shas.values())
    assert analyses["u0000/a.txt"] == nlp["a.txt"]
    assert analyses["u0001/a.txt"]["mentions"][0]["name"] != "Thwaite"
    assert cleaned["u0001/a.txt"]["article"].text != TEXT


def test_the_long_article_joins_the_corpus_articles_beside_ordinary_ones(
        bench_scale, tmp_path, monkeypatch):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in seeds.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "DUPLICATES.txt").write_text("a.txt b.txt\n")  # notes, not an article
    files = bench_scale.corpus_articles(corpus)
    assert [p.name for p in files] == sorted(p.name for p in seeds.iterdir())
    monkeypatch.setattr(bench_scale, "ORDINARY_BESIDE_LONG", 2)
    bodies = [p.read_text().strip() for p in files]
    headline = "One long record of the year's news"
    expected = "\n\n".join([headline, *bodies[:3]]) + "\n"
    # room for three articles, not for the fourth
    length = bench_scale.write_long_sources(corpus, tmp_path / "sources", len(expected) + 10)
    assert (tmp_path / "sources" / "long-record.txt").read_text() == expected
    assert length == len(expected)
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == sorted(
        ["long-record.txt", files[3].name, files[4].name])
    assert (tmp_path / "sources" / files[3].name).read_bytes() == files[3].read_bytes()


def test_step_seconds_reads_the_build_log(bench_scale):
    log = ('... - raw_articles - STEP_SUCCESS - Finished execution of step "raw_articles" in '
           '1.11s.\n... STEP_SUCCESS - Finished execution of step "article_nlp" in 3m17s.\n'
           '... Finished execution of step "quotes" in 351ms.\n')
    assert bench_scale.step_seconds(log) == {"raw_articles": 1.11, "article_nlp": 197.0,
                                             "quotes": 0.35}
