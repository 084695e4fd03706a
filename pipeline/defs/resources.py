"""Resources: where sources and releases live, the spaCy model, and the per-article store."""


import contextlib
import gc
import json
import logging
import os
import pickle
import urllib.parse
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import dagster as dg
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem
from pydantic import Field

from pipeline import config
from pipeline.defs.constants import ARTICLE_NLP, CLEANED_ARTICLES
from pipeline.locks import exclusive
from pipeline.provenance import asset_version
from pipeline.storage import cached_filesystem, naming


class NewsConfig(dg.ConfigurableResource):
    """Where the pipeline reads sources and publishes releases (paths or fsspec URLs)."""

    sources_dir: str = Field(default_factory=config.sources_dir,
                             description="Source articles (.txt, .html); env NEWS_SOURCES_DIR.")
    output_dir: str = Field(default_factory=config.output_dir,
                            description="Releases go to <output_dir>/news-events; "
                                        "env NEWS_OUTPUT_DIR.")
    part_bytes: int = Field(default_factory=config.part_bytes,
                            description="A release table larger than this (Arrow bytes) is "
                                        "published as a folder of part files; env "
                                        "NEWS_PART_BYTES.")


class SpacyResource(dg.ConfigurableResource):
    """The spaCy pipeline and how it is run."""

    model: str = Field(default_factory=config.spacy_model,
                       description="Installed spaCy pipeline name; env NEWS_SPACY_MODEL.")
    n_process: int = Field(default_factory=config.n_process,
                           description="Worker processes for cleaning and NLP; env NEWS_N_PROCESS.")
    batch_size: int = Field(default=64, description="Documents per nlp.pipe batch.")


# Per-article results already unpickled in this process (see WorkStore.load_version).
_LOADED: OrderedDict[tuple, Any] = OrderedDict()
_LOADED_MAX = 30_000


def _remember(path: str, info: dict[str, Any], value: Any) -> None:
    """Memoise a stored result by its file's path, modification time and size (a file
    written again is read again); a store without modification times is not memoised."""
    if info.get("mtime") is None:
        return
    _LOADED[(path, info.get("mtime"), info.get("size"))] = value
    if len(_LOADED) > _LOADED_MAX:
        _LOADED.popitem(last=False)


Version = tuple[str, str]  # (source path relative to the sources dir, sha256 of its bytes)
log = logging.getLogger(__name__)
#: Stored files found damaged and set aside in this process, in order.
SET_ASIDE: list[str] = []


#: A stored asset: its key, or the folder it is stored in (``key.to_python_identifier()``).
StoredAsset = str | dg.AssetKey


def _folder(asset: StoredAsset) -> str:
    """The work-store folder of an asset: the IO manager stores each under its key's name."""
    return asset.to_python_identifier() if isinstance(asset, dg.AssetKey) else asset


class DamagedStoreFile(RuntimeError):
    """A stored intermediate that cannot be read: the message names the file."""


