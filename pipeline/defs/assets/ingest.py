"""Ingest: one partition per source file, read and decoded, then cleaned."""


import dataclasses

import dagster as dg

from pipeline.analysis import detect_language
from pipeline.cleaning import clean_html, clean_text
from pipeline.defs.constants import GROUP_INGEST, OWNER, SOURCES_PARTITIONS
from pipeline.defs.resources import NewsConfig
from pipeline.sources import article_id, read_source

PARTITIONED = {
    "partitions_def": SOURCES_PARTITIONS,
    "backfill_policy": dg.BackfillPolicy.single_run(),
    "owners": [OWNER],
}


@dg.asset(group_name=GROUP_INGEST, kinds={"python"}, **PARTITIONED)
def raw_articles(context: dg.AssetExecutionContext, news: NewsConfig) -> dict[str, dict]:
    """Each source file's bytes decoded to text, with its sha256 and encoding (or why not)."""
    keys = context.partition_keys
    raw = {key: dataclasses.asdict(read_source(news.sources_dir, key)) for key in keys}
    rejected = {key: row["reason"] for key, row in raw.items() if row["reason"]}
    for key, reason in rejected.items():
        context.log.warning(f"source {key!r} rejected: {reason}")
    context.add_output_metadata({"sources": len(keys), "rejected": len(rejected)})
    return raw


@dg.asset(group_name=GROUP_INGEST, kinds={"python"}, **PARTITIONED)
def cleaned_articles(context: dg.AssetExecutionContext,
                     raw_articles: dict[str, dict]) -> dict[str, dict]:
    """Article body without boilerplate, plus title, dates, authors, dateline and outlet."""
    cleaned = {}
    for key in context.partition_keys:
        raw = raw_articles.get(key)
        if raw is None:
            cleaned[key] = {"reason": "source was not read (raw_articles missing)"}
            continue
        cleaned[key] = clean_source(key, raw)
        if cleaned[key].get("reason"):
            context.log.warning(f"source {key!r} rejected: {cleaned[key]['reason']}")
    context.add_output_metadata({
        "articles": sum(1 for row in cleaned.values() if not row.get("reason")),
        "rejected": sum(1 for row in cleaned.values() if row.get("reason")),
    })
    return cleaned


def clean_source(key: str, raw: dict) -> dict:
    """The cleaned-article record of one source, or its rejection."""
    if raw["reason"]:
        return {"source_sha256": raw["sha256"], "reason": raw["reason"]}
    is_html = key.lower().endswith((".html", ".htm"))
    article = clean_html(raw["text"]) if is_html else clean_text(raw["text"])
    if not article.text.strip():
        return {"source_sha256": raw["sha256"], "reason": "no article body found after cleaning"}
    return {
        **dataclasses.asdict(article),
        "article_id": article_id(raw["sha256"]),
        "source_sha256": raw["sha256"],
        "encoding": raw["encoding"],
        "language": detect_language(article.text),
        "reason": None,
    }
