"""Measured quality figures: what each scorer recorded, and which of them fit a release.

Each scorer run (``make eval`` on the seeds, ``eval-clean``, ``eval-quotes``, ``eval-entities``)
writes one JSON file into the committed ``quality/`` folder at the project root: its headline
figures, what they were measured on (corpus, items, split) and the code that was measured (the
versions of the stages it exercises, from ``pipeline.provenance.stage_versions``, and the
package version). The corpora of three scorers live outside the clone, so those files are what
a clone has; they are rewritten only when the scorer runs.

At publish, every recorded set goes into the release's ``quality.json``, marked ``current``
when each stage it measured has the release's version. Stage versions chain (a stage's version
covers every stage before it), so figures from code other than the release's are shown as
such, never passed off as the release's own.

The folder is outside ``pipeline/`` on purpose: JSON inside the package is hashed into the
stage versions (``provenance._closure``), so recording a figure would make it stale at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import PROJECT_ROOT

QUALITY_DIR = PROJECT_ROOT / "quality"
SEEDS_DIR = PROJECT_ROOT / "seeds"
QUALITY_FILE = "quality.json"
PACKAGE = "news-events"


@dataclass(frozen=True)
class Scorer:
    """What a scorer measures, the stages whose code its figures depend on, and the figure
    that stands for it in the card's chart of quality across releases."""

    title: str
    command: str
    stages: tuple[str, ...]
    headline: str


#: Every scorer that records figures, in the order the card shows them.
SCORERS: dict[str, Scorer] = {
    "seeds": Scorer("whole pipeline on the seed articles", "make eval",
                    ("read", "clean", "nlp", "corpus"), "key events found"),
    "clean": Scorer("article cleaning", "make eval-clean", ("read", "clean"), "txt mean F1"),
    "quotes": Scorer("quotations and speakers", "make eval-quotes", ("nlp", "corpus"),
                     "speaker_name"),
    "entities": Scorer("entity resolution", "make eval-entities", ("nlp", "corpus"),
                       "accuracy"),
    "events": Scorer("events on hand-labelled sentences", "make eval-events",
                     ("read", "clean", "nlp", "corpus"), "held_out micro F1"),
}

Figures = Mapping[str, float | int | None]


