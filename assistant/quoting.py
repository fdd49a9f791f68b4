"""Verbatim quotes for a chosen unit: trimmed to the clauses that answer, a list's items, a
footnote's figures. Every quote is a substring of the document, so it can be highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.asks import acts_re, asks_when
from assistant.compose import Span, figure_for
from assistant.evidence import has_calendar_date
from assistant.listing import ITEMS_RE, MAX_LIST_ITEMS, ListQuoting
from assistant.plain_words import PLAIN_WEIGHT
from assistant.request import AnswerRequest
from assistant.scoring import Candidate, TermStats, overlaps_text, terms
from assistant.selection import Selector
from assistant.sentence_vectors import SentenceVectors
from assistant.spans import (POINTS_BACK_RE, best_window, clause_bounds, strip_bullet, tidy_end,
                            widen)
from dealqa.types import AnswerType, FootnoteRef, Passage, UnitKind
from ingest.units import sentence_spans
from retrieval.text import tokenize

__all__ = ["Quoter", "asks_when", "with_antecedent"]

SECOND_SPAN_RATIO = 0.85
SECOND_SPAN_GAIN = 0.15  # a second span must cover this much more of the question
BORROWED_WEIGHT = 0.4  # a follow-up's borrowed topic words, against its own (see extractive.py)
WINDOW_BORROWED_WEIGHT = 0.1  # ... and when choosing the clauses of a unit to quote
WINDOW_NAME_WEIGHT = 0.3  # a description question's names, choosing the clauses to quote
ANTECEDENT_STRETCH = 1.25
# How much a long unit's sentence nearest the question (by the model, over the unit's
# farthest) weighs in choosing what to quote, against the share of the question's words.
SENTENCE_WEIGHT = 0.5
# A lone quote's clauses are grown by those around them up to this share of ``max_chars``: a
# long bullet's best clauses (by the question's words) often stop short of the rest of the fact.
WIDE_SHARE = 1.5
REFERENCE_SECTIONS = frozenset({"references", "notes", "endnotes", "footnotes"})
_ENTRY_NUMBER = re.compile(r"(?:^|\n)\s*(\d{1,3})[.)]\s*$")


class Quoter(ListQuoting):
    def __init__(self, stats: TermStats, selector: Selector, *, passages: Sequence[Passage] = (),
                 max_chars: int = 400, sentence_vectors: SentenceVectors | None = None) -> None:
        self._stats = stats
        self._selector = selector
        self._sentences = sentence_vectors  # None: windows are chosen by the words alone
        self.max_chars = max_chars
        self.wide_chars = int(max_chars * WIDE_SHARE) - 20
        # Footnote text -> the passages whose figures carry it, for "which funding is subject
        # to Treasury approval?": the References entry is found, the figures are the answer.
        self._footnoted: dict[str, list[tuple[Passage, FootnoteRef]]] = {}
        # (document, marker) -> the References entry the marker points to, citable in its own
        # right: for "is the £210m guaranteed?" the footnote is the answer.
        self._entries: dict[tuple[str, int], Span] = {}
        # Each passage -> the one after it in its document: a long list runs on there.
        self._after: dict[str, Passage] = {
            a.passage_id: b for a, b in zip(passages, passages[1:]) if a.doc_id == b.doc_id}
        for p in passages:
            for f in p.footnotes:
                self._footnoted.setdefault(_norm(f.text), []).append((p, f))
            if is_reference(p):
                for u in p.units:
                    before = p.text[max(0, u.start - p.start - 8) : u.start - p.start]
                    if m := _ENTRY_NUMBER.search(before):
                        self._entries[(p.doc_id, int(m.group(1)))] = Span.of_unit(p, u)

    def span(self, req: AnswerRequest, q_terms: list[str], c: Candidate, max_chars: int,
             *, longest: bool = False, wide: int = 0, opening: bool = False) -> Span:
        """The best clause window of ``c`` for ``req``; ``longest``: the longest window that
        fits (an enumeration quoted as fully as the budget allows); ``wide``: the window chosen
        within ``max_chars``, then grown by the clauses around it up to ``wide``; ``opening``:
        the window from the unit's first words (an item of a list is named by its opening)."""
        window = self._opening(c, max_chars) if opening else \
            self._window(req, q_terms, c, max_chars, longest)
        return _span_of(c, window, max_chars, wide)

    @staticmethod
    def _opening(c: Candidate, max_chars: int) -> tuple[str, int, int, int]:
        """Like ``_window``, but the window is the unit's first clauses within ``max_chars``."""
        body, offset = _body(c)
        first = clause_bounds(body)[0][1] if body else 0
        _, end = widen(body, 0, first, max_chars)
        return body, offset, 0, end

    def _window(self, req: AnswerRequest, q_terms: list[str], c: Candidate, max_chars: int,
                longest: bool = False) -> tuple[str, int, int, int]:
        """(body, its offset in the document, start, end): the clauses of ``c``'s text, less
        any bullet marker, that answer ``req`` within ``max_chars``."""
        body, offset = _body(c)
        needs = self._selector.needs(req.analysis)
        if longest:
            score = lambda s: len(s) / max_chars  # noqa: E731
        else:
            asked = q_terms
            named = {t for n in req.analysis.names for t in tokenize(n)}
            if req.analysis.answer_type is AnswerType.ENTITY:
                # The names asked about locate the unit; the window should hold what is asked
                # of them ("... Barts Health entered a strategic commercial agreement ...").
                asked = [t for t in q_terms if t not in named] or q_terms
            # The words a follow-up borrowed found the unit; within it, its own words say what
            # is asked now ("What will the second one focus on?" wants the clause about
            # focusing, not the one repeating the last answer's names).
            own = set(tokenize(req.question))
            weights = {t: 1.0 if t in own else WINDOW_BORROWED_WEIGHT for t in asked}
            if req.analysis.answer_type is AnswerType.DESCRIPTION:
                # Likewise a description's names: in a long unit ("... at the Sheffield Olympic
                # Legacy Park ... The second project ... will focus on ..."), the clauses saying
                # what is asked, not the opening that names the place again.
                for t in named & set(weights):
                    weights[t] *= WINDOW_NAME_WEIGHT
            # The deal's words for the question's everyday ones weigh in too, less: "kids' ...
            # psychological problems" ~ "The second project, the Centre of Child Health ...
            # children ... mental health conditions", not the unit's opening.
            plain = [t for t in dict.fromkeys(tokenize(req.plain_words)) if t not in weights]
            weights.update({t: PLAIN_WEIGHT for t in plain})
            asked = [*asked, *plain]
            score = lambda s: self._stats.coverage(asked, terms(s), weights)  # noqa: E731
            # (not for a follow-up: its vector holds the topic it borrowed, which the unit's
            # opening restates, not what is asked now: "What will the second one focus on?")
            if self._sentences is not None and len(body) > max_chars \
                    and req.query_vec is not None and req.standalone == req.question:
                score = self._with_nearness(req.query_vec, body, score)
        window = best_window(body, score, needs, max_chars)

        def narrowed(window: tuple[int, int], held) -> tuple[int, int]:
            """The best window that also ``held``s what the question points at, if one does."""
            other = best_window(body, score, lambda t: needs(t) and held(t), max_chars)
            return other if needs(body[slice(*other)]) and held(body[slice(*other)]) else window

        if asks_when(req.question) and not has_calendar_date(body[slice(*window)]):
            # "When will it occupy its new building?": a calendar date ("from mid-2018") answers,
            # "this year" at the sentence's start only dates the announcement.
            window = narrowed(window, has_calendar_date)
        acts = acts_re(req.question, req.standalone) \
            if req.analysis.answer_type is AnswerType.DESCRIPTION else None
        if acts and acts.search(body) and not acts.search(body[slice(*window)]):
            # "What will Nexus do?": the window must hold Nexus acting ("... which will actively
            # incubate and grow start-ups"), not only Nexus named.
            window = narrowed(window, acts.search)
        ordinal = _ORDINAL_ASKED_RE.search(req.question)
        said = re.compile(rf"\b{ordinal.group(1)}\b", re.IGNORECASE) if ordinal else None
        if said and said.search(body) and not said.search(body[slice(*window)]):
            # "What will the second of those two projects focus on?": the clauses about the
            # second ("The second project, the Centre of Child Health ..."), not the first.
            window = narrowed(window, lambda t: said.search(t[:40]))
        s, window_end = window
        if s > 0 and _RELATIVE_START.match(body, s):
            # "... which will actively incubate ..." needs what "which" refers to: "Nexus, a
            # £40m Innovation Centre driven by the University of Leeds, which will ...".
            s = _clause_start_before(body, s)
            if s > 0 and re.match(r"(?:a|an)\s", body[s:]):  # an apposition: "Nexus, a £40m ..."
                s = _clause_start_before(body, s)
        elif s > 0 and re.match(r"(?:a|an)\s", body[s:]):
            # "a £40m Innovation Centre driven by ..." describes the name before it: "Nexus, a
            # £40m Innovation Centre ..." says what it is called.
            head = _clause_start_before(body, s)
            if _NAME_HEAD_RE.fullmatch(body[head:s].strip(" ,")):
                s = head
        return body, offset, s, window_end

    def _with_nearness(self, query_vec, body: str, score):
        """``score`` plus how much nearer to the question (by the model) the window's nearest
        sentence is than the unit's farthest: a question in other words than the deal's still
        gets the sentence that answers it (see assistant/sentence_vectors.py)."""
        bounds = sentence_spans(body)
        if len(bounds) < 2:
            return score
        sims = self._sentences.similarities(query_vec, [body[a:b] for a, b in bounds])
        low = min(sims)

        def scored(span: str) -> float:
            start = body.find(span)
            end = start + len(span)
            near = max((sim for (a, b), sim in zip(bounds, sims) if a < end and start < b),
                       default=low)
            return score(span) + SENTENCE_WEIGHT * (near - low)
        return scored

    def spans(self, req, q_terms, best: Candidate, cands: list[Candidate]) -> list[Span]:
        budget = self.max_chars - 20
        window = self._window(req, q_terms, best, budget)
        first = _span_of(best, window, budget)
        second = self._second_span(req, q_terms, best, cands, first) \
            if _JOINS.search(req.question) or req.analysis.also else None
        if second is not None:
            return [first, second]
        # One quote: the clauses around those chosen often hold the rest of the fact.
        return [_span_of(best, window, budget, self.wide_chars)]

    def _second_span(self, req, q_terms, best: Candidate, cands: list[Candidate],
                     first: Span) -> Span | None:
        """A quote from another unit that adds what a question of two parts asks, or None (one
        subject, one fact: a second quote would only dilute the answer)."""
        budget = self.max_chars - len(first.quote)
        needs = self._selector.needs(req.analysis)
        # A second quote must add what is asked now: a follow-up's borrowed words do not count.
        asked = tokenize(req.question)
        covered = self._stats.coverage(asked, terms(first.quote))
        for c in cands:
            if c is best or c.score < SECOND_SPAN_RATIO * best.score or budget < 80:
                continue
            if not needs(c.text) or req.analysis.excluded and \
                    terms(c.text) & set(tokenize(req.analysis.excluded)):
                continue
            span = self.span(req, q_terms, c, budget - 10)
            gain = self._stats.coverage(asked, terms(f"{first.quote} {span.quote}")) - covered
            if gain < SECOND_SPAN_GAIN or overlaps_text(span.quote, first.quote):
                continue
            return span
        return None

    def paragraph(self, q_terms, best: Candidate) -> Span | None:
        """``best`` and the sentences after it in its paragraph that repeat a question word it
        holds, within ``max_chars``; None when no sentence follows on."""
        p, units, i = best.passage, best.passage.units, best.unit_index
        shared = set(q_terms) & terms(best.text)
        if best.unit.kind is not UnitKind.SENTENCE or not shared:
            return None
        last = i
        while (j := _next_in_paragraph(p, last)) is not None:
            text = p.unit_text(units[j])
            # It goes on when it repeats a question word of ``best``, or refers back to it
            # ("... Digital Innovation Hubs ... They will create controlled environments for ...").
            if units[j].end - best.unit.start > self.max_chars \
                    or not (shared & terms(text) or _REFERS_BACK.match(text)):
                break
            last = j
        if last == i:
            return None
        return Span(p, Span.of_unit(p, best.unit).start, Span.of_unit(p, units[last]).end)

    def _next_sentence(self, q_terms, best: Candidate) -> tuple[Span, bool, bool] | None:
        """The sentence after ``best`` in its paragraph, whether it refers back to ``best``
        ("They will ..."), and whether it holds question words ``best`` lacks; None when
        ``best`` is not a sentence or ends its paragraph."""
        p = best.passage
        if best.unit.kind is not UnitKind.SENTENCE:
            return None
        j = _next_in_paragraph(p, best.unit_index)
        if j is None:
            # A paragraph opening by referring back ("This paper includes a number of
            # commitments ...") goes on from the sentence ending the one before.
            j = best.unit_index + 1
            if j >= len(p.units) or p.units[j].kind is not UnitKind.SENTENCE \
                    or not _REFERS_BACK.match(p.unit_text(p.units[j])):
                return None
        nxt = Span.of_unit(p, p.units[j])
        new = (set(q_terms) & terms(nxt.quote)) - terms(best.text)
        return nxt, bool(_REFERS_BACK.match(nxt.quote)), bool(new)

    def follow_on(self, q_terms, best: Candidate) -> Span | None:
        """The sentence after ``best`` in its paragraph when it refers back to it and holds
        question words ``best`` lacks: "... regional Digital Innovation Hubs ..." / "They will
        create controlled environments for real-world clinical studies ..."."""
        found = self._next_sentence(q_terms, best)
        # ... or says what it includes ("This paper includes a number of commitments ...") or
        # lists ("They will create controlled environments for real-world clinical studies, ...
        # and ..."): what a question about it asks, in other words.
        return found[0] if found is not None and found[1] and (
            found[2] or _INCLUDES_RE.match(found[0].quote) or ITEMS_RE.search(found[0].quote)) \
            else None

    def continued(self, q_terms, best: Candidate, first: Span) -> Span | None:
        """``first`` (a whole sentence) run on to the next sentence of its paragraph, as one
        quote, when the two fit ``wide_chars``: a description often goes on there ("Linking ...
        data ... will help develop new technologies ..." / "... tools that will help diagnose
        diseases earlier ..." answers "how could it help?"). Measured on eleven tuned QA sets:
        running on only when the next sentence refers back or adds question words (the first
        version) answered 2 fewer questions, and held-out sets 1 fewer."""
        found = None if first.trimmed_right else self._next_sentence(q_terms, best)
        if found is None:
            return None
        nxt = found[0]
        if nxt.start < first.end or nxt.end - first.start > self.wide_chars:
            return None
        return Span(best.passage, first.start, nxt.end, trimmed_left=first.trimmed_left)

    def footnote_spans(self, req, q_terms, best: Candidate) -> list[Span]:
        """The figures a References entry is attached to, each in its own sentence or bullet."""
        spans: list[Span] = []
        seen: set[str] = set()
        for p, f in self._footnoted.get(_norm(best.text), []):
            figure = figure_for(f, p)
            if figure in seen:  # the same figure restated elsewhere: cite it once
                continue
            for i, u in enumerate(p.units):
                if u.start <= f.start < u.end:
                    spans.append(self.anchor_span(q_terms, Candidate.of_unit(p, i), figure))
                    seen.add(figure)
        return spans[:MAX_LIST_ITEMS]

    def footnote_entry(self, doc_id: str, ref: FootnoteRef) -> Span | None:
        """The References entry ``ref``'s marker points to, when its text is the footnote's."""
        span = self._entries.get((doc_id, ref.marker))
        return span if span is not None and _norm(span.quote) == _norm(ref.text) else None

    def anchor_span(self, q_terms, c: Candidate, figure: str, *, also: str = "",
                    max_chars: int = 180, grow: bool = False) -> Span:
        """The best window of ``c`` within ``max_chars`` that holds ``figure`` (and ``also``);
        ``grow``: then grown by the clauses around it while it fits (a name among several,
        "charities (including A, B and C)", is quoted with the others)."""
        skip = strip_bullet(c.text)
        body = c.text[skip:].rstrip()
        score = lambda s: self._stats.coverage(q_terms, terms(s))  # noqa: E731
        s, window_end = best_window(body, score, lambda span: figure in span and also in span,
                                    max_chars)
        if grow:
            s, window_end = widen(body, s, window_end, max_chars)
        e = tidy_end(body, s, window_end)
        base = c.unit.start + skip
        return Span(c.passage, base + s, base + e, trimmed_left=s > 0,
                    trimmed_right=window_end < len(body))


