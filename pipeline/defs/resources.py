"""Resources: where sources and releases live, the spaCy model, and the per-article store."""


import pickle
import urllib.parse
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
                           description="Processes for nlp.pipe; env NEWS_N_PROCESS.")
    batch_size: int = Field(default=64, description="Documents per nlp.pipe batch.")


class WorkStore(dg.ConfigurableResource):
    """Keeps asset values between runs under ``base_dir`` (a path or fsspec URL).

    Per-article values are stored one file per partition; tables as Parquet.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR.")

    def _fs(self) -> tuple[fsspec.AbstractFileSystem, str]:
        fs, path = fsspec.core.url_to_fs(self.base_dir)
        return fs, path.rstrip("/")

    def partition_path(self, asset: str, key: str) -> str:
        return f"{self._fs()[1]}/{asset}/{urllib.parse.quote(key, safe='')}.pkl"

    def load_partition(self, asset: str, key: str) -> Any | None:
        """One stored partition value, or None when it was never built."""
        fs, _ = self._fs()
        path = self.partition_path(asset, key)
        if not fs.exists(path):
            return None
        with fs.open(path, "rb") as handle:
            return pickle.load(handle)

    def save_partitions(self, asset: str, values: dict[str, Any]) -> None:
        fs, base = self._fs()
        fs.makedirs(f"{base}/{asset}", exist_ok=True)
        for key, value in values.items():
            with fs.open(self.partition_path(asset, key), "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def load_table(self, asset: str) -> pa.Table:
        """A stored (unpartitioned) table asset."""
        fs, base = self._fs()
        with fs.open(f"{base}/{asset}.parquet", "rb") as handle:
            return pq.read_table(handle)

    def save(self, asset: str, value: Any) -> None:
        """Store an unpartitioned value: a table as Parquet, anything else pickled."""
        fs, base = self._fs()
        fs.makedirs(base, exist_ok=True)
        if isinstance(value, pa.Table):
            with fs.open(f"{base}/{asset}.parquet", "wb") as handle:
                pq.write_table(value, handle)
        else:
            with fs.open(f"{base}/{asset}.pkl", "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, asset: str) -> Any:
        fs, base = self._fs()
        if fs.exists(f"{base}/{asset}.parquet"):
            return self.load_table(asset)
        with fs.open(f"{base}/{asset}.pkl", "rb") as handle:
            return pickle.load(handle)


class WorkStoreIOManager(dg.ConfigurableIOManager):
    """Hands asset values to and from the WorkStore.

    Partitioned assets hand over ``{partition_key: value}`` for all partitions of a run (one
    step handles many sources). Loading a partitioned asset into an unpartitioned one skips
    partitions not built yet (their run is queued or failed), with a warning.
    """

    base_dir: str = Field(default_factory=config.work_dir,
                          description="Intermediate results; env NEWS_WORK_DIR (as work_store).")

    @property
    def store(self) -> WorkStore:
        return WorkStore(base_dir=self.base_dir)

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        asset = context.asset_key.to_python_identifier()
        if context.has_asset_partitions:
            self.store.save_partitions(asset, obj)
        else:
            self.store.save(asset, obj)

    def load_input(self, context: dg.InputContext) -> Any:
        asset = context.asset_key.to_python_identifier()
        if not context.has_asset_partitions:
            return self.store.load(asset)
        values, missing = {}, []
        for key in context.asset_partition_keys:
            value = self.store.load_partition(asset, key)
            if value is None:
                missing.append(key)
            else:
                values[key] = value
        if missing:
            context.log.warning(f"{asset}: {len(missing)} source(s) not built yet, left out "
                                f"of this build: {missing[:5]}")
        return values
