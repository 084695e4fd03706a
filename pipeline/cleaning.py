"""Article cleaning: page text or HTML in, the article's own body and its metadata out.

A `.txt` source is a whole page flattened to lines: menus, share buttons, captions, bylines and
related links sit around the article. The cleaner works on blocks (non-empty lines):

1. Generic rules recognise metadata blocks (date lines, bylines, share lines, photo credits and
   captions, datelines, wire trailers, reporting credits, contact lines, "Read more in X" links)
   and lift their content into `CleanArticle` fields instead of the body.
2. A small stacked logistic regression (weights in `data/paragraph_model.json`, trained with
   `scripts/eval_clean.py --train`, cross-validated by page) scores every remaining block from
   jusText-style features: length, stopword density, punctuation, capitalisation, repetition,
   position relative to the densest text region and the printed headline, comment and section
   markers, then the scores of its neighbours and its standing on the page.
3. `select_blocks` keeps the confident blocks of the best contiguous span, never a section or
   comments heading, and nothing of a reader-comment thread that follows the article.

Nothing here names a site, an outlet or a person: every rule is a shape or a generic vocabulary.
A `.html` source goes through trafilatura and then through the same normalisation and rules.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypedDict, TypeVar

import numpy as np
import py3langid
from dateutil import parser as date_parser

from pipeline.dates import date_in_name
from pipeline.duplicates import fingerprint
from pipeline.sources import RawRecord, article_id


@dataclass(frozen=True)
class CleanArticle:
    title: str | None
    text: str
    published: datetime.date | None
    modified: datetime.date | None
    authors: list[str]
    dateline: str | None
    outlet: str | None
    wire: str | None
    captions: list[str]
    credit_names: list[str]


MODEL_PATH = Path(__file__).parent / "data" / "paragraph_model.json"

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

# Cyrillic and Greek letters that render like Latin ones; mapped only inside Latin words.
_CONFUSABLES = str.maketrans(
    "АВЕКМНОРСТХЅІЈаеорсухіјѕԁӏ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
    "ABEKMHOPCTXSIJaeopcyxijsdl" "ABEZHIKMNOPTYXov",
)
_CONFUSABLE_CHARS = frozenset(
    "АВЕКМНОРСТХЅІЈаеорсухіјѕԁӏ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧον"
)
_WORD_RE = re.compile(r"\w+")
# CJK characters count as one token each: those scripts do not separate words by spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Zero-width characters, and bidi overrides an HTML entity may still carry after decoding.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_SPACES_RE = re.compile(r"[^\S\n]+")


def _fix_confusables(word: str) -> str:
    """Map look-alike letters to Latin when the word is otherwise Latin (a typo or spoofing)."""
    odd = [c for c in word if c in _CONFUSABLE_CHARS]
    if not odd or len(odd) == len([c for c in word if c.isalpha()]):
        return word
    if any(c.isalpha() and c not in _CONFUSABLE_CHARS and ord(c) > 0x24F for c in word):
        return word  # a genuinely Cyrillic/Greek word: leave it alone
    return word.translate(_CONFUSABLES)


def normalize_text(s: str) -> str:
    """Unify line ends and spaces, drop invisible characters, repair Latin words with look-alikes.

    Typographic quotes and apostrophes are kept: downstream quote extraction relies on them and
    offsets index this exact text.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _ZERO_WIDTH_RE.sub("", s)
    s = _SPACES_RE.sub(" ", s)  # NBSP, thin spaces, tabs ... (Unicode Zs) become one space
    s = "\n".join(line.strip() for line in s.split("\n"))
    if not _CONFUSABLE_CHARS.isdisjoint(s):
        s = _WORD_RE.sub(lambda m: _fix_confusables(m.group()), s)
    return unicodedata.normalize("NFC", s).strip()


# ---------------------------------------------------------------------------------------------
# Block features and the paragraph classifier
# ---------------------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """Vocabulary lists are written as plain space-separated text to stay readable."""
    return frozenset(words.split())


