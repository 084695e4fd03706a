"""NLP: one spaCy pass over every article of the run, entities, quotes and events extracted."""

import time

import dagster as dg

from pipeline.analysis import ArticleAnalysis, ArticleInput, analyse, empty_analysis
from pipeline.defs.assets.ingest import BATCHED, BatchedCleaned, batched_input
from pipeline.defs.constants import ARTICLE_NLP, CLEANED_ARTICLES, GROUP_NLP
from pipeline.defs.resources import SpacyResource, Version


class BatchedAnalysis(ArticleAnalysis):
    """An article's analysis as stored, with its batch partition."""

    batch: str


@dg.asset(key=ARTICLE_NLP, ins={"cleaned_articles": batched_input(CLEANED_ARTICLES)},
          group_name=GROUP_NLP, kinds={"spacy"}, **BATCHED)
def article_nlp(context: dg.AssetExecutionContext, spacy: SpacyResource,
                cleaned_articles: dict[Version, BatchedCleaned]
                ) -> dict[Version, BatchedAnalysis]:
    """Entity mentions, quotations with speakers and event mentions of each article."""
    inputs = [ArticleInput.of(version, row) for version, row in cleaned_articles.items()
              if not row.get("reason")]
    started = time.perf_counter()
    results: dict[Version, BatchedAnalysis] = {
        version: {**empty_analysis("rejected source"), "batch": row["batch"]}
        for version, row in cleaned_articles.items()}
    total = len(inputs)
    failed = 0
    for done, (version, analysis) in enumerate(
        analyse(inputs, spacy.model, spacy.n_process, spacy.batch_size), start=1
    ):
        results[version] = {**analysis, "batch": cleaned_articles[version]["batch"]}
        if analysis.get("failed"):
            # Published without the NLP layer, the reason in its ``nlp_skipped`` column.
            failed += 1
            context.log.warning(f"{version[0]} ({version[1][:12]}) published without NLP: "
                                f"{analysis['skipped']}")
        if done % 250 == 0 or done == total:
            context.log.info(f"NLP: {done}/{total} articles")
    elapsed = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in inputs)
    context.add_output_metadata({
        "articles": total,
        "failed_articles": failed,
        "words": words,
        "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed, 1) if elapsed else 0.0,
        "model": spacy.model,
    })
    return results
