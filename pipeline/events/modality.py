"""How a trigger is reported: asserted, or planned, possible, hedged, negated.

"negated" (neg, "never", a subject "no X" or "neither X nor Y", "fail/refuse/decline/unable/
unwilling/resist to", "has yet to", "avoided X / avoided doing X", "refrained from / stopped
short of / without doing X", "his refusal/failure to", "instead of / rather than"), "planned"
(will/shall, going to, "plan/intend/expect/hope/want/aim/prepare/promise/pledge/vow/set/due to",
"planned/upcoming/proposed/imminent", "ahead of", "close to / closing in on", a purpose clause
"to ...", a "would" reported by a verb of saying: "told X they would arrest him"), "possible"
(would/could/may/might/can/should/must, "threaten/try/seek/attempt to", "if/whether", a
condition on the trigger even with "will", a bare "be" passive ("a prosecutor be appointed"),
what is demanded or requested: "called for his resignation", "demanded that he resign", "asked
X to arrest", "pushed senators to reject", a subjunctive "crucial that X make concessions", a
goal "make sure that X appoints"), "hedged" (likely, unlikely, probably, reportedly,
allegedly, "seem/appear to", "speculation that", not "a confirmed report"; what a denial
governs: "denied that she had met X", "denied the killing"), else "asserted";
a past "was/were able to", "went on / took to X to" and "was among the N to" report the act
done, and a "not/never ... without X-ing" cancels ("did not leave without paying": both
done); a "by" gerund after its verb is the verb's means and shares its modality ("would respond
by demanding"). The cues are looked for on the trigger and up to three heads it is
the complement of; a noun trigger inside a phrase ("the target of a takeover") takes the
modality of the clause around it, and "no record/evidence of X" negates X. The word tables are
in :mod:`pipeline.events.lexicon` (``ModalityCue`` rows carry an example and a counter-example).

Two limits keep a cue in its own clause. A definite event noun as a subject ("Tom Keller's
resignation would end the inquiry") is presupposed: it takes its predicate's modality only when
the predicate says whether it happens ("the meeting will take place"). A coordinated verb
shares its head's auxiliaries and negation only when it is not finite ("can't go on television
and accuse me"); a finite one has its own ("did not want to strike and called for talks": the
call is asserted) and keeps only the head's hedging adverb ("reportedly met X and discussed").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import (
    ABSTAINED_PREPS,
    ACHIEVED_HEADS,
    AHEAD_WORDS,
    AVOIDED_HEADS,
    CLAIMS,
    CONFIRMED_REPORTS,
    DEMAND_HEADS,
    DENIAL_HEADS,
    ENSURED_HEADS,
    FUTURE_IN_PAST_HEADS,
    HEDGE_ADVERBS,
    HEDGED_HEADS,
    HEDGED_NOUNS,
    INSTEAD_WORDS,
    NEAR_HEADS,
    NEGATED_HEADS,
    NEGATED_NOUNS,
    NO_EVIDENCE,
    OCCURRENCE_HEADS,
    PLANNED_ADJ,
    PLANNED_AUX,
    PLANNED_HEADS,
    PLANNED_NOUNS,
    POSSIBLE_AUX,
    POSSIBLE_HEADS,
    POSSIBLE_NOUNS,
    RANKING_WORDS,
    REQUESTS,
    SEQUEL_HEADS,
)

PERMISSION_HEADS = frozenset({"allow", "enable", "permit", "let"})
DEMANDS = DEMAND_HEADS.words
#: Tags of a finite verb: a conjunct with its own tense is not under its head's auxiliary.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: A conjunct with one of these dependents has its own subject or auxiliary.
OWN_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "nsubj", "nsubjpass"})
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
#: Subjects that deny the act of everyone they name: "no senator has endorsed X", "neither X
#: nor Y endorsed", "none of them met".
NO_ONE = frozenset({"none", "nobody", "neither", "nor"})
#: A cue, not a verdict: an if/unless clause under the trigger, which :func:`_strongest` makes
#: "possible" even beside a "will" that alone would make it "planned".
CONDITION = "condition"


def _child_cues(tok: Token, found: list[str]) -> bool:
    """Cues among a token's dependents, added to ``found``; True when one negates it."""
    if _subjunctive(tok):
        found.append("possible")  # "it's time a special prosecutor be appointed"
    for child in tok.children:
        low, dep = child.lower_, child.dep_
        if (dep == "neg" or (low == "never" and dep == "advmod")) and not _without(tok):
            return True
        if dep in {"nsubj", "nsubjpass"} and _no_one(child):
            return True
        if dep in {"aux", "auxpass"}:
            if low in PLANNED_AUX or low == "going" or _future_in_past(tok, low):
                found.append("planned")
            elif low in POSSIBLE_AUX:
                found.append("possible")
        if dep == "advmod" and low in HEDGE_ADVERBS:
            found.append("hedged")
        if dep == "mark" and low in {"if", "unless", "whether"}:
            found.append("possible")
        if dep == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"}
                                  for g in child.children):
            found.append(CONDITION)  # "if there is evidence they will be charged"
        if dep == "amod" and low in PLANNED_ADJ:
            found.append("planned")
        if low == "due" and dep in {"acomp", "amod", "advmod", "xcomp"}:
            found.append("planned")  # "is due to be held"
    return False


