"""Who acts: entity look-ups, pronoun resolution and the subject of a trigger's clause.

An argument token stands for name spans (PERSON, ORG, GPE, NORP; a pronoun resolved to the name
span of its antecedent; a group head such as "the Chinese government" to the state it names).
The document index and a singular pronoun's antecedent are the quotation stage's
(:mod:`pipeline.coreference`: gender of names, person spans, the trained antecedent ranker);
cataphora, a reported clause's speaker and plural groups are resolved here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.coreference import (
    Antecedent,
    DocIndex,
    antecedent_model,
    candidates,
    name_key,
    pronoun_gender,
    rank,
)
from pipeline.doctext import doc_text
from pipeline.events.lexicon import (
    ACTOR_LABELS,
    ACTOR_SECTORS,
    COMPOUND_SECTORS,
    DESCRIPTIVE_LABELS,
    DUTY_NOUNS,
    GROUP_HEADS,
    OBJECT_CONTROL,
    OFFICE_HEADS,
    ONE_PERSON_HEADS,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    PRIVATE_HEADS,
    QUANTIFIER_PRONOUNS,
    RELATIVE_PRONOUNS,
    SINGULAR_PRONOUNS,
    STANDING_PRONOUNS,
)
from pipeline.quotes import quoted_ranges
from schemas.values import PLACE_LABELS

#: First-person pronouns: inside a quotation, its speaker or the group the speaker speaks for.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
PLURAL_FIRST_PERSON = frozenset({"we", "us", "our", "ourselves"})
#: "its": bound to its clause's subject (see :meth:`_DocIndex._bound_possessive`).
NEUTER_POSSESSIVES = frozenset({"its"})


def _is_actor_token(token: Token) -> bool:
    """A name, a person pronoun, or a generic agent ("officials", "the police")."""
    return token.ent_type_ in ACTOR_LABELS or token.lower_ in SINGULAR_PRONOUNS | {"them"} or (
        token.pos_ == "NOUN" and sector_of_head(token) is not None)


def sector_of_head(token: Token) -> str | None:
    """The sector a noun names as an actor ("police", "troops", "prosecutors"), else None; a
    modifier may change it ("security forces" are police, :data:`COMPOUND_SECTORS`)."""
    office = token.lemma_.lower() in OFFICE_HEADS
    for child in token.lefts:
        if child.dep_ in {"compound", "amod"}:
            sector = COMPOUND_SECTORS.get((child.lower_, token.lower_))
            if sector is None and office and child.lower_ in {"police", "army", "military"}:
                sector = ACTOR_SECTORS[child.lower_]  # "the police commissioner"
            if sector is not None:
                return sector
    return ACTOR_SECTORS.get(token.lower_) or ACTOR_SECTORS.get(token.lemma_.lower())


def _is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in SINGULAR_PRONOUNS | {"them"}


# --- per-document helpers -------------------------------------------------------------------


class _DocIndex(DocIndex):
    """The shared document index (:class:`pipeline.coreference.DocIndex`) with the events'
    look-ups: every entity by token, group heads and sectors, pronouns to name spans."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc, quoted_ranges(doc_text(doc)))
        self.ent_of: list[Span | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self._cache: dict[int, tuple[tuple[int, int], ...]] = {}
        self.sectors: dict[tuple[int, int], str] = {}
        self.ent_by_span = {self.name_span(e): e for e in doc.ents}

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
            if ent.label_ in PLACE_LABELS or sector_of_head(token) is None:
                return []
            # a generic agent inside a misread entity ("Officers arrested X" read as a title)
        if token.pos_ == "PRON":
            return list(self.resolve_pronoun(token))
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        found = self._group_spans(token)
        sector = sector_of_head(token)
        if sector is None or describes_group:
            return found
        if not found:
            found = [self.generic_span(token)]  # "the police", "two protesters"
        for span in found:  # "Eastport police": Eastport's police
            self.sectors.setdefault(span, sector)
        return found

    def _group_spans(self, token: Token) -> list[tuple[int, int]]:
        """The names a group head stands for ("the Chinese government", "the Sony group"),
        or an apposition's."""
        found: list[tuple[int, int]] = []
        lemma = token.lemma_.lower()
        group, private = lemma in GROUP_HEADS, lemma in PRIVATE_HEADS
        for child in token.children:
            child_ent = self.ent_of[child.i]
            if private and child.dep_ in {"compound", "amod", "nmod"} and (
                child_ent is not None and child_ent.label_ in DESCRIPTIVE_LABELS
            ):
                continue
            if child.dep_ == "appos":
                found.extend(self.entity_spans(child, 3))
            elif group and child.dep_ in {"poss", "compound", "amod", "nmod"} and not (
                lemma in ONE_PERSON_HEADS and child_ent is not None
                and child_ent.label_ == "NORP"
            ):
                found.extend(self._one(child, describes_group=True))
            elif group and child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(self._one(pobj))
        return found

    def generic_span(self, token: Token) -> tuple[int, int]:
        """A common noun's phrase without determiners: its adjacent modifiers and itself."""
        start = token
        for child in reversed(list(token.lefts)):
            if child.right_edge.i != start.i - 1 or child.dep_ not in {
                "compound", "amod", "nmod", "nummod"
            }:
                break
            edge = child.left_edge
            between = token.doc[edge.i:token.i]
            if any(t.is_space or "\n" in t.text_with_ws for t in [child, *between]):
                break  # a heading glued to the sentence: "Staff Reports\n\nPolice"
            clean = not any((t.is_punct and t.text != "-") or t.dep_ in {"det", "poss"}
                            for t in between)  # "a 24-year-old man" keeps its hyphens
            start = edge if clean else child
        return (start.idx, token.idx + len(token))

    def sector(self, span: tuple[int, int]) -> str | None:
        """The actor type (CAMEO/PLOVER sector) of an actor span, when the text gives it: a
        generic head ("police"), a name's head ("the Supreme Court"), a state acting."""
        if span in self.sectors:
            return self.sectors[span]
        ent = self.ent_by_span.get(span)
        if ent is None:
            return None
        head = sector_of_head(ent.root)
        if head is not None:
            return head
        return "government" if ent.label_ == "GPE" else None

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
        if low in FIRST_PERSON:
            result = self._resolve_first_person(token)
        elif low in SINGULAR_PRONOUNS:
            result = self._resolve_singular(token)
        elif low in PLURAL_PRONOUNS:
            result = self._resolve_plural(token)
        elif low in NEUTER_POSSESSIVES:
            result = self._bound_possessive(token)
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

    def _one_name(self, ent: Span) -> tuple[tuple[int, int], ...]:
        span = self.name_span(ent)
        return (span,) if span else ()

    def _resolve_singular(self, token: Token) -> tuple[tuple[int, int], ...]:
        """He/she/him/his: cataphora, else a reported clause's speaker, else the antecedent the
        quotation stage's coreference gives (:mod:`pipeline.coreference`): the trained ranker,
        with the rules' pick (:meth:`DocIndex.antecedent`) as one of its features, the rules'
        pick alone without the model. A person of the other gender is no antecedent, nor an
        object pronoun's own clause subject ("Halvorsen punched him"). On the event gold, all
        folds, against the events' former rules of their own (the nearest person before the
        pronoun in its sentence, else the subject of one of the three before): micro F1 0.705
        -> 0.709, target accuracy 0.560 -> 0.563, actor accuracy and the held-out fold
        unchanged."""
        found = self._cataphora(token)
        if found is None:
            found = self._reported_speaker(token)
        if found is not None:
            return found
        gender = pronoun_gender(token.lower_)
        bound = self._bound(token)
        pick = self.antecedent(token.idx, gender, bound)
        model = antecedent_model()
        best = None
        if model is not None:
            cands = candidates(self, token.idx, gender, pick, ())
            best, _p = rank(model, [c for c in cands if c.key not in bound])
        if best is None:
            span = self._name_at(*pick) if pick else None
        else:
            span = self._person_mention(best)
        return (span,) if span else ()

    def _bound(self, token: Token) -> frozenset[str]:
        """Surname keys of an object pronoun's own clause subject (no antecedent of it)."""
        if token.dep_ in {"nsubj", "nsubjpass", "poss"}:
            return frozenset()
        starts = self._clause_subject_ents(token)
        return frozenset(name_key(e.text) for e in self.doc.ents if e.start in starts)

    def _person_mention(self, best: Antecedent) -> tuple[int, int] | None:
        """The name span of the chosen person's latest PERSON mention ("Dr Fox ... He
        attacked": Liam Fox, so a person attacking is still criticism), else of the mention."""
        for m in reversed(best.mentions):
            ent = self.ent_of[m.start]
            if ent is not None and ent.label_ == "PERSON":
                return self.name_span(ent)
        return self._name_at(best.start, best.end)

    def _name_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The name span of the entity at ``start``, else [start, end) (an untagged name)."""
        toks = self.tokens(start, start + 1)
        ent = self.ent_of[toks[0].i] if toks else None
        return self.name_span(ent) if ent is not None else (start, end)

    def _cataphora(self, token: Token) -> tuple[tuple[int, int], ...] | None:
        """"In his summit with X, Y announced ..." -> Y."""
        if token.dep_ != "poss":
            return None
        for child in token.sent.root.children:
            if child.dep_ == "nsubj" and child.i > token.i:
                ent = self.ent_of[child.i]
                if ent is not None and ent.label_ in {"PERSON", "ORG"} and (
                    child.pos_ == "PROPN"
                ):
                    return self._one_name(ent)
        return None

    def _reported_speaker(self, token: Token) -> tuple[tuple[int, int], ...] | None:
        """"X said he would ...": the subject of a reported clause is its speaker, when the
        speaker is named; an unnamed one who is a person by office or description ("the home
        secretary said he would not launch an investigation") as written; an untagged or other
        speaker is not replaced by another person of the sentence."""
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ccomp":
            return None
        speakers = _subject_tokens(token.head.head)
        if not speakers or speakers[0].pos_ == "PRON":
            return None
        speaker = speakers[0]
        ent = self.ent_of[speaker.i]
        if ent is None and (speaker.tag_ in {"NNS", "NNPS"} or any(
            c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in token.head.children
        ) or any(c.dep_ == "poss" for c in speaker.children)):
            # not the speaker: "dozens of women claim he assaulted them", "a reporter asked
            # whether he would", "his brother added": the pronoun's own antecedent
            return None
        if ent is None:
            return self._described_person(speaker) if speaker.i < token.i else ()
        if ent.label_ != "PERSON":
            return ()
        return self._one_name(ent)

    def _described_person(self, noun: Token) -> tuple[tuple[int, int], ...]:
        """A singular common noun naming one person, as written ("the home secretary", "a
        spokesperson"), else nothing."""
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not (
            sector_of_head(noun) is not None or noun.lemma_.lower() in PERSON_NOUNS
        ):
            return ()
        return (self.generic_span(noun),)

    # first person in a quotation -----------------------------------------------------------
    def _quote_speaker(self, token: Token) -> Token | None:
        """The speaker of the quotation holding ``token``: the subject, outside the quotation,
        of the first verb outside it that governs the quoted clause (""I blame X," Jane Doe
        said", "Doe told the BBC: "we are cooperating"")."""
        if not self.in_quote(token.idx):
            return None
        node = token
        for _ in range(8):
            if node.head is node:
                return None
            node = node.head
            if node.pos_ in {"VERB", "AUX"} and not self.in_quote(node.idx):
                speaker = self.subject(node)
                if speaker is None or self.in_quote(speaker.idx) or (
                    speaker.lower_ in FIRST_PERSON
                ):
                    return None
                return speaker
        return None

    def _resolve_first_person(self, token: Token) -> tuple[tuple[int, int], ...]:
        """"I"/"me"/"my" in a quotation: its speaker. "We"/"us"/"our": the group the speaker
        speaks for, when the text gives one: the speaker itself when a group ("police said:
        we arrested"), else the organisation the speaker is described by ("a Venter Group
        spokesperson", "party spokesman Tom Arden", "X, a spokesman for the FBI"); a person
        speaking for no named group leaves "we" as written (the author's "we" too)."""
        speaker = self._quote_speaker(token)
        if speaker is None:
            return ()
        if token.lower_ not in PLURAL_FIRST_PERSON:
            if speaker.pos_ == "PRON":
                return self.resolve_pronoun(speaker)
            ent = self.ent_of[speaker.i]
            if ent is not None:
                return self._one_name(ent) if ent.label_ == "PERSON" else ()
            return self._described_person(speaker)
        organisation = self._speaker_organisation(speaker)
        if organisation:
            return organisation
        ent = self.ent_of[speaker.i]
        group = (ent is not None and ent.label_ in {"ORG", "NORP", "GPE"}) or (
            ent is None and speaker.tag_ in {"NNS", "NNPS"} and sector_of_head(speaker))
        return tuple(dict.fromkeys(self.entity_spans(speaker))) if group else ()

    def _speaker_organisation(self, speaker: Token) -> tuple[tuple[int, int], ...]:
        """The organisation a speaker's phrase names: a modifier ("a Venter Group spokesperson"), a
        possessive ("the FBI's spokesman") or an apposition's "for"/"of" ("X, a spokesman for
        the FBI")."""
        heads = [speaker, *(c for c in speaker.children if c.dep_ == "appos")]
        for head in heads:
            for child in head.children:
                if child.dep_ in {"compound", "poss", "nmod"}:
                    found = self._organisation_of(child)
                elif child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
                    found = next((self._organisation_of(g) for g in child.children
                                  if g.dep_ == "pobj"), ())
                else:
                    continue
                if found:
                    return found
        return ()

    def _organisation_of(self, token: Token) -> tuple[tuple[int, int], ...]:
        ent = self.ent_of[token.i]
        if ent is None or ent.label_ not in {"ORG", "GPE"}:
            return ()
        return self._one_name(ent)

    def _bound_possessive(self, token: Token) -> tuple[tuple[int, int], ...]:
        """"Sweden has dropped its investigation": a possessive "its" inside its clause's
        object or complement refers to the clause's subject, when that is an organisation or a
        state (a person is no "it")."""
        if token.dep_ != "poss":
            return ()
        verb = _governing_verb(token.head)
        if verb is None:
            return ()
        for subj in _subject_tokens(verb):
            ent = self.ent_of[subj.i]
            if ent is not None and ent.label_ in {"ORG", "GPE"}:
                return self._one_name(ent)
            if ent is None and subj.tag_ == "NN" and sector_of_head(subj) is not None:
                return tuple(self._one(subj))  # "the ministry ... its inquiry"
        return ()

    def _resolve_plural(self, token: Token) -> tuple[tuple[int, int], ...]:
        speaker = self._plural_speaker(token)
        if speaker:
            return speaker
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
        return self._plural_group(token, start)

    def _plural_group(self, token: Token, start: int) -> tuple[tuple[int, int], ...]:
        """"Dunmore councillors seized the floor. ... they would refuse": the nearest subject
        before the pronoun (in its sentence or the one before) that is a group of people: a
        plural people ("Democrats"), a plural generic agent ("officials", "protesters") or
        plural persons by description ("voters", "students"); a subject of the pronoun's own
        clause is no antecedent of an object pronoun ("they saw them"), nor a subject inside a
        quotation of a pronoun outside one."""
        own = {s.i for s in _subject_tokens(token.head)} if token.dep_ not in {
            "nsubj", "nsubjpass"} else set()
        quoted = self.in_quote(token.idx)
        for i in range(token.i - 1, start - 1, -1):
            cand = self.doc[i]
            if cand.dep_ not in {"nsubj", "nsubjpass"} or cand.i in own or (
                self.in_quote(cand.idx) and not quoted
            ):
                continue
            cand = _share_of(cand)
            if self._is_people(cand):
                spans = self.entity_spans(cand) or [self.generic_span(cand)]
                return tuple(dict.fromkeys(spans))
        return ()

    def _is_people(self, cand: Token) -> bool:
        ent = self.ent_of[cand.i]
        if ent is not None:
            return ent.label_ == "NORP" and cand.tag_ in {"NNS", "NNPS"}
        return cand.pos_ == "NOUN" and cand.tag_ == "NNS" and (
            sector_of_head(cand) is not None or cand.lemma_.lower() in PERSON_NOUNS)

    def _plural_speaker(self, token: Token, plural: bool = True
                        ) -> tuple[tuple[int, int], ...]:
        """"Police confirmed they had arrested ...", "the federation said it opposes ...": the
        subject of a reported clause is its speaker when the speaker is a group (a plural noun,
        a generic agent, an organisation; for "it" a singular one or a state)."""
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ccomp":
            return ()
        speakers = _subject_tokens(token.head.head)
        if not speakers or speakers[0].pos_ == "PRON":
            return ()
        speaker = _share_of(speakers[0])
        ent = self.ent_of[speaker.i]
        labels = {"ORG", "NORP"} if plural else {"ORG", "GPE"}
        named = ent is not None and ent.label_ in labels
        if plural:
            group = named or speaker.tag_ in {"NNS", "NNPS"} or sector_of_head(speaker) is not None
        else:
            group = named or (speaker.tag_ == "NN" and sector_of_head(speaker) is not None)
        return tuple(dict.fromkeys(self.entity_spans(speaker))) if group else ()

    def subject_spans(self, subj: Token) -> list[tuple[int, int]]:
        """The spans a subject stands for. A pronoun no name resolves ("they", "we") or a
        quantifier ("all", "some") stands for itself, as written: who it is lies outside the
        sentence, but the event is reported ("it" is too often no actor: "it is rare to be
        arrested"); "both of his senators" stands for the senators. A conjunct name the NER
        missed acts with the others ("Halvorsen and Rep. Tom Arden asked", "Rep. Tom
        Arden and Halvorsen asked")."""
        spans = self.entity_spans(subj)
        if spans:
            return spans + [self.generic_span(c) for c in [subj, *_conjuncts(subj)]
                            if c.pos_ == "PROPN" and self.ent_of[c.i] is None]
        if subj.pos_ == "PROPN" and self.ent_of[subj.i] is None:
            return [self.generic_span(subj)]  # a name the NER missed: "Rahm Emanuel pressured"
        if subj.pos_ not in {"PRON", "NUM"}:
            return []
        low = subj.lower_
        if low == "it":
            return list(self._plural_speaker(subj, plural=False))
        if low in QUANTIFIER_PRONOUNS:
            for prep in subj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found = self.entity_spans(pobj)
                            return found or [self.generic_span(pobj)]
        if low in STANDING_PRONOUNS or low in QUANTIFIER_PRONOUNS:
            return [self.generic_span(subj)]
        return []


def _conjuncts(token: Token) -> list[Token]:
    """The tokens conjoined to ``token`` ("X, Y and Z": Y and Z of X), nearest first."""
    out: list[Token] = []
    todo = [token]
    while todo and len(out) < 6:
        node = todo.pop()
        for child in node.children:
            if child.dep_ == "conj":
                out.append(child)
                todo.append(child)
    return out


def _share_of(token: Token) -> Token:
    """The people a share or a count is of ("47 percent of Harlow voters saying they",
    "most of the senators"), else the token itself."""
    if token.like_num or token.pos_ == "NUM" or token.lemma_.lower() in SHARE_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


#: Nouns that count a part of a group, standing for the group as speaker or antecedent.
SHARE_NOUNS = frozenset({"percent", "per", "majority", "minority", "half", "third", "quarter",
                         "number", "dozens", "hundreds", "thousands", "share"})


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


def _subject_tokens(verb: Token, depth: int = 0, active: bool = True) -> list[Token]:
    """The subjects of a verb, its own or its governing clause's; ``active``: none for a
    passive clause (its actor is its agent), else the subject a passive one shares."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if subj:
        out = []
        for s in subj:
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                out.append(verb.head)
            else:
                out.append(s)
        return out
    passive = {"nsubjpass", "auxpass"} if active and depth == 0 else {"nsubjpass"}
    if depth > 3 or verb.head is verb or any(c.dep_ in passive for c in verb.children):
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
    if verb.dep_ == "acl" and verb.tag_ == "VB" and head.dep_ == "dobj" and (
        head.head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in DUTY_NOUNS
    ):
        # "police have a duty to investigate", "felt the need to detain them": the holder of
        # the duty or the need (not of "the power to detain", which nobody used)
        return _subject_tokens(head.head, depth + 1)
    if verb.dep_ == "pcomp":
        gov = _governing_verb(verb)
        return _subject_tokens(gov, depth + 1) if gov is not None else []
    return []


def is_passive(verb: Token) -> bool:
    """A passive clause ("were arrested", "after being arrested", "and has been sentenced"), a
    participle conjoined to one ("was hauled out and taken into custody") or a passive
    participle after its noun ("a soldier killed by a bomber")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN") or _conjoined_passive(verb)


def _conjoined_passive(verb: Token) -> bool:
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head is not verb and not any(
        c.dep_ in {"nsubj", "dobj"} for c in verb.children) and any(
        c.dep_ == "nsubjpass" for c in verb.head.children)


def patients(verb: Token) -> list[Token]:
    """What a verb is done to: its direct objects and passive subjects, a relative pronoun
    standing for its antecedent ("the men, who were arrested"), and the noun a passive
    participle follows ("a soldier killed by a bomber")."""
    out = []
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            relative = c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"
            out.append(verb.head if relative else c)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        out.append(verb.head)
    elif not out and _conjoined_passive(verb):
        out.extend(c for c in verb.head.children if c.dep_ == "nsubjpass")
    elif not out and any(c.dep_ == "auxpass" for c in verb.children):
        # "X is due in court after being arrested", "X ... and has been sentenced": the
        # governing clause's subject undergoes it
        out.extend(_subject_tokens(verb, active=False))
    return out


def _passive_agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


