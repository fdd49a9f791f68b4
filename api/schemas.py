"""Request and response bodies of the HTTP API (they are also what /docs shows).

Requests forbid unknown fields, so a typo such as ``questoin`` is reported instead of being
silently ignored; the OpenAI-compatible request allows them because chat clients send many
tuning fields (temperature, top_p ...) this assistant has no use for.
"""

from __future__ import annotations

from dataclasses import asdict

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from dealqa.types import Answer, Citation, Document, DocStatus, Hit, Passage

__all__ = [
    "SESSION_ID_PATTERN",
    "TurnIn",
    "AskRequest",
    "CitationOut",
    "RetrievedOut",
    "AnswerOut",
    "HitOut",
    "SearchOut",
    "FootnoteOut",
    "PassageOut",
    "DocumentOut",
    "PassageViewOut",
    "HealthOut",
    "FeedbackIn",
    "FeedbackOut",
    "ChatMessageIn",
    "ChatCompletionRequest",
    "SupportRequest",
    "MatchOut",
    "SupportOut",
    "status_notice",
]

SESSION_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_HISTORY_TURNS = 50
MAX_TEXT_CHARS = 20_000  # an answer or a history turn; the 64 KB body limit bounds the rest


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TurnIn(_Strict):
    q: str = Field(max_length=MAX_TEXT_CHARS, description="an earlier question")
    a: str = Field(max_length=MAX_TEXT_CHARS, description="the answer it got")


class AskRequest(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"question": "How much did the government commit to the Vaccines Development & "
                         "Manufacturing Centre?", "session_id": "my-chat-1"},
            {"question": "When is it due?", "session_id": "my-chat-1"},
        ]},
    )

    question: str = Field(description="the question; 1 to 2,000 characters")
    history: list[TurnIn] | None = Field(
        default=None,
        max_length=MAX_HISTORY_TURNS,
        description="earlier turns, oldest first; omit it when sending a session_id",
    )
    session_id: str | None = Field(
        default=None,
        pattern=SESSION_ID_PATTERN,
        description="any client-chosen id; the server then remembers the conversation",
    )


class CitationOut(BaseModel):
    n: int
    passage_id: str
    doc_id: str
    document: str
    section: str
    quote: str
    start: int = Field(description="offset of the quote in the document's cleaned text")
    end: int
    passage_text: str

    @classmethod
    def of(cls, c: Citation) -> "CitationOut":
        return cls(**asdict(c))


class RetrievedOut(BaseModel):
    passage_id: str
    section: str
    text: str
    score: float
    rank: int


class AnswerOut(BaseModel):
    question: str
    standalone_question: str
    answer_type: str
    text: str = Field(description="the answer; [n] markers point at citations[n-1]")
    abstained: bool = Field(description="true when the deal does not answer the question")
    caveats: list[str]
    citations: list[CitationOut]
    retrieved: list[RetrievedOut] = Field(
        default_factory=list, description="only with ?retrieved=true"
    )
    session_id: str | None = None

    @classmethod
    def of(cls, a: Answer, session_id: str | None, with_retrieved: bool) -> "AnswerOut":
        # Answer.to_dict() already renders citations and retrieved passages as plain dicts.
        return cls(**a.to_dict(with_retrieved=with_retrieved), session_id=session_id)


class HitOut(BaseModel):
    rank: int
    score: float
    scores: dict[str, float]
    passage_id: str
    doc_id: str
    section: str
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, h: Hit) -> "HitOut":
        p = h.passage
        return cls(
            rank=h.rank,
            score=h.score,
            scores=dict(h.scores),
            passage_id=p.passage_id,
            doc_id=p.doc_id,
            section=p.section_label,
            text=p.text,
            start=p.start,
            end=p.end,
        )


class SearchOut(BaseModel):
    query: str
    k: int
    hits: list[HitOut]


class FootnoteOut(BaseModel):
    marker: int
    text: str
    anchor: str
    start: int
    end: int


