"""Event mentions from parsed clauses: a trigger (see :mod:`pipeline.events.triggers`), its
roles from the dependency parse, its date and modality.

``nsubj`` (or the passive ``agent``) -> actor; ``dobj``, ``dative``, ``with/against/to X`` and
passive subjects -> target; a GPE/FAC/LOC under ``at/in/near/inside/outside`` (``to/into/from``
for travel, ``around`` for visits) -> place; a DATE entity attached to the trigger's own clause
(not a nested one; only its part inside the clause; not one modifying another noun, "the 2012
robbery suspect") -> time, via :func:`pipeline.dates.resolve_date` against the published date
(the page's, else the file name's), else an adverbial date of a subjectless participle ("were
detained trying to cross on Monday"), of the clause a "when/while/as" clause is set in, of a
relative clause saying when a noun's event took place ("attacks, which occurred last year"),
or the date of the occurrence a relative clause's trigger is said of ("the bombing last month
that killed three"). A TIME entity counts when it names a day ("Tuesday night", "last
night"); a date that is a clause's object or subject ("invoked the Sept. 11, 2001, attacks")
or a plural ("on Saturday evenings") dates nothing; bare weekdays and months are read in the
direction of the clause's tense (:func:`time_direction`: "will meet on Saturday" is the
coming one). The word tables of these rules are :class:`DateCue` rows with an example and a
counter-example. A noun trigger without its own actors takes them from the light verb
governing it.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from pipeline.dates import anaphoric_day, anaphoric_period, resolve_date, shift_period
from pipeline.events.actors import (
    ORG_ROWS,
    ROLE_SECTORS,
    _conjuncts,
    _DocIndex,
    _governing_verb,
    _passive_agents,
    _subject_tokens,
    _word_map,
    is_passive,
    of_object,
    patients,
    sector_of_head,
)
from pipeline.events.lexicon import (
    ACTOR_LABELS,
    ATTACK_NOUNS,
    BARE_NOUN_TYPES,
    COMPLEMENT_TARGET_TYPES,
    DATE_BLOCKING_PREPS,
    LEGAL_DOCUMENTS,
    LIGHT_VERBS,
    OF_IS_TARGET,
    PARTICIPLE_TYPES,
    PARTY_NOUN_TYPES,
    PATIENT_PRONOUNS,
    PATIENT_TYPES,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPS,
    PLANNED_ADJ,
    PLANNED_AUX,
    PLANNED_HEADS,
    POLLED_GROUPS,
    POLLED_TYPES,
    POSSESSIVE_PRONOUNS,
    PREP_LIGHT_VERBS,
    QUANTIFIER_PRONOUNS,
    SINGULAR_PERSON_PRONOUNS,
    SOURCE_NOUN_TYPES,
    SPECIFYING_MODIFIERS,
    STAFF,
    TARGET_PREPS,
    THING_PASSIVE_TYPES,
    TIME_NOUNS,
)
from pipeline.events.modality import _modality
from pipeline.events.triggers import (
    Trigger,
    _trigger_type,
    attack_agents,
    firing_clause,
    held_participle,
    implied_sector,
    money_amount,
    possible_triggers,
)
from schemas.values import DATE_PRECISIONS, PLACE_LABELS


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    trigger: str
    trigger_start: int
    event_type: str
    actor_spans: tuple[tuple[int, int], ...]
    target_spans: tuple[tuple[int, int], ...]
    place_span: tuple[int, int] | None
    date: datetime.date | None
    date_precision: str | None
    modality: str
    #: each actor's sector (CAMEO/PLOVER actor type: police, military, government, judiciary,
    #: ...), parallel to ``actor_spans``; None where the text does not say
    actor_types: tuple[str | None, ...] = ()
    #: the lemma of the sense-table row that typed the trigger ("call" of "called for"): reports
    #: in different articles merge only with the same sense
    sense: str = ""
    #: the sector of the agent a report naming none implies ("51 persons were arrested":
    #: police; :data:`pipeline.events.senses.IMPLIED_AGENTS`); None when an actor is named
    implied_sector: str | None = None


def _place_from(index: _DocIndex, pobj: Token, allow_org: bool) -> tuple[int, int] | None:
    labels = PLACE_LABELS | {"ORG"} if allow_org else PLACE_LABELS
    ent = index.ent_of[pobj.i]
    if ent is not None:
        if ent.label_ in labels:
            return index.name_span(ent)
        return None
    for child in pobj.children:
        if child.dep_ == "appos":
            ent = index.ent_of[child.i]
            if ent is not None and ent.label_ in labels:
                return index.name_span(ent)
    for tok in pobj.subtree:
        if tok.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            break
        ent = index.ent_of[tok.i]
        if ent is not None and ent.label_ in labels and tok.i != pobj.i:
            return index.name_span(ent)
    return None


def _clause_tokens(root: Token) -> Iterable[Token]:
    """Tokens of the trigger's own clause (not descending into nested clauses; a participle
    that modifies a noun is no clause: "the following week")."""
    stack = [root]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.pos_ in {"VERB", "AUX"} and child.dep_ not in {"aux", "auxpass", "amod"}:
                continue
            if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}:
                continue
            stack.append(child)


def _clause_part(ent, tok: Token, members: set[int]):
    """The run of a DATE entity around ``tok`` that lies in the clause: the parser's entity
    "Saturday, two days" of "visited Lyon on Saturday, two days after protesters were
    arrested" is "Saturday" for the visit (the rest belongs to the "after" clause)."""
    lo = hi = tok.i
    while lo - 1 >= ent.start and lo - 1 in members:
        lo -= 1
    while hi + 1 < ent.end and hi + 1 in members:
        hi += 1
    return ent if (lo, hi + 1) == (ent.start, ent.end) else ent.doc[lo:hi + 1]


def _date_node(ent) -> Token:
    """The token a date phrase hangs on the clause by: its root, or the part of the day it is a
    compound of ("Tuesday night": the parser tags "night" TIME and hangs "Tuesday" on it)."""
    node = ent.root
    if node.dep_ == "compound" and node.head.lemma_.lower() in DAY_HEADS:
        node = node.head
    return node


#: Dependencies of a date that is what a clause is about, not when it happened: "invoked the
#: Sept. 11, 2001, attacks" (parsed with "Sept." the object), "2016 was a hard year".
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "csubj"})


def _generic_days(ent) -> bool:
    """A day in the plural is a habit, no point in time: "on Saturday evenings", "Mondays"."""
    node = _date_node(ent)
    return node.tag_ == "NNS" and node.lemma_.lower() in DAY_HEADS | WEEKDAY_NAMES


def _blocked(ent) -> bool:
    """A date that bounds or precedes the event rather than dating it ("by Saturday
    afternoon", "since 2012", "ahead of Tuesday's vote": :data:`DATE_BLOCKING_PREPS`)."""
    node = _date_node(ent)
    head = node.head
    if head.dep_ == "prep" and head.lower_ in DATE_BLOCKING_PREPS:
        return True
    return ent[0].lower_ in DATE_BLOCKING_PREPS or (
        node.dep_ == "pobj" and node.head.lower_ in DATE_BLOCKING_PREPS)


def _adverbial(ent, root: Token) -> bool:
    """A date that modifies ``root`` itself ("on Saturday", "last week", "on Thursday
    evening": the weekday a compound of the day part), not a noun of its clause ("accused of a
    2012 robbery")."""
    node = _date_node(ent)
    head = node.head
    return (node.dep_ in {"npadvmod", "tmod"} and head.i == root.i) or (
        node.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == root.i)


#: Prepositions that set an event in a frame whose date is the event's: "killed in the 2012
#: attack"; "accused of a 2012 robbery", "sent staff to the March 1 states" are not.
FRAME_PREPS = frozenset({"in", "during", "at", "amid", "on"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "nummod"})


def _dates_another_noun(ent, root: Token) -> bool:
    """A date modifying a noun that is neither ``root`` nor the frame it happens in ("the 2012
    robbery suspect"): that noun's date, not the event's."""
    node = _date_node(ent)  # "suspended his campaign Tuesday night": "night" dates the verb
    if node.dep_ not in MODIFIER_DEPS:
        return False
    noun = node.head
    if noun.i == root.i:
        return False  # "his 2009 arrest"
    framed = noun.dep_ == "pobj" and noun.head.lower_ in FRAME_PREPS
    return not (framed and noun.head.head.i == root.i)


#: Entity labels a date is read from: spaCy tags "Tuesday night", "last night" or "this
#: morning" TIME, which counts only when it names a day (not "9 p.m.", "two hours").
DATE_LABELS = frozenset({"DATE", "TIME"})


def _resolved(index: _DocIndex, ent, anchor: datetime.date | None, direction: str | None):
    """(date, precision) of a date phrase, a day named by reference resolved
    (:func:`_referred_day`)."""
    date, precision = resolve_date(ent.text, anchor, direction)
    if date is None:
        date, precision = _referred_day(index, ent, anchor)
    return date, precision


def _clause_date(index: _DocIndex, root: Token, anchor: datetime.date | None,
                 adverbial: bool = False):
    """The date written in ``root``'s own clause nearest it (``adverbial``: only one that
    modifies ``root`` itself), a day named by reference without one included
    (:func:`_anaphoric_phrase`), read in the direction of the clause's tense
    (:func:`time_direction`); None when the clause has no date."""
    best: tuple[int, datetime.date | None, str | None] | None = None
    seen: set[int] = set()
    clause = list(_clause_tokens(root))
    members = {t.i for t in clause}
    direction = time_direction(root)
    for tok in clause:
        ent = index.ent_of[tok.i]
        if ent is None and (phrase := _anaphoric_phrase(tok, root)) is not None:
            ent = phrase  # "That same day in 2014, X made donations": no DATE entity
            seen.update(t.i for t in phrase)
        elif (ent is None or ent.label_ not in DATE_LABELS or ent.start in seen
              or tok.i in seen):
            continue
        seen.add(ent.start)
        ent = _clause_part(ent, tok, members)
        if (adverbial and not _adverbial(ent, root)) or _dates_another_noun(ent, root):
            continue
        if _blocked(ent) or _generic_days(ent) or _date_node(ent).dep_ in ARGUMENT_DEPS:
            continue
        date, precision = _resolved(index, ent, anchor, direction)
        if date is None and ent.label_ == "TIME":
            continue  # "at 9 p.m.", "for two hours": no day, and no date of the clause
        distance = abs(ent.start - root.i)
        if date is not None and (best is None or best[1] is None or distance < best[0]):
            best = (distance, date, precision)
        elif best is None:
            best = (distance, None, None)
    return best


