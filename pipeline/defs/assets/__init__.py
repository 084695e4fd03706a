"""The asset graph: ingest -> nlp -> corpus -> release."""
