"""Quotation extraction with speakers, and cross-article clustering of quotations.

Pure Python over a spaCy ``Doc``; no Dagster here.

Extraction works in three passes over the text of one article:

1. Quote marks are paired paragraph by paragraph with a character scan. Curly and straight
   double marks, and single marks outside double-quoted spans, are classified as opening or
   closing by glyph and by context (what stands on each side), so an odd or stray mark only ever
   affects itself. Apostrophes inside words (don't, Russia's) are never marks. A paragraph whose
   last quotation is never closed and whose next paragraph opens with a mark is a multi-paragraph
   quotation; it is kept as one quote per paragraph sharing one speaker.
2. Each quotation gets its own cue where there is one: a reporting verb right after it (``"...,"
   he said``, ``"...," said Jane Doe``), the clause that introduces it (``X said: "..."``,
   ``X wrote in the book: "..."``, a previous paragraph ending in a colon) or, for a partial
   quotation inside reported speech, the nearest reporting verb before it in the sentence. The
   speaker is the subject of that verb, resolved to a name span: a named entity directly, a
   pronoun to the person the preceding sentences are about, a definite title ("the foreign
   minister") to the person earlier introduced with that title, a definite description that
   repeats an earlier noun ("the report", "the statement") to the name written beside that
   noun ("a report by Venter Corp"), otherwise unnamed (span None).
   A "he" or "she" speaker is then re-resolved by a trained antecedent ranker
   (:mod:`pipeline.coreference`, ``pipeline/data/antecedent_model.json``): every person named
   in the pronoun's paragraph and the three before competes, scored on gender agreement,
   recency, subject role, the previous quotation's speaker and the article's salience.
3. Quotations with no cue of their own inherit the speaker of the other quotation in their
   paragraph, of their multi-paragraph chain, or of the previous paragraph's quotation.
4. A small trained ranker (``pipeline/data/speaker_model.json``, a logistic regression fitted by
   ``scripts/train_speakers.py`` on the fit folds of an annotated corpus) scores the names around
   each quotation (its paragraph and the two before): relation to a reporting verb and to the
   cue window, side and distance, paragraph position, a colon label ("Name, Outlet:", "MR.
   X:"), a title, the entity type. Its best candidate replaces the rules' speaker only in the
   cases where that paid on the fit folds (measured per case: the rules named nobody, or only
   an unnamed "senior official"); a speaker the cue names is kept.

A full stop after a title, an abbreviation or an initial (:data:`ABBREVIATIONS`) does not end a
sentence for the cue search; two apostrophes written for a double mark pair as one. A pronoun's
antecedent may be a surname the recogniser missed, and skips names of the other gender by the
honorific the article writes (Mr., Mrs., Ms.).

Scare quotes and terms (a single quoted word with no cue), quoted headings (a short quotation
that is a whole paragraph) and quoted titles (a short Title Case phrase) are not quotations by
the rules; a trained acceptor (``pipeline/data/quote_model.json``, ``scripts/train_quotes.py``,
a logistic regression over the span's shape, the rules' verdict, its cue and the verb that
governs it in the parse) overrides them both ways where it is sure: it keeps "called the plan
"reckless"" (a one-word partial quotation under a reporting verb) and drops quoted titles the
rules kept. It also reads whether the sentence attributes the span to anyone
(:data:`ATTRIBUTION_FEATURES`: a reporting verb holding it as what was said, or only as where it
was said, a person's reporting verb, a speech noun, "according to"), since the annotation counts
a scare-quoted word as a quotation only inside someone's reported words. A partial quotation
without a named cue takes the subject of the reporting verb above it in the parse
(:func:`_governing_cue`).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from pipeline.clustering import UnionFind, blocked_pairs, stable_id
from pipeline.coreference import (
    NAME_LABELS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
    Antecedent,
    DocIndex,
    antecedent_model,
    candidates,
    is_cue_verb,
    pronoun_gender,
)
from pipeline.coreference import rank as rank_antecedent
from pipeline.doctext import doc_text
from pipeline.entities import TITLES


@dataclass(frozen=True)
class Quote:
    start: int  # offsets into doc.text; doc.text[start:end] == text
    end: int
    text: str  # the quotation without its surrounding quote marks
    speaker_text: str | None  # the speaker as written ("he", "Mr Smith", "the official")
    speaker_start: int | None  # offsets of the name the speaker resolves to (an entity
    speaker_end: int | None  # mention span in doc.text); None for an unnamed source
    cue: str | None  # the reporting verb as written ("said", "told", "wrote")
    partial: bool  # a partial quotation inside reported speech


SPEAKER_PRONOUNS = frozenset({"he", "she"})
DEFINITE = frozenset({"the", "this", "that"})
#: Determiners of a speaker brought in unnamed ("a person close to the family said"), whom no
#: earlier name stands for, unlike "the aide".
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many"})
LEFT_MODIFIER_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "flat", "case"}
)

# Mark families: (opening glyphs, closing glyphs, ambiguous glyphs).
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIG = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_AMBIG = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIG + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG
_MARKS_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")
_DOUBLE_RE = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIG) + "]")
_SINGLE_RE = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG) + "]")
# Two apostrophes written for a double mark (''like this'', as some NYT texts do) pair as one
# double mark: the apostrophe away from the words becomes this neutral character.
_NEUTRAL = "\u2063"
_TWO_APOSTROPHES_RE = re.compile(r"(?<!')''(?!')")
_TAG_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?>")
_OPEN_CONTEXT = "([{—–-/" + _NEUTRAL  # characters after which a mark opens
_CLOSE_CONTEXT = ".,;:!?)]}—–-/…" + _NEUTRAL  # characters before which a mark closes
_SENT_END_RE = re.compile(r"[.!?…][)\]\"”’']*\s+")
_SENT_END_AFTER_RE = re.compile(r"[.!?…](?=[\s\"”’']|$)")

# Words whose full stop does not end the sentence, so the search for a reporting verb goes on
# past them: (word before the stop, a case it covers, a case where the stop still ends it).
ABBREVIATIONS: tuple[tuple[str, str, str], ...] = (
    ("Mr", '"I don\'t see it happening," Mr. Thwaite said.', '"Thank you, Mr." The crowd laughed.'),
    ("Mrs", '"We are ready," Mrs. Kowalczyk said.', "She signed as Mrs. The name stuck."),
    ("Ms", '"Not now," Ms. Lindqvist said.', "She wrote for Ms. The magazine folded."),
    ("Dr", '"Rest," Dr. Carson told them.', "He lives on Elm Dr. The house is empty."),
    ("Sen", '"No," Sen. Chuck Schumer said.', "He ran for state Sen. The race was close."),
    ("Rep", '"Perpetual motion!" Rep. Glenn Thompson said.', "She is our Rep. The deal closed."),
    ("Gov", '"We will," Gov. John Kasich said.', "He was then Lt. Gov. The job was dull."),
    ("Gen", '"Hold the line," Gen. Mattis said.', "He retired a Brig. Gen. The army moved on."),
    ("Lt", '"Clear," Lt. Dan Reyes said.', "He left as a 1st Lt. The war ended."),
    ("St", '"Come home," St. Louis Mayor Slay said.', "The bank is on Main St. The doors closed."),
    ("Prof", '"It is new," Prof. Ann Lee said.', "She is now a full Prof. The post is paid."),
    ("Rev", '"Pray," Rev. Al Sharpton said.', "He became the Rev. The church grew."),
    ("Sgt", '"Move," Sgt. Ray Diaz said.', "He left as a Sgt. The unit moved."),
    ("Col", '"Wait," Col. Ann Wright said.', "She retired a Col. The army thanked her."),
    ("Capt", '"Go," Capt. Ivan Ruiz said.', "He sailed as Capt. The ship sank."),
    ("Sens", '"No," Sens. Cruz and Lee said.', "They are both Sens. The votes count."),
    ("Reps", '"No," Reps. Ryan and Pelosi said.', "They are both Reps. The votes count."),
    ("Jr", '"Fine," David Okafor Jr. said.', "said David Okafor Jr. The crowd cheered."),
    ("U.S", '"It is ours," U.S. officials said.', "born in the U.S. The family moved."),
    ("U.N", '"We are concerned," U.N. chief Ban said.', "at the U.N. The vote failed."),
    ("U.K", '"We leave," U.K. ministers said.', "back in the U.K. The trip ended."),
    ("J", '"Yes," J. Smith said.', "He got a grade of J. The school had odd grades."),
)
# Any single capital letter is an initial, like the "J" row.
_ABBREVIATION_WORDS = frozenset(a for a, _ex, _counter in ABBREVIATIONS)
# A capitalised word that starts a sentence even after an abbreviation ("in the U.S. The").
_STARTERS = "The He She It They We I But And A In This That His Her Their There When Then"
_SENTENCE_STARTERS = frozenset(_STARTERS.split())
_WORD_BEFORE_RE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)$")


def _ends_here(text: str, i: int) -> bool:
    """Whether the stop at ``text[i]`` ends a sentence: not after a title, an abbreviation or
    an initial ("Mr. Thwaite", "U.S. officials", "J. Smith") that a word other than a usual
    sentence opener follows."""
    if text[i] != ".":
        return True
    m = _WORD_BEFORE_RE.search(text, max(0, i - 12), i)
    if m is None:
        return True
    word = m.group(1)
    if word not in _ABBREVIATION_WORDS and not (len(word) == 1 and word.isupper()):
        return True
    nxt = text[i + 1 : i + 40].lstrip().lstrip("\"”’')").lstrip()  # "Sen.\xa0Sanders" too
    next_word = nxt.split(" ", 1)[0].strip(",.;:")
    return not next_word[:1].isalnum() or next_word in _SENTENCE_STARTERS


def _sentence_ends(text: str, lo: int, hi: int, pattern: re.Pattern[str]) -> list[re.Match]:
    return [m for m in pattern.finditer(text, lo, hi) if _ends_here(text, m.start())]
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class _Span:
    open_at: int  # absolute offset of the opening mark
    close_at: int | None  # absolute offset of the closing mark, None when unclosed
    start: int  # content offsets (after stripping)
    end: int
    para: int
    para_start: int
    para_end: int
    continued: bool = False  # opens a paragraph that continues an unclosed quotation
    continues: bool = False  # unclosed, and the next paragraph continues it


# ---------------------------------------------------------------------------------------------
# 1. pairing quote marks
# ---------------------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) offsets: paragraphs, headings and captions alike."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _context(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether the mark at ``text[i]`` stands like an opening mark, and like a closing mark."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opening = (prev.isspace() or prev in _OPEN_CONTEXT or prev in ALL_MARKS) and not nxt.isspace()
    closing = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in ALL_MARKS)
    return opening, closing


def _pair_marks(
    text: str, lo: int, hi: int, pattern: re.Pattern[str], single: bool
) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one family inside ``text[lo:hi]``.

    Returns closed pairs (open offset, close offset) and the offset of a final unclosed
    opening mark, if any. Never raises, whatever the number of marks.
    """
    pairs: list[tuple[int, int]] = []
    pending: int | None = None
    outer: int | None = None  # an opening mark a nested quotation opened inside
    for m in pattern.finditer(text, lo, hi):
        i = m.start()
        prev = text[i - 1] if i > lo else " "
        if single and prev.isalnum() and text[i + 1 : i + 2].isalnum():
            continue  # an apostrophe inside a word: don't, Russia's
        kind = _mark_kind(text, i, lo, hi, pending is not None, single)
        if kind == "open":
            if single and not (prev.isspace() or prev in _OPEN_CONTEXT or i == lo):
                continue
            if pending is not None and _ends_sentence(text, pending + 1, i):
                # Paragraphs of one quotation run together: each opens, only the last closes.
                pairs.append((pending, i))
            elif pending is not None and not single:
                outer = pending if outer is None else outer
            pending = i  # otherwise an earlier unclosed opening mark was stray
        elif pending is not None:
            if i > pending + 1:
                pairs.append((pending, i))
            pending = None
        elif outer is not None and sum(a > outer for a, _b in pairs) == 1:
            # '"... says, "I'd like 10,000 rounds," you know ..."': the nested quotation's
            # own pair closed, this mark closes the one around it.
            pairs = [p for p in pairs if p[0] < outer] + [(outer, i)]
            outer = None
    if pending is None and outer == lo and sum(a > lo for a, _b in pairs) == 1:
        # A paragraph of quotation with a nested one in it that runs on into the next.
        return [], lo
    return pairs, pending


