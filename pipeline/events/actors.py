"""Who acts: entity look-ups, pronoun resolution and the subject of a trigger's clause.

An argument token stands for name spans (PERSON, ORG, GPE, NORP; a pronoun resolved to the name
span of its antecedent; a group head such as "the Chinese government" to the state it names).
The document index and a singular pronoun's antecedent are the quotation stage's
(:mod:`pipeline.coreference`: gender of names, person spans, the trained antecedent ranker);
cataphora, a reported clause's speaker and plural groups are resolved here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

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
    CALLED_ACTS,
    COMPOUND_SECTORS,
    DESCRIPTIVE_LABELS,
    DUTY_NOUNS,
    GROUP_HEADS,
    OBJECT_CONTROL,
    OFFICE_HEADS,
    ONE_PERSON_HEADS,
    PATIENT_PRONOUNS,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    PRIVATE_HEADS,
    QUANTIFIER_PRONOUNS,
    RELATIVE_PRONOUNS,
    SINGULAR_PRONOUNS,
    STANDING_PRONOUNS,
)
from pipeline.events.senses import VERB_SENSES
from pipeline.quotes import quoted_ranges
from schemas.values import PLACE_LABELS

#: First-person pronouns: inside a quotation, its speaker or the group the speaker speaks for.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
PLURAL_FIRST_PERSON = frozenset({"we", "us", "our", "ourselves"})
#: "its": bound to its clause's subject (see :meth:`_DocIndex._bound_possessive`).
NEUTER_POSSESSIVES = frozenset({"its"})


# --- sector tables: what the text says of a named actor ------------------------------------


@dataclass(frozen=True)
class SectorRow:
    """Words that give a named actor its sector (CAMEO/PLOVER actor type) when the text says
    them of it. ``example`` gives the [bracketed] actor ``sector``; ``counter`` holds one of the
    words without giving it to the bracketed actor (``tests/test_event_actor_types_rows.py``
    parses both with the real model)."""

    words: tuple[str, ...]
    sector: str
    example: str
    counter: str


R = SectorRow

#: Role nouns of a person, in a title before the name ("Senator Mara Quill"), an apposition
#: ("Quill, the senator") or elsewhere in the article for the same person; "former" cancels.
ROLE_ROWS: tuple[SectorRow, ...] = (
    R(("senator", "sen.", "sen", "sens.", "rep.", "rep", "reps.", "representative", "congressman",
       "congresswoman", "congressmen", "lawmaker", "legislator", "mp", "speaker", "whip",
       "assemblyman", "assemblywoman", "councilman", "councilwoman", "councillor",
       "councilor"), "legislature",
      "Senator [Mara Quill] called for an inquiry into the deal.",
      "[Mara Quill] called for an inquiry into the senator."),
    R(("candidate", "nominee", "hopeful", "frontrunner", "front-runner", "contender"), "party",
      "Republican presidential candidate [Mara Quill] criticised the plan.",
      "[Mara Quill] criticised the candidate on Tuesday."),
    R(("minister", "premier", "chancellor", "governor", "gov.", "gov", "mayor", "ambassador",
       "envoy",
       "diplomat", "vice-president", "vice-chancellor", "taoiseach"), "government",
      "Foreign Minister [Mara Quill] visited Port Velden on Monday.",
      "[Mara Quill] met the minister in Port Velden on Monday."),
    R(("judge", "justice", "prosecutor", "magistrate", "counsel", "solicitor-general"),
      "judiciary",
      "Judge [Mara Quill] ordered an inquiry into the deal.",
      "[Mara Quill] criticised the judge on Tuesday."),
    R(("detective", "constable", "sheriff", "sergeant", "trooper", "policeman",
       "policewoman"), "police",
      "Detective [Mara Quill] arrested two men in Port Velden.",
      "[Mara Quill] criticised the detective on Tuesday."),
    R(("gen.", "colonel", "col.", "admiral", "lieutenant", "lt.", "brigadier", "major-general",
       "soldier", "psychiatrist"), "military",
      "Colonel [Mara Quill] ordered the troops into Port Velden.",
      "[Mara Quill] criticised the colonel on Tuesday."),
    R(("ceo", "businessman", "businesswoman", "tycoon", "entrepreneur", "investor",
       "financier", "banker", "billionaire", "developer", "shareholder", "industrialist",
       "magnate", "co-founder", "broker"), "business",
      "The businessman [Mara Quill] agreed to buy the Velden Herald.",
      "[Mara Quill] criticised the businessman on Tuesday."),
    R(("journalist", "reporter", "anchor", "columnist", "editor", "correspondent",
       "broadcaster", "commentator", "presenter", "newsreader"), "media",
      "The journalist [Mara Quill] called for an inquiry.",
      "[Mara Quill] criticised the journalist on Tuesday."),
    R(("coach", "player", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
       "footballer", "cricketer", "golfer", "boxer", "athlete", "winger"), "sports",
      "The striker [Mara Quill] criticised the referee.",
      "[Mara Quill] criticised the striker on Tuesday."),
    R(("pope", "bishop", "archbishop", "cardinal", "imam", "rabbi", "priest", "cleric",
       "reverend", "rev.", "pastor", "evangelist"), "religious",
      "Bishop [Mara Quill] called for an end to the war.",
      "[Mara Quill] criticised the bishop on Tuesday."),
    R(("professor", "prof.", "lecturer", "teacher", "headteacher", "headmaster",
       "headmistress"), "education",
      "Professor [Mara Quill] called for an inquiry.",
      "[Mara Quill] criticised the professor on Tuesday."),
    R(("activist", "campaigner", "protester", "protestor", "resident", "voter"), "civilians",
      "The activist [Mara Quill] called for a boycott of the vote.",
      "[Mara Quill] criticised the activist on Tuesday."),
)

#: Office heads whose sector is their modifiers' (:data:`MODIFIER_ROWS`, an organisation
#: named with them: "Venter Corp chief executive", "Majority Leader", "Velden Police
#: Commissioner"), else ``sector`` (empty: none; "leader" alone says nothing).
OFFICE_ROWS: tuple[SectorRow, ...] = (
    R(("president", "secretary", "commissioner", "official", "spokesman", "spokeswoman",
       "spokesperson", "undersecretary"), "government",
      "President [Mara Quill] visited Port Velden on Monday.",
      "Venter Corp president [Mara Quill] visited Port Velden on Monday."),
    R(("executive", "chairman", "chairwoman", "founder", "owner", "director", "boss",
       "cfo", "coo"), "business",
      "Chief executive [Mara Quill] agreed to buy the Velden Herald.",
      "Committee chairman [Mara Quill] called for an inquiry."),
    R(("commander",), "military",
      "Commander [Mara Quill] ordered the troops into Port Velden.",
      "Velden Police commander [Mara Quill] ordered an inquiry."),
    R(("leader", "head", "member", "manager", "captain", "chair", "officer", "organizer",
       "organiser", "strategist", "staffer", "chief", "aide", "adviser", "advisor", "deputy"),
      "",
      "Velden Unity Party leader [Mara Quill] attacked the plans.",
      "The leader [Mara Quill] attacked the plans."),
)

#: Modifiers that decide an office head's sector, first row first ("Senate Democratic
#: leader": legislature); a word of :data:`ACTOR_SECTORS` ("police", "army") decides too.
MODIFIER_ROWS: tuple[SectorRow, ...] = (
    R(("senate", "house", "congressional", "parliamentary", "majority", "minority",
       "commons", "committee", "caucus", "legislative"), "legislature",
      "Senate Majority Leader [Mara Quill] blocked the bill.",
      "Labour leader [Mara Quill] blocked the bill."),
    R(("party", "labour", "tory", "conservative", "democratic", "republican", "gop",
       "campaign", "liberal", "ukip", "opposition"), "party",
      "Labour leader [Mara Quill] blocked the bill.",
      "Senate Majority Leader [Mara Quill] blocked the bill."),
    R(("union", "unions", "labor", "tuc"), "labor",
      "Union leader [Mara Quill] called a strike.",
      "Party leader [Mara Quill] called a strike."),
    R(("team", "club", "football", "league", "squad"), "sports",
      "Team captain [Mara Quill] criticised the referee.",
      "Army captain [Mara Quill] criticised the referee."),
)

#: Words of an organisation's name, first row first ("Velden Broadcasting Corporation" is
#: media, "the Velden Trades Union Congress" labour); a row of several words ("national
#: committee") matches them in sequence.
ORG_ROWS: tuple[SectorRow, ...] = (
    R(("white house", "home office", "foreign office", "state department"), "government",
      "The [White House] called for an inquiry.",
      "The [House Ethics Committee] called for an inquiry into the White House."),
    R(("party", "gop", "labour", "tories", "tory", "ukip", "national committee", "democrats",
       "republicans", "dems", "conservatives"), "party",
      "The [Velden Unity Party] called for a boycott of the vote.",
      "[Venter Corp] called for a boycott of the Velden Unity Party."),
    R(("union", "unions", "afl-cio", "teamsters", "tuc"), "labor",
      "The [Velden Transport Union] called a strike.",
      "[Venter Corp] criticised the Velden Transport Union."),
    R(("police", "constabulary", "gendarmerie", "fbi"), "police",
      "The [Velden Police Federation] opposed the plans.",
      "The [Velden Tennis Federation] opposed the plans of the police."),
    R(("court", "tribunal", "attorney", "prosecutor", "prosecutors", "judiciary"), "judiciary",
      "The [Velden Supreme Court] ordered an inquiry.",
      "[Venter Corp] criticised the Velden Supreme Court."),
    R(("army", "navy", "corps", "pentagon", "military"), "military",
      "The [Velden Revolutionary Guard Corps] launched a missile.",
      "[Venter Corp] criticised the Velden Army."),
    R(("senate", "house", "congress", "parliament", "assembly", "committee", "caucus",
       "legislature", "commons", "capitol hill"), "legislature",  # Congress by its place
      "The [Velden Senate Finance Committee] opened an inquiry.",
      "The [Velden National Committee] opened an inquiry."),
    R(("news", "times", "post", "journal", "magazine", "broadcasting", "broadcaster",
       "television", "tv", "radio", "network", "press", "herald", "telegraph", "gazette",
       "channel", "newspaper", "newspapers", "media"), "media",
      "The [Velden Broadcasting Corporation] bought the film.",
      "[Venter Corp] bought the Velden Broadcasting Corporation."),
    R(("university", "college", "school", "academy"), "education",
      "The [University of Port Velden] launched an inquiry.",
      "[Venter Corp] criticised the University of Port Velden."),
    R(("church", "diocese", "synod", "vatican"), "religious",
      "The [Velden Church] called for an end to the war.",
      "[Venter Corp] criticised the Velden Church."),
    R(("league", "tennis", "football", "golf", "rugby", "cricket", "olympic", "tour", "fc"),
      "sports",
      "The [Velden Tennis Federation] suspended the player.",
      "[Venter Corp] criticised the Velden Tennis Federation."),
    R(("un", "u.n.", "nato", "eu", "imf", "opec", "wto", "united nations",
       "european union", "european commission"), "igo",
      "The [UN] called for an end to the war in Port Velden.",
      "[Venter Corp] criticised the UN."),
    R(("foundation", "charity", "amnesty", "greenpeace", "red cross", "watch"), "ngo",
      "The [Quill Foundation] donated $2m to the Velden hospital.",
      "[Venter Corp] donated $2m to the Quill Foundation."),
    R(("ministry", "department", "agency", "commission", "authority", "board", "office",
       "council", "bureau", "administration", "government", "cabinet", "white house"),
      "government",
      "The [Velden Standards Board] opened an inquiry.",
      "[Venter Corp] criticised the Velden Standards Board."),
    R(("inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc",
       "llc", "group", "holdings", "bank", "airlines", "airways", "motors", "systems",
       "technologies", "industries", "partners", "ventures", "capital", "pharmaceuticals",
       "company", "energy", "studios", "records"), "business",
      "[Venter Corp] agreed to buy the Velden Herald.",
      "The [Velden Herald] agreed to buy Venter Corp."),
)

#: What a name possesses or modifies that says its sector: "the Quill campaign" (a party's
#: candidate), "the Quill administration" (the government), "Venter shares" (a business).
OWNED_ROWS: tuple[SectorRow, ...] = (
    R(("campaign", "candidacy", "nomination", "running-mate"), "party",
      "The [Mara Quill] campaign criticised the plan.",
      "The [Mara Quill] plan criticised the campaign."),
    R(("administration", "presidency", "cabinet", "government", "ministry"), "government",
      "The [Mara Quill] administration called for an inquiry.",
      "Officials in the [Mara Quill] office called for an inquiry into the administration."),
    R(("shares", "shareholders", "stock", "subsidiary", "ceo", "profits", "investors",
       "stake", "employees", "executive", "executives", "plant", "factory", "stores",
       "customers", "revenue", "sales", "earnings", "chairman"),
      "business",
      "[Venter Corp] shares fell after it agreed to buy the Velden Herald.",
      "[Mara Quill] agreed to buy the Velden Herald and its shares."),
)

#: Words before a role that make it a past one ("former Secretary of State").
PAST_ROLE = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "late"})


def _word_map(rows: tuple[SectorRow, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        for word in row.words:
            out.setdefault(word, row.sector)
    return out


ROLE_SECTORS = _word_map(ROLE_ROWS)
OFFICE_SECTORS = _word_map(OFFICE_ROWS)
MODIFIER_SECTORS = _word_map(MODIFIER_ROWS)
OWNED_SECTORS = _word_map(OWNED_ROWS)


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


# --- a name's sector from the words around it -----------------------------------------------

#: Entities whose sector the text's words can give (a state acting is the government).
NAMED_SECTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Words a title may hold besides nouns and adjectives: "Secretary of State", "Vice-Prime".
_TITLE_GLUE = frozenset({"of", "-", "'s", "\u2019s"})


def _name_words(ent: Span) -> list[str]:
    """A name's words, folded, without "the" and a possessive."""
    words = ent.text.lower().replace("\u2019", "'").removesuffix("'s").split()
    return words[1:] if words[:1] == ["the"] else words


