"""Typed records passed between stages: ingest -> retrieval -> assistant -> api/ui/eval.

LangChain types (Document, Embeddings, BaseRetriever, runnables) stay at the seams; everything
inside the project passes these dataclasses. Offsets (``start``/``end``) always index the
*cleaned* text of the document (``Document.text``), so a citation can be highlighted there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "AnswerType",
    "DocStatus",
    "UnitKind",
    "Document",
    "FootnoteRef",
    "Unit",
    "Passage",
    "Hit",
    "Citation",
    "Turn",
    "Answer",
]


class DocStatus(str, Enum):
    CURRENT = "current"
    WITHDRAWN = "withdrawn"


class UnitKind(str, Enum):
    """The smallest citable pieces a passage is made of; chunking never cuts one."""

    SENTENCE = "sentence"
    BULLET = "bullet"
    TABLE_ROW = "table_row"
    HEADING = "heading"


class AnswerType(str, Enum):
    AMOUNT = "amount"  # how much / how many / what figure
    DATE = "date"  # when / by when / what year
    ENTITY = "entity"  # who / which companies / which organisation
    PLACE = "place"  # where
    LIST = "list"  # what are / list / which measures
    DESCRIPTION = "description"  # what / how / why (anything else)


@dataclass(frozen=True)
class Document:
    doc_id: str  # stable slug of the file name
    title: str
    source: str  # path as given to ingest (relative where possible)
    sha256: str  # of the raw file bytes
    status: DocStatus
    status_note: str | None  # e.g. "Withdrawn 23 June 2025"
    text: str  # cleaned text; all offsets point into this

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        return cls(**{**d, "status": DocStatus(d["status"])})


@dataclass(frozen=True)
class FootnoteRef:
    """A superscript marker (``£210m²``) linked to its entry in the References list."""

    marker: int
    text: str  # the reference entry, e.g. "Subject to business case approval by HM Treasury"
    anchor: str  # the token the marker was glued to, e.g. "£210m"
    start: int  # offsets of ``anchor`` in Document.text
    end: int


@dataclass(frozen=True)
class Unit:
    """A sentence, bullet or table row inside a passage (offsets into Document.text)."""

    kind: UnitKind
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    passage_id: str  # stable: "doc_id#section/slugs/NNN", see ingest.chunker.passage_id
    doc_id: str
    text: str  # == Document.text[start:end]
    section: tuple[str, ...]  # section path, outermost first
    start: int
    end: int
    units: tuple[Unit, ...] = ()
    footnotes: tuple[FootnoteRef, ...] = ()
    n_tokens: int = 0  # word pieces as counted by the embedding model's tokenizer

    @property
    def section_label(self) -> str:
        return " › ".join(self.section)

    def unit_text(self, unit: Unit) -> str:
        return self.text[unit.start - self.start : unit.end - self.start]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["section"] = list(self.section)
        d["units"] = [[u.kind.value, u.start, u.end] for u in self.units]
        d["footnotes"] = [asdict(f) for f in self.footnotes]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Passage":
        return cls(
            passage_id=d["passage_id"],
            doc_id=d["doc_id"],
            text=d["text"],
            section=tuple(d["section"]),
            start=d["start"],
            end=d["end"],
            units=tuple(Unit(UnitKind(k), s, e) for k, s, e in d.get("units", [])),
            footnotes=tuple(FootnoteRef(**f) for f in d.get("footnotes", [])),
            n_tokens=d.get("n_tokens", 0),
        )


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused score, higher is better
    rank: int  # 1-based
    scores: dict[str, float] = field(default_factory=dict)  # per retriever, e.g. {"bm25":..,"dense":..}


@dataclass(frozen=True)
class Citation:
    n: int  # the [n] marker in Answer.text
    passage_id: str
    document: str  # document title
    section: str  # section label
    quote: str  # verbatim: == Document.text[start:end]
    start: int
    end: int
    doc_id: str = ""
    passage_text: str = ""  # the whole cited passage (run files and the source viewer need it)


@dataclass(frozen=True)
class Turn:
    q: str
    a: str


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    caveats: list[str]
    retrieved: list[Hit]
    standalone_question: str = ""  # the question after follow-up resolution
    answer_type: AnswerType = AnswerType.DESCRIPTION

    def to_dict(self, with_retrieved: bool = True) -> dict[str, Any]:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer_type": self.answer_type.value,
            "text": self.text,
            "abstained": self.abstained,
            "caveats": list(self.caveats),
            "citations": [asdict(c) for c in self.citations],
            "retrieved": [
                {
                    "passage_id": h.passage.passage_id,
                    "section": h.passage.section_label,
                    "text": h.passage.text,
                    "score": h.score,
                    "rank": h.rank,
                }
                for h in self.retrieved
            ]
            if with_retrieved
            else [],
        }