def _body(c: Candidate) -> tuple[str, int]:
    """``c``'s text less its bullet marker and surrounding space, and where that starts in the
    document."""
    skip = strip_bullet(c.text)
    rest = c.text[skip:]
    return rest.strip(), c.unit.start + skip + len(rest) - len(rest.lstrip())


def _span_of(c: Candidate, window: tuple[str, int, int, int], max_chars: int,
             wide: int = 0) -> Span:
    """The quote of a window from ``Quoter._window``, grown up to ``wide`` characters (see
    ``spans.widen``) when that is more than ``max_chars``, the budget it was chosen within."""
    body, base, s, window_end = window
    if wide > max_chars:
        s, window_end = widen(body, s, window_end, wide)
    e = tidy_end(body, s, window_end)
    # A lead-in quoted without its items ("... over 10 years by:") reads as cut short.
    cut = window_end < len(body) or body[s:window_end].rstrip().endswith(":")
    return Span(c.passage, base + s, base + e, trimmed_left=s > 0, trimmed_right=cut)


def _next_in_paragraph(p: Passage, i: int) -> int | None:
    """The index of the sentence after unit ``i`` on the same line of ``p``, if any."""
    j = i + 1
    if j >= len(p.units) or p.units[j].kind is not UnitKind.SENTENCE:
        return None
    gap = p.text[p.units[i].end - p.start : p.units[j].start - p.start]
    return None if "\n" in gap else j