class PassageOut(BaseModel):
    passage_id: str
    doc_id: str
    section: list[str]
    section_label: str
    text: str
    start: int
    end: int
    footnotes: list[FootnoteOut]

    @classmethod
    def of(cls, p: Passage) -> "PassageOut":
        return cls(
            passage_id=p.passage_id,
            doc_id=p.doc_id,
            section=list(p.section),
            section_label=p.section_label,
            text=p.text,
            start=p.start,
            end=p.end,
            footnotes=[FootnoteOut(**vars(f)) for f in p.footnotes],
        )


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    source: str
    sha256: str
    status: DocStatus
    status_note: str | None
    withdrawn: bool
    notice: str = Field(description="one line for readers about the document's status")

    @classmethod
    def of(cls, d: Document) -> "DocumentOut":
        return cls(
            doc_id=d.doc_id,
            title=d.title,
            source=d.source,
            sha256=d.sha256,
            status=d.status,
            status_note=d.status_note,
            withdrawn=d.status is DocStatus.WITHDRAWN,
            notice=status_notice(d),
        )


class PassageViewOut(BaseModel):
    passage: PassageOut
    before: list[PassageOut] = Field(description="neighbours before it, in document order")
    after: list[PassageOut] = Field(description="neighbours after it, in document order")
    document: DocumentOut | None


class HealthOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # whatever else assistant.info() reports

    status: Literal["ready", "unavailable"]
    ready: bool
    documents: int = 0
    passages: int = 0
    model: str | None = None
    index_version: int | str | None = None
    detail: str | None = None


class FeedbackIn(_Strict):
    question: str = Field(max_length=2_000)
    answer: str = Field(max_length=MAX_TEXT_CHARS)
    citations: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    helpful: StrictBool
    comment: str | None = Field(default=None, max_length=2_000)
    abstained: StrictBool | None = None
    session_id: str | None = Field(default=None, pattern=SESSION_ID_PATTERN)

    @field_validator("question")
    @classmethod
    def _question_has_words(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("question is empty: send the question that was answered")
        return v.strip()


class FeedbackOut(BaseModel):
    id: int
    stored: bool = True


class _TextPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="allow")  # name, tool_call_id ...
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[_TextPart] | None = None

    def text(self) -> str:
        if self.content is None or isinstance(self.content, str):
            return self.content or ""
        return "\n".join(p.text or "" for p in self.content if p.type == "text")


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = "dealqa"
    messages: list[ChatMessageIn] = Field(min_length=1, max_length=2 * MAX_HISTORY_TURNS + 2)
    stream: StrictBool = False


def status_notice(d: Document) -> str:
    if d.status is DocStatus.WITHDRAWN:
        when = d.status_note or "Withdrawn"
        return (
            f"{when}: this document is no longer current government policy; "
            "read its commitments as a historical record."
        )
    return "Current."


MAX_PROFILE_CHARS = 2_000


class SupportRequest(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"profile": "We are an SME making cell therapies in Stevenage and need funding."},
            {"kind": "sme", "sector": "advanced therapies", "place": "Stevenage",
             "needs": ["funding", "manufacturing_capacity"]},
        ]},
    )

    profile: str | None = Field(default=None, max_length=MAX_PROFILE_CHARS,
                                description="your organisation and what it needs, in words")
    kind: str | None = Field(default=None, max_length=40,
                             description="sme, large_company, university, nhs_body, charity, "
                                         "investor or individual")
    sector: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=200)
    needs: list[str] = Field(default_factory=list, max_length=10,
                             description="funding, manufacturing_capacity, data_access, ...")
    k: int | None = Field(default=None, ge=1, le=20, description="how many matches at most")

    @model_validator(mode="after")
    def _says_something(self) -> "SupportRequest":
        fields = (self.profile, self.kind, self.sector, self.place, *self.needs)
        if not any((v or "").strip() for v in fields):
            raise ValueError("profile is empty: describe your organisation in words, or send "
                             "at least one of kind, sector, place, needs")
        return self


class MatchOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # whatever else the finder reports

    measure: str
    why: list[str]
    figure: str | None = None
    conditions: list[str]
    citations: list[CitationOut]
    score: float
    commitment_ids: list[str]
    fields: list[str] = []  # the profile fields matched ("place", "need", ...), as in ``why``


class SupportOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    profile: dict[str, Any]
    matches: list[MatchOut]
    message: str
