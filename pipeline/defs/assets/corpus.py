"""Corpus: the published tables, built from every article's results at once."""


import dagster as dg
import pyarrow as pa

from pipeline.corpus import build_articles, build_entities, build_events, build_quotes
from pipeline.defs.constants import (
    ARTICLE_NLP,
    CLEANED_ARTICLES,
    GROUP_CORPUS,
    OWNER,
    TABLE_KEYS,
)
from pipeline.defs.metadata import table_asset_metadata, table_description_of
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


ENTITY_INPUTS = (ARTICLE_NLP, TABLE_KEYS["articles"])
LINKED_INPUTS = (*ENTITY_INPUTS, TABLE_KEYS["entities"], TABLE_KEYS["entity_mentions"])


def _preview(rows: list[dict], columns: list[str], limit: int = 10) -> dg.MetadataValue:
    header = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join(str(row.get(c, ""))[:80].replace("|", "/").replace("\n", " ")
                          for c in columns) + " |\n"
        for row in rows[:limit]
    )
    return dg.MetadataValue.md(header + body)


def _result(table: str, arrow: pa.Table, preview_columns: list[str],
            output_name: str | None = None) -> dg.Output:
    """The table with its row count and a Markdown preview (one output of a multi-asset, or
    the ``result`` of a single asset)."""
    rows = arrow.slice(0, 10).to_pylist()
    return dg.Output(
        arrow, output_name=output_name or table,
        metadata={"dagster/row_count": arrow.num_rows,
                  "preview": _preview(rows, preview_columns)},
    )


def _analyses_by_article(articles: pa.Table, article_nlp: dict[str, dict]) -> dict[str, dict]:
    """Each published article's NLP result (read from its main source)."""
    return {
        article_id: article_nlp[source]
        for article_id, source in zip(articles["article_id"].to_pylist(),
                                      articles["source"].to_pylist(), strict=True)
        if source in article_nlp
    }


@dg.multi_asset(outs={"articles": _out("articles"), "rejected": _out("rejected")},
                ins=_ins(CLEANED_ARTICLES))
def articles_tables(cleaned_articles: dict[str, dict]):
    """Deduplicated articles and the rejected sources."""
    built = build_articles(cleaned_articles)
    yield _result("articles", to_arrow("articles", built.articles),
                  ["article_id", "source", "title", "published", "authors"])
    yield _result("rejected", to_arrow("rejected", built.rejected), ["source", "reason"])


@dg.multi_asset(outs={"entities": _out("entities"), "entity_mentions": _out("entity_mentions")},
                ins=_ins(*ENTITY_INPUTS))
def entity_tables(articles: pa.Table, article_nlp: dict[str, dict]):
    """Canonical entities across articles, and every mention linked to one."""
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(),
                     strict=True))
    resolved = build_entities(_analyses_by_article(articles, article_nlp), texts)
    yield _result("entities", to_arrow("entities", resolved.entities),
                  ["name", "label", "mention_count", "article_count"])
    yield _result("entity_mentions", to_arrow("entity_mentions", resolved.mentions),
                  ["article_id", "text", "label", "start", "end"])


@dg.asset(key=TABLE_KEYS["quotes"], group_name=GROUP_CORPUS, kinds={"parquet", "pandera"},
          description=table_description_of("quotes"), metadata=table_asset_metadata("quotes"),
          owners=[OWNER],
          ins=_ins(*LINKED_INPUTS))
def quotes(articles: pa.Table, entities: pa.Table, entity_mentions: pa.Table,
           article_nlp: dict[str, dict]) -> dg.Output:
    """Every quotation with its canonical speaker and cross-article cluster."""
    lookup = CorpusEntities.from_tables(entities.to_pylist(), entity_mentions.to_pylist())
    rows = build_quotes(_analyses_by_article(articles, article_nlp), lookup)
    return _result("quotes", to_arrow("quotes", rows), ["speaker", "text", "cue", "cluster_id"],
                   output_name="result")


@dg.multi_asset(outs={"events": _out("events"), "event_mentions": _out("event_mentions")},
                ins=_ins(*LINKED_INPUTS))
def event_tables(articles: pa.Table, entities: pa.Table, entity_mentions: pa.Table,
                 article_nlp: dict[str, dict]):
    """Events merged across articles, and every report of each."""
    lookup = CorpusEntities.from_tables(entities.to_pylist(), entity_mentions.to_pylist())
    rows = articles.select(["article_id", "text", "published"]).to_pylist()
    events, mentions = build_events(_analyses_by_article(articles, article_nlp), lookup, rows)
    yield _result("events", to_arrow("events", events),
                  ["event_type", "date", "location", "actors", "article_count", "summary"])
    yield _result("event_mentions", to_arrow("event_mentions", mentions),
                  ["event_id", "article_id", "trigger", "start", "end"])