class DateCue(NamedTuple):
    """A word table a date rule reads (:func:`time_direction`, :func:`_mention_date`), with a
    sentence whose [trigger]'s date it decides (published Monday 2016-10-24; "" for no date)
    and a counter-example it must leave alone (``tests/test_event_date_direction.py`` parses
    both)."""

    words: frozenset[str]
    example: str
    date: str
    counter: str
    counter_date: str


#: Auxiliaries of the future: "will meet on Saturday" is the coming Saturday.
FUTURE_AUX = DateCue(
    PLANNED_AUX | {"going"},
    "Mara Quill will [meet] Tom Arden in Port Velden on Saturday.", "2016-10-29",
    "Mara Quill [met] Tom Arden in Port Velden on Saturday.", "2016-10-22")
#: Modals of a possible act to come, not of one that could have been ("would have met"):
#: "said she would meet X on Saturday"; not "could", as often a past ability ("could not
#: attend on Saturday").
FUTURE_MODALS = DateCue(
    frozenset({"would", "may", "might", "'d"}),
    "Mara Quill said she would [meet] Tom Arden in Port Velden on Saturday.", "2016-10-29",
    "Mara Quill said she would have [met] Tom Arden in Port Velden on Saturday.",
    "2016-10-22")
#: Heads in the present whose "to" complement is still to come ("plans to meet", "is
#: scheduled to visit"): :data:`pipeline.events.lexicon.PLANNED_HEADS` and their participles.
SCHEDULE_HEADS = DateCue(
    PLANNED_HEADS | {"scheduled", "expected", "due", "set", "planning", "preparing"},
    "Mara Quill plans to [meet] Tom Arden in Port Velden on Saturday.", "2016-10-29",
    "Mara Quill agreed to [meet] Tom Arden in Port Velden on Saturday.", "2016-10-22")
#: Auxiliaries of the past: a day and month without a year that is still to come in the
#: published year is last year's ("was arrested on Dec. 30" in a January article).
PAST_AUX = DateCue(
    frozenset({"was", "were", "had", "did"}),
    "Venter Corp was [fined] by the Port Velden council on Dec. 30.", "2015-12-30",
    "Venter Corp will be [fined] by the Port Velden council on Dec. 30.", "2016-12-30")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _present(verb: Token) -> bool:
    """A verb in the present, by itself or its auxiliary ("plans", "is scheduled")."""
    return verb.tag_ in PRESENT_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in PRESENT_TAGS for c in verb.children)


def _future(verb: Token, depth: int = 0) -> bool:
    """A verb about the future: with a future auxiliary or modal, or the open complement of
    one ("will help convince X to support Y in November": the support to come)."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in FUTURE_AUX.words for c in auxes):
        return True
    if verb.tag_ == "VB" and any(c.lower_ in FUTURE_MODALS.words for c in auxes) and not any(
        c.lemma_.lower() == "have" for c in auxes
    ):
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or head is verb or depth > 2 or head.pos_ not in {"VERB", "AUX"}:
        return False
    if _future(head, depth + 1):
        return True
    planned = head.lemma_.lower() in SCHEDULE_HEADS.words or head.lower_ in SCHEDULE_HEADS.words
    return planned and any(c.lower_ == "to" for c in auxes) and _present(head)


#: Modifiers of an event noun still to come: "the upcoming July summit" (the coming July).
UPCOMING = DateCue(
    PLANNED_ADJ,
    "Mara Quill criticised the upcoming July [summit] with Tom Arden in Port Velden.",
    "2017-07-01",
    "Mara Quill criticised the July [summit] with Tom Arden in Port Velden.", "2016-07-01")


def _governing_verb_of_noun(noun: Token) -> Token | None:
    """The verb a noun is an argument of, directly or through one preposition ("attended
    Thursday's meeting", "spoke at Thursday's meeting")."""
    node = noun
    for _ in range(2):
        head = node.head
        if head is node:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if node.dep_ != "pobj":
            return None
        node = head
    return None


def time_direction(root: Token) -> str | None:
    """"future", "past" or None: the tense of the clause of ``root`` that a bare weekday,
    month, season or holiday in it is read by (:func:`pipeline.dates.resolve_date`); a noun
    takes the future of the verb it is an argument of ("will attend Thursday's meeting") or
    of a modifier (:data:`UPCOMING`); a clause in the present says neither."""
    if root.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ in {"amod", "compound"} and c.lower_ in UPCOMING.words
               for c in root.children):
            return "future"
        verb = _governing_verb_of_noun(root)
        # only the future: a past verb may set up what is still to come ("the Dec. 28
        # meeting was scheduled two weeks ago")
        return "future" if verb is not None and time_direction(verb) == "future" else None
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    if _future(root):
        return "future"
    if root.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in PAST_AUX.words
                                 for c in root.children):
        return "past"
    return None


def _referred_day(index: _DocIndex, ent, anchor: datetime.date | None):
    """The time an anaphoric expression ("later that day", "the next day", "a month later",
    "that year": :func:`pipeline.dates.anaphoric_period`) refers to: the last time the article
    dated before it (a DATE or TIME entity that resolves, not one bounding another event or
    owned by a noun: "ahead of next Tuesday's primary"), its period moved by the expression's
    offset; with a year ("that same day in 2014"), only a time of that year; a time coarser
    than the expression is passed over ("in 2012 ... that month"). (None, None) otherwise."""
    found = anaphoric_period(ent.text)
    if found is None:
        return None, None
    unit, offset, year = found
    for before in reversed([e for e in index.ents if e.end <= ent.start]):
        if before.label_ not in DATE_LABELS or _blocked(before) or _generic_days(before) or (
            _date_node(before).dep_ == "poss"
        ):
            continue
        date, precision = resolve_date(before.text, anchor)
        # precisions from the finest: "that month" needs a day or a month before it
        if date is None or DATE_PRECISIONS.index(precision) > DATE_PRECISIONS.index(unit):
            continue
        if year is not None and date.year != year:
            return None, None
        return shift_period(date, unit, offset), unit
    return None, None


#: Heads of a phrase naming a day by reference ("that same day", "the next morning").
DAY_HEADS = frozenset({"day", "night", "morning", "afternoon", "evening"})
WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday"})


def _anaphoric_phrase(tok: Token, root: Token):
    """The phrase of a day head the NER left untagged that modifies ``root`` ("that same day
    made", "made ... on the same day") and names a day by reference
    (:func:`pipeline.dates.anaphoric_day`), else None."""
    if tok.lemma_.lower() not in DAY_HEADS or tok.ent_type_:
        return None
    direct = tok.dep_ in {"npadvmod", "tmod"} and tok.head.i == root.i
    framed = tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.i == root.i
    if not (direct or framed):
        return None
    phrase = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    return phrase if anaphoric_day(phrase.text) is not None else None


#: Subordinators of an adverbial clause that happens at its head's time ("pummeled X while
#: praising Y"); "after"/"before"/"since" ones happen at another.
SIMULTANEOUS_MARKS = frozenset({"while", "as", "when", "whilst"})


#: Subordinators of a finite clause set at its head's time: "was in Port Velden on Saturday
#: when she met X" (the meeting on Saturday); "after she met X" is set at another.
SIMULTANEOUS_CLAUSES = DateCue(
    frozenset({"when", "while", "as", "whilst"}),
    "Mara Quill was in Port Velden on Saturday when she [met] Tom Arden.", "2016-10-22",
    "Mara Quill was in Port Velden on Saturday after she [met] Tom Arden.", "")


def _simultaneous_clause(token: Token) -> bool:
    """A finite adverbial clause marked by :data:`SIMULTANEOUS_CLAUSES` ("when she met X"),
    neither with a time of its own (:func:`_own_time`: "as more have begun urging") nor under
    a head in the present, whose date belongs to a noun of it more often than to the head
    ("is highlighting his win on Feb. 1 as he urges ...")."""
    head = token.head
    return token.dep_ == "advcl" and head is not token and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in SIMULTANEOUS_CLAUSES.words
        and c.i < token.i for c in token.children) and not _own_time(token) and not (
        _present(head))


def _governing_clauses(token: Token) -> list[Token]:
    """Heads whose adverbial date is the trigger's too: the clause a subjectless participial
    adjunct modifies ("On Friday he pummeled X, praising Y"; "... while praising Y"), or a
    finite clause set at its time (:data:`SIMULTANEOUS_CLAUSES`); not one with its own subject
    or auxiliary otherwise, nor one set at another time ("after praising Y")."""
    if _simultaneous_clause(token):
        return [token.head]
    if token.dep_ != "advcl" or token.head is token or token.tag_ not in {"VBG", "VBN"}:
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "csubj"} for c in token.children):
        return []
    marks = [c.lower_ for c in token.children if c.dep_ in {"mark", "advmod"}
             and c.i < token.i]
    if any(m not in SIMULTANEOUS_MARKS for m in marks):
        return []
    return [token.head]


def _participles(root: Token) -> list[Token]:
    """Subjectless participial adjuncts of ``root`` and the infinitives they govern, whose time
    is the root's ("were detained trying to cross the border on Saturday"); one with its own
    subject, auxiliary or conjunction is a clause of its own ("after having fled in 2009")."""
    out: list[Token] = []
    for child in root.children:
        if child.dep_ not in {"xcomp", "advcl"} or child.tag_ != "VBG" or any(
            g.dep_ in {"nsubj", "nsubjpass", "mark", "aux", "auxpass"} for g in child.children
        ):
            continue
        out.append(child)
        out.extend(g for g in child.children if g.dep_ == "xcomp" and g.pos_ == "VERB")
    return out


