"""Blocking asset checks: every published table against its pandera model and its relations.

They gate the release asset: a failing check stops the run before anything is published, and
its metadata names the column, the check and the first failing rows. One check per table of
``schemas.TABLES``; what each checks (allowed values, keys, offsets) is what its model declares.
"""


import dagster as dg
import polars as pl

from pipeline.defs.constants import TABLE_KEYS
from pipeline.defs.resources import WorkStore
from pipeline.validation import SPANS, related_tables, validate_relations, validate_table
from schemas import TABLES
from schemas.derive import allowed_values, foreign_keys


def check_description(table: str) -> str:
    """What the check of ``table`` verifies, from its model: shown in the UI."""
    model = TABLES[table]
    parts = [f"{table} matches its pandera model in schemas/ (types, nullability, ranges)"]
    parts += [f"{column} is one of {', '.join(values)}"
              for column, values in allowed_values(model).items()]
    parts += [f"{key.column} references {key.table}.{key.target}" for key in foreign_keys(model)]
    if table in SPANS:
        where = SPANS[table]
        parts.append(f"start/end cut {where.text} out of {where.table}.{where.column}"
                     if where.text else f"start/end lie inside {where.table}.{where.column}")
    return "; ".join(parts) + "."


def _table_check(table: str) -> dg.AssetChecksDefinition:
    others = sorted(related_tables(table))

    @dg.asset_check(
        asset=TABLE_KEYS[table],
        name=f"{table}_valid",
        blocking=True,
        description=check_description(table),
        additional_deps=[TABLE_KEYS[name] for name in others],
    )
    def check(context: dg.AssetCheckExecutionContext,
              work_store: WorkStore) -> dg.AssetCheckResult:
        frames = {name: pl.from_arrow(work_store.load_table(name)) for name in [table, *others]}
        frame = frames[table]
        problems = validate_table(table, frame) or validate_relations(frames, only=table)
        metadata: dict = {"rows": frame.height, "failures": len(problems)}
        if problems:
            metadata["failing_rows"] = dg.MetadataValue.md(
                "\n".join(f"- {problem.describe()}" for problem in problems))
            for problem in problems:
                context.log.error(problem.describe())
        return dg.AssetCheckResult(passed=not problems, metadata=metadata)

    return check


TABLE_CHECKS = [_table_check(table) for table in TABLES]
