"""The Dagster definitions: the thin layer wiring the plain-Python stages together."""

import warnings

import dagster as dg

from pipeline.config import Settings
from pipeline.defs.automation import build_job, daily_publish, publish_job, source_files_sensor
from pipeline.defs.batches import articles_job
from pipeline.defs.checks import TABLE_CHECKS
from pipeline.defs.executors import make_executor
from pipeline.defs.resources import NewsConfig, SpacyResource, WorkStore, WorkStoreIOManager

# The batch assets' single-run backfill policy is deliberate (README, "How runs are shaped");
# Dagster marks the parameter beta and would warn on every import of the definitions. Only
# that warning, and only while the assets are defined.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Parameter `backfill_policy` ",
                            category=dg.BetaWarning)
    from pipeline.defs.assets import corpus, ingest, nlp, release

# One store (one folder) serves as every asset's IO manager and as a resource for checks, the
# release and the sensor, which read stored tables and partitions directly.
work_store = WorkStore()

# Steps run in the run's own process unless the settings (NEWS_EXECUTOR) or the run config
# choose multiprocess or celery (pipeline/defs/executors.py, docs/cluster.md).
defs = dg.Definitions(
    executor=make_executor(Settings.from_env()),
    assets=dg.load_assets_from_modules([ingest, nlp, corpus, release]),
    asset_checks=TABLE_CHECKS,
    jobs=[build_job, publish_job, articles_job],
    sensors=[source_files_sensor],
    schedules=[daily_publish],
    resources={
        "news": NewsConfig(),
        "spacy": SpacyResource(),
        "io_manager": WorkStoreIOManager(base_dir=work_store.base_dir,
                                         spacy_model=work_store.spacy_model),
        "work_store": work_store,
    },
)