def _own_time(verb: Token) -> bool:
    """A conjoined verb with its own perfect or modal auxiliary is set at a time of its own
    ("began targeting X in 2012 and has been sentenced": not 2012); "met X and praised Y"
    shares its head's."""
    return any(c.dep_ == "aux" and (c.lemma_.lower() == "have" or c.tag_ == "MD")
               for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children)


def _coordinated_heads(root: Token) -> list[Token]:
    """The verbs up the chain of open complements and subjectless conjuncts above ``root``
    ("attempted to cut subsidies in 2003, but was forced to back down": back <- forced <-
    attempted), with the open complements those verbs govern ("cut"): one time frame, whose
    adverbial date is the trigger's when its own clause gives none. A subjectless conjunct
    hung on a complement clause with a subject of its own ("X said on Thursday [the party
    was calm] and urged Y") is coordinated with the reporting verb above it (a parse that
    attaches it one level too low). Not past a conjunct with its own time (:func:`_own_time`)."""
    out: list[Token] = []
    node = root
    for _ in range(3):
        if node.dep_ == "conj" and not _has_subject(node) and not _own_time(node):
            head = node.head
            if head.dep_ == "ccomp" and _has_subject(head) and head.head.pos_ == "VERB":
                head = head.head
        elif node.dep_ == "xcomp" and not _has_subject(node):
            head = node.head
        else:
            break
        if head.pos_ not in {"VERB", "AUX"}:
            break
        out.append(head)
        node = head
    out.extend(g for h in out for g in h.children
               if g.dep_ == "xcomp" and g.pos_ == "VERB" and g.i != root.i and g not in out)
    return out


def _purpose(verb: Token) -> bool:
    """A subjectless "to" infinitive adjunct ("was among the senators in 2008 to vote against
    X", "flew to Paris on Monday to meet Y"): it happens in its head clause's time frame."""
    return verb.dep_ == "advcl" and not _has_subject(verb) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ) and not any(c.dep_ == "mark" for c in verb.children)


def _temporal_roots(date_roots: list[Token]) -> list[Token]:
    """Where the trigger's time may be written: its own clause (and its light/conj/xcomp
    head), then a temporal subordinate clause ("When X happened in 1979, Y resigned"), then the
    head of a "when" relative ("in 1994, when talks ... came close"). Participial adjuncts
    (:func:`_participles`) come last, through :func:`_mention_date`."""
    roots = list(date_roots)
    for root in date_roots:
        if _purpose(root):
            roots.append(root.head)  # "among 25 senators in 2008 to vote against X"
        for child in root.children:
            if child.dep_ == "advcl" and any(
                g.dep_ in {"mark", "advmod"} and g.lower_ in {"when", "as", "while"}
                for g in child.children
            ):
                roots.append(child)
        node = root
        for _ in range(3):
            if node.dep_ == "relcl" and any(g.lower_ == "when" for g in node.children):
                roots.append(node.head)
                break
            if node.head is node:
                break
            node = node.head
    return roots



def _dedupe(spans: Iterable[tuple[int, int] | None]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({s for s in spans if s is not None}))


