"""Coreference both stages share: one document index, the gender and number of names, and the
antecedent of a pronoun ("he said", "his plan", "she told reporters").

:class:`DocIndex` holds what quotations and events both ask of an article: tokens by offset,
name entities, sentences, the characters inside quotations, person spans (a name the recogniser
left untagged counts), the gender of a name (the honorific the article writes, its first name,
the first names of the surname's full mentions), titles ("the foreign minister"), the speaker
of a reporting verb, and the rules' antecedent (sentences read backwards through the paragraph
before, the speaker first, then a subject, then a person of the pronoun's own sentence).

Over that, a trained ranker: every person named before the pronoun (its paragraph and the
:data:`PARAGRAPHS` before it, outside quotations) is a candidate, grouped by surname so "Marta
Oyelaran ... Oyelaran" is one candidate, and a logistic regression scores them: gender agreement,
recency in mentions, sentences and paragraphs, subject role (of the main clause, or inside a
subordinate one: "Arden said that Quill had reported"; a name in apposition to a subject is
that subject), whether the person spoke the previous
quotation, whether the recogniser tags the name a person, how often the article names them,
number. The best candidate that fits the constraints of :func:`rank` is the antecedent.

The weights are data (``pipeline/data/antecedent_model.json``), fitted by
``scripts/train_antecedents.py`` on folds 0-3 of an annotated corpus (labels: the referent the
scorer derives from the annotation, ``pipeline/eval_quotes.py``); without the file the rules'
antecedent stands. Pure Python over a spaCy ``Doc``; no Dagster here.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Span, Token

from pipeline.doctext import doc_text, indexes_where
from pipeline.entities import GENDER_OF_WORD, LIKELY_SHARE, first_name_gender

# Reporting verbs and other verbs that introduce or govern quoted words (lemmas): their subject
# is a speaker, the likeliest antecedent of a "he" that follows.
_REPORTING = """
    say tell add continue reply respond answer write state explain note insist warn ask declare
    claim argue announce stress tweet post comment remark recall admit acknowledge suggest urge
    pledge promise vow predict express describe call quip joke conclude observe testify confirm
    deny report sign thank believe hope think emphasise emphasize reiterate assert concede
    complain boast caution maintain affirm mention shout scream whisper cry sigh chant blog
    inform agree demand lament reflect repeat counter retort exclaim proclaim disclose reveal
    indicate brand dub label welcome criticise criticize praise accuse threaten allege
    recount muse mutter plead recommend speak toast wonder estimate assure read cite yell
    interject dismiss charge email question press denounce
"""
REPORTING_VERBS = frozenset(_REPORTING.split())
# Capitalised subjects that are not people however the parser tags them; nor is a hyphenated
# word ("Oyelaran-era", "Varga-style": a name made a modifier).
_NOT_PERSON_WORDS = "washington congress police republicans democrats god"
_NOT_PERSONS = frozenset(_NOT_PERSON_WORDS.split())
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj"})
ANTECEDENT_MODEL = Path(__file__).parent / "data" / "antecedent_model.json"
PARAGRAPHS = 3  # paragraphs before the pronoun's own that hold candidates
DESCRIBED_PARAGRAPHS = 2  # paragraphs before a definite description searched for its noun
DESCRIBED_REACH = 60  # characters between that earlier noun and the name written beside it
_BREAKS_RE = re.compile(r"\n+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_GENDERED = {
    "m": frozenset({"he", "him", "his", "himself"}),
    "f": frozenset({"she", "her", "hers", "herself"}),
}
FEATURES = (
    "gender_agrees",
    "gender_clashes",
    "plural",
    "rule_pick",
    "same_sentence",
    "log_sentences",
    "para_0",
    "para_1",
    "para_2",
    "para_3",
    "log_rank",
    "nearest",
    "nearest_agreeing",
    "log_chars",
    "subject",
    "subject_latest",
    "reporting_subject",
    "reporting_subject_latest",
    "previous_speaker",
    "window_speaker",
    "log_mentions_article",
    "most_mentioned",
    "log_mentions_window",
    "in_headline",
    "possessive_latest",
    "prep_object_latest",
    "sentence_initial_latest",
    "first_mention_full",
    "rule_same_sentence",
    "object_same_sentence",
    "named_in_quote",
    "last_subject",
    "log_subject_rank",
    "last_agreeing_subject",
    "log_pronouns_since_subject",
    "main_subject_latest",
    "embedded_latest",
    "person_entity",
)
# Computed for the constraints of :func:`rank`, not model inputs (as inputs they did not pay).
CONSTRAINT_FEATURES = (
    "reported_speaker", "latest_reported_speaker", "reported_just_before", "inside_report")


@dataclass
class Antecedent:
    """One candidate referent: a surname key, its latest mention before the pronoun, features."""

    key: str
    start: int
    end: int
    mentions: list[Span] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)


def name_key(text: str) -> str:
    """The surname key of a mention: its last word (not Jr., Sr., III), accents stripped,
    folded, no possessive."""
    words = [w for w in text.replace("’", "'").split() if w.strip(".,").lower() not in _SUFFIXES]
    word = words[-1] if words else ""
    word = word[:-2] if word.endswith("'s") else word
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).casefold().strip(".,'")


@lru_cache(maxsize=1)
def antecedent_model() -> dict | None:
    """The shipped ranker, or None when there is none (or it was fitted on other features)."""
    if not ANTECEDENT_MODEL.exists():
        return None
    model = json.loads(ANTECEDENT_MODEL.read_text(encoding="utf-8"))
    return model if tuple(model.get("features", ())) == FEATURES else None


def probability(model: dict, x: Sequence[float]) -> float:
    z = model["bias"] + sum(
        (v - m) / sc * w
        for v, m, sc, w in zip(x, model["mean"], model["scale"], model["weights"], strict=True)
    )
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pronoun_gender(word: str) -> str | None:
    """ "m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    low = word.lower()
    return next((g for g, words in _GENDERED.items() if low in words), None)


def is_cue_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX")


def paragraph_floor(text: str, pos: int, paragraphs: int) -> int:
    """Start of the paragraph ``paragraphs`` before the one holding ``pos``."""
    cut = pos
    for _ in range(paragraphs + 1):
        cut = text.rfind("\n", 0, cut)
        if cut < 0:
            return 0
        while cut > 0 and text[cut - 1] == "\n":
            cut -= 1
    return cut + 1


