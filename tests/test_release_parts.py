"""Releases that store large tables as folders of part files and share the unchanged ones.

Real tables: the seed articles cleaned, parsed and tabulated by the pipeline's own stages; a
small ``part_bytes`` makes them behave as a release of hundreds of thousands of articles does
(each table a folder of part files), so the four readers CONTRACT.md names, the checks and the
sharing of unchanged parts are exercised on the layout a large release has.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import cli
from pipeline.analysis import ArticleInput, analyse_doc
from pipeline.cleaning import clean_records
from pipeline.config import PROJECT_ROOT
from pipeline.corpus import build_articles, build_entities, build_events, build_quotes
from pipeline.entities import CorpusEntities
from pipeline.release import (
    check_release,
    diff_releases,
    listed_sources,
    publish,
    read_release,
    to_arrow,
)
from pipeline.release_parts import part_count, split
from pipeline.sources import read_version
from schemas import PARTITION_KEYS, PRIMARY_KEYS, TABLES

SEEDS = PROJECT_ROOT / "seeds"
SMALL_PARTS = 4096  # Arrow bytes per part: every seed table but the smallest splits


@pytest.fixture(scope="module")
def seed_tables(nlp):
    """``tables(n)``: the release tables of the first ``n`` seed articles, and their sources."""
    paths = sorted(SEEDS.glob("*.txt"))
    shas = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    raws = [read_version(str(SEEDS), p.name, shas[p.name]).record() for p in paths]
    cleaned = dict(clean_records([(raw["source"], raw) for raw in raws]))
    analyses = {source: analyse_doc(nlp(record["article"].text),
                                    ArticleInput.of(source, record))
                for source, record in cleaned.items()}

    def tables(count: int) -> tuple[dict, dict[str, str]]:
        chosen = [p.name for p in paths[:count]]
        built = build_articles({source: cleaned[source] for source in chosen})
        by_article = {row["article_id"]: analyses[built.primary_key[row["article_id"]]]
                      for row in built.articles}
        texts = {row["article_id"]: row["text"] for row in built.articles}
        resolved = build_entities(by_article, texts)
        lookup = CorpusEntities.from_columns(
            to_arrow("entities", resolved.entities).to_pydict(),
            to_arrow("entity_mentions", resolved.mentions).to_pydict())
        events, event_mentions = build_events(by_article, lookup, built.articles)
        rows = {"articles": built.articles, "rejected": built.rejected,
                "entities": resolved.entities, "entity_mentions": resolved.mentions,
                "quotes": build_quotes(by_article, lookup), "events": events,
                "event_mentions": event_mentions}
        return ({name: to_arrow(name, rows[name]) for name in TABLES},
                {name: shas[name] for name in chosen})

    return tables


def _release(output: Path, version: str) -> Path:
    return output / "news-events" / version


def _keys(frame, name: str) -> list:
    return sorted(frame[PRIMARY_KEYS[name][0]].to_list())


def test_a_large_table_is_a_folder_every_reader_reads_as_one_table(seed_tables, tmp_path):
    tables, sources = seed_tables(5)
    result = publish(tables, str(tmp_path), sources, {"code_version": "test"},
                     part_bytes=SMALL_PARTS)
    assert result.version == "1.0.0"
    release = _release(tmp_path, "1.0.0")
    folder = release / "entity_mentions.parquet"
    assert folder.is_dir() and len(list(folder.glob("part-*.parquet"))) > 1
    assert check_release(str(release), rows=True) == []
    published = read_release(str(tmp_path))
    for name in TABLES:
        path = release / f"{name}.parquet"
        expected = _keys(pl.from_arrow(tables[name]), name)
        key = PRIMARY_KEYS[name][0]
        assert _keys(published[name], name) == expected
        assert sorted(pq.read_table(path).column(key).to_pylist()) == expected, name
        assert _keys(pl.read_parquet(path), name) == expected, name
        assert sorted(pd.read_parquet(path)[key].tolist()) == expected, name
        assert sorted(r[0] for r in duckdb.read_parquet(str(path)).select(key).fetchall()
                      ) == expected, name
    package = json.loads((release / "datapackage.json").read_text())
    (mentions,) = [r for r in package["resources"] if r["name"] == "entity_mentions"]
    assert mentions["path"] == "entity_mentions.parquet"
    assert mentions["rows"] == tables["entity_mentions"].num_rows == sum(
        part["rows"] for part in mentions["parts"])


def test_rows_of_one_article_share_a_part(seed_tables):
    tables, _ = seed_tables(5)
    for name, key in PARTITION_KEYS.items():
        parts = split(name, tables[name], 8)
        where: dict = {}
        for part in parts:
            for value in pq.read_table(pa.BufferReader(part.data)).column(key).to_pylist():
                assert where.setdefault(value, part.path) == part.path, (name, value)


def test_an_added_article_rewrites_few_parts_and_shares_the_rest(seed_tables, tmp_path):
    before, sources = seed_tables(4)
    publish(before, str(tmp_path), sources, {}, part_bytes=SMALL_PARTS)
    after, more = seed_tables(5)
    result = publish(after, str(tmp_path), more, {}, part_bytes=SMALL_PARTS)
    assert result.version == "1.1.0"  # an added source; the layout did not change kind
    assert result.bytes_shared > 0 and result.bytes_written > 0
    old, new = _release(tmp_path, "1.0.0"), _release(tmp_path, "1.1.0")
    articles = sorted((new / "articles.parquet").glob("part-*.parquet"))
    linked = [p for p in articles
              if os.stat(p).st_ino == os.stat(old / "articles.parquet" / p.name).st_ino]
    assert 0 < len(linked) < len(articles)  # the added article's part is new, others shared
    # each release still reads as exactly its own rows
    for release, tables in ((old, before), (new, after)):
        assert check_release(str(release), rows=True) == []
        assert pl.read_parquet(release / "articles.parquet").height == tables["articles"].num_rows
    changelog = (new / "CHANGELOG.md").read_text()
    assert "## Part files" in changelog and "| articles |" in changelog


def test_moving_from_single_files_to_part_folders_is_a_major_version(seed_tables, tmp_path):
    before, sources = seed_tables(4)
    publish(before, str(tmp_path), sources, {})  # default part size: single files
    assert (_release(tmp_path, "1.0.0") / "articles.parquet").is_file()
    after, more = seed_tables(5)
    result = publish(after, str(tmp_path), more, {}, part_bytes=SMALL_PARTS)
    assert result.version == "2.0.0"
    assert result.reason.startswith("the published layout changed: articles")
    assert "folders of part files" in (_release(tmp_path, "2.0.0") / "CHANGELOG.md").read_text()


def test_a_stray_file_in_a_table_folder_makes_the_release_incomplete(seed_tables, tmp_path):
    tables, sources = seed_tables(5)
    publish(tables, str(tmp_path), sources, {}, part_bytes=SMALL_PARTS)
    release = _release(tmp_path, "1.0.0")
    stray = release / "quotes.parquet" / "part-99999.parquet"
    stray.write_bytes((release / "rejected.parquet").read_bytes())
    assert check_release(str(release)) == [
        "quotes.parquet/part-99999.parquet: not listed in datapackage.json, "
        "yet read with the table"]


def test_the_part_count_follows_the_previous_release_within_a_factor_of_four(seed_tables):
    tables, _ = seed_tables(5)
    table = tables["entity_mentions"]
    ideal = part_count(table, 0, SMALL_PARTS)
    assert ideal > 2 and ideal & (ideal - 1) == 0  # a power of two
    assert part_count(table, 0, table.nbytes * 2) == 1  # small: one file
    assert part_count(table, ideal * 2, SMALL_PARTS) == ideal * 2  # kept
    assert part_count(table, ideal // 2, SMALL_PARTS) == ideal // 2
    assert part_count(table, ideal * 4, SMALL_PARTS) == ideal  # re-bucketed
    assert part_count(table, 2, table.nbytes * 2) == 2  # never back to a single file


def test_the_card_says_a_table_is_a_folder_of_parts(seed_tables, tmp_path):
    tables, sources = seed_tables(5)
    publish(tables, str(tmp_path), sources, {}, part_bytes=SMALL_PARTS)
    release = _release(tmp_path, "1.0.0")
    card = (release / "README.md").read_text()
    count = len(list((release / "entity_mentions.parquet").glob("part-*.parquet")))
    assert f"`entity_mentions.parquet` (a folder of {count} part files, read as one table)" in card
    assert "`rejected.parquet`: 0 rows." in card  # an empty table stays one file


def test_a_long_source_list_moves_into_part_files_beside_the_tables(seed_tables, tmp_path):
    """Past a part's size the source list leaves datapackage.json (which every release
    rewrites) for sources.parquet/, whose unchanged parts are shared like a table's."""
    tiny = 256  # below the seeds' source list: as a corpus of thousands of sources is
    before, sources = seed_tables(4)
    publish(before, str(tmp_path), sources, {}, part_bytes=tiny)
    after, more = seed_tables(5)
    result = publish(after, str(tmp_path), more, {}, part_bytes=tiny)
    release = _release(tmp_path, result.version)
    package = json.loads((release / "datapackage.json").read_text())
    assert package["sources"]["path"] == "sources.parquet" and package["sources"]["rows"] == 5
    assert listed_sources(str(release), package) == {
        path: "sha256:" + sha for path, sha in more.items()}
    assert check_release(str(release), rows=True) == []
    (added,) = set(more) - set(sources)
    assert f"## Sources added\n- {added}" in (release / "CHANGELOG.md").read_text()
    assert "sha256 of each in `sources.parquet`" in (release / "README.md").read_text()
    assert "| sources |" in (release / "CHANGELOG.md").read_text()  # its parts, and how many kept


