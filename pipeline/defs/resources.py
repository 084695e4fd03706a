"""Resources: where sources and releases live, the spaCy model, and the per-article store."""


import functools
import gc
import json
import pickle
import urllib.parse
from collections import OrderedDict
from typing import Any

import dagster as dg
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import Field

from pipeline import config


class NewsConfig(dg.ConfigurableResource):
    """Where the pipeline reads sources and publishes releases (paths or fsspec URLs)."""

    sources_dir: str = Field(default_factory=config.sources_dir,
                             description="Source articles (.txt, .html); env NEWS_SOURCES_DIR.")
    output_dir: str = Field(default_factory=config.output_dir,
                            description="Releases go to <output_dir>/news-events; "
                                        "env NEWS_OUTPUT_DIR.")


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

Version = tuple[str, str]  # (source path relative to the sources dir, sha256 of its bytes)


@functools.lru_cache(maxsize=16)
def _filesystem(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The filesystem and root path of a work-store URL; parsed once, since a corpus step
    reads thousands of per-article files and parsing the URL each time cost a fifth of it."""
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path.rstrip("/")


class WorkStore(dg.ConfigurableResource):
    """Keeps the pipeline's intermediate state under ``base_dir`` (a path or fsspec URL).

    - ``batches/<batch>.json``: the manifest of each batch partition: the sources (path ->
      sha256) it builds and the sources it deletes. Folding the manifests in order gives the
      current corpus.
    - ``<asset>/<source>/<sha>.pkl``: a per-article result for one version of one source, so a
      corpus-level step loads exactly the current version of every source.
    - ``<asset>/_batches/<batch>.json``: which versions a batch produced for an asset.
    - ``<asset>.parquet``: a corpus-level table.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR.")

    def _fs(self) -> tuple[fsspec.AbstractFileSystem, str]:
        return _filesystem(self.base_dir)

    def _write(self, path: str, data: bytes) -> None:
        fs, _ = self._fs()
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        with fs.open(path, "wb") as handle:
            handle.write(data)

    # -- batches -------------------------------------------------------------------------
    def save_manifest(self, batch: str, manifest: dict) -> None:
        self._write(f"{self._fs()[1]}/batches/{batch}.json", json.dumps(manifest).encode())

    def load_manifest(self, batch: str) -> dict:
        fs, base = self._fs()
        with fs.open(f"{base}/batches/{batch}.json", "rb") as handle:
            return json.loads(handle.read())

    def manifests(self) -> list[dict]:
        """Every batch manifest, oldest first (batch keys sort by creation time)."""
        fs, base = self._fs()
        if not fs.exists(f"{base}/batches"):
            return []
        paths = sorted(p for p in fs.ls(f"{base}/batches", detail=False) if p.endswith(".json"))
        result = []
        for path in paths:
            with fs.open(path, "rb") as handle:
                result.append(json.loads(handle.read()))
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
        """The current sources whose per-article NLP result exists (their batch ran)."""
        return {source: sha for source, sha in self.current_sources().items()
                if self.has_version("article_nlp", source, sha)}

    # -- per-source versions ---------------------------------------------------------------
    def version_path(self, asset: str, source: str, sha: str) -> str:
        return f"{self._fs()[1]}/{asset}/{urllib.parse.quote(source, safe='')}/{sha[:16]}.pkl"

    def has_version(self, asset: str, source: str, sha: str) -> bool:
        fs, _ = self._fs()
        return fs.exists(self.version_path(asset, source, sha))

    def load_version(self, asset: str, source: str, sha: str) -> Any | None:
        """One stored per-article result, or None when that version was never built.

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
        with fs.open(path, "rb") as handle:
            value = pickle.load(handle)
        if info.get("mtime") is not None:
            _LOADED[key] = value
            if len(_LOADED) > _LOADED_MAX:
                _LOADED.popitem(last=False)
        return value

    def load_current(self, asset: str, sources: dict[str, str]) -> tuple[dict[str, Any], list]:
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

    def save_batch(self, asset: str, batch: str, values: dict[Version, Any]) -> None:
        for (source, sha), value in values.items():
            self._write(self.version_path(asset, source, sha),
                        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        index = [[source, sha] for source, sha in values]
        self._write(f"{self._fs()[1]}/{asset}/_batches/{batch}.json", json.dumps(index).encode())

    def load_batch(self, asset: str, batch: str) -> dict[Version, Any]:
        fs, base = self._fs()
        with fs.open(f"{base}/{asset}/_batches/{batch}.json", "rb") as handle:
            index = json.loads(handle.read())
        return {(source, sha): self.load_version(asset, source, sha) for source, sha in index}

    # -- corpus tables -----------------------------------------------------------------------
    def load_table(self, asset: str) -> pa.Table:
        """A stored corpus-level table."""
        fs, base = self._fs()
        with fs.open(f"{base}/{asset}.parquet", "rb") as handle:
            return pq.read_table(handle)

    def save_table(self, asset: str, table: pa.Table) -> None:
        fs, base = self._fs()
        fs.makedirs(base, exist_ok=True)
        with fs.open(f"{base}/{asset}.parquet", "wb") as handle:
            pq.write_table(table, handle)


class WorkStoreIOManager(dg.ConfigurableIOManager):
    """Hands asset values to and from the WorkStore.

    Batch-partitioned assets hand over ``{(source, sha256): value}`` for every source of the
    run's batches (one step handles many sources); corpus tables are Arrow tables.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR (as work_store).")

    @property
    def store(self) -> WorkStore:
        return WorkStore(base_dir=self.base_dir)

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        asset = context.asset_key.to_python_identifier()
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
        asset = context.asset_key.to_python_identifier()
        if not context.has_asset_partitions:
            return self.store.load_table(asset)
        values: dict[Version, Any] = {}
        for batch in context.asset_partition_keys:
            values.update(self.store.load_batch(asset, batch))
        return values
