"""events: one row per real-world event, deduplicated across the articles reporting it."""


import pandera.polars as pa
import polars as pl

from schemas.values import DATE_PRECISIONS, EVENT_TYPES, MODALITIES


class Events(pa.DataFrameModel):
    """Who did what to whom, when and where; ``event_mentions`` links every report."""

    event_id: str = pa.Field(unique=True, description="Stable id from type, date and actors.")
    event_type: str = pa.Field(isin=list(EVENT_TYPES), description="Type from the documented taxonomy (PLOVER-aligned).")
    date: pl.Date | None = pa.Field(nullable=True, description="When it happened; null when unknown.")
    date_precision: str | None = pa.Field(nullable=True, isin=list(DATE_PRECISIONS), description="Precision of date.")
    location: str | None = pa.Field(nullable=True, description="Canonical name of the place.")
    actors: pl.List(pl.Utf8) = pa.Field(description="Actors and targets: an entity's canonical name, or the text of a generic agent or unnamed target ('Dunmore police', '51 persons').")
    actor_entity_ids: pl.List(pl.Utf8) = pa.Field(description="Entity id of each of actors, in the same order; a null element where it is no entity (a generic agent).", metadata={"references": "entities.entity_id"})
    actor_types: pl.List(pl.Utf8) = pa.Field(description="Sector of each of actors, in the same order (police, military, government, judiciary, ...); a null element where unknown.")
    implied_actor_type: str | None = pa.Field(nullable=True, description="Sector of the agent the reports imply when they name none ('police' for '51 persons were arrested', 'judiciary' for 'was sentenced'); null when an actor is named or nothing is implied.")
    modality: str = pa.Field(isin=list(MODALITIES), description="'asserted', or 'planned', 'possible', 'hedged', 'negated'.")
    article_count: pl.Int64 = pa.Field(ge=1, description="Distinct articles reporting the event.")
    mention_count: pl.Int64 = pa.Field(ge=1, description="Reports of the event (rows in event_mentions).")
    summary: str = pa.Field(description="A sentence reporting the event.")

    class Config:
        strict = True