# Frequent function words of the benchmark's languages: prose is dense in them, menus and link
# lists are not (jusText's idea). Short lists suffice for a density feature.
_STOPWORDS = _wordset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours out over own said same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours o os as um uma de do da dos das em
    no na nos nas por para com que se mais foi ao não el la los las del al y un una es en con
    por para lo su sus pero como más fue le les des du et est dans pour pas sur qui une au
    avec ce il elle sont der die das und ist nicht ein eine zu den mit von auf für sich dem
    des im auch es il di che è per gli della nel non si ha sono alla dei delle anche dan yang
    di ke dari ini itu dengan untuk pada tidak akan ada juga и в не на что с по как это из за
    от но он она так же для"""
)
# Generic page-furniture vocabulary (never a site's name).
_BOILER_RE = re.compile(
    r"\b(share|shares|shared|bookmark|subscribe|subscription|subscriber|sign in|sign up|log ?in|"
    r"newsletter|advertisement|advertising|sponsored|cookies?|privacy|terms of (use|service)|"
    r"all rights reserved|copyright|related (stories|articles|content|topics)|most (viewed|read|"
    r"popular)|read more|recommended|trending|follow us|click here|comments?|whatsapp|facebook|"
    r"twitter|linkedin|pinterest|reddit|instagram|telegram|youtube|email|print|download the app|"
    r"skip to|menu|search|home|contact us|about us|sitemap|watch|video|podcast)\b",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", "\u201d", '"', "\u2019", ":", ".)", "…", "。", "」", "！", "？")

_LETTER_RE = re.compile(r"[^\W\d_]")
_ALPHABETIC_RE = re.compile(r"[^\W\d_\u2000-\U0010ffff]")  # letters of alphabetic scripts
_DIGIT_RE = re.compile(r"\d")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]?(?:\s|$)")

FEATURES = (
    "log_words", "stop_ratio", "terminal", "capital_ratio", "digit_ratio", "punct_ratio",
    "sentences", "log_repeat", "boiler", "position", "word_position", "peak_distance",
    "long", "title_overlap", "lower_start", "script_ratio", "comma_ratio", "log_chars_per_word",
    "after_heading", "words_after_heading", "after_comments", "date_like",
    "comment_marker", "markers_before", "marker_density", "section_end", "section_ends_before",
)
# Where reader comments start: nothing after such a line is the article.
_COMMENTS_RE = re.compile(
    r"^(\d+ (comments?|responses?|replies|thoughts)( (to|on) .*)?|comments?( \(\d+\))?|"
    r"leave a (reply|comment)|"
    r"post a comment|add a comment|join the (conversation|discussion)|show comments|"
    r".{2,60} (on|at) .{4,40}\d (am|pm|[AP]M) said:?)$",
    re.IGNORECASE,
)
# Lines that frame a reader comment: "name says:", "2 days ago at 07:54 am", "Reply", votes.
_COMMENT_MARKER_RE = re.compile(
    r"^(\S.{0,50} (says|wrote|writes):|reply|\d+ (likes?|votes?|points?)|"
    r"(rating|score|votes?): ?-?\d+( votes?)?|(?!(published|posted|updated)\b).{0,30}\b\d+ "
    r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago at .{3,12}|"
    r"(reply|share|flag)( \W? ?(reply|report|share|flag|like))+)$",
    re.IGNORECASE,
)
_DATE_LIKE_RE = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2}, \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* "
    r"\d{4}|(hours?|minutes?|days?|\d+ ?[smhdw]|mins?|hrs?) ago)\b",
    re.IGNORECASE,
)


def _tokens(block: str) -> list[str]:
    return _TOKEN_RE.findall(block)


def _dense_peak(word_counts: np.ndarray) -> float:
    """Word-position (0..1) of the densest run of long blocks: where the article most likely is."""
    total = word_counts.sum()
    if total == 0:
        return 0.5
    weight = np.where(word_counts >= 15, word_counts, 0).astype(float)
    smooth = np.convolve(weight, np.ones(7), mode="same")
    centre = int(np.argmax(smooth))
    return float(word_counts[:centre].sum() + word_counts[centre] / 2) / total


def _heading_index(blocks: list[str], title_words: set[str]) -> int:
    """Index of the first repeat of the title (the printed headline); the article follows it."""
    for i, block in enumerate(blocks[1:], start=1):
        words = {w.lower() for w in _tokens(block)} - _STOPWORDS
        shared = len(words & title_words)
        if len(words) >= 2 and shared >= 0.6 * len(words) and shared >= 0.6 * len(title_words):
            return i
    return 0


_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+|\s+::?\s+")


def _headline_words(title: str | None) -> set[str]:
    """Content words of the title without its site-name part ('Headline – Site')."""
    parts = _TITLE_SEPARATOR_RE.split(title or "")
    main = max(parts, key=lambda part: len(_tokens(part)))
    return {w.lower() for w in _tokens(main)} - _STOPWORDS


def block_features(blocks: list[str], title: str | None) -> np.ndarray:
    """One row of FEATURES per block; pure arithmetic so training and inference agree."""
    toks = [_tokens(b) for b in blocks]
    counts = np.array([len(t) for t in toks], dtype=float)
    total = max(counts.sum(), 1.0)
    peak = _dense_peak(counts)
    repeats = Counter(blocks)
    title_words = {w.lower() for w in _tokens(title or "")} - _STOPWORDS
    headline_words = _headline_words(title)
    heading = _heading_index(blocks, headline_words) if headline_words else 0
    comments_at = next((i for i, b in enumerate(blocks) if _COMMENTS_RE.match(b)), len(blocks))
    markers = np.array([bool(_COMMENT_MARKER_RE.match(b)) for b in blocks], dtype=float)
    markers_before = np.concatenate([[0.0], np.cumsum(markers)[:-1]]) if len(blocks) else markers
    marker_cum = np.concatenate([[0.0], np.cumsum(markers)])
    idx = np.arange(len(blocks))
    lo, hi = np.maximum(idx - 6, 0), np.minimum(idx + 7, len(blocks))
    marker_density = (marker_cum[hi] - marker_cum[lo]) / np.maximum(hi - lo, 1)
    ends = np.array([bool(_SECTION_END_RE.match(b)) for b in blocks], dtype=float)
    ends_before = np.concatenate([[0.0], np.cumsum(ends)[:-1]]) if len(blocks) else ends
    rows = []
    before = 0.0
    heading_words = float(counts[:heading].sum())
    for i, (block, words) in enumerate(zip(blocks, toks, strict=True)):
        n = max(len(words), 1)
        letters = len(_LETTER_RE.findall(block)) or 1
        latin = len(_ALPHABETIC_RE.findall(block))
        content = {w.lower() for w in words} - _STOPWORDS
        word_pos = (before + len(words) / 2) / total
        before += len(words)
        rows.append(
            (
                math.log1p(len(words)),
                sum(w.lower() in _STOPWORDS for w in words) / n,
                float(block.endswith(_TERMINAL)),
                sum(w[0].isupper() for w in words) / n,
                len(_DIGIT_RE.findall(block)) / max(len(block), 1),
                len(_PUNCT_RE.findall(block)) / max(len(block), 1),
                min(len(_SENTENCE_END_RE.findall(block)), 10) / 10,
                math.log(repeats[block]),
                min(len(_BOILER_RE.findall(block)) / n * 5, 1.0),
                i / max(len(blocks) - 1, 1),
                word_pos,
                abs(word_pos - peak),
                float(len(words) >= 30),
                len(content & title_words) / max(len(content), 1) if title_words else 0.0,
                float(block[:1].islower()),
                latin / letters,
                block.count(",") / n,
                math.log(max(len(block), 1) / n),
                float(i > heading),
                math.log1p(max(before - heading_words, 0.0)) / 10,
                float(i >= comments_at),
                float(bool(_DATE_LIKE_RE.search(block))),
                markers[i],
                math.log1p(markers_before[i]),
                marker_density[i],
                ends[i],
                math.log1p(ends_before[i]),
            )
        )
    return np.array(rows, dtype=float).reshape(len(blocks), len(FEATURES))


def context_features(local: np.ndarray, first_logit: np.ndarray) -> np.ndarray:
    """Second-stage inputs: a block's own features plus its neighbours' first-stage scores.

    A short line between two paragraphs of prose is prose; a long line inside a link list is not.
    """
    n = len(first_logit)
    prob = 1 / (1 + np.exp(-first_logit))
    padded = np.concatenate([np.full(3, -4.0), first_logit, np.full(3, -4.0)])
    neighbours = np.stack([padded[3 + k : 3 + k + n] for k in (-3, -2, -1, 1, 2, 3)], axis=1)
    cum = np.concatenate([[0.0], np.cumsum(prob)])
    windows = []
    for w in (1, 5, 15, 40):
        lo = np.maximum(np.arange(n) - w, 0)
        hi = np.minimum(np.arange(n) + w + 1, n)
        windows.append((cum[hi] - cum[lo]) / np.maximum(hi - lo, 1))
    before = cum[:-1] / max(n, 1)
    after = (cum[-1] - cum[1:]) / max(n, 1)
    # Page-relative standing: on a page where the model is unsure everywhere, the article is
    # still its best-scored stretch of prose.
    top = np.sort(first_logit)[::-1]
    page_top = top[: max(3, n // 10)].mean() if n else 0.0
    rank = np.argsort(np.argsort(-first_logit)) / max(n - 1, 1)
    logit_cum = np.concatenate([[0.0], np.cumsum(first_logit)])
    lo, hi = np.maximum(np.arange(n) - 2, 0), np.minimum(np.arange(n) + 3, n)
    smooth = (logit_cum[hi] - logit_cum[lo]) / np.maximum(hi - lo, 1)
    relative = [first_logit - page_top, rank, smooth - smooth.max(initial=0.0)]
    extra = np.column_stack([first_logit, neighbours, *windows, before, after, *relative])
    return np.hstack([local, extra])


@dataclass(frozen=True)
class LogisticModel:
    """A standardised logistic regression: weights are plain lists so the model is a JSON file."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def to_json(self) -> dict[str, object]:
        return {
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LogisticModel:
        return cls(
            np.array(data["mean"]),
            np.array(data["scale"]),
            np.array(data["weights"]),
            float(data["bias"]),  # type: ignore[arg-type]
        )


def fit_logistic(
    x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray, l2: float = 1.0
) -> LogisticModel:
    """Newton's method on the weighted, L2-regularised log-loss (a few thousand rows)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (sample_weight * (p - y)) + reg * w
        hess = (z * (sample_weight * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return LogisticModel(mean, scale, w[:-1], float(w[-1]))


@dataclass(frozen=True)
class BlockClassifier:
    """Stacked logistic regressions: stage 1 sees a block alone, later stages also its context."""

    stages: tuple[LogisticModel, ...]
    threshold: float

    def scores(self, blocks: list[str], title: str | None) -> np.ndarray:
        """Probability that each block belongs to the article body."""
        if not blocks:
            return np.zeros(0)
        local = block_features(blocks, title)
        logit = self.stages[0].logit(local)
        for stage in self.stages[1:]:
            logit = stage.logit(context_features(local, logit))
        return 1 / (1 + np.exp(-logit))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "stages": [stage.to_json() for stage in self.stages],
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> BlockClassifier:
        stages = tuple(LogisticModel.from_json(s) for s in data["stages"])  # type: ignore[attr-defined]
        return cls(stages, float(data["threshold"]))  # type: ignore[arg-type]


def fit_classifier(
    pages: list[tuple[list[str], str | None, np.ndarray]], n_stages: int = 3, l2: float = 1.0
) -> BlockClassifier:
    """Train the stacked model on (blocks, title, 0/1 labels) pages; rows weighted by length."""
    local = [block_features(blocks, title) for blocks, title, _ in pages]
    labels = np.concatenate([y for _, _, y in pages])
    weights = np.concatenate(
        [np.sqrt(1.0 + np.array([len(_tokens(b)) for b in blocks])) for blocks, _, _ in pages]
    )
    stages = [fit_logistic(np.vstack(local), labels, weights, l2)]
    logits = [stages[0].logit(x) for x in local]
    for _ in range(n_stages - 1):
        inputs = [context_features(x, lg) for x, lg in zip(local, logits, strict=True)]
        stages.append(fit_logistic(np.vstack(inputs), labels, weights, l2))
        logits = [stages[-1].logit(x) for x in inputs]
    return BlockClassifier(tuple(stages), 0.5)


@cache
def load_classifier() -> BlockClassifier:
    return BlockClassifier.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------------------------
# Metadata rules: each recognises a block by its shape or a generic vocabulary
# ---------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FULL_DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.?,? \d{{4}})"
)
_FULL_DATE_RE = re.compile(rf"\b{_FULL_DATE}\b", re.IGNORECASE)
_LABELLED_DATE_RE = re.compile(
    rf"\b(?P<label>published|posted|updated|modified|last updated|date)\b(?: on)?\s*:?\s*"
    rf"(?P<date>{_FULL_DATE})",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
_SHARE_WORDS = _wordset(
    """share bookmark whatsapp telegram facebook twitter email e-mail linkedin print reddit
    pinterest copy link tweet messenger save comment comments x flipboard mail sms"""
)
_BYLINE_RE = re.compile(r"^by\s+(?P<names>[^.!?]{2,120})$", re.IGNORECASE)
_ROLE_WORDS = _wordset(
    """staff reporter reporters correspondent correspondents writer writers editor editors
    contributor columnist bureau desk team news agency service press wire wires associated
    senior chief special political foreign business"""
)
_NAME_PARTICLES = _wordset(
    """de da del der van von bin al la le di du dos das ibn"""
)
_REPORTING_RE = re.compile(
    r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|edited|produced)\b.*\bby\b",
    re.IGNORECASE,
)
_CREDIT_ROLE_RE = re.compile(
    r"\b(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|produced)(?:\s+by)?\b",
    re.IGNORECASE,
)
_PHOTO_LABEL_RE = re.compile(
    r"\((?:photo|image|picture|credit|photograph)s?(?: by)?\s*[:：]?\s*(?P<who>[^)]*)\)$",
    re.IGNORECASE,
)
_CREDIT_RE = re.compile(
    r"^(?:(?:photo|image|picture|illustration|credit|photograph)s?(?: by)?\s*[:：].*|"
    r".*\b(?:getty images|shutterstock|file photo|pool photo)\b.*|"
    r"[\w.'-]+(?: [\w.'-]+)*(?:/[\w.'-]+(?: [\w.'-]+)*)+(?: via [\w.'-]+(?: [\w.'-]+)?)?|"
    r".+ via [A-Z]{2,}(?: [A-Z]{2,})?)$",
    re.IGNORECASE,
)
_AGENCY_END_RE = re.compile(r"\((?P<agency>[A-Z][A-Za-z]+)\)$")
_READ_MORE_RE = re.compile(
    r"^(?:read more|read also|also read|see also|more|related)"
    r"(?: (?:in|on|at|from) (?P<outlet>[^:]{2,40}))?\s*:",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_CONTACT_RE = re.compile(
    r"^(?:please )?(?:direct|send|email|e-mail|contact|write)\b.*\b(?:questions?|comments?|"
    r"feedback|tips?|us)\b",
    re.IGNORECASE,
)
_SECTION_END_RE = re.compile(
    r"^(?:related(?: stories| articles| news| content| posts| topics| coverage| links)?"
    r"(?: from .{2,50})?:?|"
    r"most (?:viewed|read|popular|shared)(?: articles| stories| news)?|more (?:stories|news)|"
    r"(?-i:More [A-Z][\w&-]*(?: [A-Z][\w&-]*)?)|"
    r"recommended(?: for you| stories)?|you (?:may|might) also like|"
    r"trending(?: now| news| stories)?|"
    r"latest (?:news|stories)|top stories|editor'?s picks|explore further|read next|"
    r"more on this (?:story|topic)|you may also be interested in|up next)$",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*)*?)"
    r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?\s*(?:\((?P<wire>[A-Z][\w .&]{1,30})\))?"
    r"\s*[—–-]{1,2}\s+(?=\S)"
)
_PLACE_LINE_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*)+$"
)
_WIRE_BLOCK_RE = re.compile(
    r"^[A-Z][A-Za-z.]+(?:\s*(?:&|/|,|\band\b)\s*[A-Z][A-Za-z.]+)+$|^[A-Z]{2,}$"
)
_WIRE_TAIL_RE = re.compile(r"(?<=[.!?”\"’)])\s+(?P<wire>[A-Z]{2,}(?:\s*[&/]\s*[A-Z]{2,})*)$")
_TAG_RE = re.compile(r"<[^>]+>")
_GALLERY_RE = re.compile(
    r"^(?:image|photo|picture|slide|video)s? \d+ (?:of|/) \d+$", re.IGNORECASE
)
# A caption's closing credit: "... in orbit. Credit: Agency", "... (Photo: J. Doe)" is below.
_CREDIT_TAIL_RE = re.compile(
    r"(?<=[.!?)])\s+(?:credit|photo|image|picture|source)s?\s*:\s*[^.!?]{2,60}$", re.IGNORECASE
)
_NON_LATIN_LABEL_RE = re.compile(r"\([^)]*[^\x00-\u024f\s)][^)]*\)$")


def _parse_date(s: str) -> datetime.date | None:
    try:
        return date_parser.parse(s, default=datetime.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _is_date_block(block: str) -> bool:
    """A line that is mostly a date: a dateline of the page, not a sentence mentioning one."""
    if len(block.split()) > 30:  # a paragraph, even if it opens with a date
        return False
    if _LABELLED_DATE_RE.search(block):
        return True
    if not _FULL_DATE_RE.search(block):
        return False
    rest = _TIME_RE.sub(" ", _FULL_DATE_RE.sub(" ", block))
    return len(_WORD_RE.findall(rest)) <= 3


def _is_embed(block: str) -> bool:
    """A block that is only a source's markup for an embedded post or player ('<tweet
    tweet-id="1"><tweet/>.'): no body, but no header either, so the paragraphs around it still
    open the article."""
    return _TAG_RE.search(block) is not None and not _WORD_RE.search(_TAG_RE.sub(" ", block))


def _is_share_block(block: str) -> bool:
    words = [w.lower() for w in _WORD_RE.findall(block)]
    return len(words) >= 2 and sum(w in _SHARE_WORDS for w in words) >= 0.6 * len(words)


def _person_names(text: str) -> list[str]:
    """People in a credit string: runs of capitalised words, without roles, places or agencies."""
    names = []
    for part in re.split(r",|;|\.(?:\s|$)|\band\b|&|/|\bvia\b", text):
        words = part.strip(" ()[]").split()
        if not 2 <= len(words) <= 5:
            continue
        if any(w.lower() in _ROLE_WORDS for w in words):
            continue
        if all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and not any(
            w.isupper() and len(w) > 2 for w in words
        ):
            names.append(" ".join(words))
    return names


def _strip_places(text: str) -> str:
    """'Jane Doe in Paris, John Roe in Rome' -> 'Jane Doe, John Roe' (credit lines name cities)."""
    return re.sub(r"\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", "", text)


def _wire_name(s: str) -> str:
    """'WIREX' -> 'Wirex'; short acronyms (e.g. 'AP') stay as printed."""
    return s.title() if s.isupper() and len(s) > 4 else s


@dataclass
class _Meta:
    """What the rules lift out of non-body blocks while the body is being chosen."""

    published: datetime.date | None = None
    dated: datetime.date | None = None  # an unlabelled date line ("March 2, 2021")
    modified: datetime.date | None = None
    authors: list[str] | None = None
    dateline: str | None = None
    outlet: str | None = None
    wire: str | None = None
    captions: list[str] | None = None
    credit_names: list[str] | None = None

    def __post_init__(self) -> None:
        self.authors, self.captions, self.credit_names = [], [], []

    def add_names(self, names: list[str], *, authors: bool = False) -> None:
        for name in names:
            if authors and name not in self.authors:
                self.authors.append(name)
            if name not in self.credit_names:
                self.credit_names.append(name)

    def add_dates(self, block: str) -> None:
        for m in _LABELLED_DATE_RE.finditer(block):
            label, day = m.group("label").lower(), _parse_date(m.group("date"))
            if label in ("updated", "modified", "last updated"):
                self.modified = self.modified or day
            else:
                self.published = self.published or day
        if not _LABELLED_DATE_RE.search(block) and (m := _FULL_DATE_RE.search(block)):
            self.dated = self.dated or _parse_date(m.group())


def _find_title(blocks: list[str]) -> str | None:
    """The headline: a line repeated near the top (printed as title and h1), else the first line
    that is not a date or a share bar."""
    head = [b for b in blocks[:8] if not _is_date_block(b) and not _is_share_block(b)]
    repeated = [
        b
        for b, n in Counter(head).items()
        if n > 1 and 2 <= len(b.split()) <= 30 and not b.endswith((".", ")"))
    ]
    if repeated:
        return repeated[0]
    return next((b for b in head if len(b.split()) >= 2), None)


def _block_rule(block: str, title: str | None, meta: _Meta) -> str | None:  # noqa: C901
    """Name the kind of a metadata/boilerplate block (recording its content), or None."""
    if title and (block == title or (block.endswith(title) and len(block) < 2 * len(title))):
        return "title"
    if _is_embed(block):
        return "embed"
    if _is_share_block(block):
        return "share"
    if _is_date_block(block):
        meta.add_dates(block)
        return "date"
    if m := _BYLINE_RE.match(block):
        names_part = m.group("names")
        people = _person_names(names_part.split(",")[0] if "," in names_part else names_part)
        if people:
            meta.add_names(people, authors=True)
        elif len(names_part.split()) <= 3:
            meta.wire = meta.wire or names_part.strip()
        return "byline"
    if _REPORTING_RE.match(block):
        meta.add_names(_person_names(_strip_places(_CREDIT_ROLE_RE.sub(",", block))))
        return "credits"
    if m := _READ_MORE_RE.match(block):
        if m.group("outlet"):
            meta.outlet = meta.outlet or m.group("outlet").strip()
        return "read_more"
    if _CONTACT_RE.match(block) and (m := _EMAIL_RE.search(block)):
        meta.outlet = meta.outlet or m.group("domain").lower()
        return "contact"
    if _SECTION_END_RE.match(block):
        return "section_end"
    if _NON_LATIN_LABEL_RE.search(block) or _GALLERY_RE.match(block):
        return "furniture"
    if _CREDIT_TAIL_RE.search(block) and len(block.split()) <= 80:
        meta.captions.append(block)
        return "caption"
    if m := _PHOTO_LABEL_RE.search(block):
        meta.captions.append(block)
        meta.add_names(_person_names(m.group("who")))
        return "caption"
    if len(block.split()) <= 12 and not block.endswith((".", "!", "?")) and _CREDIT_RE.match(block):
        meta.captions.append(block)
        meta.add_names(_person_names(block))
        return "credit"
    return None


_HEADER_KINDS = frozenset({"title", "share", "date", "byline", "caption", "credit", "dateline"})
_HEADER_SCAN = 15


def _header_end(blocks: list[str], kinds: list[str | None], meta: _Meta) -> int:
    """Index where the article can start: after the title/date/byline/caption cluster on top.

    Captions are marked first (a block beside a credit line, or a repeated block ending in an
    agency tag). The scan stops where two unclaimed paragraphs of prose follow each other: the
    article has begun. A standfirst above the last header item is not body, unless no prose
    follows that item: a one-paragraph story ending in a share bar keeps its paragraph. A short
    "Place, Country" line in the header is the dateline.
    """
    scan = min(len(blocks), _HEADER_SCAN)
    for i in range(scan):
        if kinds[i] is not None:
            continue
        beside_credit = "credit" in kinds[max(i - 1, 0) : i + 2]
        doubled = _AGENCY_END_RE.search(blocks[i]) and blocks.count(blocks[i]) > 1
        if (beside_credit and len(blocks[i].split()) <= 60) or doubled:
            kinds[i] = "caption"
            meta.captions.append(blocks[i])
    end = 0
    end_before_prose: int | None = None
    for i in range(scan):
        prose = [
            kinds[j] is None and len(blocks[j].split()) >= 20 for j in (i, min(i + 1, scan - 1))
        ]
        if all(prose) and i + 1 < scan:
            break
        if prose[0] and end_before_prose is None:
            end_before_prose = end
        if kinds[i] is None and _PLACE_LINE_RE.match(blocks[i]) and len(blocks[i].split()) <= 5:
            kinds[i] = "dateline"
            meta.dateline = meta.dateline or blocks[i]
        if kinds[i] in _HEADER_KINDS:
            end = i + 1
    if end_before_prose is not None and not any(
        kinds[j] is None and len(blocks[j].split()) >= 20 for j in range(end, len(blocks))
    ):
        return end_before_prose
    return end


def _strip_dateline(paragraph: str, meta: _Meta) -> str:
    """Remove 'CITY, Country, Mon D (Agency) –' from the first paragraph, keeping its parts."""
    m = _DATELINE_RE.match(paragraph)
    if not m or not re.search(r"[A-Z]{3,}", m.group("place")):
        return paragraph
    meta.dateline = meta.dateline or m.group("place")
    if m.group("wire"):
        meta.wire = m.group("wire").strip()
    return paragraph[m.end() :]


def _strip_trailers(body: list[str], meta: _Meta) -> list[str]:
    """Drop wire credits after the last sentence ('... end.” WIREX', 'AGX & Wirex')."""
    while body and _WIRE_BLOCK_RE.match(body[-1]) and len(body[-1].split()) <= 5:
        meta.wire = meta.wire or _wire_name(body.pop())
    if body and (m := _WIRE_TAIL_RE.search(body[-1])):
        meta.wire = meta.wire or _wire_name(m.group("wire"))
        body[-1] = body[-1][: m.start()].rstrip()
    return body


def _comment_thread_start(blocks: list[str]) -> int | None:
    """Index where reader comments begin: a comments heading ("12 comments", "Leave a reply")
    or a run of three comment markers ("jane says:", "2 days ago at 7:54 am") within 15 blocks.
    A heading counts when a comment follows it, not a share button ("Comments", "Print")."""
    marks = [i for i, b in enumerate(blocks) if _COMMENT_MARKER_RE.match(b)]
    starts = [
        i
        for i, b in enumerate(blocks[:-1])
        if _COMMENTS_RE.match(b) and (len(blocks[i + 1].split()) >= 4 or i + 1 in marks)
    ][:1]
    starts += [marks[k] for k in range(len(marks) - 2) if marks[k + 2] - marks[k] <= 15][:1]
    return min(starts, default=None)


def select_blocks(blocks: list[str], probs: np.ndarray, threshold: float) -> np.ndarray:
    """Keep likely-body blocks inside the best contiguous article span.

    The span maximises the confidence-weighted words it keeps minus those it passes over
    (each block weighs √words, times p if kept, times 1 − p if dropped), so a stray block in the
    footer does not drag the body along and a confident body beats a long doubtful teaser list.
    Section and comment headings ("Related stories", "3 comments") are never kept, nor is
    anything from the start of the reader comments on, once 40 words of article precede it. A
    page where no block clears the threshold keeps its best-scored blocks rather than nothing.
    """
    headings = [bool(_SECTION_END_RE.match(b) or _COMMENTS_RE.match(b)) for b in blocks]
    keep = (probs >= threshold) & ~np.array(headings, dtype=bool)
    words = np.array([len(_tokens(b)) for b in blocks])
    thread = _comment_thread_start(blocks)
    if thread is not None and words[:thread][keep[:thread]].sum() >= 40:
        keep[thread:] = False
    if not keep.any():
        keep = probs >= max(probs.max(initial=0.0) * 0.7, 0.05)
    weight = np.sqrt(1.0 + words)
    gain = np.where(keep, weight * probs, -weight * (1.0 - probs))
    best = running = 0.0
    start = span_start = span_end = 0
    for i, g in enumerate(gain):
        if running <= 0:
            running, start = 0.0, i
        running += g
        if running > best:
            best, span_start, span_end = running, start, i + 1
    span = np.zeros_like(keep)
    span[span_start:span_end] = True
    return keep & span


def _candidates(blocks: list[str], meta: _Meta, title: str | None) -> list[str]:
    """Blocks left for the classifier: below the header, not claimed by a rule, not doubled."""
    kinds = [_block_rule(b, title, meta) for b in blocks]
    start = _header_end(blocks, kinds, meta)
    for i in range(1, len(blocks)):
        # A gallery counter ("Image 2 of 5") is followed by that picture's caption.
        if kinds[i] is None and _GALLERY_RE.match(blocks[i - 1]) and len(blocks[i].split()) <= 60:
            kinds[i] = "caption"
            meta.captions.append(blocks[i])
    # Consecutive duplicates are captions or pull quotes printed twice, never body. Section ends
    # ("Related stories") stay, so the classifier knows what follows them; they are never kept.
    return [
        blocks[i]
        for i in range(start, len(blocks))
        if kinds[i] in (None, "section_end") and (i == 0 or blocks[i] != blocks[i - 1])
    ]


# A comment or live-blog widget whose buttons a page's text export glued to the prose around
# them ("...in Manchester.FlagShareLikeReplyJo Doe 5ptsmoderatorFeaturedMay 6, 2016 9:12PMNext
# post"), up to its time stamp: a paragraph break, so the post on each side stays a block.
_GLUED_WIDGET_RE = re.compile(
    r"(?:Flag|Share|Like|Reply|Tweet|Email|Report){3,}(?:[^\n]{0,80}?\d{1,2}:\d{2} ?[AP]M)?"
    r"|(?:[A-Z][\w'-]+ ){1,3}\d+pts(?:moderator)?(?:Featured)?"  # a post's author and time
    r"[A-Z][a-z]+ \d{1,2}, \d{4} \d{1,2}:\d{2} ?[AP]M")


def _page_blocks(raw: str) -> tuple[str, list[str], str | None]:
    text = _GLUED_WIDGET_RE.sub("\n", normalize_text(raw))
    blocks = [line for line in text.split("\n") if line]
    return text, blocks, _find_title(blocks)


def classifier_inputs(raw: str) -> tuple[list[str], str | None]:
    """The blocks and title the classifier sees for a `.txt` source (shared with training)."""
    _, blocks, title = _page_blocks(raw)
    return _candidates(blocks, _Meta(), title), title


def _finish(title: str | None, body: list[str], meta: _Meta, fallback_text: str,
            named: datetime.date | None = None) -> CleanArticle:
    if body:
        body[0] = _strip_dateline(body[0], meta)
    body = [b for b in _strip_trailers(body, meta) if b]
    # A labelled date line of the page ("Published March 2, 2021"), else the file name's date
    # (an archive's record: a date heading inside a timeline is no publication date), else an
    # unlabelled date line, else a full date above the body (a caption's) or in a short line
    # ("Written by Jo Doe on May 2, 2019"); never one in the body's prose ("born on July 14,
    # 1920" in a profile is none).
    head = fallback_text.find(body[0][:80]) if body else -1
    published = meta.published or named or meta.dated or _date_line(fallback_text, head)
    return CleanArticle(
        title=title,
        text="\n\n".join(body),
        published=published,
        modified=meta.modified,
        authors=list(meta.authors or []),
        dateline=meta.dateline,
        outlet=meta.outlet,
        wire=meta.wire,
        captions=list(dict.fromkeys(meta.captions or [])),
        credit_names=list(meta.credit_names or []),
    )


DATE_LINE_WORDS = 15  # a byline or date line is short; a sentence with a date is prose


def _date_line(text: str, body_start: int) -> datetime.date | None:
    """The first full date of the page above ``body_start`` (its header, a caption) or in a
    short line further down (a byline's, a stamp's)."""
    at = 0
    for line in text.split("\n"):
        m = _FULL_DATE_RE.search(line)
        if m and (at < body_start or len(line.split()) <= DATE_LINE_WORDS):
            return _parse_date(m.group())
        at += len(line) + 1
    return None


def clean_text(raw: str, named: datetime.date | None = None) -> CleanArticle:
    """Clean a `.txt` source: a page's text, one block per line, boilerplate included
    (``named``: the date its file name carries, see ``pipeline.dates.date_in_name``)."""
    text, blocks, title = _page_blocks(raw)
    meta = _Meta()
    candidates = _candidates(blocks, meta, title)
    body: list[str] = []
    if candidates:
        classifier = load_classifier()
        probs = classifier.scores(candidates, title)
        keep = select_blocks(candidates, probs, classifier.threshold)
        body = [b for b, k in zip(candidates, keep, strict=True) if k]
    return _finish(title, body, meta, text, named)


_PRECISION_COLLAPSE = 0.25


def _word_count(text: str | None) -> int:
    return len((text or "").split())


def clean_html(html: str, named: datetime.date | None = None) -> CleanArticle:
    """Clean a `.html` source: trafilatura finds the body and metadata, then the same rules
    lift bylines, captions, credits, datelines and wire trailers out of its paragraphs."""
    import trafilatura  # heavy import, only needed for HTML sources

    options = {"include_comments": False, "include_tables": True, "with_metadata": True}
    doc = trafilatura.bare_extraction(html, favor_precision=True, **options)
    # Precision mode sometimes keeps a fragment (a teaser, one caption) of a page whose article
    # the default mode finds whole: then the default extraction is the article.
    fallback = trafilatura.bare_extraction(html, **options)
    if fallback is not None and (
        doc is None or _word_count(doc.text) < _PRECISION_COLLAPSE * _word_count(fallback.text)
    ):
        doc = fallback
    if doc is None:
        return clean_text(_TAG_RE.sub("\n", html), named)
    meta = _Meta()
    title = normalize_text(doc.title) if doc.title else None
    paragraphs = [p for p in normalize_text(doc.text or "").split("\n") if p]
    body = [p for p in paragraphs if _block_rule(p, title, meta) in (None, "title")]
    body = [p for p in body if p != title]
    if doc.date:
        meta.published = meta.published or _parse_date(doc.date)
    if doc.author and not meta.authors:
        meta.add_names(_person_names(normalize_text(doc.author).replace(";", ",")), authors=True)
    meta.outlet = meta.outlet or (normalize_text(doc.sitename) if doc.sitename else None)
    return _finish(title, body, meta, normalize_text(doc.text or ""), named)


_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "it", "with", "as", "was",
    "he", "said", "by", "at", "from", "his", "be", "have", "are", "has", "but", "not", "they",
    "this", "an", "which", "were", "their", "had", "will", "would", "been", "who", "its",
})


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, None for text too short to tell.

    Plain English prose is a quarter or more English function words, which no other language
    comes near; such text is "en" without loading py3langid's model (0.4 s per process, the
    largest cost of building one new article). Anything else goes to py3langid.
    """
    words = text[:5000].casefold().split()
    if len(words) < 5:
        return None
    if len(words) >= 40 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) > 0.25:
        return "en"
    language, _ = py3langid.classify(text[:5000])
    return language