def _mark_kind(text: str, i: int, lo: int, hi: int, pending: bool, single: bool) -> str:
    """Whether the mark at ``text[i]`` opens or closes, from its glyph and its context."""
    opens, closes = (SINGLE_OPEN, SINGLE_CLOSE) if single else (DOUBLE_OPEN, DOUBLE_CLOSE)
    ch = text[i]
    opening, closing = _context(text, i, lo, hi)
    if ch in opens:
        return "close" if pending and closing and not opening else "open"
    if ch in closes:
        # A closing glyph used as an opening mark opens, so does one a paragraph starts with
        # ('” … in the case of Wyoming, ..."').
        reopen = not pending and not single and ((opening and not closing) or i == lo)
        return "open" if reopen else "close"
    if opening != closing:
        return "open" if opening else "close"
    return "close" if pending else "open"


def _ends_sentence(text: str, a: int, b: int) -> bool:
    inner = text[a:b].rstrip()
    return len(inner.split()) >= 3 and inner[-1:] in (".", "!", "?", "…")


def _fold_two_apostrophes(text: str) -> str:
    """``text`` with each ``''`` pair written as one double mark, offsets unchanged: the mark
    stands next to the quoted words, the other character is neutral."""
    if "''" not in text:
        return text
    chars = list(text)
    for m in _TWO_APOSTROPHES_RE.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in _OPEN_CONTEXT or prev in ALL_MARKS
        chars[i], chars[i + 1] = (_NEUTRAL, '"') if opening else ('"', _NEUTRAL)
    return "".join(chars)


def _without_markup_marks(text: str) -> str:
    """``text`` with the quote marks inside markup tags a source left (``<tweet id="...">``)
    made neutral, offsets unchanged: attribute values are not quotations."""
    if "<" not in text:
        return text
    return _TAG_RE.sub(lambda m: _MARKS_RE.sub(_NEUTRAL, m.group()), text)


def _find_spans(text: str) -> list[_Span]:
    text = _without_markup_marks(_fold_two_apostrophes(text))
    paras = _paragraphs(text)
    spans: list[_Span] = []
    prev_unclosed: _Span | None = None
    for p, (lo, hi) in enumerate(paras):
        pairs, pending = _pair_marks(text, lo, hi, _DOUBLE_RE, single=False)
        # Single marks only count outside double-quoted stretches (nested quotes are not ours).
        covered = [(a, b) for a, b in pairs]
        if pending is not None:
            covered.append((pending, hi))
        gaps = _gaps(lo, hi, covered)
        singles: list[tuple[int, int]] = []
        single_pending: int | None = None
        for a, b in gaps:
            sp, spend = _pair_marks(text, a, b, _SINGLE_RE, single=True)
            singles.extend(sp)
            if spend is not None and b == hi and p + 1 < len(paras):
                nxt = text[paras[p + 1][0]]
                if nxt in SINGLE_OPEN + SINGLE_AMBIG:
                    single_pending = spend  # kept only when the next paragraph continues it
        all_pairs = sorted(pairs + singles)
        unclosed = pending if pending is not None else single_pending
        para_spans = []
        for a, b in all_pairs:
            s = _strip(text, a + 1, b)
            if s:
                para_spans.append(_Span(a, b, s[0], s[1], p, lo, hi))
        if unclosed is not None:
            s = _strip(text, unclosed + 1, hi)
            if s:
                para_spans.append(_Span(unclosed, None, s[0], s[1], p, lo, hi))
        para_spans.sort(key=lambda x: x.open_at)
        if (
            prev_unclosed is not None
            and para_spans
            and para_spans[0].open_at == lo
            and prev_unclosed.para == p - 1
        ):
            prev_unclosed.continues = True
            para_spans[0].continued = True
        prev_unclosed = para_spans[-1] if para_spans and para_spans[-1].close_at is None else None
        spans.extend(para_spans)
    _widen_two_apostrophe_marks(text, spans)
    # An unclosed quotation that nothing continues has lost its closing mark, or its opening
    # mark was stray: kept only when it runs on for a few words.
    return [s for s in spans if s.close_at is not None or s.continues or _n_words(text, s) >= 3]


def _quoted(spans: list[_Span]) -> list[tuple[int, int]]:
    """The character ranges [start, end) of quoted spans, their marks included."""
    return [(s.open_at, (s.close_at if s.close_at is not None else s.end) + 1) for s in spans]


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes someone (:func:`_find_spans`): what the events stage's document
    index keeps out of a pronoun's antecedents."""
    return _quoted(_find_spans(text))


