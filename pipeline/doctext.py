"""The text of a parsed document, built once per document.

spaCy's ``Doc.text`` joins every token anew on each access (about 2 ms for a news article), and
the extraction stages read it about eight times a document: on the BBC corpus that was a third
of all extraction time. The first reader stores it in ``doc.user_data``; the others reuse it.
Where the caller still holds the text it parsed, :func:`remember_text` stores that instead, so
the join is not done even once (it was a seventh of what remained).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

_KEY = "news_events_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this document only."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Store ``text``, the string ``doc`` was parsed from, as its text.

    spaCy's tokenizer keeps every character, so the two are equal; a doc whose last token does
    not end where ``text`` does was not parsed from it and keeps computing its own.
    """
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data[_KEY] = text


def indexes_where(doc: Doc, attr: int, keep: Callable[[str], bool]) -> list[int]:
    """Indexes of the tokens whose string attribute ``attr`` (``spacy.attrs.ORTH``, ``LOWER``,
    ``LEMMA``) passes ``keep``, in order.

    Iterating a doc builds a Python object per token, which was most of what scans for rare
    words (titles, honorifics, trigger words) cost; this reads the doc's column of string ids
    and tests each distinct string once.
    """
    if not len(doc):
        return []
    column = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    kept = {key for key in set(column) if keep(strings[key])}
    return [i for i, key in enumerate(column) if key in kept]
