"""What the chain hands an answerer, and what an answerer hands back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.question import QuestionAnalysis
from dealqa.types import Citation, Hit

__all__ = ["AnswerRequest", "AnswerDraft"]


@dataclass(frozen=True)
class AnswerRequest:
    question: str  # as asked
    standalone: str  # after follow-up resolution
    analysis: QuestionAnalysis
    hits: Sequence[Hit]
    query_vec: np.ndarray
    previous_answer: str = ""  # shown to the user last turn; not repeated as the answer
    previous_question: str = ""  # asked last turn: what a follow-up's "it" most likely is
    plain_words: str = ""  # the deal's words for the question's everyday ones (search only)
    restated: str = ""  # the question with its everyday phrases in the deal's words ("" if none)


@dataclass
class AnswerDraft:
    text: str
    citations: list[Citation]
    abstained: bool
    caveats: list[str] = field(default_factory=list)
