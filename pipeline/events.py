"""Event mentions from parsed clauses, and merging of mentions into events across articles.

An *event mention* is a clause whose trigger (a verb, or an eventive noun) is in a lemma lexicon,
with at least one actor that is a named entity (PERSON, ORG, GPE, NORP; a pronoun subject is
resolved to the name span of its antecedent). The dependency parse gives the roles:
``nsubj`` (or the passive ``agent``) -> actor; ``dobj``, ``dative``, ``with/against/to X`` and
passive subjects -> target; a GPE/FAC/LOC under ``at/in/near/inside/outside`` (``to/into/from``
for travel, ``around`` for visits) -> place; a DATE entity attached to the trigger's own clause
(not a nested one) -> time, via :func:`pipeline.dates.resolve_date` against the published date.

Reported speech is NOT an event type: "said", "told", "added" ... are not triggers; speech
lives in the quotes table. A noun trigger without its own actors takes them from the light verb
governing it ("X and Y held talks", "X gave Y a tour").

Taxonomy (``event_type``), aligned with PLOVER where it can be:

=============  ===================  ========================================================
event_type     PLOVER               trigger lemmas (verb / noun)
=============  ===================  ========================================================
CONSULT        CONSULT              meet, host, discuss, negotiate, consult, confer, greet,
                                    welcome (a person) / summit, talks, meeting, negotiation
AGREE          AGREE                agree (to, on, with someone, a deal or terms), sign (an
                                    agreement, deal, treaty, constitution, law, bill ...; a
                                    player; "sign for/with" a club), ratify
SIGN           (none)               sign anything else (a visitor book, an autograph)
SUPPORT        SUPPORT              support, back, endorse, praise, congratulate, welcome
                                    (a non-person)
COOPERATE      COOPERATE            cooperate, collaborate, ally
AID            AID                  aid, assist, supply, donate, help (with a target)
CONCEDE        CONCEDE              concede, apologise/apologize, release (a person)
RETREAT        RETREAT              withdraw (troops, an envoy ...; "withdraw from"), retreat
ACCUSE         ACCUSE               accuse, blame, criticise/criticize, condemn, denounce,
                                    attack (by a PERSON/ORG: verbal)
DEMAND         DEMAND               demand, urge, call for / call on
REJECT         REJECT               reject, refuse, veto, deny, oppose
THREATEN       THREATEN             threaten, warn (an addressee: "warned X that ...")
PROTEST        PROTEST              protest, demonstrate, boycott / protest, demonstration
MOBILIZE       MOBILIZE             mobilise/mobilize, deploy
SANCTION       SANCTION             sanction, ban, fine, expel, suspend, impose (sanctions,
                                    a ban ...)
COERCE         COERCE               arrest, detain, deport, seize, jail, imprison, raid
ASSAULT        ASSAULT              attack (by a GPE/NORP), bomb, invade, kill, shoot,
                                    shell, fire (on/at) / (armed ...) attack, invasion,
                                    air strike
LAUNCH         MOBILIZE (show of    launch, fire, test (a missile, rocket, satellite ...) /
               force, weapons test) (missile/rocket/satellite) launch, test
INITIATE       (none)               launch, unveil (a product, service, campaign, inquiry)
TRAVEL         (none; CONSULT       arrive, travel, fly, return, depart, cross (into) /
               context)             arrival, trip, journey
VISIT          CONSULT (visit)      visit, tour, show ... around/round / visit, tour
PERSONNEL      (none)               resign, quit, appoint, sack, fire (a person), step down /
                                    resignation
ACQUIRE        (none)               acquire, merge, take over / takeover, merger, acquisition
=============  ===================  ========================================================

Modality: "negated" (neg, "fail/refuse/unable to"), "planned" (will/shall, going to, "plan/
intend/expect/hope/want/aim/prepare/promise/pledge/vow/set/due to", "planned/upcoming/
proposed", "close to / closing in on", a purpose clause "to ..."), "possible" (would/could/
may/might/can/should/must, "try/seek/attempt to", "if/whether"), "hedged" (likely, probably,
reportedly, allegedly, "seem/appear to", "speculation that"), else "asserted". A noun trigger
inside a phrase ("the target of a takeover") takes the modality of the clause around it.

Precision rules, each a failure class seen in hand checks of the BBC corpus: talks need two
sides and trips a named destination or host; a nationality naming one person ("the Russian's
arrival") is not an actor, a people ("Russians") or a state's body ("the Chinese government")
is; in sports reports (:func:`is_sports_report`) the political verbs of play, fixtures and
forecasts are skipped; declining to comment, agreeing with a view, backing someone to win,
blaming a cause, commercial supply and an internal merger are not events.

Merging (:func:`merge_events`) works on resolved mentions (canonical names from the entity
stage). Candidate pairs are blocked by (event_type, actor, date bucket); clusters grow greedily,
strongest pairs first, under cluster-level constraints (one day at most, coarser dates must
contain it, at most one place unless the pair shares two or more actors on the same day).
Undated mentions then join the unique compatible dated cluster from the same article or, when
published dates are known, from articles published within a few days of the event; remaining
undated mentions merge with each other within an article or across articles published within
:data:`UNDATED_WINDOW_DAYS` days. Event ids are ``"ev_" + sha1(type|date|precision|actors|place)``
and thus independent of input order.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.clustering import UnionFind, blocked_pairs, stable_id
from pipeline.dates import resolve_date
from pipeline.doctext import doc_text
from schemas.values import DATE_PRECISIONS, PLACE_LABELS

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# --- lexicons -------------------------------------------------------------------------------

VERB_TRIGGERS: dict[str, str] = {
    "meet": "CONSULT", "host": "CONSULT", "discuss": "CONSULT", "negotiate": "CONSULT",
    "consult": "CONSULT", "confer": "CONSULT", "greet": "CONSULT", "welcome": "CONSULT",
    "agree": "AGREE", "sign": "AGREE", "ratify": "AGREE",
    "support": "SUPPORT", "back": "SUPPORT", "endorse": "SUPPORT", "praise": "SUPPORT",
    "congratulate": "SUPPORT",
    "cooperate": "COOPERATE", "co-operate": "COOPERATE", "collaborate": "COOPERATE",
    "ally": "COOPERATE",
    "aid": "AID", "assist": "AID", "supply": "AID", "donate": "AID", "help": "AID",
    "concede": "CONCEDE", "apologise": "CONCEDE", "apologize": "CONCEDE", "release": "CONCEDE",
    "withdraw": "RETREAT", "retreat": "RETREAT",
    "accuse": "ACCUSE", "blame": "ACCUSE", "criticise": "ACCUSE", "criticize": "ACCUSE",
    "condemn": "ACCUSE", "denounce": "ACCUSE",
    "demand": "DEMAND", "urge": "DEMAND", "call": "DEMAND",
    "reject": "REJECT", "refuse": "REJECT", "veto": "REJECT", "deny": "REJECT",
    "oppose": "REJECT",
    "threaten": "THREATEN", "warn": "THREATEN",
    "protest": "PROTEST", "demonstrate": "PROTEST", "boycott": "PROTEST",
    "mobilise": "MOBILIZE", "mobilize": "MOBILIZE", "deploy": "MOBILIZE",
    "sanction": "SANCTION", "ban": "SANCTION", "fine": "SANCTION", "expel": "SANCTION",
    "suspend": "SANCTION", "impose": "SANCTION",
    "arrest": "COERCE", "detain": "COERCE", "deport": "COERCE", "seize": "COERCE",
    "jail": "COERCE", "imprison": "COERCE", "raid": "COERCE",
    "attack": "ASSAULT", "bomb": "ASSAULT", "invade": "ASSAULT", "kill": "ASSAULT",
    "shoot": "ASSAULT", "shell": "ASSAULT",
    "launch": "LAUNCH", "fire": "LAUNCH", "test": "LAUNCH", "unveil": "INITIATE",
    "arrive": "TRAVEL", "travel": "TRAVEL", "fly": "TRAVEL", "return": "TRAVEL",
    "depart": "TRAVEL", "cross": "TRAVEL",
    "visit": "VISIT", "tour": "VISIT", "show": "VISIT",
    "resign": "PERSONNEL", "quit": "PERSONNEL", "appoint": "PERSONNEL", "sack": "PERSONNEL",
    "step": "PERSONNEL",
    "acquire": "ACQUIRE", "merge": "ACQUIRE", "take": "ACQUIRE",
}
NOUN_TRIGGERS: dict[str, str] = {
    "summit": "CONSULT", "talks": "CONSULT", "meeting": "CONSULT", "negotiation": "CONSULT",
    "negotiations": "CONSULT",
    "protest": "PROTEST", "demonstration": "PROTEST",
    "attack": "ASSAULT", "invasion": "ASSAULT", "strike": "ASSAULT",
    "launch": "LAUNCH", "test": "LAUNCH",
    "arrival": "TRAVEL", "trip": "TRAVEL", "journey": "TRAVEL",
    "visit": "VISIT", "tour": "VISIT",
    "resignation": "PERSONNEL",
    "takeover": "ACQUIRE", "merger": "ACQUIRE", "acquisition": "ACQUIRE",
}
PROJECTILES = frozenset({
    "missile", "missiles", "rocket", "rockets", "satellite", "satellites", "icbm", "icbms",
    "projectile", "projectiles", "warhead", "torpedo", "drone", "drones", "weapon", "weapons",
    "salvo", "probe", "spacecraft", "shuttle", "bomb", "device",
})
SHOTS = frozenset({"shot", "shots", "bullet", "bullets", "shell", "shells", "round", "rounds",
                   "gun", "guns", "artillery", "volley"})
AGREEMENT_OBJECTS = frozenset({
    "agreement", "deal", "treaty", "accord", "pact", "contract", "memorandum", "declaration",
    "statement", "law", "bill", "order", "protocol", "charter", "convention", "deals",
    "agreements", "contracts", "document", "documents", "ceasefire", "truce", "extension",
    "constitution",
})
INITIATED = frozenset({
    "campaign", "product", "service", "inquiry", "investigation", "probe", "bid", "appeal",
    "website", "site", "brand", "scheme", "initiative", "range", "network", "plan", "action",
    "review", "fund", "model", "version", "console", "phone", "handset", "channel", "drive",
    "offensive", "operation", "programme", "program", "project", "venture", "manifesto",
    "policy", "strategy", "challenge", "lawsuit", "case", "consultation", "game",
    "album", "film", "magazine", "newspaper", "station", "label", "card", "device", "system",
    "software", "browser", "tool", "store", "shop", "club", "party", "company", "business",
})
# What parties agree on (beyond signed documents): "agreed a takeover", "agreed terms".
AGREED_OBJECTS = AGREEMENT_OBJECTS | frozenset({
    "terms", "plan", "price", "fee", "sale", "settlement", "merger", "takeover", "package",
    "compromise", "budget", "rise", "increase", "cut", "cuts", "transfer", "loan",
    "partnership", "alliance", "timetable", "date", "swap", "merge", "sponsorship",
})
COMMENT_VERBS = frozenset({"comment", "confirm", "say", "discuss", "reveal", "rule",
                           "speculate", "elaborate", "answer", "name", "disclose", "deny",
                           "identify", "divulge", "specify", "explain"})
CONTEST_VERBS = frozenset({"win", "beat", "lift", "reach", "finish", "clinch", "triumph",
                           "retain", "regain", "top", "claim", "prosper", "do"})
WITHDRAWN = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers",
                       "ambassador", "envoy", "diplomat", "diplomats", "staff", "army",
                       "personnel", "unit", "units", "presence", "contingent"})
POLICY_OBJECTS = frozenset({
    "plan", "proposal", "bill", "policy", "campaign", "candidate", "candidacy", "decision",
    "idea", "move", "call", "law", "reform", "measure", "motion", "bid", "deal", "scheme",
    "strategy", "change", "ban", "war", "cause", "government", "leader", "party", "initiative",
    "legislation", "budget", "approach", "action", "resolution", "amendment", "vote", "power",
    "rebel", "regime", "independence", "sanction", "treaty", "agreement", "offer", "claim",
    "demand", "effort", "position", "stance", "request", "appeal", "application", "strike",
})
IMPOSED = frozenset({"sanction", "sanctions", "ban", "embargo", "tariff", "tariffs", "fine",
                     "curfew", "restriction", "restrictions", "penalty", "levy"})
STRIKE_KINDS = frozenset({"air", "missile", "drone", "military", "rocket", "nuclear"})
ATTACK_KINDS = STRIKE_KINDS | {"terror", "terrorist", "suicide", "bomb", "armed", "gun",
                               "knife", "chemical", "militant", "insurgent", "rebel", "cyber",
                               "grenade", "mortar", "artillery", "ground"}
TRAVEL_PARTICLES = frozenset({"around", "round"})
LIGHT_VERBS = frozenset({
    "hold", "have", "attend", "host", "give", "conduct", "stage", "make", "begin", "start",
    "open", "end", "join", "lead", "chair", "pay", "take", "go", "complete", "wrap",
    "conclude", "carry", "announce", "launch", "mount", "undertake",
})
GROUP_HEADS = frozenset({
    "government", "military", "army", "navy", "force", "forces", "troops", "police",
    "official", "officials", "authorities", "ministry", "leader", "president", "minister",
    "side", "delegation", "team", "company", "firm", "regime", "administration", "state",
    "parliament", "council", "court", "board", "group", "chief", "spokesman", "spokeswoman",
    "media", "agency", "prime", "secretary", "party", "member", "members", "club",
})
# Heads naming one person: "the Pakistani president" is that (unnamed) person, whose
# nationality is not the actor; "the Chinese government" is the state's.
ONE_PERSON_HEADS = frozenset({"leader", "president", "minister", "chief", "spokesman",
                              "spokeswoman", "secretary", "prime", "member", "official"})
# Bodies that a country or nationality only describes: "a US company agreed" is a company's
# act, not the United States'; their named owner ("the Sony group") still acts.
PRIVATE_HEADS = frozenset({"company", "firm", "group", "club", "board", "party", "member",
                           "members"})
DESCRIPTIVE_LABELS = frozenset({"GPE", "NORP", "LOC"})
OBJECT_CONTROL = frozenset({"invite", "ask", "urge", "allow", "help", "persuade", "tell",
                            "encourage", "force", "order", "permit", "enable", "challenge",
                            "dare", "press", "pressure", "want", "need", "expect", "require",
                            "push", "get", "leave", "advise", "instruct", "remind"})
PLANNED_HEADS = frozenset({
    "plan", "intend", "expect", "hope", "want", "aim", "prepare", "promise", "pledge", "vow",
    "set", "due", "schedule", "decide", "agree", "invite", "wish", "propose", "offer",
    "threaten", "go", "need",
})
POSSIBLE_HEADS = frozenset({"try", "seek", "attempt", "ask", "urge", "consider", "able",
                            "call", "encourage", "want", "allow", "enable", "permit", "let",
                            "available", "willing", "ready", "keen", "eager", "happy"})
# Nouns whose clause reports an unconfirmed claim: "speculation that X had held talks".
HEDGED_NOUNS = frozenset({"speculation", "rumour", "rumor", "report", "reports", "suggestion",
                          "claim", "allegation", "fear", "fears"})
HEDGED_HEADS = frozenset({"seem", "appear", "likely", "believe", "suspect", "think"})
NEGATED_HEADS = frozenset({"fail", "refuse", "decline", "unable"})
NEAR_HEADS = frozenset({"close", "near", "verge", "brink"})
PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE_AUX = frozenset({"would", "could", "may", "might", "can", "should", "must", "'d",
                          "ca"})
HEDGE_ADVERBS = frozenset({"likely", "probably", "possibly", "perhaps", "reportedly",
                           "allegedly", "apparently", "reported", "supposedly", "maybe"})
PLANNED_ADJ = frozenset({"planned", "upcoming", "proposed", "future", "scheduled",
                         "forthcoming", "expected", "potential", "possible", "prospective"})
DATE_BLOCKING_PREPS = frozenset({"since", "until", "till", "before", "after", "by", "from",
                                 "through", "throughout", "between", "ahead"})
PLACE_PREPS = frozenset({"at", "in", "near", "inside", "outside", "within", "across"})
TARGET_PREPS = frozenset({"with", "against", "to", "toward", "towards", "on", "for"})
SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself",
                               "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
COMPLEMENT_TARGET_TYPES = frozenset({"DEMAND", "THREATEN", "ACCUSE", "SUPPORT", "REJECT",
                                     "AGREE", "AID"})
OF_IS_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "ACCUSE", "ACQUIRE"})
PLURAL_EVENT_NOUNS = frozenset({"talks", "negotiations", "protest", "demonstration",
                                "attack", "strike"})


def _is_actor_token(token: Token) -> bool:
    return token.ent_type_ in ACTOR_LABELS or token.lower_ in SINGULAR_PRONOUNS | {"them"}


def _is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in SINGULAR_PRONOUNS | {"them"}


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


# --- per-document helpers -------------------------------------------------------------------


class _DocIndex:
    """Entity look-ups and pronoun resolution for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.ent_of: list[Span | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        self._cache: dict[int, tuple[tuple[int, int], ...]] = {}

    # name spans ---------------------------------------------------------------------------
    @staticmethod
    def name_span(ent: Span) -> tuple[int, int] | None:
        end = ent.end
        while end > ent.start and ent.doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019"}:
            end -= 1
        start = ent.start
        if end <= start:
            return None
        text = ent.doc[start:end]
        start_char = text.start_char
        end_char = text.end_char
        raw = text.text  # the span's own text: ``doc.text`` is rebuilt on every access
        for suffix in ("'s", "\u2019s"):
            if raw.endswith(suffix):
                end_char -= len(suffix)
        if "\n" in raw[: end_char - start_char]:
            return None  # entity glued across a paragraph break: a parse artefact
        return (start_char, end_char)

    def entity_spans(self, token: Token, depth: int = 0) -> list[tuple[int, int]]:
        """Name spans an argument token stands for (with its conjuncts)."""
        spans = self._one(token)
        if depth < 4:
            for child in token.children:
                if child.dep_ == "conj":
                    spans.extend(self.entity_spans(child, depth + 1))
        return spans

    def _one(self, token: Token, describes_group: bool = False) -> list[tuple[int, int]]:
        ent = self.ent_of[token.i]
        if ent is not None:
            if ent.label_ == "NORP" and not describes_group and ent.root.tag_ not in {
                "NNS", "NNPS"
            }:
                return []  # "the Russian's arrival": one unnamed person, not a people
            if ent.label_ in ACTOR_LABELS:
                span = self.name_span(ent)
                return [span] if span else []
            return []
        if token.pos_ == "PRON":
            return list(self.resolve_pronoun(token))
        if token.pos_ in {"NOUN", "PROPN"}:
            found: list[tuple[int, int]] = []
            group = token.lemma_.lower() in GROUP_HEADS
            private = token.lemma_.lower() in PRIVATE_HEADS
            for child in token.children:
                if private and child.dep_ in {"compound", "amod", "nmod"} and (
                    self.ent_of[child.i] is not None
                    and self.ent_of[child.i].label_ in DESCRIPTIVE_LABELS
                ):
                    continue
                if child.dep_ == "appos" or (
                    group and child.dep_ in {"poss", "compound", "amod", "nmod"}
                    and not (token.lemma_.lower() in ONE_PERSON_HEADS
                             and self.ent_of[child.i] is not None
                             and self.ent_of[child.i].label_ == "NORP")
                ):
                    found.extend(self._one(child, describes_group=True)
                                 if child.dep_ != "appos" else self.entity_spans(child, 3))
                elif group and child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(self._one(pobj))
            return found
        return []

    # pronouns -------------------------------------------------------------------------------
    def resolve_pronoun(self, token: Token) -> tuple[tuple[int, int], ...]:
        """The name spans a pronoun refers to, once per token.

        Resolution can come back to the pronoun it started from: "allies and their leaders"
        looks back from "their" to the conjoined subject holding it, whose "leaders" spans ask
        for "their" again. Marked as resolving (nothing) before its look-back, a pronoun met
        again on its own path adds nothing instead of recursing without end.
        """
        if token.i in self._cache:
            return self._cache[token.i]
        self._cache[token.i] = ()
        low = token.lower_
        result: tuple[tuple[int, int], ...] = ()
        if low in SINGULAR_PRONOUNS:
            result = self._resolve_singular(token)
        elif low in PLURAL_PRONOUNS:
            result = self._resolve_plural(token)
        self._cache[token.i] = result
        return result

    def _clause_subject_ents(self, token: Token) -> set[int]:
        """Start indices of entities that are the (explicit or implied) subject of the token's
        own clause: an object pronoun does not co-refer with its clause's subject."""
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
            verb = verb.head
        out = set()
        for subj in _subject_tokens(verb):
            if subj.pos_ == "PRON":
                continue
            for tok in (subj, *(c for c in subj.children if c.dep_ == "conj")):
                ent = self.ent_of[tok.i]
                if ent is not None:
                    out.add(ent.start)
        return out

    def _resolve_singular(self, token: Token) -> tuple[tuple[int, int], ...]:  # noqa: C901
        sent = token.sent
        # Cataphora: "In his summit with X, Y announced ..." -> Y.
        if token.dep_ == "poss":
            root = sent.root
            for child in root.children:
                if child.dep_ == "nsubj" and child.i > token.i:
                    ent = self.ent_of[child.i]
                    if ent is not None and ent.label_ in {"PERSON", "ORG"} and (
                        child.pos_ == "PROPN"
                    ):
                        span = self.name_span(ent)
                        return (span,) if span else ()
        # "X said he would ...": the subject of a reported clause is its speaker, when the
        # speaker is named; an unnamed or untagged speaker ("the minister said he") is not
        # replaced by another person of the sentence.
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ccomp":
            speakers = [c for c in token.head.head.children if c.dep_ == "nsubj"]
            if speakers and speakers[0].pos_ != "PRON":
                ent = self.ent_of[speakers[0].i]
                if ent is None or ent.label_ != "PERSON":
                    return ()
                span = self.name_span(ent)
                return (span,) if span else ()
        excluded = set() if token.dep_ in {"nsubj", "nsubjpass", "poss"} else (
            self._clause_subject_ents(token)
        )
        # Closest preceding PERSON in the same sentence, not buried in a relative clause.
        own = {t.i for t in token.ancestors}
        for ent in reversed(self.person_ents):
            if ent.end <= token.i and ent.start >= sent.start and ent.start not in excluded:
                if any(a.dep_ in {"relcl", "acl", "appos"} and a.i not in own
                       for a in ent.root.ancestors):
                    continue
                if ent.root.dep_ == "poss" and any(
                    e.root.dep_ in {"nsubj", "nsubjpass"} and e.end <= token.i
                    and e.start >= sent.start for e in self.person_ents
                ):
                    continue  # "X backed Y's plan when he ...": the subject is more salient
                span = self.name_span(ent)
                if span:
                    return (span,)
        # Previous sentences: the subject PERSON of the nearest one having a PERSON.
        prev_end = sent.start
        for _ in range(3):
            if prev_end <= 0:
                break
            prev = self.doc[prev_end - 1].sent
            ents = [e for e in self.person_ents if e.start >= prev.start and e.end <= prev.end]
            if ents:
                subjects = [e for e in ents if e.root.dep_ in {"nsubj", "nsubjpass"}]
                chosen = subjects[0] if subjects else ents[-1]
                span = self.name_span(chosen)
                return (span,) if span else ()
            prev_end = prev.start
        return ()

    def _resolve_plural(self, token: Token) -> tuple[tuple[int, int], ...]:
        sent = token.sent
        start = sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for i in range(token.i - 1, start - 1, -1):
            cand = self.doc[i]
            if cand.dep_ not in {"nsubj", "nsubjpass"} or not any(
                c.dep_ == "conj" for c in cand.children
            ):
                continue
            if cand.lower_ in PLURAL_PRONOUNS:
                continue
            spans = self.entity_spans(cand)
            if len(set(spans)) >= 2:
                return tuple(dict.fromkeys(spans))
        return ()


# --- extraction -----------------------------------------------------------------------------


def _trigger_type(token: Token) -> tuple[str, str] | None:  # noqa: C901
    """(event_type, trigger text) for a token, or None when it is not a trigger."""
    lemma = token.lemma_.lower()
    low = token.lower_
    if token.pos_ == "VERB":
        etype = VERB_TRIGGERS.get(lemma)
        if etype is None or token.dep_ in {"amod", "compound"}:  # "opposing skipper"
            return None
        children = list(token.children)
        dobj = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
        dobj_lemmas = {c.lower_ for c in dobj} | {c.lemma_.lower() for c in dobj} | {
            g.lemma_.lower() for c in dobj for p in c.children if p.lower_ == "of"
            for g in p.children
        }
        preps = {c.lower_ for c in children if c.dep_ in {"prep", "prt", "advmod"}}
        if lemma == "show":
            particle = [c for c in children if c.lower_ in TRAVEL_PARTICLES
                        and c.dep_ in {"prt", "prep", "advmod"}]
            if not particle:
                return None
            return "VISIT", f"{token.text} ... {particle[0].text}"
        if lemma == "sign":
            if dobj_lemmas & AGREEMENT_OBJECTS or preps & {"for", "with", "up"} or any(
                _is_person(c) or c.pos_ == "PROPN" for c in dobj
            ):
                return "AGREE", token.text  # a deal, or a player's contract
            return ("SIGN", token.text) if dobj else None
        if lemma in {"launch", "test"}:
            if dobj_lemmas & PROJECTILES:
                return "LAUNCH", token.text
            if lemma == "launch" and dobj_lemmas & INITIATED:
                return "INITIATE", token.text
            return None
        if lemma == "fire":
            if dobj_lemmas & PROJECTILES:
                return "LAUNCH", token.text
            if dobj_lemmas & SHOTS or preps & {"on", "at"}:
                return "ASSAULT", token.text
            if any(_is_person(c) for c in dobj):
                return "PERSONNEL", token.text
            return None
        if lemma == "impose":
            return ("SANCTION", token.text) if dobj_lemmas & IMPOSED else None
        if lemma == "call":  # "called for", "called on"; "called time on" ended something
            return ("DEMAND", token.text) if preps & {"for", "on"} and "time" not in (
                dobj_lemmas) else None
        if lemma == "step":
            return ("PERSONNEL", f"{token.text} down") if "down" in preps else None
        if lemma == "take":
            prt = {c.lower_ for c in children if c.dep_ == "prt"}
            if "over" in prt and any(c.ent_type_ == "ORG" for c in dobj):
                return "ACQUIRE", f"{token.text} over"
            return None
        if lemma == "warn":  # a threat is addressed: "warned X (that/not to/of ...)"
            return (etype, token.text) if any(_is_actor_token(c) for c in dobj) else None
        if lemma == "quit":
            return (etype, token.text) if dobj or "as" in preps else None
        if lemma == "depart":
            return (etype, token.text) if preps & {"from", "for", "to"} else None
        if lemma == "welcome" and not any(_is_person(c) for c in dobj):
            return "SUPPORT", token.text
        if lemma == "withdraw":
            if dobj_lemmas & WITHDRAWN or (not dobj and "from" in preps):
                return etype, token.text
            return None
        if lemma == "host" and not (
            any(_is_actor_token(c) for c in dobj) or dobj_lemmas & {"talks", "summit", "meeting"}
        ):
            return None
        if lemma == "agree" and not (
            dobj_lemmas & AGREED_OBJECTS or preps & {"to", "on", "upon"}
            or any(c.dep_ == "xcomp" for c in children)
            or any(c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and _is_actor_token(g) for g in c.children) for c in children)
        ):
            return None  # "agreed (with his view) that ...": an opinion, not an agreement
        if lemma == "refuse" and any(c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS
                                     for c in children):
            return None  # "refused to comment": no statement, not a rejection
        if lemma in {"blame", "supply", "merge"} and dobj and not any(
            _is_actor_token(c) for c in children if c.dep_ in {"dobj", "dative", "nsubjpass"}
        ) and not any(c.dep_ == "prep" and c.lower_ in {"to", "with", "on"} and any(
            _is_actor_token(g) for g in c.children) for c in children
        ):
            return None  # blaming the weather, supplying software, merging one's own boards
        if lemma == "deny" and sum(c.dep_ in {"dative", "dobj"} for c in children) >= 2:
            return None  # "denied X a fourth title": kept from having, not a rejection
        if lemma == "suspend" and not any(_is_actor_token(c) for c in dobj):
            return None  # suspending one's own plan or talks is no sanction on anyone
        if etype == "SUPPORT" and any(c.dep_ in {"xcomp", "ccomp", "advcl"}
                                      and c.lemma_.lower() in CONTEST_VERBS for c in children):
            return None  # "backed England to win": a forecast
        if lemma in {"demonstrate", "protest"} and dobj:
            return None  # "demonstrated its power", "protested his innocence": claims
        if lemma == "cross":
            return ("TRAVEL", token.text) if preps & {"into", "over"} else None
        if lemma == "release":
            return ("CONCEDE", token.text) if any(_is_person(c) for c in dobj) else None
        if lemma in {"return", "fly"}:
            dests = [g for c in children if c.dep_ == "prep" and c.lower_ in {"to", "into", "from"}
                     for g in c.children if g.dep_ == "pobj"]
            if "home" in preps or any(g.ent_type_ in PLACE_LABELS for g in dests):
                return etype, token.text
            return None
        if lemma == "meet" and dobj and not any(
            _is_actor_token(c) or any(g.dep_ == "appos" and _is_actor_token(g)
                                      for g in c.children)
            for c in dobj
        ):
            return None
        if lemma == "help":
            return (etype, token.text) if any(_is_actor_token(c) for c in dobj) else None
        if etype == "SUPPORT" and lemma != "congratulate" and not (
            any(_is_actor_token(c) for c in dobj) or dobj_lemmas & POLICY_OBJECTS
            or any(g.dep_ == "poss" and _is_actor_token(g) for c in dobj for g in c.children)
        ):
            return None
        if lemma == "shoot" and not (dobj or preps & {"at", "on"}):
            return None
        if lemma == "test" and not dobj_lemmas & PROJECTILES:
            return None
        return etype, token.text
    if token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in ACTOR_LABELS:
        key = low if low in NOUN_TRIGGERS else lemma
        if key == "talk" or key not in NOUN_TRIGGERS:
            return None
        etype = NOUN_TRIGGERS[key]
        if token.tag_ in {"NNS", "NNPS"} and key not in PLURAL_EVENT_NOUNS:
            return None  # "seven trips", "a string of tests": aggregates, not one event
        if any(c.dep_ == "nummod" for c in token.children):
            return None
        mods = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
        if key in {"launch", "test"}:
            of_objs = {g.lower_ for c in token.children if c.lower_ == "of"
                       for g in c.children}
            if not (mods | of_objs) & PROJECTILES:
                return None
        if key == "strike" and not mods & STRIKE_KINDS:
            return None
        if key == "attack" and not mods & ATTACK_KINDS and any(
            c.dep_ == "poss" and (c.pos_ == "PRON" or c.ent_type_ == "PERSON")
            for c in token.children
        ):
            return "ACCUSE", token.text  # "his attack on Labour": words, not weapons
        if key == "attack" and not (mods & ATTACK_KINDS or any(
            c.lower_ in {"on", "against"} and any(g.ent_type_ in ACTOR_LABELS for g in c.children)
            for c in token.children
        )):
            return None
        return etype, token.text
    return None


