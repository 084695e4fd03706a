"""Everything derived from the pandera models: Arrow schemas, Frictionless table schemas
(types, allowed values, foreign keys) and the relations the validation checks.

A model declares a column's allowed values with ``isin``, a foreign key with
``metadata={"references": "<table>.<column>"}`` (on a list column: every element), and a table
whose ``start``/``end`` offsets point into another table's text with
``Config.metadata = {"span": {"in": "<table>.<column>", "text": "<column>"}}`` (``text``, when
given, must equal the cut-out text; without it the offsets must only lie inside).
"""

from __future__ import annotations

from typing import NamedTuple

import pandera.polars as pa
import polars as pl
import pyarrow as pa_arrow


def _arrow_type(dtype: pl.DataType) -> pa_arrow.DataType:
    """Map a polars dtype to the Arrow type published in Parquet (plain, not large, strings)."""
    if isinstance(dtype, pl.List):
        return pa_arrow.list_(_arrow_type(dtype.inner))
    simple = {
        pl.String: pa_arrow.string(),
        pl.Int64: pa_arrow.int64(),
        pl.Float64: pa_arrow.float64(),
        pl.Boolean: pa_arrow.bool_(),
        pl.Date: pa_arrow.date32(),
    }
    for polars_type, arrow_type in simple.items():
        if dtype == polars_type:
            return arrow_type
    raise TypeError(f"no Arrow mapping for polars dtype {dtype!r}")


def columns(model: type[pa.DataFrameModel]) -> list[tuple[str, pl.DataType, bool, str]]:
    """(name, polars dtype, nullable, description) of each column, in declaration order."""
    schema = model.to_schema()
    return [
        (name, column.dtype.type, column.nullable, column.description or "")
        for name, column in schema.columns.items()
    ]


def arrow_schema(model: type[pa.DataFrameModel]) -> pa_arrow.Schema:
    """The Arrow schema a table is written with."""
    return pa_arrow.schema(
        [
            pa_arrow.field(name, _arrow_type(dtype), nullable=nullable)
            for name, dtype, nullable, _ in columns(model)
        ]
    )


def _frictionless_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return "array"
    names = {pl.String: "string", pl.Int64: "integer", pl.Float64: "number", pl.Boolean: "boolean",
             pl.Date: "date"}
    for polars_type, name in names.items():
        if dtype == polars_type:
            return name
    raise TypeError(f"no Frictionless type for polars dtype {dtype!r}")


def frictionless_schema(model: type[pa.DataFrameModel], primary_key: tuple[str, ...]) -> dict:
    """A Frictionless Table Schema: fields with name, type, Arrow type, description and
    constraints (required, and ``enum`` for a column with allowed values), the primary key and
    the foreign keys."""
    allowed = allowed_values(model)
    fields = []
    for name, dtype, nullable, description in columns(model):
        constraints: dict = {"required": not nullable}
        if name in allowed:
            constraints["enum"] = list(allowed[name])
        fields.append(
            {
                "name": name,
                "type": _frictionless_type(dtype),
                "arrowType": str(_arrow_type(dtype)),
                "description": description,
                "constraints": constraints,
            }
        )
    schema: dict = {"fields": fields, "primaryKey": list(primary_key)}
    references = foreign_keys(model)
    if references:
        schema["foreignKeys"] = [
            {"fields": key.column, "reference": {"resource": key.table, "fields": key.target}}
            for key in references
        ]
    return schema


def allowed_values(model: type[pa.DataFrameModel]) -> dict[str, tuple]:
    """Column -> the values its ``isin`` check allows, for each column that has one."""
    allowed = {}
    for name, column in model.to_schema().columns.items():
        for check in column.checks:
            if check.name == "isin":
                allowed[name] = tuple(check.statistics["allowed_values"])
    return allowed


class ForeignKey(NamedTuple):
    """A column whose values (each element, for a list column) are keys of another table."""

    column: str
    table: str
    target: str


def foreign_keys(model: type[pa.DataFrameModel]) -> list[ForeignKey]:
    """The model's foreign keys, from its columns' ``references`` metadata, in column order."""
    keys = []
    for name, column in model.to_schema().columns.items():
        reference = (column.metadata or {}).get("references")
        if reference:
            table, target = reference.split(".")
            keys.append(ForeignKey(name, table, target))
    return keys


class Span(NamedTuple):
    """Offsets (``start``, ``end``) into ``table.column`` of the row that ``key`` joins to;
    ``text``, when not None, is the column that must equal the text they cut out."""

    table: str
    column: str
    key: str
    text: str | None


def span(model: type[pa.DataFrameModel]) -> Span | None:
    """Where the model's ``start``/``end`` offsets point, from its ``Config.metadata``; the
    join column is the model's foreign key to that table."""
    declared = (getattr(model.Config, "metadata", None) or {}).get("span")
    if not declared:
        return None
    table, column = declared["in"].split(".")
    key = next(key.column for key in foreign_keys(model) if key.table == table)
    return Span(table, column, key, declared.get("text"))


def table_description(model: type[pa.DataFrameModel]) -> str:
    """The model's docstring: what the table holds, in one line."""
    return " ".join((model.__doc__ or "").split())
