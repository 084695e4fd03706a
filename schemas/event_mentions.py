"""event_mentions: every report of an event in an article, with its offsets."""

from typing import ClassVar

import pandera.polars as pa
import polars as pl


class EventMentions(pa.DataFrameModel):
    """One row per report of an event: the clause in ``articles.text[start:end]``."""

    event_mention_id: str = pa.Field(unique=True, description="Stable id from article id and trigger offset.")
    event_id: str = pa.Field(description="The event reported (foreign key to events).", metadata={"references": "events.event_id"})
    article_id: str = pa.Field(description="The reporting article (foreign key to articles).", metadata={"references": "articles.article_id"})
    start: pl.Int64 = pa.Field(ge=0, description="Start of the clause in articles.text.")
    end: pl.Int64 = pa.Field(ge=1, description="End (exclusive) of the clause in articles.text.")
    trigger: str = pa.Field(str_length={"min_value": 1}, description="Word(s) signalling the event.")

    class Config:
        strict = True
        # the clause's text is not stored: its offsets must lie inside the article's text
        metadata: ClassVar[dict] = {"span": {"in": "articles.text"}}