def package_version() -> str:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def record(name: str, figures: Figures, measured_on: Mapping, stages: Mapping[str, str],
           folder: Path = QUALITY_DIR) -> Path:
    """Write one scorer's figures to ``<folder>/<name>.json`` (replacing its last run's)."""
    if name not in SCORERS:
        raise ValueError(f"unknown scorer {name!r}; known: {', '.join(SCORERS)}")
    entry = {
        "scorer": name,
        "title": SCORERS[name].title,
        "command": SCORERS[name].command,
        "figures": dict(figures),
        "measured_on": dict(measured_on),
        "stages": dict(stages),
        "code_version": package_version(),
        "recorded": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(entry, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load_all(folder: Path = QUALITY_DIR) -> list[dict]:
    """Every recorded figure set, in :data:`SCORERS` order; [] when the folder is absent.

    A file that does not parse raises ValueError naming it: a committed figure is never
    dropped silently.
    """
    sets = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError(f"{path} is not valid JSON ({error})") from None
        if not (isinstance(entry, dict) and isinstance(entry.get("figures"), dict)
                and isinstance(entry.get("stages"), dict)):
            raise ValueError(f"{path} is not a figure set (scorer, figures, stages, ...)")
        sets.append(entry)
    order = list(SCORERS)
    return sorted(sets, key=lambda s: (order.index(s["scorer"]) if s.get("scorer") in order
                                       else len(order), str(s.get("scorer"))))


def stale_stages(entry: Mapping, release_stages: Mapping[str, str]) -> list[str]:
    """The stages whose version differs between the measured code and the release's."""
    stages = entry.get("stages") or {}
    if not stages:
        return ["(no stage recorded)"]
    return [stage for stage, value in stages.items() if release_stages.get(stage) != value]


def release_document(sets: Iterable[Mapping], version: str,
                     release_stages: Mapping[str, str], code_version: str | None) -> dict:
    """The content of a release's ``quality.json``: each set marked current or not."""
    marked = []
    for entry in sets:
        stale = [] if entry.get("self_scored") else stale_stages(entry, release_stages)
        marked.append({**entry, "current": not stale, "stale_stages": stale})
    return {
        "release": version,
        "code_version": code_version,
        "stage_versions": dict(release_stages),
        "about": ("Figures recorded by the project's scorers. current: true when every stage "
                  "a set measured has this release's version (stage versions cover the "
                  "stages before them); false means the figures come from other code."),
        "figure_sets": marked,
    }


# --- the seeds: the release can score itself ----------------------------------------------

def seed_hashes(folder: Path = SEEDS_DIR) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*")) if p.is_file()}


def are_seeds(source_hashes: Iterable[str], folder: Path = SEEDS_DIR) -> bool:
    """Whether a corpus holds exactly the seed articles (by content, wherever they live):
    only then does the seeds' gold fixture describe it."""
    seeds = seed_hashes(folder)
    return bool(seeds) and set(source_hashes) == seeds


def seeds_figures(report: Mapping) -> dict[str, float]:
    """The headline figures of ``pipeline.evaluation.evaluate``'s report, as ratios."""
    a, q, e, v = report["articles"], report["quotes"], report["entities"], report["events"]

    def ratio(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    return {
        "titles": ratio(a["title"], a["total"]),
        "published dates": ratio(a["published"], a["total"]),
        "author lists": ratio(a["authors"], a["total"]),
        "bodies": ratio(a["body"], a["total"]),
        "quote recall (tier A)": round(q["recall"], 4),
        "quote precision": round(q["precision"], 4),
        "canonical speaker accuracy": round(q["speaker_accuracy"], 4),
        "quote clusters found": ratio(q["clusters_found"], q["clusters_required"]),
        "entities resolved": ratio(e["resolved"], e["total"]),
        "key events found": ratio(v["found"], v["total"]),
    }


def seeds_measured_on(report: Mapping, release: str | None) -> dict:
    return {
        "corpus": "seeds", "path": "seeds/", "items": report["articles"]["total"],
        "unit": "articles", "gold": "tests/fixtures/gold_seeds.json",
        "split": "development set (the rules were written on these articles: in-sample)",
        **({"release": release} if release else {}),
    }


def seeds_set(report: Mapping, version: str, release_stages: Mapping[str, str]) -> dict:
    """The seeds' figure set of a release scoring itself at publish (not written to disk)."""
    return {
        "scorer": "seeds", "title": SCORERS["seeds"].title,
        "command": "scored at publish: the sources are the seeds",
        "self_scored": True,
        "figures": seeds_figures(report),
        "measured_on": seeds_measured_on(report, version),
        "stages": {s: release_stages[s] for s in SCORERS["seeds"].stages if s in release_stages},
        "code_version": package_version(),
        "recorded": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def record_seeds(report: Mapping, package: Mapping, folder: Path = QUALITY_DIR) -> Path:
    """Record ``news-events eval`` on a release: the stages are the release's own."""
    stages = (package.get("provenance") or {}).get("stage_versions") or {}
    return record("seeds", seeds_figures(report), seeds_measured_on(report, package["version"]),
                  {s: stages[s] for s in SCORERS["seeds"].stages if s in stages}, folder)


# --- the development-set scorers (one call at the end of each script) -----------------------

def current_stages(name: str, model: str) -> dict[str, str]:
    """The versions, in this checkout, of the stages scorer ``name`` exercises."""
    from pipeline.provenance import stage_versions

    versions = stage_versions(model)
    return {stage: versions[stage] for stage in SCORERS[name].stages}


def _corpus(path: str | Path) -> dict:
    return {"corpus": Path(path).name, "path": str(path)}


def record_clean(scores: Mapping[str, Sequence[float]], corpus: str | Path, model: str,
                 cross_validated: bool = False, folder: Path = QUALITY_DIR) -> Path:
    """Record eval-clean: per-page shingle F1 lists by kind (``txt``, ``html``, ``txt_cv``)."""
    figures: dict[str, float | None] = {}
    for kind, values in scores.items():
        ordered = sorted(values)
        figures[f"{kind} mean F1"] = round(sum(ordered) / len(ordered), 4) if ordered else None
        figures[f"{kind} median F1"] = (round(_median(ordered), 4) if ordered else None)
    split = ("txt_cv: 5-fold cross-validation by page (held out); txt, html: the shipped "
             "model on every page (in-sample for txt, which it was fitted on)"
             if cross_validated else
             "the shipped model on every page (in-sample: it was fitted on these txt pages)")
    measured = {**_corpus(corpus), "items": max((len(v) for v in scores.values()), default=0),
                "unit": "pages per kind", "split": split}
    return record("clean", figures, measured, current_stages("clean", model), folder)


def _median(ordered: Sequence[float]) -> float:
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def record_quotes(figures: Mapping, model: str, folder: Path = QUALITY_DIR) -> Path:
    """Record eval-quotes: the held-out fold's figures (the ranker is fitted on the others)."""
    held = figures["held_out"]
    headline = {key: held[key] for key in ("recall", "recall_3plus", "precision",
                                           "speaker_name", "speaker_pronoun_nominal",
                                           "speaker_pronoun_nominal_checked")
                if key in held}  # the checked figure needs the hand-checked referents
    measured = {**_corpus(figures["corpus"]), "items": figures["articles"], "unit": "articles",
                "gold_quotes": held["gold"],
                "split": f"held-out fold {', '.join(map(str, figures['held_out_folds']))} of "
                         f"{figures['folds']} "
                         "(folds by file-name sha256; the speaker ranker is fitted on the "
                         "others, the rules were developed on all)"}
    return record("quotes", headline, measured, current_stages("quotes", model), folder)


def record_entities(figures: Mapping, corpus: str | Path, model: str,
                    folder: Path = QUALITY_DIR) -> Path:
    """Record eval-entities: mention-level resolution on the hand-labelled gold."""
    headline = {
        "mentions found": round(figures["found"] / figures["gold"], 4) if figures["gold"] else None,
        **{key: round(figures[key], 4) for key in (
            "accuracy", "pairwise_precision", "pairwise_recall",
            "b_cubed_precision", "b_cubed_recall")},
        "false merges": len(figures["false_merges"]),
        "split referents": len(figures["false_splits"]),
        "label errors": figures["label_errors"],
    }
    measured = {**_corpus(corpus), "items": figures["gold"], "unit": "gold mentions",
                "articles": figures["gold_articles"], "corpus_articles": figures["articles"],
                "split": "development set (the rules were tuned on it: in-sample)"}
    return record("entities", headline, measured, current_stages("entities", model), folder)


def record_events(figures: Mapping, corpora: Mapping[str, str | Path], model: str,
                  folder: Path = QUALITY_DIR) -> Path:
    """Record eval-events: sentence-level F1 and role accuracies, held-out fold and all folds."""
    headline: dict[str, float | int | None] = {}
    for part in ("held_out", "all"):
        f = figures[part]
        headline.update({
            f"{part} micro F1": f["micro"]["f1"], f"{part} any-event F1": f["any_event"]["f1"],
            f"{part} actor accuracy": f["actor_accuracy"],
            f"{part} actor type accuracy": f["actor_type_accuracy"],
            f"{part} implied agent accuracy": f.get("implied_agent_accuracy"),
            f"{part} target accuracy": f["target_accuracy"],
            f"{part} modality accuracy": f["modality_accuracy"],
            f"{part} date accuracy": f["date_accuracy"],
            f"{part} merge purity": f["merge"]["purity"],
            f"{part} merges kept together": f["merge"]["kept_together"],
        })
    headline.update({f"F1 {typ}": row["f1"] for typ, row in figures["all"]["per_type"].items()})
    measured = {
        "corpus": "+".join(Path(p).name for p in corpora.values()),
        "path": ", ".join(str(p) for p in corpora.values()),
        "items": figures["gold_sentences"], "unit": "gold sentences",
        "articles": figures["gold_articles"], "found_in_release": figures["found_in_release"],
        "gold": "tests/fixtures/event_gold/events.tsv",
        "split": f"held-out fold {', '.join(map(str, figures['held_out_folds']))} of "
                 f"{figures['folds']} (folds by file-stem sha256) and all folds; per-type F1 "
                 "on all folds (a development set: rule changes are measured on it)",
    }
    return record("events", headline, measured, current_stages("events", model), folder)
