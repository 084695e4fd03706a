"""Train the antecedent ranker of ``pipeline/coreference.py`` on the fit folds of a corpus.

    .venv/bin/python scripts/train_antecedents.py [--corpus DIR] [--cache FILE] [--out FILE]

Every quotation whose own cue's speaker is "he" or "she" (the rules' cues, before any ranking)
is matched to a gold quotation (``pipeline/eval_quotes.py``); each antecedent candidate is
labelled 1 when its mentions share a name key with the gold speaker: the name of a name source,
or the referent the scorer derives from the annotation for a pronoun source. Quotations with no
right candidate are left out. A conditional logit (the candidates of a quotation compete) is
fitted on folds 0-3 only; the script prints the rules' and the ranker's accuracy on those folds,
the latter also fold by fold with that fold left out of the fit. Fold 4 stays unseen: measure it
with ``make eval-quotes``. Writes ``pipeline/data/antecedent_model.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import LogisticModel  # noqa: E402
from pipeline.coreference import ANTECEDENT_MODEL, FEATURES  # noqa: E402
from pipeline.eval_quotes import (  # noqa: E402
    DEFAULT_FIT_FOLDS,
    _matches,
    name_tokens,
    parsed_corpus,
    training_parser,
)
from pipeline.quotes import pronoun_cases, quote_records  # noqa: E402

L2 = 1.0
STEPS = 2000


def case_rows(articles, docs, folds) -> list[dict]:
    """One entry per pronoun-cued quotation with a right candidate: features, labels, fold."""
    out = []
    for article, doc in zip(articles, docs, strict=True):
        if article.fold not in folds:
            continue
        ix, records = quote_records(doc, antecedents=False)
        if ix is None:
            continue
        for r, cands in pronoun_cases(ix, records):
            s = r["span"]
            keys = set().union(*(g.keys for g in article.quotes
                                 if _matches({"start": s.start, "end": s.end}, g.start, g.end)))
            if not keys or not cands:
                continue
            y = [float(any(name_tokens(m.text) & keys for m in c.mentions)
                       or bool(name_tokens(ix.text[c.start:c.end]) & keys)) for c in cands]
            if not any(y):
                continue
            out.append({"x": [[c.features[n] for n in FEATURES] for c in cands], "y": y,
                        "fold": article.fold,
                        "rule": [c.features["rule_pick"] for c in cands]})
    return out


def fit(rows: list[dict], l2: float = L2) -> LogisticModel:
    """A conditional logit: the candidates of one quotation compete (softmax), and the loss is
    the probability mass off the right ones; L2-regularised, fitted by gradient descent with
    backtracking. Stored as a :class:`LogisticModel` (only the candidates' order matters)."""
    x = np.array([xi for row in rows for xi in row["x"]])
    y = np.array([yi for row in rows for yi in row["y"]])
    group = np.repeat(np.arange(len(rows)), [len(row["y"]) for row in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale

    def loss_grad(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ w
        s = s - np.repeat(np.maximum.reduceat(s, _starts(group)), np.bincount(group))
        e = np.exp(s)
        total = np.bincount(group, e)
        right = np.bincount(group, e * y)
        loss = float(np.sum(np.log(total) - np.log(right))) + 0.5 * l2 * float(w @ w)
        p = e / total[group] - e * y / right[group]
        return loss, z.T @ p + l2 * w

    w = np.zeros(z.shape[1])
    loss, grad = loss_grad(w)
    step = 1e-3
    for _ in range(STEPS):
        while True:
            cand = w - step * grad
            new_loss, new_grad = loss_grad(cand)
            if new_loss <= loss - 0.25 * step * float(grad @ grad) or step < 1e-12:
                break
            step /= 2
        converged = loss - new_loss < 1e-7
        w, loss, grad, step = cand, new_loss, new_grad, step * 1.5
        if converged:
            break
    return LogisticModel(mean, scale, w, 0.0)


def _starts(group: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.r_[True, group[1:] != group[:-1]])


def accuracy(model, rows: list[dict]) -> float:
    right = 0
    for row in rows:
        scores = model.logit(np.array(row["x"]))
        right += row["y"][int(np.argmax(scores))]
    return right / max(1, len(rows))


def rule_accuracy(rows: list[dict]) -> float:
    return sum(any(r and y for r, y in zip(row["rule"], row["y"], strict=True))
               for row in rows) / max(1, len(rows))


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__.splitlines()[0], ANTECEDENT_MODEL)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    articles, docs = parsed_corpus(args)
    rows = case_rows(articles, docs, set(DEFAULT_FIT_FOLDS))
    model = fit(rows, args.l2)
    print(f"{len(rows)} pronoun-cued quotations with a right candidate on folds "
          f"{list(DEFAULT_FIT_FOLDS)}: rules {rule_accuracy(rows):.3f}, "
          f"ranker {accuracy(model, rows):.3f} (fitted on them)")
    for fold in DEFAULT_FIT_FOLDS:
        rest = [r for r in rows if r["fold"] != fold]
        mine = [r for r in rows if r["fold"] == fold]
        print(f"  fold {fold} left out: rules {rule_accuracy(mine):.3f}, "
              f"ranker {accuracy(fit(rest, args.l2), mine):.3f} ({len(mine)} quotations)")
    for name, w in sorted(zip(FEATURES, model.weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {w:+.3f}  {name}")
    data = {"features": list(FEATURES), **model.to_json(),
            "trained_on": f"{args.corpus.name} folds {list(DEFAULT_FIT_FOLDS)}",
            "quotations": len(rows), "candidates": sum(len(r["y"]) for r in rows)}
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