def _governing_verb(token: Token) -> Token | None:
    head = token.head
    steps = 0
    while head is not token and steps < 6:
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.head is head:
            return None
        token, head = head, head.head
        steps += 1
    return None


def _subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if subj:
        out = []
        for s in subj:
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                out.append(verb.head)
            else:
                out.append(s)
        return out
    if depth > 3 or verb.head is verb or any(c.dep_ == "nsubjpass" for c in verb.children):
        return []  # a passive clause's actor is its agent, never the governing clause's subject
    head = verb.head
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
            if objs:
                return objs
        on_objs = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                   for g in c.children if g.dep_ == "pobj"]
        if head.lemma_.lower() == "call" and on_objs:
            return on_objs
        return _subject_tokens(head, depth + 1)
    if verb.dep_ in {"conj", "advcl", "acomp"} and head.pos_ in {"VERB", "AUX"}:
        # "acomp": "X is due/able/set to meet Y" reaches X through the adjective.
        return _subject_tokens(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [head]
    if verb.dep_ == "pcomp":
        gov = _governing_verb(verb)
        return _subject_tokens(gov, depth + 1) if gov is not None else []
    return []


def _passive_agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


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
    """Tokens of the trigger's own clause (not descending into nested clauses)."""
    stack = [root]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.pos_ in {"VERB", "AUX"} and child.dep_ not in {"aux", "auxpass"}:
                continue
            if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}:
                continue
            stack.append(child)