#: Where a target that is no name may be read, by event type, when the trigger names no
#: person or organisation as its target: "object" (a verb's direct object or passive subject,
#: a relative clause's antecedent), "complement" (the object of an open complement), or a
#: preposition under the trigger (verb or noun; "out of": one after a particle, "pulled out of
#: the talks"). The target is then the noun phrase as written
#: (its head and adjacent modifiers), a thing or an unnamed group, as coders record it.
#: Example: "Velden Telecom backed the price cuts" (SUPPORT, object: "price cuts"); counter-example:
#: "Velden Telecom backed Tom Arden for his remarks" (a name is the target, "remarks" is none).
def _hyphen_tail(tok: Token) -> bool:
    """The particle ending a hyphenated noun the parser split ("her email set-up": "up" the
    head, "set" its compound): the noun's head as written."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].head.i == tok.i and (
        doc[tok.i - 2].dep_ == "compound")


def _named_place(pobj: Token, prep: str, etype: str) -> bool:
    """A name the parser calls an organisation whose head is a place noun ("met Reid on
    Capitol Hill"): where it happened, unless the type's targets take that preposition ("an
    attack on the Velden Embassy")."""
    return (pobj.pos_ == "PROPN" and pobj.lemma_.lower() in PLACE_NOUNS
            and prep not in THING_TARGETS.get(etype, frozenset()))


#: Rows left out: CONSULT, AGREE, COOPERATE (a thing met about is no side: "discussed his
#: career"), LAUNCH, TRAVEL (its destination is its target: :func:`_destination_target`); AID
#: takes no object ("gave food": the gift, not the recipient); THREATEN takes the complement's
#: object ("threatened to veto the bill"), not its own ("threatened legal action"); DEMAND only
#: whom it calls on ("called on member states"), not what it calls for.
THING_TARGETS: dict[str, frozenset[str]] = {
    "SUPPORT": frozenset({"object", "of", "for"}),  # "praise for the runners-up"
    "ACCUSE": frozenset({"object", "of", "on", "against"}),  # "criticism of online platforms"
    "REJECT": frozenset({"object", "of", "against", "complement"}),  # "vote against the bailout"
    "SANCTION": frozenset({"object", "of", "on", "against", "out of"}),  # "banned firecrackers"
    "INVESTIGATE": frozenset({"object", "of", "into"}),  # "investigating a leaflet"
    "INITIATE": frozenset({"object"}),  # "unveiled software"
    "ACQUIRE": frozenset({"object", "of"}),  # "bought the Eastport property"
    "COERCE": frozenset({"object", "of", "on"}),  # "officers stopped a vehicle"
    "PROTEST": frozenset({"object", "against"}),  # "boycotted the event"
    "CONCEDE": frozenset({"object", "of", "to"}),  # "the withdrawal of the bill"
    "AID": frozenset({"of", "to"}),  # "the bailout of the auto industry"
    "PERSONNEL": frozenset({"object", "from", "out of"}),  # "quit the band", "withdraw from"
    "ASSAULT": frozenset({"object", "on", "at"}),  # "fired on the crowd"
    "RETREAT": frozenset({"object"}),  # "returned the seized tankers"
    "MOBILIZE": frozenset({"object"}),  # "deployed a special forces team"
    "VISIT": frozenset({"object"}),  # "visited slums in the capital"
    "THREATEN": frozenset({"complement", "against"}),  # "threatened to veto the bill"
    "DEMAND": frozenset({"on", "for-to"}),  # "called on industrialised nations to commit"
}
#: Positions of :data:`THING_TARGETS` that name a party as a name does: whom a call is made
#: of ("called on industrialised nations to", "lobbied for the league to suspend X"), a target
#: even when the call's complement names someone; counter-example: "called for an inquiry"
#: (what is called for: no party).
ADDRESSEES: dict[str, frozenset[str]] = {"DEMAND": frozenset({"on", "for-to"})}
#: Types whose target is whom the event they call for or threaten is done to: "called for
#: the resignation of X", "threatened the arrest of X" (X); counter-example: "voted against the
#: bailout of big banks" (REJECT: the bailout is what is rejected).
EVENT_PATIENT_TYPES = frozenset({"DEMAND", "THREATEN"})
#: Types whose noun after "under" is undergone by the clause's subject: "his friendship is
#: under investigation", "the convoy came under attack", "he is under arrest"; counter-example:
#: "under the deal" (AGREE: no row).
UNDERGONE_UNDER = frozenset({"INVESTIGATE", "ASSAULT", "COERCE", "SANCTION", "ACCUSE"})
#: Verbs whose subject receives the act of their object noun: "X won an endorsement from Y",
#: "X received the backing of Y" (Y backs X); counter-example: "X gave an endorsement to Y"
#: (a light verb: X acts).
RECEIVING_VERBS = frozenset({"receive", "win", "get", "secure", "earn", "gain", "accept",
                             "attract", "garner", "obtain", "collect", "welcome",
                             # news verbs of winning backing: "they snagged the endorsement
                             # of X" (X endorses them; RECEIVED_EXAMPLES)
                             "snag", "clinch", "land", "net", "bag", "nab", "grab", "scoop"})
#: (sentence, endorser, endorsed) for a receiving verb, and a counter-example whose verb
#: receives nothing ("announced the endorsement of X": X is endorsed); tests parse both.
RECEIVED_EXAMPLES = (
    ("Mara Quill snagged the endorsement of Tom Arden in June.", "Tom Arden", "Mara Quill"),
    ("Mara Quill clinched the endorsement of Tom Arden in June.", "Tom Arden", "Mara Quill"),
    ("Mara Quill landed the endorsement of Tom Arden in June.", "Tom Arden", "Mara Quill"),
)
RECEIVED_COUNTER = ("The Velden Party announced the endorsement of Tom Arden in June.",
                    "Tom Arden")


def _receives(noun: Token, verb: Token, etype: str) -> bool:
    """Whether ``noun`` is the object of a verb whose subject receives it
    (:data:`RECEIVING_VERBS`), for the types a source gives (endorsements, aid, demands)."""
    return etype in SOURCE_NOUN_TYPES and noun.dep_ == "dobj" and noun.head.i == verb.i and (
        verb.lemma_.lower() in RECEIVING_VERBS)


#: Particles after which a preposition still attaches the verb's party: "pulled out of the
#: talks", "fired back at X", "lashed out at X", "walked away from the deal".
PARTICLES = frozenset({"out", "back", "away"})


def _for_to(clause: Token) -> bool:
    """A "for X to do" clause ("pressed for the league to act"): its subject is whom a demand
    is made of."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


#: Heads of idioms and light nouns that name no target: "bomb the hell out of X", "the war of
#: words between X and Y", "a lot of"; counter-example: "the withdrawal of the bill" (a bill).
NO_TARGET_HEADS = frozenset({"hell", "word", "words", "way", "lot", "kind", "sort", "part",
                             "chance", "opportunity", "number", "rest", "thing", "behalf"})
#: Objects that are the event itself, or its instrument, not whom or what it is done to, by
#: type: "fired shots", "filed a lawsuit", "imposed tariffs on X" (the target is X); an object
#: a sense row of the same type reads as a trigger is one too ("enforce bans").
#: Counter-examples: "banned guns" (SANCTION: guns are what is banned), "acquired weapons".
EVENT_OBJECTS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"shot", "bullet", "round", "gun", "weapon", "fire", "missile",
                          "rocket", "shell", "salvo", "gas", "grenade", "bomb", "force",
                          "cannon", "lathi", "baton", "teargas", "tear-gas"}),
    "ACCUSE": frozenset({"suit", "lawsuit", "complaint", "case", "charge", "injunction",
                         "damage", "damages", "action", "claim", "allegation", "accusation"}),
    "SANCTION": frozenset({"tariff", "duty", "sanction", "ban", "embargo", "curfew", "fine",
                           "penalty", "restriction", "edict", "levy", "measure"}),
    "COERCE": frozenset({"curfew", "law", "state", "crackdown", "raid"}),
    "THREATEN": frozenset({"fire", "action", "strike", "sanction"}),
}
#: What is visited that is no destination: "visiting a website", "visit his profile",
#: "visiting a common nuisance" (a charge); counter-example: "visited a refugee camp".
NOT_DESTINATIONS = frozenset({"website", "site", "page", "profile", "account", "link", "blog",
                              "forum", "app", "nuisance"})
#: Entity labels that name no target (an amount, a count, a time): "gave $50,000".
UNCOUNTED_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                              "ORDINAL"})


@dataclass(frozen=True)
class AgentRow:
    """Heads of an unnamed subject that acts, as written, with an example and a
    counter-example (a subject that is no actor)."""

    heads: frozenset[str]
    example: str
    counter: str


AGENT_ROWS: tuple[AgentRow, ...] = (
    AgentRow(frozenset({
        "university", "school", "college", "league", "club", "board", "office", "council",
        "committee", "union", "coalition", "group", "company", "firm", "agency", "department",
        "organisation", "organization", "network", "campaign", "community", "industry",
        "city", "town", "opposition", "movement", "leadership", "side", "team", "panel",
        "kingdom", "charity", "bank", "newspaper", "outlet", "family", "couple", "crowd",
        "pair", "commission", "association", "federation", "institute"}),
        "The league suspended Tom Arden for two games.",
        "The decision threatens Tom Arden's career."),
    AgentRow(frozenset({
        "lawyer", "adviser", "advisor", "teacher", "creditor", "ally", "expert", "analyst",
        "investor", "donor", "critic", "lawmaker", "legislator", "senator", "candidate",
        "pastor", "delegate", "captain", "founder", "observer",
        "opponent", "follower", "fanatic", "hunter", "guard", "staffer", "administrator",
        "commander", "commissioner", "thug", "friend", "client", "user", "player",
        "publisher", "developer", "farmer", "employer", "advocate", "enthusiast",
        "antagonist", "progressive", "other", "judge", "prosecutor", "regulator", "agent"}),
        "Other advisers urged the governor to default.",
        "Polls show that voters back Mara Quill."),
)
AGENT_HEADS = frozenset(h for row in AGENT_ROWS for h in row.heads)


def _named(index: _DocIndex, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether every span is a name the NER found (no pronoun or phrase as written)."""
    return bool(spans) and all(span in index.ent_by_span for span in spans)


def _shares_agent(verb: Token) -> bool:
    """A passive participle conjoined to a passive one, with no subject or agent of its own:
    "was hauled out by the police and taken into custody" (the police take him); not one with
    its own auxiliary ("was detained by X and should be freed")."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "aux", "auxpass"} for c in verb.children)


def _counted_people(tok: Token) -> bool:
    """A counted plural noun, as a patient: "around three dozen adoptees have been deported",
    "all four Britons will be returned"; not an uncounted one ("the documents were seized")."""
    return tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children)


#: The sector an unnamed actor's head gives by the words actors.py types a title or a name
#: by: "head teachers" (education), "the league" (sports); "other advisers": none.
HEAD_SECTORS = {**_word_map(ORG_ROWS), **ROLE_SECTORS}


def _head_sector(index: _DocIndex, span: tuple[int, int]) -> str | None:
    """The sector of an unnamed actor (:func:`_agent_head`) by its head's lemma."""
    phrase = index.doc.char_span(*span, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return None
    head = phrase[-1]
    return HEAD_SECTORS.get(head.lower_) or HEAD_SECTORS.get(head.lemma_.lower())


def _agent_head(tok: Token) -> bool:
    """A body or a person by its head (:data:`AGENT_ROWS`); not a bare person noun ("people
    visiting the site", "the man resigned": too vague to code)."""
    return bool({tok.lemma_.lower(), tok.lower_} & AGENT_HEADS)


@dataclass
class _Roles:
    """The participants, place and date anchors a trigger's dependents give."""

    index: _DocIndex
    token: Token
    etype: str
    actors: list[tuple[int, int]] = field(default_factory=list)
    targets: list[tuple[int, int]] = field(default_factory=list)
    #: targets that are no name (:data:`THING_TARGETS`), kept only when no name is one
    things: list[tuple[int, int]] = field(default_factory=list)
    place: tuple[int, int] | None = None
    date_roots: list[Token] = field(default_factory=list)
    poss_patient: bool = False
    #: a noun trigger its verb's subject receives ("X won an endorsement": :func:`_receives`)
    received: bool = False
    subject_patient: bool = False
    agentive: bool = False
    #: actors that are an unnamed body or person (:func:`_agent_head`): alone they make no
    #: event ("the nurse assisted"), with a target they do ("the league suspended X")
    generic: list[tuple[int, int]] = field(default_factory=list)

    @property
    def travel_like(self) -> bool:
        return self.etype in {"TRAVEL", "VISIT"}

    def add_place(self, prep: Token) -> None:
        if self.place is not None:
            return
        low = prep.lower_
        if not (low in PLACE_PREPS
                or (self.travel_like and low in {"to", "into", "around", "round"})):
            return
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                self.place = _place_from(self.index, pobj, allow_org=low in {
                    "at", "around", "round"} or self.travel_like)
                if self.place:
                    return

    def add_thing(self, token: Token, where: str) -> None:
        """``token`` (and its conjuncts) as a target that is no name, when its type reads one
        there (:data:`THING_TARGETS`): an unnamed thing or group as written ("the price
        cuts"), a title or a product by its name ("bought Harbour Lights", a film); no amount,
        count or time."""
        if where not in THING_TARGETS.get(self.etype, ()):
            return
        found = self.targets if where in ADDRESSEES.get(self.etype, ()) else self.things
        todo = [token]
        while todo and len(todo) < 6:
            tok = todo.pop()
            todo.extend(c for c in tok.children if c.dep_ == "conj")
            ent = self.index.ent_of[tok.i]
            if ent is not None and ent.label_ not in UNCOUNTED_LABELS:
                span = self.index.name_span(ent)
                if span is not None:
                    found.append(span)
            elif ent is None and tok.pos_ == "NUM" and (part := of_object(tok)) is not None:
                if self._thing_noun(part):
                    found.append((tok.idx, part.idx + len(part)))  # "one of the debates"
            elif ent is None and self._thing_noun(tok):
                found.append(self._thing_span(tok))

    def _thing_span(self, tok: Token) -> tuple[int, int]:
        """A thing's phrase as written: its head and adjacent modifiers, without a leading
        possessive marker ("each other's policies") and with a hyphenated tail ("the
        runners-up")."""
        text = self.index.text
        start, end = self.index.generic_span(tok)
        if _hyphen_tail(tok):  # "the break-in": the whole word, not its tail
            start = min(start, self.index.generic_span(tok.doc[tok.i - 2])[0])
        while text[start:start + 2] in {"'s", "\u2019s"}:
            start += 2
        while start < end and text[start].isspace():
            start += 1
        doc, i = tok.doc, tok.i
        while i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and (
            not doc[i + 1].whitespace_ and doc[i + 2].is_alpha
        ):
            end = doc[i + 2].idx + len(doc[i + 2])
            i += 2
            tok = doc[i]
        return start, end

    def _thing_noun(self, tok: Token) -> bool:
        """A common noun (or a name the NER missed) that can be a target of this type: no
        time, idiom (:data:`NO_TARGET_HEADS`), the event itself (:data:`EVENT_OBJECTS`) or a
        visit's non-destination (:data:`NOT_DESTINATIONS`)."""
        lemma = tok.lemma_.lower()
        noun = tok.pos_ in {"NOUN", "PROPN"} or _hyphen_tail(tok)
        if not noun or lemma in TIME_NOUNS | NO_TARGET_HEADS:
            return False
        if lemma in EVENT_OBJECTS.get(self.etype, ()) or tok.lower_ in EVENT_OBJECTS.get(
            self.etype, ()
        ):
            return False
        if self.travel_like and lemma in NOT_DESTINATIONS:
            return False
        same = _trigger_type(tok)
        return same is None or same.event_type != self.etype

    def add_targets_from_prep(self, prep: Token) -> None:
        low = prep.lower_
        if low in PARTICLES and prep.head.i == self.token.i:
            for inner in prep.children:  # "pulled out of X", "fired back at X"
                if inner.dep_ == "prep":
                    self.add_targets_from_prep(inner)
        if low not in TARGET_PREPS and not (self.etype == "ASSAULT" and low == "at") and not (
            self.etype == "ACCUSE" and low == "at" and self._particle(prep)
        ):
            if low in {"into", "from"} or (low == "of" and prep.head.i != self.token.i):
                # "an investigation into X", "withdrew from X", "pulled out of X"
                where = "out of" if low == "of" else low
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        self.add_thing(pobj, where)
            return
        if self.travel_like and low in {"to", "at"}:
            return
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            ent = self.index.ent_of[pobj.i]
            if ent is not None and low in {"at", "on"} and (
                ent.label_ in PLACE_LABELS or _named_place(pobj, low, self.etype)
            ):
                continue
            spans = self.index.entity_spans(pobj) or self._event_patients(pobj)
            if not spans:
                self.add_thing(pobj, low)
            if not spans and self.etype in PATIENT_TYPES and self.token.pos_ != "VERB" and (
                pobj.lemma_.lower() in PERSON_NOUNS
            ):
                spans = [self.index.generic_span(pobj)]  # "sanctions against individuals"
            if not spans and self.etype in PARTY_NOUN_TYPES and self.token.pos_ != "VERB" and (
                low in {"with", "between"} and pobj.pos_ == "NOUN" and pobj.tag_ == "NNS"
            ):
                spans = [self.index.generic_span(pobj)]  # "talks with creditors"
            self.targets.extend(spans)

    def _particle(self, prep: Token) -> bool:
        """"fired back at X", "lashed out at X": an "at" of a verb with a particle is whom a
        verbal attack is aimed at (not "criticised X at a rally")."""
        head = prep.head
        if head.lower_ in PARTICLES:
            return True
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ in PARTICLES for c in head.children)

    def _event_patients(self, noun: Token) -> list[tuple[int, int]]:
        """Whom an event noun the trigger is about is done to, for the types whose target is
        the patient of a demanded, backed or threatened event: "called for the resignation of
        X", "demanded Tom Arden's release" (X, Tom Arden); not for a noun that is no trigger
        ("called for a review of the rules")."""
        if self.etype not in EVENT_PATIENT_TYPES or _trigger_type(noun) is None:
            return []
        spans: list[tuple[int, int]] = []
        for child in noun.children:
            if child.dep_ == "poss":
                spans.extend(self.index.entity_spans(child))
            elif child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        spans.extend(self.index.entity_spans(pobj))
        return spans

    def add_prep(self, prep: Token) -> None:
        self.add_place(prep)
        self.add_targets_from_prep(prep)

    # verbs ---------------------------------------------------------------------------------
    def _subjects(self) -> None:
        """The subject acts, or undergoes ("a youth died"); a hyphen prefix parsed as the
        subject ("police lathi-charged") gives its own modifiers; an "in police firing"
        phrase names the implied agent of a killing without one."""
        token, index = self.token, self.index
        for subj in _subject_tokens(token):
            if subj.i == token.i - 2 and token.doc[token.i - 1].text == "-":
                for mod in subj.children:
                    if mod.dep_ in {"compound", "nmod", "amod"}:
                        self.actors.extend(index.entity_spans(mod))
            elif self.subject_patient:
                self._verb_object(subj, patient=True)
            else:
                self.actors.extend(index.subject_spans(subj) or self._person_noun(subj)
                                   or self._generic_subject(subj))
        if is_passive(token):
            agents = _passive_agents(token)
            if not agents and _shares_agent(token):
                agents = _passive_agents(token.head)  # "hauled out by X and taken into custody"
            for agent in agents:
                self.actors.extend(index.entity_spans(agent) or self._person_noun(agent, False)
                                   or self._generic_subject(agent))
        if not self.actors and self.etype == "ASSAULT":
            for agent in attack_agents(token) or firing_clause(token) or []:
                self.actors.extend(index.entity_spans(agent))
        if not self.actors and token.tag_ == "VBG" and token.dep_ not in {"ROOT", "advcl"}:
            # "condemning the police firing": a gerund's compound is who does it
            for mod in token.children:
                if mod.dep_ == "compound" and sector_of_head(mod) in {"police", "military"}:
                    self.actors.extend(index.entity_spans(mod))

    def _person_noun(self, subj: Token, described: bool = True) -> list[tuple[int, int]]:
        """An unnamed person the text describes, acting, as written: "a New York man pleaded
        guilty to threatening", "the homeless woman accused of" (PLOVER's civilians); a bare
        "the driver" or "two students" is too vague to code, a thing no actor."""
        if subj.dep_ == "appos" and subj.head.pos_ == "PROPN":
            # "Tom Arden, the former army psychiatrist who killed 13 people": the name
            return self.index.entity_spans(subj.head)
        described = not described or any(c.dep_ in {"compound", "amod"} for c in subj.children)
        if described and subj.pos_ == "NOUN" and {subj.lower_, subj.lemma_.lower()} & PERSON_NOUNS:
            return [self.index.generic_span(subj)]
        return []

    def _generic_subject(self, subj: Token) -> list[tuple[int, int]]:
        """An unnamed body or person by its head acts, as written (:data:`AGENT_HEADS`):
        "the league suspended X", "other advisers urged X"; a thing does not ("polls show
        that majorities back X", "the decision threatens X")."""
        if subj.lower_ == "it" and subj.dep_ == "nsubj" and subj.head.i == self.token.i:
            span = (subj.idx, subj.idx + len(subj))  # "it has threatened to sue X": as written
            self.generic.append(span)
            return [span]
        if subj.pos_ != "NOUN" or not _agent_head(subj):
            return []
        spans = [self.index.generic_span(c) for c in [subj, *_conjuncts(subj)]
                 if c.pos_ == "NOUN" and _agent_head(c) and not self.index.entity_spans(c)]
        self.generic.extend(spans)
        return spans

    def from_verb(self) -> None:
        token = self.token
        self._subjects()
        particle = any(c.dep_ == "prt" for c in token.children)
        for child in token.children:
            if child.dep_ == "dative" and child.pos_ == "ADP":
                self.add_prep(child)  # "donated $5m to X": the parser's dative "to"
            elif child.dep_ in {"dative", "pobj"}:
                self._verb_object(child)
            elif child.dep_ == "oprd" and particle and child.pos_ in {"PROPN", "NOUN", "PRON"}:
                self._verb_object(child, patient=True)  # "called out X", parsed a predicate
            elif child.dep_ in {"prep", "prt", "advmod"}:
                self.add_prep(child)
        for patient in [token.head] if held_participle(token) else patients(token):
            self._verb_object(patient, patient=True)
        for child in token.children:
            if child.dep_ == "dobj":
                self._object_dependents(child)
            elif (child.dep_ in {"ccomp", "xcomp"} or _for_to(child)) and child.pos_ in {
                "VERB", "AUX"
            } and (self.etype in COMPLEMENT_TARGET_TYPES and child.i > token.i):
                self._complement_targets(child)
        if (token.dep_ == "conj" and token.head.pos_ == "VERB" and not _own_time(token)) or (
            token.dep_ == "xcomp"
        ):
            self.date_roots.append(token.head)

    def _verb_object(self, child: Token, patient: bool = False) -> None:
        ent = self.index.ent_of[child.i]
        if self.travel_like and child.dep_ == "dobj" and ent is not None and (
            ent.label_ in PLACE_LABELS
        ):
            self.place = self.place or self.index.name_span(ent)
            return
        if self.travel_like and child.dep_ == "dobj" and ent is None:
            self._place_of(child)  # "toured the streets of Brixton"
        spans = self.index.entity_spans(child)
        patient = patient or child.dep_ in {"dobj", "nsubjpass"}
        if patient and self.etype in PATIENT_TYPES:
            if not spans and self._generic_patient(child):
                spans = [self.index.generic_span(child)]  # "two persons were killed", "he was"
            if spans:  # "arrested two men and a woman": the conjoined unnamed ones too
                spans.extend(self.index.generic_span(c) for c in _conjuncts(child)
                             if self._generic_patient(c) and not self.index.entity_spans(c))
        if not spans and child.dep_ == "appos" and getattr(
            self.index.ent_of[child.head.i], "label_", None
        ) in {"PERSON", "ORG"}:
            # "Harbour Holdings, the business that is being investigated": the name
            spans = self.index.entity_spans(child.head)
        if not spans and child.dep_ == "dobj":
            spans = self._event_patients(child)  # "demanded the release of X"
        if not spans and patient and child.pos_ != "PRON":
            # "called on X": the parser's particle and object are the preposition's
            on = any(c.dep_ == "prt" and c.lower_ == "on" for c in self.token.children)
            self.add_thing(child, "on" if on and child.dep_ == "dobj" else "object")
        self.targets.extend(spans)

    @staticmethod
    def _generic_patient(tok: Token) -> bool:
        """An unnamed person or group undergoing an event, as written: "two persons", "he",
        "some 100 employees", a name the NER missed ("Pochettino was sacked")."""
        return (tok.lower_ in PERSON_NOUNS or tok.lemma_.lower() in PERSON_NOUNS
                or tok.lower_ in PATIENT_PRONOUNS or tok.lower_ in QUANTIFIER_PRONOUNS
                or tok.pos_ == "PROPN" or tok.lemma_.lower() in STAFF
                or _counted_people(tok))

    def _place_of(self, obj: Token) -> None:
        """The place an unnamed object belongs to: "the streets of Brixton", "the town of X"."""
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    ent = self.index.ent_of[pobj.i]
                    if pobj.dep_ == "pobj" and ent is not None and ent.label_ in PLACE_LABELS:
                        self.place = self.place or self.index.name_span(ent)

    def _object_dependents(self, obj: Token) -> None:
        """"showed X around the site": a place, a party or an owner under the object; whom a
        restriction is put on ("imposed its arms ban on China": :data:`RESTRICTION_TYPES`)."""
        for grand in obj.children:
            if grand.dep_ == "prep":
                self.add_place(grand)
                if grand.lower_ in {"with", "from", "against"}:
                    self.add_targets_from_prep(grand)
                elif grand.lower_ == "on" and self.etype in RESTRICTION_TYPES:
                    self.targets.extend(s for pobj in grand.children if pobj.dep_ == "pobj"
                                        for s in self.index.entity_spans(pobj))
            elif grand.dep_ == "poss" and obj.ent_type_ not in ACTOR_LABELS:
                self.targets.extend(self.index.entity_spans(grand))

    def _complement_targets(self, child: Token) -> None:
        """"demanded that X resign", "urged X to ...": whom a demand or threat is about."""
        verbs = [child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for grand in (g for v in verbs for g in v.children):
            subject = grand.dep_ in {"nsubj", "nsubjpass"} and (
                child.dep_ == "ccomp" or _for_to(child))  # "pressed for X to strike"
            if subject or (grand.dep_ == "dobj" and child.dep_ == "xcomp"):
                spans = self.index.entity_spans(grand)
                self.targets.extend(spans)
                if not spans and not subject:
                    self.add_thing(grand, "complement")  # "threatened to veto the bill"
                elif not spans and _for_to(child) and grand.dep_ == "nsubj":
                    self.add_thing(grand, "for-to")  # "lobbied for the league to suspend X"

    # nouns ---------------------------------------------------------------------------------
    def from_noun(self) -> None:
        verb = _governing_verb(self.token)
        self.received = verb is not None and _receives(self.token, verb, self.etype)
        if self.agentive:
            self.actors.append(self.index.generic_span(self.token))  # "the protesters"
        for child in self.token.children:
            dep = child.dep_
            if dep == "poss":
                undergoes = self.poss_patient and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in self.token.children)
                spans = self.index.entity_spans(child)
                if undergoes and not spans and (
                    child.lower_ in POSSESSIVE_PRONOUNS or child.pos_ == "PROPN"
                ):
                    spans = [self.index.generic_span(child)]  # "his arrest": as written
                (self.targets if undergoes else self.actors).extend(spans)
            elif dep in {"compound", "nmod", "amod"} and not self.travel_like:
                self._noun_modifier(child)
            elif dep == "prep" and child.lower_ == "from" and self.etype in SOURCE_NOUN_TYPES:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.actors.extend(self.index.entity_spans(pobj)
                                           or self._person_noun(pobj, described=False))
            elif dep == "prep" and child.lower_ in {"between", "by", "of", "among"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self._noun_participant(child.lower_, pobj)
                        self._phrase_participants(child.lower_, pobj)
            elif dep == "prep":
                self.add_prep(child)
        if verb is not None:
            self._governed_by(verb)
        self._subject_noun_sides()

    def _governed_by(self, verb: Token) -> None:
        """What the verb governing a noun trigger gives it: its date, its light-verb or
        attending subject, a source, an undergoer, a receiver."""
        self.date_roots.append(verb)
        self._light_verb(verb)
        self._owned(verb)
        self._attended(verb)
        self._received_from(verb)
        self._under(verb)
        if self.received:  # "X won an endorsement from Y": X is whom Y backs
            for subj in _subject_tokens(verb):
                self.targets.extend(self.index.subject_spans(subj))

    def _owned(self, verb: Token) -> None:
        """"X admitted the killing", "X has denied the murder": who confesses or denies an
        act of violence is its (alleged) author (:data:`CONFESSING_VERBS`)."""
        if self.actors or self.etype != "ASSAULT" or self.token.dep_ != "dobj" or (
            verb.lemma_.lower() not in CONFESSING_VERBS
        ):
            return
        for subj in _subject_tokens(verb):
            self.actors.extend(self.index.subject_spans(subj))

    def _under(self, verb: Token) -> None:
        """"X is under investigation", "came under attack": the clause's subject undergoes
        the noun's event (:data:`UNDERGONE_UNDER`)."""
        token = self.token
        if self.etype not in UNDERGONE_UNDER or token.dep_ != "pobj" or (
            token.head.lower_ != "under" or token.head.head.i != verb.i
        ):
            return
        # "kept X under arrest": its object; "suffered years under arrest": its subject
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ not in {
            "DATE", "TIME"} and c.lemma_.lower() not in TIME_NOUNS]
        for party in objects or _subject_tokens(verb, active=False):
            spans = self.index.subject_spans(party) if not objects else (
                self.index.entity_spans(party))
            self.targets.extend(spans)
            if not spans:
                self.add_thing(party, "object")

    def _attended(self, verb: Token) -> None:
        """"X explained his reasons at a meeting in Eastport", "announced by X after talks
        with Y": who does what a meeting noun frames (:data:`ATTENDED_PREPS`) takes part in
        it: the verb's subject, or a passive's agent (none for an agentless passive: "he was
        arrested at a meeting")."""
        token = self.token
        if self.actors or self.etype not in PARTY_NOUN_TYPES or token.dep_ != "pobj" or (
            token.head.lower_ not in ATTENDED_PREPS or token.head.head.i != verb.i
        ):
            return
        agents = _passive_agents(verb) if is_passive(verb) else _subject_tokens(verb)
        for agent in agents:  # "after talks with X the hospital called off its plan"
            self.actors.extend(self.index.subject_spans(agent) or self._generic_subject(agent))

    def _received_from(self, verb: Token) -> None:
        """"received donations from his father": the source the verb of an object noun
        names acts (:data:`SOURCE_NOUN_TYPES`)."""
        if self.etype not in SOURCE_NOUN_TYPES or self.token.dep_ != "dobj" or self.actors:
            return
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "from" and prep.i > self.token.i:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        self.actors.extend(self.index.entity_spans(pobj)
                                           or self._person_noun(pobj, described=False))

    def _subject_noun_sides(self) -> None:
        """"talks have resumed between X and Y": the parser hangs the sides of a talks noun
        that is a subject on its verb."""
        token = self.token
        if self.etype not in PARTY_NOUN_TYPES or token.dep_ != "nsubj" or self.actors:
            return
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"between", "with"} and prep.i > token.i:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        (self.actors if prep.lower_ == "between" else self.targets).extend(
                            self.index.entity_spans(pobj))

    def _noun_modifier(self, child: Token) -> None:
        ent = self.index.ent_of[child.i]
        if ent is None or ent.label_ not in ACTOR_LABELS:
            return
        spans = self.index.entity_spans(child)
        if ent.label_ == "GPE" and len(spans) == 1 and child.dep_ == "compound":
            self.place = self.place or spans[0]  # "the Geneva talks": where, not who
        elif ent.text.lower().startswith("anti"):
            self.targets.extend(spans)  # "anti-X protests"
        elif ent.label_ == "NORP" and len(spans) == 1:
            return  # "the Swiss summit": a host's nationality, not a participant
        else:
            self.actors.extend(spans)

    def _phrase_participants(self, prep: str, pobj: Token) -> None:
        """"the war of words between X and Y": the sides of a noun phrase's "of" complement
        that names no one are the noun's."""
        if prep != "of" or self.index.ent_of[pobj.i] is not None:
            return
        for child in pobj.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        self._noun_participant("between", grand)

    def _noun_participant(self, prep: str, pobj: Token) -> None:
        ent = self.index.ent_of[pobj.i]
        if prep == "of" and self.travel_like and ent is not None and (
            ent.label_ in PLACE_LABELS
        ):
            self.place = self.place or self.index.name_span(ent)
        elif prep == "of" and self.received:
            self.actors.extend(self.index.entity_spans(pobj))  # "won the backing of X"
        elif prep == "of" and self.etype in OF_IS_TARGET:
            spans = self.index.entity_spans(pobj)
            if not spans and (pobj.lemma_.lower() in PERSON_NOUNS or (
                self.etype == "PERSONNEL" and pobj.lower_ in STAFF | {"member", "members"}
            )):
                spans = [self.index.generic_span(pobj)]  # "the release of four detainees"
            if not spans:  # "criticism of Tom Arden's record": its owner; else the thing
                owners = [g for g in pobj.children if g.dep_ == "poss"]
                spans = [s for g in owners for s in self.index.entity_spans(g)]
                if not spans:
                    self.add_thing(pobj, "of")
            self.targets.extend(spans)
        elif prep == "of" and self.etype == "CONSULT":
            return  # "the annual meeting of the Royal Society": an assembly, no side
        else:
            spans = self.index.entity_spans(pobj) or (
                self._person_noun(pobj, described=False) if prep == "by" else [])
            self.actors.extend(spans)
            if not spans and prep == "of":
                self.add_thing(pobj, "of")  # "the withdrawal of the bill"

    def _light_verb(self, verb: Token) -> None:
        """"X and Y held talks", "X gave Y a tour": the light verb's subject acts."""
        token = self.token
        has_of = any(c.lower_ == "of" for c in token.children)
        under_prep = token.dep_ == "pobj" and verb.lemma_.lower() in PREP_LIGHT_VERBS
        if self.actors or (token.dep_ not in {"dobj", "attr"} and not under_prep) or (
            verb.lemma_.lower() not in LIGHT_VERBS | PHASE_VERBS and not under_prep
        ) or (self.travel_like and self.place is None and not has_of):
            return
        for subj in _subject_tokens(verb):
            self.actors.extend(self.index.subject_spans(subj))
        for child in verb.children:
            if child.dep_ == "dative" and child.pos_ == "ADP":
                self.add_targets_from_prep(child)  # "gave an endorsement to X"
            elif child.dep_ == "dative":
                self.targets.extend(self.index.entity_spans(child))
            elif child.dep_ == "prep":
                self.add_prep(child)

    # checks --------------------------------------------------------------------------------
    def keep_paragraph(self) -> None:
        """Spans of the trigger's sentence must not reach across a line break (a sentence
        glued over a paragraph break by the parser); resolved antecedents may lie before."""
        text, token = self.index.text, self.token
        lo, hi = token.sent.start_char, token.sent.end_char

        def same_paragraph(span: tuple[int, int] | None) -> bool:
            if span is None:
                return False
            if not lo <= span[0] < hi:
                return True
            a, b = min(span[0], token.idx), max(span[1], token.idx)
            return "\n" not in text[a:b]

        self.actors = [a for a in self.actors if same_paragraph(a)]
        self.targets = [t for t in self.targets if same_paragraph(t)]
        if self.place is not None and not same_paragraph(self.place):
            self.place = None


