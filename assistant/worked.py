"""Answers worked out from several facts the deal states: sums and differences of two
figures (assistant/arithmetic.py, the two chosen by assistant/figure_pairs.py), a figure shared
out (assistant/per_unit.py), the months between two dated events (assistant/dates_between.py),
what two things have in common (assistant/in_common.py), shares of a whole, a period's rows of
a dated table (assistant/period_rows.py), the timetable's order (assistant/timeline.py), the
points between two percentages (assistant/points_gap.py), and
listed things summed or ranked by their figures (assistant/ranking.py). Each quotes the facts
verbatim and shows its working. Answers gathered from the whole deal (every mention of a
topic, a place, a name or a sum) are in assistant/deal_wide.py.

``WorkedAnswers`` is mixed into ``ExtractiveAnswerer``, whose ``quoter``, ``selector``,
``_stats``, ``_t`` (templates), ``_passages``, ``_timeline_rows`` and ``_answer`` (spans ->
draft) it uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from itertools import islice

from assistant.acronyms import with_names_spelt
from assistant.arithmetic import (Figure, Operation, compute, compute_on_sum, compute_sum,
                                  detect_operation, figures_in)
from assistant.asks import asks_year
from assistant.compose import Span, numbered_on
from assistant.counted_share import pick_counted_share, pick_summed_share
from assistant.dates_between import (SCAN, date_order, event_sides, is_dated, listed_events,
                                     month_year, months_between, named_units, pick_dates)
from assistant.evidence import CALENDAR_YEAR_RE, RELATIVE_YEAR_RE, YEAR_OFFSET
from assistant.extremes import asks_extreme, claimed_item, extreme_items
from assistant.figure_pairs import (OPTION_DEPTH, compared_sides, pick_listed, pick_pair,
                                    pick_part)
from assistant.given_figures import gives_figure, given_working, set_against
from assistant.in_common import pick_common
from assistant.per_unit import money_words, per_noun, share_in
from assistant.named_anywhere import sum_mentions
from assistant.period_rows import Period, asked_period, asks_schedule, rows_in_period
from assistant.points_gap import asks_points_gap, points_gap
from assistant.relative_change import asks_relative, relative_change
from assistant.rest_share import asks_rest_share, rest_share
from assistant.quoting import REFERENCE_SECTIONS, is_reference
from assistant.ranking import asks_ranking, order_working
from assistant.request import AnswerDraft, AnswerRequest
from assistant.scoring import Candidate, same_fact
from assistant.sides import listed_sides, names_in_side, names_side
from assistant.summed_side import summed_sides
from assistant.timeline import WHOLE_TABLE, Position, TimelineAsk, gap_months, timeline_rows
from dealqa.types import AnswerType, Passage
from retrieval.text import money_amounts, tokenize

__all__ = ["WorkedAnswers", "adding_restatement", "asks_total", "operation_of",
           "RESTATED_RATIO"]


class WorkedAnswers:
    """The worked answers of ``ExtractiveAnswerer`` (see the module docstring)."""

    def _shown(self, req, spans: list[Span], key: str, **values: object) -> AnswerDraft:
        """The answer quoting ``spans``, then its working (the ``arithmetic`` template
        ``key``, filled with ``values``)."""
        draft = self._answer(req, spans)
        draft.text += " " + self._t.get("arithmetic", key, **values)
        return draft

    def _arithmetic(self, req, q_terms, cands: list[Candidate],
                    op: Operation) -> AnswerDraft | None:
        """Quote the two figures (see figure_pairs.pick_pair) and show the sum or difference;
        a sum of three or more things the question lists, each thing's figure."""
        listed = listed_sides(req.question) if op is Operation.SUM else None
        if listed is not None:
            worked = self._listed_sum(req, q_terms, self._with_named(listed, cands), listed)
            if worked is not None or not _asks_amount(req):
                return worked
        # (not every name the question gives is a thing set side by side: "how much of the
        # ISCF package goes to A and B?" names the whole too, so only listed things, and the
        # two things a comparison names, are looked for beyond what was retrieved)
        sides = compared_sides(req.question, op)
        if sides is not None:
            cands = self._with_named(list(sides), cands)
        pair = pick_pair(req.analysis, q_terms, cands, self._stats, op, req.standalone)
        return None if pair is None else self._worked(req, q_terms, pair, op)

    def _worked(self, req, q_terms, pair, op: Operation) -> AnswerDraft | None:
        (c1, f1), (c2, f2) = pair
        working = compute(op, f1, f2)
        if working is None:
            return None
        spans = [self.quoter.anchor_span(q_terms, c1, f1.text)]
        # One quote stating both figures ("from 22 companies in 2012 to 64 in 2017") is enough,
        # wherever else the second one is restated; two things compared are each quoted.
        # (as are two equal sums stated apart: "£12m on a ... Centre" and "£12m on the
        # expansion ...", where the first quote's "£12m" is its own)
        apart = (op in (Operation.COMPARE, Operation.RATIO, Operation.PERCENT)
                 or f1.text == f2.text) and c1.unit is not c2.unit
        if apart or not _states(spans[0].quote, f2.text):
            spans.append(self.quoter.anchor_span(q_terms, c2, f2.text))
        draft = self._shown(req, spans, op.value, working=working)
        same = self._same_figure(req, q_terms, working, [c1, c2]) \
            if _SAME_FIGURE_RE.search(req.question) else []
        if not same:
            return draft
        # (the units stating the result elsewhere quoted after the working, numbered on)
        more = self._answer(req, same)
        text, citations = numbered_on(more.text, more.citations, len(draft.citations))
        draft.text += " " + self._t.get("arithmetic", "same_figure",
                                        value=money_amounts(working)[-1].text) + " " + text
        draft.citations += citations
        return draft

    def _same_figure(self, req, q_terms, working: str, used: list[Candidate]) -> list[Span]:
        """"... and which figure elsewhere equals that gap?": the units stating the working's
        result (its last sum), other than those it was worked from, quoted around it."""
        result = money_amounts(working)
        if not result:
            return []
        taken = {(c.passage.passage_id, c.unit_index) for c in used}
        found = [(p, i, written) for p, i, written, _ in
                 sum_mentions(self._passages, result[-1].text, REFERENCE_SECTIONS)
                 if (p.passage_id, i) not in taken]
        return [self.quoter.anchor_span(q_terms, Candidate.of_unit(p, i), written,
                                        max_chars=MENTION_QUOTE_CHARS)
                for p, i, written in found[:MAX_SAME_FIGURES]]

    def _summed_side(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"Which is bigger: A, or B and C put together, and by how much?": B's and C's
        figures added, and the total set against A's (each figure quoted)."""
        found = summed_sides(req.question)
        if found is None:
            return None
        parts, other = found
        picked = pick_listed(req.analysis, q_terms, self._with_named([*parts, other], cands),
                             self._stats, [*parts, other])
        if not picked:
            return None
        working = compute_on_sum(Operation.COMPARE, picked[2][1], [f for _, f in picked[:2]])
        return self._shown(req, self._figure_spans(q_terms, picked), Operation.COMPARE.value,
                           working=working) if working else None

    def _listed_sum(self, req, q_terms, cands: list[Candidate],
                    sides: list[str]) -> AnswerDraft | None:
        """"Add together the three pots - A, B and C": each side's figure quoted (one quote
        for figures stated together), then the sum of all of them."""
        picked = pick_listed(req.analysis, q_terms, cands, self._stats, sides)
        working = compute_sum([f for _, f in picked]) if picked else None
        if working is None:
            return None
        return self._shown(req, self._figure_spans(q_terms, picked), Operation.SUM.value,
                           working=working)

    def _ranked(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"Rank these from smallest to largest: A, B, C and D": each thing's figure quoted (as
        for a listed sum), then all of them in the order asked."""
        descending = asks_ranking(req.question)
        sides = listed_sides(req.question) if descending is not None else None
        if not sides:
            return None
        picked = pick_listed(req.analysis, q_terms, self._with_named(sides, cands), self._stats,
                             sides)
        # (each thing by its own name: "the Nexus innovation centre" is not the Medicines
        # Manufacturing Innovation Centre)
        if not picked or not all(names_side(side, c) for side, (c, _) in zip(sides, picked)):
            return None
        working = order_working([(side, f) for side, (_, f) in zip(sides, picked)], descending)
        if working is None:
            return None
        return self._shown(req, self._figure_spans(q_terms, picked), "order", working=working)

    def _with_named(self, things: list[str], cands: list[Candidate]) -> list[Candidate]:
        """``cands`` with, among the units whose figures are weighed, units stating a figure
        for each thing no retrieved unit names: things set side by side are often far apart
        in the deal ("the Nexus innovation centre" in Leeds, "AstraZeneca's Cambridge
        facility"), and one retrieval rarely reaches them all."""
        top = cands[:OPTION_DEPTH]
        extra = [c for thing in things if not any(names_side(thing, c) for c in top)
                 for c in self._naming(thing)]
        if not extra:
            return cands
        keep = max(OPTION_DEPTH - len(extra), 0)
        return cands[:keep] + extra + cands[keep:]

    def _naming(self, thing: str) -> list[Candidate]:
        """The units anywhere in the deal that name what ``thing`` names and state a figure
        (none for a thing that names nothing)."""
        if not names_in_side(thing):
            return []
        units = (Candidate.of_unit(p, i) for p in self._passages if not is_reference(p)
                 for i in range(len(p.units)))
        return list(islice((c for c in units if figures_in(c.text) and names_side(thing, c)),
                           NAMED_LOOKUP))

    def _figure_spans(self, q_terms, picked: list[tuple[Candidate, Figure]]) -> list[Span]:
        """A quote around each picked figure; one for figures a quote of the same unit already
        states (not another unit's equal sum: "£12m on a ... Centre" is not "£12m on the
        expansion ...")."""
        spans: list[Span] = []
        for c, f in picked:
            if not any(s.passage is c.passage and s.start < c.unit.end and c.unit.start < s.end
                       and _states(s.quote, f.text) for s in spans):
                spans.append(self.quoter.anchor_span(q_terms, c, f.text))
        return spans

    def _part_asked(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"How much of the £146m programme is set aside for collaborative R&D?": the part's
        figure and the whole's, each quoted (one quote where one unit states both), and the
        share the part is of the whole."""
        pair = pick_part(req.analysis, q_terms, cands, self._stats)
        return None if pair is None else self._worked(req, q_terms, pair, Operation.PERCENT)

    def _counted_share(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"What percentage of the regional centres get nurse funding?": the unit counting
        both ("22 regional transplant centres, 10 of which receive ...") quoted, and the share
        worked out (see assistant/counted_share.py)."""
        found = pick_counted_share(req.question, cands)
        working = compute(Operation.PERCENT, found[1], found[2]) if found else None
        summed = pick_summed_share(req.question, cands) if working is None else None
        if summed is not None:
            # "What share of Vertex's UK staff work at its Oxford site?": the whole is the
            # counts added ("128 + 140 = 268; 140 ÷ 268 = about 52.2% (roughly 52%)")
            working = compute_on_sum(Operation.PERCENT, summed[1], summed[2])
            found = summed if working else None
        if working is None:
            return None
        # (one unit states both counts: quoted whole, not cut around each)
        return self._shown(req, [Span.of_unit(found[0].passage, found[0].unit)],
                           Operation.PERCENT.value, working=working)

    def _dated_rows(self, req, table: Passage, rows: list[int], period: Period) -> AnswerDraft:
        """"List everything the implementation plan has scheduled for 2018": each of the
        table's rows dated in the period, quoted whole, in the table's order."""
        spans = [Span.of_unit(table, table.units[i]) for i in rows]
        return self._listed(req, spans, self._t.get("list", "period", period=period.label))

    def _month_rows(self, req) -> AnswerDraft | None:
        """"Which milestone in the timeline falls in October 2017?": the dated table's rows in
        the month (or part of a year) asked, even one, wherever retrieval ranked them; a
        sentence dated another month answers nothing asked."""
        a = req.analysis
        period = asked_period(req.question) if a.answer_type not in (
            AnswerType.AMOUNT, AnswerType.DATE) and asks_schedule(req.question) else None
        if period is None or period.month is None:
            return None
        tables = dict.fromkeys(c.passage for c in self._timeline_rows)
        spans = [Span.of_unit(p, p.units[i]) for p in tables for i in rows_in_period(p, period)]
        return self._listed(req, spans, self._t.get("list", "period", period=period.label)) \
            if spans else None

    def _timeline(self, req, ask: TimelineAsk, cands: list[Candidate],
                  ratio: float) -> AnswerDraft | None:
        """"What were the next two steps after phase one was announced?": the rows at that
        place in the deal's dated table, quoted whole, in date order."""
        found = timeline_rows(ask, req.standalone, cands, ratio)
        if found is None and ask.position in WHOLE_TABLE and self._timeline_rows:
            # "How many milestones does the key activities table list?" names the table and
            # asks for all of it: read it, retrieved or not.
            found = timeline_rows(ask, req.standalone, self._timeline_rows, ratio)
        if found is None:
            return None
        spans = [Span.of_unit(found.passage, found.passage.units[i]) for i in found.rows]
        if ask.total:  # (the rows giving a sum, each quoted, and the sums added)
            spans = [s for s in spans if any(f.currency for f in figures_in(s.quote))]
            sums = [f for s in spans for f in figures_in(s.quote) if f.currency]
            working = compute_sum(sums) if len(sums) > 1 else None
            return self._shown(req, spans, Operation.SUM.value, working=working) \
                if working is not None else None
        if ask.position is Position.GAP:
            months = gap_months(found.passage, found.rows)
            intro = self._t.get("list", "timeline_gap", months=months,
                                which="longest" if ask.longest else "shortest")
            return self._listed(req, spans, intro)
        intro = self._t.get("list", f"timeline_{ask.position.value}", anchor=found.anchor_label(),
                            count=len(spans), subject=ask.subject, period=ask.period_label(),
                            offset=ask.offset_label())
        return self._listed(req, spans, intro)

    def _shared_out(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"Averaged out, how much a year?": a figure among the best units shared over the
        count the same unit states ("over £20bn ... over 10 years"), quoted, with the working."""
        noun = per_noun(req.question)
        if noun is None:
            return None
        top = cands[0].relevance
        kind = money_words(req.question)
        for c in cands[:SHARE_DEPTH]:
            share = share_in(c.text, noun, kind)
            if share is not None and c.relevance >= SHARE_RATIO * top \
                    and self.selector.about_subject(req.analysis, c):
                # One quote holding both the figure and what it is shared over.
                span = self.quoter.anchor_span(q_terms, c, share.figure.text,
                                               also=share.divisor, max_chars=SHARE_QUOTE_CHARS)
                return self._shown(req, [span], "share", working=share.working)
        return None

    def _given(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """A figure the question gives, worked with the one a top unit states (see
        assistant/given_figures.py); "counting from the deal's publication", the year of the
        deal's own announcement in its timeline, quoted too."""
        question, row = self._from_deal_year(req.question, cands[0].passage.doc_id)
        # (the cue first: the coverage check is the costly part, and most questions give none)
        if not gives_figure(question) or not self.selector.covered(req, q_terms, cands[0],
                                                                   cands):
            return None
        against = set_against(question)
        if against is not None:
            # (the sum a worked total is set against is the question's: its own unit, however
            # well it matches, holds no figure to work with)
            cands = [c for c in cands if against.value not in
                     {f.value for f in figures_in(c.text) if f.currency}] or cands
        key, also = ("from_deal", [Span.of_unit(row.passage, row.unit)]) if row else ("given", [])
        return self._unit_working(req, q_terms, cands, partial(given_working, question), key,
                                  also=also)

    def _from_deal_year(self, question: str, doc_id: str) -> tuple[str, Candidate | None]:
        """``question`` with the year it counts from where it counts from the deal itself
        ("counted from the deal's publication (2017)"), and the timeline row dating the deal;
        ``question`` and None where it does not, or gives a year of its own."""
        m = _FROM_DEAL_RE.search(question)
        announced = self._announced(doc_id) if m and not CALENDAR_YEAR_RE.search(question) \
            else None
        if announced is None:
            return question, None
        row, year = announced
        return f"{question[:m.end()]} ({year}){question[m.end():]}", row

    def _points_gap(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"How many percentage points bigger is A than B?": the two percentages a covered top
        unit states in one sentence, one less the other (see assistant/points_gap.py)."""
        if not asks_points_gap(req.question) or not self.selector.covered(req, q_terms, cands[0],
                                                                          cands):
            return None
        return self._unit_working(req, q_terms, cands, points_gap, "difference")

    def _relative(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"In percentage terms, how much does public R&D investment grow ...?": the change a
        top unit states "from A to B", as a share of A (see assistant/relative_change.py)."""
        if not asks_relative(req.question):
            return None
        return self._unit_working(req, q_terms, cands, relative_change, "relative")

    def _rest_share(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"What slice of its products is left for customers at home?": 100 per cent less the
        share the chosen unit states ("98 per cent of which are exported"; see
        assistant/rest_share.py)."""
        if not asks_rest_share(req.question, req.analysis.wants_percent):
            return None
        best = self.selector.choose(req, cands)
        found = rest_share(best.text, req.question) if best is not None else None
        if found is None or not self.selector.covered(req, q_terms, best, cands):
            return None
        span = self.quoter.anchor_span(q_terms, best, found.anchor, max_chars=SHARE_QUOTE_CHARS)
        return self._shown(req, [span], "rest", working=found.working)

    def _dated_by_deal(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"The deal says Novo Nordisk announced its centre 'this year'. Which year is that?":
        the year of the deal's own announcement in its timeline ("Dec 2017  Phase one of the
        Life Sciences Sector Deal announced"), moved on or back as the unit's words say ("next
        year": 2018), both quoted. Only where the question gives no year (then
        ``given_figures`` works from that one)."""
        if not asks_year(req.question) or CALENDAR_YEAR_RE.search(req.question):
            return None
        best = self.selector.choose(req, cands)
        said = RELATIVE_YEAR_RE.search(best.text) if best is not None else None
        if said is None or not self.selector.covered(req, q_terms, best, cands):
            return None
        # "this year" must date what is asked: a word next to it is one the question asks with
        # ("Novo Nordisk this year announced ..." for "In what year did Novo Nordisk
        # announce ...?"; not "... announced in February this year that they will centralise
        # ..." for the year its jobs are due), and it is no span of time ("in the last year").
        a, b = said.span()
        if best.text[max(0, a - 4):a].lower() == "the ":
            return None
        near = " ".join(best.text[:a].split()[-3:] + best.text[b:].split()[:3])
        asked = {t for t in tokenize(req.question) if not self._stats.common(t)} \
            - {t for n in req.analysis.names for t in tokenize(n)} - _YEAR_ASK_WORDS
        if not asked & set(tokenize(near)):
            return None
        announced = self._announced(best.passage.doc_id)
        if announced is None:
            return None
        row, year = announced
        which = said.group("which").lower()
        span = self.quoter.anchor_span(q_terms, best, said.group(), max_chars=SHARE_QUOTE_CHARS)
        working = (f"“{said.group()}” in a deal announced in {year} is "
                   f"{year + YEAR_OFFSET[which]}")
        return self._shown(req, [span, Span.of_unit(row.passage, row.unit)], "dated",
                           working=working)

    def _announced(self, doc_id: str) -> tuple[Candidate, int] | None:
        """The timeline row announcing the document (see ``_announced_row``) and its year."""
        row = self._announced_row(doc_id)
        return (row, int(CALENDAR_YEAR_RE.search(row.text).group())) if row else None

    def _announced_row(self, doc_id: str) -> Candidate | None:
        """The timeline row announcing the document itself: it names the document (its title
        after any "Industrial Strategy:") with a year and "announced", "published", "launched"
        or "agreed"."""
        name = self._composer.title(doc_id).rsplit(":", 1)[-1].strip().lower()
        return next((r for r in self._timeline_rows if name and r.passage.doc_id == doc_id
                     and name in r.text.lower() and CALENDAR_YEAR_RE.search(r.text)
                     and _ANNOUNCED_RE.search(r.text)), None) if name else None

    def _unit_working(self, req, q_terms, cands: list[Candidate], work, key: str,
                      max_chars: int | None = None, also: list[Span] | None = None
                      ) -> AnswerDraft | None:
        """The first top unit ``work`` (text -> its ``anchor`` and ``working``, or None) works
        something out from: quoted around the anchor (then ``also``, quotes the working uses
        too), with the working (template ``key``)."""
        for c in cands[:GIVEN_DEPTH]:
            found = work(c.text)
            if found is not None:
                span = self.quoter.anchor_span(q_terms, c, found.anchor,
                                               max_chars=max_chars or SHARE_QUOTE_CHARS)
                return self._shown(req, [span, *(also or [])], key, working=found.working)
        return None

    def _extreme(self, req, cands: list[Candidate]) -> AnswerDraft | None:
        """"Which items in the £146m programme get the least money?": the list item (or items
        tied) with the extreme sum among the lists the top units belong to (see
        assistant/extremes.py), quoted, with how it ranks."""
        which = asks_extreme(req.question)
        if which is None or req.analysis.answer_type is AnswerType.DATE:
            return None
        stated = frozenset(a.text.strip() for a in money_amounts(req.question))
        for c in cands[:EXTREME_DEPTH]:
            found = extreme_items(c, which, stated)
            if found is not None:
                # (an item a claim names beside it: "Is it true that collaborative R&D gets the
                # biggest slice?" is answered by both sums)
                asked = frozenset(tokenize(req.question))
                named = claimed_item(c, asked, self._stats.common)
                shown = found.items + ([named] if named is not None and named not in found.items
                                       else [])
                spans = [Span.of_unit(c.passage, c.passage.units[j]) for j in shown]
                return self._shown(req, spans, "extreme", which=which, n=found.ranked,
                                   value=found.figure.text)
        return None

    def _listed(self, req, spans: list[Span], intro: str) -> AnswerDraft:
        """The draft quoting ``spans`` as a list, whatever the question's type, under
        ``intro``."""
        as_list = replace(req, analysis=replace(req.analysis, answer_type=AnswerType.LIST))
        return self._answer(as_list, spans, intro=intro)

    def _between(self, req, q_terms, cands: list[Candidate]) -> AnswerDraft | None:
        """"How long between the strategy's launch and the Annual Review?": each event's
        month and year quoted, and the months between them; three or more events asked to be
        put in date order, each dated and quoted, in order."""
        listed = listed_events(req.question)
        sides = listed if listed and len(listed) > 2 else event_sides(req.question)
        # (a side's abbreviation is also its name: "ISCF Wave 1" is the timeline's "Industrial
        # Strategy Challenge Fund Wave 1")
        sides = sides and [with_names_spelt(s, self._passages, self._spelt) for s in sides]
        # ("in eighteen months' time" counts from the deal's own announcement)
        row = self._announced_row(cands[0].passage.doc_id) if cands else None
        written = month_year(row.text) if row is not None else None
        pair = pick_dates(sides, cands, self._stats, written=written)
        for more in self._dated_elsewhere(sides):
            if pair is not None:
                break
            if more:  # (the retrieved units alone were tried above)
                pair = pick_dates(sides, cands[:SCAN] + more, self._stats,
                                  scan=SCAN + len(more), written=written)
        if pair is None:
            return None
        spans: list[Span] = []
        for d in pair:
            span = self.quoter.anchor_span(q_terms, d.candidate, d.text)
            if all(s.quote != span.quote for s in spans):
                spans.append(span)
        if row is not None and any(d.counted_from for d in pair):
            spans.append(Span.of_unit(row.passage, row.unit))  # what it is counted from
        if len(pair) > 2:
            return self._shown(req, spans, "date_order", working=date_order(pair))
        return self._shown(req, spans, "between", working=months_between(*pair))

    def _dated_elsewhere(self, sides) -> Iterator[list[Candidate]]:
        """Where else, in turn, the events ``sides`` name may be dated when the retrieved units
        do not date them: the deal's timeline ("... the same month as the Industrial Strategy
        with its £210m ...?": "Nov 2017\tIndustrial Strategy including up to £210m ..."); then
        anywhere in the deal, in the units naming what a side names ("Vertex ... has
        significantly increased its footprint in the UK since 2015", in a passage retrieval
        ranked low; "the target year" names nothing to look for). Each is built only when
        asked for."""
        yield self._timeline_rows
        yield named_units(sides, self._dated_units)
        yield self._dated_by_search(sides)

    def _dated_by_search(self, sides) -> list[Candidate]:
        """The dated units of the passages the retriever ranks first for each side on its own
        ("Order these three by date: A, B and C": each event may lie in its own chapter)."""
        if self._retrieve is None:
            return []
        found: dict[tuple[str, int], Candidate] = {}
        for side in sides:
            for hit in self._retrieve(side)[:SIDE_PASSAGES]:
                p = hit.passage
                for i in range(len(p.units)):
                    c = Candidate.of_unit(p, i)
                    if is_dated(c):
                        found.setdefault((p.passage_id, i), c)
        return list(found.values())

    def _in_common(self, req, q_terms, cands: list[Candidate], sides) -> AnswerDraft | None:
        """"Which city is home to both A and B?": the place (or name) the units about A and
        about B both give, each unit quoted."""
        found = pick_common(req.question, sides, req.analysis.answer_type, cands, self._stats)
        if found is None:
            return None
        name, c1, c2 = found
        spans = [self.quoter.anchor_span(q_terms, c, name) for c in (c1, c2)]
        return self._shown(req, spans, "common", working=name)


_TOTAL_RE = re.compile(r"\b(?:in total|altogether|all told|overall|total)\b", re.IGNORECASE)
_ADDS_TO = re.compile(r"\b(?:in addition to|on top of|as well as) (?:the |its |their )?(?:c\.\s?)?"
                      r"\d[\d,]*\b", re.IGNORECASE)


# "How many jobs will it create?" asks for the new ones only; "how many already work there?"
# for those already there: a part, not the total.
_PART_RE = re.compile(r"\bhow many (?:[a-z-]+ )?(?:new|additional|extra|more)\b|"
                      r"\b(?:creat\w*|adds?|added|adding|bring\w*|generat\w*|already|currently|"
                      r"existing|at present|today)\b", re.IGNORECASE)


MAX_SAME_FIGURES = 2  # units elsewhere stating a worked result, quoted
# "... and which figure on the overview page happens to equal that gap?", "what else comes to
# the same amount?": the worked result looked up across the deal
_SAME_FIGURE_RE = re.compile(r"\b(?:which|what)\b[^?]*\b(?:figure|sum|amount|item|line|"
                             r"commitment|budget)\b[^?]*\b(?:equals?|matche?s|is the same as|"
                             r"comes? to the same)\b|\b(?:what|which) else\b[^?]*\b(?:comes? to|"
                             r"is worth) the same\b", re.IGNORECASE)
SIDE_PASSAGES = 3  # passages read for each event put in date order, where nothing else dates it
MENTION_QUOTE_CHARS = 200  # a mention is asked about for what stands around the name
# A figure to share out is looked for in the best few units, about as relevant as the best.
SHARE_DEPTH = 3
SHARE_RATIO = 0.8
SHARE_QUOTE_CHARS = 260
SERIES_QUOTE_CHARS = 420  # a series of names counted is quoted whole, with its clause
EXTREME_DEPTH = 3  # the top units whose lists are ranked
GIVEN_DEPTH = 3  # the units a figure the question gives is worked with
NAMED_LOOKUP = 4  # units naming a thing set side by side, where none was retrieved
# A restatement this close to the best unit's relevance may stand in for it.
RESTATED_RATIO = 0.9


def _states(quote: str, figure: str) -> bool:
    """Does ``quote`` state ``figure`` ("£12m", not within "£12.5m" or "£120m")?"""
    return bool(re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", quote))


def adding_restatement(cands: list[Candidate]) -> Candidate | None:
    """The best unit, or a near-tied restatement of it among the next two, that adds a figure
    to one already there ("... in addition to the 600 staff already there")."""
    best = cands[0]
    return next((c for c in cands[:3] if _ADDS_TO.search(c.text) and (c is best or (
        c.relevance >= RESTATED_RATIO * best.relevance and same_fact(c.text, best.text)))), None)


def asks_total(req: AnswerRequest) -> bool:
    """A count question asking for a total ("... how many people will it have there in total?",
    "... how many staff will be on the site once it is running?"), not for what is new."""
    q = req.question
    return bool(req.analysis.count_noun) and bool(_TOTAL_RE.search(q) or not _PART_RE.search(q))


_YEAR_ASK_WORDS = frozenset(tokenize("year calendar deal say says said"))
_ANNOUNCED_RE = re.compile(r"\b(?:announced|published|launched|agreed)\b", re.IGNORECASE)
# "counted from the deal's publication", "counting back from the deal": the year it came out
_FROM_DEAL_RE = re.compile(r"\bcount(?:s|ed|ing)?(?: back| on| forward)? from (?:the (?:deal|"
                           r"document)(?:['’]s (?:publication|announcement|launch|date))?|"
                           r"(?:its |the )?(?:publication|announcement))\b", re.IGNORECASE)
_TIMING_RE = re.compile(r"\b(?:months?|dates?|earlier|sooner|falls? (?:in|on|within))\b",
                        re.IGNORECASE)


# (both named: "them" leaves the two to be found, which the figures alone do not do well)
_SUMS_GAP_RE = re.compile(r"^(?=.*(?:[£$€]\d|\b(?:sums?|amounts?|funding|money)\b))"
                          r".*\bgap between\b[^?]+\band\b", re.IGNORECASE)


def operation_of(req: AnswerRequest) -> Operation | None:
    """A sum or difference, only for a question asking for a figure: "What does the deal bring
    together?" and "What is the difference between the two reviews?" are not arithmetic."""
    a = req.analysis
    op = detect_operation(req.question)
    if op is not Operation.PERCENT and (a.wants_percent or _TIMING_RE.search(req.question)):
        # "How many more percentage points ...?" sets rates against each other, "Which falls
        # in that month: the higher credit or ...?" dates: neither is worked on the sums and
        # counts ``figures_in`` reads.
        return None
    if op in (Operation.COMPARE, Operation.RATIO, Operation.PERCENT):
        # "Which gets more: the centre or the expansion?" names no amount but sets two
        # against each other; figures answer it where the deal gives them.
        return op
    if op is Operation.DIFFERENCE and _SUMS_GAP_RE.search(req.question):
        # "What's the gap between the funding for Leeds and the Oxfordshire Housing Deal?": a
        # gap between sums is a difference, however the ask is worded.
        return op
    if op is Operation.SUM and listed_sides(req.question) and not _OTHER_ASK_RE.search(
            req.question):
        # "If A, B and C all deliver, what do those three release together?" asks a sum of
        # the figures of the things it lists, however it asks for the figure.
        return op
    if op is Operation.SUM and summed_sides(req.question) is not None:
        # "Does the money for A exceed B and C combined?": a sum set against a third thing's
        # figure, asked yes or no
        return op
    return op if _asks_amount(req) else None


def _asks_amount(req: AnswerRequest) -> bool:
    return AnswerType.AMOUNT in (req.analysis.answer_type, *req.analysis.also)


# A question asking who, where, when or why lists things for another reason than their sum.
_OTHER_ASK_RE = re.compile(r"\b(?:who|whom|whose|which|where|when|why)\b", re.IGNORECASE)