def _clause_date(index: _DocIndex, root: Token, anchor: datetime.date | None):
    best: tuple[int, datetime.date | None, str | None] | None = None
    seen: set[int] = set()
    for tok in _clause_tokens(root):
        ent = index.ent_of[tok.i]
        if ent is None or ent.label_ != "DATE" or ent.start in seen:
            continue
        seen.add(ent.start)
        head = ent.root.head
        if head.dep_ == "prep" and head.lower_ in DATE_BLOCKING_PREPS:
            continue
        if ent[0].lower_ in DATE_BLOCKING_PREPS or (ent.root.dep_ == "pobj" and (
            ent.root.head.lower_ in DATE_BLOCKING_PREPS
        )):
            continue
        date, precision = resolve_date(ent.text, anchor)
        distance = abs(ent.start - root.i)
        if date is not None and (best is None or best[1] is None or distance < best[0]):
            best = (distance, date, precision)
        elif best is None:
            best = (distance, None, None)
    return best


def _temporal_roots(date_roots: list[Token]) -> list[Token]:
    """Where the trigger's time may be written: its own clause (and its light/conj/xcomp
    head), then a temporal subordinate clause ("When X happened in 1979, Y resigned"), then the
    head of a "when" relative ("in 1994, when talks ... came close")."""
    roots = list(date_roots)
    for root in date_roots:
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


