"""Publishing: write-audit-publish, semver, changelog, datapackage, validation errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.release import (
    diff_releases,
    list_versions,
    publish,
    read_latest,
    read_release,
    to_arrow,
)
from pipeline.validation import ValidationError
from schemas import TABLES

TEXT = "Ada Lovelace said: “Numbers are poetry.” She met Charles Babbage in London."


def _rows(text: str = TEXT, article_id: str = "art_1") -> dict[str, list[dict]]:
    speaker = "ent_ada"
    start = text.index("Numbers")
    end = text.index("”")
    return {
        "articles": [{
            "article_id": article_id, "source": "a.txt", "sources": ["a.txt"],
            "source_sha256": "0" * 64, "encoding": "utf-8", "replaced_bytes": 0,
            "removed_characters": 0, "language": "en",
            "title": "Ada", "published": dt.date(2024, 1, 2), "modified": None,
            "authors": ["Jo Writer"], "outlet": None, "wire": None, "dateline": None,
            "captions": [], "text": text, "text_case": "mixed",
        }],
        "entities": [
            {"entity_id": speaker, "name": "Ada Lovelace", "label": "PERSON",
             "aliases": ["Ada Lovelace"], "mention_count": 1, "article_count": 1},
            {"entity_id": "ent_london", "name": "London", "label": "GPE",
             "aliases": ["London"], "mention_count": 1, "article_count": 1},
        ],
        "entity_mentions": [
            {"mention_id": "m1", "article_id": article_id, "entity_id": speaker,
             "text": "Ada Lovelace", "label": "PERSON", "start": 0, "end": 12},
            {"mention_id": "m2", "article_id": article_id, "entity_id": "ent_london",
             "text": "London", "label": "GPE", "start": text.index("London"),
             "end": text.index("London") + 6},
        ],
        "quotes": [{
            "quote_id": "q1", "article_id": article_id, "text": text[start:end],
            "start": start, "end": end, "speaker": "Ada Lovelace", "speaker_entity_id": speaker,
            "speaker_text": "Ada Lovelace", "cue": "said", "partial": False, "cluster_id": "c1",
        }],
        "events": [{
            "event_id": "e1", "event_type": "CONSULT", "date": None, "date_precision": None,
            "location": "London", "actors": ["Ada Lovelace"], "actor_entity_ids": [speaker],
            "modality": "asserted", "article_count": 1, "mention_count": 1,
            "summary": "She met Charles Babbage in London.",
        }],
        "event_mentions": [{
            "event_mention_id": "em1", "event_id": "e1", "article_id": article_id,
            "start": text.index("She"), "end": len(text), "trigger": "met",
        }],
        "rejected": [{"source": "empty.txt", "source_sha256": None, "reason": "empty file"}],
    }


def _tables(rows: dict[str, list[dict]]):
    return {name: to_arrow(name, rows[name]) for name in TABLES}


SOURCES = {"a.txt": "0" * 64, "empty.txt": "1" * 64}
PROVENANCE = {"code_version": "test", "spacy_model": "none"}


def test_first_publish_writes_every_file_and_latest_last(tmp_path):
    result = publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    assert result.published and result.version == "1.0.0"
    release = tmp_path / "news-events" / "1.0.0"
    names = sorted(p.name for p in release.iterdir())
    card = ["README.md", "figure_top_speakers.png", "figure_events.png",
            "figure_entity_comentions.png"]
    assert names == sorted([f"{t}.parquet" for t in TABLES]
                           + ["datapackage.json", "quality.json", "CHANGELOG.md", *card])
    assert read_latest(str(tmp_path)) == {"version": "1.0.0", "path": "1.0.0"}
    assert not [p for p in (tmp_path / "news-events").iterdir() if p.name.startswith(".staging")]


def test_datapackage_describes_files_sources_and_schema(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    release = tmp_path / "news-events" / "1.0.0"
    package = json.loads((release / "datapackage.json").read_text())
    assert package["name"] == "news-events" and package["version"] == "1.0.0"
    quotes = next(r for r in package["resources"] if r["name"] == "quotes")
    data = (release / "quotes.parquet").read_bytes()
    assert quotes["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert quotes["bytes"] == len(data) and quotes["rows"] == 1
    fields = {f["name"]: f for f in quotes["schema"]["fields"]}
    assert fields["speaker"]["constraints"]["required"] is False
    assert fields["start"]["type"] == "integer"
    assert {s["path"] for s in package["sources"]} == set(SOURCES)
    assert package["provenance"]["spacy_model"] == "none"


def test_parquet_types_follow_the_contract(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    schema = pq.read_schema(tmp_path / "news-events" / "1.0.0" / "articles.parquet")
    assert str(schema.field("published").type) == "date32[day]"
    authors = schema.field("authors").type
    assert pa.types.is_list(authors) and authors.value_type == pa.string()
    assert str(pq.read_schema(tmp_path / "news-events" / "1.0.0" / "quotes.parquet")
               .field("start").type) == "int64"


def test_same_content_publishes_nothing(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    again = publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    assert not again.published
    assert list_versions(str(tmp_path)) == ["1.0.0"]


def test_new_sources_make_a_minor_release_with_a_changelog(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    rows = _rows()
    extra = dict(rows["articles"][0], article_id="art_2", source="b.txt", sources=["b.txt"])
    rows["articles"].append(extra)
    result = publish(_tables(rows), str(tmp_path), {**SOURCES, "b.txt": "2" * 64}, PROVENANCE)
    assert result.version == "1.1.0"
    changelog = (tmp_path / "news-events" / "1.1.0" / "CHANGELOG.md").read_text()
    assert "## Sources added\n- b.txt" in changelog
    assert "| articles | 2 | 1 | 0 | 0 |" in changelog
    assert diff_releases(str(tmp_path), "1.0.0", "1.1.0")["articles"] == {
        "added": 1, "removed": 0, "changed": 0}


def test_same_sources_with_changed_output_make_a_patch_release(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    rows = _rows()
    rows["articles"][0]["title"] = "Ada, corrected"
    assert publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE).version == "1.0.1"
    assert read_release(str(tmp_path))["articles"]["title"].to_list() == ["Ada, corrected"]


def test_bad_offsets_block_the_release_and_name_table_column_rows(tmp_path):
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    rows = _rows()
    rows["articles"][0]["title"] = "changed"
    rows["quotes"][0]["start"] += 3
    with pytest.raises(ValidationError) as error:
        publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE)
    message = str(error.value)
    assert "table 'quotes', column 'start/end'" in message
    assert "'quote_id': 'q1'" in message or "quote" in message
    assert read_latest(str(tmp_path))["version"] == "1.0.0"
    assert list_versions(str(tmp_path)) == ["1.0.0"]
    assert not [p for p in (tmp_path / "news-events").iterdir() if p.name.startswith(".staging")]


def test_dangling_foreign_key_and_null_id_are_reported(tmp_path):
    rows = _rows()
    rows["entity_mentions"][0]["entity_id"] = "ent_missing"
    rows["entities"][1]["mention_count"] = 0
    with pytest.raises(ValidationError) as error:
        publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE)
    problems = {(p.table, p.column) for p in error.value.problems}
    assert ("entities", "mention_count") in problems
    assert read_latest(str(tmp_path)) is None


def test_relations_checked_when_tables_are_valid(tmp_path):
    rows = _rows()
    rows["entity_mentions"][0]["entity_id"] = "ent_missing"
    with pytest.raises(ValidationError) as error:
        publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE)
    problem = error.value.problems[0]
    assert (problem.table, problem.column) == ("entity_mentions", "entity_id")
    assert problem.failing_rows[0]["entity_id"] == "ent_missing"


def test_publish_to_a_non_local_filesystem():
    url = "memory://news-release-test"
    result = publish(_tables(_rows()), url, SOURCES, PROVENANCE)
    assert result.version == "1.0.0"
    assert read_release(url)["quotes"].height == 1


def test_stale_staging_from_a_crash_is_cleared(tmp_path):
    stale = Path(tmp_path, "news-events", ".staging-dead")
    stale.mkdir(parents=True)
    (stale / "articles.parquet").write_bytes(b"partial")
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    assert not stale.exists()


def _as_if_published_with_an_older_schema(tmp_path: Path, edit) -> None:
    """Rewrite 1.0.0's datapackage.json as an older layout would have described it."""
    path = tmp_path / "news-events" / "1.0.0" / "datapackage.json"
    package = json.loads(path.read_text())
    (articles,) = [r for r in package["resources"] if r["name"] == "articles"]
    edit(articles["schema"]["fields"])
    package["fingerprint"]["schema"] = "an older schema"
    path.write_text(json.dumps(package))


def test_added_columns_make_a_minor_version_that_names_them(tmp_path):
    publish(_tables(_rows()), str(tmp_path), {"a.txt": "0" * 64}, {})
    _as_if_published_with_an_older_schema(
        tmp_path, lambda fields: fields.remove(next(f for f in fields
                                                    if f["name"] == "replaced_bytes")))
    result = publish(_tables(_rows()), str(tmp_path), {"a.txt": "0" * 64}, {})
    assert result.version == "1.1.0"
    assert result.reason == "columns were added: articles.replaced_bytes"


def test_a_changed_column_type_makes_a_major_version(tmp_path):
    publish(_tables(_rows()), str(tmp_path), {"a.txt": "0" * 64}, {})

    def retype(fields: list[dict]) -> None:
        next(f for f in fields if f["name"] == "replaced_bytes")["arrowType"] = "string"

    _as_if_published_with_an_older_schema(tmp_path, retype)
    result = publish(_tables(_rows()), str(tmp_path), {"a.txt": "0" * 64}, {})
    assert result.version == "2.0.0"
    assert result.reason == "the published schema changed"