def _word_sector(tok: Token, table: dict[str, str]) -> str | None:
    return table.get(tok.lower_, table.get(tok.lemma_.lower()))


def _title_tokens(ent: Span) -> list[Token]:
    """The words of a title before a name, nearest last ("Metropolitan Police Commissioner"
    of "Sir Tom Arden", "Velden GOP Rep."), within its sentence and up to another
    person; a person's leading title words inside the entity too ("Rep. Mara Quill")."""
    doc = ent.doc
    out: list[Token] = []
    k = ent.start - 1
    floor = ent.sent.start
    while k >= floor and ent.start - k <= 7:
        tok = doc[k]
        if tok.ent_type_ == "PERSON" or "\n" in tok.text_with_ws or not (
            tok.pos_ in {"NOUN", "PROPN", "ADJ"} or tok.lower_ in _TITLE_GLUE
        ):
            break
        out.append(tok)
        k -= 1
    out.reverse()
    if out and out[-1].lower_ in _TITLE_GLUE:
        out = []  # "chief executive of Venter Corp", "Venter Corp's": said of someone else
    if ent.label_ == "PERSON":
        for tok in ent[:-1]:
            if _word_sector(tok, ROLE_SECTORS) is None and _word_sector(
                    tok, OFFICE_SECTORS) is None:
                break
            out.append(tok)
    return out