def _modality(trigger: Token) -> str:  # noqa: C901
    found: list[str] = []
    tok = trigger
    if trigger.dep_ == "conj" and trigger.head.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"aux", "neg", "nsubj"} for c in trigger.children
    ):
        tok = trigger.head  # "can't go on television and accuse me": shares the head's aux
    for _ in range(4):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (low in {"never"} and child.dep_ == "advmod"):
                return "negated"
            if child.dep_ in {"aux", "auxpass"}:
                if low in PLANNED_AUX:
                    found.append("planned")
                elif low in POSSIBLE_AUX:
                    found.append("possible")
                elif low == "going":
                    found.append("planned")
            if child.dep_ == "advmod" and low in HEDGE_ADVERBS:
                found.append("hedged")
            if child.dep_ == "mark" and low in {"if", "unless", "whether"}:
                found.append("possible")
            if child.dep_ == "amod" and low in PLANNED_ADJ:
                found.append("planned")
            if low == "due" and child.dep_ in {"acomp", "amod", "advmod", "xcomp"}:
                found.append("planned")  # "is due to be held"
        if tok.dep_ in {"ccomp", "acl"} and tok.head.lemma_.lower() in HEDGED_NOUNS:
            found.append("hedged")
            break
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in {"allow", "enable", "permit",
                                                               "let"}:
            found.append("possible")  # "to allow the UK to deport": permitted, not done
            break
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            if tok.head.head.lemma_.lower() in NEAR_HEADS:
                found.append("planned")  # "closing in on signing", "close to agreeing"
            break
        if tok.dep_ == "ccomp" and any(c.tag_ == "TO" for c in tok.children):
            head_lemma = tok.head.lemma_.lower()  # "expected X to agree"
            if head_lemma in PLANNED_HEADS:
                found.append("planned")
            elif head_lemma in POSSIBLE_HEADS:
                found.append("possible")
            break
        if tok.dep_ == "advcl" and any(c.tag_ == "TO" for c in tok.children):
            found.append("planned")  # "bought a rifle to shoot": a purpose, not a deed
            break
        if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.head is not tok.head:
            tok = tok.head.head  # "the target of a takeover": the clause around the phrase
            continue
        if tok.dep_ not in {"xcomp", "acomp"} and not (
            tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"}
        ):
            break
        head = tok.head
        if head is tok:
            break
        head_lemma = head.lemma_.lower()
        if tok.dep_ in {"xcomp", "acomp"}:
            if head_lemma in NEGATED_HEADS:
                return "negated"
            if head_lemma == "be" and tok.dep_ == "xcomp":  # "X is to visit"
                found.append("planned")
            if head_lemma in PLANNED_HEADS:
                found.append("planned")
            elif head_lemma in POSSIBLE_HEADS:
                found.append("possible")
            elif head_lemma in HEDGED_HEADS:
                found.append("hedged")
        tok = head
    for modality in ("planned", "possible", "hedged"):
        if modality in found:
            return modality
    return "asserted"


