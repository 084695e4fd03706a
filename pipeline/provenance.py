"""What produced a stored result: a version for each stage, from its code, data and model.

A stage's version is a hash of the source of every ``pipeline`` module the stage imports
(followed through their imports), of the data files next to them (rules tables, trained
weights) and, for NLP, of the spaCy model's name and version. Stored per-article results are
keyed by it, so a changed rule re-extracts exactly the stages it touches, and a release records
which versions produced its tables.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
from functools import cache
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
DATA_SUFFIXES = (".json", ".yaml", ".yml", ".toml", ".csv", ".tsv")

#: Each stage, the stage whose output it reads, and the modules its code starts from.
STAGES: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "read": (None, ("pipeline.sources",)),
    "clean": ("read", ("pipeline.cleaning",)),
    "nlp": ("clean", ("pipeline.analysis",)),
    "corpus": ("nlp", ("pipeline.corpus", "pipeline.release", "schemas")),
}
#: The stage that produces each stored per-article asset.
ASSET_STAGES = {"raw_articles": "read", "cleaned_articles": "clean", "article_nlp": "nlp"}


def _module_file(name: str) -> Path | None:
    """The source file of a first-party module (``pipeline.x`` or ``schemas.x``), if any."""
    relative = Path(*name.split("."))
    for candidate in (PROJECT_ROOT / relative / "__init__.py",
                      PROJECT_ROOT / relative.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@cache
def _first_party_imports(path: Path, package: str) -> frozenset[str]:
    """Names of the first-party modules a source file imports (absolute and relative).
    Cached: the stages' closures share most of their files, each parsed once per process."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return frozenset(n for n in names
                     if n.split(".")[0] in {"pipeline", "schemas"} and _module_file(n))


def _closure(roots: tuple[str, ...]) -> list[Path]:
    """Every first-party file the roots import, directly or not, with the packages' data."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        todo.extend(_first_party_imports(path, package) - set(seen))
    files = set(seen.values())
    for path in list(files):
        if path.name == "__init__.py":
            files.update(p for p in path.parent.rglob("*") if p.suffix in DATA_SUFFIXES)
    files.update(p for p in (PACKAGE_ROOT / "data").glob("*") if p.suffix in DATA_SUFFIXES)
    return sorted(files)


@cache
def code_version(stage: str) -> str:
    """A short hash of the code and data of ``stage`` and of every stage before it."""
    before, roots = STAGES[stage]
    digest = hashlib.sha256(code_version(before).encode() if before else b"")
    for path in _closure(roots):
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def model_identity(model: str) -> str:
    """``name==version`` of an installed spaCy pipeline (a package or a folder)."""
    folder = Path(model)
    if (folder / "meta.json").is_file():
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('lang')}_{meta.get('name')}=={meta.get('version')}"
    try:
        return f"{model}=={importlib.metadata.version(model)}"
    except importlib.metadata.PackageNotFoundError:
        return model


def stage_versions(model: str) -> dict[str, str]:
    """The version of every stage for the given spaCy model: what a release records."""
    versions = {stage: code_version(stage) for stage in STAGES}
    model_hash = hashlib.sha256(model_identity(model).encode()).hexdigest()[:12]
    for stage in ("nlp", "corpus"):  # the model changes what NLP and everything after it make
        versions[stage] = hashlib.sha256(
            f"{versions[stage]}:{model_hash}".encode()).hexdigest()[:12]
    return versions


def asset_version(asset: str, model: str) -> str:
    """The version under which a stored per-article result of ``asset`` is kept."""
    return stage_versions(model)[ASSET_STAGES[asset]]


def sources_fingerprint(sources: dict[str, str]) -> str:
    """sha256 of a corpus (source -> sha256 of its bytes): what a release's fingerprint holds."""
    return hashlib.sha256(json.dumps(sorted(sources.items())).encode()).hexdigest()


def publish_state(sources: dict[str, str], model: str) -> dict[str, str]:
    """What a release is made of: the corpus and the version of the code that tabulates it.
    A build whose state differs from the last published one publishes, even with no source
    changed (a failed or killed release step, an upgrade of the corpus code)."""
    return {"sources": sources_fingerprint(sources), "corpus": stage_versions(model)["corpus"]}