def _gaps(lo: int, hi: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of [lo, hi) outside the ``covered`` (start, end-inclusive) ranges."""
    gaps, cur = [], lo
    for a, b in sorted(covered):
        if a > cur:
            gaps.append((cur, a))
        cur = max(cur, b + 1)
    if cur < hi:
        gaps.append((cur, hi))
    return gaps


def _widen_two_apostrophe_marks(text: str, spans: list[_Span]) -> None:
    """A two-apostrophe mark spans both its characters (see :func:`_fold_two_apostrophes`)."""
    for s in spans:
        if s.open_at and text[s.open_at - 1] == _NEUTRAL:
            s.open_at -= 1
        if s.close_at is not None and text[s.close_at + 1 : s.close_at + 2] == _NEUTRAL:
            s.close_at += 1


def _n_words(text: str, s: _Span) -> int:
    return len(text[s.start : s.end].split())


def _strip(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return (a, b) if b > a else None


# ---------------------------------------------------------------------------------------------
# 2. cues and speakers
# ---------------------------------------------------------------------------------------------


class _DocIndex(DocIndex):
    """The shared document index (:class:`pipeline.coreference.DocIndex`) over the quotations
    found, with a reporting verb's subject resolved to its speaker's name span."""

    def __init__(self, doc: Doc, spans: list[_Span]) -> None:
        super().__init__(doc, _quoted(spans))

    # -- a subject to a name span ---------------------------------------------------------

    def resolve(self, subj: Token) -> tuple[str, int | None, int | None]:
        """(speaker as written, name start, name end) for a subject token."""
        ent = self.name_ent(subj)
        left = subj.i
        for child in subj.children:
            if child.i < subj.i and child.dep_ in LEFT_MODIFIER_DEPS:
                left = min(left, child.left_edge.i)
        while left < subj.i and self.doc[left].is_punct:
            left += 1
        a = self.doc[left].idx
        b = subj.idx + len(subj.text)
        if ent is not None:
            a, b = min(a, ent.start_char), max(b, ent.end_char)
        written = self.text[a:b]
        definite = any(c.dep_ == "det" for c in subj.children)
        if ent is not None and definite and ent.label_ == "NORP" and subj.tag_ != "NNPS":
            ent = None  # "the American": a person described by nationality, not a name
        if ent is not None:
            return written, ent.start_char, ent.end_char
        low = subj.lower_
        if low in ("who", "that") and subj.head.dep_ == "relcl" and subj.head.head.i < subj.i:
            _w, a2, b2 = self.resolve(subj.head.head)  # "Jane Doe, who told AFP: ..."
            return _w, a2, b2
        if low in SPEAKER_PRONOUNS:
            found = self.antecedent(subj.idx, pronoun_gender(low))
            return written, *(found or (None, None))
        # "a Kell aide, Dana Roe": the aide is Roe; the name before an indefinite noun ("one
        # Kell aide") is whom the speaker works for (:func:`_anonymous`), not the speaker.
        deps = ("appos", "flat") if _indefinite(subj) else ("appos", "flat", "compound")
        for dep in deps:
            for child in subj.children:
                cent = self.name_ent(child) if child.dep_ == dep else None
                if cent is not None and cent.label_ == "PERSON":
                    return written, cent.start_char, cent.end_char
        if not definite and self._missed_name(subj):
            return written, a, b
        if any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
               for c in subj.children):
            found = self.nominal_referent(subj)
            if found is not None:
                return written, found[0], found[1]
        return written, None, None

    def _missed_name(self, subj: Token) -> bool:
        """A name the entity recogniser missed: a proper noun, or a capitalised word tagged as
        a noun ("Okafor asked") that the article tags inside a PERSON name elsewhere or never
        writes in lower case (:meth:`~pipeline.coreference.DocIndex.unknown_name`)."""
        if subj.pos_ == "PROPN":
            return not subj.is_upper
        return subj.is_title and (subj.text in self.person_words() or self.unknown_name(subj))


@dataclass
class _Cue:
    verb: str | None
    speaker_text: str | None
    start: int | None
    end: int | None
    at: int | None = None  # where the speaker is written ("he"), or the verb without one
    anonymous: bool = False  # "a person close to the family": no name nearby stands for it


def _cue_from_verb(ix: _DocIndex, verb: Token) -> _Cue:
    subj = ix.subject(verb) or _inverted_subject(ix, verb)
    if subj is None:
        return _Cue(verb.text, None, None, None, verb.idx)
    written, a, b = ix.resolve(subj)
    return _Cue(verb.text, written, a, b, subj.idx, a is None and _anonymous(ix, subj))


def _inverted_subject(ix: _DocIndex, verb: Token) -> Token | None:
    """The speaker of '"...?" asked the boy', which the parser made the verb's object: a noun
    right after a reporting verb that itself follows the quotation's closing mark (a name
    there is found by :meth:`~pipeline.coreference.DocIndex.subject`)."""
    prev = verb.i - 1
    while prev >= 0 and verb.doc[prev].is_punct and not ix.in_quote(verb.doc[prev].idx):
        prev -= 1
    if prev < 0 or not ix.in_quote(verb.doc[prev].idx):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _anonymous(ix: _DocIndex, subj: Token) -> bool:
    """A speaker the writer brings in unnamed ("one longtime adviser to the mayor", "another
    supporter", "many reporters"): an indefinite noun phrase that names nobody in an apposition
    or a clause of its own ("a statement sent out by Mara Quill"); whom it works for does not
    name it."""
    if not _indefinite(subj):
        return False
    own = [c for c in subj.children if c.dep_ in {"appos", "acl", "relcl"}]
    return not any(ent.label_ in {"PERSON", "ORG"} for c in own
                   for ent in ix.ents_within(ix.doc[c.left_edge.i : c.right_edge.i + 1]))


def _indefinite(subj: Token) -> bool:
    """A common noun brought in by an indefinite word ("a", "one", "another", "many")."""
    return subj.pos_ == "NOUN" and any(
        c.dep_ in {"det", "nummod", "amod"} and c.lower_ in INDEFINITE for c in subj.children)


def _according_to(ix: _DocIndex, toks: list[Token]) -> _Cue | None:
    for tok in toks:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < len(ix.doc)
            and ix.doc[tok.i + 1].lower_ == "to"
        ):
            for obj in ix.doc[tok.i + 1].children:
                if obj.dep_ == "pobj":
                    written, a, b = ix.resolve(obj)
                    return _Cue("according to", written, a, b, obj.idx,
                                a is None and _anonymous(ix, obj))
    return None


def _cue_after(ix: _DocIndex, a: int, b: int) -> _Cue | None:
    toks = [t for t in ix.tokens(a, b) if not ix.in_quote(t.idx)]
    for tok in toks:
        if is_cue_verb(tok):
            return _cue_from_verb(ix, tok)
    return _according_to(ix, toks)


def _cue_before(ix: _DocIndex, a: int, b: int, colon: bool) -> _Cue | None:
    toks = [t for t in ix.tokens(a, b) if not ix.in_quote(t.idx)]
    for tok in reversed(toks):
        if is_cue_verb(tok):
            cue = _cue_from_verb(ix, tok)
            if cue.speaker_text is not None or not colon:
                return cue
    if colon:
        # "X signed the visitor book: '...'": the writer is the subject of the clause.
        for tok in reversed(toks):
            if tok.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in tok.children):
                return _cue_from_verb(ix, tok)
    return _according_to(ix, toks)


def _window_before(text: str, s: _Span, prev_end: int) -> int:
    lo = max(s.para_start, prev_end)
    start = lo
    for m in _sentence_ends(text, lo, s.open_at, _SENT_END_RE):
        start = m.end()
    return start


def _window_after(text: str, s: _Span, next_open: int) -> int:
    if s.close_at is None:
        return s.para_end
    hi = min(s.para_end, next_open)
    ends = _sentence_ends(text, s.close_at + 1, hi, _SENT_END_AFTER_RE)
    return ends[0].end() if ends else hi


def _colon_paragraph_cue(ix: _DocIndex, text: str, s: _Span) -> _Cue | None:
    """A paragraph of quotation introduced by "X said:" at the end of the previous one."""
    p_end = s.para_start
    while p_end > 0 and text[p_end - 1].isspace():
        p_end -= 1
    if not p_end or text[p_end - 1] != ":":
        return None
    p_lo = text.rfind("\n", 0, p_end) + 1
    sent_lo = p_lo
    for m in _sentence_ends(text, p_lo, p_end, _SENT_END_RE):
        sent_lo = m.end()
    return _cue_before(ix, sent_lo, p_end, colon=True)


def _find_cue(ix: _DocIndex, s: _Span, b_lo: int, after: tuple[int, int]) -> _Cue | None:
    """The cue of one quotation: the clause before it, the words after it, in the order the
    quotation's own punctuation makes likely (see the module docstring)."""
    text = ix.text
    content = text[s.start : s.end]
    before = text[b_lo : s.open_at].rstrip()
    raw_end = text[s.end : (s.close_at if s.close_at is not None else s.end)]
    ends_open = (
        content[-1] in "?!"
        or "," in raw_end
        or (s.close_at is not None and text[s.close_at + 1 : s.close_at + 2] == ",")
    )
    ends_full = content[-1] in ".…" and not ends_open
    cue: _Cue | None = None
    if not before and s.open_at == s.para_start and s.para > 0 and not s.continued:
        cue = _colon_paragraph_cue(ix, text, s)
        if cue is not None and ends_open:
            # '"...," Davis said.' after a paragraph ending in a colon: its own cue wins.
            own = _cue_after(ix, *after)
            if own is not None and own.speaker_text is not None:
                cue = own
    if cue is None and before.endswith((":", ",")):
        cue = _cue_before(ix, b_lo, s.open_at, colon=before.endswith(":"))
    if cue is None and not ends_full and ends_open:
        cue = _cue_after(ix, *after)
    if cue is None and before:
        cue = _cue_before(ix, b_lo, s.open_at, colon=False)
    if cue is None and not ends_full:
        cue = _cue_after(ix, *after)
    return cue


def _not_a_quotation(text: str, s: _Span, cue: _Cue | None, partial: bool) -> bool:
    """Headings, scare quotes and terms, titles of works."""
    content = text[s.start : s.end]
    words = content.split()
    whole_para = text[s.para_start : s.open_at].strip() == "" and (
        s.close_at is None or text[s.close_at + 1 : s.para_end].strip() == ""
    )
    if whole_para and cue is None and len(words) <= 8 and content[-1] not in ".!?…":
        return True
    if len(words) == 1 and (partial or cue is None):
        return True
    if partial and cue is None and len(words) < 6:
        return True
    return partial and len(words) <= 8 and content[-1] not in ".!?…" and _title_case(words)


def extract_quotes(doc: Doc) -> list[Quote]:
    """Quotations in ``doc`` with their speakers; see the module docstring for the rules."""
    ix, records = quote_records(doc)
    if ix is None:
        return []
    rank_speakers(ix, records)
    text = doc_text(doc)
    out = []
    for r in records:
        s, cue = r["span"], r["cue"]
        out.append(
            Quote(
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                speaker_text=cue.speaker_text if cue else None,
                speaker_start=cue.start if cue else None,
                speaker_end=cue.end if cue else None,
                cue=(cue.verb if cue and not r.get("inherited") else None),
                partial=r["partial"],
            )
        )
    return out


def quote_records(doc: Doc, acceptor: dict | None = None, antecedents: bool = True
                  ) -> tuple[_DocIndex | None, list[dict]]:
    """The quotations of ``doc`` with the rules' cues and speakers, before the speaker ranking
    (the training script of the ranker reads them too). ``acceptor`` (default: the shipped
    :data:`QUOTE_MODEL`) decides which quoted spans are quotations; without one, the rules do.
    ``antecedents``: pronoun speakers re-resolved by the trained antecedent ranker
    (:func:`rank_pronoun_speakers`; off for its own training)."""
    ix, found = span_records(doc)
    if ix is None:
        return None, []
    model = acceptor if acceptor is not None else _quote_model()
    records: list[dict] = []
    for r in found:
        if r["nested"] or not is_quotation(model, r):
            continue
        r["n"] = len(records)
        records.append(r)
    _inherit_speakers(records)
    if antecedents:
        rank_pronoun_speakers(ix, records)
    return ix, records


def pronoun_cases(ix: _DocIndex, records: list[dict]) -> Iterator[tuple[dict, list[Antecedent]]]:
    """Each quotation whose own cue's speaker is "he" or "she", with the antecedent candidates
    of that pronoun (:func:`pipeline.coreference.candidates`), in text order; the speakers of
    the earlier quotations are read as they stand when the case is reached, so a caller that
    changes a cue changes what the next case sees."""
    speakers: list[tuple[int, int]] = []
    for r in records:
        cue: _Cue | None = r["cue"]
        low = (cue.speaker_text or "").lower() if cue is not None else ""
        if cue is not None and not r.get("inherited") and low in SPEAKER_PRONOUNS and (
                cue.at is not None):
            rule = (cue.start, cue.end) if cue.start is not None and cue.end is not None else None
            s = r["span"]
            yield r, candidates(ix, cue.at, pronoun_gender(low), rule, speakers,
                                (s.start, s.end), titles=False)
        if cue is not None and cue.start is not None and cue.end is not None:
            speakers.append((cue.start, cue.end))


def rank_pronoun_speakers(ix: _DocIndex, records: list[dict], model: dict | None = None) -> None:
    """Give each "he said" quotation the antecedent the shipped ranker scores best (its cue is
    changed in place, so the quotations that inherited it follow)."""
    model = model or antecedent_model()
    if model is None:
        return
    for r, cands in pronoun_cases(ix, records):
        best, _p = rank_antecedent(model, cands)
        if best is not None:
            r["cue"].start, r["cue"].end = best.start, best.end


def span_records(doc: Doc) -> tuple[_DocIndex | None, list[dict]]:
    """Every quoted span of ``doc`` with its cue, whether the rules reject it
    (:func:`_not_a_quotation`) and the acceptor's features (:data:`QUOTE_FEATURES`)."""
    text = doc_text(doc)
    spans = _find_spans(text)
    if not spans:
        return None, []
    ix = _DocIndex(doc, spans)
    out: list[dict] = []
    for n, s in enumerate(spans):
        prev = spans[n - 1] if n and spans[n - 1].para == s.para else None
        nxt = spans[n + 1] if n + 1 < len(spans) and spans[n + 1].para == s.para else None
        prev_end = (prev.close_at + 1) if prev is not None and prev.close_at is not None else 0
        b_lo = _window_before(text, s, prev_end)
        after_hi = _window_after(text, s, nxt.open_at if nxt is not None else s.para_end)
        after_lo = (s.close_at + 1) if s.close_at is not None else s.para_end
        cue = _find_cue(ix, s, b_lo, (after_lo, after_hi))
        content = text[s.start : s.end]
        before = text[b_lo : s.open_at].rstrip()
        first_alpha = next((c for c in content if c.isalpha()), "")
        partial = first_alpha.islower() or (bool(before) and before[-1].isalnum())
        if partial and (cue is None or cue.start is None):
            cue = _speech_noun_cue(ix, s) or _governing_cue(ix, s) or cue
        rejected = _not_a_quotation(text, s, cue, partial)
        out.append({"span": s, "cue": cue, "partial": partial, "window": (b_lo, after_hi),
                    "rules_reject": rejected, "nested": cue is None and _in_answer(text, s),
                    "quote_features": quote_features(ix, s, cue, partial, rejected)})
    return ix, out


# A transcript line: a speaker's label ("Q:", "MATTHEWS:", "Jane Roe:") opening the paragraph.
_TRANSCRIPT_LABEL_RE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s?){1,3}:\s")