def _dedupe(spans: Iterable[tuple[int, int] | None]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({s for s in spans if s is not None}))


def _mention_for(  # noqa: C901
    index: _DocIndex, token: Token, etype: str, trigger_text: str, anchor: datetime.date | None
) -> EventMention | None:
    actors: list[tuple[int, int]] = []
    targets: list[tuple[int, int]] = []
    place: tuple[int, int] | None = None
    travel_like = etype in {"TRAVEL", "VISIT"}
    date_roots = [token]

    def add_place(prep: Token) -> None:
        nonlocal place
        if place is not None:
            return
        low = prep.lower_
        ok = low in PLACE_PREPS or (travel_like and low in {"to", "into", "around", "round"})
        if not ok:
            return
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                place = _place_from(index, pobj, allow_org=low in {"at", "around", "round"}
                                    or travel_like)
                if place:
                    return

    def add_targets_from_prep(prep: Token) -> None:
        if prep.lower_ not in TARGET_PREPS and not (etype == "ASSAULT" and prep.lower_ == "at"):
            return
        if travel_like and prep.lower_ in {"to", "at"}:
            return
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            ent = index.ent_of[pobj.i]
            if ent is not None and ent.label_ in PLACE_LABELS and prep.lower_ in {"at", "on"}:
                continue
            targets.extend(index.entity_spans(pobj))

    if token.pos_ == "VERB":
        for subj in _subject_tokens(token):
            actors.extend(index.entity_spans(subj))
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        if passive:
            for agent in _passive_agents(token):
                actors.extend(index.entity_spans(agent))
        for child in token.children:
            dep = child.dep_
            if dep in {"dobj", "dative", "nsubjpass"} or (dep == "pobj"):
                ent = index.ent_of[child.i]
                if travel_like and dep == "dobj" and ent is not None and (
                    ent.label_ in PLACE_LABELS
                ):
                    place = place or index.name_span(ent)
                    continue
                targets.extend(index.entity_spans(child))
            elif dep in {"prep", "prt", "advmod"}:
                add_place(child)
                add_targets_from_prep(child)
                # "showed X around the site": the place may hang off the particle's object.
        for child in token.children:
            if child.dep_ == "dobj":
                for grand in child.children:
                    if grand.dep_ == "prep":
                        add_place(grand)
                        if grand.lower_ in {"with", "from", "against"}:
                            add_targets_from_prep(grand)
                    elif grand.dep_ == "poss" and child.ent_type_ not in ACTOR_LABELS:
                        targets.extend(index.entity_spans(grand))
            elif child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"} and (
                etype in COMPLEMENT_TARGET_TYPES and child.i > token.i
            ):
                for grand in child.children:
                    subject = grand.dep_ in {"nsubj", "nsubjpass"} and child.dep_ == "ccomp"
                    if subject or (grand.dep_ == "dobj" and child.dep_ == "xcomp"):
                        targets.extend(index.entity_spans(grand))
        if token.dep_ == "conj" and token.head.pos_ == "VERB":
            date_roots.append(token.head)
        if token.dep_ == "xcomp":
            date_roots.append(token.head)
    else:
        for child in token.children:
            dep = child.dep_
            if dep == "poss":
                actors.extend(index.entity_spans(child))
            elif dep in {"compound", "nmod", "amod"} and not travel_like:
                ent = index.ent_of[child.i]
                if ent is None or ent.label_ not in ACTOR_LABELS:
                    continue
                spans = index.entity_spans(child)
                if ent.label_ == "GPE" and len(spans) == 1 and dep == "compound":
                    place = place or spans[0]  # "the Geneva talks": where, not who
                elif ent.text.lower().startswith("anti"):
                    targets.extend(spans)  # "anti-X protests"
                elif ent.label_ == "NORP" and len(spans) == 1:
                    continue  # "the Swiss summit": a host's nationality, not a participant
                else:
                    actors.extend(spans)
            elif dep == "prep":
                low = child.lower_
                if low in {"between", "by", "of", "among"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            ent = index.ent_of[pobj.i]
                            if low == "of" and etype in {"VISIT", "TRAVEL"} and ent is not None \
                                    and ent.label_ in PLACE_LABELS:
                                place = place or index.name_span(ent)
                                continue
                            if low == "of" and etype in OF_IS_TARGET:
                                targets.extend(index.entity_spans(pobj))
                                continue
                            actors.extend(index.entity_spans(pobj))
                else:
                    add_place(child)
                    add_targets_from_prep(child)
        verb = _governing_verb(token)
        if verb is not None:
            date_roots.append(verb)
            has_of = any(c.lower_ == "of" for c in token.children)
            if not actors and token.dep_ in {"dobj", "attr"} and (
                verb.lemma_.lower() in LIGHT_VERBS
            ) and (not travel_like or place is not None or has_of):
                for subj in _subject_tokens(verb):
                    actors.extend(index.entity_spans(subj))
                for child in verb.children:
                    if child.dep_ == "dative":
                        targets.extend(index.entity_spans(child))
                    elif child.dep_ == "prep":
                        add_place(child)
                        add_targets_from_prep(child)
    text = index.text
    sent = token.sent
    lo, hi = sent.start_char, sent.end_char

    def same_paragraph(span: tuple[int, int] | None) -> bool:
        """A span of the trigger's sentence must not reach across a line break (a sentence
        glued over a paragraph break by the parser); resolved antecedents may lie before."""
        if span is None:
            return False
        if not lo <= span[0] < hi:
            return True
        a, b = min(span[0], token.idx), max(span[1], token.idx)
        return "\n" not in text[a:b]

    actors = [a for a in actors if same_paragraph(a)]
    targets = [t for t in targets if same_paragraph(t)]
    if place is not None and not same_paragraph(place):
        place = None
    actor_spans = _dedupe(actors)
    if not actor_spans:
        return None
    if etype == "ASSAULT" and token.pos_ == "VERB" and token.lemma_.lower() == "attack" and all(
        index.ent_of[index.doc.char_span(a, b, alignment_mode="expand")[0].i].label_
        in {"PERSON", "ORG"} for a, b in actor_spans
    ):
        etype = "ACCUSE"  # a person or party "attacking" someone is verbal criticism
    target_spans = tuple(s for s in _dedupe(targets) if s not in actor_spans)
    if place in actor_spans or place in target_spans:
        place = None
    if etype == "CONSULT" and len(actor_spans) + len(target_spans) < 2:
        return None  # talks need two sides; "X discussed his career" is not a consultation
    if etype in {"VISIT", "TRAVEL"} and place is None and not target_spans:
        return None  # a trip to nowhere named: a concert "tour", a player's "arrival"
    date = precision = None
    for root in _temporal_roots(date_roots):
        found = _clause_date(index, root, anchor)
        if found is not None and found[1] is not None:
            _, date, precision = found
            break
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
    )


