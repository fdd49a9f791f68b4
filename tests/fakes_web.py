"""A fake assistant for the web tests: a handful of passages from a mini deal, keyword-overlap
retrieval, answers that quote the best passage with [n] citations, and an abstention for any
question about "quantum" (which the mini deal never mentions).

It implements assistant.base.AssistantLike and records every call, so tests can check what the
API passed on (question, history, k ...).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from assistant.base import AnswerChunk
from dealqa.errors import InvalidQuestionError
from dealqa.types import (
    Answer,
    AnswerType,
    Citation,
    Document,
    DocStatus,
    FootnoteRef,
    Hit,
    Passage,
    Turn,
    Unit,
    UnitKind,
)

__all__ = ["FakeAssistant", "DOC_ID", "PASSAGE_TEXTS", "ABSTAIN_WORD", "fake_register",
           "FakeFinder", "FakeFinderTypes", "fake_support", "make_app", "parse_sse"]

DOC_ID = "mini-deal"
ABSTAIN_WORD = "quantum"
# (section path, text) in document order.
PASSAGE_TEXTS: list[tuple[tuple[str, ...], str]] = [
    (("Foreword",), "The deal brings together the government with universities and more than "
     "10 businesses to invest in all parts of the country."),
    (("Key commitments", "Support manufacturing"), "A £50m investment programme from the "
     "Challenge Fund will support manufacturing, including £20m on a Vaccines Centre in Oxford."),
    (("Key commitments", "Sector action"), "Acme Biologics have committed to £12m investment in "
     "a new 'fill and finish' facility in Liverpool, creating nearly 80 high-value jobs."),
    (("People",), "Change immigration rules to enable scientists to apply for settlement after "
     "three years."),
    (("Implementation plan",), "Jan 2018: Oversight Board's first meeting. Oct 2017: £5m funding "
     "announced for viral vectors competition."),
]
_STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "is", "what", "how", "did",
         "does", "which", "who", "when", "much", "many", "there", "any", "are", "with", "it"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9£]+", text.lower()) if w not in _STOP}


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _build() -> tuple[Document, list[Passage]]:
    text, passages = "", []
    for i, (section, body) in enumerate(PASSAGE_TEXTS):
        start = len(text)
        text += body + "\n\n"
        notes: tuple[FootnoteRef, ...] = ()
        if "Challenge Fund" in body:
            a = body.index("Challenge Fund")
            notes = (FootnoteRef(2, "Subject to business case approval by HM Treasury",
                                 "Challenge Fund", start + a, start + a + len("Challenge Fund")),)
        passages.append(Passage(
            passage_id=f"{DOC_ID}#{_slug(section[-1])}-{i}",
            doc_id=DOC_ID,
            text=body,
            section=section,
            start=start,
            end=start + len(body),
            units=(Unit(UnitKind.SENTENCE, start, start + len(body)),),
            footnotes=notes,
            n_tokens=len(body.split()),
        ))
    doc = Document(DOC_ID, "Mini Sector Deal", "tests/fixtures/corpus/mini-deal.txt",
                   "0" * 64, DocStatus.WITHDRAWN, "Withdrawn 1 May 2024", text)
    return doc, passages


class FakeAssistant:
    """Deterministic AssistantLike. ``fail_stream_after``: raise after that many text chunks."""

    def __init__(self, fail_stream_after: int | None = None) -> None:
        self.document, self.passages = _build()
        self._by_id = {p.passage_id: p for p in self.passages}
        self.fail_stream_after = fail_stream_after
        self.calls: list[tuple[str, Any]] = []
        self._lock = threading.Lock()

    # -- AssistantLike -------------------------------------------------------------------

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self._record("ask", (question, tuple(history)))
        return self._answer(question, history)

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[AnswerChunk]:
        self._record("stream", (question, tuple(history)))
        answer = self._answer(question, history)  # validates before the first chunk
        return self._chunks(answer)

    def search(self, query: str, k: int = 5) -> list[Hit]:
        self._record("search", (query, k))
        return self._rank(query, k)

    def _rank(self, query: str, k: int) -> list[Hit]:
        q = _words(query)
        scored = [(len(q & _words(" ".join(p.section) + " " + p.text)), -i, p)
                  for i, p in enumerate(self.passages)]
        ranked = [s for s in sorted(scored, reverse=True) if s[0] > 0][:k]
        return [Hit(p, float(score), rank, {"bm25": float(score)})
                for rank, (score, _, p) in enumerate(ranked, 1)]

    def passage(self, passage_id: str) -> Passage:
        return self._by_id[passage_id]

    def neighbours(self, passage_id: str, n: int = 1) -> list[Passage]:
        i = self.passages.index(self._by_id[passage_id])
        return self.passages[max(0, i - n) : i + n + 1]

    def documents(self) -> list[Document]:
        return [self.document]

    def info(self) -> dict[str, Any]:
        return {"documents": 1, "passages": len(self.passages), "model": "fake-bow",
                "index_version": 1}

    # -- internals -------------------------------------------------------------------------

    def _record(self, kind: str, args: Any) -> None:
        with self._lock:
            self.calls.append((kind, args))

    def _answer(self, question: str, history: Sequence[Turn]) -> Answer:
        if not re.search(r"\w", question):  # stands in for the real assistant's own checks
            raise InvalidQuestionError("question has no words in it: ask in words")
        standalone = f"{history[-1].q} {question}" if history else question
        hits = [] if ABSTAIN_WORD in question.lower() else self._rank(standalone, 2)
        if not hits:
            return Answer(question, f"The deal does not say anything about that ({question!r}).",
                          [], True, ["Ask about the deal's commitments, funding or dates."],
                          [], standalone, AnswerType.DESCRIPTION)
        citations = [self._cite(n, h.passage) for n, h in enumerate(hits, 1)]
        text = " ".join(f"{c.quote} [{c.n}]" for c in citations)
        return Answer(question, text, citations, False,
                      ["This deal was withdrawn on 1 May 2024."], hits, standalone,
                      AnswerType.DESCRIPTION)

    def _cite(self, n: int, p: Passage) -> Citation:
        # Quote the first clause, so the highlight is a strict part of the passage.
        quote = re.split(r"(?<=[,.:;])\s", p.text, maxsplit=1)[0]
        return Citation(n=n, passage_id=p.passage_id, document=self.document.title,
                        section=p.section_label, quote=quote, start=p.start,
                        end=p.start + len(quote), doc_id=DOC_ID, passage_text=p.text)

    def _chunks(self, answer: Answer) -> Iterator[AnswerChunk]:
        words = answer.text.split(" ")
        for i, w in enumerate(words):
            if self.fail_stream_after is not None and i >= self.fail_stream_after:
                raise RuntimeError("fake failure mid-stream")
            yield w if i == 0 else " " + w
        yield answer


def make_app(tmp_path: Any, assistant: Any = None, *, with_ui: bool = False,
             register: Any = None, support: Any = None, **settings: Any) -> Any:
    """The real app around ``assistant`` (a FakeAssistant by default), the register built from
    its passages and the fake support finder; feedback in tmp_path."""
    from api.app import create_app
    from dealqa.settings import Settings

    fake = assistant if assistant is not None else FakeAssistant()
    s = Settings(feedback_db=tmp_path / "feedback.sqlite3", **settings)
    return create_app(
        s,
        assistant_factory=lambda _s: fake,
        register_factory=lambda _s: register if register is not None else fake_register(fake),
        support_factory=support or (lambda a, r: fake_support(a, r)),
        with_ui=with_ui,
    )


def parse_sse(text: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a server-sent-events body; event is "message" when unnamed."""
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        event, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: "):
                data.append(line[len("data: "):])
        events.append((event, "\n".join(data)))
    return events