# Abbreviated titles and the nouns a later definite description uses for the person so titled
# ("Sen. Tom Arden ... the senator said"): (abbreviation, nouns, a text where the description is
# that person, a text where it is not: the noun is another title).
TITLE_ROWS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("sen", ("senator",), "Sen. Tom Arden toured Port Velden.",
     "Gov. Tom Arden toured Port Velden."),
    ("sens", ("senator",), "Sens. Tom Arden toured Port Velden.",
     "Reps. Tom Arden toured Port Velden."),
    ("rep", ("representative", "congressman", "congresswoman", "lawmaker"),
     "Rep. Tom Arden toured Port Velden.", "Sen. Tom Arden toured Port Velden."),
    ("gov", ("governor",), "Gov. Tom Arden toured Port Velden.",
     "Sen. Tom Arden toured Port Velden."),
    ("gen", ("general",), "Gen. Tom Arden toured Port Velden.",
     "Col. Tom Arden toured Port Velden."),
    ("lt", ("lieutenant",), "Lt. Tom Arden toured Port Velden.",
     "Sgt. Tom Arden toured Port Velden."),
    ("sgt", ("sergeant",), "Sgt. Tom Arden toured Port Velden.",
     "Lt. Tom Arden toured Port Velden."),
    ("col", ("colonel",), "Col. Tom Arden toured Port Velden.",
     "Gen. Tom Arden toured Port Velden."),
    ("capt", ("captain",), "Capt. Tom Arden toured Port Velden.",
     "Col. Tom Arden toured Port Velden."),
    ("adm", ("admiral",), "Adm. Tom Arden toured Port Velden.",
     "Gen. Tom Arden toured Port Velden."),
    ("prof", ("professor",), "Prof. Tom Arden toured Port Velden.",
     "Dr. Tom Arden toured Port Velden."),
    ("dr", ("doctor",), "Dr. Tom Arden toured Port Velden.",
     "Prof. Tom Arden toured Port Velden."),
    ("rev", ("reverend", "pastor", "minister"), "Rev. Tom Arden toured Port Velden.",
     "Sen. Tom Arden toured Port Velden."),
)
TITLE_NOUNS: dict[str, tuple[str, ...]] = {abbr: nouns for abbr, nouns, _yes, _no in TITLE_ROWS}
# Role nouns: a definite description by one ("the senator", "the Republican nominee") that no
# earlier title or use of the noun explains is the person the text is about, as a pronoun
# would be (:meth:`DocIndex.antecedent`): "Tom Arden toured Port Velden. "...," the candidate
# said" is Arden; after "A candidate toured the harbour." it is nobody named. Tests run the
# two texts of :data:`ROLE_EXAMPLE` / :data:`ROLE_COUNTER` for every noun.
_ROLES = """
    senator governor president candidate nominee congressman congresswoman lawmaker mayor
    secretary chairman chairwoman spokesman spokeswoman spokesperson leader businessman
    businesswoman billionaire mogul actor actress host pollster strategist ambassador
    minister prosecutor sheriff frontrunner front-runner speaker premier chancellor
    judge moderator tycoon neurosurgeon aide organizer investor developer
"""
ROLE_NOUNS = frozenset(_ROLES.split())
_AGE_RE = re.compile(r"\d+-year-old")
ROLE_EXAMPLE = 'Tom Arden toured Port Velden on Monday.\n\n"We will win," the {noun} said.'
ROLE_COUNTER = 'A {noun} toured the harbour on Monday.\n\n"We will win," the {noun} said.'
# Nouns for a named body: "the company" after "Venter Corp raised prices" is Venter Corp, the
# organisation the text last named (besides any noun that ends an organisation's own name,
# "the council" after "the Port Velden City Council"). Tests run :data:`BODY_EXAMPLE` /
# :data:`BODY_COUNTER` (a body no name stands for) for every noun.
_BODIES = """
    company firm group organization organisation network newspaper paper agency corporation
    publication outlet
"""
BODY_NOUNS = frozenset(_BODIES.split())
# Nouns for what a person or body owns and speaks through: "Dana Roe's campaign said" is Roe
# speaking, "her spokesman said" is not (tests: :data:`OWNED_EXAMPLE`, :data:`OWNED_COUNTER`).
_OWNED = "campaign office team camp staff account website"
OWNED_NOUNS = frozenset(_OWNED.split())
OWNED_EXAMPLE = 'Dana Roe toured Port Velden.\n\n"We will win," {owner} {noun} said.'
OWNED_COUNTER = 'Dana Roe toured Port Velden.\n\n"We will win," {owner} spokesman said.'
BODY_EXAMPLE = ('Venter Corp opened a plant in Port Velden on Monday.\n\n'
                '"We will grow," the {noun} said.')
BODY_COUNTER = ('A {noun} opened a plant on Monday.\n\n'
                '"We will grow," the {noun} said.')
# Document nouns: a statement, a letter or an email speaks for whoever issued it, and "the
# statement said" is that person or body, as the syntax beside the noun or beside its earlier
# use names them (:meth:`DocIndex.issuer`: a possessor, "from X" or "by X", a compound name,
# the subject of an issuing verb, "X said in a statement"); a use that names someone in another
# role (a recipient, an outlet that obtained it, what it is about) names no issuer. Rows:
# (noun, a text naming its issuer, a counter-example naming someone who is not); the tests
# append :data:`DOCUMENT_QUOTE` to both.
DOCUMENT_ROWS: tuple[tuple[str, str, str], ...] = (
    ("statement", "Venter Corp issued a statement on Monday.",
     "The Port Velden Herald obtained a statement on Monday."),
    ("email", "Mara Quill wrote in an email to her staff on Monday.",
     "Mara Quill received an email from her staff on Monday."),
    ("letter", "A letter from Tom Arden's office reached the council on Monday.",
     "A letter to Tom Arden's office reached the council on Monday."),
    ("memo", "Mara Quill's memo reached the council on Monday.",
     "A memo about Mara Quill reached the council on Monday."),
    ("release", "Venter Corp put out a release on Monday.",
     "Venter Corp was named in a release on Monday."),
    ("report", "A report by Venter Corp came out on Monday.",
     "A report on Venter Corp came out on Monday."),
    ("message", "In a message on Monday, Mara Quill thanked her staff.",
     "Mara Quill was thanked in a message on Monday."),
    ("editorial", "The Port Velden Herald published an editorial on Monday.",
     "Tom Arden criticised an editorial on Monday."),
    ("column", "Dana Roe wrote a column on Monday.",
     "Dana Roe was quoted in a column on Monday."),
    ("lawsuit", "Venter Corp filed a lawsuit on Monday.",
     "Venter Corp lost a lawsuit on Monday."),
    ("complaint", "Tom Arden filed a complaint on Monday.",
     "Tom Arden answered a complaint on Monday."),
    ("tweet", "Dana Roe posted a tweet on Monday.",
     "Dana Roe deleted a tweet on Monday."),
)
DOCUMENT_NOUNS = frozenset(noun for noun, _yes, _no in DOCUMENT_ROWS)
DOCUMENT_QUOTE = '\n\n"We will grow," the {noun} said.'
# Verbs whose subject issues the document that is their object ("Venter Corp issued a
# statement"), their agent in the passive ("a statement released by Venter Corp"), or, with
# a preposition, its object ("a statement attributed to Tom Arden"). Rows: (lemma, particle
# the verb needs or "", preposition naming the issuer or "", a text where the verb names the
# issuer, a counter-example where it does not: a recipient, another preposition, no particle).
ISSUING_ROWS: tuple[tuple[str, str, str, str, str], ...] = (
    ("issue", "", "", "Venter Corp issued a statement on Monday.",
     "Venter Corp was issued a statement on Monday."),
    ("release", "", "", "A statement released by Venter Corp reached the council.",
     "A statement released to Venter Corp reached the council."),
    ("send", "", "", "Mara Quill sent a letter to the council.",
     "Mara Quill was sent a letter on Monday."),
    ("write", "", "", "Mara Quill wrote a letter to the council.",
     "Mara Quill wrote about a letter to the council."),
    ("publish", "", "", "Venter Corp published a statement on Monday.",
     "A statement published about Venter Corp reached the council."),
    ("put", "out", "", "Venter Corp put out a statement on Monday.",
     "Venter Corp put a statement to the council on Monday."),
    ("provide", "", "", "Tom Arden provided a statement on Monday.",
     "Tom Arden was provided a statement on Monday."),
    ("post", "", "", "Dana Roe posted a statement on Monday.",
     "Dana Roe was posted a statement on Monday."),
    ("sign", "", "", "Dana Roe signed a letter on Monday.",
     "A letter signed for Dana Roe reached the council."),
    ("draft", "", "", "Tom Arden drafted a statement on Monday.",
     "A statement drafted for Tom Arden reached the council."),
    ("file", "", "", "Venter Corp filed a complaint on Monday.",
     "A complaint filed against Venter Corp reached the council."),
    ("attribute", "", "to", "A statement attributed to Tom Arden reached the council.",
     "A statement attributed by Tom Arden to the council reached Port Velden."),
)
ISSUING_VERBS: dict[str, tuple[str, str]] = {
    lemma: (particle, prep) for lemma, particle, prep, _yes, _no in ISSUING_ROWS}