#: Prepositions by which a meeting noun frames a clause whose doer takes part in it: "spoke
#: at a meeting with X", "announced after talks with X", "clashed during the talks"; not
#: "before the talks" or "ahead of the meeting" (the doer may not attend).
ATTENDED_PREPS = frozenset({"at", "during", "after", "in", "following"})
#: Types whose object noun's "on" names whom the restriction or the force is put on ("imposed
#: its arms ban on China", "clamped a curfew on the old city"), not a topic ("agreed a deal on
#: Iran").
RESTRICTION_TYPES = frozenset({"SANCTION", "COERCE"})
#: Verbs that move an event its subject runs to another phase, so their subject acts in the
#: object noun as a light verb's does ("Swedish prosecutors decided to reopen the
#: investigation", "the army resumed its offensive"); not verbs whose subject undergoes or
#: judges the event ("X faced an investigation", "X welcomed the talks": no row).
#: Verbs whose subject owns or disowns the violent act that is their object.
CONFESSING_VERBS = frozenset({"admit", "deny", "confess", "acknowledge"})
PHASE_VERBS = frozenset({"reopen", "resume", "continue", "widen", "expand", "extend", "halt",
                         "suspend", "close", "drop", "abandon", "finish"})


def _verbal_attack(index: _DocIndex, token: Token, etype: str,
                   actor_spans: tuple[tuple[int, int], ...]) -> str:
    """A person or party "attacking" someone is verbal criticism: ACCUSE, not ASSAULT."""
    if etype != "ASSAULT" or token.pos_ != "VERB" or token.lemma_.lower() != "attack":
        return etype
    tokens = [index.doc.char_span(a, b, alignment_mode="expand")[0] for a, b in actor_spans]
    named = tokens and all(
        getattr(index.ent_of[t.i], "label_", None) in {"PERSON", "ORG"}
        or t.lower_ in SINGULAR_PERSON_PRONOUNS for t in tokens)  # "he attacked her record"
    return "ACCUSE" if named else etype


