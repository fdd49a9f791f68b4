"""The retrieval chain, built from langchain_core runnables (built per Assistant, never at import).

    {"question", "history"}
      -> understand: standalone question (follow-up resolution), question analysis (answer
         type, count noun, names), query vector (cached)
      -> retrieve: hybrid retrieval -> hits
      -> answer: answerer -> AnswerDraft

Each step is a plain function wrapped in a RunnableLambda, so the chain can be traced, batched or
extended with LangChain tooling while the steps stay typed and testable on their own.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.request import AnswerDraft, AnswerRequest
from assistant.followup import resolve_followup
from assistant.plain_words import PlainWords, load_plain_words
from assistant.question import analyse_question
from dealqa.types import Hit

__all__ = ["build_chain", "Answerer", "HitRetriever"]

_FRAMING_RE = re.compile(
    r"\b(?:does|do|did|will) the (?:sector )?deal (?:say|says|state|mention|tell us|describe)"
    r"(?: about)?\b|,?\s*\b(?:according to|going by|in the view of) the (?:sector )?deal\b",
    re.IGNORECASE)


class HitRetriever(Protocol):
    def run(self, query: str, k: int | None = None) -> list[Hit]: ...


class Answerer(Protocol):
    def run(self, request: AnswerRequest) -> AnswerDraft: ...


def build_chain(retriever: HitRetriever, answerer: Answerer, embed_query, k: int,
                plain_words: PlainWords | None = None, lead=None) -> Runnable:
    """``embed_query(text) -> np.ndarray`` must be cached: the retriever embeds the same text.
    ``lead(question, hits) -> hits``, if given, reorders what was retrieved (the part of the
    document a question names first)."""
    plain_words = load_plain_words() if plain_words is None else plain_words

    def standalone(x: dict[str, Any]) -> str:
        return resolve_followup(x["question"], x.get("history") or ())

    def retrieve(x: dict[str, Any]) -> list[Hit]:
        hits = retriever.run(x["search"], k)
        return lead(x["question"], hits) if lead is not None else hits

    def answer(x: dict[str, Any]) -> dict[str, Any]:
        req = AnswerRequest(
            question=x["question"],
            standalone=x["standalone"],
            analysis=x["analysis"],
            plain_words=x["plain_words"],
            restated=x["restated"],
            hits=x["hits"],
            query_vec=np.asarray(x["query_vec"], dtype=np.float32),
            previous_answer=history[-1].a if (history := x.get("history")) else "",
            previous_question=history[-1].q if history else "",
        )
        return {**x, "draft": answerer.run(req)}

    def understand(x: dict[str, Any]) -> dict[str, Any]:
        # One step for the cheap question work: each runnable step costs LangChain bookkeeping
        # (config, callbacks, signature inspection) comparable to the work itself.
        s = standalone(x)
        # Everyday words widen the search ("flu jab" -> influenza vaccine), not the question.
        extra = plain_words.expand(s)
        # The asker's framing ("What does the deal say ...", "according to the deal") is not
        # what to search for: every passage is the deal's, and "Sector Deal" passages match it.
        bare = re.sub(r"\s+([?.,;])", r"\1", _FRAMING_RE.sub(" ", s)).strip() or s
        search = f"{bare} ({extra})" if extra else bare
        return {**x, "standalone": s, "analysis": analyse_question(x["question"]),
                "plain_words": extra, "restated": plain_words.restate(s) if extra else "",
                "search": search, "query_vec": embed_query(search)}

    return (
        RunnableLambda(understand, name="understand")
        | RunnableLambda(lambda x: {**x, "hits": retrieve(x)}, name="retrieve")
        | RunnableLambda(answer, name="answer")
    ).with_config(run_name="dealqa")
