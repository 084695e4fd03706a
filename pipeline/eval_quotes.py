"""Scoring quotation extraction and speaker attribution on a PolNeAR-style annotated corpus.

The corpus folder holds ``txt/<name>.txt``, ``ann/<name>.ann`` (brat standoff) and
``gold_direct_quotes.json`` (direct quotations with their Source span typed name / pronoun /
nominal / none). Each text is parsed and extracted exactly as the pipeline's NLP stage does
(``pipeline.analysis.analyse_doc``), then tabulated with canonical speakers as the corpus stage
does (``build_entities`` + ``build_quotes``). The texts are scored as they are on disk (no
cleaning), so the gold offsets hold.

Matching is by character overlap: a prediction matches a gold quotation when their overlap is at
least half of the shorter one. Speakers:

- ``name`` source: right when the predicted speaker (canonical, or the local name it was
  snapped to) has a token that folds to one of the gold ``keys`` (the name's last token, and
  those of coordinated names).
- ``pronoun`` and ``nominal`` sources: the gold speaker is *derived* from the annotation, never
  from the pipeline (PolNeAR has no coreference layer). Every annotated Source span of the
  article is typed as the gold file types its sources (the head word of the first chunk; a
  capitalised head is a name; "his spokesman, Jason Miller" is Miller): these are its *name
  mentions*. A he/she/his/her/him source refers to the nearest earlier name mention in its
  paragraph or the two before that is no organisation (CoreNLP's tag of a gold source,
  acronyms), is not of the other gender and is not named in the pronoun's own clause ("he
  told Venter" is not Venter). A name's gender: Mr. / Mrs., Ms., a gendered title or
  kinship word ("spokesman Tomas Berg"), a first name the pipeline's lexicon gives one gender
  (``first_name_gender``), the article's evidence pooled by surname and unknown when it
  disagrees ("Tobias" and "Kim Oyelaran"), the mention's own words first. When the nearest
  person mention is passed over, the one taken must be known to be of the pronoun's gender
  (and the passing over must not rest on a first name alone of a name CoreNLP did not tag a
  person, "the Dale Valley Police Department"), else the speaker is not derivable.
  Who/which/that refers to a name mention ending at most 150 characters before it. A nominal
  source ("the spokesman") refers to the nearest earlier name mention whose span, or the 60
  characters around it in its paragraph, holds the nominal's head word ("Harlow spokesman Tom
  Arden"). A hand check of 30 random derived speakers found 26 right (wrong: two "he" whose
  antecedent is no Source span, one acronym, one nominal); of the 53 polnear-train speakers
  the gender and clause rules changed, 50 were read right, 3 wrong. Cases this does not
  resolve (they, it, "a spokesman for X" never named) are counted and left out of the
  accuracy.
- The same sources against a *hand-checked* referent where one exists
  (``tests/fixtures/polnear_referents``: every pronoun and nominal quotation of polnear-train's
  held-out fold read by hand, failures and successes alike, so the sample is not biased by the
  pipeline): a second figure, ``speaker_pronoun_nominal_checked``, beside the derived one.
  A referent the article never names ("a spokesman", "one user") and one the checker was
  unsure of are counted and left out of it.

Folds are fixed by article file name (sha256 modulo 5); ``fit_folds`` / ``held_out`` let a
trained component be fitted on some folds and measured on the others.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

FOLDS = 5
HELD_OUT = (4,)
DEFAULT_FIT_FOLDS = tuple(f for f in range(FOLDS) if f not in HELD_OUT)
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear-train"
DEFAULT_PARSE_CACHE = Path(tempfile.gettempdir()) / "news-events-polnear-docs.spacy"
REFERENTS_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "polnear_referents"
DEFAULT_REFERENTS = REFERENTS_DIR / "fold4.json"
MIN_OVERLAP = 0.5
PERSONAL = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
RELATIVE = frozenset({"who", "which", "that"})
RELATIVE_REACH = 150
PRONOUN_REACH = 2  # paragraphs back from the pronoun's own
NOMINAL_WINDOW = 60
# The rest of a pronoun's own clause: up to a sentence end (not a title's full stop), a
# quotation mark, a comma or a colon, or a subordinator that opens another clause ("... ," he
# told Mr. Venter on the radio. / he said that the Halvorsen campaign ...: no Halvorsen, another
# clause).
_CLAUSE_END_RE = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)[.!?\n\"“”,;:—–(]"
                            r"|\b(?:that|whether|if|because|when|while|as|after|before)\b")
CLAUSE_WORDS = 6
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HYPHENATED_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*-[^\W\d_]+")


def fold_of(name: str) -> int:
    """The fixed fold of an article: its file stem's sha256, modulo :data:`FOLDS`."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def fold_token(word: str) -> str:
    """A word compared as the gold keys are: accents stripped, case-folded, no possessive, no
    apostrophe."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).casefold()
    word = word.replace("’", "'")
    word = word[:-2] if word.endswith("'s") else word
    return word.replace("'", "")  # O'Malley: the gold key is "omalley"


def name_tokens(text: str | None) -> set[str]:
    """Folded words of a name; a hyphenated name also as one word, as the gold keys write it
    (Lopez-Cantera: lopez, cantera, lopezcantera)."""
    words = _WORD_RE.findall(text or "")
    joined = ["".join(m.split("-")) for m in _HYPHENATED_RE.findall(text or "")]
    return {fold_token(w) for w in words + joined}


# ---------------------------------------------------------------------------------------------
# the corpus
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    words: int
    source_type: str  # name, pronoun, nominal, none
    source_text: str | None
    source_start: int | None
    keys: frozenset[str]  # name keys of the speaker; empty when it cannot be derived
    derived: bool  # keys derived from another Source span (pronoun, nominal)
    checked: frozenset[str] | None = None  # hand-checked referent keys; empty: never named
    unsure: bool = False  # the hand check could not decide


@dataclass
class Article:
    name: str
    text: str
    fold: int
    quotes: list[GoldQuote]
    other_quoted: list[tuple[int, int]] = field(default_factory=list)


def read_ann_sources(path: Path) -> list[tuple[int, int, str]]:
    """Source spans of a brat .ann file: (start, end, text), discontinuous spans joined."""
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind != "Source":
            continue
        pieces = [p.split() for p in offsets.split(";")]
        try:
            start, end = int(pieces[0][0]), int(pieces[-1][-1])
        except (ValueError, IndexError):
            continue
        out.append((start, end, parts[2]))
    return sorted(out)


def _all_capitalised(text: str) -> bool:
    words = _WORD_RE.findall(text)
    return bool(words) and all(w[0].isupper() for w in words)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    keys: frozenset[str]
    person: bool | None  # CoreNLP's head NER of a gold source: PERSON, another type, unknown
    gender: str | None  # "m" / "f" from titles, first names, the mention's own words
    titled: str | None = None  # the gender from titles alone (Mr., Mrs., "spokesman")


_NON_PERSON_NER = frozenset({"ORGANIZATION", "LOCATION", "MISC", "NUMBER", "DATE"})
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w.'’-]*\s+){0,2}([A-Z][\w'’-]+)")


# Capitalised words and initials: a run of up to three before a name key holds its first name
# (:func:`_first_name`).
_CAPITALISED_RE = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.|[A-Z][\w'’-]+)")
NAME_RUN = 3


def _name_runs(text: str) -> Iterable[tuple[list[str], str]]:
    """(words before, surname) for every capitalised word after one or more capitalised words
    or initials, runs overlapping ("High Court Justice Maria Elena Lindqvist": Lindqvist after
    Justice Maria Elena)."""
    caps = list(_CAPITALISED_RE.finditer(text))
    for j, m in enumerate(caps):
        if m.group().endswith("."):
            continue
        i = j
        while i > max(0, j - NAME_RUN) and text[caps[i - 1].end():caps[i].start()].isspace():
            i -= 1
        if i < j:
            yield [c.group() for c in caps[i:j]], m.group()


def _genders(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Name key -> gender from all the article's evidence, and from its titles alone (the
    first-name lexicon knows "Dale" and "Marion" too: the Dale Valley Police Department, the
    Marion Teachers Association). Evidence: Mr. (m) or Mrs./Ms./Miss (f), a gendered title or
    kinship word ("spokesman Tomas Berg") before the name, first names the lexicon gives one
    gender ("Tobias Halvorsen": m). Evidence that disagrees ("her husband, Radomir Oyelaran"
    beside "Velandra Oyelaran"), or two first names one of which the lexicon leaves undecided
    ("Tobias" and "Kim Oyelaran"): unknown; the mention's own words then decide
    (:func:`_span_gender`)."""
    titled: dict[str, set[str]] = {}
    for m in _HONORIFIC_RE.finditer(text):
        titled.setdefault(fold_token(m.group(2)), set()).add("m" if m.group(1) == "Mr" else "f")
    for m in _gendered_word_re().finditer(text):
        titled.setdefault(fold_token(m.group(2)), set()).add(_word_gender(m.group(1)))
    named: dict[str, set[str]] = {}
    for words, surname in _name_runs(text):
        if (g := _first_name(words, surname)) is not None:
            named.setdefault(fold_token(surname), set()).add(g)
    return _decided(titled, named), _decided(titled)