# -- commitments register and support finder ---------------------------------------------------


def fake_register(assistant: FakeAssistant | None = None) -> Any:
    """The real register builder run over the fake passages, plus one hand-made itemised total
    that does not add up (the mini deal has none), so the mismatch flag can be shown."""
    from decimal import Decimal

    from commitments import Reconciliation, build_register

    a = assistant or FakeAssistant()
    register = build_register(a.documents(), a.passages)
    total, item = register.get(f"{DOC_ID}#gbp-50m"), register.get(f"{DOC_ID}#gbp-20m")
    five = register.get(f"{DOC_ID}#gbp-5m")
    total.flags.append("items-sum-mismatch")
    register.reconciliations.append(Reconciliation(
        total.id, (item.id, five.id), Decimal(total.value), Decimal(25_000_000), False,
        (total.citations[0], item.citations[0], five.citations[0])))
    return register


class FakeOrgKind(str, Enum):
    SME = "sme"
    LARGE_COMPANY = "large_company"
    UNIVERSITY = "university"


class FakeNeed(str, Enum):
    FUNDING = "funding"
    MANUFACTURING_CAPACITY = "manufacturing_capacity"
    SKILLS_AND_RECRUITMENT = "skills_and_recruitment"


@dataclass(frozen=True)
class FakeProfile:
    text: str = ""
    kind: FakeOrgKind | None = None
    sector: str | None = None
    place: str | None = None
    needs: tuple[FakeNeed, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind.value if self.kind else None,
                "sector": self.sector, "place": self.place, "needs": [n.value for n in self.needs]}