def _mention_date(index: _DocIndex, date_roots: list[Token], anchor: datetime.date | None
                  ) -> tuple[datetime.date | None, str | None]:
    for root in _temporal_roots(date_roots):
        found = _clause_date(index, root, anchor)
        if found is not None and found[1] is not None:
            return found[1], found[2]
    inherited = [g for r in date_roots for g in _governing_clauses(r)]
    chained = [h for r in date_roots for h in _coordinated_heads(r) if h not in date_roots]
    announced = [r.head for r in date_roots if _announced(r)]
    for root in [*(p for r in date_roots for p in _participles(r)), *inherited, *chained,
                 *(o for r in date_roots for o in _occurrence_relatives(r)), *announced]:
        found = _clause_date(index, root, anchor, adverbial=True)
        if found is not None and found[1] is not None:
            return found[1], found[2]
    for noun in (a for r in date_roots for a in _event_antecedents(r)):
        found = _clause_date(index, noun, anchor)
        if found is not None and found[1] is not None:
            return found[1], found[2]
    return None, None


#: Verbs that make an act public as it is done, so an announced act in the past without a
#: date of its own is dated by its announcement ("BuzzFeed announced Monday it had pulled out
#: of the deal", as the event gold dates it); not one to come ("announced Sunday she will
#: resign after the convention") nor under way ("were returning"); counter-example: "said on
#: Saturday that police had arrested X" (a report of an act at any time before).
ANNOUNCING_HEADS = DateCue(
    frozenset({"announce", "disclose", "unveil"}),
    "Venter Corp announced on Saturday that it had [fired] Tom Arden.", "2016-10-22",
    "Mara Quill said on Saturday that police had [arrested] Tom Arden.", "")