def test_validate_reads_a_release_in_part_folders_and_names_a_stray_part(seed_tables, tmp_path,
                                                                          capsys):
    tables, sources = seed_tables(5)
    publish(tables, str(tmp_path), sources, {}, part_bytes=SMALL_PARTS)
    release = _release(tmp_path, "1.0.0")
    assert cli.main(["validate", str(release)]) == cli.OK
    assert capsys.readouterr().out.startswith(f"valid: {release}")
    first = sorted((release / "quotes.parquet").glob("part-*.parquet"))[0]
    (release / "quotes.parquet" / "part-99999.parquet").write_bytes(first.read_bytes())
    assert cli.main(["validate", str(release)]) == cli.FAILED
    said = capsys.readouterr().out
    assert ("file quotes.parquet/part-99999.parquet: not listed in datapackage.json, yet read "
            "with the table") in said
    assert "table 'quotes'" in said  # its rows are read: the copied quotations' keys repeat


def test_changes_counted_part_by_part_equal_a_diff_of_whole_tables(seed_tables, tmp_path):
    before, sources = seed_tables(4)
    publish(before, str(tmp_path), sources, {}, part_bytes=SMALL_PARTS)
    after, more = seed_tables(5)
    result = publish(after, str(tmp_path), more, {}, part_bytes=SMALL_PARTS)
    assert result.changes == diff_releases(str(tmp_path), "1.0.0", "1.1.0")
    assert result.changes["articles"] == {"added": 1, "removed": 0, "changed": 0}
    assert result.changes["entities"]["changed"] > 0  # counts of entities the article names