class _Cleaned(TypedDict):
    source_sha256: str | None
    reason: str | None


class CleanedRecord(_Cleaned, total=False):
    """The clean stage's output for one source: the ``article`` and what was learnt reading its
    source and whole text when ``reason`` is None, else only ``source_sha256`` and the
    ``reason`` it is rejected. The NLP stage reads the article's ``text``, ``published`` and
    ``credit_names`` and the ``language``; the corpus stage the rest.

    (The optional keys are a ``total=False`` class rather than ``NotRequired``: with postponed
    annotations, Python 3.11 cannot see ``NotRequired``.)
    """

    article: CleanArticle
    article_id: str
    encoding: str | None
    replaced_bytes: int
    removed_characters: int
    language: str | None
    fingerprint: tuple[frozenset[int], np.ndarray | None]


def clean_record(source: str, raw: RawRecord) -> CleanedRecord:
    """The cleaned-article record of one read source, or its rejection: body and metadata,
    article id, language and near-duplicate fingerprint."""
    if raw["reason"]:
        return {"source_sha256": raw["sha256"], "reason": raw["reason"]}
    is_html = source.lower().endswith((".html", ".htm"))
    named = date_in_name(source)
    article = clean_html(raw["text"], named) if is_html else clean_text(raw["text"], named)
    if not article.text.strip():
        return {"source_sha256": raw["sha256"], "reason": "no article body found after cleaning"}
    return {
        "article": article,
        "article_id": article_id(raw["sha256"]),
        "source_sha256": raw["sha256"],
        "encoding": raw["encoding"],
        "replaced_bytes": raw.get("replaced_bytes", 0),
        "removed_characters": raw.get("removed_characters", 0),
        "language": detect_language(article.text),
        "fingerprint": fingerprint(article.text),
        "reason": None,
    }


Key = TypeVar("Key", bound=Hashable)


def clean_records(items: Sequence[tuple[Key, RawRecord]],
                  clean: Callable[[str, RawRecord], CleanedRecord] = clean_record,
                  ) -> list[tuple[Key, CleanedRecord]]:
    """``clean`` (``clean_record``) over (key, raw) pairs, the keys handed back untouched (the
    caller's, e.g. the source version): one chunk of a batch (see
    ``pipeline.parallel.map_chunks``).

    An exception while cleaning one source rejects that source, naming the error, instead of
    failing the whole batch: one odd page must not keep every other article out of a release.
    """
    results: list[tuple[Key, CleanedRecord]] = []
    for key, raw in items:
        try:
            record = clean(raw["source"], raw)
        except Exception as error:  # any bug or library failure on one page
            record = {"source_sha256": raw.get("sha256"),
                      "reason": f"cleaning failed: {type(error).__name__}: {error}"[:500]}
        results.append((key, record))
    return results