def sequence_sector(tokens: list[Token], extra: list[Token] | tuple[Token, ...] = ()
                    ) -> str | None:
    """The sector a title gives (nearest word last): its last role word's
    (:data:`ROLE_ROWS`), or its last office head's by the modifiers before it and ``extra``
    (an "of" phrase: "chief executive of Venter Corp"), else the office's own; none for a
    past role ("former Secretary of State")."""
    if any(t.lower_ in PAST_ROLE for t in tokens):
        return None
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if i and (tokens[i - 1].lower_, tok.lower_) in COMPOUND_SECTORS:
            return COMPOUND_SECTORS[(tokens[i - 1].lower_, tok.lower_)]
        role = _word_sector(tok, ROLE_SECTORS)
        if role is not None:
            return role
        office = _word_sector(tok, OFFICE_SECTORS)
        if office is not None:
            return _modifier_sector([*tokens[:i], *extra]) or office or None
    return None


def _modifier_sector(tokens: list[Token]) -> str | None:
    """The sector an office's modifiers give: a government name ("White House"), a row of
    :data:`MODIFIER_ROWS` (first row first), a generic agent's word ("police"), an
    organisation's name words ("Venter Corp")."""
    if not tokens:
        return None
    phrase = f" {' '.join(t.lower_ for t in tokens)} "
    if any(f" {w} " in phrase for w in ORG_ROWS[0].words):
        return ORG_ROWS[0].sector
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    for row in MODIFIER_ROWS:
        if words.intersection(row.words):
            return row.sector
    for tok in reversed(tokens):
        found = _word_sector(tok, ACTOR_SECTORS)
        if found is not None:
            return found
    named = [t for t in tokens if t.ent_type_ in {"ORG", "NORP"}]
    return name_sector(named) if named else None