def _in_answer(text: str, s: _Span) -> bool:
    """A single-quoted span inside a transcript line ("A: No. I mean, look. 'We gotta take on
    Wall Street.'"): words the labelled speaker puts in someone's mouth, speech within speech,
    which no annotation counts as a quotation (26 such spans in polnear-train, none gold; the
    label's own double-quoted lines are quotations as usual)."""
    if text[s.open_at] not in SINGLE_OPEN + SINGLE_AMBIG:
        return False
    m = _TRANSCRIPT_LABEL_RE.match(text, s.para_start, s.open_at)
    return m is not None and m.end() < s.open_at


def _governing_cue(ix: _DocIndex, s: _Span) -> _Cue | None:
    """The cue of a partial quotation read off the parse: the nearest reporting verb above the
    quoted words ("Walter Hewlett sniped that Fiorina was "learning on the job""), or, when
    the parse gave it no subject, the verb it hangs from ("X issued a statement saying ...");
    in a sentence without a reporting verb, the highest verb above them with a person as its
    subject ("Jane Roe scolded him for suggesting they should "self-deport"")."""
    head = _span_head(ix, s)
    if head is None:
        return None
    verbs = [a for a in head.ancestors if a.pos_ in ("VERB", "AUX")]
    first = next((i for i, v in enumerate(verbs) if is_cue_verb(v)), None)
    if first is not None:
        for k, verb in enumerate(verbs[first : first + 2]):
            cue = _named_cue(ix, verb) if k == 0 or _person_subject(verb) else None
            if cue is not None:
                return cue
        verb = verbs[first]
        if ix.subject(verb) is None:  # "Jane Doe, in Ohio, said ...": the sentence's first name
            ent = next((e for e in ix.ents_within(verb.sent) if e.end <= verb.i and e.label_ in (
                "PERSON", "ORG") and not ix.in_quote(e.start_char)), None)
            if ent is not None:
                written, a, b = ix.resolve(ent.root)
                found = _Cue(verb.text, written, a, b, ent.root.idx)
                return found if a is not None else None
        return None
    earlier = head.doc[head.sent.start : head.i]
    if any(is_cue_verb(t) and not ix.in_quote(t.idx) for t in earlier):
        return None  # "X, Rubio said, had passed "..."": the rules' window finds the cue
    people = [v for v in verbs if _person_subject(v)]
    return _named_cue(ix, people[-1]) if people else None


