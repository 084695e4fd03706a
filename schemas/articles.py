"""articles: one row per distinct source text, with its cleaned body and metadata."""


import pandera.polars as pa
import polars as pl

from schemas.values import TEXT_CASES


class Articles(pa.DataFrameModel):
    """One row per article: the cleaned body every offset in the dataset points into."""

    article_id: str = pa.Field(unique=True, description="Stable id: derived from the source text's sha256.")
    source: str = pa.Field(description="Path of the source file, relative to the sources directory.")
    sources: pl.List(pl.Utf8) = pa.Field(description="Every source file holding this exact text (duplicates).")
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the source file's bytes.")
    encoding: str = pa.Field(description="Character encoding the source was decoded with.")
    replaced_bytes: pl.Int64 = pa.Field(ge=0, description="Invalid bytes of the source decoded as U+FFFD (a UTF-8 file with a few bad bytes stays UTF-8).")
    removed_characters: pl.Int64 = pa.Field(ge=0, description="NUL, control and bidi-override characters removed from the decoded text.")
    language: str | None = pa.Field(nullable=True, description="ISO 639-1 code of the detected language.")
    title: str | None = pa.Field(nullable=True, description="Headline.")
    published: pl.Date | None = pa.Field(nullable=True, description="Date of first publication.")
    modified: pl.Date | None = pa.Field(nullable=True, description="Date of the last update, when stated.")
    authors: pl.List(pl.Utf8) = pa.Field(description="Bylined people (never agencies or job titles).")
    outlet: str | None = pa.Field(nullable=True, description="Publisher, when the text states it.")
    wire: str | None = pa.Field(nullable=True, description="Wire agency credited, e.g. Reuters.")
    dateline: str | None = pa.Field(nullable=True, description="Place line opening the story.")
    captions: pl.List(pl.Utf8) = pa.Field(description="Photo captions and credits, kept out of the body.")
    text: str = pa.Field(description="Cleaned body: paragraphs joined by blank lines; all offsets index it.")
    text_case: str = pa.Field(isin=list(TEXT_CASES), description="'mixed', or 'upper' / 'lower' for a text written all in capitals or all in lower case (archives, transcripts): such a text is parsed as a restored copy, its offsets and words unchanged.")
    near_duplicate_group: str | None = pa.Field(nullable=True, description="Shared by articles whose texts are near-identical (Jaccard >= 0.8 of word 5-shingles, e.g. wire copies with small edits): \"dup_\" + sha1 of the sorted article ids; null when the article has no near-duplicate.")
    nlp_skipped: str | None = pa.Field(nullable=True, description="Why this article has no entities, quotes or events: its language is not analysed, or NLP failed with this error (\"NLP failed: <error>\"); null when analysed.")

    class Config:
        strict = True
        coerce = False