def extract_event_mentions(doc: Doc, published: datetime.date | None) -> list[EventMention]:
    """Event mentions of a parsed article, in text order (see the module docstring)."""
    index = _DocIndex(doc)
    sports_report = is_sports_report(doc)
    mentions: list[tuple[bool, EventMention]] = []
    for token in doc:
        if token.pos_ not in {"VERB", "NOUN", "PROPN"}:
            continue
        typed = _trigger_type(token)
        if typed is None or _not_an_event(token, typed[0], sports_report):
            continue
        mention = _mention_for(index, token, typed[0], typed[1], published)
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
})
SPORTS_DOCUMENT_WORDS = 2
SPORTS_SENSITIVE = frozenset({"meet", "face", "deny", "congratulate", "meeting", "refuse",
                              "reject", "back", "support", "attack", "threaten", "warn",
                              "fire", "shoot", "strike", "oppose", "withdraw", "call"})
SPORTS_SENSITIVE_TYPES = frozenset({"VISIT", "TRAVEL", "ASSAULT", "LAUNCH"})


def is_sports_report(doc: Doc) -> bool:
    """Whether an article reads as a sports report (see :data:`SPORTS_WORDS`)."""
    return len({t.lower_ for t in doc} & SPORTS_WORDS) >= SPORTS_DOCUMENT_WORDS


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


