"""A trained antecedent ranker for pronoun speakers ("he said", "she told reporters").

The rules of ``pipeline/quotes.py`` read sentences backwards and take the first speaker,
subject or person of the right gender; they hand "she" to a daughter where the paragraph is about
her mother, and "he" to the interviewer. Here every person named before the pronoun (its
paragraph and the :data:`PARAGRAPHS` before it, outside quotations) is a candidate, grouped by
surname so "Marta Oyelaran ... Oyelaran" is one candidate, and a logistic regression scores them:
gender agreement (honorifics, first names, pronouns the article pairs with the name), recency
in mentions, sentences and paragraphs, subject role, whether the person spoke the previous
quotation, how often the article names them, number. The best candidate is the antecedent.

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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.entities import LIKELY_SHARE, first_name_gender

if TYPE_CHECKING:
    from spacy.tokens import Span

    from pipeline.quotes import _DocIndex

ANTECEDENT_MODEL = Path(__file__).parent / "data" / "antecedent_model.json"
PARAGRAPHS = 3  # paragraphs before the pronoun's own that hold candidates
_BREAKS_RE = re.compile(r"\n+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_GENDERED = {"m": frozenset({"he", "him", "his", "himself"}),
             "f": frozenset({"she", "her", "hers", "herself"})}
FEATURES = (
    "gender_agrees", "gender_clashes", "plural", "rule_pick",
    "same_sentence", "log_sentences", "para_0", "para_1", "para_2", "para_3",
    "log_rank", "nearest", "nearest_agreeing", "log_chars",
    "subject", "subject_latest", "reporting_subject", "reporting_subject_latest",
    "previous_speaker", "window_speaker", "log_mentions_article", "most_mentioned",
    "log_mentions_window", "in_headline", "possessive_latest", "prep_object_latest",
    "sentence_initial_latest", "first_mention_full", "rule_same_sentence", "object_same_sentence",
    "named_in_quote", "last_subject", "log_subject_rank", "last_agreeing_subject",
    "log_pronouns_since_subject",
)
# Computed for the constraints of :func:`rank`, not model inputs (as inputs they did not pay).
CONSTRAINT_FEATURES = ("reported_speaker", "latest_reported_speaker", "reported_just_before")


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
        for v, m, sc, w in zip(x, model["mean"], model["scale"], model["weights"], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def key_genders(ix: _DocIndex) -> dict[str, str]:
    """Surname key -> "m" / "f" from the honorifics and the first names of the article's full
    mentions (:meth:`_DocIndex.genders`); a key with both stays unknown."""
    cached = getattr(ix, "_key_genders", None)
    if cached is not None:
        return cached
    seen: dict[str, set[str]] = {}
    for word, g in ix.genders().items():
        seen.setdefault(name_key(word), set()).add(g)
    for ent in ix.doc.ents:
        if ent.label_ == "PERSON":
            g = first_name_gender(ent.text, LIKELY_SHARE)
            if g:
                seen.setdefault(name_key(ent.text), set()).add(g)
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    ix._key_genders = out  # type: ignore[attr-defined]
    return out


def article_counts(ix: _DocIndex) -> Counter[str]:
    """How often the article names each surname key outside quotations."""
    cached = getattr(ix, "_key_counts", None)
    if cached is None:
        cached = Counter(name_key(e.text) for e in ix.doc.ents
                         if e.label_ == "PERSON" and not ix.in_quote(e.start_char))
        ix._key_counts = cached  # type: ignore[attr-defined]
    return cached


def _floor(text: str, pos: int, paragraphs: int) -> int:
    """Start of the paragraph ``paragraphs`` before the one holding ``pos``."""
    cut = pos
    for _ in range(paragraphs + 1):
        cut = text.rfind("\n", 0, cut)
        if cut < 0:
            return 0
        while cut > 0 and text[cut - 1] == "\n":
            cut -= 1
    return cut + 1


def candidates(ix: _DocIndex, pos: int, gender: str | None, rule: tuple[int, int] | None,
               speakers: Sequence[tuple[int, int]], quote: tuple[int, int] = (0, 0)
               ) -> list[Antecedent]:
    """The people named before ``pos`` (its paragraph and :data:`PARAGRAPHS` before), one per
    surname key, with their features. ``speakers``: the speaker spans of the earlier quotations,
    last one last; ``quote``: the quotation the pronoun speaks (a name in it is seldom its
    speaker: "Oyelaran is a faker," she said)."""
    lo = _floor(ix.text, pos, PARAGRAPHS)
    groups: dict[str, Antecedent] = {}
    for ent in sorted(_mentions(ix, lo, pos), key=lambda e: e.start):
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
    quoted = {name_key(w) for w in ix.text[quote[0]:quote[1]].split()}
    said = [name_key(ix.text[a:b]) for a, b in reported]
    for c in out:
        c.features["named_in_quote"] = float(c.key in quoted)
        c.features["reported_speaker"] = float(c.key in said)
        c.features["latest_reported_speaker"] = float(bool(said) and c.key == said[-1])
        # "..., Tikhonov told AFP. “...,” he said": the speaker of the sentence before.
        gap = ix.sent_index(quote[0] or pos) - ix.sent_index(c.start)
        c.features["reported_just_before"] = c.features["latest_reported_speaker"] * float(
            0 < gap <= 1)
    return out


def _reported_speakers(ix: _DocIndex, lo: int, pos: int) -> list[tuple[int, int]]:
    """The people the rules make speakers of the reporting verbs in [lo, pos), outside
    quotations, in text order (an appositive or a subject the parser missed counts: "...,
    Vladimir Tikhonov, professor of Korean studies, told AFP")."""
    from pipeline.quotes import _is_cue_verb

    out = []
    for tok in ix.tokens(lo, pos):
        if not _is_cue_verb(tok) or ix.in_quote(tok.idx):
            continue
        subj = ix.subject(tok)
        if subj is None or subj.idx >= pos or ix.in_quote(subj.idx):
            continue
        found = ix.person_span(subj)
        if found is not None and found[1] <= pos:
            out.append(found)
    return out


def _mentions(ix: _DocIndex, lo: int, pos: int) -> list[Span]:
    """People named in [lo, pos) outside quotations: PERSON entities, and subjects that are
    names the recogniser left untagged or took for an organisation (:meth:`person_span`)."""
    out = [e for e in ix.doc.ents if e.label_ == "PERSON" and lo < e.end_char and
           e.start_char < pos and not ix.in_quote(e.start_char)]
    for tok in ix.tokens(lo, pos):
        if tok.dep_ not in _SUBJECTS or ix.in_quote(tok.idx) or tok.ent_type_ == "PERSON":
            continue
        found = ix.person_span(tok)
        span = ix.doc.char_span(*found, alignment_mode="expand") if found else None
        if span is not None:
            out.append(span)
    return out


def _features(ix: _DocIndex, pos: int, gender: str | None, rule: tuple[int, int] | None,
              speakers: Sequence[tuple[int, int]], cands: list[Antecedent]) -> None:
    genders = key_genders(ix)
    counts = article_counts(ix)
    top = max(counts.values(), default=0)
    rule_key = name_key(ix.text[rule[0]:rule[1]]) if rule else ""
    prev_key = name_key(ix.text[speakers[-1][0]:speakers[-1][1]]) if speakers else ""
    window_keys = {name_key(ix.text[a:b]) for a, b in speakers[-4:]}
    para_starts = [m.end() for m in _BREAKS_RE.finditer(ix.text, 0, pos)]
    own_para = len(para_starts)
    own_sent = ix.sent_index(pos)
    headline_end = ix.text.find("\n")
    agreeing = [c for c in reversed(cands) if genders.get(c.key) in (None, gender)]
    nearest_ok = agreeing[0].key if agreeing and gender else ""
    subject_order = sorted((c for c in cands if _last_subject(c) >= 0),
                           key=_last_subject, reverse=True)
    agreeing_subject = next((c.key for c in subject_order
                             if genders.get(c.key) in (None, gender)), "")
    words = _GENDERED.get(gender or "", frozenset())
    pronouns = [t.idx for t in ix.tokens(_floor(ix.text, pos, PARAGRAPHS), pos)
                if t.lower_ in words and not ix.in_quote(t.idx)]
    for rank, c in enumerate(reversed(cands)):
        known = genders.get(c.key)
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
            "in_headline": float(headline_end > 0 and any(
                m.start_char < headline_end for m in c.mentions)),
            **_role_features(ix, c.mentions),
        }
        f.update(_subject_chain(c, subject_order, agreeing_subject, pronouns))
        f["rule_same_sentence"] = f["rule_pick"] * f["same_sentence"]
        f["object_same_sentence"] = f["same_sentence"] * float(
            latest is not None and latest.root.dep_ in ("dobj", "pobj", "dative"))
        c.features = f