def _named_cue(ix: _DocIndex, verb: Token) -> _Cue | None:
    cue = _cue_from_verb(ix, verb)
    if cue.start is None or cue.at is None or ix.in_quote(cue.at):
        return None
    return cue


# ---------------------------------------------------------------------------------------------
# 2a. a trained acceptor: which quoted spans are quotations
# ---------------------------------------------------------------------------------------------

QUOTE_MODEL = Path(__file__).parent / "data" / "quote_model.json"
# Whether someone is attributed the quoted words, read off the sentence around them: PolNeAR
# counts a quoted span (a one-word scare quote included) as a quotation only inside an
# attribution's content, so a cue verb whose complement holds the span, or a reporting verb with
# a person as subject in its sentence, says "someone's words", and the name of a show the
# speaker spoke on ('said on "Velden Tonight"') says the opposite. (feature, a sentence whose
# quoted span has it, one whose span has not.) On folds 0-3 (out of fold, at the trained
# precision of 0.975) the acceptor keeps 6,528 gold spans with them, 6,498 without.
ATTRIBUTION_FEATURES: tuple[tuple[str, str, str], ...] = (
    ("cue_content", 'Tom Arden said the plan was "reckless."',
     'The "reckless" plan, Tom Arden said, failed.'),
    ("cue_adjunct", 'Tom Arden said on "Velden Tonight" that he would run.',
     'Tom Arden said that he would "run."'),
    ("sentence_cue", 'Critics say the harbour deal is "a scandal."',
     'The harbour deal is "a scandal."'),
    ("sentence_cue_person", 'Mara Quill warned that the port was "dying."',
     'The report warned that the port was "dying."'),
    ("cue_before", 'Mara Quill said the port was "dying."',
     'The "dying" port, Mara Quill said, would close.'),
    ("sentence_speech_noun", 'Her claim that the port was "dying" drew anger.',
     'Her visit to the "dying" port drew anger.'),
    ("sentence_according", 'According to Mara Quill, the port is "dying."',
     'Mara Quill thinks the port is "dying."'),
    ("other_quote_in_sentence", 'Tom Arden called it "reckless" and "sad."',
     'Tom Arden called it "reckless" today.'),
)
# Dependencies under a reporting verb that lead to its circumstances (where, to whom, when it
# was said), not to what was said: "said on "Velden Tonight"", "told "Port Velden Today"".
_CUE_ADJUNCT_DEPS = frozenset({"prep", "pobj", "npadvmod", "dative", "agent", "pcomp"})
_WORD_BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 10))
QUOTE_FEATURES = (
    "rules_reject", "words_1", "words_2", "words_3", "words_4_5", "words_6_10", "log_words",
    "partial", "cue", "cue_named", "governed_reporting", "governed_reporting_person",
    "governed_person_verb", "in_subject", "title_case", "ends_sentence", "whole_paragraph",
    "closed", "first_upper", "first_person", "heading", "after_possessive", "after_determiner",
    "before_noun", "head_noun", "head_propn", "head_adj", "head_verb", "head_modifier",
    "after_colon", "quotes_in_paragraph", "named_thing", "head_appos", "head_of_noun",
    "after_preposition", "short_x_governed_reporting", "short_x_cue_named", "short_x_title_case",
    "short_x_after_determiner", "short_x_head_of_noun", "short_x_in_subject", "named_as",
    "speech_noun", *(name for name, _ex, _counter in ATTRIBUTION_FEATURES),
    "short_x_sentence_cue_person", "short_x_cue_content", "short_x_cue_adjunct",
)
_SHORT_TIMES = ("governed_reporting", "cue_named", "title_case", "after_determiner",
                "head_of_noun", "in_subject", "sentence_cue_person", "cue_content",
                "cue_adjunct")  # features read differently for 1-2 words
# Entity types of things with names (a book, a show, a law), which a quoted title often is.
_THING_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "ORG", "LAW"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "i'm", "we're", "i've", "we've"})
_PERSON_WORDS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
# Words right before a quoted span that make it the name something goes by or the words someone
# used ("what he called "X"", "the phrase "X"", "an ad titled "X""), which PolNeAR annotates as
# quotations: on folds 0-3, 52 of the 67 spans after such a word are gold, 23 of them missed by
# the acceptor without this feature. (lemma, part of speech, a case, a case it does not cover.)
NAMING_WORDS: tuple[tuple[str, str, str, str], ...] = (
    ("call", "VERB", 'It is what Tom Arden called "a rigged game."', 'It was a phone call. "No."'),
    ("title", "VERB", 'An ad titled, "Port Velden First," ran.', 'Its title, "Port Velden."'),
    ("entitle", "VERB", 'A memo entitled "Reset" leaked.', 'A memo: "Reset."'),
    ("dub", "VERB", 'A plan the aides dubbed "the long march."', 'The film was dubbed. "Fine."'),
    ("name", "VERB", 'A fund named "Venter Forward" paid.', 'A fund, the name "Venter."'),
    ("nickname", "VERB", 'A man nicknamed "the Hammer" won.', 'A nickname, "the Hammer."'),
    ("term", "VERB", 'It was termed "influence peddling."', 'It was termed a "success."'),
    ("phrase", "NOUN", 'She used the phrase "deep state."', 'Phrase it as "deep state."'),
    ("slogan", "NOUN", 'Its slogan "Venter for all" ran.', 'A slogan ran. "For all," he said.'),
    ("term", "NOUN", 'He used the term "ghost voters."', 'He termed it "voters."'),
    ("word", "NOUN", 'She said the word "never" twice.', 'He worded it "never."'),
)
_NAMING = frozenset((lemma, pos) for lemma, pos, _ex, _counter in NAMING_WORDS)


@lru_cache(maxsize=1)
def _quote_model() -> dict | None:
    """The shipped acceptor (``scripts/train_quotes.py``), or None when there is none."""
    if not QUOTE_MODEL.exists():
        return None
    model = json.loads(QUOTE_MODEL.read_text(encoding="utf-8"))
    return model if tuple(model.get("features", ())) == QUOTE_FEATURES else None


def is_quotation(model: dict | None, r: dict) -> bool:
    """The acceptor's decision on one span record: a span the rules reject is kept when its
    probability reaches ``accept``; one they keep is dropped below ``reject``."""
    if model is None or not model:
        return not r["rules_reject"]
    p = _probability(model, [r["quote_features"][n] for n in QUOTE_FEATURES])
    return p >= (model["accept"] if r["rules_reject"] else model["reject"])


def _span_head(ix: _DocIndex, s: _Span) -> Token | None:
    """The token of the quoted words whose head lies outside them (the phrase's root)."""
    toks = ix.tokens(s.start, s.end)
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)


def _governor(head: Token) -> tuple[Token | None, bool]:
    """The nearest verb above the quoted phrase that is a reporting verb, else the nearest verb
    with a person-like subject; and whether the phrase sits in the subject of its clause."""
    in_subject = head.dep_ in ("nsubj", "nsubjpass")
    fallback: Token | None = None
    clause = True
    for anc in head.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            in_subject = in_subject or (clause and anc.dep_ in ("nsubj", "nsubjpass"))
            continue
        clause = False
        if is_cue_verb(anc):
            return anc, in_subject
        if fallback is None and _person_subject(anc):
            fallback = anc
    return fallback, in_subject


def _person_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.ent_type_ in NAME_LABELS or c.lower_ in _PERSON_WORDS or c.pos_ == "PROPN")
        for c in verb.children)


def _thing_share(ix: _DocIndex, s: _Span) -> float:
    """The share of the quoted characters inside entities of :data:`_THING_LABELS`."""
    covered = sum(max(0, min(e.end_char, s.end) - max(e.start_char, s.start))
                  for e in ix.ents_within(ix.doc.char_span(s.start, s.end, alignment_mode="expand"))
                  if e.label_ in _THING_LABELS) if s.end > s.start else 0
    return covered / max(1, s.end - s.start)


def _named_as(before: list[Token]) -> bool:
    """The quoted span is what something is called: the last word before its mark (past a
    comma or colon, not a sentence's end) is a naming word of :data:`NAMING_WORDS`, not the
    "so-called" of a scare quote."""
    words = list(before)
    while words and words[-1].text in (",", ":"):
        words.pop()
    if not words or (words[-1].lemma_.lower(), words[-1].pos_) not in _NAMING:
        return False
    last = words[-1]
    return not any(t.lower_ == "so" for t in last.doc[max(0, last.i - 2) : last.i])


