"""news-events: news articles in, a versioned dataset of articles, entities, quotes and events out.

The modules of this package are plain Python (no Dagster): cleaning, dates, nlp, entities,
quotes, events, clustering, release writing and evaluation. ``pipeline.defs`` is the thin
Dagster layer that wires them into assets, checks, sensors and schedules.
"""

__version__ = "0.1.0"
