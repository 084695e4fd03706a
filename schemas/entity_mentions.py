"""entity_mentions: every mention of an entity, with its offsets in the article body."""

from typing import ClassVar

import pandera.polars as pa
import polars as pl

from schemas.values import ENTITY_LABELS


class EntityMentions(pa.DataFrameModel):
    """One row per entity mention; ``articles.text[start:end] == text``."""

    mention_id: str = pa.Field(unique=True, description="Stable id from article id and offsets.")
    article_id: str = pa.Field(description="Article holding the mention (foreign key to articles).", metadata={"references": "articles.article_id"})
    entity_id: str = pa.Field(description="Canonical entity (foreign key to entities).", metadata={"references": "entities.entity_id"})
    text: str = pa.Field(str_length={"min_value": 1}, description="The mention as written.")
    label: str = pa.Field(isin=list(ENTITY_LABELS), description="Label of the canonical entity.")
    start: pl.Int64 = pa.Field(ge=0, description="Start offset in articles.text.")
    end: pl.Int64 = pa.Field(ge=1, description="End offset (exclusive) in articles.text.")

    class Config:
        strict = True
        metadata: ClassVar[dict] = {"span": {"in": "articles.text", "text": "text"}}
