"""A large change split into several batch partitions that build in parallel runs.

With ``NEWS_BATCH_SOURCES=N`` a build puts at most N sources to build in each batch partition,
runs ``build_articles`` (read, clean, NLP: the per-article assets) once per batch, at the same
time when the executor runs steps outside the build's process (celery: on whichever workers are
free), then one run of ``publish_dataset`` builds the corpus tables from every stored result and
publishes one release. Without it a build stays one run of ``build_dataset`` over one batch.
"""

from __future__ import annotations

import dagster as dg

from pipeline.defs.constants import GROUP_INGEST, GROUP_NLP
from pipeline.sources import SourceChanges

ARTICLES_JOB = "build_articles"

articles_job = dg.define_asset_job(
    ARTICLES_JOB, selection=dg.AssetSelection.groups(GROUP_INGEST, GROUP_NLP),
    description="One batch of sources through reading, cleaning and NLP, without the corpus "
                "tables and the release (a build split into batches runs publish_dataset "
                "once after all of them).",
)


def split_changes(changes: SourceChanges, size: int) -> list[SourceChanges]:
    """``changes`` in parts of at most ``size`` sources to build (one part when ``size`` is 0
    or enough); the deleted sources go with the first part."""
    sources = changes.to_build
    if size <= 0 or len(sources) <= size:
        return [changes]
    return [SourceChanges(added=sources[start:start + size], changed=(),
                          deleted=changes.deleted if start == 0 else ())
            for start in range(0, len(sources), size)]