def _decided(*evidence: Mapping[str, set[str]]) -> dict[str, str]:
    """The keys all the evidence gives one known gender."""
    seen: dict[str, set[str]] = {}
    for found in evidence:
        for key, genders in found.items():
            seen.setdefault(key, set()).update(genders)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and "" not in v}


def _first_name(words: Sequence[str], surname: str) -> str | None:
    """The gender the lexicon gives the first name of a run of capitalised words before a
    surname: titles and words the lexicon does not know are passed over ("Chancellor Maria
    Lindqvist", "But Oyelaran"), a first name is at most one word from the surname ("Anna Todd
    Kowalczyk"); "" for a name it leaves undecided ("Kim"), None for no first name."""
    from pipeline.entities import TITLES, first_name_gender

    for i, word in enumerate(words):
        name = " ".join([*words[i:], surname])
        if word.casefold().rstrip(".") in TITLES or not first_name_gender(name, 0.5):
            continue
        return first_name_gender(name) if len(words) - i <= 2 else None
    return None


@lru_cache(maxsize=1)
def _gendered_word_re() -> re.Pattern[str]:
    """A gendered title or kinship word of the entities' table before a name ("spokesman Tomas
    Berg", "his wife, Velandra Oyelaran"), the name's last word in group 2."""
    from pipeline.entities import GENDER_OF_TITLE, GENDER_OF_WORD

    words = "|".join(sorted((w for w in GENDER_OF_WORD if w not in GENDER_OF_TITLE), key=len,
                            reverse=True))
    return re.compile(rf"\b((?i:{words})),?\s+(?:[A-Z][\w'’-]*\s+|[A-Z]\.\s+){{0,2}}"
                      r"([A-Z][\w'’-]+)(?![\w'’-]*\s+[A-Z])")


