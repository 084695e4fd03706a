"""How a trigger is reported: asserted, or planned, possible, hedged, negated.

"negated" (neg, "fail/refuse/unable to"), "planned" (will/shall, going to, "plan/intend/expect/
hope/want/aim/prepare/promise/pledge/vow/set/due to", "planned/upcoming/proposed", "close to /
closing in on", a purpose clause "to ..."), "possible" (would/could/may/might/can/should/must,
"try/seek/attempt to", "if/whether", what is demanded or requested: "called for his
resignation", "demanded that he resign", "asked X to arrest"), "hedged" (likely, probably,
reportedly, allegedly, "seem/appear to", "speculation that"), else "asserted". The cues are
looked for on the trigger and up to three heads it is the complement of; a noun trigger inside a
phrase ("the target of a takeover") takes the modality of the clause around it.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import (
    HEDGE_ADVERBS,
    HEDGED_HEADS,
    HEDGED_NOUNS,
    NEAR_HEADS,
    NEGATED_HEADS,
    PLANNED_ADJ,
    PLANNED_AUX,
    PLANNED_HEADS,
    POSSIBLE_AUX,
    POSSIBLE_HEADS,
)

PERMISSION_HEADS = frozenset({"allow", "enable", "permit", "let"})
# Verbs whose object or complement is asked for, not done: "called for his resignation",
# "demanded that he resign", "sought the arrest of".
DEMAND_HEADS = frozenset({"call", "demand", "urge", "ask", "request", "seek", "press", "push",
                          "petition", "appeal", "insist", "want", "require"})


def _child_cues(tok: Token, found: list[str]) -> bool:
    """Cues among a token's dependents, added to ``found``; True when one negates it."""
    for child in tok.children:
        low, dep = child.lower_, child.dep_
        if dep == "neg" or (low == "never" and dep == "advmod"):
            return True
        if dep in {"aux", "auxpass"}:
            if low in PLANNED_AUX or low == "going":
                found.append("planned")
            elif low in POSSIBLE_AUX:
                found.append("possible")
        if dep == "advmod" and low in HEDGE_ADVERBS:
            found.append("hedged")
        if dep == "mark" and low in {"if", "unless", "whether"}:
            found.append("possible")
        if dep == "amod" and low in PLANNED_ADJ:
            found.append("planned")
        if low == "due" and dep in {"acomp", "amod", "advmod", "xcomp"}:
            found.append("planned")  # "is due to be held"
    return False


def _to_clause(tok: Token) -> bool:
    return any(c.tag_ == "TO" for c in tok.children)


def _clause_cue(tok: Token, found: list[str]) -> bool:
    """A cue in how the token's clause hangs from its head; True when the climb ends here."""
    dep, head_lemma = tok.dep_, tok.head.lemma_.lower()
    if dep in {"ccomp", "acl"} and head_lemma in HEDGED_NOUNS:
        found.append("hedged")
    elif dep == "ccomp" and head_lemma in PERMISSION_HEADS | DEMAND_HEADS:
        found.append("possible")  # "to allow the UK to deport", "demanded that he resign"
    elif dep == "pcomp" and tok.head.dep_ == "prep":
        if tok.head.head.lemma_.lower() in NEAR_HEADS:
            found.append("planned")  # "closing in on signing", "close to agreeing"
    elif dep == "ccomp" and _to_clause(tok):  # "expected X to agree"
        _head_cue(head_lemma, found)
    elif dep == "advcl" and _to_clause(tok):
        found.append("planned")  # "bought a rifle to shoot": a purpose, not a deed
    else:
        return False
    return True


def _head_cue(head_lemma: str, found: list[str], hedged: bool = False) -> None:
    if head_lemma in PLANNED_HEADS:
        found.append("planned")
    elif head_lemma in POSSIBLE_HEADS:
        found.append("possible")
    elif hedged and head_lemma in HEDGED_HEADS:
        found.append("hedged")


def _climbs(tok: Token) -> bool:
    """Whether the token's modality is its head's: a complement, or a noun argument."""
    return tok.dep_ in {"xcomp", "acomp"} or (
        tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"})


def _step(tok: Token, found: list[str]) -> Token | bool:
    """The token to look at next, False to stop, True when a head negates the trigger."""
    if _clause_cue(tok, found):
        return False
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.head is not tok.head:
        if tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in DEMAND_HEADS:
            found.append("possible")  # "called for the resignation": asked for, not done
        return tok.head.head  # "the target of a takeover": the clause around the phrase
    head = tok.head
    if not _climbs(tok) or head is tok:
        return False
    if tok.dep_ == "dobj" and head.lemma_.lower() in DEMAND_HEADS:
        found.append("possible")  # "demanded his resignation"
    if tok.dep_ in {"xcomp", "acomp"}:
        head_lemma = head.lemma_.lower()
        if head_lemma in NEGATED_HEADS:
            return True
        if head_lemma == "be" and tok.dep_ == "xcomp":  # "X is to visit"
            found.append("planned")
        _head_cue(head_lemma, found, hedged=True)
    return head


def _modality(trigger: Token) -> str:
    """The trigger's modality (see the module docstring); planned beats possible beats hedged."""
    found: list[str] = []
    tok = trigger
    if trigger.dep_ == "conj" and trigger.head.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"aux", "neg", "nsubj"} for c in trigger.children
    ):
        tok = trigger.head  # "can't go on television and accuse me": shares the head's aux
    for _ in range(4):
        if _child_cues(tok, found):
            return "negated"
        nxt = _step(tok, found)
        if nxt is True:
            return "negated"
        if nxt is False:
            break
        tok = nxt
    if "planned" in found:
        return "planned"
    if "possible" in found:
        return "possible"
    if "hedged" in found:
        return "hedged"
    return "asserted"