def _without(verb: Token) -> bool:
    """A "without" adjunct under the verb: "did not leave without paying" puts the negation on
    the adjunct, and the two cancel (he left, and paid)."""
    return any(c.dep_ == "prep" and c.lower_ == "without" and any(
        g.dep_ in {"pcomp", "pobj"} for g in c.children) for c in verb.children)


def _no_one(subject: Token) -> bool:
    """"No senator", "neither X nor Y", "none of the senators", "nobody" (not "no doubt"
    under another verb: only the trigger's climb's own subjects are looked at)."""
    return subject.lower_ in NO_ONE or any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "preconj" and c.lower_ == "neither")
        for c in subject.children)


def _subjunctive(tok: Token) -> bool:
    """A passive with a bare "be" and no auxiliary or "to", or a bare verb after a singular
    subject in a that-clause: the mandative subjunctive of what is asked for ("an independent
    prosecutor be appointed", "crucial that Mara Quill make concessions"), not a report."""
    children = list(tok.children)
    if any(c.dep_ == "aux" for c in children):
        return False
    if any(c.dep_ == "auxpass" and c.lower_ == "be" and c.tag_ == "VB" for c in children):
        return True
    return tok.tag_ == "VB" and tok.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in children) and any(
        c.dep_ == "nsubj" and (c.tag_ in {"NN", "NNP"} or c.lower_ in {"he", "she", "it"})
        for c in children)


def _future_in_past(tok: Token, aux: str) -> bool:
    """"announced that France would ramp up": a reported "would" is the plan announced, unless
    it is a conditional ("would have resigned", "if asked, we would investigate")."""
    if aux not in {"would", "'d"} or tok.dep_ != "ccomp":
        return False
    if tok.head.lemma_.lower() not in FUTURE_IN_PAST_HEADS.words:
        return False
    return not any(
        (c.dep_ == "aux" and c.lower_ in {"have", "'ve"})
        or (c.dep_ == "mark" and c.lower_ in {"if", "whether"})  # "did not say whether ..."
        or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"}
                                      for g in c.children))
        for c in tok.children)


def _denied(tok: Token, trigger: Token) -> bool:
    """"No arrests were made", "found no record of his arrest": a "no" on the trigger, or on
    a noun of evidence its phrase hangs from (not "no photograph of the meeting")."""
    if not any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return False
    return tok.i == trigger.i or tok.lemma_.lower() in NO_EVIDENCE.words


def _to_clause(tok: Token) -> bool:
    return any(c.tag_ == "TO" for c in tok.children)


def _reported(noun: Token) -> bool:
    """A report the sentence does not endorse ("a report that"; not "a confirmed report")."""
    return not any(c.dep_ == "amod" and c.lower_ in CONFIRMED_REPORTS.words
                   for c in noun.children)


def _clause_cue(tok: Token, found: list[str]) -> bool:
    """A cue in how the token's clause hangs from its head; True when the climb ends here."""
    dep, head_lemma = tok.dep_, tok.head.lemma_.lower()
    if dep in {"ccomp", "acl"} and head_lemma in HEDGED_NOUNS:
        if _reported(tok.head):
            found.append("hedged")
    elif _denied_clause(tok):
        found.append("hedged")  # "denied that she had met X", "denied the killing"
    elif dep == "ccomp" and _ensured(tok.head):
        found.append("possible")  # "make sure that the next president appoints X"
    elif dep == "ccomp" and head_lemma in PERMISSION_HEADS | DEMANDS:
        found.append("possible")  # "to allow the UK to deport", "demanded that he resign"
    elif dep == "acl" and _to_clause(tok) and tok.head.pos_ == "NOUN":
        if head_lemma in PLANNED_NOUNS.words or tok.head.lower_ in PLANNED_NOUNS.words:
            found.append("planned")  # "his plan to deport the men"
        elif head_lemma in POSSIBLE_NOUNS.words:
            found.append("possible")  # "a duty to investigate", "an attempt to arrest him"
        else:
            return False
    elif dep == "pcomp" and tok.head.dep_ == "prep":
        if tok.head.head.lemma_.lower() in NEAR_HEADS:
            found.append("planned")  # "closing in on signing", "close to agreeing"
    elif dep == "ccomp" and _to_clause(tok):  # "expected X to agree"
        _head_cue(head_lemma, found)
    elif dep == "advcl" and _to_clause(tok):
        # "called for X to be banned": asked for; "bought a rifle to shoot": a purpose;
        # "went on to accuse", "took to Twitter to call out": done next; "was among 25
        # senators to vote": a rank
        if not _sequel(tok.head) and not _ranked(tok.head):
            found.append("possible" if head_lemma in DEMANDS else "planned")
    else:
        return False
    return True


