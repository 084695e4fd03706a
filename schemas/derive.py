"""Everything derived from the pandera models: Arrow schemas and Frictionless field schemas."""

from __future__ import annotations

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
    """A Frictionless Table Schema: fields with name, type, Arrow type, description, constraints."""
    fields = []
    for name, dtype, nullable, description in columns(model):
        fields.append(
            {
                "name": name,
                "type": _frictionless_type(dtype),
                "arrowType": str(_arrow_type(dtype)),
                "description": description,
                "constraints": {"required": not nullable},
            }
        )
    return {"fields": fields, "primaryKey": list(primary_key)}


def table_description(model: type[pa.DataFrameModel]) -> str:
    """The model's docstring: what the table holds, in one line."""
    return " ".join((model.__doc__ or "").split())
