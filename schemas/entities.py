"""entities: one row per canonical real-world entity across the corpus."""

import pandera.polars as pa
import polars as pl

from schemas.values import ENTITY_LABELS


class Entities(pa.DataFrameModel):
    """Canonical people, places and organisations, merged across articles."""

    entity_id: str = pa.Field(unique=True, description="Stable id derived from canonical name and label.")
    name: str = pa.Field(str_length={"min_value": 1}, description="Canonical name.")
    label: str = pa.Field(isin=list(ENTITY_LABELS), description="spaCy entity label (PERSON, ORG, GPE, ...).")
    aliases: pl.List(pl.Utf8) = pa.Field(description="Every surface form seen for this entity.")
    mention_count: pl.Int64 = pa.Field(ge=1, description="Number of mentions in the corpus.")
    article_count: pl.Int64 = pa.Field(ge=1, description="Number of distinct articles mentioning it.")

    class Config:
        strict = True