# ("This paper includes ...": what it refers back to, named, in the sentence before.)
_REFERS_BACK = re.compile(r"\s*(?:They|It|These|Its|Their|"
                          r"This (?:[a-z]{3,} )?(?:will|would|is|includes?))\b")


_INCLUDES_RE = re.compile(r"\s*(?:This|These|It|They)(?: [a-z]{3,})? (?:includes?|covers?|"
                         r"comprises?)\b")


def is_reference(p: Passage) -> bool:
    """A passage of the References (notes) list."""
    return bool(p.section) and p.section[0].lower() in REFERENCE_SECTIONS


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


# A question joining two subjects or facts may need a second quote.
_JOINS = re.compile(r"\b(and|both|as well as|versus|vs|compared|or)\b|,", re.IGNORECASE)


# Within a sentence's opening, "these investments" / "in these fields" / "is also" point back
# too ("Building on our existing infrastructure ..., these investments will ...").
_OPENING_CHARS = 80
_REFERS_IN_RE = re.compile(r"\b(?:these|those|such) [a-z]{3,}\b|\b(?:is|are|was|were) also\b|"
                           r"\b(?:this|that) (?:type|kind|sort|form) of\b")
# ... or a definite description ("Importantly, the network permits ...") whose head noun the
# sentence before introduced ("The IMPACT network, led by ...").
_DEFINITE_RE = re.compile(r"(?:[A-Z]\w+ly,\s+)?(?:[Tt]he|[Tt]his|[Tt]hese)\s+([a-z]{3,})\b")


