"""Validation of the published tables: each table against its pandera model, then the relations
between tables (offsets into article text, foreign keys), as the models declare them
(``schemas.derive``): nothing here lists a table's keys or allowed values a second time.

Every problem names the table, the column and the first failing rows, so an error in the UI or
the console says exactly what to look at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandera.errors
import polars as pl

from schemas import PRIMARY_KEYS, TABLES
from schemas.derive import Span, foreign_keys, span

MAX_ROWS_SHOWN = 5


@dataclass(frozen=True)
class Problem:
    """One failed check: where it failed and the first rows that fail it."""

    table: str
    column: str
    check: str
    failing_rows: tuple[dict, ...]
    failure_count: int

    def describe(self) -> str:
        rows = "; ".join(_short(row) for row in self.failing_rows)
        return (f"table {self.table!r}, column {self.column!r}: {self.check} failed for "
                f"{self.failure_count} row(s); first: {rows}")


class ValidationError(Exception):
    """Raised when a release would publish invalid tables."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("validation failed:\n" + "\n".join(p.describe() for p in problems))


def _short(row: dict) -> str:
    parts = []
    for key, value in row.items():
        text = repr(value)
        parts.append(f"{key}={text[:80] + '…' if len(text) > 80 else text}")
    return "{" + ", ".join(parts) + "}"


def validate_table(name: str, frame: pl.DataFrame) -> list[Problem]:
    """Check one table against its pandera model (types, nullability, uniqueness, ranges)."""
    model = TABLES[name]
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        return _problems_from_pandera(name, frame, errors.failure_cases)
    except pandera.errors.SchemaError as error:
        return [Problem(name, str(getattr(error, "column_name", "") or "*"), str(error), (), 1)]
    return []


def _problems_from_pandera(name: str, frame: pl.DataFrame, cases: pl.DataFrame) -> list[Problem]:
    problems = []
    key = PRIMARY_KEYS[name]
    for (column, check), group in cases.group_by(["column", "check"], maintain_order=True):
        indices = [i for i in group["index"].to_list() if i is not None][:MAX_ROWS_SHOWN]
        if indices:
            shown_columns = [c for c in (*key, column) if c in frame.columns]
            rows = tuple(frame[indices].select(list(dict.fromkeys(shown_columns))).to_dicts())
        else:
            rows = tuple({"failure_case": v} for v in group["failure_case"].head(MAX_ROWS_SHOWN))
        problems.append(Problem(name, str(column), str(check), rows, group.height))
    return problems


#: (table, column, target table, target column) of every foreign key the models declare.
FOREIGN_KEYS = tuple((name, key.column, key.table, key.target)
                     for name, model in TABLES.items() for key in foreign_keys(model))
#: Table -> where its offsets point, for every table whose model declares a span.
SPANS: dict[str, Span] = {name: found for name, model in TABLES.items()
                          if (found := span(model)) is not None}


def related_tables(table: str) -> set[str]:
    """The other tables needed to check ``table``'s offsets and foreign keys."""
    needed = {target for source, _, target, _ in FOREIGN_KEYS if source == table}
    if table in SPANS:
        needed.add(SPANS[table].table)
    return needed - {table}


def validate_relations(tables: Mapping[str, pl.DataFrame],
                       only: str | None = None) -> list[Problem]:
    """Offsets must cut each mention's and quote's text out of its article; keys must resolve.

    With ``only``, check just that table's relations (the others must be in ``tables``).
    """
    problems: list[Problem] = []
    wanted = (lambda name: name == only) if only else (lambda name: True)
    for name, where in SPANS.items():
        if not wanted(name) or where.table not in tables:
            continue
        target = tables[where.table]
        texts = dict(zip(target[PRIMARY_KEYS[where.table][0]], target[where.column],
                         strict=True))
        if where.text is not None:
            problems += _offset_problems(name, tables[name], texts, where)
        else:
            problems += _span_problems(name, tables[name], texts, where)
    for table, column, target, target_column in FOREIGN_KEYS:
        if wanted(table):
            problems += _foreign_key_problems(tables, table, column, target, target_column)
    return problems


def _offset_problems(name: str, frame: pl.DataFrame, texts: Mapping[str, str],
                     where: Span) -> list[Problem]:
    bad = []
    for row in frame.select(where.key, "start", "end", where.text).iter_rows(named=True):
        body = texts.get(row[where.key])
        if body is not None and body[row["start"] : row["end"]] != row[where.text]:
            bad.append({**row, "found": body[row["start"]:row["end"]]})
    if not bad:
        return []
    return [Problem(name, "start/end",
                    f"{where.table}.{where.column}[start:end] == {where.text}",
                    tuple(bad[:MAX_ROWS_SHOWN]), len(bad))]


def _span_problems(name: str, frame: pl.DataFrame, texts: Mapping[str, str],
                   where: Span) -> list[Problem]:
    bad = [row for row in frame.select(where.key, "start", "end").iter_rows(named=True)
           if row[where.key] in texts
           and not 0 <= row["start"] < row["end"] <= len(texts[row[where.key]])]
    if not bad:
        return []
    return [Problem(name, "start/end", f"0 <= start < end <= len({where.table}.{where.column})",
                    tuple(bad[:MAX_ROWS_SHOWN]), len(bad))]


def _foreign_key_problems(tables: Mapping[str, pl.DataFrame], table: str, column: str,
                          target: str, target_column: str) -> list[Problem]:
    frame = tables[table]
    values = frame[column]
    if isinstance(values.dtype, pl.List):
        frame = frame.explode(column)
    known = set(tables[target][target_column].to_list())
    missing = frame.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(list(known)))
    if missing.is_empty():
        return []
    shown = [c for c in (*PRIMARY_KEYS[table], column) if c in missing.columns]
    return [Problem(table, column, f"foreign key to {target}.{target_column}",
                    tuple(missing.select(list(dict.fromkeys(shown)))
                          .head(MAX_ROWS_SHOWN).to_dicts()),
                    missing.height)]


def validate_all(tables: Mapping[str, pl.DataFrame]) -> list[Problem]:
    """Every table against its model, then (if those hold) the relations between them."""
    problems = [p for name, frame in tables.items() for p in validate_table(name, frame)]
    if problems:
        return problems
    return validate_relations(tables)
