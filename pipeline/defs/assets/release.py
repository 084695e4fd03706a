"""Release: write, audit and publish the tables as an immutable semver-numbered release."""


from importlib.metadata import version
from pathlib import Path

import dagster as dg
import pyarrow as pa

from pipeline.analysis import model_version
from pipeline.config import DATASET_NAME
from pipeline.defs.constants import GROUP_RELEASE, OWNER, TABLE_KEYS
from pipeline.defs.resources import NewsConfig, SpacyResource, WorkStore
from pipeline.provenance import publish_state, stage_versions
from pipeline.quality import load_all
from pipeline.release import latest_release, publish
from pipeline.validation import ValidationError


@dg.asset(
    group_name=GROUP_RELEASE, kinds={"parquet"}, owners=[OWNER],
    deps=list(TABLE_KEYS.values()),
    description="The published dataset release under <output_dir>/news-events/<version>: the "
                "tables as Parquet, datapackage.json, quality.json (the scorers' recorded "
                "figures, each marked current or not), CHANGELOG.md and a dataset card "
                "(README.md with figures), after the tables are validated again.",
)
def release(context: dg.AssetExecutionContext, news: NewsConfig, spacy: SpacyResource,
            work_store: WorkStore) -> dg.MaterializeResult:
    """Validate the staged tables again (write-audit-publish) and move them into place."""
    tables: dict[str, pa.Table] = {name: work_store.load_table(name) for name in TABLE_KEYS}
    sources = work_store.current_sources()
    stages = stage_versions(spacy.model)
    provenance = {
        "code_version": version("news-events"),
        # which version of each stage's code, rules and model made the tables (see
        # pipeline.provenance): articles and rejected come from "read" and "clean", the
        # others from "nlp" too; all are tabulated by "corpus"
        "stage_versions": stages,
        "spacy_version": version("spacy"),
        "spacy_model": spacy.model,
        "spacy_model_version": model_version(spacy.model),
        "dagster_run_id": context.run.run_id,
    }
    try:
        # the figures the scorers recorded in quality/ (committed): each is marked current or
        # not against this release's stage versions
        result = publish(tables, news.output_dir, sources, provenance, load_all(),
                         news.part_bytes)
    except ValidationError as error:
        raise dg.Failure(description=str(error), metadata={
            "problems": dg.MetadataValue.md("\n".join(f"- {p.describe()}" for p in error.problems)),
        }) from error
    # What this step saw is now published (new, or identical to the latest release): a later
    # build with nothing changed has nothing to do.
    work_store.save_published(publish_state(sources, spacy.model))
    metadata = {
        "published": result.published,
        "version": result.version or "",
        "reason": result.reason,
        # what the publish wrote, and the unchanged part files it shared with the previous
        # release instead (tables past NEWS_PART_BYTES are folders of part files)
        "bytes_written": result.bytes_written,
        "bytes_shared": result.bytes_shared,
        **{f"rows/{name}": count for name, count in result.row_counts.items()},
    }
    if result.path:
        metadata["path"] = dg.MetadataValue.path(result.path)
        metadata["card"] = dg.MetadataValue.path(f"{result.path}/README.md")
    metadata["tables"] = dg.MetadataValue.md(_tables_markdown(result.row_counts, result.changes))
    context.log.info(f"release: {result.reason}; version {result.version}")
    for observation in published_tables(news.output_dir):
        context.log_event(observation)
    return dg.MaterializeResult(metadata=metadata)


def published_tables(output_dir: str) -> list[dg.AssetObservation]:
    """Where each table now lives, as an observation of that table's asset: a table's page
    in the UI shows the release version, the file's URI, its bytes, rows and sha256 from the
    published datapackage.json, beside the preview its materialization carries.

    An observation rather than a second materialization: the table's latest materialization
    stays the one its blocking check evaluated.
    """
    package = latest_release(output_dir)
    if package is None:
        return []
    release_version = package["version"]
    observations = []
    for resource in package["resources"]:
        uri = f"{output_dir.rstrip('/')}/{DATASET_NAME}/{release_version}/{resource['path']}"
        observations.append(dg.AssetObservation(
            asset_key=TABLE_KEYS[resource["name"]],
            description=f"published in release {release_version}",
            metadata={
                "release_version": release_version,
                "uri": (dg.MetadataValue.url(uri) if "://" in uri
                        else dg.MetadataValue.path(str(Path(uri).resolve()))),
                "bytes": resource["bytes"],
                "rows": resource["rows"],
                # a table stored as a folder has a sha256 per part file, in datapackage.json
                **({"sha256": resource["hash"].removeprefix("sha256:")} if "hash" in resource
                   else {"part_files": len(resource["parts"])}),
            },
        ))
    return observations


def _tables_markdown(counts: dict[str, int], changes: dict[str, dict[str, int]]) -> str:
    """Rows per table, and what changed against the previous release: the UI's summary."""
    lines = ["| table | rows | added | removed | changed |", "|---|---:|---:|---:|---:|"]
    for name, rows in counts.items():
        change = changes.get(name, {})
        lines.append(f"| {name} | {rows} | {change.get('added', '')} | "
                     f"{change.get('removed', '')} | {change.get('changed', '')} |")
    return "\n".join(lines)
