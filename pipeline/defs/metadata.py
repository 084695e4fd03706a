"""Dagster metadata derived from the project's own sources of truth (``schemas/``)."""

from __future__ import annotations

import dagster as dg

from schemas import TABLES
from schemas.derive import allowed_values, arrow_schema, columns, foreign_keys, table_description


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as Dagster shows them, derived from its pandera model: type,
    nullability, uniqueness, allowed values and the key each column references."""
    model = TABLES[table]
    arrow = arrow_schema(model)
    schema = model.to_schema()
    allowed = allowed_values(model)
    references = {key.column: f"references {key.table}.{key.target}"
                  for key in foreign_keys(model)}
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=str(arrow.field(name).type),
                description=description,
                constraints=dg.TableColumnConstraints(
                    nullable=nullable, unique=bool(schema.columns[name].unique),
                    other=([f"one of {', '.join(allowed[name])}"] if name in allowed else [])
                    + ([references[name]] if name in references else [])),
            )
            for name, _, nullable, description in columns(model)
        ]
    )


def table_asset_metadata(table: str) -> dict:
    """Definition-time metadata of a published table's asset."""
    return {"dagster/column_schema": column_schema(table)}


def table_description_of(table: str) -> str:
    """The asset's description: its model's docstring."""
    return table_description(TABLES[table])