class WorkStore(dg.ConfigurableResource):
    """Keeps the pipeline's intermediate state under ``base_dir`` (a path or fsspec URL).

    - ``batches/<batch>.json``: the manifest of each batch partition: the sources (path ->
      sha256) it builds and the sources it deletes. Folding the manifests in order gives the
      current corpus.
    - ``<asset>/<source>/<sha>-<version>.pkl``: a per-article result for one version of one
      source, made by one version of the stage's code and model (``pipeline.provenance``), so
      a corpus-level step loads exactly the current version of every source, and a changed
      rule or model re-extracts what it touches instead of serving the old result.
    - ``<asset>/_batches/<batch>.json``: which source versions a batch produced for an asset.
    - ``<asset>.parquet``: a corpus-level table.

    Every file is written whole or not at all (a temporary file, then a rename), and a file
    that cannot be read is named, moved aside and counted as never built, so the next build
    rebuilds it instead of failing on it forever.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR.")
    spacy_model: str = Field(default_factory=config.spacy_model,
                             description="The spaCy pipeline whose results are kept (keys the "
                                         "stored NLP results); env NEWS_SPACY_MODEL.")

    def _fs(self) -> tuple[fsspec.AbstractFileSystem, str]:
        return cached_filesystem(self.base_dir)

    def _write(self, path: str, data: bytes) -> None:
        """Write a file atomically: readers and a crash see the old file or the new, never a
        part (a full disk used to leave 0-byte pickles that failed every later build)."""
        self._write_all([(path, data)])

    def _write_all(self, files: list[tuple[str, bytes]]) -> None:
        """Write files atomically, each as :meth:`_write` does, with one flush to disk for all.

        Every file goes to a temporary name first; once all are on disk (one file's ``fsync``,
        or for several one ``os.sync``: an ``fsync`` per file was 5 s of a 2,225-article
        build), each is renamed into place.
        """
        fs, _ = self._fs()
        if not isinstance(fs, LocalFileSystem):
            for path, data in files:
                with naming(fs, path, "writing"):  # its errors often name no key
                    fs.pipe_file(path, data)  # an object store's put is atomic; no folders
            return
        for folder in {path.rsplit("/", 1)[0] for path, _ in files}:
            fs.makedirs(folder, exist_ok=True)
        staged: list[tuple[str, str]] = []
        try:
            for path, data in files:
                tmp = f"{path}.{uuid.uuid4().hex}.tmp"
                staged.append((tmp, path))
                with open(tmp, "wb") as handle:
                    handle.write(data)
                    if len(files) == 1:
                        handle.flush()
                        os.fsync(handle.fileno())
            if len(files) > 1:
                os.sync()
            for tmp, path in staged:
                os.replace(tmp, path)
        finally:
            for tmp, _ in staged:
                if os.path.exists(tmp):
                    os.remove(tmp)

    def _read(self, path: str) -> bytes:
        fs, _ = self._fs()
        with naming(fs, path, "reading"), fs.open(path, "rb") as handle:
            return handle.read()

    def _set_aside(self, path: str, error: Exception) -> None:
        """Move a damaged file out of the way (kept for inspection) and say which it was."""
        fs, _ = self._fs()
        log.warning("damaged stored file %s (%s: %s): set aside as %s.damaged and rebuilt by "
                    "the next build", path, type(error).__name__, error, path)
        try:
            fs.mv(path, f"{path}.damaged")
        except OSError:
            fs.rm(path)
        SET_ASIDE.append(path)

    def set_aside_damaged(self) -> list[str]:
        """Load every current per-article result once, setting aside those that cannot be
        read, so that the scan after it sees them as unbuilt and this build rebuilds them.
        The results stay memoised for the corpus steps of an in-process run."""
        before = len(SET_ASIDE)
        current = self.current_sources()
        for asset in (CLEANED_ARTICLES, ARTICLE_NLP):
            self.load_current(asset, current)
        return SET_ASIDE[before:]

    # -- one build at a time, and what it last published ------------------------------------
    @contextlib.contextmanager
    def build_lock(self, timeout: float) -> Iterator[None]:
        """Held by a build from its scan to its publish, so two builds started together never
        mix their stored tables (local stores; see ``pipeline.locks``)."""
        fs, base = self._fs()
        if not isinstance(fs, LocalFileSystem):
            yield
            return
        with exclusive(f"{base}/.build.lock", "another build of this work store", timeout):
            yield

    def save_published(self, state: dict) -> None:
        """Record the state (corpus and code) that the last successful release step saw."""
        self._write(f"{self._fs()[1]}/published.json", json.dumps(state).encode())

    def load_published(self) -> dict | None:
        """The state the last successful release step saw, or None (never, or unreadable)."""
        try:
            return json.loads(self._read(f"{self._fs()[1]}/published.json"))
        except (FileNotFoundError, ValueError):
            return None

    # -- batches -------------------------------------------------------------------------
    def save_manifest(self, batch: str, manifest: dict) -> None:
        self._write(f"{self._fs()[1]}/batches/{batch}.json", json.dumps(manifest).encode())

    def load_manifest(self, batch: str) -> dict:
        path = f"{self._fs()[1]}/batches/{batch}.json"
        try:
            return json.loads(self._read(path))
        except (ValueError, OSError) as error:
            raise DamagedStoreFile(f"batch manifest {path} cannot be read: {error}") from error

    def manifests(self) -> list[dict]:
        """Every readable batch manifest, oldest first (batch keys sort by creation time).

        A damaged manifest is set aside: its sources then count as never built, so the next
        scan builds them again rather than every build failing on it.
        """
        fs, base = self._fs()
        if not fs.exists(f"{base}/batches"):
            return []
        paths = sorted(p for p in fs.ls(f"{base}/batches", detail=False) if p.endswith(".json"))
        result = []
        for path in paths:
            try:
                manifest = json.loads(self._read(path))
                if not (isinstance(manifest.get("sources"), dict)
                        and isinstance(manifest.get("deleted"), list)):
                    raise ValueError("not a batch manifest (no sources and deleted lists)")
            except (ValueError, OSError, AttributeError) as error:
                self._set_aside(path, error)
                continue
            result.append(manifest)
        return result

    def current_sources(self) -> dict[str, str]:
        """The corpus as the batches registered it: source -> sha256 of its latest version."""
        state: dict[str, str] = {}
        for manifest in self.manifests():
            state.update(manifest["sources"])
            for source in manifest["deleted"]:
                state.pop(source, None)
        return state

    def built_sources(self) -> dict[str, str]:
        """The current sources whose cleaned and NLP results exist for this code and model."""
        return {source: sha for source, sha in self.current_sources().items()
                if self.has_version(ARTICLE_NLP, source, sha)
                and self.has_version(CLEANED_ARTICLES, source, sha)}

    def outdated_sources(self, sources: dict[str, str]) -> list[str]:
        """Sources whose NLP result exists only from another version of the code or model:
        they are extracted again (the old result is never served)."""
        fs, _ = self._fs()
        outdated = []
        for source, sha in sources.items():
            folder, name = self.version_path(ARTICLE_NLP, source, sha).rsplit("/", 1)
            prefix = name.split("-", 1)[0]
            if fs.exists(folder) and any(
                p.rsplit("/", 1)[-1].startswith(prefix) and p.endswith(".pkl")
                for p in fs.ls(folder, detail=False)
            ):
                outdated.append(source)
        return outdated

    # -- per-source versions ---------------------------------------------------------------
    def version_path(self, asset: StoredAsset, source: str, sha: str) -> str:
        asset = _folder(asset)
        produced_by = asset_version(asset, self.spacy_model)
        return (f"{self._fs()[1]}/{asset}/{urllib.parse.quote(source, safe='')}/"
                f"{sha[:16]}-{produced_by}.pkl")

    def has_version(self, asset: StoredAsset, source: str, sha: str) -> bool:
        fs, _ = self._fs()
        return fs.exists(self.version_path(asset, source, sha))

    def load_version(self, asset: StoredAsset, source: str, sha: str) -> Any | None:
        """One stored per-article result, or None when that version was never built (or its
        file was damaged: then it is set aside, named in the log, and rebuilt next time).

        Results are memoised per file and modification time: the corpus steps of one run
        (entities, quotes, events) each read every article's NLP result, and unpickling them
        three times was a third of an incremental build.
        """
        fs, _ = self._fs()
        path = self.version_path(asset, source, sha)
        try:
            info = fs.info(path)
        except FileNotFoundError:
            return None
        key = (path, info.get("mtime"), info.get("size"))
        if key in _LOADED:
            _LOADED.move_to_end(key)
            return _LOADED[key]
        try:
            value = pickle.loads(self._read(path))
        except Exception as error:  # a truncated or foreign file: any unpickling error
            self._set_aside(path, error)
            return None
        _remember(path, info, value)
        return value

    def load_current(self, asset: StoredAsset,
                     sources: dict[str, str]) -> tuple[dict[str, Any], list]:
        """The stored results of the given source versions, and the sources not built yet."""
        values, missing = {}, []
        for source, sha in sources.items():
            value = self.load_version(asset, source, sha)
            if value is None:
                missing.append(source)
            else:
                values[source] = value
        # The results are long-lived plain data (no reference cycles): frozen, the cyclic
        # garbage collector stops rescanning millions of them, which took a tenth of the
        # corpus steps and a second at interpreter exit.
        gc.freeze()
        return values, missing

    def save_batch(self, asset: StoredAsset, batch: str, values: dict[Version, Any]) -> None:
        """Store a batch's per-article results, each in its file, remembered as written: the
        next step of the same run reads them without unpickling (reading the raw and cleaned
        results back cost a few seconds of a 2,225-article build)."""
        asset = _folder(asset)
        paths = {version: self.version_path(asset, *version) for version in values}
        self._write_all([(paths[version], pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                         for version, value in values.items()])
        fs, _ = self._fs()
        for version, value in values.items():
            _remember(paths[version], fs.info(paths[version]), value)
        index = [[source, sha] for source, sha in values]
        self._write(f"{self._fs()[1]}/{asset}/_batches/{batch}.json", json.dumps(index).encode())

    def load_batch(self, asset: StoredAsset, batch: str) -> dict[Version, Any]:
        """What a batch produced for ``asset``; a result that is missing or damaged is an
        error naming its file (the step that made it must run again)."""
        asset = _folder(asset)
        path = f"{self._fs()[1]}/{asset}/_batches/{batch}.json"
        try:
            index = json.loads(self._read(path))
        except (ValueError, OSError) as error:
            raise DamagedStoreFile(f"batch index {path} cannot be read: {error}") from error
        values = {}
        for source, sha in index:
            value = self.load_version(asset, source, sha)
            if value is None:
                raise DamagedStoreFile(
                    f"{self.version_path(asset, source, sha)} is missing or damaged; "
                    f"materialize {asset} for batch {batch} again")
            values[(source, sha)] = value
        return values

    # -- corpus tables -----------------------------------------------------------------------
    def load_table(self, asset: StoredAsset) -> pa.Table:
        """A stored corpus-level table; an unreadable one is an error naming its file."""
        path = f"{self._fs()[1]}/{_folder(asset)}.parquet"
        try:
            return pq.read_table(pa.BufferReader(self._read(path)))
        except (OSError, pa.ArrowInvalid) as error:
            raise DamagedStoreFile(f"stored table {path} cannot be read ({error}); the next "
                                   f"build writes it again") from error

    def save_table(self, asset: StoredAsset, table: pa.Table) -> None:
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        self._write(f"{self._fs()[1]}/{_folder(asset)}.parquet", sink.getvalue().to_pybytes())


class WorkStoreIOManager(dg.ConfigurableIOManager):
    """Hands asset values to and from the WorkStore.

    Batch-partitioned assets hand over ``{(source, sha256): value}`` for every source of the
    run's batches (one step handles many sources); corpus tables are Arrow tables.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR (as work_store).")
    spacy_model: str = Field(default_factory=config.spacy_model,
                             description="As work_store.spacy_model; env NEWS_SPACY_MODEL.")

    @property
    def store(self) -> WorkStore:
        return WorkStore(base_dir=self.base_dir, spacy_model=self.spacy_model)

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        asset = _folder(context.asset_key)
        if not context.has_asset_partitions:
            self.store.save_table(asset, obj)
            return
        batches = context.asset_partition_keys
        by_batch: dict[str, dict] = {batch: {} for batch in batches}
        for version, value in obj.items():
            batch = value.get("batch", batches[0]) if isinstance(value, dict) else batches[0]
            by_batch.setdefault(batch, {})[version] = value
        for batch, values in by_batch.items():
            self.store.save_batch(asset, batch, values)

    def load_input(self, context: dg.InputContext) -> Any:
        asset = _folder(context.asset_key)
        if not context.has_asset_partitions:
            return self.store.load_table(asset)
        values: dict[Version, Any] = {}
        for batch in context.asset_partition_keys:
            values.update(self.store.load_batch(asset, batch))
        return values