def with_antecedent(span: Span, stats: TermStats, max_chars: int) -> Span:
    """A quote that starts a sentence pointing back to the one before it takes that sentence
    too, as one quote: "It increases collaboration ..." alone does not say what "it" is (the
    "national BioResource for Translational Research ..." of the sentence before). Only within
    a paragraph of one passage, and only when both fit in ``max_chars`` stretched by
    ``ANTECEDENT_STRETCH``: the sentence before is part of what the quote says."""
    p = span.passage
    i = span.unit_index
    if i is None or i == 0 or span.start != Span.of_unit(p, p.units[i]).start \
            or p.units[i - 1].kind is not UnitKind.SENTENCE or _next_in_paragraph(p, i - 1) != i:
        return span
    before = Span.of_unit(p, p.units[i - 1])
    if not _points_back(span.quote, before.quote, stats) or span.end - before.start > ANTECEDENT_STRETCH * max_chars:
        return span
    return Span(p, before.start, span.end, trimmed_right=span.trimmed_right)


def _points_back(sentence: str, before: str, stats: TermStats) -> bool:
    if POINTS_BACK_RE.match(sentence) or _REFERS_IN_RE.search(sentence[:_OPENING_CHARS]):
        return True
    definite = _DEFINITE_RE.match(sentence)
    head = tokenize(definite.group(1)) if definite else []
    return bool(head) and not stats.common(head[0]) and head[0] in terms(before)


# "the second of those two projects", "the other one": which of several the question means.
_ORDINAL_ASKED_RE = re.compile(r"\b(?:the|its|their) (second|third|fourth|fifth|last|latter)"
                               r"\b", re.IGNORECASE)
# A clause that is only a name ("Nexus", "Cell Medica"): the head of an apposition after it.
_NAME_HEAD_RE = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:of|and|&|for|the|[A-Z][\w&'’-]*)){0,5}")
_RELATIVE_START = re.compile(r"(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def _clause_start_before(body: str, s: int) -> int:
    """The start of the clause before offset ``s`` (the one a relative clause refers to)."""
    starts = [cs for cs, _ in clause_bounds(body) if cs < s]
    return starts[-1] if starts else 0
