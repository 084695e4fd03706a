"""Corpus: the published tables, built from every article's results at once."""


import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.analysis import ArticleAnalysis
from pipeline.corpus import build_articles, build_entities, build_events, build_quotes
from pipeline.defs.constants import (
    ARTICLE_NLP,
    CLEANED_ARTICLES,
    GROUP_CORPUS,
    OWNER,
    TABLE_KEYS,
)
from pipeline.defs.metadata import table_asset_metadata, table_description_of
from pipeline.defs.resources import WorkStore
from pipeline.entities import CorpusEntities
from pipeline.release import to_arrow


def _out(table: str) -> dg.AssetOut:
    return dg.AssetOut(
        key=TABLE_KEYS[table], group_name=GROUP_CORPUS, kinds={"parquet", "pandera"},
        description=table_description_of(table), metadata=table_asset_metadata(table),
        owners=[OWNER],
    )


def _ins(*keys: dg.AssetKey) -> dict[str, dg.AssetIn]:
    return {key.to_python_identifier(): dg.AssetIn(key) for key in keys}


LINKED_INPUTS = (TABLE_KEYS["articles"], TABLE_KEYS["entities"], TABLE_KEYS["entity_mentions"])


def _preview(rows: list[dict], columns: list[str], limit: int = 10) -> dg.MetadataValue:
    header = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join(str(row.get(c, ""))[:80].replace("|", "/").replace("\n", " ")
                          for c in columns) + " |\n"
        for row in rows[:limit]
    )
    return dg.MetadataValue.md(header + body)


#: What the UI's preview of each table shows first: the rows a reader wants to see (the most
#: mentioned entities, quotes with a named speaker, the most reported events), not key order.
PREVIEW_ORDER: dict[str, list[tuple[str, str]]] = {
    "entities": [("mention_count", "descending"), ("name", "ascending")],
    "events": [("article_count", "descending"), ("mention_count", "descending")],
}


def _preview_rows(table: str, arrow: pa.Table, limit: int = 10) -> list[dict]:
    if table == "quotes":
        named = arrow.filter(pc.is_valid(arrow["speaker"]))
        arrow = named if named.num_rows else arrow
    elif table in PREVIEW_ORDER and arrow.num_rows:
        arrow = arrow.sort_by(PREVIEW_ORDER[table])
    return arrow.slice(0, limit).to_pylist()


def _result(table: str, arrow: pa.Table, preview_columns: list[str],
            output_name: str | None = None) -> dg.Output:
    """The table with its row count and a Markdown preview (one output of a multi-asset, or
    the ``result`` of a single asset): what the UI shows on each materialization."""
    return dg.Output(
        arrow, output_name=output_name or table,
        metadata={"dagster/row_count": arrow.num_rows,
                  "preview": _preview(_preview_rows(table, arrow), preview_columns)},
    )


def _analyses_by_article(context: dg.AssetExecutionContext, articles: pa.Table,
                         store: WorkStore) -> dict[str, ArticleAnalysis]:
    """Each published article's NLP result: the stored result of its source's version."""
    versions = dict(zip(articles["source"].to_pylist(), articles["source_sha256"].to_pylist(),
                        strict=True))
    by_source, missing = store.load_current(ARTICLE_NLP, versions)
    if missing:
        context.log.warning(f"{len(missing)} article(s) without NLP results yet: {missing[:5]}")
    return {article_id: by_source[source]
            for article_id, source in zip(articles["article_id"].to_pylist(),
                                          articles["source"].to_pylist(), strict=True)
            if source in by_source}


@dg.multi_asset(outs={"articles": _out("articles"), "rejected": _out("rejected")},
                deps=[CLEANED_ARTICLES, ARTICLE_NLP])
def articles_tables(context: dg.AssetExecutionContext, work_store: WorkStore):
    """Deduplicated articles and the rejected sources: the current version of every source,
    each article saying why it has no NLP layer when it has none."""
    current = work_store.current_sources()
    cleaned, missing = work_store.load_current(CLEANED_ARTICLES, current)
    if missing:
        context.log.warning(f"{len(missing)} source(s) not built yet, left out: {missing[:5]}")
    analysed = {source: current[source] for source, row in cleaned.items()
                if not row.get("reason")}
    analyses, _ = work_store.load_current(ARTICLE_NLP, analysed)
    built = build_articles(cleaned, {source: analysis.get("skipped")
                                     for source, analysis in analyses.items()})
    yield _result("articles", to_arrow("articles", built.articles),
                  ["article_id", "source", "title", "published", "authors"])
    yield _result("rejected", to_arrow("rejected", built.rejected), ["source", "reason"])


@dg.multi_asset(outs={"entities": _out("entities"), "entity_mentions": _out("entity_mentions")},
                ins=_ins(TABLE_KEYS["articles"]), deps=[ARTICLE_NLP])
def entity_tables(context: dg.AssetExecutionContext, articles: pa.Table, work_store: WorkStore):
    """Canonical entities across articles, and every mention linked to one."""
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(),
                     strict=True))
    resolved = build_entities(_analyses_by_article(context, articles, work_store), texts)
    yield _result("entities", to_arrow("entities", resolved.entities),
                  ["name", "label", "mention_count", "article_count"])
    yield _result("entity_mentions", to_arrow("entity_mentions", resolved.mentions),
                  ["article_id", "text", "label", "start", "end"])


@dg.asset(key=TABLE_KEYS["quotes"], group_name=GROUP_CORPUS, kinds={"parquet", "pandera"},
          description=table_description_of("quotes"), metadata=table_asset_metadata("quotes"),
          owners=[OWNER], ins=_ins(*LINKED_INPUTS), deps=[ARTICLE_NLP])
def quotes(context: dg.AssetExecutionContext, articles: pa.Table, entities: pa.Table,
           entity_mentions: pa.Table, work_store: WorkStore) -> dg.Output:
    """Every quotation with its canonical speaker and cross-article cluster."""
    lookup = CorpusEntities.from_columns(entities.to_pydict(), entity_mentions.to_pydict())
    rows = build_quotes(_analyses_by_article(context, articles, work_store), lookup)
    return _result("quotes", to_arrow("quotes", rows), ["speaker", "text", "cue", "cluster_id"],
                   output_name="result")


@dg.multi_asset(outs={"events": _out("events"), "event_mentions": _out("event_mentions")},
                ins=_ins(*LINKED_INPUTS), deps=[ARTICLE_NLP])
def event_tables(context: dg.AssetExecutionContext, articles: pa.Table, entities: pa.Table,
                 entity_mentions: pa.Table, work_store: WorkStore):
    """Events merged across articles, and every report of each."""
    lookup = CorpusEntities.from_columns(entities.to_pydict(), entity_mentions.to_pydict())
    rows = articles.select(["article_id", "text", "published"]).to_pylist()
    events, mentions = build_events(_analyses_by_article(context, articles, work_store),
                                    lookup, rows)
    yield _result("events", to_arrow("events", events),
                  ["event_type", "date", "location", "actors", "article_count", "summary"])
    yield _result("event_mentions", to_arrow("event_mentions", mentions),
                  ["event_id", "article_id", "trigger", "start", "end"])
