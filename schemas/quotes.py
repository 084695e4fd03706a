"""quotes: every quotation with its speaker and cross-article cluster."""


from typing import ClassVar

import pandera.polars as pa
import polars as pl

from schemas.values import ENTITY_LABELS


class Quotes(pa.DataFrameModel):
    """One row per quotation; ``articles.text[start:end] == text``."""

    quote_id: str = pa.Field(unique=True, description="Stable id from article id and offsets.")
    article_id: str = pa.Field(description="Article holding the quotation (foreign key to articles).", metadata={"references": "articles.article_id"})
    text: str = pa.Field(str_length={"min_value": 1}, description="The quotation without its quote marks.")
    start: pl.Int64 = pa.Field(ge=0, description="Start offset in articles.text.")
    end: pl.Int64 = pa.Field(ge=1, description="End offset (exclusive) in articles.text.")
    speaker: str | None = pa.Field(nullable=True, description="Canonical name of the speaker; null when unnamed.")
    speaker_entity_id: str | None = pa.Field(nullable=True, description="Speaker's entity (foreign key to entities).", metadata={"references": "entities.entity_id"})
    speaker_text: str | None = pa.Field(nullable=True, description="The speaker as written, e.g. 'he'.")
    speaker_label: str | None = pa.Field(nullable=True, isin=list(ENTITY_LABELS), description="Entity label of the speaker (PERSON, ORG, GPE, ...); null when unnamed or not an entity.")
    speaker_start: pl.Int64 | None = pa.Field(nullable=True, ge=0, description="Start offset in articles.text of the name the speaker resolves to (for 'he', its antecedent); null when unnamed.")
    speaker_end: pl.Int64 | None = pa.Field(nullable=True, ge=1, description="End offset (exclusive) of that name in articles.text; null when unnamed.")
    cue: str | None = pa.Field(nullable=True, description="Reporting verb, e.g. 'said'.")
    partial: bool = pa.Field(description="A short partial quotation inside reported speech.")
    cluster_id: str = pa.Field(description="Shared by the same utterance reported in several articles.")

    class Config:
        strict = True
        metadata: ClassVar[dict] = {"span": {"in": "articles.text", "text": "text"}}
