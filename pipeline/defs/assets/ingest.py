"""Ingest: the sources of each batch partition, read and decoded, then cleaned."""

import dagster as dg

from pipeline.cleaning import CleanedRecord, clean_records
from pipeline.defs.constants import (
    CLEANED_ARTICLES,
    GROUP_INGEST,
    OWNER,
    RAW_ARTICLES,
    SOURCE_BATCHES,
)
from pipeline.defs.resources import NewsConfig, SpacyResource, Version, WorkStore
from pipeline.parallel import map_chunks
from pipeline.sources import RawRecord, read_version

# Below this many sources, forking workers costs more than cleaning in one process.
PARALLEL_CLEANING_MIN = 200

BATCHED = {
    "partitions_def": SOURCE_BATCHES,
    "backfill_policy": dg.BackfillPolicy.single_run(),
    "owners": [OWNER],
    # The values are TypedDicts (the stages' contracts), which Dagster's type checks cannot
    # take (they call isinstance); the annotations are for readers and type checkers.
    "dagster_type": dg.Any,
}


def batched_input(key: dg.AssetKey) -> dg.AssetIn:
    """A per-article asset read by the next stage (see ``BATCHED["dagster_type"]``)."""
    return dg.AssetIn(key, dagster_type=dg.Any)


class BatchedRaw(RawRecord):
    """A read source as stored: with the batch partition that stores it (the IO manager files
    it under that batch)."""

    batch: str


class BatchedCleaned(CleanedRecord):
    """A cleaned source as stored, with its batch partition."""

    batch: str


def batch_sources(context: dg.AssetExecutionContext, store: WorkStore) -> dict[str, list[str]]:
    """The sources each batch of this run builds, from the batch manifests."""
    return {batch: sorted(store.load_manifest(batch)["sources"])
            for batch in context.partition_keys}


@dg.asset(key=RAW_ARTICLES, group_name=GROUP_INGEST, kinds={"python"}, **BATCHED)
def raw_articles(context: dg.AssetExecutionContext, news: NewsConfig,
                 work_store: WorkStore) -> dict[Version, BatchedRaw]:
    """Each source file of the batch decoded to text, with its sha256 and encoding (or why not).

    Every result is stored under the sha256 the batch manifest names (``read_version``): a file
    changed or deleted since the scan is rejected for now instead of vanishing from the release.
    """
    raw: dict[Version, BatchedRaw] = {}
    for batch, sources in batch_sources(context, work_store).items():
        manifest = work_store.load_manifest(batch)
        for source in sources:
            sha256 = manifest["sources"][source]
            read = read_version(news.sources_dir, source, sha256)
            raw[(source, sha256)] = {**read.record(), "batch": batch}
    rejected = {source: row["reason"] for (source, _), row in raw.items() if row["reason"]}
    _report_rejections(context, rejected)
    context.add_output_metadata({"sources": len(raw), "rejected": len(rejected)})
    return raw


@dg.asset(key=CLEANED_ARTICLES, ins={"raw_articles": batched_input(RAW_ARTICLES)},
          group_name=GROUP_INGEST, kinds={"python"}, **BATCHED)
def cleaned_articles(context: dg.AssetExecutionContext, spacy: SpacyResource,
                     raw_articles: dict[Version, BatchedRaw]) -> dict[Version, BatchedCleaned]:
    """Article body without boilerplate, plus title, dates, authors, dateline and outlet."""
    items = list(raw_articles.items())
    processes = spacy.n_process if len(items) >= PARALLEL_CLEANING_MIN else 1
    cleaned: dict[Version, BatchedCleaned] = {
        version: {**record, "batch": raw_articles[version]["batch"]}
        for version, record in map_chunks(clean_records, items, processes, 64)}
    rejected = {source: row["reason"] for (source, _), row in cleaned.items()
                if row.get("reason") and not raw_articles[(source, _)]["reason"]}
    _report_rejections(context, rejected)
    context.add_output_metadata({
        "articles": sum(1 for row in cleaned.values() if not row.get("reason")),
        "rejected": sum(1 for row in cleaned.values() if row.get("reason")),
    })
    return cleaned


def _report_rejections(context: dg.AssetExecutionContext, rejected: dict[str, str]) -> None:
    """Make rejected sources visible on their batch partition, not just in the run's log.

    The step succeeds (one bad file must not fail the other sources of the batch), so each
    rejection is recorded as an observation of this asset's batch partition with the source
    and the reason; the release's ``rejected`` table holds them too.
    """
    batch = context.partition_keys[0] if context.partition_keys else None
    for source, reason in rejected.items():
        context.log.warning(f"source {source!r} rejected: {reason}")
        context.log_event(dg.AssetObservation(
            asset_key=context.asset_key, partition=batch,
            metadata={"status": "rejected", "source": source, "reason": reason},
            description=f"{source} rejected: {reason}",
        ))