# --- merging --------------------------------------------------------------------------------

UNDATED_WINDOW_DAYS = 3
ATTACH_WINDOW_DAYS = 7
PRECISION_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}


@dataclass(frozen=True)
class ResolvedMention:
    key: str
    article_id: str
    event_type: str
    actors: tuple[str, ...]
    location: str | None
    date: datetime.date | None
    date_precision: str | None
    modality: str
    published: datetime.date | None = None  # the article's date, if known (optional addition)


def _period(date: datetime.date, precision: str | None) -> tuple[datetime.date, datetime.date]:
    if precision == "week":
        return date, date + datetime.timedelta(days=6)
    if precision == "month":
        nxt = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return date, nxt - datetime.timedelta(days=1)
    if precision == "year":
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    return date, date


class _Cluster:
    __slots__ = (
        "actors",
        "articles",
        "days",
        "negated",
        "periods",
        "places",
        "published",
        "types",
    )

    def __init__(self, m: ResolvedMention) -> None:
        self.articles = {m.article_id}
        self.days: set[datetime.date] = set()
        self.periods: set[tuple[datetime.date, datetime.date]] = set()
        if m.date is not None:
            if (m.date_precision or "day") == "day":
                self.days.add(m.date)
            else:
                self.periods.add(_period(m.date, m.date_precision))
        self.places = {m.location} if m.location else set()
        self.actors = set(m.actors)
        self.types = {m.event_type}
        self.published = {m.published} if m.published else set()
        self.negated = m.modality == "negated"

    def absorb(self, other: _Cluster) -> None:
        self.articles |= other.articles
        self.days |= other.days
        self.periods |= other.periods
        self.places |= other.places
        self.actors |= other.actors
        self.types |= other.types
        self.published |= other.published


def _dates_compatible(a: _Cluster, b: _Cluster) -> bool:
    days = a.days | b.days
    if len(days) > 1:
        return False
    periods = a.periods | b.periods
    if days:
        day = next(iter(days))
        return all(lo <= day <= hi for lo, hi in periods)
    # periods only: they must all overlap pairwise (nested calendar periods)
    lo = max((p[0] for p in periods), default=None)
    hi = min((p[1] for p in periods), default=None)
    return lo is None or lo <= hi


def _compatible(a: _Cluster, b: _Cluster, shared: int) -> bool:
    if a.types != b.types or a.negated != b.negated or not _dates_compatible(a, b):
        return False
    places = a.places | b.places
    if len(places) > 1:
        # Same day and two shared participants: a place named at two granularities
        # ("a site in <country>" vs "<site>") rather than two events.
        same_day = bool(a.days) and a.days == b.days
        undated = not (a.days or a.periods or b.days or b.periods)
        return (same_day or undated) and shared >= 2
    return True


def _is_dated(m: ResolvedMention) -> bool:
    return m.date is not None


def _near(published: set[datetime.date], dates: Iterable[datetime.date], window: int) -> bool:
    dates = list(dates)
    return any(abs((p - d).days) <= window for p in published for d in dates)