def _denied_clause(tok: Token) -> bool:
    """A clause, gerund or event noun a denial governs (:data:`DENIAL_HEADS`), not a claim or a
    request denied ("denied the allegations": they were made)."""
    if tok.head.lemma_.lower() not in DENIAL_HEADS.words or tok.head.i == tok.i:
        return False
    if tok.dep_ in {"ccomp", "xcomp", "acl"}:
        return True
    return tok.dep_ == "dobj" and tok.pos_ == "NOUN" and not (
        {tok.lower_, tok.lemma_.lower()} & (CLAIMS | REQUESTS))


def _ensured(head: Token) -> bool:
    """"ensure that X", "make sure that X" (:data:`ENSURED_HEADS`): the clause is a goal."""
    lemma = head.lemma_.lower()
    return lemma in ENSURED_HEADS.words or f"{head.head.lemma_.lower()} {head.lower_}" in (
        ENSURED_HEADS.words) or any(f"{lemma} {c.lower_}" in ENSURED_HEADS.words
                                    for c in head.children if c.dep_ in {"acomp", "oprd"})


def _head_cue(head_lemma: str, found: list[str], hedged: bool = False) -> None:
    if head_lemma in PLANNED_HEADS:
        found.append("planned")
    elif head_lemma in POSSIBLE_HEADS or head_lemma in DEMANDS:
        found.append("possible")  # "pushing senators to reject": asked for, not done
    elif hedged and head_lemma in HEDGED_HEADS:
        found.append("hedged")


def _presupposed(tok: Token) -> bool:
    """A definite event noun as a subject ("Tom Keller's resignation would end the inquiry")
    exists whatever its predicate's mood, unless the predicate says whether it happens
    ("the meeting will take place")."""
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETS)
                   for c in tok.children)
    return definite and tok.head.lemma_.lower() not in OCCURRENCE_HEADS.words


def _climbs(tok: Token) -> bool:
    """Whether the token's modality is its head's: a complement, or a noun argument."""
    if tok.dep_ in {"xcomp", "acomp"}:
        return True
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return not _presupposed(tok)
    return tok.dep_ in {"dobj", "attr"}


def _step(tok: Token, found: list[str]) -> Token | bool:
    """The token to look at next, False to stop, True when a head negates the trigger."""
    through = _through_preposition(tok)
    if through is not None:
        return through
    if tok.dep_ == "acl" and _to_clause(tok) and tok.head.lemma_.lower() in NEGATED_NOUNS.words:
        return True  # "his refusal to endorse X"
    if _clause_cue(tok, found):
        return False
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
        if tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in DEMANDS:
            found.append("possible")  # "called for the resignation": asked for, not done
        if tok.head.lower_ == "of" and tok.head.head.lower_ in AHEAD_WORDS.words:
            found.append("planned")  # "ahead of Sunday's meeting": still to come
        return tok.head.head  # "the target of a takeover": the clause around the phrase
    head = tok.head
    if not _climbs(tok) or head.i == tok.i:
        return False
    if tok.dep_ == "dobj" and head.lemma_.lower() in DEMANDS:
        found.append("possible")  # "demanded his resignation"
    if tok.dep_ in {"dobj", "xcomp"} and head.lemma_.lower() in AVOIDED_HEADS.words:
        return True  # "avoided direct criticism of X", "avoided criticizing X"
    if tok.dep_ in {"xcomp", "acomp"}:
        head_lemma = head.lemma_.lower()
        if head_lemma in NEGATED_HEADS or (_to_clause(tok) and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children
        )):
            return True  # "refusing to attack", "has yet to endorse"
        if head_lemma == "be" and tok.dep_ == "xcomp":  # "X is to visit"
            found.append("planned")
        if not _sequel(head) and not _achieved(head):
            _head_cue(head_lemma, found, hedged=True)
    return head


