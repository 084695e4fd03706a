"""Train the quotation acceptor of ``pipeline/quotes.py`` on the fit folds of an annotated corpus.

    .venv/bin/python scripts/train_quotes.py [--corpus DIR] [--cache FILE] [--out FILE]

Every quoted span the pairing finds (``pipeline.quotes.span_records``) is labelled 1 when it
matches a gold quotation (``pipeline/eval_quotes.py``: overlap of half the shorter), else 0 (a
scare quote, a title, a quoted name outside every attribution). A logistic regression
(``pipeline.cleaning.fit_logistic``) over :data:`pipeline.quotes.QUOTE_FEATURES` is fitted on
folds 0-3 only. Its two thresholds are chosen on the same folds by cross-validation (each
fold's spans scored by a model fitted on the other three): ``accept`` for spans the rules
reject (short partial quotations), ``reject`` for spans they keep; the pair that finds the most
gold quotations at an out-of-fold precision of ``--precision`` (0.975) or more. Fold 4 stays unseen:
measure it with ``make eval-quotes``. Writes ``pipeline/data/quote_model.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import fit_logistic  # noqa: E402
from pipeline.eval_quotes import (  # noqa: E402
    DEFAULT_FIT_FOLDS,
    _matches,
    parsed_corpus,
    training_parser,
)
from pipeline.quotes import QUOTE_FEATURES, QUOTE_MODEL, span_records  # noqa: E402

ACCEPT = tuple(round(0.30 + 0.01 * i, 2) for i in range(70))
PRECISION = 0.975  # out of fold; folds differ by up to 0.02, the target is 0.97
REJECT = tuple(round(0.01 * i, 2) for i in range(0, 91, 2))


def span_rows(articles, docs, folds) -> tuple[np.ndarray, ...]:
    """Features, gold labels, the rules' verdicts and the fold of every quoted span of
    ``folds``."""
    x, y, rejected, fold = [], [], [], []
    for article, doc in zip(articles, docs, strict=True):
        if article.fold not in folds:
            continue
        _ix, records = span_records(doc)
        for r in records:
            if r["nested"]:
                continue  # speech within speech: dropped before the acceptor is asked
            s = r["span"]
            x.append([r["quote_features"][n] for n in QUOTE_FEATURES])
            y.append(float(any(_matches({"start": s.start, "end": s.end}, g.start, g.end)
                               for g in article.quotes)))
            rejected.append(r["rules_reject"])
            fold.append(article.fold)
    return np.array(x), np.array(y), np.array(rejected), np.array(fold)


def out_of_fold(x: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    """Each span's probability from a model fitted on the other fit folds: the thresholds are
    set on these, not on the in-sample ones, which are too sure of themselves."""
    p = np.zeros(len(y))
    for k in np.unique(fold):
        mine = fold == k
        model = fit_logistic(x[~mine], y[~mine], np.ones(int((~mine).sum())), l2=1.0)
        p[mine] = 1 / (1 + np.exp(-model.logit(x[mine])))
    return p


def tune(p: np.ndarray, y: np.ndarray, rejected: np.ndarray, floor: float
         ) -> tuple[float, float, dict]:
    """The (accept, reject) pair that keeps the most gold spans at a precision of ``floor`` or
    more."""
    rules = ~rejected
    best = (0, 1.01, 1.01)
    for a in ACCEPT:
        added = rejected & (p >= a)
        for r in REJECT:
            kept = (rules & (p >= r)) | added
            right = int(y[kept].sum())
            if kept.any() and y[kept].mean() >= floor and right > best[0]:
                best = (right, a, r)
    right, accept, reject = best
    kept = (rules & (p >= reject)) | (rejected & (p >= accept))
    summary = {"rules": {"kept": int(rules.sum()), "right": int(y[rules].sum()),
                         "precision": round(float(y[rules].mean()), 4)},
               "acceptor": {"kept": int(kept.sum()), "right": right,
                            "precision": round(float(y[kept].mean()), 4)}}
    return accept, reject, summary


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__.splitlines()[0], QUOTE_MODEL)
    parser.add_argument("--precision", type=float, default=PRECISION,
                        help="the fit folds' precision the thresholds must keep")
    args = parser.parse_args(argv)
    articles, docs = parsed_corpus(args)
    x, y, rejected, fold = span_rows(articles, docs, set(DEFAULT_FIT_FOLDS))
    accept, reject, summary = tune(out_of_fold(x, y, fold), y, rejected, args.precision)
    model = fit_logistic(x, y, np.ones(len(y)), l2=1.0)
    print(f"{len(y)} quoted spans ({int(y.sum())} gold) on folds {list(DEFAULT_FIT_FOLDS)}; "
          f"accept {accept}, reject {reject}: {summary}")
    data = {"features": list(QUOTE_FEATURES), **model.to_json(), "accept": accept,
            "reject": reject, "trained_on": f"{args.corpus.name} folds {list(DEFAULT_FIT_FOLDS)}",
            "spans": len(y), "fit": summary}
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