def _word_gender(word: str) -> str:
    """The gender the entities' table gives a title or kinship word, written in any case."""
    from pipeline.entities import GENDER_OF_WORD

    return GENDER_OF_WORD[word.casefold()]


def _span_gender(text: str, start: int, end: int) -> str | None:
    """The gender one mention's own name gives (its first chunk, with a title just before it):
    "Tobias Oyelaran" in an article that also has Kim; None when it does not."""
    lead = text[max(0, start - 5):start]
    lead = lead if re.search(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+$", lead) else ""
    own, _ = _genders(lead + _CHUNK_END_RE.split(text[start:end], maxsplit=1)[0])
    return own.popitem()[1] if len(own) == 1 else None


_POST_MODIFIER_WORDS = "of for who whom whose which that by at from with in on released according"
_POST_MODIFIERS = frozenset(_POST_MODIFIER_WORDS.split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NOT_NAME_WORDS = "he she it they we i you who this that these those the a an his her its our my"
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_CHUNK_END_RE = re.compile(r"[,(\[—–;:]")


def _span_keys(span_text: str, text: str) -> frozenset[str]:
    """Name keys of one annotated Source span, typed as the gold file types its sources: the
    head is the last word of the first chunk (before a comma, bracket or post-modifier);
    a capitalised head is a name; a common noun followed by an appositive name ("his
    spokesman, Jason Miller") is that name; coordinated names all count."""
    parts = _CHUNK_END_RE.split(span_text, maxsplit=1)
    rest = parts[1] if len(parts) > 1 else ""
    words = _WORD_RE.findall(parts[0])
    for i, w in enumerate(words):
        if w.casefold() in _POST_MODIFIERS and i > 0:
            words = words[:i]
            break
    keys = set()
    for group in " ".join(words).split(" and "):
        names = [w for w in group.split() if fold_token(w).rstrip(".") not in _SUFFIXES]
        if not names:
            continue
        head = names[-1]
        if not head[0].isupper() or head.casefold() in _NOT_NAMES:
            continue
        if len(names) == 1 and re.search(rf"\b{re.escape(head.casefold())}\b", text):
            continue  # "Officials said": a common noun that starts a sentence
        keys.add(fold_token(head))
    if not keys and words and words[-1][:1].islower():
        appos = _WORD_RE.findall(_CHUNK_END_RE.split(rest, maxsplit=1)[0])
        if appos and all(w[0].isupper() for w in appos):
            keys.add(fold_token(appos[-1]))
    return frozenset(keys)


def _name_mentions(quotes: Sequence[dict], sources: Sequence[tuple[int, int, str]],
                   text: str) -> list[_Mention]:
    """Annotated Source spans that name someone, in text order."""
    found: dict[tuple[int, int], tuple[frozenset[str], bool | None]] = {}
    person_of: dict[str, bool] = {}
    for q in quotes:
        src = q.get("source") or {}
        if src.get("type") == "name" and src.get("keys") and src.get("spans"):
            ner = src.get("head_ner")
            person = True if ner == "PERSON" else (False if ner in _NON_PERSON_NER else None)
            keys = frozenset(src["keys"])
            found[(src["spans"][0][0], src["spans"][-1][-1])] = (keys, person)
            for k in keys:
                if person is not None:
                    person_of.setdefault(k, person)
    for a, b, span_text in sources:
        if (a, b) in found:
            continue
        keys = _span_keys(span_text, text)
        if keys:
            known = [person_of[k] for k in sorted(keys) if k in person_of]
            acronym = span_text.isupper()  # "AP", "TTIP": not a he or a she
            found[(a, b)] = (keys, known[0] if known else (False if acronym else None))
    genders, titled = _genders(text)
    out = []
    for (a, b), (keys, person) in sorted(found.items()):
        own = _span_gender(text, a, b) if len(keys) == 1 else None
        out.append(_Mention(a, b, keys, person, own or _one_gender(genders, keys),
                            _one_gender(titled, keys)))
    return out


def _one_gender(genders: Mapping[str, str], keys: Iterable[str]) -> str | None:
    """The gender all the keys have ("Oyelaran and husband Radomir": none)."""
    found = {genders.get(k) for k in keys}
    return found.pop() if found in ({"m"}, {"f"}) else None


def _referent(src: dict, text: str, mentions: Sequence[_Mention]) -> frozenset[str]:
    """Keys of the named person a pronoun or nominal Source span refers to (see the module
    docstring), or an empty set when the annotation does not tell."""
    if not src.get("spans"):
        return frozenset()
    start = src["spans"][0][0]
    head = (src.get("head") or "").casefold()
    earlier = [m for m in mentions if m.end <= start]
    if src["type"] == "pronoun":
        if head in PERSONAL:
            return _personal_referent(src, text, earlier)
        if head in RELATIVE and earlier and start - earlier[-1].end <= RELATIVE_REACH:
            return earlier[-1].keys
        return frozenset()
    if not head:
        return frozenset()
    pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    for m in reversed(earlier):
        lo = max(text.rfind("\n", 0, m.start) + 1, m.start - NOMINAL_WINDOW)
        line_end = text.find("\n", m.end)
        hi = min(start, m.end + NOMINAL_WINDOW, len(text) if line_end < 0 else line_end)
        if pattern.search(text[lo:hi]):
            return m.keys
    return frozenset()


def _personal_referent(src: dict, text: str, earlier: Sequence[_Mention]) -> frozenset[str]:
    """The person a he/she source refers to: the nearest earlier person mention in reach of
    the pronoun's gender that is not named in the pronoun's own clause ("he told Venter" is
    not Venter). A mention of the other gender or in that clause is passed over, but then the
    one taken must be known to be of the pronoun's gender; none left: not derivable."""
    start, end = src["spans"][0][0], src["spans"][-1][-1]
    gender = "f" if (src.get("head") or "").casefold() in FEMININE else "m"
    clause = {fold_token(w) for w in
              _WORD_RE.findall(_CLAUSE_END_RE.split(text[end:], maxsplit=1)[0])[:CLAUSE_WORDS]
              if w[0].isupper()}
    people = [m for m in earlier if m.person is not False
              and _paragraphs_between(text, m.end, start) <= PRONOUN_REACH]
    fits = [m for m in people if m.gender in (None, gender) and not m.keys & clause]
    if not fits:
        return frozenset()
    if fits[-1] is people[-1] or fits[-1].keys == people[-1].keys:
        return fits[-1].keys
    if people[-1].person is None and people[-1].titled is None and not people[-1].keys & clause:
        return frozenset()  # passed over by a first name NER did not call a person's
    return fits[-1].keys if fits[-1].gender == gender else frozenset()


def _paragraphs_between(text: str, a: int, b: int) -> int:
    return sum(1 for line in text[a:b].split("\n")[1:] if line.strip())


@dataclass(frozen=True)
class Referent:
    """One hand-checked referent of a pronoun or nominal source (see
    ``tests/fixtures/polnear_referents/README.md``)."""

    source: str
    keys: frozenset[str]
    unsure: bool


def load_referents(path: str | Path) -> dict[tuple[str, int, int], Referent]:
    """Hand-checked referents by (article name, quotation start, end)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(q["file"], q["start"], q["end"]):
            Referent(q["source"], frozenset(q["referent"]), bool(q.get("unsure")))
            for q in data["quotes"]}


def _with_referents(articles: Sequence[Article],
                    referents: Mapping[tuple[str, int, int], Referent]) -> None:
    """Give each pronoun or nominal gold quotation its hand-checked referent. A check of an
    article of the corpus that matches no such quotation with the same source text means the
    gold file moved under the check: an error, not a silent drop."""
    names = {a.name for a in articles}
    stale = {k for k in referents if k[0] in names}
    for article in articles:
        for i, g in enumerate(article.quotes):
            ref = referents.get((article.name, g.start, g.end))
            if ref is None or not g.derived or ref.source != g.source_text:
                continue
            stale.discard((article.name, g.start, g.end))
            article.quotes[i] = replace(g, checked=ref.keys, unsure=ref.unsure)
    if stale:
        raise ValueError(f"{len(stale)} hand-checked referents match no pronoun or nominal "
                         f"gold quotation, e.g. {sorted(stale)[0]}")


def load_corpus(folder: str | Path, referents: str | Path | None = None) -> list[Article]:
    """Every article of the corpus folder with its gold quotations and derived speakers, and
    the hand-checked referents of the ``referents`` file when one is given."""
    root = Path(folder)
    gold = json.loads((root / "gold_direct_quotes.json").read_text(encoding="utf-8"))
    articles = []
    for entry in gold["articles"]:
        name = entry["name"]
        text = (root / "txt" / entry["source"]).read_text(encoding="utf-8")
        ann = read_ann_sources(root / "ann" / f"{name}.ann")
        mentions = _name_mentions(entry["quotes"], ann, text)
        quotes = []
        for q in entry["quotes"]:
            src = q.get("source") or {"type": "none"}
            kind = src.get("type", "none")
            if kind == "name":
                keys, derived = frozenset(src.get("keys") or name_tokens(src.get("head"))), False
            elif kind in ("pronoun", "nominal"):
                keys, derived = _referent(src, text, mentions), True
            else:
                keys, derived = frozenset(), False
            spans = src.get("spans") or []
            quotes.append(GoldQuote(
                start=q["start"], end=q["end"], words=q["words"], source_type=kind,
                source_text=src.get("text"), source_start=spans[0][0] if spans else None,
                keys=keys, derived=derived))
        other = [(o["start"], o["end"]) for o in entry.get("other_quoted", [])]
        articles.append(Article(name, text, fold_of(name), quotes, other))
    if referents is not None:
        _with_referents(articles, load_referents(referents))
    return articles


# ---------------------------------------------------------------------------------------------
# predictions: the pipeline's own code path
# ---------------------------------------------------------------------------------------------


def training_parser(description: str, out: Path) -> argparse.ArgumentParser:
    """The arguments every training script over an annotated corpus takes (``--corpus``,
    ``--model``, ``--cache``, ``--out``), so that they read the corpus and cache the parse alike."""
    from pipeline import config

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=config.spacy_model())
    parser.add_argument("--cache", type=Path, default=DEFAULT_PARSE_CACHE)
    parser.add_argument("--out", type=Path, default=out)
    return parser


def parsed_corpus(args: argparse.Namespace) -> tuple[list[Article], list]:
    """The corpus ``args.corpus`` and its parsed docs (cached in ``args.cache``)."""
    articles = load_corpus(args.corpus)
    return articles, parse_docs(articles, args.model, args.cache)


def parse_docs(articles: Sequence[Article], model: str, cache: Path | None = None) -> list:
    """Parsed docs of the articles' texts, read from ``cache`` (a DocBin) when it holds the same
    texts parsed by the same model, else parsed and written there."""
    from spacy.tokens import DocBin

    from pipeline.analysis import load_model, model_version, parse

    nlp = load_model(model)
    version = model_version(model)
    if cache is not None and cache.exists():
        stored = DocBin(store_user_data=True).from_bytes(cache.read_bytes())
        docs = list(stored.get_docs(nlp.vocab))
        ok = len(docs) == len(articles) and all(
            d.user_data.get("model") == version and d.text == a.text
            for d, a in zip(docs, articles, strict=True))
        if ok:
            return docs
    docs = list(parse(nlp, [a.text for a in articles], batch_size=16))
    if cache is not None:
        out = DocBin(store_user_data=True)
        for doc in docs:
            doc.user_data["model"] = version
            out.add(doc)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(out.to_bytes())
    return docs


def predict(articles: Sequence[Article], docs: Sequence) -> dict[str, list[dict]]:
    """Quote rows per article name, with canonical speakers, as the pipeline tabulates them."""
    from pipeline.analysis import ArticleInput, analyse_doc
    from pipeline.corpus import build_entities, build_quotes

    analyses, texts = {}, {}
    for article, doc in zip(articles, docs, strict=True):
        analyses[article.name] = analyse_doc(doc, ArticleInput(article.name, article.text, None))
        texts[article.name] = article.text
    entities = build_entities(analyses, texts)
    rows = build_quotes(analyses, entities)
    local = {(aid, q["start"], q["end"]): (q.get("speaker") or {}).get("name")
             for aid, analysis in analyses.items() for q in analysis["quotes"]}
    out: dict[str, list[dict]] = {a.name: [] for a in articles}
    for row in rows:
        row["local_speaker"] = local.get((row["article_id"], row["start"], row["end"]))
        out[row["article_id"]].append(row)
    return out


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _matches(pred: dict, start: int, end: int) -> bool:
    ov = _overlap(pred["start"], pred["end"], start, end)
    shorter = max(1, min(pred["end"] - pred["start"], end - start))
    return ov >= MIN_OVERLAP * shorter


def speaker_right(pred: dict, keys: Iterable[str]) -> bool:
    """The predicted speaker (canonical or local) shares a name key with the gold speaker."""
    keys = set(keys)
    return bool(keys & (name_tokens(pred.get("speaker")) | name_tokens(pred.get("local_speaker"))))


def _outcome(found: dict | None, keys: Iterable[str], unscored: Sequence[tuple[bool, str]]) -> str:
    """The outcome class of one gold quotation against the speaker ``keys``; ``unscored``
    names, in order, the reasons a found quotation has no gold speaker to compare."""
    if found is None:
        return "missed quote"
    for applies, outcome in unscored:
        if applies:
            return outcome
    if not (found.get("speaker") or found.get("local_speaker")):
        return "no speaker"
    return "right" if speaker_right(found, keys) else "wrong speaker"


def _judge(g: GoldQuote, found: dict | None) -> str:
    """The outcome class of one gold quotation against its derived referent."""
    return _outcome(found, g.keys, ((g.source_type == "none", "no gold speaker"),
                                    (not g.keys, "gold speaker not derivable")))


def _judge_checked(g: GoldQuote, found: dict | None) -> str:
    """The outcome class of one gold quotation against its hand-checked referent."""
    return _outcome(found, g.checked, ((g.unsure, "referent unsure"),
                                       (not g.checked, "no named referent")))


def score(articles: Sequence[Article], predictions: Mapping[str, Sequence[dict]],
          folds: Iterable[int] | None = None) -> dict:
    """Recall, precision, speaker accuracy by source type and failure classes on ``folds``."""
    wanted = set(range(FOLDS) if folds is None else folds)
    counts: Counter[str] = Counter()
    outcomes: dict[str, Counter[str]] = {k: Counter() for k in ("name", "pronoun", "nominal")}
    checked: dict[str, Counter[str]] = {k: Counter() for k in ("pronoun", "nominal")}
    extra: Counter[str] = Counter()
    for article in articles:
        if article.fold not in wanted:
            continue
        preds = list(predictions.get(article.name, ()))
        used: set[int] = set()
        for g in article.quotes:
            hits = [i for i, p in enumerate(preds) if _matches(p, g.start, g.end)]
            best = max(hits, key=lambda i: _overlap(preds[i]["start"], preds[i]["end"],
                                                    g.start, g.end), default=None)
            found = preds[best] if best is not None else None
            used.update(hits)
            counts["gold"] += 1
            counts["gold_3plus"] += g.words >= 3
            counts["found"] += found is not None
            counts["found_3plus"] += found is not None and g.words >= 3
            if g.source_type in outcomes:
                outcomes[g.source_type][_judge(g, found)] += 1
            if g.derived:
                counts[f"{g.source_type}_total"] += 1
                counts[f"{g.source_type}_derivable"] += bool(g.keys)
                if g.checked is not None:
                    checked[g.source_type][_judge_checked(g, found)] += 1
        counts["predicted"] += len(preds)
        counts["predicted_right"] += len(used)
        for i, p in enumerate(preds):
            if i not in used:
                other = any(_matches(p, a, b) for a, b in article.other_quoted)
                extra["extra: quoted outside any attribution" if other
                      else "extra: not a gold segment"] += 1
    return {**_figures(counts, outcomes, extra), **_checked_figures(counts, checked)}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _figures(counts: Counter[str], outcomes: Mapping[str, Counter[str]],
             extra: Counter[str]) -> dict:
    speakers = {}
    for kind, c in outcomes.items():
        judged = c["right"] + c["wrong speaker"] + c["no speaker"]
        speakers[kind] = {"accuracy": _ratio(c["right"], judged), "judged": judged,
                          **dict(sorted(c.items()))}
    pn = outcomes["pronoun"] + outcomes["nominal"]
    pn_judged = pn["right"] + pn["wrong speaker"] + pn["no speaker"]
    failures: Counter[str] = Counter()
    for kind, c in outcomes.items():
        for outcome, n in c.items():
            if outcome not in ("right",):
                failures[f"{kind}: {outcome}"] += n
    failures.update(extra)
    return {
        "gold": counts["gold"], "predicted": counts["predicted"],
        "recall": _ratio(counts["found"], counts["gold"]),
        "recall_3plus": _ratio(counts["found_3plus"], counts["gold_3plus"]),
        "precision": _ratio(counts["predicted_right"], counts["predicted"]),
        "speaker_name": speakers["name"]["accuracy"],
        "speaker_pronoun_nominal": _ratio(pn["right"], pn_judged),
        "pronoun_nominal_derivable": {  # gold speakers the annotation resolves to a name
            kind: {"derivable": counts[f"{kind}_derivable"], "total": counts[f"{kind}_total"]}
            for kind in ("pronoun", "nominal")},
        "speakers": speakers,
        "failures": dict(failures.most_common()),
    }


def _checked_figures(counts: Counter[str], checked: Mapping[str, Counter[str]]) -> dict:
    """Pronoun and nominal speaker accuracy against the hand-checked referents."""
    both = checked["pronoun"] + checked["nominal"]
    judged = both["right"] + both["wrong speaker"] + both["no speaker"]
    return {
        "speaker_pronoun_nominal_checked": _ratio(both["right"], judged),
        "pronoun_nominal_checked": {  # quotations whose referent was checked by hand
            kind: {"checked": sum(checked[kind].values()), "total": counts[f"{kind}_total"]}
            for kind in ("pronoun", "nominal")},
        "speakers_checked": {kind: dict(sorted(c.items())) for kind, c in checked.items()},
    }


def evaluate_corpus(folder: str | Path, model: str, cache: Path | None = None,
                    referents: str | Path | None = None) -> dict:
    """Figures on the held-out fold, on the fit folds and on all folds; the pronoun and
    nominal speakers also against the hand-checked ``referents`` when given."""
    articles = load_corpus(folder, referents)
    docs = parse_docs(articles, model, cache)
    predictions = predict(articles, docs)
    fit = list(DEFAULT_FIT_FOLDS)
    return {
        "corpus": str(folder), "articles": len(articles), "folds": FOLDS,
        "held_out_folds": list(HELD_OUT),
        "referents": None if referents is None else str(referents),
        "held_out": score(articles, predictions, HELD_OUT),
        "fit_folds": score(articles, predictions, fit),
        "all": score(articles, predictions),
    }