def _negated_verb(verb: Token) -> bool:
    """"did not leave", "never criticised": a verb negated by its own "not" or "never"."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
               for c in verb.children)


def _through_preposition(tok: Token) -> Token | bool | None:
    """A gerund or noun under a preposition that decides it: True when it was not done
    ("instead of making a visit", "refrained from attacking"), the clause's verb when it
    shares that clause ("did not leave without paying": he paid; "would respond by
    demanding", the means after its verb), None to look on."""
    if tok.dep_ not in {"pcomp", "pobj"}:
        return None
    prep = tok.head
    if _abstained(prep):
        if not (prep.lower_ == "without" and _negated_verb(prep.head)):
            return True
        return prep.head if tok.dep_ == "pcomp" else None
    if tok.dep_ == "pcomp" and prep.lower_ == "by" and prep.dep_ == "prep" and (
            prep.i > prep.head.i) and not any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in {"have", "'ve"})
            for c in prep.head.children):
        # not a means put first ("By collaborating with X, Y can help"), nor one a negation
        # or a "may have" does not reach ("wasn't hiding anything by refusing to cooperate")
        return prep.head
    return None


def _abstained(prep: Token) -> bool:
    """A preposition whose object was not done: "instead of" (:data:`INSTEAD_WORDS`),
    "without", "refrain from", "stopped short of" (:data:`ABSTAINED_PREPS`)."""
    if any(c.dep_ == "advmod" and c.lower_ in INSTEAD_WORDS.words for c in prep.children):
        return True
    if prep.dep_ != "prep":
        return False
    heads = {prep.head.lemma_.lower(), *(c.lower_ for c in prep.head.children
                                         if c.dep_ in {"advmod", "acomp"})}
    return bool(({prep.lower_} | {f"{h} {prep.lower_}" for h in heads}) & ABSTAINED_PREPS.words)


def _achieved(head: Token) -> bool:
    """"were able to apprehend": a past copula with no auxiliary reports the act done."""
    be = head.head
    return head.lemma_.lower() in ACHIEVED_HEADS.words and be.lemma_.lower() == "be" and (
        be.tag_ == "VBD") and not any(c.dep_ in {"aux", "auxpass"} for c in be.children)


def _ranked(head: Token) -> bool:
    """"was among 25 senators to vote": a copula's infinitive that ranks its subject."""
    return head.lemma_.lower() == "be" and any(
        c.lower_ in RANKING_WORDS.words or (c.dep_ == "attr" and any(
            g.lower_ in RANKING_WORDS.words for g in c.children))
        for c in head.children)


def _sequel(head: Token) -> bool:
    """"went on to accuse", "went out of her way to praise": the complement is what the
    subject did (next), no plan."""
    lemma = head.lemma_.lower()
    for c in head.children:
        if c.dep_ not in {"prt", "advmod", "prep"}:
            continue
        phrases = {f"{lemma} {c.lower_}", *(
            f"{lemma} {c.lower_} {p.lower_} {g.lemma_.lower()}" for p in c.children
            if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")}
        if phrases & SEQUEL_HEADS.words:
            return True
    return False


def _conjunct_head(trigger: Token) -> tuple[Token, bool]:
    """Where the climb starts: a coordinated verb with no subject or auxiliary of its own
    shares its first conjunct's ("promising to bomb X, ban Y and deport Z"); True when the
    trigger is finite, so its head's auxiliaries and negation are not its own (a finite verb
    the parser hangs from an infinitive is coordinated with the infinitive's finite head)."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ != "conj" or tok.head.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ in OWN_CLAUSE_DEPS for c in tok.children
        ):
            break
        if tok.tag_ in FINITE_TAGS:
            head = tok.head  # "did not want to resign and attacked": with "want", not "resign"
            while head.dep_ == "xcomp" and head.tag_ not in FINITE_TAGS and head.head.i != head.i:
                head = head.head
            return head, True
        tok = tok.head
    return tok, False


def _strongest(found: list[str]) -> str:
    """A condition beats planned beats possible beats hedged; none found: asserted."""
    if CONDITION in found:
        return "possible"
    for modality in ("planned", "possible", "hedged"):
        if modality in found:
            return modality
    return "asserted"


def _modality(trigger: Token) -> str:
    """The trigger's modality (see the module docstring)."""
    found: list[str] = []
    tok, finite = _conjunct_head(trigger)
    if finite:  # "did not want to strike and called for talks": the call's own clause
        if _child_cues(trigger, found):
            return "negated"
        found.extend("hedged" for c in tok.children
                     if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS)
        nxt = _step(tok, found)
        if nxt is True:
            return "negated"
        if nxt is False:
            return _strongest(found)
        tok = nxt
    for _ in range(4):
        if _child_cues(tok, found) or _denied(tok, trigger):
            return "negated"
        nxt = _step(tok, found)
        if nxt is True:
            return "negated"
        if nxt is False:
            break
        tok = nxt
    return _strongest(found)