_NOUN_SUFFIXES = ("", "ment", "ion", "ation", "ing", "al")
SPEECH_NOUN_HOPS = 3  # heads climbed from the quoted phrase to its speech noun


def _speech_noun(tok: Token) -> bool:
    """A noun made of a reporting verb: "claims", "assertion", "statement", "warning"."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    for suffix in _NOUN_SUFFIXES:
        if lemma.endswith(suffix):
            stem = lemma[: len(lemma) - len(suffix)]
            if stem in REPORTING_VERBS or stem + "e" in REPORTING_VERBS:
                return True
    return False


def _speech_noun_above(head: Token) -> Token | None:
    """The speech noun whose report holds the quoted words ("Republican claims of "significant
    breakthroughs"", "his assertion that "thousands" cheered"): someone's words, attributed
    though no reporting verb governs them."""
    tok = head
    for _ in range(SPEECH_NOUN_HOPS):
        if tok.head.i == tok.i or is_cue_verb(tok.head):
            return None
        tok = tok.head
        if _speech_noun(tok):
            return tok
    return None


def _speech_noun_cue(ix: _DocIndex, s: _Span) -> _Cue | None:
    """The owner of the speech noun above a partial quotation as its speaker ("Dana Roe's
    claim that the vote was "rigged"": Dana Roe)."""
    head = _span_head(ix, s)
    noun = _speech_noun_above(head) if head is not None else None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun else None
    if owner is None or ix.in_quote(owner.idx):
        return None
    written, a, b = ix.resolve(owner)
    return _Cue(noun.text, written, a, b, owner.idx) if a is not None else None


def _cue_above(head: Token) -> tuple[Token | None, str]:
    """The nearest reporting verb above the quoted phrase, and the dependency of its child on
    the way down to the phrase (what the verb holds the phrase by)."""
    child = head
    for anc in head.ancestors:
        if is_cue_verb(anc):
            return anc, child.dep_
        child = anc
    return None, ""


def _attribution_features(ix: _DocIndex, s: _Span, head: Token | None) -> dict[str, float]:
    """Whether the sentence attributes the quoted words to someone
    (:data:`ATTRIBUTION_FEATURES`): a reporting verb holding them as what was said or as where
    it was said, a reporting verb, a person's, a speech noun or "according to" in the sentence
    outside quotation marks, another quotation beside them."""
    f = dict.fromkeys((name for name, _ex, _counter in ATTRIBUTION_FEATURES), 0.0)
    if head is None:
        return f
    verb, dep = _cue_above(head)
    if verb is not None:
        adjunct = dep in _CUE_ADJUNCT_DEPS or (dep == "dobj" and verb.lemma_ == "tell")
        f["cue_adjunct"] = float(adjunct)
        f["cue_content"] = float(not adjunct and dep not in ("nsubj", "nsubjpass"))
    close = s.close_at if s.close_at is not None else s.end
    outside = [t for t in head.sent if not ix.in_quote(t.idx)]
    cues = [t for t in outside if is_cue_verb(t)]
    f["sentence_cue"] = float(bool(cues))
    f["sentence_cue_person"] = float(any(_person_subject(t) for t in cues))
    f["cue_before"] = float(any(t.idx < s.open_at for t in cues))
    f["sentence_speech_noun"] = float(any(_speech_noun(t) for t in outside))
    f["sentence_according"] = float(any(t.lower_ == "according" for t in outside))
    f["other_quote_in_sentence"] = float(any(
        ix.in_quote(t.idx) and not s.open_at <= t.idx <= close for t in head.sent))
    return f


def quote_features(ix: _DocIndex, s: _Span, cue: _Cue | None, partial: bool,
                   rejected: bool) -> dict[str, float]:
    """What the acceptor sees of one quoted span: its length and shape, the rules' verdict and
    cue, the verb that governs it (a reporting verb, a person's verb), the words around it."""
    text = ix.text
    content = text[s.start : s.end]
    words = content.split()
    n = len(words)
    head = _span_head(ix, s)
    gov, in_subject = _governor(head) if head is not None else (None, False)
    before = text[s.para_start : s.open_at].rstrip()
    close = s.close_at if s.close_at is not None else s.end
    after = text[close + 1 : s.para_end]
    prev_tok = ix.tokens(max(s.para_start, s.open_at - 20), s.open_at)
    next_tok = ix.tokens(close + 1, min(s.para_end, close + 30))
    low = {w.strip(".,;:!?()\"'“”‘’").lower() for w in words}
    f = {f"words_{a}" if a == b else f"words_{a}_{b}": float(a <= n <= b)
         for a, b in _WORD_BUCKETS}
    f.update({
        "rules_reject": float(rejected), "log_words": math.log1p(n), "partial": float(partial),
        "cue": float(cue is not None),
        "cue_named": float(cue is not None and cue.start is not None),
        "governed_reporting": float(gov is not None and is_cue_verb(gov)),
        "governed_reporting_person": float(gov is not None and is_cue_verb(gov)
                                           and _person_subject(gov)),
        "governed_person_verb": float(gov is not None and not is_cue_verb(gov)),
        "in_subject": float(in_subject), "title_case": float(_title_case(words)),
        "ends_sentence": float(content[-1] in ".!?…"),
        "whole_paragraph": float(before == "" and after.strip() == ""),
        "closed": float(s.close_at is not None), "first_upper": float(content[:1].isupper()),
        "first_person": float(bool(low & _FIRST_PERSON)),
        # A paragraph with no final stop: a headline or a caption, which quote loosely.
        "heading": float(text[s.para_start : s.para_end].rstrip().rstrip(ALL_MARKS + ")]")[-1:]
                         not in tuple(".!?…:")),
        "after_possessive": float(bool(prev_tok) and prev_tok[-1].tag_ == "POS"),
        "after_determiner": float(bool(prev_tok) and prev_tok[-1].pos_ == "DET"),
        "before_noun": float(bool(next_tok) and next_tok[0].pos_ in ("NOUN", "PROPN")
                             and next_tok[0].idx <= close + 2),
        "head_modifier": float(head is not None and head.dep_ in ("amod", "compound", "nmod")),
        "after_colon": float(before.endswith(":")),
        "quotes_in_paragraph": math.log1p(text.count("“", s.para_start, s.para_end)
                                          + text.count('"', s.para_start, s.para_end) // 2),
    })
    f.update({
        "named_thing": _thing_share(ix, s),
        "head_appos": float(head is not None and head.dep_ == "appos"),
        "head_of_noun": float(head is not None and head.head.i != head.i
                              and head.head.pos_ in ("NOUN", "PROPN")),
        "after_preposition": float(bool(prev_tok) and prev_tok[-1].pos_ == "ADP"),
        "named_as": float(_named_as(prev_tok)),
        "speech_noun": float(head is not None and _speech_noun_above(head) is not None),
    })
    f.update(_attribution_features(ix, s, head))
    short = float(n <= 2)
    f.update({f"short_x_{name}": short * f[name] for name in _SHORT_TIMES})
    pos = head.pos_ if head is not None else ""
    for name, tag in (("head_noun", "NOUN"), ("head_propn", "PROPN"), ("head_adj", "ADJ"),
                      ("head_verb", "VERB")):
        f[name] = float(pos == tag)
    return f


# ---------------------------------------------------------------------------------------------
# 2b. a trained ranker over speaker candidates
# ---------------------------------------------------------------------------------------------

SPEAKER_MODEL = Path(__file__).parent / "data" / "speaker_model.json"
CANDIDATE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CANDIDATE_PARAGRAPHS = 2  # paragraphs before the quotation's own that hold candidates
# Words before a name that make it a person's title ("Sen. Jane Doe", "spokesman John Roe").
_ROLES = "spokesman spokeswoman spokesperson aide adviser advisor strategist chairman director"
_TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES) | frozenset(_ROLES.split())
FEATURES = (
    "rule", "rule_cue_own", "rule_inherited", "rule_pronoun", "rule_none",
    "subject_of_reporting", "subject_in_window", "in_window",
    "before_same_para", "after_same_para", "prev_para", "two_paras_back",
    "log_distance", "log_rank", "quote_opens_para", "colon_label", "titled", "appositive",
    "possessive", "is_subject", "log_mentions_before", "person", "org", "gpe", "norp", "other",
    "latest_reporting_subject", "same_sentence_as_speaker", "log_distance_to_speaker",
    "before_speaker", "pronoun_x_same_sentence", "pronoun_x_latest_subject",
    "pronoun_x_log_rank",
)
# Decisions by what the rules found: their own cue's name, a pronoun, a neighbour's speaker, an
# unnamed speaker ("another senior official"), nothing.
RULE_STATES = ("own", "pronoun", "inherited", "unnamed", "none")


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    root: Token | None
    features: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _speaker_model() -> dict | None:
    """The shipped ranker (``scripts/train_speakers.py``), or None when there is none."""
    if not SPEAKER_MODEL.exists():
        return None
    model = json.loads(SPEAKER_MODEL.read_text(encoding="utf-8"))
    return model if tuple(model.get("features", ())) == FEATURES else None


def _probability(model: dict, x: Sequence[float]) -> float:
    z = model["bias"] + sum(
        (v - m) / sc * w
        for v, m, sc, w in zip(x, model["mean"], model["scale"], model["weights"], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _para_bounds(text: str) -> list[tuple[int, int]]:
    return _paragraphs(text)


def speaker_candidates(ix: _DocIndex, r: dict, paras: list[tuple[int, int]]
                       ) -> list[_Candidate]:
    """Names around one quotation (its paragraph and the two before), with their features."""
    s: _Span = r["span"]
    cue: _Cue | None = r["cue"]
    lo = paras[max(0, s.para - CANDIDATE_PARAGRAPHS)][0]
    found: dict[tuple[int, int], _Candidate] = {}
    for ent in ix.ents:
        if ent.label_ not in CANDIDATE_LABELS or ent.end_char <= lo:
            continue
        if ent.start_char >= s.para_end:
            break
        if ix.in_quote(ent.start_char):
            continue
        found[(ent.start_char, ent.end_char)] = _Candidate(
            ent.start_char, ent.end_char, ent.label_, ent.root)
    if cue is not None and cue.start is not None and cue.end is not None and not any(
            c.start < cue.end and cue.start < c.end for c in found.values()):
            toks = ix.tokens(cue.start, cue.end)
            ent = ix.name_ent(toks[-1]) if toks else None
            found[(cue.start, cue.end)] = _Candidate(
                cue.start, cue.end, ent.label_ if ent is not None else "OTHER",
                toks[-1] if toks else None)
    cands = sorted(found.values(), key=lambda c: c.start)
    _features(ix, r, cands, paras)
    return cands


def _distance(s: _Span, c: _Candidate) -> int:
    if c.end <= s.open_at:
        return s.open_at - c.end
    close = s.close_at if s.close_at is not None else s.end
    return max(0, c.start - close)


def _features(ix: _DocIndex, r: dict, cands: list[_Candidate],
              paras: list[tuple[int, int]]) -> None:
    """Fill each candidate's features (names in :data:`FEATURES`, plus the rule state)."""
    s: _Span = r["span"]
    cue: _Cue | None = r["cue"]
    rule_span = (cue.start, cue.end) if cue is not None and cue.start is not None else None
    written = (cue.speaker_text or "").lower() if cue is not None else ""
    pronoun = written in SPEAKER_PRONOUNS
    inherited = bool(r.get("inherited"))
    anchor = cue.at if cue is not None and not inherited else None
    order = sorted(range(len(cands)), key=lambda i: _distance(s, cands[i]))
    rank = {i: n for n, i in enumerate(order)}
    para_starts = [p[0] for p in paras]
    latest = _latest_reporting_subject(cands, s)
    seen: Counter[str] = Counter()
    for i, c in enumerate(cands):
        rule = rule_span is not None and c.start < rule_span[1] and rule_span[0] < c.end
        gap = bisect_right(para_starts, c.start) - 1 - s.para
        words = ix.text[c.start : c.end].split()
        key = words[-1].lower() if words else ""
        f = {
            "rule": float(rule),
            "rule_cue_own": float(rule and not inherited and not pronoun),
            "rule_inherited": float(rule and inherited),
            "rule_pronoun": float(rule and pronoun),
            "rule_none": float(rule_span is None),
            "before_same_para": float(gap == 0 and c.start < s.open_at),
            "after_same_para": float(gap == 0 and c.start >= s.open_at),
            "prev_para": float(gap == -1),
            "two_paras_back": float(gap <= -2),
            "log_distance": math.log1p(_distance(s, c)),
            "log_rank": math.log1p(rank[i]),
            "quote_opens_para": float(s.open_at == s.para_start),
            "log_mentions_before": math.log1p(seen[key]),
            "latest_reporting_subject": float(i == latest),
            **_syntax_features(ix, c, s, r["window"]),
            **{label.lower(): float(c.label == label) for label in (*CANDIDATE_LABELS, "OTHER")},
        }
        if anchor is not None:
            f["same_sentence_as_speaker"] = float(ix.sent_index(anchor) == ix.sent_index(c.start))
            f["log_distance_to_speaker"] = math.log1p(abs(anchor - c.start))
            f["before_speaker"] = float(c.end <= anchor)
        else:
            f["same_sentence_as_speaker"] = 0.0
            f["log_distance_to_speaker"] = f["log_distance"]
            f["before_speaker"] = 0.0
        f["pronoun_x_same_sentence"] = float(
            pronoun and f["same_sentence_as_speaker"] and f["before_speaker"])
        f["pronoun_x_latest_subject"] = f["latest_reporting_subject"] * float(pronoun)
        f["pronoun_x_log_rank"] = f["log_rank"] * float(pronoun)
        # The rule state, the same for every candidate of the quotation (not model inputs).
        f["rule_cue_own_any"] = float(rule_span is not None and not inherited and not pronoun)
        f["rule_pronoun_any"] = float(rule_span is not None and pronoun)
        f["rule_unnamed_any"] = float(rule_span is None and bool(written))
        seen[key] += 1
        c.features = f


def _syntax_features(ix: _DocIndex, c: _Candidate, s: _Span, window: tuple[int, int]
                     ) -> dict[str, float]:
    """The candidate's relation to the reporting verbs and to the quotation's cue window."""
    root = c.root
    reporting = bool(root is not None and root.dep_ in SUBJECT_DEPS and is_cue_verb(root.head))
    in_window = window[0] <= c.start < window[1]
    first = ix.tokens(c.start, c.end)
    prev_word = ix.doc[first[0].i - 1].lower_.rstrip(".") if first and first[0].i else ""
    before = ix.text[c.end : s.open_at] if c.end <= s.open_at else ""
    children = list(root.children) if root is not None else []
    return {
        "subject_of_reporting": float(reporting),
        "subject_in_window": float(reporting and in_window),
        "in_window": float(in_window),
        "colon_label": float(before.strip() == ":" or _is_label(ix.text, c, s)),
        "titled": float(prev_word in _TITLE_WORDS),
        "appositive": float(any(ch.dep_ == "appos" for ch in children)),
        "possessive": float(any(ch.dep_ == "case" for ch in children)),
        "is_subject": float(root is not None and root.dep_ in ("nsubj", "nsubjpass")),
    }


def _is_label(text: str, c: _Candidate, s: _Span) -> bool:
    """"Name:" or "Name, Outlet:" opening the quotation's paragraph (transcripts, lists)."""
    if c.start != s.para_start and text[s.para_start : c.start].strip(" -—–") != "":
        return False
    rest = text[c.end : s.open_at]
    return rest.rstrip().endswith(":") and len(rest) <= 40 and rest.count(":") == 1


def _latest_reporting_subject(cands: list[_Candidate], s: _Span) -> int:
    """Index of the last candidate before the quotation that is the subject of a reporting
    verb, or -1."""
    best = -1
    for i, c in enumerate(cands):
        if c.end > s.open_at:
            break
        root = c.root
        if root is not None and root.dep_ in SUBJECT_DEPS and is_cue_verb(root.head):
            best = i
    return best


def rule_state(features: dict[str, float]) -> str:
    """What the rules found for a quotation, read off any of its candidates' features."""
    if features["rule_none"]:
        return "unnamed" if features["rule_unnamed_any"] else "none"
    if features["rule_cue_own_any"]:
        return "own"
    return "pronoun" if features["rule_pronoun_any"] else "inherited"


def record_state(r: dict) -> str:
    """:func:`rule_state` read off a quotation record, before any candidate is built."""
    cue: _Cue | None = r["cue"]
    if cue is None or cue.start is None:
        return "unnamed" if cue is not None and cue.speaker_text else "none"
    if (cue.speaker_text or "").lower() in SPEAKER_PRONOUNS:
        return "pronoun"
    return "inherited" if r.get("inherited") else "own"


def switches(model: dict, best: dict[str, float], probs: Sequence[float],
             features: Sequence[dict[str, float]]) -> bool:
    """Whether the best candidate replaces the rules' speaker: its probability reaches the
    threshold, and beats the rules' own candidate by the margin, set for what the rules found."""
    if best["rule"]:
        return False
    threshold, margin = model["decisions"].get(rule_state(best), (1.01, 1.0))
    own = max((p for p, f in zip(probs, features, strict=True) if f["rule"]), default=0.0)
    return max(probs) >= threshold and max(probs) - own >= margin


def rank_speakers(ix: _DocIndex, records: list[dict], model: dict | None = None) -> None:
    """Re-rank each quotation's speaker among its candidates with the shipped model: the best
    candidate replaces the rules' speaker when its probability reaches the model's threshold
    and beats the rules' own candidate by the model's margin."""
    model = model or _speaker_model()
    if model is None:
        return
    paras = _para_bounds(ix.text)
    for r in records:
        if model["decisions"].get(record_state(r), (1.01, 1.0))[0] > 1.0:
            continue  # the rules decide in this case: no candidates to build
        if r["cue"] is not None and r["cue"].anonymous:
            continue  # "another supporter said": no name nearby is that supporter
        cands = speaker_candidates(ix, r, paras)
        if not cands:
            continue
        probs = [_probability(model, [c.features[n] for n in FEATURES]) for c in cands]
        best = max(range(len(cands)), key=probs.__getitem__)
        if not switches(model, cands[best].features, probs, [c.features for c in cands]):
            continue
        c = cands[best]
        old = r["cue"]
        r["cue"] = _Cue(old.verb if old else None, ix.text[c.start : c.end], c.start, c.end,
                        c.start)
        r["ranked"] = True


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if len(w.strip(".,;:!?()")) > 3]
    return bool(content) and all(w.strip("(\"'“‘")[:1].isupper() for w in content)


def _inherit_speakers(records: list[dict]) -> None:
    """Quotations with no cue of their own take the speaker of their neighbours."""

    def has(r: dict) -> bool:
        return r["cue"] is not None and not r.get("inherited")

    # Multi-paragraph chains share one speaker: the first member with a cue of its own.
    chains: list[list[dict]] = []
    for r in records:
        if r["span"].continued and chains and chains[-1][-1]["span"].continues:
            chains[-1].append(r)
        else:
            chains.append([r])
    for chain in chains:
        src = next((r for r in chain if has(r)), None)
        if src is not None:
            for r in chain:
                if r["cue"] is None:
                    r["cue"], r["inherited"] = src["cue"], True
    for i, r in enumerate(records):
        if r["cue"] is not None:
            continue
        para = r["span"].para
        same = [x for x in records if x["span"].para == para and x is not r and has(x)]
        earlier = [x for x in same if x["n"] < r["n"]]
        src = earlier[-1] if earlier else (same[0] if same else None)
        if src is None:
            prev = [x for x in records[:i] if x["span"].para == para - 1 and x["cue"] is not None]
            src = prev[-1] if prev else None
        if src is not None:
            r["cue"], r["inherited"] = src["cue"], True


# ---------------------------------------------------------------------------------------------
# 3. clustering the same utterance across articles
# ---------------------------------------------------------------------------------------------

_UNIT_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+|\s+[—–]\s+")
_MIN_UNIT_TOKENS = 4
_KEYS_PER_UNIT = 6  # blocking keys per unit: its rarest shared shingles


def normalise_quote(text: str) -> str:
    """Lowercase words only: apostrophes dropped inside words, punctuation and marks gone."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    return " ".join(w.replace("'", "") for w in _WORD_RE.findall(text))


def _units(text: str) -> list[str]:
    units = [normalise_quote(u) for u in _UNIT_SPLIT_RE.split(text)]
    return [u for u in units if u]


def _unit_keys(unit: str) -> list[tuple]:
    toks = unit.split()
    keys: list[tuple] = [("b", a, b) for a, b in pairwise(toks)]
    keys += [("t", *toks[i : i + 3]) for i in range(len(toks) - 2)]
    if 0 < len(toks) <= 10:
        keys.append(("e", toks[0], toks[-1]))
    return keys


def _units_match(u: str, v: str) -> bool:
    """Same sentence: near-identical wording, or one printing a part of the other."""
    nu, nv = u.count(" ") + 1, v.count(" ") + 1
    n = min(nu, nv)
    if n < _MIN_UNIT_TOKENS:
        return False
    if u == v:
        return True
    ratio = fuzz.ratio(u, v, score_cutoff=78)  # 0 below the cutoff: cheaper, same decision
    if ratio >= 85 or (n >= 12 and ratio >= 78):
        return True  # small wording differences; longer sentences may differ a little more
    short, long_ = (u, v) if nu <= nv else (v, u)
    if n >= 6 and f" {short} " in f" {long_} ":
        return True  # containment: one prints a part of the other
    return n >= 8 and fuzz.partial_ratio(short, long_, score_cutoff=95) >= 95


def cluster_quotes(quotes: Sequence[tuple[str, str]]) -> dict[str, str]:
    """quote_id -> cluster_id: the same utterance reported in several articles shares a cluster.

    Quotations are split into sentence units. Identical units join at once; distinct unit texts
    are compared only inside blocks keyed by their rarest shared word bigrams and trigrams (or,
    for short units, their first and last word), and matched when nearly identical, when one
    contains the other, or when their words nearly coincide. A quotation joins the cluster of
    its first unit that matches another quotation's unit, so one article printing two
    utterances as one quotation does not merge the two utterances. Cluster ids derive from the
    normalised text of the cluster's longest member.
    """
    per_quote: list[list[tuple[int, int]]] = []
    by_text: dict[str, list[tuple[int, int]]] = {}
    for qi, (_qid, text) in enumerate(quotes):
        ids = []
        for ui, u in enumerate(_units(text) or [normalise_quote(text)]):
            by_text.setdefault(u, []).append((qi, ui))
            ids.append((qi, ui))
        per_quote.append(ids)
    uf = UnionFind(uid for ids in per_quote for uid in ids)
    matched = _match_units(by_text, uf)
    quote_norm = [normalise_quote(t) for _qid, t in quotes]
    groups = _quote_groups(per_quote, quote_norm, uf, matched)
    reps = [max((quote_norm[qi] for qi in g), key=lambda t: (len(t), t)) for g in groups]
    seen: dict[str, int] = {}
    for rep in reps:
        seen[rep] = seen.get(rep, 0) + 1
    out: dict[str, str] = {}
    for group, rep in zip(groups, reps, strict=True):
        key = rep
        if seen[rep] > 1:  # unmerged clusters with the same text: tell them apart by member
            key = rep + "\x00" + min(quotes[qi][0] for qi in group)
        cid = stable_id("qc", key)
        for qi in group:
            out[quotes[qi][0]] = cid
    return out


def _match_units(by_text: dict[str, list[tuple[int, int]]], uf: UnionFind
                 ) -> set[tuple[int, int]]:
    """Join units of different quotations that say the same sentence; the matched units."""
    matched: set[tuple[int, int]] = set()
    distinct = [t for t in by_text if t.count(" ") + 1 >= _MIN_UNIT_TOKENS]
    for t in distinct:
        uids = by_text[t]
        if len({qi for qi, _ui in uids}) > 1:
            matched.update(uids)
            for uid in uids[1:]:
                uf.union(uids[0], uid)
    unit_keys = [set(_unit_keys(t)) for t in distinct]
    freq: dict[tuple, int] = {}
    for keys in unit_keys:
        for key in keys:
            freq[key] = freq.get(key, 0) + 1

    def rarest(i: int) -> list[tuple]:
        shared = [k for k in unit_keys[i] if freq[k] > 1]
        shared.sort(key=lambda k: (freq[k], k))
        return shared[:_KEYS_PER_UNIT]

    for a, b in blocked_pairs(range(len(distinct)), rarest):
        ta, tb = distinct[a], distinct[b]
        if _units_match(ta, tb):
            ua, ub = by_text[ta], by_text[tb]
            if {qi for qi, _ in ua} | {qi for qi, _ in ub} == {ua[0][0]}:
                continue  # two sentences of one quotation
            matched.update(ua)
            matched.update(ub)
            uf.union(ua[0], ub[0])
    return matched


def _quote_groups(per_quote: list[list[tuple[int, int]]], quote_norm: list[str],
                  uf: UnionFind, matched: set[tuple[int, int]]) -> list:
    """Quotations grouped by the cluster of their first matched unit, or by identical text."""
    # Identical texts of a few words or more share a cluster; two-word phrases ("no idea") are
    # too common to say the same utterance is meant.
    final = UnionFind(range(len(per_quote)))
    first_by_key: dict[object, int] = {}
    for qi, ids in enumerate(per_quote):
        first = next((u for u in ids if u in matched), None)
        keys = [uf.find(first)] if first is not None else []
        if quote_norm[qi].count(" ") + 1 >= _MIN_UNIT_TOKENS:
            keys.append(("text", quote_norm[qi]))
        for key in keys:
            if key in first_by_key:
                final.union(first_by_key[key], qi)
            else:
                first_by_key[key] = qi
    return final.groups()
