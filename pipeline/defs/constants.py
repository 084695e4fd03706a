"""Names shared across the Dagster layer: asset keys, groups, partitions, jobs."""

import dagster as dg

from schemas import TABLES

#: One partition per batch of new, changed or deleted sources (see README, "How runs are shaped").
SOURCE_BATCHES = dg.DynamicPartitionsDefinition(name="source_batches")

GROUP_INGEST = "ingest"
GROUP_NLP = "nlp"
GROUP_CORPUS = "corpus"
GROUP_RELEASE = "release"

RAW_ARTICLES = dg.AssetKey("raw_articles")
CLEANED_ARTICLES = dg.AssetKey("cleaned_articles")
ARTICLE_NLP = dg.AssetKey("article_nlp")
RELEASE = dg.AssetKey("release")

#: Published tables (``schemas.TABLES``), each an asset of the same name.
TABLE_KEYS = {name: dg.AssetKey(name) for name in TABLES}

BUILD_JOB = "build_dataset"
#: Run tag naming the process that coordinates a run `news-events build` started: the sensor
#: tells from it that a killed build's run has no worker, even when the kill came before the
#: executor logged its own pid.
WORKER_PID_TAG = "news-events/worker_pid"
PUBLISH_JOB = "publish_dataset"
OWNER = "team:news-events"
