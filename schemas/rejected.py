"""rejected: sources that could not be published, with the reason."""


import pandera.polars as pa


class Rejected(pa.DataFrameModel):
    """One row per source left out of the release."""

    source: str = pa.Field(unique=True, description="Path of the source, relative to the sources directory.")
    source_sha256: str | None = pa.Field(nullable=True, description="sha256 of its bytes, when readable.")
    reason: str = pa.Field(str_length={"min_value": 1}, description="Why it was rejected.")

    class Config:
        strict = True
