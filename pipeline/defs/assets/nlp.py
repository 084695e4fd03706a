"""NLP: one spaCy pass over every article of the run, entities, quotes and events extracted."""


import time

import dagster as dg

from pipeline.analysis import ArticleInput, analyse, empty_analysis
from pipeline.defs.assets.ingest import PARTITIONED
from pipeline.defs.constants import GROUP_NLP
from pipeline.defs.resources import SpacyResource


@dg.asset(group_name=GROUP_NLP, kinds={"spacy"}, **PARTITIONED)
def article_nlp(context: dg.AssetExecutionContext, spacy: SpacyResource,
                cleaned_articles: dict[str, dict]) -> dict[str, dict]:
    """Entity mentions, quotations with speakers and event mentions of each article."""
    inputs = [
        ArticleInput(key=key, text=row["text"], published=row.get("published"),
                     credit_names=tuple(row.get("credit_names") or ()),
                     language=row.get("language"))
        for key, row in cleaned_articles.items()
        if not row.get("reason")
    ]
    started = time.perf_counter()
    results = {key: empty_analysis("rejected source") for key in context.partition_keys}
    total = len(inputs)
    for done, (key, analysis) in enumerate(
        analyse(inputs, spacy.model, spacy.n_process, spacy.batch_size), start=1
    ):
        results[key] = analysis
        if done % 250 == 0 or done == total:
            context.log.info(f"NLP: {done}/{total} articles")
    elapsed = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in inputs)
    context.add_output_metadata({
        "articles": total,
        "words": words,
        "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed, 1) if elapsed else 0.0,
        "model": spacy.model,
    })
    return results