def name_sector(tokens: list[Token]) -> str | None:
    """The sector an organisation's name gives by its words (:data:`ORG_ROWS`, first row
    first): "Velden Broadcasting Corporation" media, "Venter Corp" business."""
    lowered = [t.lower_ for t in tokens]
    phrase = f" {' '.join(lowered)} ".replace(" - ", "-")  # "AFL - CIO" as written
    words = set(lowered) | set(phrase.split())
    for row in ORG_ROWS:
        for word in row.words:
            if (f" {word} " in phrase) if " " in word else word in words:
                return row.sector
    return None


def _is_role_noun(tok: Token) -> bool:
    """A common noun, or a proper one that is a title ("the Turkish President, X")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.ent_type_ == "" and (
        _word_sector(tok, ROLE_SECTORS) is not None
        or _word_sector(tok, OFFICE_SECTORS) is not None))


def _described_by(root: Token) -> list[Token]:
    """The nouns a name's own clause says it is: its apposition ("Quill, the senator"), the
    noun it is the apposition of ("the senator, Quill"), the complement of "who is/was"
    ("Quill, who was then Venter's largest shareholder") or of its own "is"."""
    nouns = [c for c in root.children if c.dep_ == "appos" and _is_role_noun(c)]
    if root.dep_ == "appos" and _is_role_noun(root.head):
        nouns.append(root.head)
    verbs = [c for c in root.children if c.dep_ == "relcl"]
    if root.dep_ == "nsubj":
        verbs.append(root.head)
    for verb in verbs:
        if verb.lemma_ == "be":
            nouns.extend(c for c in verb.children if c.dep_ == "attr" and _is_role_noun(c))
    return nouns


def _noun_sector(noun: Token) -> str | None:
    """The sector an apposition's noun gives ("the senator", "chief executive of Venter
    Corp", "a private investment firm"): its title with its left modifiers, an "of/for/at"
    phrase as the office's modifier, a generic agent's word ("firm")."""
    lefts = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in {"det", "punct"}]
    extra = [t for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {
        "of", "for", "at"} for t in prep.subtree if t is not prep]
    return sequence_sector([*lefts, noun], extra) or _word_sector(noun, ACTOR_SECTORS)


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
        self._described_by_key: dict[tuple[str, str], Counter[str]] | None = None
        self._full_names: dict[str, Counter[str]] | None = None
        self._first_words: dict[str, str] | None = None

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
        members = self._listed_members(token)
        sector = sector_of_head(token)
        if sector is None or describes_group:
            return found + members
        if not found:
            found = [self.generic_span(token)]  # "the police", "two protesters"
        for span in found:  # "Eastport police": Eastport's police
            self.sectors.setdefault(span, sector)
        return found + members

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
        generic head ("police"); for a name its organisation's name (:data:`ORG_ROWS`: "the
        Velden Police Federation", whatever "chief" follows it), what the text says of it
        (:meth:`described`), what the article says of the same actor elsewhere, a name's head
        ("the Supreme Court"), a state acting."""
        if span in self.sectors:
            return self.sectors[span]
        ent = self.ent_by_span.get(span)
        if ent is None:
            return self._phrase_sector(span)
        named = ent.label_ == "ORG" and not self.is_surname(ent)
        found = name_sector(list(ent)) if named else None
        if found is None:
            found = self.described(ent)
        if found is None and ent.label_ == "NORP":
            found = name_sector(list(ent))  # "Democrats", unless "Senate Democrats"
        if found is None:
            found = self._article_sector(ent)
        if found is None:
            found = sector_of_head(ent.root)
        if found is None and ent.label_ == "GPE" and not self.is_surname(ent):
            found = "government"
        return found

    def _phrase_sector(self, span: tuple[int, int]) -> str | None:
        """An unnamed actor's sector by its own words, when no look-up registered it: a
        title ("the home secretary"), a generic head ("the attacker")."""
        words = [t for t in self.tokens(*span) if not t.is_punct]
        if not words or words[-1].pos_ not in {"NOUN", "PROPN"}:
            return None
        return sequence_sector(words) or sector_of_head(words[-1])

    def described(self, ent: Span) -> str | None:
        """The sector this mention's own words give a name: a title before it ("Senate
        Majority Leader Mara Quill"), an apposition ("Quill, the senator"; "the senator,
        Quill"), a group's modifier ("Senate Democrats"), what it owns ("the Quill
        campaign")."""
        if ent.label_ not in NAMED_SECTOR_LABELS:
            return None
        title = _title_tokens(ent)
        found = sequence_sector(title)
        if found is None and ent.label_ == "NORP":
            found = _modifier_sector(title)
        if found is None:
            found = next((s for s in map(_noun_sector, _described_by(ent.root)) if s), None)
        if found is None:
            found = self._owned_sector(ent)
        return found

    def _owned_sector(self, ent: Span) -> str | None:
        """What a name possesses or modifies ("Quill's campaign", "the Quill campaign
        spokeswoman", "Venter shares"): the noun it hangs on, or the noun right after it."""
        root = ent.root
        heads = [root.head] if root.dep_ in {"compound", "poss"} else []
        nxt = ent.end + (ent.end < len(self.doc) and self.doc[ent.end].lower_ in {"'s", "\u2019s"})
        for tok in self.doc[nxt:nxt + 2]:
            if tok.sent.start != ent.sent.start:
                break
            heads.append(tok)
            if tok.dep_ not in {"amod", "compound"}:
                break  # past a modifier only: "Venter chief executive"
        for head in heads:
            if head.pos_ == "NOUN":
                found = _word_sector(head, OWNED_SECTORS)
                if found is not None:
                    return found
        return None

    def _article_sector(self, ent: Span) -> str | None:
        """The sector the article's other mentions of the same actor are described by (the
        most common; :meth:`described`): "Senator Mara Quill ... Quill said". A candidacy
        said anywhere wins: a senator running for president acts as a candidate ("Senator
        Quill ... the Quill campaign ... Quill attacked")."""
        if self._described_by_key is None:
            self._described_by_key = defaultdict(Counter)
            for other in self.ents:
                found = self.described(other)
                if found is not None:
                    self._described_by_key[self._actor_key(other)][found] += 1
        counts = self._described_by_key.get(self._actor_key(ent))
        if not counts:
            return None
        return "party" if "party" in counts else counts.most_common(1)[0][0]

    def _actor_key(self, ent: Span) -> tuple[str, str]:
        """Who a mention names, for the article's evidence: a person by surname (by full name
        when two people of the article share it, a surname alone going to the one named most;
        a surname read as a place or an organisation too: "the Quill campaign"), another name
        by its words."""
        key = name_key(ent.text)
        firsts = self._persons().get(key)
        if ent.label_ != "PERSON" and not (firsts and len(ent.text.split()) == 1):
            words = _name_words(ent)
            if len(words) == 1:  # "Harlow" of "Harlow & Venter"
                return ent.label_, self._longer_names().get(words[0], words[0])
            return ent.label_, " ".join(words)
        if not firsts or len(firsts) == 1:
            return "PERSON", key
        words = ent.text.split()
        first = words[0] if len(words) > 1 else firsts.most_common(1)[0][0]
        return "PERSON", f"{first} {key}"

    def _longer_names(self) -> dict[str, str]:
        """First word -> the one longer organisation name of the article it begins."""
        if self._first_words is None:
            found: dict[str, set[str]] = defaultdict(set)
            for other in self.ents:
                words = _name_words(other)
                if other.label_ == "ORG" and len(words) > 1:
                    found[words[0]].add(" ".join(words))
            self._first_words = {w: next(iter(n)) for w, n in found.items() if len(n) == 1}
        return self._first_words

    def _persons(self) -> dict[str, Counter[str]]:
        """Surname -> the first names the article's full person names give it, counted."""
        if self._full_names is None:
            self._full_names = defaultdict(Counter)
            for other in self.ents:
                if other.label_ == "PERSON" and len(other.text.split()) > 1:
                    self._full_names[name_key(other.text)][other.text.split()[0]] += 1
        return self._full_names

    def is_surname(self, ent: Span) -> bool:
        """A one-word place or organisation that is the surname of a person of the article
        ("Quill" read as a place): no state acting."""
        return ent.label_ != "PERSON" and len(ent.text.split()) == 1 and (
            name_key(ent.text) in self._persons())

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
        if low in QUANTIFIER_PRONOUNS and (pobj := of_object(subj)) is not None:
            return self.entity_spans(pobj) or [self.generic_span(pobj)]
        if low in STANDING_PRONOUNS or low in QUANTIFIER_PRONOUNS:
            return [self.generic_span(subj)]
        return []


    def _listed_members(self, noun: Token) -> list[tuple[int, int]]:
        """The names a group noun lists as its members, who take part with the group: "major
        companies including Volkswagen and Siemens have spent 2004 in talks"
        (:data:`MEMBER_PREPS`)."""
        out: list[tuple[int, int]] = []
        if any(c.dep_ == "nummod" for c in noun.children):
            return out  # "Twenty-eight people, including a Briton": the count is the group
        for prep in noun.children:
            if prep.dep_ == "prep" and (prep.lower_ in MEMBER_PREPS or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
            )):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.entity_spans(pobj))
        return out


