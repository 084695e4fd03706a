"""schemas/ is the single source: the allowed values, foreign keys and offsets the models declare
are what a release's datapackage.json publishes, what validation enforces and what the stages
use."""

from __future__ import annotations

import ast
import inspect
import json
import re

import pytest
from test_release import PROVENANCE, SOURCES, _rows, _tables

from pipeline import entities, events
from pipeline.defs.constants import TABLE_KEYS
from pipeline.events import modality
from pipeline.release import publish, read_latest
from pipeline.validation import FOREIGN_KEYS, SPANS, ValidationError
from schemas import PRIMARY_KEYS, TABLES, values
from schemas.derive import allowed_values

#: Every categorical column and the list of schemas.values it must allow, written out here so
#: that a list wired to the wrong column, or not wired at all, fails.
DECLARED = {
    ("entities", "label"): values.ENTITY_LABELS,
    ("entity_mentions", "label"): values.ENTITY_LABELS,
    ("quotes", "speaker_label"): values.ENTITY_LABELS,
    ("events", "event_type"): values.EVENT_TYPES,
    ("events", "modality"): values.MODALITIES,
    ("events", "date_precision"): values.DATE_PRECISIONS,
    ("articles", "text_case"): values.TEXT_CASES,
}


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> dict:
    """The datapackage.json of a real (small) release."""
    root = tmp_path_factory.mktemp("release")
    result = publish(_tables(_rows()), str(root), SOURCES, PROVENANCE)
    return json.loads((root / "news-events" / result.version / "datapackage.json").read_text())


def test_datapackage_enums_are_the_allowed_values_of_the_models(package):
    published = {
        (resource["name"], field["name"]): tuple(field["constraints"]["enum"])
        for resource in package["resources"] for field in resource["schema"]["fields"]
        if "enum" in field["constraints"]
    }
    derived = {(name, column): allowed
               for name, model in TABLES.items()
               for column, allowed in allowed_values(model).items()}
    assert published == derived == DECLARED


def test_datapackage_foreign_keys_are_the_ones_validation_checks(package):
    published = {
        (resource["name"], key["fields"], key["reference"]["resource"],
         key["reference"]["fields"])
        for resource in package["resources"]
        for key in resource["schema"].get("foreignKeys", [])
    }
    assert published == set(FOREIGN_KEYS)
    assert ("events", "actor_entity_ids", "entities", "entity_id") in published
    assert set(SPANS) == {"entity_mentions", "quotes", "event_mentions"}


@pytest.mark.parametrize(("table", "column", "value"), [
    ("entities", "label", "DATE"),
    ("entity_mentions", "label", "MONEY"),
    ("events", "event_type", "SAY"),
    ("events", "modality", "certain"),
    ("events", "date_precision", "hour"),
])
def test_a_disallowed_value_blocks_the_release_naming_table_column_and_row(
        tmp_path, table, column, value):
    rows = _rows()
    row = rows[table][-1]
    row[column] = value
    with pytest.raises(ValidationError) as error:
        publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE)
    problem = next(p for p in error.value.problems if (p.table, p.column) == (table, column))
    key = PRIMARY_KEYS[table][0]
    assert problem.failing_rows == ({key: row[key], column: value},)
    assert f"table {table!r}, column {column!r}" in str(error.value)
    assert f"{key}={row[key]!r}" in str(error.value)
    assert read_latest(str(tmp_path)) is None


@pytest.mark.parametrize(("table", "column", "target", "target_column"), FOREIGN_KEYS)
def test_every_declared_foreign_key_is_enforced(tmp_path, table, column, target, target_column):
    rows = _rows()
    row = rows[table][0]
    row[column] = ["missing"] if isinstance(row[column], list) else "missing"
    with pytest.raises(ValidationError) as error:
        publish(_tables(rows), str(tmp_path), SOURCES, PROVENANCE)
    problem = next(p for p in error.value.problems if (p.table, p.column) == (table, column))
    assert problem.check == f"foreign key to {target}.{target_column}"


def test_tables_and_asset_keys_come_from_schemas():
    assert list(TABLE_KEYS) == list(TABLES)


def test_the_entity_stage_keeps_exactly_the_labels_the_tables_allow():
    assert set(values.ENTITY_LABELS) == entities.KEPT_LABELS
    assert values.PLACE_LABELS.issubset(values.ENTITY_LABELS)
    assert events.PLACE_LABELS is values.PLACE_LABELS


def test_the_event_stage_uses_the_schema_taxonomy():
    documented = re.findall(r"^([A-Z]+) {2,}", events.__doc__, re.MULTILINE)
    assert tuple(documented) == values.EVENT_TYPES
    produced = set(events.VERB_TRIGGERS.values()) | set(events.NOUN_TRIGGERS.values())
    for node in ast.walk(ast.parse(inspect.getsource(events._trigger_type))):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) \
                and isinstance(node.value.elts[0], ast.Constant):
            produced.add(node.value.elts[0].value)
    assert produced <= set(values.EVENT_TYPES)
    assert list(events.PRECISION_RANK) == list(values.DATE_PRECISIONS)


def _verdicts(node: ast.AST) -> set:
    """The strings an expression evaluates to: a constant, either side of ``a if c else b``,
    the element of a generator ("hedged" for c in ...)."""
    if isinstance(node, ast.Constant):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _verdicts(node.body) | _verdicts(node.orelse)
    if isinstance(node, ast.GeneratorExp | ast.ListComp):
        return _verdicts(node.elt)
    return set()


def test_every_modality_the_event_stage_gives_is_allowed():
    """The modality module's verdicts (returned, or collected with append/extend and the
    strongest kept) are exactly the schema's values."""
    given = set()
    for node in ast.walk(ast.parse(inspect.getsource(modality))):
        if isinstance(node, ast.Return) and node.value is not None:
            given |= _verdicts(node.value)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"append",
                                                                              "extend"}:
            for arg in node.args:
                given |= _verdicts(arg)
    assert given - {None, True, False} == set(values.MODALITIES)
