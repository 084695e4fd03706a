"""The allowed values of the published tables' categorical columns, declared once.

The pandera models check them (``isin``), ``datapackage.json`` publishes them (each field's
``constraints.enum``) and the pipeline's stages import them from here instead of keeping a copy,
so a label or an event type is added in exactly one place.
"""

#: spaCy entity labels kept as entities (the others, dates, numbers and money, are not entities).
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                 "LAW")
#: The entity labels that name places: an event's location, and the labels a country's code
#: may stand for.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: The event taxonomy (PLOVER-aligned; each type's PLOVER category and trigger lemmas are in the
#: table of ``pipeline/events.py``'s docstring, in this order).
EVENT_TYPES = ("CONSULT", "AGREE", "SIGN", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
               "ACCUSE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
               "COERCE", "ASSAULT", "LAUNCH", "INITIATE", "TRAVEL", "VISIT", "PERSONNEL",
               "ACQUIRE")
#: How an event is reported: it happened, or it is planned, possible, hedged or denied.
MODALITIES = ("asserted", "planned", "possible", "hedged", "negated")
#: The precision of an event's date, finest first.
DATE_PRECISIONS = ("day", "week", "month", "year")