#: Words that introduce the named members of a group ("companies including X"; and "such as X").
MEMBER_PREPS = frozenset({"including", "like"})


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


def of_object(token: Token) -> Token | None:
    """The object of the token's own "of" ("one of the debates": debates), else None."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _share_of(token: Token) -> Token:
    """The people a share or a count is of ("47 percent of Harlow voters saying they",
    "most of the senators"), else the token itself."""
    if token.like_num or token.pos_ == "NUM" or token.lemma_.lower() in SHARE_NOUNS:
        return of_object(token) or token
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
    passive_like = _passive_like_subjects(verb, depth, active)
    if passive_like is not None:
        return passive_like
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
        if head.lemma_.lower() == "call" and (on_objs or verb.lemma_.lower() in CALLED_ACTS):
            return on_objs  # "called to reject X" names nobody who rejects
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
        if gov is None:
            return []
        return _reason_object(verb, gov) or _subject_tokens(gov, depth + 1)
    return []


def _passive_like_subjects(verb: Token, depth: int, active: bool) -> list[Token] | None:
    """The subjects of a passive the parser read as active, which undergo it: none acts
    ("Youth shot dead by police", "the protesters were lathi-charged"); None for any other
    verb."""
    if agent_passive(verb):
        return [] if active else [c for c in verb.children if c.dep_ == "nsubj"]
    if depth == 0 and active and predicative_passive(verb):
        return []
    return None


#: Prepositions whose gerund gives what a verb's object did: "assailed her for supporting the
#: war", "accused Tom Arden of attacking Harlow" (she supported, he attacked)
REASON_PREPS = frozenset({"for", "of"})


def _reason_object(gerund: Token, gov: Token) -> list[Token]:
    """The governing verb's person object when ``gerund`` is the "for"/"of" reason of the verb
    itself (:data:`REASON_PREPS`): that object acts in the gerund, not the verb's subject; a
    thing object acts in nothing ("used the money for buying")."""
    prep = gerund.head
    if prep.lower_ not in REASON_PREPS or prep.head.i != gov.i:
        return []
    return [c for c in gov.children if c.dep_ == "dobj" and (
        c.ent_type_ in ACTOR_LABELS or c.lower_ in PATIENT_PRONOUNS | PERSON_NOUNS)]


def is_passive(verb: Token) -> bool:
    """A passive clause ("were arrested", "after being arrested", "and has been sentenced"), a
    participle conjoined to one ("was hauled out and taken into custody") or a passive
    participle after its noun ("a soldier killed by a bomber")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN") or _conjoined_passive(verb) or (
        predicative_passive(verb)) or agent_passive(verb)


def predicative_passive(verb: Token) -> bool:
    """A participle the parser hangs under "be" as its complement, a passive all the same:
    "the protesters were lathi-charged" (the subject undergoes it, nobody named does)."""
    return verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.pos_ == "VERB" and (
        verb.lemma_.lower() in VERB_SENSES) and verb.head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" for c in verb.head.children)  # not "the attackers were gone"


def agent_passive(verb: Token) -> bool:
    """A verb with a "by" agent but a plain subject, a headline's passive the parser read as
    active: "Youth shot dead by police" (the youth undergoes it, the police act)."""
    return verb.pos_ == "VERB" and any(c.dep_ == "agent" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in {"nsubjpass", "auxpass", "dobj"} for c in verb.children)


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
    elif not out and agent_passive(verb):
        out.extend(c for c in verb.children if c.dep_ == "nsubj")
    elif not out and predicative_passive(verb):
        out.extend(c for c in verb.head.children if c.dep_ == "nsubj")
    elif not out and any(c.dep_ == "auxpass" for c in verb.children):
        # "X is due in court after being arrested", "X ... and has been sentenced": the
        # governing clause's subject undergoes it
        out.extend(_subject_tokens(verb, active=False))
    return out


def _passive_agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


