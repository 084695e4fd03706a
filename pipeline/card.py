"""The dataset card: a README.md and a few PNG figures written inside each release folder.

A release is read by people who never saw the pipeline: the card tells them, next to the
Parquet files, what each table holds (from the pandera models in ``schemas/``, the single source
of truth, so the card cannot drift from the data), how many rows there are, where the articles
came from, which model produced them, under which terms, and how to load them. The figures give
a first look without loading anything.

Pure: no Dagster. Matplotlib is used through ``matplotlib.figure.Figure`` (rendered by the Agg
canvas) rather than ``pyplot``, so writing a card never switches the process's global backend
nor keeps figures alive in pyplot's registry.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import cache

import fsspec
import jinja2
import polars as pl

from pipeline.config import DATASET_NAME
from pipeline.quality import SCORERS
from schemas import PRIMARY_KEYS, TABLES
from schemas.derive import arrow_schema, columns, table_description

CARD = "README.md"
#: The card's wording, in ``pipeline/templates/``.
CARD_TEMPLATE = "card.md.j2"
SPEAKERS_FIGURE = "figure_top_speakers.png"
EVENTS_FIGURE = "figure_events.png"
COMENTIONS_FIGURE = "figure_entity_comentions.png"
QUALITY_FIGURE = "figure_quality.png"

#: How many sources the card lists by name (all are in datapackage.json).
MAX_SOURCES_LISTED = 25
#: Bars per figure: enough to see the head of the distribution, few enough to read.
TOP_N = 12


def write_card(fs: fsspec.AbstractFileSystem, release_dir: str,
               tables: Mapping[str, pl.DataFrame], package: Mapping,
               quality: Mapping | None = None,
               history: Sequence[tuple[str, Mapping]] = ()) -> list[str]:
    """Write ``README.md`` and the figures into ``release_dir``; return the file names written.

    ``tables`` are the release's tables (as published), ``package`` its datapackage.json
    descriptor (version, sources, provenance). A figure without data to show (no named speaker,
    no event, no co-mention) is left out and the card says so, rather than drawing an empty plot.
    ``quality`` is the release's quality.json content (its table in the card), ``history``
    (version, quality.json) of this and earlier releases, oldest first (its figure).
    """
    release_dir = release_dir.rstrip("/")
    figures: dict[str, tuple[str, str]] = {}  # file name -> (title, caption)
    written: list[str] = []

    speakers = top_speakers(tables["quotes"])
    if speakers:
        _write_png(fs, f"{release_dir}/{SPEAKERS_FIGURE}",
                   _barh(speakers, "Quotations attributed", "Top speakers"))
        figures[SPEAKERS_FIGURE] = ("Top speakers",
                                    "Quotations per named speaker (quotes.speaker).")

    events_plot = events_figure_data(tables["events"])
    if events_plot is not None:
        kind, counts = events_plot
        if kind == "date":
            png = _bars_over_time(counts, "Events by date (events.date)")
            caption = "Events per date (events.date, undated events left out)."
        else:
            png = _barh(counts, "Events", "Events by type (no event has a date)")
            caption = ("No event in this release has a date, so this figure shows events by "
                       "type (events.event_type) instead of over time.")
        _write_png(fs, f"{release_dir}/{EVENTS_FIGURE}", png)
        figures[EVENTS_FIGURE] = ("Events", caption)

    names, matrix = comention_matrix(tables["entity_mentions"], tables["entities"])
    if names:
        _write_png(fs, f"{release_dir}/{COMENTIONS_FIGURE}", _heatmap(names, matrix))
        figures[COMENTIONS_FIGURE] = (
            "Entity co-mentions",
            f"The {len(names)} most mentioned entities: each cell counts the articles "
            "mentioning both (the diagonal, the articles mentioning the entity); from "
            "entity_mentions joined to entities.")

    written.extend(figures)
    series = quality_series(history)
    quality_figure = None
    if series:
        _write_png(fs, f"{release_dir}/{QUALITY_FIGURE}", _quality_chart(series))
        quality_figure = QUALITY_FIGURE
        written.append(QUALITY_FIGURE)
    with fs.open(f"{release_dir}/{CARD}", "w", encoding="utf-8") as handle:
        handle.write(card_text(tables, package, figures, quality, quality_figure))
    written.insert(0, CARD)
    return written


# --- what the figures show (plain data, testable without images) -------------------------

def top_speakers(quotes: pl.DataFrame, n: int = TOP_N) -> list[tuple[str, int]]:
    """(speaker, quotations) of the most quoted named speakers, most first."""
    named = quotes.filter(pl.col("speaker").is_not_null())
    if named.is_empty():
        return []
    counts = named.group_by("speaker").len().sort(["len", "speaker"], descending=[True, False])
    return [(row[0], row[1]) for row in counts.head(n).iter_rows()]


def events_figure_data(events: pl.DataFrame) -> tuple[str, list[tuple[str, int]]] | None:
    """("date", per-date counts in date order) when any event is dated, else ("type", counts
    per event type, most first); None without events."""
    if events.is_empty():
        return None
    dated = events.filter(pl.col("date").is_not_null())
    if not dated.is_empty():
        dates = dated["date"]
        span = (dates.max() - dates.min()).days
        key = pl.col("date").dt.truncate("1mo") if span > 120 else pl.col("date")
        counts = dated.group_by(key.alias("when")).len().sort("when")
        fmt = "%Y-%m" if span > 120 else "%Y-%m-%d"
        return "date", [(when.strftime(fmt), n) for when, n in counts.iter_rows()]
    counts = events.group_by("event_type").len().sort(["len", "event_type"],
                                                      descending=[True, False])
    return "type", [(row[0], row[1]) for row in counts.head(TOP_N).iter_rows()]


def comention_matrix(entity_mentions: pl.DataFrame, entities: pl.DataFrame,
                     n: int = 10) -> tuple[list[str], list[list[int]]]:
    """The ``n`` most mentioned entities and, for each pair, the articles mentioning both
    (the diagonal: articles mentioning the entity). Empty when no article names two entities.

    A matrix rather than a ranked list of pairs: on a small corpus most pairs tie (every
    article names the protagonists), and a heatmap still shows who appears with whom.
    """
    if entity_mentions.is_empty():
        return [], []
    ranked = (entity_mentions.group_by("entity_id").len()
              .join(entities.select("entity_id", "name"), on="entity_id", how="left")
              .with_columns(pl.col("name").fill_null(pl.col("entity_id")))
              .sort(["len", "name"], descending=[True, False]).head(n))
    ids, names = ranked["entity_id"].to_list(), ranked["name"].to_list()
    articles_of = {
        entity: set(group)
        for entity, group in entity_mentions.filter(pl.col("entity_id").is_in(ids))
        .group_by("entity_id").agg(pl.col("article_id").unique()).iter_rows()
    }
    matrix = [[len(articles_of[a] & articles_of[b]) for b in ids] for a in ids]
    if not any(matrix[i][j] for i in range(len(ids)) for j in range(len(ids)) if i != j):
        return [], []
    return names, matrix


def quality_rows(quality: Mapping | None) -> list[dict[str, str]]:
    """One row per recorded figure: scorer, figure, value, measured on, code version, current."""
    rows = []
    for entry in (quality or {}).get("figure_sets", []):
        measured = _measured_text(entry.get("measured_on") or {})
        code = "; ".join([f"news-events {entry.get('code_version', '?')}",
                          *(f"{stage} `{value}`" for stage, value
                            in (entry.get("stages") or {}).items())])
        stale = entry.get("stale_stages") or []
        current = "yes" if entry.get("current") else (
            f"no ({', '.join(stale)} differ)" if stale else "no")
        scorer = f"{entry.get('scorer', '?')} (`{entry.get('command', '?')}`, " \
                 f"{str(entry.get('recorded', '?'))[:10]})"
        for index, (figure, value) in enumerate((entry.get("figures") or {}).items()):
            first = index == 0  # a set's context once, at its first figure: a readable table
            rows.append({"scorer": scorer if first else "", "figure": figure,
                         "value": _value_text(value), "measured_on": measured if first else "",
                         "code_version": code if first else "", "current": current})
    return rows


def quality_series(history: Sequence[tuple[str, Mapping]]
                   ) -> dict[str, dict[str, list[tuple[str, float, bool]]]]:
    """scorer -> figure -> (release, value, current) across releases, ratios only (0 to 1):
    counts (false merges, label errors) have no common scale with them."""
    series: dict[str, dict[str, list[tuple[str, float, bool]]]] = {}
    for version, document in history:
        for entry in (document or {}).get("figure_sets", []):
            for figure, value in (entry.get("figures") or {}).items():
                if isinstance(value, float) and 0.0 <= value <= 1.0:  # ints are counts
                    series.setdefault(str(entry.get("scorer")), {}).setdefault(
                        figure, []).append((version, float(value), bool(entry.get("current"))))
    return series


def _measured_text(measured: Mapping) -> str:
    parts = [str(measured.get("corpus", "?"))]
    if measured.get("items") is not None:
        parts.append(f"{measured['items']} {measured.get('unit', 'items')}")
    if measured.get("release"):
        parts.append(f"release {measured['release']}")
    if measured.get("split"):
        parts.append(str(measured["split"]))
    return ", ".join(parts)


def _value_text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


# --- the card's text ---------------------------------------------------------------------

def card_text(tables: Mapping[str, pl.DataFrame], package: Mapping,
              figures: Mapping[str, tuple[str, str]], quality: Mapping | None = None,
              quality_figure: str | None = None) -> str:
    """The README.md of a release: ``templates/card.md.j2`` filled in with the release's
    facts (the wording lives in the template, so it is edited without touching Python)."""
    provenance = package.get("provenance", {}) or {}
    listed = package.get("sources", []) or []
    # a large release lists its sources in sources.parquet/, not here: the card counts them
    sources = listed if isinstance(listed, list) else []
    parts = {r.get("name"): len(r["parts"]) for r in package.get("resources", [])
             if isinstance(r.get("parts"), list)}
    missing = {SPEAKERS_FIGURE: "top speakers (no quotation has a named speaker)",
               EVENTS_FIGURE: "events (the release has no events)",
               COMENTIONS_FIGURE: "entity co-mentions (no article mentions two entities)"}
    return _template().render(
        dataset=DATASET_NAME,
        version=package.get("version", "?"),
        created=package.get("created", "unknown"),
        tables=[_table_facts(name, model, tables[name].height, parts.get(name, 1))
                for name, model in TABLES.items()],
        figures=[{"file": file, "title": title, "caption": caption}
                 for file, (title, caption) in figures.items()],
        missing_figures=[why for file, why in missing.items() if file not in figures],
        source_count=len(sources) if isinstance(listed, list) else listed.get("rows", 0),
        sources=[source["path"] for source in sources[:MAX_SOURCES_LISTED]],
        more_sources=max(0, len(sources) - MAX_SOURCES_LISTED),
        sources_file=None if isinstance(listed, list) else listed.get("path"),
        provenance=provenance,
        stage_versions=provenance.get("stage_versions") or {},
        dagster_run_id=provenance.get("dagster_run_id"),
        has_quality=quality is not None,
        quality_rows=quality_rows(quality),
        quality_figure=quality_figure,
    )


def _table_facts(name: str, model: type, rows: int, parts: int = 1) -> dict:
    """What the card says of one table, from its pandera model (and how many part files its
    folder holds, when it is stored as one)."""
    arrow = arrow_schema(model)
    return {
        "name": name, "rows": rows, "parts": parts, "description": table_description(model),
        "key": PRIMARY_KEYS[name],
        "columns": [{"name": column, "type": str(arrow.field(column).type),
                     "nullable": nullable, "description": description}
                    for column, _, nullable, description in columns(model)],
    }


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline", "templates"),
        autoescape=False,  # Markdown, not HTML
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["cell"] = _cell
    return environment.get_template(CARD_TEMPLATE)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


# --- drawing -----------------------------------------------------------------------------

def _barh(items: list[tuple[str, int]], xlabel: str, title: str) -> bytes:
    """A horizontal bar chart, largest on top: long labels (names, pairs) stay readable."""
    from matplotlib.figure import Figure

    labels = [_shorten(label) for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    figure = Figure(figsize=(7, 0.35 * len(items) + 1.2), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.barh(labels, values, color="#3b6ea5")
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    axes.xaxis.get_major_locator().set_params(integer=True)
    return _png(figure)


def _bars_over_time(items: list[tuple[str, int]], title: str) -> bytes:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.2), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    axes.bar([label for label, _ in items], [value for _, value in items], color="#a5533b")
    axes.set_ylabel("Events")
    axes.set_title(title)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="x", labelrotation=45)
    return _png(figure)


def _heatmap(names: list[str], matrix: list[list[int]]) -> bytes:
    from matplotlib.figure import Figure

    labels = [_shorten(name, 28) for name in names]
    size = 0.45 * len(names) + 2.5
    figure = Figure(figsize=(size + 1.5, size), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    image = axes.imshow(matrix, cmap="Blues", vmin=0)
    axes.set_xticks(range(len(labels)), labels, rotation=60, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    peak = max(max(row) for row in matrix) or 1
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            axes.text(j, i, str(value), ha="center", va="center", fontsize=8,
                      color="white" if value > peak / 2 else "black")
    axes.set_title("Entities mentioned in the same articles")
    figure.colorbar(image, ax=axes, label="articles", shrink=0.8)
    return _png(figure)


def _quality_chart(series: Mapping[str, Mapping[str, list[tuple[str, float, bool]]]]) -> bytes:
    """Quality per stage across releases: one line per scorer, its headline figure
    (``Scorer.headline``; all of them are in the card's table and quality.json); a hollow point is a
    figure measured on other code than that release's (not current). One panel, a few lines:
    a panel per scorer with every figure was most of an incremental release's time."""
    from matplotlib.figure import Figure

    versions = sorted({v for figures in series.values() for points in figures.values()
                       for v, _, _ in points}, key=lambda v: tuple(int(p) for p in v.split(".")))
    position = {v: i for i, v in enumerate(versions)}
    figure = Figure(figsize=(8, 3.6), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    for scorer, figures in series.items():
        known = SCORERS.get(scorer)
        name = known.headline if known and known.headline in figures else next(iter(figures))
        points = figures[name]
        xs, ys = [position[v] for v, _, _ in points], [y for _, y, _ in points]
        line, = axes.plot(xs, ys, marker="", label=_shorten(f"{scorer}: {name}", 40))
        for current in (True, False):
            chosen = [(x, y) for x, y, (_, _, c) in zip(xs, ys, points, strict=True)
                      if c is current]
            if chosen:
                axes.plot(*zip(*chosen, strict=True), marker="o", linestyle="",
                          color=line.get_color(),
                          markerfacecolor=line.get_color() if current else "white")
    axes.set_title("Quality per stage (hollow: measured on other code than the release's)",
                   fontsize=10)
    axes.set_ylim(-0.05, 1.05)
    axes.set_xticks(range(len(versions)), versions)
    axes.set_xlim(-0.5, len(versions) - 0.5)
    axes.set_xlabel("release")
    axes.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return _png(figure)


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    # No software/date metadata: the same data gives the same bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _shorten(label: str, width: int = 48) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _write_png(fs: fsspec.AbstractFileSystem, path: str, data: bytes) -> None:
    with fs.open(path, "wb") as handle:
        handle.write(data)
