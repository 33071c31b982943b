"""Rule-based, offline extraction of candidate facts from an article's text.

Pure: text in, :class:`Extraction` out; no I/O, no clock, no model downloads. The pipeline:

1. lines -> units (headings, bullets, paragraphs), with boilerplate dropped and lines that a
   copy-paste broke mid-sentence joined back;
2. units -> sentences, and key-value lines ("Capital – Rabat") -> sentences of their own;
3. sentences -> key spans (people with their titles, organisations, places, countries, dates,
   ordinals, numbers, money, events, named terms), typed with small built-in word lists;
4. sentences with enough spans -> facts with stable ids: ``<article slug>-<statement slug>``,
   where the article slug joins the title's words to a hash of the text, so two articles
   never collide and the same article always gives the same ids.
"""

from __future__ import annotations

from quizmaster.extract.candidates import article_slug, extract_facts
from quizmaster.extract.key_spans import classify, enumerations, find_spans
from quizmaster.extract.patterns import Extraction
from quizmaster.extract.segments import split_sentences, split_units

__all__ = [
    "Extraction",
    "article_slug",
    "classify",
    "enumerations",
    "extract_facts",
    "find_spans",
    "split_sentences",
    "split_units",
]
