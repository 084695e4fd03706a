"""Event mentions from parsed clauses, and merging of mentions into events across articles.

An *event mention* is a clause whose trigger (a verb, or an eventive noun) has a sense in the
sense table (:mod:`pipeline.events.senses`: one row per sense, its conditions on the trigger's
dependents, an example and a counter-example), with at least one actor: a named entity
(PERSON, ORG, GPE, NORP; a pronoun subject is resolved to the name span of its antecedent) or a
generic agent ("the police", "troops", "prosecutors"), each typed by sector (``actor_types``:
police, military, government, judiciary, ...). What a target undergoes needs no actor: a passive
without agent ("51 persons have been arrested"), a noun ("his arrest", "the investigation").
The dependency parse gives the roles (:mod:`pipeline.events.mentions`), the clause its date
(:func:`pipeline.dates.resolve_date` against the published date) and its modality
(:mod:`pipeline.events.modality`); :mod:`pipeline.events.merge` merges mentions into events.

Reported speech is NOT an event type: "said", "told", "added" ... are not triggers; speech
lives in the quotes table. A noun trigger without its own actors takes them from the light verb
governing it ("X and Y held talks", "X gave Y a tour").

Precision rules, each a failure class seen in hand checks of the BBC corpus: talks need two
sides and trips a named destination or host; a nationality naming one person ("the Russian's
arrival") is not an actor, a people ("Russians") or a state's body ("the Chinese government")
is; in sports reports (:func:`is_sports_report`) the political verbs of play, fixtures and
forecasts are skipped; declining to comment, agreeing with a view, backing someone to win,
blaming a cause, commercial supply and an internal merger are not events.

Taxonomy (``event_type``; ``schemas.values.EVENT_TAXONOMY``, the trigger lemmas from the sense
table), aligned with PLOVER where it can be:

"""

from __future__ import annotations

import textwrap

from pipeline.events.actors import _DocIndex
from pipeline.events.mentions import EventMention, extract_event_mentions, is_sports_report
from pipeline.events.merge import (
    PRECISION_RANK,
    UNDATED_WINDOW_DAYS,
    MergeStats,
    ResolvedMention,
    merge_events,
)
from pipeline.events.modality import _modality
from pipeline.events.senses import NOUN_TRIGGERS, SENSES, VERB_TRIGGERS
from pipeline.events.triggers import _trigger_type
from schemas.values import EVENT_TAXONOMY, PLACE_LABELS


def taxonomy_table() -> str:
    """The taxonomy as an RST table: type, PLOVER category, trigger lemmas and the decision."""
    rule = "=" * 13 + "  " + "=" * 11 + "  " + "=" * 66
    lines = [rule, f"{'event_type':<13}  {'PLOVER':<11}  trigger lemmas (verb / noun); decision",
             rule]
    for etype, (plover, decision) in EVENT_TAXONOMY.items():
        verbs = dict.fromkeys(s.lemma for s in SENSES if s.event_type == etype and s.pos == "VERB")
        nouns = dict.fromkeys(s.lemma for s in SENSES if s.event_type == etype and s.pos == "NOUN")
        words = ", ".join(verbs) + (" / " + ", ".join(nouns) if nouns else "")
        body = textwrap.wrap(f"{words}; {decision}", 66)
        lines.append(f"{etype:<13}  {plover or '(none)':<11}  {body[0]}")
        lines.extend(" " * 28 + more for more in body[1:])
    lines.append(rule)
    return "\n".join(lines) + "\n"


__doc__ = (__doc__ or "") + taxonomy_table()

__all__ = [
    "NOUN_TRIGGERS",
    "PLACE_LABELS",
    "PRECISION_RANK",
    "UNDATED_WINDOW_DAYS",
    "VERB_TRIGGERS",
    "EventMention",
    "MergeStats",
    "ResolvedMention",
    "_DocIndex",
    "_modality",
    "_trigger_type",
    "extract_event_mentions",
    "is_sports_report",
    "merge_events",
    "taxonomy_table",
]