class DocIndex:
    """Per-document look-ups both stages share: token by offset, name entity by token, sentences,
    quoted characters, the gender of names, person spans, titles, the rules' antecedent."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = ()) -> None:
        """``quoted``: the character ranges [start, end) of the article's quotations, marks
        included (names inside them are seldom antecedents)."""
        self.doc = doc
        self.text = doc_text(doc)
        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.ents = list(doc.ents)  # in order of start, as spaCy keeps them; made once
        self.ent_starts = [ent.start for ent in self.ents]
        self.name_of: dict[int, Span] = {}
        for ent in self.ents:
            if ent.label_ in NAME_LABELS:
                for i in range(ent.start, ent.end):
                    self.name_of[i] = ent
        self.sents = [(s.start_char, s.end_char, s) for s in doc.sents]
        self.sent_starts = [s[0] for s in self.sents]
        marks = bytearray(len(self.text))
        for a, b in quoted:
            marks[a:b] = b"\x01" * (b - a)
        self.quoted = bytes(marks)
        self._titles: list[tuple[Span, frozenset[str]]] | None = None
        self._genders: dict[str, str] | None = None
        self._titled: dict[str, str] = {}  # the genders honorifics give (see genders())
        self._person_words: frozenset[str] | None = None
        self._lower_words: frozenset[str] | None = None
        self._key_genders: dict[str, str] | None = None
        self._key_counts: Counter[str] | None = None

    def tokens(self, a: int, b: int) -> list[Token]:
        """Tokens starting inside [a, b)."""
        i = bisect_right(self.tok_starts, a - 1)
        j = bisect_right(self.tok_starts, b - 1)
        return [self.doc[k] for k in range(i, j)]

    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def in_quote(self, pos: int) -> bool:
        return 0 <= pos < len(self.quoted) and self.quoted[pos] == 1

    def name_ent(self, tok: Token) -> Span | None:
        return self.name_of.get(tok.i)

    def ents_within(self, span: Span) -> list[Span]:
        """``span.ents`` (the entities wholly inside it) found by bisection: spaCy's walks every
        entity of the doc from its start, and asked once per sentence or quotation that cost
        grows with the square of a long article's length."""
        found = []
        for k in range(bisect_left(self.ent_starts, span.start), len(self.ents)):
            if self.ents[k].end > span.end:
                break  # as spaCy's: the first entity running past the span ends the walk
            found.append(self.ents[k])
        return found

    # -- subject of a reporting verb ----------------------------------------------------------

    def subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                if not self.in_quote(child.idx):
                    return child
                # "''They were pros,'' Jane Doe, his aide, said": the parse took the quoted
                # words' subject; the speaker is the name outside them.
                ent = self._first_name_after_quote(verb)
                return ent.root if ent is not None else None
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
                return self.subject(head)  # "X said ... and added"
            # "..., Jane Doe, professor of X, told AFP": a subject the parser made a conjunct.
            ent = self._entity_before(verb)
            if ent is not None:
                return ent.root
            return self.subject(head)
        if verb.dep_ in ("advcl", "xcomp", "ccomp", "conj") and verb.tag_ == "VBG":
            # "..., adding ...": the subject of the reporting verb the participle hangs from.
            for anc in verb.ancestors:
                if is_cue_verb(anc):
                    return self.subject(anc)
            return self.subject(verb.head)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        if verb.dep_ == "acl" and verb.head.head.pos_ == "VERB" and verb.head.dep_ == "dobj":
            return self.subject(verb.head.head)  # "X issued a statement saying ..."
        return self._name_after(verb)

    def _name_after(self, verb: Token) -> Token | None:
        """ "said Jane Doe" parsed without a subject: the name right after the verb, a finite one
        or a passive's agent ("asked by host Jane Doe"); after an infinitive the name is its
        object, not who speaks ("asked her to call Jane Doe")."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ == "agent" for c in verb.children):
            return None
        for tok in verb.doc[verb.i + 1 : verb.i + 4]:
            if tok.dep_ == "mark":
                break  # "saying that Jane Doe was ...": the name is the clause's subject
            ent = self.name_ent(tok)
            if ent is not None and ent.label_ == "PERSON":
                return ent.root
        return None

    def _first_name_after_quote(self, verb: Token) -> Span | None:
        """The first person or organisation named between the last quotation before ``verb``
        and the verb ("''...,'' Jane Doe, Harlow's aide, said": Jane Doe)."""
        sent = verb.sent
        after = max((t.idx for t in sent if t.i < verb.i and self.in_quote(t.idx)), default=-1)
        return next(
            (
                e
                for e in self.ents_within(sent)
                if after < e.start_char and e.end <= verb.i and e.label_ in ("PERSON", "ORG")
            ),
            None,
        )

    def _entity_before(self, verb: Token) -> Span | None:
        sent = verb.sent
        best: dict[str, Span] = {}
        for ent in self.ents_within(sent):
            quoted = self.in_quote(ent.start_char)
            if ent.end <= verb.i and ent.label_ in ("PERSON", "ORG") and not quoted:
                best[ent.label_] = ent
        return best.get("PERSON") or best.get("ORG")

    def antecedent(
        self, pos: int, gender: str | None = None, bound: frozenset[str] = frozenset()
    ) -> tuple[int, int] | None:
        """The person a pronoun at ``pos`` most likely refers to.

        Sentences are read backwards from the pronoun's own, through the previous paragraph. In
        each, the speaker of a reporting verb wins, then a person who is a subject, then the last
        person named. Names inside quotations do not count, nor names the article writes after
        an honorific of the other gender (Mr. for "she", Mrs. or Ms. for "he"), nor the surname
        keys ``bound`` (an object pronoun's own clause subject: "Halvorsen punched him").
        """
        si = self.sent_index(pos)
        para_floor = paragraph_floor(self.text, pos, 1)

        def fits(span: tuple[int, int]) -> bool:
            if bound and name_key(self.text[span[0] : span[1]]) in bound:
                return False
            known = self.name_gender(span)
            return gender is None or not known or known == gender

        mentioned: list[tuple[int, int]] = []
        for k in range(si, -1, -1):
            a, _b, sent = self.sents[k]
            if a < para_floor and k != si:
                break
            speakers, subjects, mentions = self._people_in(sent, pos)
            # A person merely named counts in the pronoun's own sentence ("asked Halvorsen whether
            # he ..."); from earlier sentences only when no speaker or subject fits ("... to
            # elect Anna Kowalczyk" is no antecedent when "Brennan" was the subject before it).
            own = mentions if k == si else []
            for group in (speakers, subjects, own):
                group = [g for g in group if fits(g)]
                if group:
                    return max(group)
            if not mentioned:
                mentioned = [m for m in mentions if fits(m)]
        return max(mentioned) if mentioned else None

    def _people_in(self, sent: Span, pos: int) -> list[list[tuple[int, int]]]:
        """People named in ``sent`` before ``pos``, outside quotations, best group first: the
        speakers of reporting verbs, people who are subjects, every person named."""
        speakers: list[tuple[int, int]] = []
        subjects: list[tuple[int, int]] = []
        mentions: list[tuple[int, int]] = []
        for ent in self.ents_within(sent):
            if ent.label_ != "PERSON" or ent.start_char >= pos or self.in_quote(ent.start_char):
                continue
            mentions.append((ent.start_char, ent.end_char))
            if ent.root.dep_ in SUBJECT_DEPS:
                subjects.append((ent.start_char, ent.end_char))
        for tok in sent:
            if tok.idx >= pos:
                break
            if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB":
                subj = self.subject(tok)
                found = (
                    self.person_span(subj)
                    if subj is not None and subj.idx < pos and not self.in_quote(subj.idx)
                    else None
                )
                if found is not None:
                    speakers.append(found)
            elif tok.dep_ in SUBJECT_DEPS and tok.ent_type_ == "" and not self.in_quote(tok.idx):
                found = self.person_span(tok)
                if found is not None:
                    subjects.append(found)
        return [speakers, subjects, mentions]

    def person_words(self) -> frozenset[str]:
        """Capitalised words of the article's PERSON entities ("David Okafor": David, Okafor)."""
        if self._person_words is None:
            self._person_words = frozenset(
                t.text for ent in self.ents if ent.label_ == "PERSON" for t in ent if t.is_title
            )
        return self._person_words

    def genders(self) -> dict[str, str]:
        """Last names the article writes after Mr. (m) or Mrs., Ms., Miss (f); never both."""
        if self._genders is None:
            seen: dict[str, set[str]] = {}
            doc = self.doc
            for i in indexes_where(doc, LOWER, lambda low: low.rstrip(".") in _HONORIFICS):
                tok = doc[i]
                g = _HONORIFICS[tok.lower_.rstrip(".")]
                k = tok.i + 1
                if k < len(doc) and doc[k].text == ".":
                    k += 1
                while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].is_title:
                    k += 1
                if k < len(doc) and doc[k].is_title:
                    seen.setdefault(doc[k].lower_, set()).add(g)
            # A surname the article never writes after a title takes the gender the first
            # names of its full mentions agree on ("Peter Thwaite ... Thwaite"); "Paul
            # Harlow" beside "Maria Harlow" leaves "Harlow" unknown.
            by_first: dict[str, set[str]] = {}
            for ent in self.ents:
                g = first_name_gender(ent.text, LIKELY_SHARE) if _personal_name(ent) else ""
                if g and ent[-1].lower_ not in seen:
                    by_first.setdefault(ent[-1].lower_, set()).add(g)
            self._titled = {w: next(iter(g)) for w, g in seen.items() if len(g) == 1}
            seen.update(by_first)
            self._genders = {w: next(iter(g)) for w, g in seen.items() if len(g) == 1}
        return self._genders

    def name_gender(self, span: tuple[int, int]) -> str | None:
        """ "m" / "f" for the person named at ``span``: the honorific the article writes before
        its last word, else its first name, else the first names of the surname's full mentions
        (:meth:`genders`); None when nothing tells."""
        name = self.text[span[0] : span[1]]
        words = name.split()
        if not words:
            return None
        last = words[-1].lower()
        by_first = self.genders().get(last)  # fills self._titled too
        return self._titled.get(last) or first_name_gender(name, LIKELY_SHARE) or by_first

    def person_span(self, tok: Token) -> tuple[int, int] | None:
        """The span of the person ``tok`` names: a PERSON entity, or a capitalised proper noun
        the recogniser left untagged or took for an organisation ("Bozell notes", "Humphrey
        said"), a single word or a name with its compounds."""
        ent = self.name_ent(tok)
        if ent is not None and ent.label_ == "PERSON":
            return ent.start_char, ent.end_char
        if not _capitalised(tok) or tok.lower_ in _NOT_PERSONS or "-" in tok.text:
            return None
        if tok.pos_ != "PROPN" and not (tok.text in self.person_words() or self.unknown_name(tok)):
            return None
        if ent is not None and (ent.label_ != "ORG" or len(ent) > 2) and not self._mistagged(tok):
            return None
        left = min([c.i for c in tok.children if c.dep_ in ("compound", "flat")
                    and not _group_word(c)] + [tok.i])
        if ent is None and tok.i - left >= 2 and not first_name_gender(
                self.doc[left : tok.i + 1].text, LIKELY_SHARE):
            return None  # "Right Wing Watch first reported": three words, no first name, untagged
        return self.doc[left].idx, tok.idx + len(tok.text)

    def _mistagged(self, tok: Token) -> bool:
        """A one-word place or organisation that speaks ("Nefzi said", tagged GPE) and that the
        article also writes untagged or as a person: the recogniser's tags disagree, so a
        name (a country the article always tags a place, "Russia said", is not)."""
        ent = self.name_ent(tok)
        if ent is None or len(ent) != 1 or tok.dep_ not in SUBJECT_DEPS:
            return False
        if not is_cue_verb(tok.head):
            return False
        return any(t.text == tok.text and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON")
                   for t in self.doc)

    def unknown_name(self, tok: Token) -> bool:
        """A capitalised singular noun inside its sentence whose lower-case form the article
        never writes ("Mara D’Quill replied" tagged a common noun, untagged by the recogniser):
        a name the tagger did not know, not a common noun (which the article would write in
        lower case somewhere, or only capitalises to open a sentence)."""
        if not tok.is_title or tok.is_stop or tok.i == tok.sent.start or tok.tag_ != "NN":
            return False
        if self._lower_words is None:
            self._lower_words = frozenset(t.lower_ for t in self.doc if t.is_lower)
        return tok.lower_ not in self._lower_words

    def titled_person(self, noun: Token) -> tuple[int, int] | None:
        """The person introduced earlier with the title ``noun`` ("the Russian president") who
        was named last: of two senators introduced ("Sen. Tom Arden", "Sen. Dana Roe"), "the
        senator" after "Arden toured the port" is Arden, whoever was introduced later."""
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        head = noun.lemma_.lower()
        best = None
        keys: set[str] = set()
        for ent, words in self.titles():
            if ent.start_char >= noun.idx:
                break
            if head in words and mods <= words:
                best = ent
                keys.add(name_key(ent.text))
        if best is None:
            return None
        for ent in self.ents[bisect_left(self.ent_starts, best.start + 1):]:
            if ent.start_char >= noun.idx:
                break
            if (ent.label_ == "PERSON" and not self.in_quote(ent.start_char)
                    and name_key(ent.text) in keys):
                best = ent
        return best.start_char, best.end_char

    def described(self, noun: Token, paragraphs: int = DESCRIBED_PARAGRAPHS,
                  reach: int = DESCRIBED_REACH) -> tuple[int, int] | None:
        """The name a definite description repeats the head noun of: "a report by Venter Corp
        ... the report said" is Venter Corp's, "Mara Quill said in a statement ... the
        statement added" Quill's. The nearest earlier use of the noun (its lemma, outside
        quotations, in its paragraph and the ``paragraphs`` before) stands for whom it was
        written beside: the nearest person or organisation named within ``reach`` characters
        of it in its sentence, a speaker of a reporting verb first. None when that use names
        nobody (the noun is then only a common word)."""
        return self._earlier_use(noun, paragraphs, reach)[1] if noun.pos_ == "NOUN" else None

    def _earlier_use(self, noun: Token, paragraphs: int, reach: int
                     ) -> tuple[bool, tuple[int, int] | None]:
        """(whether the noun was used before, the name written beside that use) for
        :meth:`described`."""
        lemma = noun.lemma_.lower()
        lo = paragraph_floor(self.text, noun.idx, paragraphs)
        for tok in reversed(self.tokens(lo, noun.idx)):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or self.in_quote(tok.idx):
                continue
            near = [
                e
                for e in self.ents_within(tok.sent)
                if e.label_ in ("PERSON", "ORG")
                and not self.in_quote(e.start_char)
                and not (e.start <= tok.i < e.end)
                and min(abs(e.end_char - tok.idx), abs(e.start_char - tok.idx)) <= reach
            ]
            if not near:
                return True, None
            speaking = [e for e in near if e.root.dep_ in SUBJECT_DEPS and is_cue_verb(e.root.head)]
            best = min(speaking or near, key=lambda e: min(abs(e.end_char - tok.idx),
                                                            abs(e.start_char - tok.idx)))
            return True, (best.start_char, best.end_char)
        return False, None

    def nominal_referent(self, noun: Token) -> tuple[int, int] | None:
        """The person or body a definite description stands for: one introduced with its title
        (:meth:`titled_person`), else the name beside the noun's earlier use
        (:meth:`described`); a noun used before without a name beside it names nobody. A noun
        new to the text: an organisation's name it ends or the body last named
        (:data:`BODY_NOUNS`), a role's (:data:`ROLE_NOUNS`) person the rules' antecedent."""
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in DOCUMENT_NOUNS:
            return self.issuer(noun)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owned = noun.lemma_.lower() in OWNED_NOUNS
        if owner is not None:
            return self._owner(owner) if owned else None
        named = [c for c in noun.children if c.dep_ == "compound" and _capitalised(c)]
        if owned and named:
            return self._owner(named[-1])  # "the Roe campaign" (Roe tagged no person)
        found = self.titled_person(noun)
        if found is not None or not (noun.pos_ == "NOUN" or noun.is_lower):
            return found  # a lower-case word tagged a proper noun is still a noun
        if any(c.dep_ == "appos" for c in noun.children):
            return None  # "the minister, Ana Royal,": the name is written beside it
        used, found = self._earlier_use(noun, DESCRIBED_PARAGRAPHS, DESCRIBED_REACH)
        if used:
            return found
        lemma = noun.lemma_.lower()
        body = self._named_body(noun, lemma in BODY_NOUNS)
        if body is not None or noun.tag_ == "NNS" or not _role_word(noun):
            return body
        return self.role_antecedent(noun, GENDER_OF_WORD.get(lemma))

    def issuer(self, noun: Token) -> tuple[int, int] | None:
        """Who issued the document a document noun (:data:`DOCUMENT_NOUNS`) stands for: named
        in its own phrase ("the statement released by Venter Corp"), else beside the nearest
        earlier use of the noun in its paragraph and the :data:`DESCRIBED_PARAGRAPHS` before
        ("Venter Corp issued a statement ... the statement said"). None when that use names
        no issuer: the outlet that obtained a document does not speak through it."""
        found = self._issued_by(noun)
        if found is not None:
            return found
        lemma = noun.lemma_.lower()
        lo = paragraph_floor(self.text, noun.idx, DESCRIBED_PARAGRAPHS)
        first = noun
        for tok in reversed(self.tokens(lo, noun.idx)):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or self.in_quote(tok.idx):
                continue
            phrase = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
            found = self._issued_by(tok) or self._issuing_clause(phrase)
            if found is not None or not _definite(tok):
                return found
            first = tok  # "the statement" again: the document was brought in before
        return self._last_speaker(first)

    def _last_speaker(self, noun: Token) -> tuple[int, int] | None:
        """The speaker of the last reporting verb before ``noun`` (its paragraph and the one
        before, outside quotations): a document new to the text is what they issued ("Venter
        Corp responded on Tuesday. "...," the statement said")."""
        lo = paragraph_floor(self.text, noun.idx, 1)
        for tok in reversed(self.tokens(lo, noun.idx)):
            if is_cue_verb(tok) and not self.in_quote(tok.idx):
                subj = self.subject(tok)
                if subj is not None and not self.in_quote(subj.idx):
                    return self._issuer_named(subj)
        return None

    def _issued_by(self, noun: Token) -> tuple[int, int] | None:
        """The issuer a document noun's own phrase names: a possessor ("Dana Roe's memo"), "from
        X" or "by X" ("a letter from Tom Arden's office"), a compound name ("a Venter Corp
        statement"), the agent of an issuing verb that describes it ("a statement released by
        Venter Corp", "attributed to Tom Arden")."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.i == noun.i - 1):
                found = self._issuer_named(child)
                if found is not None:
                    return found
            elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
                found = self._object_named(child)
                if found is not None:
                    return found
            elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in ISSUING_VERBS:
                found = self._passive_issuer(child)
                if found is not None:
                    return found
        return None

    def _issuing_clause(self, noun: Token) -> tuple[int, int] | None:
        """The issuer the clause around a document noun names: the subject of an issuing verb
        whose object it is ("Venter Corp issued a statement"), its agent in the passive ("a
        statement was released by Venter Corp"), the subject of a verb it is written "in"
        ("Mara Quill said in a statement", "In a statement, Mara Quill thanked ...")."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                return None  # "Venter Corp was named in a release"
            subj = self._active_subject(verb)
            return self._issuer_named(subj) if subj is not None else None
        if head.lemma_.lower() not in ISSUING_VERBS or head.pos_ not in ("VERB", "AUX"):
            return None
        if noun.dep_ in ("nsubjpass", "dobj") and any(
                c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
            return self._passive_issuer(head) if noun.dep_ == "nsubjpass" else None
        particle, _prep = ISSUING_VERBS[head.lemma_.lower()]
        if noun.dep_ != "dobj" or (particle and not any(
                c.dep_ == "prt" and c.lower_ == particle for c in head.children)):
            return None
        subj = self._active_subject(head)
        return self._issuer_named(subj) if subj is not None else None

    def _passive_issuer(self, verb: Token) -> tuple[int, int] | None:
        """The issuer a passive issuing verb names: its "by" agent, or the object of its own
        preposition (:data:`ISSUING_VERBS`: "attributed to Tom Arden"), or "from X" ("an email
        sent from Mara Quill's office")."""
        _particle, prep = ISSUING_VERBS[verb.lemma_.lower()]
        for child in verb.children:
            if (child.dep_ == "agent" and not prep) or (
                    child.dep_ == "prep" and child.lower_ in (prep or "by", "from")):
                found = self._object_named(child)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _active_subject(verb: Token) -> Token | None:
        """The subject of an active verb, or of the verb it hangs from when it has none ("Tom
        Arden worked to draft a statement", "... and released a statement")."""
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None or verb.dep_ not in ("xcomp", "conj", "advcl"):
                return subj
            verb = verb.head
        return None

    def _object_named(self, prep: Token) -> tuple[int, int] | None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return self._issuer_named(obj) if obj is not None else None

    def _issuer_named(self, tok: Token) -> tuple[int, int] | None:
        """The person or body a word that issues a document stands for: a name, a pronoun's
        antecedent, the name in apposition ("the club's director, Mara Quill"), or what a
        description stands for ("the company", "his campaign", "the Roe campaign")."""
        found = self._owner(tok)
        if found is not None:
            return found
        for child in tok.children:
            ent = self.name_ent(child) if child.dep_ == "appos" else None
            if ent is not None and ent.label_ in ("PERSON", "ORG"):
                return ent.start_char, ent.end_char
        described = tok.pos_ == "NOUN" and tok.lemma_.lower() not in DOCUMENT_NOUNS and any(
            c.dep_ in ("det", "poss") or (c.dep_ == "compound" and _capitalised(c))
            for c in tok.children)
        return self.nominal_referent(tok) if described else None

    def role_antecedent(self, noun: Token, gender: str | None) -> tuple[int, int] | None:
        """The person a role noun new to the text stands for, ranked as a pronoun's antecedent
        (:func:`candidates`, :func:`rank`) when the ranker is shipped, else the rules'."""
        rule = self.antecedent(noun.idx, gender)
        model = antecedent_model()
        if model is None:
            return rule
        best, _p = rank(model, candidates(self, noun.idx, gender, rule, (), titles=False))
        return (best.start, best.end) if best is not None else rule

    def _owner(self, owner: Token) -> tuple[int, int] | None:
        """The person or body a possessive names: "Dana Roe's campaign" is Roe's, "his office"
        that of the pronoun's antecedent."""
        gender = pronoun_gender(owner.lower_)
        if gender is not None:
            return self.antecedent(owner.idx, gender)
        ent = self.name_ent(owner)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return ent.start_char, owner.idx + len(owner.text)  # not the "'s"
        return self.person_span(owner)

    def _named_body(self, noun: Token, any_body: bool) -> tuple[int, int] | None:
        """The last organisation named before ``noun`` (its paragraph and the one before,
        outside quotations) whose name ends in the noun ("the Port Velden City Council" for
        "the council"), or any when ``any_body``."""
        lo = paragraph_floor(self.text, noun.idx, 1)
        lemma = noun.lemma_.lower()
        people = article_counts(self)
        kinds = {c.lower_ for c in noun.children if c.dep_ == "compound"}
        found = []
        for ent in reversed(self.ents[: bisect_left(self.ent_starts, noun.i)]):
            if ent.end_char <= lo:
                break
            if (ent.label_ != "ORG" or self.in_quote(ent.start_char) or ent.end > noun.i
                    or name_key(ent.text) in people):
                continue  # a surname tagged ORG ("Oyelaran called ...") is no body
            if not (any_body or ent[-1].lemma_.lower() == lemma or ent[-1].lower_ == lemma):
                continue
            if kinds <= {t.lower_ for t in ent}:  # "the rights group" is no other group
                found.append(ent)
        # The body a sentence is about (its subject: "Venter Corp told the Herald") first.
        best = next((e for e in found if e.root.dep_ in _SUBJECTS), found[0] if found else None)
        return (best.start_char, best.end_char) if best is not None else None

    def titles(self) -> list[tuple[Span, frozenset[str]]]:
        """PERSON mentions with the words of the title introducing them, in text order."""
        if self._titles is None:
            out = []
            doc = self.doc
            for ent in self.ents:
                if ent.label_ != "PERSON" or self.in_quote(ent.start_char):
                    continue
                words: set[str] = set()
                k = ent.start - 1
                while k >= 0 and ent.start - k <= 5:
                    tok = doc[k]
                    if tok.text == "." and k and doc[k - 1].lower_ in TITLE_NOUNS:
                        k -= 1  # "Lt . Tom Arden": the stop the tokenizer split off
                        continue
                    other = self.name_of.get(tok.i)
                    if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or (
                        other is not None and other.label_ == "PERSON"
                    ):
                        break
                    words.add(tok.lower_)
                    words.add(tok.lemma_.lower())
                    words.update(TITLE_NOUNS.get(tok.lower_.rstrip("."), ()))
                    k -= 1
                for child in ent.root.children:
                    if child.dep_ == "appos" and child.pos_ == "NOUN":
                        for tok in child.subtree:
                            if tok.dep_ not in ("prep", "pobj", "relcl"):
                                words.add(tok.lower_)
                                words.add(tok.lemma_.lower())
                if words:
                    out.append((ent, frozenset(words)))
            self._titles = out
        return self._titles


def _definite(noun: Token) -> bool:
    """A noun after "the", "this" or "that": one the text has brought in before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _group_word(tok: Token) -> bool:
    """Whether a word before a name names the group the person belongs to, not the person:
    "Republicans Tom Arden and Dana Roe" (a plural proper noun, or one the recogniser tags a
    nationality, religious or political group), standing alone: a plural with a name word of
    its own before it is inside a body's name ("Human Rights Watch")."""
    return (tok.tag_ == "NNPS" or tok.ent_type_ == "NORP") and not any(
        c.dep_ in ("compound", "flat") for c in tok.children)


def _role_word(noun: Token) -> bool:
    """Whether a noun names a person by role (:data:`ROLE_NOUNS`), its hyphenated whole
    counting ("the front-runner"), or by age ("the 46-year-old")."""
    i = noun.i
    doc = noun.doc
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not (
            doc[i - 2].whitespace_):
        i -= 2
    word = doc[i : noun.i + 1].text.lower()
    return noun.lemma_.lower() in ROLE_NOUNS or word in ROLE_NOUNS or bool(_AGE_RE.fullmatch(word))


def _personal_name(ent: Span) -> bool:
    """Whether an entity is written as a person's full name, so its first name tells the
    surname's gender: a PERSON, or a two- or three-word ORG of proper nouns (the recogniser
    takes "Carly Fiorina" for an organisation in some articles; a first name the lexicon does
    not know, "Venter Corp", tells nothing anyway)."""
    if ent.label_ == "PERSON":
        return True
    return ent.label_ == "ORG" and len(ent) in (2, 3) and all(
        t.pos_ == "PROPN" and t.is_title for t in ent)


def _capitalised(tok: Token) -> bool:
    """A word written as a name: capital first letter, not all capitals; "LeVell", "McCain"
    and "DeSantis" too, which ``is_title`` turns down."""
    mixed = tok.text[:1].isupper() and not tok.is_upper and tok.text[1:2].isalpha()
    return mixed or tok.is_title


def key_genders(ix: DocIndex) -> dict[str, str]:
    """Surname key -> "m" / "f" from the honorifics and the first names of the article's full
    mentions (:meth:`DocIndex.genders`) and the gendered titles before them ("spokesman Lu
    Kang", :meth:`DocIndex.titles`); a key with both stays unknown."""
    if ix._key_genders is not None:
        return ix._key_genders
    seen: dict[str, set[str]] = {}
    for word, g in ix.genders().items():
        seen.setdefault(name_key(word), set()).add(g)
    for ent in ix.ents:
        if _personal_name(ent):
            g = first_name_gender(ent.text, LIKELY_SHARE)
            if g:
                seen.setdefault(name_key(ent.text), set()).add(g)
    for ent, words in ix.titles():
        said = {GENDER_OF_WORD[w] for w in words if w in GENDER_OF_WORD}
        if len(said) == 1:  # "spokesman Li Varo": the title tells, whatever the first name
            seen.setdefault(name_key(ent.text), set()).update(said)
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    ix._key_genders = out
    return out


def article_counts(ix: DocIndex) -> Counter[str]:
    """How often the article names each surname key outside quotations."""
    if ix._key_counts is None:
        ix._key_counts = Counter(
            name_key(e.text)
            for e in ix.ents
            if e.label_ == "PERSON" and not ix.in_quote(e.start_char)
        )
    return ix._key_counts


def candidates(
    ix: DocIndex,
    pos: int,
    gender: str | None,
    rule: tuple[int, int] | None,
    speakers: Sequence[tuple[int, int]],
    quote: tuple[int, int] = (0, 0),
    titles: bool = True,
) -> list[Antecedent]:
    """The people named before ``pos`` (its paragraph and :data:`PARAGRAPHS` before), one per
    surname key, with their features. ``speakers``: the speaker spans of the earlier quotations,
    last one last; ``quote``: the quotation the pronoun speaks (a name in it is seldom its
    speaker: "Oyelaran is a faker," she said)."""
    lo = paragraph_floor(ix.text, pos, PARAGRAPHS)
    groups: dict[str, Antecedent] = {}
    for ent in sorted(_mentions(ix, lo, pos, titles), key=lambda e: e.start):
        key = name_key(ent.text)
        if not key:
            continue
        c = groups.setdefault(key, Antecedent(key, ent.start_char, ent.end_char))
        c.mentions.append(ent)
        c.start, c.end = ent.start_char, ent.end_char
    reported = _reported_speakers(ix, lo, pos)
    for a, b in [*speakers[-1:], *([rule] if rule else []), *reported]:
        key = name_key(ix.text[a:b])
        if key and key not in groups and b <= pos:
            groups[key] = Antecedent(key, a, b)
    out = sorted(groups.values(), key=lambda c: c.end)
    _features(ix, pos, gender, rule, speakers, out)
    quoted = {name_key(w) for w in ix.text[quote[0] : quote[1]].split()}
    said = [name_key(ix.text[a:b]) for a, b in reported]
    for c in out:
        c.features["named_in_quote"] = float(c.key in quoted)
        c.features["reported_speaker"] = float(c.key in said)
        c.features["latest_reported_speaker"] = float(bool(said) and c.key == said[-1])
        # "..., Lind told the Herald. “...,” he said": the speaker of the sentence before.
        gap = ix.sent_index(quote[0] or pos) - ix.sent_index(c.start)
        c.features["reported_just_before"] = c.features["latest_reported_speaker"] * float(
            0 < gap <= 1
        )
        latest = c.mentions[-1] if c.mentions else None
        c.features["inside_report"] = float(latest is not None and _inside_report(latest.root))
    return out


def _reported_speakers(ix: DocIndex, lo: int, pos: int) -> list[tuple[int, int]]:
    """The people the rules make speakers of the reporting verbs in [lo, pos), outside
    quotations, in text order (an appositive or a subject the parser missed counts: "...,
    Tomas Lind, professor of history, told the Herald")."""
    out = []
    for tok in ix.tokens(lo, pos):
        if not is_cue_verb(tok) or ix.in_quote(tok.idx):
            continue
        subj = ix.subject(tok)
        if subj is None or subj.idx >= pos or ix.in_quote(subj.idx):
            continue
        found = ix.person_span(subj)
        if found is not None and found[1] <= pos:
            out.append(found)
    return out


def _mentions(ix: DocIndex, lo: int, pos: int, titles: bool = True) -> list[Span]:
    """People named in [lo, pos) outside quotations: PERSON entities, and subjects that are
    names the recogniser left untagged or took for an organisation (:meth:`person_span`).
    Without ``titles``, not a name that only modifies another noun (:func:`_in_title`:
    "Oyelaran adviser Tomas Berg" mentions Berg; Oyelaran only describes him)."""
    out = [
        e
        for e in ix.ents
        if e.label_ == "PERSON"
        and lo < e.end_char
        and e.start_char < pos
        and not ix.in_quote(e.start_char)
        and (titles or not _in_title(e))
    ]
    for tok in ix.tokens(lo, pos):
        if tok.dep_ not in _SUBJECTS or ix.in_quote(tok.idx) or tok.ent_type_ == "PERSON":
            continue
        found = ix.person_span(tok) or _surname_mistagged(ix, tok)
        span = ix.doc.char_span(*found, alignment_mode="expand") if found else None
        if span is not None:
            out.append(span)
    return out


def _surname_mistagged(ix: DocIndex, tok: Token) -> tuple[int, int] | None:
    """A subject the recogniser tagged a one-word place or body that is the surname of a person
    the article names ("Ivo Dalquist ... Dalquist, 33, opened up", Dalquist tagged GPE)."""
    ent = ix.name_ent(tok)
    if ent is None or len(ent) != 1 or ent.label_ == "PERSON" or not _capitalised(tok):
        return None
    if name_key(tok.text) not in article_counts(ix):
        return None
    return tok.idx, tok.idx + len(tok.text)


def _in_title(ent: Span) -> bool:
    """Whether the name only modifies another noun: a role noun that is itself part of another
    person's name ("Oyelaran campaign manager Tomas Berg", "Oyelaran's spokesman Tomas Berg"),
    or a thing ("the Oyelaran outlets", "the Oyelaran campaign"). The person so written is
    not the one the sentence is about, so seldom the "he" that follows."""
    tok = ent.root
    if tok.dep_ not in ("compound", "poss"):
        return False
    head = tok.head
    if tok.dep_ == "compound" and head.pos_ == "NOUN" and head.dep_ != "compound":
        return True
    for _ in range(4):
        if head.ent_type_ == "PERSON" and not (ent.start <= head.i < ent.end):
            return head.pos_ == "PROPN"
        if head.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN"):
            return False
        head = head.head
    return False


def _features(
    ix: DocIndex,
    pos: int,
    gender: str | None,
    rule: tuple[int, int] | None,
    speakers: Sequence[tuple[int, int]],
    cands: list[Antecedent],
) -> None:
    genders = key_genders(ix)
    counts = article_counts(ix)
    top = max(counts.values(), default=0)
    rule_key = name_key(ix.text[rule[0] : rule[1]]) if rule else ""
    prev_key = name_key(ix.text[speakers[-1][0] : speakers[-1][1]]) if speakers else ""
    window_keys = {name_key(ix.text[a:b]) for a, b in speakers[-4:]}
    para_starts = [m.end() for m in _BREAKS_RE.finditer(ix.text, 0, pos)]
    own_para = len(para_starts)
    own_sent = ix.sent_index(pos)
    headline_end = ix.text.find("\n")
    gender_of = {c.key: _candidate_gender(c, genders) for c in cands}  # one per key
    agreeing = [c for c in reversed(cands) if gender_of[c.key] in (None, gender)]
    nearest_ok = agreeing[0].key if agreeing and gender else ""
    subject_order = sorted(
        (c for c in cands if _last_subject(c) >= 0), key=_last_subject, reverse=True
    )
    agreeing_subject = next(
        (c.key for c in subject_order if gender_of[c.key] in (None, gender)), ""
    )
    words = _GENDERED.get(gender or "", frozenset())
    pronouns = [
        t.idx
        for t in ix.tokens(paragraph_floor(ix.text, pos, PARAGRAPHS), pos)
        if t.lower_ in words and not ix.in_quote(t.idx)
    ]
    for rank, c in enumerate(reversed(cands)):
        known = gender_of[c.key]
        para = own_para - bisect_right(para_starts, c.start)
        latest = c.mentions[-1] if c.mentions else None
        f = {
            "gender_agrees": float(bool(gender) and known == gender),
            "gender_clashes": float(bool(gender) and known is not None and known != gender),
            "plural": float(latest is not None and latest.root.tag_ == "NNPS"),
            "rule_pick": float(c.key == rule_key),
            "same_sentence": float(ix.sent_index(c.start) == own_sent),
            "log_sentences": math.log1p(own_sent - ix.sent_index(c.start)),
            **{f"para_{k}": float(min(para, 3) == k) for k in range(4)},
            "log_rank": math.log1p(rank),
            "nearest": float(rank == 0),
            "nearest_agreeing": float(c.key == nearest_ok),
            "log_chars": math.log1p(max(0, pos - c.end)),
            "previous_speaker": float(c.key == prev_key),
            "window_speaker": float(c.key in window_keys),
            "log_mentions_article": math.log1p(counts[c.key]),
            "most_mentioned": float(top > 0 and counts[c.key] == top),
            "log_mentions_window": math.log1p(len(c.mentions)),
            "in_headline": float(
                headline_end > 0 and any(m.start_char < headline_end for m in c.mentions)
            ),
            **_role_features(ix, c.mentions),
        }
        f.update(_subject_chain(c, subject_order, agreeing_subject, pronouns))
        f["rule_same_sentence"] = f["rule_pick"] * f["same_sentence"]
        f["object_same_sentence"] = f["same_sentence"] * float(
            latest is not None and latest.root.dep_ in ("dobj", "pobj", "dative")
        )
        c.features = f


def _candidate_gender(c: Antecedent, genders: dict[str, str]) -> str | None:
    """The gender of the person a candidate stands for: the surname's (:func:`key_genders`),
    unless its latest mention is a full name whose first name says otherwise ("Mara Arden"
    is a woman where the article's Arden is Tom). A surname of unknown gender stays unknown
    whatever one first name says (the lexicon makes a man called "Lindsey Varo" a woman)."""
    known = genders.get(c.key)
    latest = c.mentions[-1] if c.mentions else None
    own = first_name_gender(latest.text, LIKELY_SHARE) if latest is not None else ""
    return own if known and own else known


def _last_subject(c: Antecedent) -> int:
    """Where the candidate was last a subject (-1: never in the window)."""
    return max((m.start_char for m in c.mentions if _clause_role(m.root).dep_ in _SUBJECTS),
               default=-1)


def _clause_role(tok: Token) -> Token:
    """The word whose relation gives a mention's role in its clause: the noun a name stands in
    apposition to ("Arden's attorney, Ivo Brandt, said": Brandt is the subject), else the
    mention's own root."""
    head = tok.head
    if tok.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "PERSON":
        return head
    return tok


def _subject_chain(
    c: Antecedent, order: list[Antecedent], agreeing: str, pronouns: list[int]
) -> dict[str, float]:
    """The candidate as the topic the text keeps talking about: the last person who was a
    subject (of the pronoun's gender), and how many pronouns of that gender followed."""
    rank = next((i for i, o in enumerate(order) if o is c), len(order) + 2)
    since = _last_subject(c)
    return {
        "last_subject": float(rank == 0),
        "log_subject_rank": math.log1p(rank),
        "last_agreeing_subject": float(c.key == agreeing),
        "log_pronouns_since_subject": math.log1p(sum(p > since for p in pronouns))
        if since >= 0
        else 0.0,
    }


def _role_features(ix: DocIndex, mentions: list[Span]) -> dict[str, float]:
    """Syntactic roles of a candidate's mentions: subject (any, latest), subject of a reporting
    verb, possessive, object of a preposition, first word of its sentence, subject of the main
    clause or inside a subordinate one; whether the window names the person in full ("Marta
    Oyelaran") before any surname alone, and whether the recogniser tags any mention a person."""
    roles = [_clause_role(m.root) for m in mentions]
    subj = [r.dep_ in _SUBJECTS for r in roles]
    reporting = [s and is_cue_verb(r.head) for s, r in zip(subj, roles, strict=True)]
    latest = mentions[-1] if mentions else None
    root = latest.root if latest is not None else None
    role = roles[-1] if roles else None
    return {
        "subject": float(any(subj)),
        "subject_latest": float(bool(subj) and subj[-1]),
        "reporting_subject": float(any(reporting)),
        "reporting_subject_latest": float(bool(reporting) and reporting[-1]),
        "possessive_latest": float(
            root is not None and any(ch.dep_ == "case" for ch in root.children)
        ),
        "prep_object_latest": float(root is not None and root.dep_ == "pobj"),
        "sentence_initial_latest": float(latest is not None and latest.start == latest.sent.start),
        "first_mention_full": float(bool(mentions) and len(mentions[0]) > 1),
        "main_subject_latest": float(role is not None and _main_subject(role)),
        "embedded_latest": float(role is not None and _embedded(role)),
        "person_entity": float(any(m.label_ == "PERSON" for m in mentions)),
    }


# Clause relations under which a mention sits in a clause the sentence is not about: "Arden
# said that Quill had reported", "the judge Roe was referring to". Not an adverbial clause:
# "As Arden campaigned in Velden, he ..." is about Arden.
_EMBEDDING_DEPS = frozenset({"ccomp", "relcl", "acl", "xcomp", "csubj", "pcomp"})


def _main_subject(tok: Token) -> bool:
    """Whether a mention is the subject of its sentence's main verb (or of a verb conjoined to
    it): "Arden intimated disappointment that Quill ..." is about Arden."""
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _inside_report(tok: Token) -> bool:
    """Whether a mention sits inside what a reporting verb above its own verb reports: "Arden
    said Quill agreed", "Arden asked her to call Quill" (Quill is what Arden said or asked,
    not the sentence's speaker); not "the row is so loud that Quill was asked"."""
    if not _embedded(tok):
        return False
    own = tok.head
    return any(is_cue_verb(a) for a in own.ancestors)


def _embedded(tok: Token) -> bool:
    """Whether a mention sits inside a subordinate clause of its sentence."""
    return any(a.dep_ in _EMBEDDING_DEPS for a in tok.ancestors)


# The rules' pick in the pronoun's own sentence (or the speaker of the sentence before) stands
# against the ranker only when the ranker itself gives it this probability at least. On folds
# 0-3, the ranker fitted fold by fold on the other three: 1231 of 1535 pronoun and nominal
# speakers right against 1226 for a pick that always stands ("Asked by host Tam Rell whether
# ..., he said" is not Rell when the ranker gives her 0.2). 0.9 got 1237 there but loses two
# seed speakers the rules have right and the ranker scores 0.61 and 0.73 ("asked Arden whether
# he ..., he said"; "..., Tomas Lind, professor at Velden, told the Herald. "...," he said").
RULE_STANDS = 0.6


def rank(model: dict, cands: Sequence[Antecedent]) -> tuple[Antecedent | None, float]:
    """The best-scored candidate and its probability (None when there are none).

    Constraints come before the scores: a person of the other gender is no antecedent while
    another fits; the rules' pick stands when it is named in the pronoun's own sentence ("asked
    Halvorsen whether he would help, he said"), not inside a clause under its verb ("Asked
    whether Brandt would run, he said" is not Brandt), or speaks the last reporting verb, in
    the sentence right before the quotation ("..., Tomas Lind, professor at Velden, told the
    Herald. "...," he said") and not inside what another reporting verb reports ("Arden said
    he would sail because Brandt agreed" is Arden's report), if the ranker gives it
    :data:`RULE_STANDS` at least."""
    agreeing = [c for c in cands if not c.features["gender_clashes"]]
    cands = agreeing or list(cands)
    scored = [(probability(model, [c.features[n] for n in FEATURES]), c) for c in cands]
    own = [
        (p, c)
        for p, c in scored
        if (
            (c.features["rule_same_sentence"] and not c.features["embedded_latest"])
            or (c.features["rule_pick"] and c.features["reported_just_before"]
                and not c.features.get("inside_report"))
        )
        and p >= RULE_STANDS
    ]
    best, best_p = None, -1.0
    for p, c in own or scored:
        if p > best_p:
            best, best_p = c, p
    return best, best_p
