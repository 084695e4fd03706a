"""Whether a token is an event trigger, and of which type: the sense table read generically.

Each condition name of :mod:`pipeline.events.senses` is a predicate here over the dependents of
the token (:class:`_Args`, computed once per token); a sense holds when all its ``requires``,
one of its ``any_of`` (if any) and none of its ``forbids`` hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from pipeline.events import lexicon
from pipeline.events.actors import (
    _is_actor_token,
    _is_person,
    _passive_agents,
    _subject_tokens,
    is_passive,
    of_object,
    patients,
    predicative_passive,
    sector_of_head,
)
from pipeline.events.lexicon import (
    ACTOR_LABELS,
    HABITUAL_ADVERBS,
    HABITUAL_MARKERS,
    HYPOTHETICAL_AGENTS,
    POLLED_GROUPS,
    POLLED_TYPES,
    POSSIBLE_AUX,
    PRACTICE_NOUNS,
)
from pipeline.events.senses import (
    IMPLIED_AGENTS,
    IMPLIED_SECTOR,
    NOUN_SENSES,
    VERB_SENSES,
    Sense,
)
from schemas.values import PLACE_LABELS


@dataclass
class _Args:
    """The dependents of a candidate trigger that the sense conditions look at."""

    token: Token
    children: list[Token] = field(init=False)

    def __post_init__(self) -> None:
        self.children = list(self.token.children)

    @cached_property
    def objects(self) -> list[Token]:
        return [self.token.head] if held_participle(self.token) else patients(self.token)

    @cached_property
    def object_words(self) -> set[str]:
        """Words, lemmas and "of" nouns of the objects ("a string of tests"); a name's inner
        words are no kind of it ("agreed the Act of Settlement ... was" agrees no settlement)."""
        objs = self.objects
        return {c.lower_ for c in objs} | {c.lemma_.lower() for c in objs} | {
            g.lemma_.lower() for c in objs if c.pos_ != "PROPN"
            for p in c.children if p.lower_ == "of" for g in p.children if g.pos_ != "PROPN"
        }

    @cached_property
    def preps(self) -> set[str]:
        """Prepositions, particles and adverbs, not those of a time ("called it a disgrace on
        Monday", "fired him on Tuesday": no call on anyone, no shot at anyone)."""
        return {c.lower_ for c in self.children
                if c.dep_ in {"prep", "prt", "advmod"} and not _temporal(c)}

    @cached_property
    def modifiers(self) -> set[str]:
        return {c.lower_ for c in self.children if c.dep_ in {"compound", "amod", "nmod"}}


def _temporal(prep: Token) -> bool:
    """A preposition whose object is a time: "on Monday", "at 9pm", "on the night of X"."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(
        g.ent_type_ in {"DATE", "TIME"} or g.lower_ in lexicon.TIME_NOUNS for g in objects)


def _has_party(a: _Args) -> bool:
    """An actor among the objects, or under to/with/on ("supplied arms to X")."""
    return any(_is_actor_token(c) for c in a.children
               if c.dep_ in {"dobj", "dative", "nsubjpass"}) or any(
        c.dep_ == "prep" and c.lower_ in {"to", "with", "on"}
        and any(_is_actor_token(g) for g in c.children) for c in a.children)


def _object_party(a: _Args) -> bool:
    return any(_is_actor_token(c) or any(g.dep_ == "appos" and _is_actor_token(g)
                                         for g in c.children) for c in a.objects)


def _with_actor(a: _Args) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" and _is_actor_token(g) for g in c.children) for c in a.children)


def _destination_place(a: _Args) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS
               for c in a.children if c.dep_ == "prep" and c.lower_ in {"to", "into", "from"}
               for g in c.children)


def _agent_word(tok: Token) -> bool:
    return bool(sector_of_head(tok)) or tok.ent_type_ in ACTOR_LABELS


def _attack_noun(tok: Token) -> bool:
    """A noun of violence (:data:`lexicon.ATTACK_NOUNS`), also as the tokenizer splits it
    ("lathi-charge")."""
    doc, i = tok.doc, tok.i
    return tok.lower_ in lexicon.ATTACK_NOUNS or (i >= 2 and doc[i - 1].text == "-" and bool(
        {doc[i - 2].lower_ + tok.lower_, doc[i - 2].lower_ + "-" + tok.lower_}
        & lexicon.ATTACK_NOUNS))


def _cause_agents(pobj: Token) -> list[Token]:
    """Who a violent cause names: its modifier ("police firing", "police bullets"), its "by"
    object ("firing by the police"), the other side of an encounter ("an encounter with the
    police")."""
    out = [c for c in pobj.children if c.dep_ in {"compound", "amod", "nmod"} and _agent_word(c)]
    for prep in pobj.children:
        if prep.dep_ == "prep" and (prep.lower_ == "by" or (
                prep.lower_ == "with" and pobj.lemma_.lower() in lexicon.ENCOUNTERS)):
            out.extend(g for g in prep.children if g.dep_ == "pobj" and _agent_word(g))
    return out


def _own_attack_agents(token: Token) -> list[Token] | None:
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in lexicon.CAUSE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if prep.lower_ == "to":  # "fell to police bullets", "succumbed to bullet injuries"
                if pobj.lemma_.lower() in lexicon.BULLETS:
                    return _cause_agents(pobj)
                if pobj.lemma_.lower() in lexicon.INJURIES and any(
                        c.lower_ in lexicon.BULLETS | lexicon.WEAPON_WOUNDS
                        for c in pobj.children if c.dep_ in {"compound", "amod", "nmod"}):
                    return []
                continue
            if _attack_noun(pobj):
                return _cause_agents(pobj)
            verbs = [c for c in (*pobj.children, *token.children)
                     if c.i == pobj.i + 1 and c.lower_ in lexicon.ATTACK_NOUNS]
            if verbs:
                return [pobj] if _agent_word(pobj) else []
    return None


def attack_agents(token: Token) -> list[Token] | None:
    """The implied agents of an "in <X> firing" phrase under a verb ("killed in police firing",
    "died in the firing": [], "shot dead in an encounter with the police", "fell to police
    bullets"), or None when the verb has no such phrase. The parser reads "firing" as a noun
    with its compound, or as a verb beside or under the agent noun. Participles conjoined
    share the phrase ("one was killed and ten injured in police firing")."""
    found = _own_attack_agents(token)
    if found is not None or token.tag_ != "VBN":
        return found
    shared = [c for c in token.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    shared += [g for c in token.children if c.dep_ == "conj" and c.pos_ in {"NUM", "NOUN"}
               for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN"]  # "and ten injured"
    if token.dep_ == "conj" and token.head.tag_ == "VBN":
        shared.append(token.head)
    for verb in shared:
        found = _own_attack_agents(verb)
        if found is not None:
            return found
    return None


def firing_clause(token: Token) -> list[Token] | None:
    """The subjects of a "when"/"as"/"after" clause under a verb whose verb fires
    (:data:`lexicon.FIRING_VERBS`): "were killed when the police opened fire", "died after
    the police fired on them"; None when there is no such clause."""
    clauses = [c for c in token.children if c.dep_ == "advcl"
               and c.lemma_.lower() in lexicon.FIRING_VERBS
               and any(g.lower_ in {"when", "as", "after"} for g in c.children)]
    if not clauses:
        return None
    return [s for c in clauses for s in _subject_tokens(c)]


def held_participle(token: Token) -> bool:
    """A passive participle before a person noun that reports what was done to them: "the
    detained families", "freed hostages" (not "the accused man", an adjective)."""
    return token.dep_ == "amod" and token.tag_ == "VBN" and (
        token.lemma_.lower() in lexicon.HELD_PARTICIPLES) and (
        token.head.lemma_.lower() in lexicon.PERSON_NOUNS
        or token.head.lower_ in lexicon.PERSON_NOUNS)


def money_amount(token: Token) -> bool:
    """A number that is a sum of money ("$700 billion", "£499m"), not a count."""
    return any(t.tag_ == "$" or t.text in {"$", "£", "€", "¥"} for t in token.subtree)


def _subject_sectors(a: _Args) -> set[str]:
    """The sectors of the verb's subjects or passive agents ("police are looking into", "were
    picked up by the police"): a generic agent's."""
    agents = [g for c in a.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return {sector_of_head(s) or "" for s in (*_subject_tokens(a.token), *agents)}


def _governor_lemma(a: _Args) -> str:
    """The lemma of the verb a noun is the object of ("opened fire"), directly or through a
    preposition ("resorted to a lathicharge", "resorted to firing")."""
    token = a.token
    head = token.head.head if token.dep_ in {"pobj", "pcomp"} else token.head
    return head.lemma_.lower() if token.dep_ in {"dobj", "pobj", "pcomp", "nsubjpass"} else ""


def _hyphen_prefix(a: _Args) -> str:
    """The word before a hyphen glued to the token: "baton" of "baton-charged"."""
    i = a.token.i
    doc = a.token.doc
    return doc[i - 2].lower_ if i >= 2 and doc[i - 1].text == "-" else ""


def _prep_objects(a: _Args) -> list[Token]:
    """The objects of the token's prepositions, also of a preposition under one ("pulled out
    of the treaty", "took X into custody")."""
    out = []
    for c in a.children:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ == "pobj":
                out.append(g)
            elif g.dep_ == "prep":
                out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


def _adverbial_clauses(token: Token) -> list[Token]:
    """The adverbial clauses of a verb and of the verbs coordinated with it, which they share:
    "were killed and five million left homeless after an earthquake sent waves"."""
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "conj":
        verbs.append(token.head)
    return [c for v in verbs for c in v.children if c.dep_ == "advcl"]


def _infinitives(a: _Args) -> list[Token]:
    """A verb's infinitive or gerund complement, a noun's infinitive ("refusal to resign")."""
    return [c for c in a.children if c.dep_ in {"xcomp", "acl"} and c.pos_ in {"VERB", "AUX"}]


def _asked(a: _Args) -> bool:
    """A refusal that answers a request: "when asked", "despite calls" (:data:`PRESSURES`) on
    the verb or its infinitive ("refused to resign despite calls from X")."""
    if any(c.dep_ == "advcl" and c.lemma_.lower() == "ask" for c in a.children):
        return True
    return any(p.dep_ == "prep" and p.lower_ == "despite" and any(
        g.lower_ in lexicon.PRESSURES for g in p.children)
        for v in (a.token, *_infinitives(a)) for p in v.children)


def _of_words(a: _Args) -> set[str]:
    return {g.lower_ for c in a.children if c.lower_ == "of" for g in c.children}


Predicate = Callable[[_Args, frozenset[str]], bool]

#: condition name -> predicate(args, words); ``words`` is the condition's ARG (empty if none).
PREDICATES: dict[str, Predicate] = {
    "object": lambda a, w: bool(a.objects),
    "no_object": lambda a, w: not a.objects,
    "object_in": lambda a, w: bool(a.object_words & w),
    "object_actor": lambda a, w: any(_is_actor_token(c) for c in a.objects),
    "object_person": lambda a, w: any(_is_person(c) for c in a.objects),
    "object_propn": lambda a, w: any(c.pos_ == "PROPN" for c in a.objects),
    "object_org": lambda a, w: any(c.ent_type_ == "ORG" for c in a.objects),
    "object_party": lambda a, w: _object_party(a),
    "object_poss_actor": lambda a, w: any(g.dep_ == "poss" and _is_actor_token(g)
                                          for c in a.objects for g in c.children),
    "party": lambda a, w: _has_party(a),
    "prep_in": lambda a, w: bool(a.preps & w),
    "prt_in": lambda a, w: any(c.dep_ == "prt" and c.lower_ in w for c in a.children),
    "xcomp": lambda a, w: any(c.dep_ == "xcomp" for c in a.children),
    "infinitive": lambda a, w: bool(_infinitives(a)),
    # "refusing to concede that X": the refused act is a statement
    "infinitive_clause": lambda a, w: any(g.dep_ == "ccomp" for c in _infinitives(a)
                                          for g in c.children),
    "asked": lambda a, w: _asked(a),
    # "refused to answer a questionnaire": the infinitive's object, a request answered or not
    "xcomp_object_in": lambda a, w: any(
        g.dep_ == "dobj" and {g.lower_, g.lemma_.lower()} & w
        for c in _infinitives(a) for g in c.children),
    "xcomp_in": lambda a, w: any(c.dep_ in {"xcomp", "acl"} and c.lemma_.lower() in w
                                 for c in a.children),  # a noun's infinitive is its acl
    "complement_in": lambda a, w: any(c.dep_ in {"xcomp", "ccomp", "advcl"}
                                      and c.lemma_.lower() in w for c in a.children),
    "with_actor": lambda a, w: _with_actor(a),
    "prep_object_in": lambda a, w: any(g.lemma_.lower() in w for g in _prep_objects(a)),
    "two_objects": lambda a, w: sum(c.dep_ in {"dative", "dobj"} for c in a.children) >= 2,
    "destination_place": lambda a, w: _destination_place(a),
    "modifier_in": lambda a, w: bool(a.modifiers & w),
    "modifier_or_of_in": lambda a, w: bool((a.modifiers | _of_words(a)) & w),
    "poss_person": lambda a, w: any(c.dep_ == "poss" and (
        c.pos_ == "PRON" or c.ent_type_ == "PERSON") for c in a.children),
    "object_prep_in": lambda a, w: any(g.dep_ == "prep" and g.lower_ in w
                                       for c in a.objects for g in c.children),
    "object_modifier_in": lambda a, w: any(g.dep_ in {"amod", "compound", "nmod"}
                                           and g.lower_ in w for c in a.objects
                                           for g in c.children),
    "object_acl_in": lambda a, w: any(g.dep_ == "acl" and g.lemma_.lower() in w
                                      for c in a.objects for g in c.children),
    "object_held": lambda a, w: any(g.dep_ == "acl" and g.lemma_.lower() in lexicon.HELD
                                    for c in a.objects for g in c.children),
    "poss_named_person": lambda a, w: any(c.dep_ == "poss" and c.ent_type_ == "PERSON"
                                          for c in a.children),
    "poss_actor": lambda a, w: any(c.dep_ == "poss" and (
        c.pos_ == "PRON" or c.ent_type_ in ACTOR_LABELS) for c in a.children),
    "against_person": lambda a, w: any(c.lower_ in {"on", "against"} and any(
        g.ent_type_ == "PERSON" for g in c.children) for c in a.children),
    "against_actor": lambda a, w: any(c.lower_ in {"on", "against"} and any(
        g.ent_type_ in ACTOR_LABELS for g in c.children) for c in a.children),
    "verb_in": lambda a, w: _governor_lemma(a) in w,
    "in_attack": lambda a, w: attack_agents(a.token) is not None or (
        firing_clause(a.token) is not None),
    # a passive that names no agent: "three persons were held", "water cannons were used"
    "agentless": lambda a, w: is_passive(a.token) and not _passive_agents(a.token),
    "hyphen_prefix_in": lambda a, w: _hyphen_prefix(a) in w,
    "subject_sector_in": lambda a, w: bool(_subject_sectors(a) & w),
    "clause": lambda a, w: any(c.dep_ == "ccomp" for c in a.children),
    "mark_in": lambda a, w: any(c.dep_ in {"advcl", "ccomp", "xcomp"} and any(
        g.dep_ == "mark" and g.lower_ in w for g in c.children) for c in a.children),
    "subject_in": lambda a, w: any(s.lemma_.lower() in w for s in _subject_tokens(a.token)),
    "oprd_in": lambda a, w: any(c.dep_ in {"oprd", "acomp"} and c.lower_ in w
                                for c in a.children),
    "head_in": lambda a, w: a.token.head.lemma_.lower() in w or a.token.head.lower_ in w,
    # "a crash killing three" (not "fired several rounds, killing one": a verb's "fire")
    "head_noun_in": lambda a, w: a.token.head.pos_ in {"NOUN", "PROPN"} and (
        a.token.head.lemma_.lower() in w or a.token.head.lower_ in w),
    "clause_subject_in": lambda a, w: any(
        s.lemma_.lower() in w for c in _adverbial_clauses(a.token)
        for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}),
    "head_prep_object_in": lambda a, w: any(  # "speaking on condition of anonymity to discuss"
        g.lemma_.lower() in w for g in _prep_objects(_Args(a.token.head))),
    "prep_pcomp_in": lambda a, w: any(  # "attacked X for not doing enough": a reason
        c.dep_ == "prep" and c.lower_ in w and any(g.dep_ == "pcomp" for g in c.children)
        for c in a.children),
    "from_place": lambda a, w: any(
        g.ent_type_ in PLACE_LABELS or g.lemma_.lower() in lexicon.PLACE_NOUNS
        for c in a.children if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children if g.dep_ == "pobj"),
    "object_of_place": lambda a, w: any(
        g.ent_type_ in PLACE_LABELS or g.lemma_.lower() in lexicon.PLACE_NOUNS
        for c in a.objects for p in c.children if p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj"),
    "object_money": lambda a, w: any(money_amount(c) or c.ent_type_ == "MONEY"
                                     for c in a.objects),
    "acts": lambda a, w: (a.token.dep_ in {"nsubj", "attr"} and not any(
        predicative_passive(c) for c in a.token.head.children)) or any(
        c.dep_ == "acl" and c.tag_ == "VBG" for c in a.children),
    "aux_in": lambda a, w: any(c.dep_ == "aux" and c.lower_ in w for c in a.children),
}


def parse_condition(text: str) -> tuple[tuple[Predicate, frozenset[str]], ...]:
    """``"no_object & prep_in:from"`` -> its predicates with their word sets (checked here, so
    a misspelt condition or set name fails at import, not silently)."""
    parts = []
    for part in text.split("&"):
        name, _, arg = part.strip().partition(":")
        negated = name.startswith("!")  # "!object_of_place": the condition does not hold
        name = name.removeprefix("!")
        if name not in PREDICATES:
            raise ValueError(f"unknown sense condition {name!r} in {text!r}")
        if arg.isupper():  # a set of the lexicon, or several: "PERSON_NOUNS|DETAINEES"
            words = frozenset().union(*(getattr(lexicon, n) for n in arg.split("|")))
        else:
            words = frozenset(arg.split("|")) if arg else frozenset()
        pred = PREDICATES[name]
        parts.append((_negation(pred) if negated else pred, words))
    return tuple(parts)


def _negation(pred: Predicate) -> Predicate:
    return lambda a, w: not pred(a, w)


_PARSED: dict[str, tuple[tuple[Predicate, frozenset[str]], ...]] = {
    cond: parse_condition(cond)
    for rows in (*VERB_SENSES.values(), *NOUN_SENSES.values()) for sense in rows
    for cond in (*sense.requires, *sense.any_of, *sense.forbids)
}


_PARSED.update({cond: parse_condition(cond) for row in IMPLIED_AGENTS for cond in row.when})


def implied_sector(token: Token, trigger: Trigger) -> str | None:
    """The sector an agentless report of the trigger implies (:data:`IMPLIED_AGENTS`)."""
    row = IMPLIED_SECTOR.get((trigger.event_type, trigger.sense.lemma))
    if row is None:
        return None
    if row.when:
        args = _Args(token)
        if not any(_holds(args, cond) for cond in row.when):
            return None
    return row.sector


def _holds(args: _Args, condition: str) -> bool:
    return all(pred(args, words) for pred, words in _PARSED[condition])


def sense_holds(sense: Sense, args: _Args) -> bool:
    """Whether a row's conditions hold for a token's dependents."""
    return (all(_holds(args, c) for c in sense.requires)
            and (not sense.any_of or any(_holds(args, c) for c in sense.any_of))
            and not any(_holds(args, c) for c in sense.forbids))


def _trigger_text(sense: Sense, args: _Args) -> str:
    text = sense.trigger.replace("{verb}", args.token.text)
    if "{particle}" in text:
        words = frozenset().union(*(w for c in sense.requires if c.startswith("prep_in")
                                    for _, w in _PARSED[c]))
        particle = next(c for c in args.children
                        if c.lower_ in words and c.dep_ in {"prt", "prep", "advmod"})
        text = text.replace("{particle}", particle.text)
    return text


class Trigger(NamedTuple):
    """A token's sense: its type, its text and the row that gave it."""

    event_type: str
    text: str
    sense: Sense


def _first_sense(rows: tuple[Sense, ...], args: _Args) -> Trigger | None:
    for sense in rows:
        if sense_holds(sense, args):
            return Trigger(sense.event_type, _trigger_text(sense, args), sense)
    return None


def _sense_rows(pos: str, lower: str, lemma: str) -> tuple[Sense, ...] | None:
    """The sense rows a token's part of speech, form and lemma look up: a verb's lemma, a
    noun's form (else its lemma)."""
    if pos == "VERB":
        return VERB_SENSES.get(lemma.lower())
    if pos in {"NOUN", "PROPN"}:
        return NOUN_SENSES.get(lower if lower in NOUN_SENSES else lemma.lower())
    return None


def possible_triggers(doc: Doc) -> list[Token]:
    """The tokens :func:`_trigger_type` may accept, in order: those with sense rows.

    Read off the doc's columns and tested once per distinct (POS, form, lemma): building a
    Token for every word of the article was most of the event stage's own time.
    """
    if not len(doc):
        return []
    hyphened = {t.i for t in doc if t.i >= 2 and doc[t.i - 1].text == "-"
                and _hyphen_joined(t) is not None}
    strings = doc.vocab.strings
    memo: dict[tuple[int, int, int], bool] = {}
    found = []
    for i, (pos, lower, lemma) in enumerate(doc.to_array([POS, LOWER, LEMMA]).tolist()):
        key = (pos, lower, lemma)
        keep = memo.get(key)
        if keep is None:
            keep = memo[key] = _sense_rows(POS_NAMES.get(pos, ""), strings[lower],
                                           strings[lemma]) is not None
        if keep or i in hyphened:
            found.append(doc[i])
    return found


def _hyphen_joined(token: Token) -> str | None:
    """The sense-table noun a hyphenated compound spells ("bail-out": "bailout", "walk-out",
    "crack-down"), which the tokenizer splits into three tokens; None when it spells none."""
    i, doc = token.i, token.doc
    if i < 2 or doc[i - 1].text != "-" or token.pos_ not in {"NOUN", "PROPN", "ADP", "ADV"}:
        return None
    joined = doc[i - 2].lower_ + token.lower_
    return joined if joined in NOUN_SENSES else None


def _habitual(clause: Token) -> bool:
    """A clause with an adverbial of habit: "each time X", "every weekend", "whenever X" (its
    own or one of its adverbial clauses'), "routinely" (its own)."""
    for c in (clause, *(c for c in clause.children if c.dep_ == "advcl")):
        if any(g.dep_ in {"mark", "advmod"} and g.lower_ == "whenever" for g in c.children):
            return True
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS.words for c in clause.children):
        return True  # "police routinely arrest drunk drivers"
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in lexicon.TIME_NOUNS and any(
        d.lower_ in HABITUAL_MARKERS.words for d in c.children) for c in clause.children)


def generic_use(token: Token) -> bool:
    """A trigger that states a habit, a rule or a capacity (:data:`HABITUAL_MARKERS`,
    :data:`PRACTICE_NOUNS`): no event happened or is reported as coming."""
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        noun = token.head.head  # "the practice of suing"
    elif token.dep_ == "acl" and token.tag_ == "VB":
        noun = token.head  # "the power to arrest"
    else:
        noun = None
    if noun is not None and noun.lemma_.lower() in PRACTICE_NOUNS.words:
        return True
    clause = token
    for _ in range(3):
        if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
            break
        clause = clause.head
    return _habitual(clause)


def _hypothetical_agent(token: Token) -> bool:
    """An agent noun with an indefinite article whose verb has a modal: "an attacker could
    use the hole" names anyone who might (:data:`HYPOTHETICAL_AGENTS`), not one who did."""
    return token.dep_ in {"nsubj", "nsubjpass"} and any(
        c.dep_ == "det" and c.lower_ in HYPOTHETICAL_AGENTS.words for c in token.children
    ) and any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in token.head.children)


def _trigger_type(token: Token) -> Trigger | None:
    """(event_type, trigger text) for a token, or None when it is not a trigger (nor one
    used generically: :func:`generic_use`, :func:`_hypothetical_agent`)."""
    found = _typed(token)
    if found is None or generic_use(token) or (
        found.sense.agentive and _hypothetical_agent(token)
    ) or (found.event_type in POLLED_TYPES and _polled(token)):
        return None
    return found


def _polled(token: Token) -> bool:
    """A stance whose subject is a poll's respondents (:data:`POLLED_GROUPS`), directly or as
    the speaker of a reported "they" ("majorities of voters said they support")."""
    subjects = _subject_tokens(token)
    if token.dep_ == "ccomp" and any(s.pos_ == "PRON" for s in subjects):
        subjects = [*subjects, *_subject_tokens(token.head)]
    words = {w for s in subjects for t in (s, of_object(s)) if t is not None
             for w in (t.lower_, t.lemma_.lower())}
    return bool(words & POLLED_GROUPS.words)


def _typed(token: Token) -> Trigger | None:
    rows = _sense_rows(token.pos_, token.lower_, token.lemma_)
    joined = _hyphen_joined(token)
    if joined is not None:
        rows = NOUN_SENSES[joined]
    if rows is None:
        return None
    if token.pos_ == "VERB":
        if token.dep_ in {"amod", "compound"} and not held_participle(token):
            return None  # "opposing skipper"
        return _first_sense(rows, _Args(token))
    if token.ent_type_ not in ACTOR_LABELS or joined is not None:
        if any(c.dep_ == "nummod" and not money_amount(c) for c in token.children):
            rows = tuple(r for r in rows if r.counted)  # "seven trips": a count (not "a $700
            if not rows:  # billion bailout", nor "two more arrests were made")
                return None
        if token.tag_ in {"NNS", "NNPS"}:
            rows = tuple(r for r in rows if r.plural)  # "seven trips": aggregates
        found = _first_sense(rows, _Args(token))
        if found is not None and joined is not None:  # "bail-out" as written
            found = found._replace(text=token.doc[token.i - 2:token.i + 1].text)
        return found
    return None