def _announced(verb: Token) -> bool:
    """The complement clause in the past of an announcement (:data:`ANNOUNCING_HEADS`)."""
    return verb.dep_ == "ccomp" and verb.pos_ in {"VERB", "AUX"} and verb.head is not verb and (
        verb.head.lemma_.lower() in ANNOUNCING_HEADS.words) and verb.tag_ != "VBG" and (
        time_direction(verb) == "past")


#: Nouns of an occurrence whose relative clause tells what it did, at its time: "the shooting
#: in Port Velden last month that killed three people" (the killing last month);
#: counter-example: "the mayor who fired X" (a person has no time of its own).
EVENT_ANTECEDENTS = DateCue(
    ATTACK_NOUNS | {"incident", "crash", "massacre", "ambush", "raid", "unrest", "uprising",
                    "fire", "storm", "flood", "earthquake", "disaster"},
    "A bombing in Port Velden last month that [killed] three police officers shocked Mara "
    "Quill.", "2016-09-01",
    "Mara Quill on Saturday praised the Port Velden mayor who [fired] Tom Arden.", "")
#: Verbs of a relative clause that dates the occurrence its antecedent names: "the [attacks]
#: on Port Velden, which occurred last year"; counter-example: "which she discussed last
#: year" (a talk about it, at its own time).
OCCURRENCE_VERBS = DateCue(
    frozenset({"occur", "happen", "take", "begin", "start", "unfold", "erupt", "break"}),
    "Mara Quill condemned the [arrest] of Tom Arden, which took place on Saturday.",
    "2016-10-22",
    "Mara Quill condemned the [arrest] of Tom Arden, which she discussed on Saturday.", "")


def _event_antecedents(root: Token) -> list[Token]:
    """The antecedent of the relative clause ``root`` heads when it names an occurrence
    (:data:`EVENT_ANTECEDENTS`): its own date is the trigger's."""
    head = root.head
    if root.dep_ != "relcl" or head is root:
        return []
    named = {head.lemma_.lower(), head.lower_} & EVENT_ANTECEDENTS.words
    return [head] if named else []


def _occurrence_relatives(root: Token) -> list[Token]:
    """Relative clauses of a noun trigger that say when it happened (:data:`OCCURRENCE_VERBS`):
    "the attacks, which occurred last year"; also one the parser hangs on the noun's
    prepositional object ("the arrest of Tom Arden, which took place ..."): only an event takes
    place."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return []
    nouns = [root, *(g for c in root.children if c.dep_ == "prep"
                     for g in c.children if g.dep_ == "pobj")]
    return [c for n in nouns for c in n.children if c.dep_ == "relcl"
            and c.lemma_.lower() in OCCURRENCE_VERBS.words]


def _specified(token: Token) -> bool:
    """A noun that a place, a people or a qualifier makes one real event without an article:
    "Hong Kong protests", "anti-government protests", "public protests"."""
    return any((c.dep_ in {"compound", "amod", "nmod", "poss"} and (
        c.ent_type_ in {"GPE", "LOC", "NORP", "ORG"} or c.lower_ in SPECIFYING_MODIFIERS))
        or (c.dep_ in {"nummod", "compound", "nmod"} and money_amount(c))  # "a $4.5bn bail-out"
        for c in token.children)


def _undergone(token: Token, trigger: Trigger, targets: list[tuple[int, int]]) -> bool:
    """A target and no actor is a mention when the target undergoes the event: a passive
    without agent ("51 persons have been arrested"), a noun ("the arrest of X"), a subject
    undergoing ("a youth died in the firing"); "the investigation", "the arrests" and "a curfew
    was imposed" are ones with neither."""
    etype, sense = trigger.event_type, trigger.sense
    definite = any((c.dep_ == "det" and c.lower_ in {"the", "these", "those"})
                   or c.dep_ == "poss" for c in token.children) or (  # "its investigation"
        sense.standalone and _specified(token)) or (
        sense.counted and any(c.dep_ == "nummod" for c in token.children))
    if token.pos_ != "VERB" and (etype in BARE_NOUN_TYPES or sense.standalone) and definite:
        return True
    if token.pos_ != "VERB" and etype in BARE_NOUN_TYPES and any(
        (c.dep_ == "compound" and c.pos_ == "NOUN") or (c.dep_ == "amod" and c.pos_ == "ADJ")
        for c in token.children
    ):
        # "during a narcotics investigation", "a murder inquiry": a named kind; "after
        # additional investigations", "a criminal inquiry": a qualified one (the sense rows
        # forbid "science investigations")
        return True
    if token.pos_ == "VERB" and sense.standalone:
        return True
    agentless = AGENTLESS_SUBJECTS.get(etype)
    if token.pos_ == "VERB" and agentless and targets and any(
        s.lower_ in agentless for s in _subject_tokens(token)
    ):
        return True  # "a stabbing that killed a passenger", "the legal action accuses X"
    if token.pos_ != "VERB" and etype in PARTY_NOUN_TYPES and (
        targets or _specific_meeting(token)
    ):
        return True  # "trade talks with China": one side named; "Sunday's meeting in London"
    if etype not in PATIENT_TYPES or not targets:
        return False
    if token.pos_ != "VERB" or sense.subject_patient or held_participle(token):
        return True
    return is_passive(token) and not _passive_agents(token)


def _thing_undergone(token: Token, etype: str, roles: _Roles) -> bool:
    """An agentless passive whose subject is a thing ("the plan was rejected on Monday", "the
    matter is being investigated"): a mention with the thing as target and no actor, for the
    types of :data:`THING_PASSIVE_TYPES`; an active clause with no subject is none."""
    return token.pos_ == "VERB" and etype in THING_PASSIVE_TYPES and bool(roles.things) and (
        not roles.targets) and is_passive(token) and not _passive_agents(token)


#: Subjects that are no actor but make the event one whose agent is unnamed: an attack that
#: kills, a lawsuit that accuses.
AGENTLESS_SUBJECTS = {"ASSAULT": ATTACK_NOUNS, "ACCUSE": LEGAL_DOCUMENTS}


def _dated(token: Token) -> bool:
    """A participle its own date makes a report of one event, not a description: "the plan
    rejected on Monday" (but "a deal backed by X")."""
    return any(c.ent_type_ == "DATE" or (c.dep_ == "prep" and any(
        g.ent_type_ == "DATE" for g in c.children)) for c in token.children)


