"""Dagster metadata derived from the project's own sources of truth (``schemas/``)."""

from __future__ import annotations

import dagster as dg

from schemas import TABLES
from schemas.derive import arrow_schema, columns, table_description


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as Dagster shows them, derived from its pandera model."""
    model = TABLES[table]
    arrow = arrow_schema(model)
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=str(arrow.field(name).type),
                description=description,
                constraints=dg.TableColumnConstraints(nullable=nullable),
            )
            for name, _, nullable, description in columns(model)
        ]
    )


def table_asset_metadata(table: str) -> dict:
    """Definition-time metadata of a published table's asset."""
    return {"dagster/column_schema": column_schema(table)}


def table_description_of(table: str) -> str:
    return table_description(TABLES[table])