def _last_subject(c: Antecedent) -> int:
    """Where the candidate was last a subject (-1: never in the window)."""
    return max((m.start_char for m in c.mentions if m.root.dep_ in _SUBJECTS), default=-1)


def _subject_chain(c: Antecedent, order: list[Antecedent], agreeing: str,
                   pronouns: list[int]) -> dict[str, float]:
    """The candidate as the topic the text keeps talking about: the last person who was a
    subject (of the pronoun's gender), and how many pronouns of that gender followed."""
    rank = next((i for i, o in enumerate(order) if o is c), len(order) + 2)
    since = _last_subject(c)
    return {
        "last_subject": float(rank == 0),
        "log_subject_rank": math.log1p(rank),
        "last_agreeing_subject": float(c.key == agreeing),
        "log_pronouns_since_subject": math.log1p(sum(p > since for p in pronouns))
        if since >= 0 else 0.0,
    }


def _role_features(ix: _DocIndex, mentions: list[Span]) -> dict[str, float]:
    """Syntactic roles of a candidate's mentions: subject (any, latest), subject of a reporting
    verb, possessive, object of a preposition, first word of its sentence; and whether the
    window names the person in full ("Marta Oyelaran") before any surname alone."""
    from pipeline.quotes import _is_cue_verb

    subj = [m.root.dep_ in _SUBJECTS for m in mentions]
    reporting = [s and _is_cue_verb(m.root.head) for s, m in zip(subj, mentions, strict=True)]
    latest = mentions[-1] if mentions else None
    root = latest.root if latest is not None else None
    return {
        "subject": float(any(subj)),
        "subject_latest": float(bool(subj) and subj[-1]),
        "reporting_subject": float(any(reporting)),
        "reporting_subject_latest": float(bool(reporting) and reporting[-1]),
        "possessive_latest": float(root is not None and any(
            ch.dep_ == "case" for ch in root.children)),
        "prep_object_latest": float(root is not None and root.dep_ == "pobj"),
        "sentence_initial_latest": float(latest is not None and latest.start == latest.sent.start),
        "first_mention_full": float(bool(mentions) and len(mentions[0]) > 1),
    }


def rank(model: dict, cands: Sequence[Antecedent]) -> tuple[Antecedent | None, float]:
    """The best-scored candidate and its probability (None when there are none).

    Constraints come before the scores: a person of the other gender is no antecedent while
    another fits; the rules' pick stands when it is named in the pronoun's own sentence ("asked
    Halvorsen whether he would help, he said") or speaks the last reporting verb, in the sentence
    right before the quotation ("..., Vladimir Tikhonov, professor at Oslo, told AFP. "...," he
    said": on folds 0-3 the ranker wins 7 of 444 such cases more, and loses the seeds' one)."""
    agreeing = [c for c in cands if not c.features["gender_clashes"]]
    cands = agreeing or list(cands)
    own = [c for c in cands if c.features["rule_same_sentence"] or (
        c.features["rule_pick"] and c.features["reported_just_before"])]
    cands = own or cands
    best, best_p = None, -1.0
    for c in cands:
        p = probability(model, [c.features[n] for n in FEATURES])
        if p > best_p:
            best, best_p = c, p
    return best, best_p
