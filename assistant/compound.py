"""Compound questions: two questions in one ("How often does it meet, and how often does
progress go to ministers?"), each part answered on its own (its own type, subject and checks)
from the same retrieved passages, the quotes joined.

``CompoundAnswers`` is mixed into ``ExtractiveAnswerer``, whose ``_candidates``, ``_select``,
``_answers``, ``_answer``, ``_abstain``, ``_composer``, ``selector``, ``_t`` (templates),
``_embed``, ``_restate`` and ``_timeline_rows`` it uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.asks import asks_requirement
from assistant.compose import Span
from assistant.evidence import CALENDAR_YEAR_RE, MONEY_RE
from assistant.followup import is_followup, resolve_followup
from assistant.listing import lead_in_sums
from assistant.question import QuestionAnalysis, analyse_question
from assistant.question_parts import each_listed
from assistant.request import AnswerDraft, AnswerRequest
from assistant.scoring import same_fact, terms
from dealqa.conditions import is_condition
from dealqa.types import AnswerType, Turn
from retrieval.text import money_amounts, tokenize

__all__ = ["CompoundAnswers"]


# A topic a question sets before asking: "Stevenage manufacturing centre: what ...", "Thermo
# Fisher's cryo storage hub - which ...".
_TOPIC_RE = re.compile(r"^([^:?.]{3,80}?)(?::|\s[-–—])\s+(?=(?:how|what|when|where|who|which|"
                       r"whose|why|is|are|was|were|does|do|did|will|can|has|have)\b)",
                       re.IGNORECASE)


class CompoundAnswers:
    """The compound-question answers of ``ExtractiveAnswerer`` (see the module docstring)."""

    def _compound(self, req: AnswerRequest, parts: list[str]) -> AnswerDraft:
        """Two questions in one ("How often does it meet, and how often does progress go to
        ministers?"): each part is answered on its own (its own type, subject and checks) from
        the same retrieved passages, and the quotes are joined. A part the deal is silent on
        is said to be so; if all are, the answer abstains."""
        borrowed = req.standalone.strip()[len(req.question.strip()):] \
            if req.standalone.strip().startswith(req.question.strip()) else ""
        spans: list[Span] = []
        silent: list[str] = []
        figures_used = 0  # money parts answered so far
        dates_used = 0  # date parts answered so far
        stated = tuple(dict.fromkeys(m.text.strip() for m in money_amounts(req.question)))
        for part in parts:
            sub, inherit, named = self._part_request(req, part, parts[0], borrowed)
            analysis = sub.analysis
            # The quotes so far may already say it; but each figure asked for ("how much did X
            # put in, and what's the overall investment?") needs a figure of its own.
            money = analysis.wants_money
            # (A sum the question itself states, "The £146m programme was announced when, and
            # how much of it goes to ...?", is what a part asks about, not its answer.)
            quoted = tuple(dict.fromkeys(a.text.strip() for s in spans
                                         for a in money_amounts(s.quote)
                                         if a.text.strip() not in stated))
            figure_again = money and len(quoted) <= figures_used
            # ... and so does each date ("When did BBI announce it, and by what year are the
            # jobs expected?": February 2017 is the first part's, not the jobs' year).
            dated = analysis.answer_type is AnswerType.DATE
            date_again = dated and bool(spans) and len(
                set(CALENDAR_YEAR_RE.findall(" ".join(s.quote for s in spans)))) <= dates_used
            # A money part naming nothing new is answered by a figure the quotes hold and no
            # earlier part used ("... what grant supported it, and what's the full package
            # worth?": "It forms part of a total investment of £9.7m").
            # (two figures at least: one may be the answer to an earlier part typed otherwise)
            spare = money and inherit and len(quoted) > max(figures_used, 1)
            said = " ".join(s.quote for s in spans)
            # (a part naming someone the quotes so far never name is not answered by them:
            # "... and what is Zeta Labs spending alongside?")
            if spans and not figure_again and not date_again \
                    and (inherit or self._names_said(named, said)) \
                    and (spare or self._answers(sub, said)):
                figures_used += money
                dates_used += dated
                continue
            if spans and asks_requirement(part) and (
                    self._composer.conditions(spans) or any(is_condition(s.quote) for s in spans)):
                continue  # "What sign-off does it hinge on?": the conditions quoted say

            if figure_again and spans:  # ... not one already quoted
                sub = replace(sub, analysis=replace(sub.analysis, quoted_figures=quoted + stated))
            _, q_terms, cands = self._candidates(sub)
            got = self._select(sub, q_terms, cands) if cands else None
            if not got and dated:
                got = self._dated_sum(spans, stated, part)
            if not got:
                got = self._own_search(sub)
            if not got:
                silent.append(part)
                continue
            # (a restatement of an earlier quote stays when it holds what this part asks and
            # the quotes so far do not: "... announced a new 15-year partnership ..." for "how
            # long does the Guy's one run?" after "... have partnered with Guy's ...")
            needs, said = self.selector.needs(sub.analysis), " ".join(s.quote for s in spans)
            spans = _merged(spans, got, own_fact=date_again or figure_again,
                            adds=lambda q, needs=needs, said=said: needs(q) and not needs(said))
            figures_used += money
            dates_used += dated
        if not spans:
            _, _, cands = self._candidates(req)
            return self._abstain(req, cands[0] if cands else None)
        draft = self._answer(req, spans)
        for part in silent:
            draft.text += " " + self._t.get("abstain", "part", part=part.rstrip("?") + "?")
        # The deal answers only part of what was asked: the answer says what it does say and
        # what it does not, and counts as an abstention ("How much does the academy get, and
        # how many will it train?" where the deal gives neither figure for it).
        draft.abstained = bool(silent)
        return draft

    def _own_search(self, sub: AnswerRequest) -> list[Span] | None:
        """A part the question's passages are silent on, answered from the passages retrieved
        for the part alone ("Which company is described as a leading provider of molecular
        testing solutions, and who does it plan to team up with?")."""
        if self._retrieve is None:
            return None
        hits = self._retrieve(sub.standalone)
        if not hits or {h.passage.passage_id for h in hits} <= {
                h.passage.passage_id for h in sub.hits[: self.max_passages]}:
            return None  # nothing new to read
        own = replace(sub, hits=hits)
        _, q_terms, cands = self._candidates(own)
        return self._select(own, q_terms, cands) if cands else None

    def _names_said(self, named: QuestionAnalysis, said: str) -> bool:
        """``said`` names every name the part itself gives (``named``: the part as asked, not
        what it borrows)."""
        return not named.names or self.selector.names_all_in(named, said)

    def _part_request(self, req: AnswerRequest, part: str, first_part: str,
                      borrowed: str) -> tuple[AnswerRequest, bool, QuestionAnalysis]:
        """The request for one part of a compound question, whether it inherits the
        question's names (a part naming nothing is about what the question named), and the
        part's own analysis, as asked (its names are its own)."""
        names = req.analysis.names
        first = [Turn(q=first_part, a="")]  # what a later part's "it" may refer to
        analysis = bare = analyse_question(part)
        # ("what is Thermo Fisher spending on its facility?": "its" is the part's own name's)
        own = analysis.names and re.search(rf"\b{re.escape(analysis.names[0])}\b[^?]*?\b(?:its|"
                                           r"their)\b", part)
        topic = _TOPIC_RE.match(first_part)
        if part is not first_part and analysis.names and topic \
                and topic.group(1).lower() not in part.lower():
            # "Stevenage manufacturing centre: what money is going to expand it, and what is
            # Thermo Fisher spending alongside?": the topic set before the first part is that of
            # a later part naming its own subject too (one naming none takes the question's)
            part = f"{topic.group(1)}: {part}"
            analysis = analyse_question(part)
        # "What is Thermo Fisher spending on its CryoHub, and how big will the facility be?"
        # (names only a later part gives are not the first part's where that part asks of
        # something else: "Which new public body is meant to pull the disciplines closer, and
        # which Harwell institute ...?"; they are where it refers back to the first, "Which
        # town is it in, and how much is Thermo Fisher putting into a CryoHub beside it?")
        inherit = bool(names) and not analysis.names and (
            part is not first_part or not _asks_apart(req.question, part, names))
        if borrowed and part is first_part and is_followup(part, first):
            # "How often does it meet, and how often do sector deals report to BEIS?" after a
            # turn about the board: "it" is the board (the borrowed words), not BEIS.
            inherit = False
        # "Match each place to what the deal says is there: Harwell, Hampton and Crumlin":
        # each part asks of its own place (no name, but the part's subject), and refers back to
        # no other part
        each = each_listed(req.question) is not None and bool(analysis.places)
        inherit = inherit and not each
        if inherit:
            analysis = replace(analysis, names=names, places=req.analysis.places)
        standalone = f"{part} ({' '.join(names)}){borrowed}" if inherit else f"{part}{borrowed}"
        if part is not first_part and not inherit and not own and not each \
                and is_followup(part, first):
            # "..., and which hospital services might it shake up?": "it" is the first part's
            # subject, resolved as a follow-up to it would be ...
            standalone = resolve_followup(part, first) + borrowed
            # ... and is its subject as much as the names the part gives: "how much Challenge
            # Fund money is going into expanding it?" asks of the centre.
            analysis = replace(analysis, names=tuple(dict.fromkeys(
                analysis.names + analyse_question(standalone).names)))
        sub = replace(req, question=part, standalone=standalone, analysis=analysis,
                      query_vec=self._embed(standalone) if self._embed else req.query_vec,
                      restated=self._restate(standalone) if self._restate else "")
        return sub, inherit, bare

    def _dated_sum(self, spans: list[Span], stated: tuple[str, ...], part: str) -> list[Span]:
        """"Which Challenge Fund pot is aimed at the shortage, and when was it announced?": the
        dated table's row for the sum the quotes so far give ("Oct 2017: £16m ISCF Wave 1
        funding announced for viral vectors competition"), where one row states it; the
        retrieved passages need not reach the table."""
        sums = {a.text.strip() for s in spans for a in money_amounts(s.quote)} - set(stated)
        rows = [c for c in self._timeline_rows
                if any(a.text.strip() in sums for a in money_amounts(c.text))]
        if not rows:
            # ... else the row for the sum of the list the quote is an item of ("£12m on a
            # Medicines Manufacturing Innovation Centre" under "A £146m investment programme
            # from the Industrial Strategy Challenge Fund ...:"; "Aug 2017: £146m ... Wave 1
            # announced"), where the part asks about that row ("... the wave that funds it").
            lead = lead_in_sums(spans) - set(stated)
            rows = [c for c in self._timeline_rows
                    if any(a.text.strip() in lead for a in money_amounts(c.text))
                    and terms(c.text) & set(tokenize(part))]
        return [Span.of_unit(rows[0].passage, rows[0].unit)] if len(rows) == 1 else []


def _merged(spans: list[Span], new: list[Span], *, own_fact: bool = False,
            adds: Callable[[str], bool] | None = None) -> list[Span]:
    """``spans`` plus ``new``: a new quote that contains an earlier one of the same passage
    replaces it (a part's answer extends the last: "... grant from Scottish Enterprise. It
    forms part of a total investment of £9.7m"); one restating an earlier fact is dropped,
    unless the part needed a date or figure of its ``own_fact`` and the restatement adds one
    ("... announced in February this year ..., creating 50 new jobs in Wales by 2020"), or it
    ``adds`` what the part asks."""
    out = list(spans)
    before = _figures(" ".join(o.quote for o in out)) if own_fact else set()
    for g in new:
        wider = [i for i, o in enumerate(out) if o.passage is g.passage
                 and g.start <= o.start and o.end <= g.end]
        if wider:
            out[wider[0]] = g
            out = [o for i, o in enumerate(out) if i not in wider[1:]]
        elif not any(same_fact(g.quote, o.quote) for o in out) \
                or own_fact and _figures(g.quote) - before or adds is not None and adds(g.quote):
            out.append(g)
    return out


def _figures(text: str) -> set[str]:
    """The years and sums ``text`` states, as written (lower case)."""
    return {m.group().lower() for r in (CALENDAR_YEAR_RE, MONEY_RE) for m in r.finditer(text)}


def _asks_apart(question: str, first_part: str, names: tuple[str, ...]) -> bool:
    """Do ``names`` (the question's) belong to what follows ``first_part`` alone, asked of
    something else: given after it, and not referring back to it ("..., and which Harwell
    institute ...?"; not "..., and how much is Thermo Fisher putting into a CryoHub beside
    it?")?"""
    at = question.find(first_part)
    if at < 0:
        return False
    head, rest = question[: at + len(first_part)], question[at + len(first_part):]
    return not any(n in head for n in names) \
        and not is_followup(rest, [Turn(q=first_part, a="")])
