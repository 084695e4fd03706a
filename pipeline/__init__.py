"""news-events: news articles in, a versioned dataset of articles, entities, quotes and events out.

The modules of this package are plain Python (no Dagster): sources, storage, cleaning, dates,
analysis (the spaCy pass), entities, quotes, events, clustering, duplicates, corpus, validation,
release writing, the dataset card, evaluation and the command line. ``pipeline.defs`` is the
thin Dagster layer that wires them into assets, checks, sensors and schedules.
"""

__version__ = "0.1.0"
