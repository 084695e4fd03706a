"""The published tables' schemas: one pandera model per table, the single source of truth.

Arrow types, datapackage.json field schemas, docs and Dagster column metadata are all derived
from these models (see ``schemas.derive``), so a column is declared exactly once.
"""

from schemas.articles import Articles
from schemas.entities import Entities
from schemas.entity_mentions import EntityMentions
from schemas.event_mentions import EventMentions
from schemas.events import Events
from schemas.quotes import Quotes
from schemas.rejected import Rejected

#: Published table name -> its model, in the order a reader meets them.
TABLES = {
    "articles": Articles,
    "entities": Entities,
    "entity_mentions": EntityMentions,
    "quotes": Quotes,
    "events": Events,
    "event_mentions": EventMentions,
    "rejected": Rejected,
}

#: The column (or columns) identifying a row: used for uniqueness and release diffs.
PRIMARY_KEYS = {
    "articles": ("article_id",),
    "entities": ("entity_id",),
    "entity_mentions": ("mention_id",),
    "quotes": ("quote_id",),
    "events": ("event_id",),
    "event_mentions": ("event_mention_id",),
    "rejected": ("source",),
}

#: The column whose value picks a row's part file when a release stores a table as a folder of
#: parts (``pipeline.release_parts``): rows of one article stay together, so a release that adds
#: an article rewrites the one part of each per-article table its rows fall in.
PARTITION_KEYS = {
    "articles": "article_id",
    "entities": "entity_id",
    "entity_mentions": "article_id",
    "quotes": "article_id",
    "events": "event_id",
    "event_mentions": "article_id",
    "rejected": "source",
}

__all__ = ["PARTITION_KEYS", "PRIMARY_KEYS", "TABLES"]