@dataclass
class MergeStats:
    """The work :func:`merge_events` did: blocking exists to keep ``pairs`` far below the
    n*(n-1)/2 pairs of comparing every mention with every other."""

    mentions: int = 0
    blocks: int = 0  # blocking keys shared by 2..max_block mentions (the blocks compared in)
    pairs: int = 0  # candidate pairs of mentions, or of an undated mention and a cluster
    unions: int = 0  # candidate pairs found compatible


def _blocked(items: list[str], keys: Callable[[str], Iterable[tuple]], max_block: int,
             stats: MergeStats) -> set[tuple[str, str]]:
    """``blocked_pairs``, its blocks and pairs counted in ``stats``."""
    sizes = Counter(key for item in items for key in set(keys(item)))
    stats.blocks += sum(1 for n in sizes.values() if 2 <= n <= max_block)
    pairs = blocked_pairs(items, keys, max_block=max_block)
    stats.pairs += len(pairs)
    return pairs


def merge_events(mentions: Sequence[ResolvedMention],  # noqa: C901
                 stats: MergeStats | None = None) -> dict[str, str]:
    """mention key -> event_id (see the module docstring for the rules); the work done is
    added to ``stats`` when given."""
    stats = stats if stats is not None else MergeStats()
    stats.mentions += len(mentions)
    ordered = sorted(mentions, key=lambda m: m.key)
    by_key = {m.key: m for m in ordered}
    clusters: dict[str, _Cluster] = {m.key: _Cluster(m) for m in ordered}
    uf = UnionFind(by_key)

    def try_union(a: str, b: str, shared: int) -> bool:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return True
        ca, cb = clusters[ra], clusters[rb]
        if not _compatible(ca, cb, shared):
            return False
        stats.unions += 1
        uf.union(ra, rb)
        root = uf.find(ra)
        merged, gone = (ca, cb) if root == ra else (cb, ca)
        merged.absorb(gone)
        clusters[root] = merged
        clusters.pop(rb if root == ra else ra, None)
        return True

    def shared_actors(a: ResolvedMention, b: ResolvedMention) -> int:
        """Shared participants; 0 unless they are enough: two, or all of a one-actor side
        ("X greeted Y" and "Z met Y" share only Y: two events)."""
        shared = len(set(a.actors) & set(b.actors))
        return shared if shared >= min(2, len(set(a.actors)), len(set(b.actors))) else 0

    # 1. Dated mentions: blocked by (type, actor, year); strongest pairs first.
    dated = [m.key for m in ordered if _is_dated(m)]

    def dated_keys(key: str) -> Iterable[tuple]:
        m = by_key[key]
        return ((m.event_type, actor, m.date.year) for actor in m.actors)

    pairs = []
    for a, b in _blocked(dated, dated_keys, 500, stats):
        ma, mb = by_key[a], by_key[b]
        shared = shared_actors(ma, mb)
        if shared == 0:
            continue
        rank = max(PRECISION_RANK.get(ma.date_precision or "day", 0),
                   PRECISION_RANK.get(mb.date_precision or "day", 0))
        pairs.append((rank, -shared, min(a, b), max(a, b)))
    pairs.sort()
    for _, neg_shared, a, b in pairs:
        try_union(a, b, -neg_shared)

    # 2. Undated mentions join the unique compatible dated cluster, from the same article or,
    #    with published dates, from a cluster whose day lies near the article's date.
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in dated:
        m = by_key[key]
        root = uf.find(key)
        for actor in m.actors:
            index[(m.event_type, actor)].add(root)
    undated = [m for m in ordered if not _is_dated(m)]
    leftovers: list[ResolvedMention] = []
    for m in undated:
        candidates: dict[str, int] = {}
        for actor in m.actors:
            roots = index.get((m.event_type, actor), ())
            if len(roots) > 200:
                continue
            for root in roots:
                root = uf.find(root)
                candidates[root] = candidates.get(root, 0) + 1
        need = min(2, len(set(m.actors)))
        candidates = {r: n for r, n in candidates.items() if n >= need}
        stats.pairs += len(candidates)
        own = clusters[m.key]
        ok = []
        for root, shared in sorted(candidates.items()):
            c = clusters[root]
            same_article = m.article_id in c.articles
            near = bool(m.published) and _near({m.published}, c.days | {p[0] for p in c.periods},
                                               ATTACH_WINDOW_DAYS)
            if (same_article or near) and _compatible(c, own, shared):
                ok.append((root, shared))
        top = max((shared for _, shared in ok), default=0)
        best = [root for root, shared in ok if shared == top]
        if len(best) == 1 and try_union(best[0], m.key, top):
            continue
        leftovers.append(m)

    # 3. Remaining undated mentions: within an article, or across articles published close.
    def undated_keys(key: str) -> Iterable[tuple]:
        m = by_key[key]
        for actor in m.actors:
            yield (m.event_type, actor, "article", m.article_id)
            if m.published is not None:
                yield (m.event_type, actor, "week", m.published.toordinal() // 7)
                yield (m.event_type, actor, "week", (m.published.toordinal() + 3) // 7)

    upairs = []
    for a, b in _blocked([m.key for m in leftovers], undated_keys, 300, stats):
        ma, mb = by_key[a], by_key[b]
        shared = shared_actors(ma, mb)
        if shared == 0:
            continue
        if ma.article_id != mb.article_id:
            if ma.published is None or mb.published is None:
                continue
            if abs((ma.published - mb.published).days) > UNDATED_WINDOW_DAYS:
                continue
        upairs.append((ma.article_id != mb.article_id, -shared, min(a, b), max(a, b)))
    upairs.sort()
    for _, neg_shared, a, b in upairs:
        try_union(a, b, -neg_shared)

    # 4. Stable ids from content.
    groups: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        groups[uf.find(key)].append(key)
    result: dict[str, str] = {}
    used: dict[str, str] = {}
    for members in sorted(groups.values(), key=lambda ks: min(ks)):
        event_id = _event_id([by_key[k] for k in members])
        if event_id in used:
            event_id = _event_id([by_key[k] for k in members], salt=min(members))
        used[event_id] = min(members)
        for key in members:
            result[key] = event_id
    return result


def _event_id(members: list[ResolvedMention], salt: str = "") -> str:
    types = Counter(m.event_type for m in members)
    etype = min(types, key=lambda t: (-types[t], t))
    dated = Counter((m.date, m.date_precision or "day") for m in members if m.date is not None)
    if dated:
        date, precision = min(
            dated, key=lambda dp: (PRECISION_RANK.get(dp[1], 0), -dated[dp], dp[0])
        )
        date_text = f"{date.isoformat()}/{precision}"
    else:
        date_text = ""
    actors = sorted({a for m in members for a in m.actors})
    places = Counter(m.location for m in members if m.location)
    place = min(places, key=lambda p: (-places[p], p)) if places else ""
    negated = "neg" if any(m.modality == "negated" for m in members) else ""
    payload = "|".join([etype, date_text, "\x1f".join(actors), place, negated, salt])
    return stable_id("ev", payload)


__all__ = [
    "EventMention",
    "MergeStats",
    "ResolvedMention",
    "extract_event_mentions",
    "merge_events",
]
