"""Release: write, audit and publish the tables as an immutable semver-numbered release."""


from importlib.metadata import version

import dagster as dg
import pyarrow as pa

from pipeline.analysis import model_version
from pipeline.defs.constants import GROUP_RELEASE, OWNER, SOURCES_PARTITIONS, TABLE_KEYS
from pipeline.defs.resources import NewsConfig, SpacyResource, WorkStore
from pipeline.release import publish
from pipeline.validation import ValidationError


@dg.asset(
    group_name=GROUP_RELEASE, kinds={"parquet"}, owners=[OWNER],
    deps=list(TABLE_KEYS.values()),
    description="The published dataset release under <output_dir>/news-events/<version>.",
)
def release(context: dg.AssetExecutionContext, news: NewsConfig, spacy: SpacyResource,
            work_store: WorkStore) -> dg.MaterializeResult:
    """Validate the staged tables again (write-audit-publish) and move them into place."""
    tables: dict[str, pa.Table] = {name: work_store.load_table(name) for name in TABLE_KEYS}
    keys = context.instance.get_dynamic_partitions(SOURCES_PARTITIONS.name)
    sources = {}
    for key in keys:
        raw = work_store.load_partition("raw_articles", key)
        if raw is not None and raw.get("sha256"):
            sources[key] = raw["sha256"]
    provenance = {
        "code_version": version("news-events"),
        "spacy_version": version("spacy"),
        "spacy_model": spacy.model,
        "spacy_model_version": model_version(spacy.model),
        "dagster_run_id": context.run.run_id,
    }
    try:
        result = publish(tables, news.output_dir, sources, provenance)
    except ValidationError as error:
        raise dg.Failure(description=str(error), metadata={
            "problems": dg.MetadataValue.md("\n".join(f"- {p.describe()}" for p in error.problems)),
        }) from error
    metadata = {
        "published": result.published,
        "version": result.version or "",
        "reason": result.reason,
        **{f"rows/{name}": count for name, count in result.row_counts.items()},
    }
    if result.path:
        metadata["path"] = dg.MetadataValue.path(result.path)
    context.log.info(f"release: {result.reason}; version {result.version}")
    return dg.MaterializeResult(metadata=metadata)