def _specific_meeting(token: Token) -> bool:
    """A meeting noun its place or date makes one real meeting, whose sides may go unnamed
    ("at a meeting in Hinckley", "Sunday's meeting", "a March meeting of the caucus"); "a
    photo of the meeting", "an extraordinary general meeting" or "a two-day summit dedicated
    to mobile games" (a conference) is none."""
    if token.pos_ == "VERB":
        return False
    return any((c.dep_ == "prep" and c.lower_ in {"in", "at"}
                and any(g.dep_ == "pobj" for g in c.children))
               or (c.ent_type_ == "DATE" and c.pos_ == "PROPN")  # not "a two-day summit"
               for c in token.children)


#: Types whose destination (the place travelled to, or the host) is their target, as PLOVER
#: codes a trip: "flew to Maine" (Maine); counter-example: "met X in Maine" (CONSULT: a venue).
DESTINATION_TYPES = frozenset({"TRAVEL", "VISIT"})


def _targets(roles: _Roles, actor_spans: tuple[tuple[int, int], ...]
             ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The named targets, and the targets: the named ones, else those that are no name
    (:data:`THING_TARGETS`) not overlapping an actor."""
    named = tuple(s for s in _dedupe(roles.targets) if s not in actor_spans)
    things = tuple(s for s in _dedupe(roles.things)
                   if not any(a[0] < s[1] and s[0] < a[1] for a in actor_spans))
    return named, named or things


def _polled_pronoun(index: _DocIndex, token: Token,
                    actor_spans: tuple[tuple[int, int], ...]) -> bool:
    """A stance whose pronoun subject stands for a poll's respondents ("Black voters ... They
    supported her by 40 points"): no event, as with the group named (:func:`_polled`)."""
    if not any(s.pos_ == "PRON" for s in _subject_tokens(token)):
        return False
    words = {w for a, b in actor_spans for t in index.tokens(a, b)
             for w in (t.lower_, t.lemma_.lower())}
    return bool(words & POLLED_GROUPS.words)


def _mention_for(
    index: _DocIndex, token: Token, trigger: Trigger, anchor: datetime.date | None
) -> EventMention | None:
    """The mention a trigger makes, or None when it lacks the participants its type needs."""
    etype, trigger_text = trigger.event_type, trigger.text
    if token.dep_ == "acl" and token.tag_ == "VBN" and etype not in PARTICIPLE_TYPES and (
        not _dated(token)
    ):
        return None  # "a deal backed by X", "land donated by the council": a description
    roles = _Roles(index, token, etype, date_roots=[token],
                   poss_patient=trigger.sense.poss_patient,
                   subject_patient=trigger.sense.subject_patient,
                   agentive=trigger.sense.agentive)
    if token.pos_ == "VERB":
        roles.from_verb()
    else:
        roles.from_noun()
    roles.keep_paragraph()
    actor_spans = _dedupe(roles.actors)
    alone = all(a in roles.generic for a in actor_spans) and not (roles.targets or roles.things)
    if (not actor_spans or alone) and not (
        _undergone(token, trigger, roles.targets) or (roles.received and roles.targets)
        or _thing_undergone(token, etype, roles)
    ):
        return None  # a noun its named receiver got ("X received death threats") is one
    if etype in POLLED_TYPES and _polled_pronoun(index, token, actor_spans):
        return None
    etype = _verbal_attack(index, token, etype, actor_spans)
    named, target_spans = _targets(roles, actor_spans)
    place = roles.place
    if place in actor_spans or place in target_spans:
        place = None
    if etype in DESTINATION_TYPES and place is not None and not target_spans:
        target_spans = (place,)  # "flew to Maine": the destination is what the trip is to
    # a target that is no name makes no side of talks ("X discussed his career")
    sides = len(actor_spans) + len(named) + (token.pos_ != "VERB")
    if etype == "CONSULT" and sides < 2 and not (
        trigger.sense.one_side or _specific_meeting(token)
    ):
        # talks need two sides: "X discussed his career" is not a consultation; a noun names
        # talks, whose other side may go unnamed ("trade talks with China")
        return None
    if etype in {"VISIT", "TRAVEL"} and place is None and not target_spans and not (
        etype == "VISIT" and token.pos_ == "VERB" and _named(index, actor_spans)
    ):
        # a trip to nowhere named: a concert "tour", a player's "arrival", "officers arrived";
        # a named visitor's "X visited once" is a visit
        return None
    date, precision = _mention_date(index, roles.date_roots, anchor)
    text, sent = index.text, token.sent
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return EventMention(
        start=start,
        end=end,
        trigger=trigger_text,
        trigger_start=token.idx,
        event_type=etype,
        actor_spans=actor_spans,
        target_spans=target_spans,
        place_span=place,
        date=date,
        date_precision=precision,
        modality=_modality(token),
        actor_types=tuple(
            index.sector(span) or (_head_sector(index, span) if span in roles.generic else None)
            for span in actor_spans
        ),
        sense=trigger.sense.lemma,
        implied_sector=None if actor_spans else implied_sector(
            token, trigger._replace(event_type=etype)),
    )


def extract_event_mentions(doc: Doc, published: datetime.date | None) -> list[EventMention]:
    """Event mentions of a parsed article, in text order (see the module docstring)."""
    index = _DocIndex(doc)
    sports_report = is_sports_report(doc)
    mentions: list[tuple[bool, EventMention]] = []
    for token in possible_triggers(doc):
        typed = _trigger_type(token)
        if typed is None or _not_an_event(token, typed.event_type, sports_report):
            continue
        mention = _mention_for(index, token, typed, published)
        if mention is not None:
            mentions.append((token.pos_ == "VERB", mention))
    return _drop_redundant(mentions)


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself",
                        "ourselves"})
# Words that make a text a sports report (two distinct ones in an article, or one in the
# sentence): there "meet", "face", "deny", "refuse", "back" ... describe play, fixtures and
# predictions ("the post denied him", "backed England to win"), and a team's "visit" or "tour"
# is a fixture, not diplomacy. Bans, fines, signings and sackings stay events.
SPORTS_WORDS = frozenset({
    "match", "matches", "tournament", "championship", "championships", "semi-final",
    "quarter-final", "semi-finals", "quarter-finals", "striker", "goalkeeper", "midfielder",
    "defender", "injury-time", "kick-off", "fixture", "fixtures", "team-mates", "teammates",
    "medal", "medals", "olympic", "olympics", "scored", "goal", "goals", "league", "penalty",
    "wicket", "wickets", "innings", "rugby", "football", "tennis", "cricket", "athletics",
    "premiership", "half-time", "referee", "stadium", "sprinter", "seeded", "uefa", "fifa",
    "iaaf", "batting", "bowling", "scrum", "line-out", "touchline", "unbeaten", "squad",
    "season", "coach",
    # athletics: "the TEAG indoor meeting", "the men's 800m" (not "front-runner", "marathon
    # talks", "hurdles", "relay a message": political words too)
    "athlete", "athletes", "hurdler", "indoor", "60m", "100m", "200m", "400m", "800m",
    "1500m", "1,500m", "3,000m", "5,000m", "10,000m",
})
SPORTS_DOCUMENT_WORDS = 2
#: ... and at least this many sports words per thousand tokens: a long political article that
#: mentions a "season" and a "goal" in passing is no sports report (its killings are events).
#: Measured on the gold's articles: sports reports from 5.9, political ones up to 4.3.
SPORTS_PER_THOUSAND = 5.0
SPORTS_SENSITIVE = frozenset({"meet", "face", "deny", "congratulate", "meeting", "refuse",
                              "reject", "back", "support", "attack", "threaten", "warn",
                              "fire", "shoot", "strike", "oppose", "withdraw", "call",
                              "welcome", "concede"})  # "conceded six goals"
SPORTS_SENSITIVE_TYPES = frozenset({"VISIT", "TRAVEL", "ASSAULT", "LAUNCH"})


def is_sports_report(doc: Doc) -> bool:
    """Whether an article reads as a sports report (see :data:`SPORTS_WORDS`): enough distinct
    sports words, dense enough (:data:`SPORTS_PER_THOUSAND`)."""
    strings = doc.vocab.strings
    counts = Counter(doc.to_array(LOWER).tolist())
    hits = {strings[key]: n for key, n in counts.items() if strings[key] in SPORTS_WORDS}
    return len(hits) >= SPORTS_DOCUMENT_WORDS and (
        1000 * sum(hits.values()) >= SPORTS_PER_THOUSAND * len(doc))


def _not_an_event(token: Token, event_type: str, sports_report: bool) -> bool:
    """Triggers that only look like events: harm done to oneself ("killed himself"), and the
    sporting senses of political verbs in sports reports or sentences about play."""
    if event_type == "ASSAULT" and any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children
    ):
        return True
    if token.lemma_.lower() in SPORTS_SENSITIVE or event_type in SPORTS_SENSITIVE_TYPES:
        return sports_report or bool({t.lower_ for t in token.sent} & SPORTS_WORDS)
    return False


def _drop_redundant(mentions: list[tuple[bool, EventMention]]) -> list[EventMention]:
    """Within a sentence, drop a mention of the same type whose participants are a subset of
    another's (a noun trigger restating its verb: "hosted X for talks")."""
    by_sentence: dict[tuple[int, str], list[tuple[bool, EventMention]]] = defaultdict(list)
    for is_verb, m in mentions:
        by_sentence[(m.start, m.event_type)].append((is_verb, m))
    keep: list[EventMention] = []
    for group in by_sentence.values():
        for is_verb, m in group:
            parts = set(m.actor_spans) | set(m.target_spans)
            redundant = False
            for other_verb, o in group:
                if o is m:
                    continue
                other = set(o.actor_spans) | set(o.target_spans)
                if parts < other or (parts == other and (
                    (other_verb, o.date is not None, -o.trigger_start)
                    > (is_verb, m.date is not None, -m.trigger_start)
                )):
                    redundant = True
                    break
            if not redundant:
                keep.append(m)
    keep.sort(key=lambda m: m.trigger_start)
    return keep