def _fake_parse_profile(text: str) -> FakeProfile:
    low = text.lower()
    kind = FakeOrgKind.SME if re.search(r"\bsme\b|small", low) else None
    needs = tuple(n for n in FakeNeed if n.value.split("_")[0] in low)
    return FakeProfile(text=text, kind=kind, needs=needs)


class FakeFinderTypes:
    """Stands in for the ``finder`` module's types (Profile, OrgKind, Need, parse_profile)."""

    Profile = FakeProfile
    OrgKind = FakeOrgKind
    Need = FakeNeed
    parse_profile = staticmethod(_fake_parse_profile)


@dataclass
class FakeSupportResult:
    profile: FakeProfile
    matches: list[dict[str, Any]]
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile.to_dict(), "matches": self.matches, "message": self.message}


class FakeFinder:
    """Ranks the register's commitments by words shared with the profile (its text, sector,
    place and needs); cites each commitment's first statement. Records every call."""

    def __init__(self, assistant: FakeAssistant, register: Any) -> None:
        self.assistant, self.register = assistant, register
        self.calls: list[tuple[Any, int | None]] = []

    def run(self, profile: FakeProfile | str, k: int | None = None) -> FakeSupportResult:
        self.calls.append((profile, k))
        p = _fake_parse_profile(profile) if isinstance(profile, str) else profile
        words = _words(" ".join([p.text, p.sector or "", p.place or "",
                                 *(n.value.replace("_", " ") for n in p.needs)]))
        scored = []
        for c in self.register.commitments:
            about = _words(" ".join([c.purpose, c.place, *(t.value for t in c.themes),
                                     *(r.quote for r in c.citations)]))
            shared = sorted(words & about)
            if shared:
                scored.append((len(shared), c, shared))
        scored.sort(key=lambda s: (-s[0], s[1].id))
        matches = [self._match(c, shared, score) for score, c, shared in scored[: k or 3]]
        message = (f"{len(matches)} measures fit this profile." if matches else
                   "No measure in the deal fits this profile: describe it in other words.")
        return FakeSupportResult(p, matches, message)

    def _match(self, c: Any, shared: list[str], score: int) -> dict[str, Any]:
        ref = c.citations[0]
        passage = self.assistant.passage(ref.passage_id)
        cite = Citation(1, ref.passage_id, self.assistant.document.title, ref.section, ref.quote,
                        ref.start, ref.end, DOC_ID, passage.text)
        return {"measure": c.purpose, "why": [f"mentions {', '.join(shared)}"],
                "figure": c.raw, "conditions": list(c.conditions),
                "citations": [asdict(cite)], "score": float(score), "commitment_ids": [c.id],
                "fields": ["sector"]}


def fake_support(assistant: FakeAssistant, register: Any) -> Any:
    from api.support import SupportService

    return SupportService(FakeFinder(assistant, register), FakeFinderTypes())
