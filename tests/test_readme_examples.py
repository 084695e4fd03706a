"""The README's "Reading a release" code runs as written against a real release.

Readers copy this code first; a rename in the tables or a reader library's API change must
break a test, not the reader's first session. The blocks are executed with the working
directory set to a folder holding ``output/news-events/...``, so the README's relative paths
work exactly as they do in the project root after ``make run``.
"""

from __future__ import annotations

import ast
import os
import re
import shutil

import dagster as dg
import pytest

from pipeline import config
from pipeline.defs.build import build

pytestmark = pytest.mark.integration

SECTION = "## Reading a release"


def readme_blocks(text: str, section: str = SECTION) -> list[str]:
    """The fenced ``python`` blocks between ``section`` and the next ``## `` heading."""
    start = text.index(section) + len(section)
    end = text.find("\n## ", start)
    body = text[start:] if end == -1 else text[start:end]
    return re.findall(r"^```python\n(.*?)^```", body, re.DOTALL | re.MULTILINE)


def run_block(code: str, namespace: dict) -> object:
    """Execute ``code`` in ``namespace``; return the value of a final bare expression (as a
    notebook would show it), else None."""
    tree = ast.parse(code)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, "README.md", "exec"), namespace)
    return eval(compile(last, "README.md", "eval"), namespace) if last else None


@pytest.fixture(scope="module", params=["files", "part folders"])
def project_like_folder(request, tmp_path_factory):
    """A folder with ``output/news-events/<version>`` built from a copy of the seeds: with
    each table one file (a small corpus), and with each stored as a folder of part files, as
    a large corpus's are (a part size below the seeds' tables)."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(config.PROJECT_ROOT / "seeds", root / "seeds")
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWS_SOURCES_DIR", str(root / "seeds"))
    patch.setenv("NEWS_OUTPUT_DIR", str(root / "output"))
    patch.delenv("NEWS_WORK_DIR", raising=False)
    patch.setenv("NEWS_N_PROCESS", "1")
    if request.param == "part folders":
        patch.setenv("NEWS_PART_BYTES", "2048")
    (root / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(root / "dagster_home")) as instance:
        outcome = build(instance)
    patch.undo()
    assert outcome.success, outcome.errors()
    (release,) = (root / "output" / "news-events").glob("[0-9]*")
    assert (release / "quotes.parquet").is_dir() == (request.param == "part folders")
    return root


def test_readme_has_a_reading_section_with_python():
    blocks = readme_blocks((config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, f"no ```python block under {SECTION!r} in README.md"


def test_readme_reading_examples_run_and_return_data(project_like_folder):
    blocks = readme_blocks((config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8"))
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(project_like_folder)
    try:
        results = [run_block(block, namespace) for block in blocks]
        duckdb_rows = results[-1].fetchall() if hasattr(results[-1], "fetchall") else None
    finally:
        os.chdir(cwd)

    quotes = namespace["quotes"]  # pandas, Arrow-backed
    assert len(quotes) > 0
    assert str(quotes["speaker"].dtype).endswith("[pyarrow]")
    top = namespace["top"]  # polars: quotes joined to their speakers' entities
    assert top.height > 0
    assert top.columns == ["name", "len"]
    assert top["len"].to_list() == sorted(top["len"].to_list(), reverse=True)
    # DuckDB: the block's last expression, a relation of (speaker, count) rows
    assert duckdb_rows, "the DuckDB query returned no rows"
    assert sum(count for _, count in duckdb_rows) == len(quotes)
