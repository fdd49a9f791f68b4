"""The default answerer: composes a short answer from verbatim spans, or abstains. No LLM.

1. Score every unit of the retrieved passages (assistant/scoring.py).
2. Choose the unit that answers: relevant enough, holding what the answer type needs, stated
   about the question's subject (assistant/selection.py, assistant/coverage.py). None: abstain,
   and show the nearest thing the deal does say.
3. Quote it: a list question gets the list's items; other questions get one span, plus a second
   when it adds a fact; long units are trimmed to their best clauses (assistant/quoting.py).
4. Sums, differences, shares, dates between and places as a whole quote the facts and show the
   working (assistant/worked.py); a compound question ("How often does it meet, and how often
   ...?") is answered part by part (assistant/compound.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

import numpy as np

from assistant.arithmetic import Operation
from assistant.asks import (acts_re, asks_conditions, asks_figure_source, asks_source,
                            states_figure)
from assistant.closest_meaning import CLOSEST_QUOTE_CHARS, closest_in_meaning
from assistant.compose import Composer, Span, lies_within
from assistant.compound import CompoundAnswers
from assistant.count_nouns import plural
from assistant.dates_between import asks_between, is_dated
from assistant.deal_wide import DealWideAnswers
from assistant.evidence import GENERIC_NAMES, HONORIFICS, has_number, states_share_of
from assistant.figure_pairs import compared_sides
from assistant.followup import asks_more
from assistant.fuller import fuller_restatement, fuller_statement
from assistant.in_common import common_sides
from assistant.kinds import kind_word, unnamed_kind
from assistant.listing import announces, is_lead_in
from assistant.misattributed import misattributed, party_of
from assistant.more_named import asks_many, more_named
from assistant.name_match import states_name
from assistant.named_anywhere import asked_sum_mentions
from assistant.named_count import asks_across, asks_named_count, named_count
from assistant.one_more import asked_one_more, one_more
from assistant.per_unit import asks_average
from assistant.period_end import asks_end, period_end
from assistant.period_rows import asked_period, dated_only, dated_table, row_date
from assistant.plain_words import PLAIN_WEIGHT
from assistant.place_scope import scoped_place
from assistant.named_parts import NamedParts
from assistant.premise_units import past_premise
from assistant.question_parts import split_parts
from assistant.quoting import (BORROWED_WEIGHT, REFERENCE_SECTIONS, Quoter, is_reference,
                               with_antecedent)
from assistant.rise_rest import asks_rise_rest, rise_rest
from assistant.signatures import asks_signatories, signature_spans, with_name_line
from assistant.request import AnswerDraft, AnswerRequest
from assistant.restated import other_version
from assistant.scoring import Candidate, TermStats, repeats, same_fact, score_candidates
from assistant.selection import RELEVANT_RATIO, WIDER_RATIO, Selector
from assistant.sentence_vectors import SentenceVectors
from assistant.templates import Templates
from assistant.timeline import asked_position, named_row, table_naming_words
from assistant.total_parts import asks_parts, find_parts
from assistant.worked import (SERIES_QUOTE_CHARS, WorkedAnswers, adding_restatement, asks_total,
                              operation_of)
from assistant.year_span import asks_year_span, year_span
from dealqa.conditions import is_condition
from dealqa.types import AnswerType, Hit, Passage
from retrieval.text import money_amounts, tokenize

__all__ = ["ExtractiveAnswerer", "AnswerDraft", "AnswerRequest"]

_SIGNED_DOC_RE = re.compile(r"\b(?:sign(?:s|ed)?|signatories|signatures?)\s+(?:(?:of|on|to)\s+)?"
                            r"(?:the |this )?(?:sector deal|deal|document|foreword|it)\b",
                            re.IGNORECASE)
# "Who is Greg Clark?", "What is Jeremy Hunt's role?", "What is his job?"
_WHO_IS_RE = re.compile(  # bounded repeats: no catastrophic backtracking on long questions
    r"^(?:who(?:['’]s| is| was) (?P<name>[\w'’.-]+(?: [\w'’.-]+){0,5})\??$"
    r"|what(?:['’]s| is| was) (?P<owner>[\w'’.-]+(?: [\w'’.-]+){0,4}?)['’]?s? "
    r"(?:job|role|title|position|post)\??$"
    # "What university post is held by Sir John Bell?", "What academic post does he hold?"
    r"|what (?:[\w-]+ ){0,2}(?:job|role|title|position|post|office) (?:is|was) held by "
    r"(?P<holder>[\w'’.-]+(?: [\w'’.-]+){0,5}?)\??$"
    r"|what (?:[\w-]+ ){0,2}(?:job|role|title|position|post|office) (?:does|did) "
    r"(?P<subject>[\w'’.-]+(?: [\w'’.-]+){0,5}?) hold\b)", re.IGNORECASE)
PART_ANSWERED = 0.6  # a compound question's part is answered by quotes holding this much of it




# Words of the asker's manner, not the question's content ("Why is the government so *keen*
# on ...?", "How do they *actually* get ...?"): matching them finds other sentences that use
# them ("... is keen to take forward this approach"), so they do not count towards a match.
FILLER_WORDS = frozenset(tokenize(
    "actually really exactly specifically basically supposed keen bother bothering reckon "
    "reckons tell please sort kind lots stuff thing things get gets got meant "
    # (words about the document, not its content: "Illumina gets a single mention")
    "mention mentions mentioned mentioning"))


# Words by which a question names a document, whatever its title, not what it asks about.
_DOCUMENT_WORDS = "deal document"


def _footnoted(c: Candidate) -> bool:
    """A footnote marker stands inside ``c``'s unit."""
    return any(c.unit.start <= f.start < c.unit.end for f in c.passage.footnotes)


class ExtractiveAnswerer(WorkedAnswers, DealWideAnswers, CompoundAnswers):
    """Answerer contract: ``run(AnswerRequest) -> AnswerDraft`` (see assistant/assistant.py)."""

    def __init__(self, composer: Composer, stats: TermStats, unit_vectors, templates: Templates,
                 *, passages: Sequence[Passage] = (), max_passages: int = 6,
                 max_chars: int = 500,
                 embed: Callable[[str], np.ndarray] | None = None,
                 restate: Callable[[str], str] | None = None,
                 retrieve: Callable[[str], list[Hit]] | None = None,
                 sentence_vectors: SentenceVectors | None = None) -> None:
        if max_passages <= 0:
            raise ValueError(f"max_passages must be > 0, got {max_passages}")
        if max_chars < 80:
            raise ValueError(f"max_chars must be >= 80, got {max_chars}")
        self._composer = composer
        self._stats = stats
        self._unit_vectors = unit_vectors  # callable: (hits) -> {(passage_id, i): vec}
        # text -> query vector, for the parts of a compound question (the whole question's
        # vector is used when there is none)
        self._embed = embed
        # text -> the text in the deal's words (assistant/plain_words.py), for the parts of a
        # compound question ("which part of Wales for medical devices?" ~ "medtech")
        self._restate = restate
        # text -> the retriever's ranking for it, for a part of a compound question the
        # passages retrieved for the whole question are silent on (None: those passages only)
        self._retrieve = retrieve
        self._t = templates
        self.selector = Selector(stats)
        self.quoter = Quoter(stats, self.selector, passages=passages, max_chars=max_chars,
                             sentence_vectors=sentence_vectors)
        self.max_passages = max_passages
        self.max_chars = max_chars
        self._passages = list(passages)
        self._signed = [p for p in passages if signature_spans(p)]  # signature blocks
        # Every dated table row ("Nov 2017\tIndustrial Strategy ..."), once: an event the
        # retrieved passages do not date may be dated there (see WorkedAnswers._between).
        self._timeline_rows = [Candidate.of_unit(p, i) for p in self._passages
                               for i in range(len(p.units)) if row_date(p, i)]
        # Every unit, where what the deal says of a party is looked for (misattributed.py) ...
        self._units = [Candidate.of_unit(p, i) for p in self._passages for i in range(len(p.units))]
        # ... and every unit that dates anything, for an event neither dates
        self._dated_units = [c for c in self._units if is_dated(c)]
        self._spelt: dict[str, str | None] = {}  # abbreviation -> the name the deal spells
        # The document's parts and headings a question may name (see assistant/named_parts.py).
        # (the parts a question may name; the assistant's retrieval step leads with them too)
        self.named_parts = NamedParts(self._passages)

    # -- public -------------------------------------------------------------------------------
    def run(self, req: AnswerRequest) -> AnswerDraft:
        ask = asked_position(req.question)
        prepared = self._candidates(req) if ask is not None else None
        if prepared and prepared[2]:
            # "What is the final milestone in the plan, and when is it due?" is one ask of a
            # timeline's order, not two questions.
            timed = self._timeline(req, ask, prepared[2], RELEVANT_RATIO)
            if timed is not None:
                return timed
        numbers = self._numbers_asked(req) or self._deal_extremes(req)
        if numbers is not None:
            return numbers
        parts = split_parts(req.question)
        op = operation_of(req)
        # ("A $100m figure is attached to two companies. Which, and what does it mean in each
        # case?": every mention of the sum answers both parts)
        if len(parts) > 1 and op is None and not asks_signatories(req.question) \
                and not asked_sum_mentions(req.question):
            # ("Who signed the foreword, and what posts did they hold?": the signature block,
            # names with their titles, answers both.)
            if asks_between(req.question):
                # "Which came first, A or B, and in which months?": the two dates, compared,
                # answer both.
                prepared = prepared or self._candidates(req)
                worked = self._between(req, prepared[1], prepared[2]) if prepared[2] else None
                if worked is not None:
                    return worked
            # ("What post does he hold, and at which university?": a signatory's line, with
            # the title, answers both)
            return self._signatory_role(req) or self._compound(req, parts)
        hits, q_terms, cands = prepared or self._candidates(req)
        if not cands:
            return self._abstain(req, None)
        signed = self._signatories(req, hits) or self._signatory_role(req)
        if signed:
            return signed
        named = self._whole_deal(req, q_terms)
        if named is not None:
            return named
        place = scoped_place(req.question, req.analysis.answer_type)
        placed = self._in_place(req, q_terms, cands, place) if place else None
        if placed is not None:
            return placed
        swept = self._swept(req, q_terms)
        if swept is not None:
            return swept
        if asks_between(req.question):
            worked = self._between(req, q_terms, cands)
            if worked is not None:
                return worked
        ends = self._unit_working(req, q_terms, cands, partial(period_end, req.question), "ends") \
            if asks_end(req.question) else None
        if ends is not None:
            return ends
        given = self._given(req, q_terms, cands)
        if given is not None:
            return given
        relative = self._relative(req, q_terms, cands) or self._rest_share(req, q_terms, cands) \
            or self._points_gap(req, q_terms, cands)
        if relative is not None:
            return relative
        rest = self._unit_working(req, q_terms, cands, partial(rise_rest, req.question),
                                  "difference") if asks_rise_rest(req.question) else None
        if rest is not None:
            return rest
        dated = self._dated_by_deal(req, q_terms, cands)
        if dated is not None:
            return dated
        ranked = self._ranked(req, q_terms, cands)
        if ranked is not None:
            return ranked
        extreme = self._extreme(req, cands)
        if extreme is not None:
            return extreme
        sides = common_sides(req.question, req.analysis.answer_type)
        worked = self._in_common(req, q_terms, cands, sides) if sides else None
        if worked is not None:
            return worked
        total = asks_parts(req.question) if op in (None, Operation.SUM) else None
        parts = find_parts(total, cands) if total is not None else None
        worked = self._worked(req, q_terms, parts, Operation.SUM) if parts else None
        if worked is not None:
            return worked
        shared = self._shared_out(req, q_terms, cands) if asks_average(req.question) else None
        if shared is not None:
            return shared
        part = self._part_asked(req, q_terms, cands) if op is None and \
            req.analysis.answer_type is AnswerType.AMOUNT else None
        if part is not None:
            return part
        share = self._counted_share(req, q_terms, cands) if op is None \
            and req.analysis.wants_percent \
            and self.selector.covered(req, q_terms, cands[0], cands) else None
        if share is not None:
            return share
        thing = asked_one_more(req.question)
        more = self._unit_working(req, q_terms, cands, partial(one_more, thing=thing), "sum") \
            if thing else None
        if more is not None:
            # "Counting the hub, how many sites does the network connect?": "a ... hub and 22
            # regional transplant centres", one more than the count (assistant/one_more.py)
            return more
        adds = adding_restatement(cands) if op is None and asks_total(req) else None
        if adds is not None:
            # "How many staff will it have there in total?" answered by "creating nearly 100
            # jobs, in addition to the 600 staff already there": the total is a sum. Where the
            # deal restates the fact, the near-tied restatement giving the staff already there
            # answers (the key commitments' "creating nearly 100 jobs" alone does not).
            cands = [adds] + [c for c in cands if not same_fact(c.text, adds.text)]
            op = Operation.SUM
        summed = self._summed_side(req, q_terms, cands) if op is not None else None
        if summed is not None:
            # "Which is bigger: A, or B and C put together?": a sum set against a figure
            return summed
        if op is not None and (self.selector.covered(req, q_terms, cands[0], cands)
                               or compared_sides(req.question, op) is not None):
            # (a share of two sums the question itself gives is worked out: "What share of the
            # £12.5bn does the £2.3bn uplift make up?" is not "... increase by a third")
            sums = {a.value for a in money_amounts(req.question)}
            stated = self._select(req, q_terms, cands) \
                if op is Operation.PERCENT and len(sums) < 2 else None
            # "98 per cent of which are exported": a share the deal states; "support will
            # increase by a third" states a change, and "2.4 per cent of GDP" a share of what
            # the question does not ask about
            asked = frozenset(tokenize(req.question))
            if stated and any(states_share_of(s.quote, asked) for s in stated):
                return self._answer(req, stated)
            # A sum or difference spans two subjects: the one-subject checks do not apply.
            worked = self._arithmetic(req, q_terms, cands, op)
            if worked is not None:
                return worked
        period = asked_period(req.question) if req.analysis.answer_type in (
            AnswerType.LIST, AnswerType.DESCRIPTION) else None
        table = dated_table(cands, period, RELEVANT_RATIO) if period else None
        if table is not None:
            return self._dated_rows(req, *table, period)
        month = self._month_rows(req)
        if month is not None:
            return month
        spans = self._select(req, q_terms, cands)
        a = req.analysis
        if not spans and a.answer_type is AnswerType.ENTITY and not a.asks_role \
                and unnamed_kind(a.kind_noun, req.question):
            # "Which parts of the vision does the deal support?" asks for things no proper name
            # names; where no text lists or exemplifies them, the text that says which answers
            # it as a description would ("to invest in all parts of the country"): "the deal
            # does not name the parts" would say the deal is silent when it is not.
            spans = self._select(replace(req, analysis=replace(
                a, answer_type=AnswerType.DESCRIPTION, kind_noun=None)), q_terms, cands)
        wrong = self._misattributed(req, cands, spans)
        if wrong is not None:
            return wrong
        spanned = self._unit_working(req, q_terms, cands, year_span, "between") \
            if not spans and asks_year_span(req.question) else None
        if spanned is not None:
            return spanned
        counted = self._unit_working(req, q_terms, cands,
                                     partial(named_count, across=asks_across(req.question)),
                                     "counted", SERIES_QUOTE_CHARS) \
            if not spans and asks_named_count(req.question) else None
        if counted is not None:
            return counted
        closest = closest_in_meaning(cands, spans[0]) \
            if spans and len(spans) == 1 and a.answer_type is AnswerType.DESCRIPTION else None
        if closest is not None:
            # (asked in other words than the deal's: the unit closest in meaning beside the one
            # matching the words, assistant/closest_meaning.py)
            spans = spans + [self.quoter.span(req, q_terms, closest, CLOSEST_QUOTE_CHARS)]
        return self._answer(req, spans) if spans else self._abstain(req, cands[0])

    # -- steps --------------------------------------------------------------------------------
    def _candidates(self, req: AnswerRequest) -> tuple[list[Hit], list[str], list[Candidate]]:
        hits = self.named_parts.with_part(req.question, list(req.hits)[: self.max_passages])
        # Words of what the question sets aside ("leaving aside the viral vector top-up") do
        # not count towards a match.
        excluded = set(tokenize(req.analysis.excluded)) | FILLER_WORDS \
            | table_naming_words(req.question)
        q_terms = [t for t in tokenize(req.standalone) if t not in excluded]
        if not hits:
            return hits, q_terms, []
        own = set(tokenize(req.question))
        # Words a follow-up borrowed from the last turn locate the topic; its own words say
        # what is asked now, so they weigh more when choosing the sentence.
        weights = {t: (1.0 if t in own else BORROWED_WEIGHT) for t in q_terms}
        # The deal's words for the question's everyday ones rank units too, more lightly.
        plain = [t for t in dict.fromkeys(tokenize(req.plain_words)) if t not in weights]
        weights.update({t: PLAIN_WEIGHT for t in plain})
        cands = score_candidates(hits, self._unit_vectors(hits), req.query_vec, q_terms + plain,
                                 self._stats, weights, req.previous_answer)
        if req.previous_answer and asks_more(req.question):
            # "Is there anything aimed at investors from abroad as well?": more than the last
            # answer gave, so not what it said again.
            cands = [c for c in cands if not repeats(c.text, req.previous_answer)] or cands
        if asks_figure_source(req.question):
            # "Where do the figures ... come from, according to the references?": the unit
            # stating them is the support, and its footnote's entry is quoted with it; a
            # References entry chosen for its words would be some other figure's source.
            if states_figure(req.question):
                cands = [c for c in cands if not is_reference(c.passage)] or cands
            elif cands and not is_reference(cands[0].passage):
                # "The figures on advanced therapy company growth carry a reference": figures
                # the question names without stating them are those of a unit carrying a
                # footnote (its marker inside the unit), where one is near the top. (A
                # References entry on top is the source named: "Which years' annual reviews
                # are cited ...?")
                top = cands[0].relevance
                cands = [c for c in cands if c.relevance >= WIDER_RATIO * top
                         and _footnoted(c)] or cands
        return hits, q_terms, past_premise(req.question, self.named_parts.in_part(req, cands))

    def _select(self, req: AnswerRequest, q_terms: list[str],
                cands: list[Candidate]) -> list[Span] | None:
        """The quotes that answer ``req``, or None when the deal does not say."""
        row = self._named_timeline_row(req, cands)
        if row is not None:
            return [Span.of_unit(row.passage, row.unit)]
        best = self.selector.choose(req, cands)
        kind = req.analysis.answer_type
        if best is not None and dated_only(req.question, kind, best) and kind is AnswerType.DATE:
            # Asked when something starts, a row dating something else ("Aug 2017\tWave 1
            # announced") gives way to the best of the rest ("April 2018\tProjects allocated
            # funding under ISCF Wave 1 begin").
            rest = [c for c in cands if not dated_only(req.question, kind, c)]
            best = self.selector.choose(req, rest) if rest else None
        if best is not None and dated_only(req.question, kind, best):
            return None
        # A unit under the heading the question names ("the Ideas policies of the Industrial
        # Strategy") is where it asked to look, whatever words it shares with the question.
        if best is None or not (self.selector.covered(req, q_terms, best, cands) or
                                NamedParts.names_path(req, set(tokenize(req.question)),
                                                      best.passage.section)):
            row = self._named_timeline_row(req, cands, by_names=True)
            return [Span.of_unit(row.passage, row.unit)] if row is not None else None
        if req.analysis.answer_type in (AnswerType.DESCRIPTION, AnswerType.LIST):
            best = fuller_statement(best, cands, q_terms, self._stats) or best
            best = fuller_restatement(best, cands) or best
        if is_reference(best.passage) and is_condition(best.text):
            # "Which funding is subject to Treasury approval?": the figures carrying the note.
            # (A source the deal cites, "Medicines Manufacturing Industry Partnership (2017),
            # Manufacturing Vision for UK Pharma", answers by itself, as any unit does.)
            spans = self.quoter.footnote_spans(req, q_terms, best)
            if spans:
                return spans
        # A lead-in ("A £146m programme will support ..., including:") brings its items, unless
        # it already holds the fact a non-list question asks for.
        # A description question's needs are met by any text, so there a lead-in that states
        # nothing itself ("Industry-led skills initiatives:") brings its items too; one with a
        # figure, asked how firm it is ("Is the £210m guaranteed?"), answers alone.
        a = req.analysis
        announces = a.answer_type is AnswerType.DESCRIPTION and not has_number(best.text) \
            and not asks_conditions(req.question)
        if a.answer_type is AnswerType.LIST or is_lead_in(best) and (
                announces or not self.selector.needs(a)(best.text)):
            return self.quoter.list_spans(req, q_terms, best, cands)
        spans = self.quoter.spans(req, q_terms, best, cands)
        also = self._acts_also(req, best, cands) if len(spans) == 1 else None
        if also is not None:
            # "What will the collaborative do?": "... will work to streamline pathways to
            # market ..." and, a paragraph on, "... will facilitate bespoke partnerships ...".
            spans.append(Span.of_unit(also.passage, also.unit))
        elif a.answer_type is AnswerType.DESCRIPTION and len(spans) == 1:
            nxt = self.quoter.follow_on(q_terms, best)
            if nxt is not None and nxt.start >= spans[0].end:
                spans.append(nxt)
            else:
                # A description often goes on in the next sentence: one quote, one citation.
                spans = [self.quoter.continued(q_terms, best, spans[0]) or spans[0]]
        if not spans:
            return spans
        first = with_name_line(best, spans[0]) if a.answer_type is AnswerType.ENTITY else spans[0]
        first = with_antecedent(first, self._stats, self.max_chars - _rest(spans[1:]))
        spans = [first] + [s for s in spans[1:] if not first.start <= s.start < first.end]
        if a.answer_type is AnswerType.ENTITY and asks_many(a):
            spans += more_named(self.selector, self.quoter, req, q_terms, best, cands, spans)
        # "from mid-2018" here, "in summer 2018" there: both versions (see assistant/restated.py)
        other = other_version(best, req.question, a.answer_type is AnswerType.DATE,
                              self._passages, REFERENCE_SECTIONS) if len(spans) == 1 else None
        if other is not None:
            spans.append(self.quoter.anchor_span(q_terms, *other))
        return spans

    @staticmethod
    def _acts_also(req: AnswerRequest, best: Candidate, cands: list[Candidate]
                   ) -> Candidate | None:
        """Asked what its subject does, another relevant unit where the same subject acts
        (``asks.acts_re``) and says something else; None where there is none."""
        acts = acts_re(req.question, req.standalone) \
            if req.analysis.answer_type is AnswerType.DESCRIPTION else None
        if acts is None or not acts.search(best.text):
            return None
        top = max(c.relevance for c in cands)
        return next((c for c in cands if c.relevance >= RELEVANT_RATIO * top
                     and c.text != best.text and acts.search(c.text)
                     and not same_fact(c.text, best.text)), None)

    def _answers(self, req: AnswerRequest, text: str) -> bool:
        """``text`` holds what ``req`` asks for and most of its words, with those it refers back
        to ("how many of them are there now?": the first part's subject)."""
        # ("with what headcount?": a part none of whose words the deal uses is answered by
        # what it asks for, "2,000 staff", whatever words the quotes share)
        own = [t for t in tokenize(req.question) if self._stats.known(t)]
        # (its own words, or with those it borrows: "how much is X putting into it" is answered
        # by a quote of X's investment, whatever the first part's words)
        # (or in the deal's words: "which part of Wales for medical devices?" is answered by
        # "medtech in South Wales")
        return self.selector.needs(req.analysis)(text) and (
            not own or max(self.selector.question_share(q, text)
                           for q in (req.question, req.standalone, req.restated) if q)
            >= PART_ANSWERED)

    def _named_timeline_row(self, req: AnswerRequest, cands: list[Candidate], *,
                            by_names: bool = False) -> Candidate | None:
        """"In which month's Budget was the rate rise announced, according to the timeline?":
        the dated table's row for it, where the retrieved units hold no row (``named_row``).
        ``by_names``: for a question not naming the timeline, where nothing retrieved answers
        ("... published alongside the Budget, and in which month?"): the row naming it."""
        if req.analysis.answer_type is not AnswerType.DATE or any(
                row_date(c.passage, c.unit_index) for c in cands):
            return None
        if not by_names:
            return named_row(req.question, self._timeline_rows, self._stats)
        names = tuple(n for n in req.analysis.names if n.lower() not in GENERIC_NAMES)
        return named_row(req.question, self._timeline_rows, self._stats, names) \
            if names else None

    def _signatories(self, req: AnswerRequest, hits: list[Hit]) -> AnswerDraft | None:
        """"Who signed the foreword?": the signature block of the retrieved passage that has one,
        the one in the section the question names first, as a list of names with their titles."""
        if not asks_signatories(req.question):
            return None
        asked = set(tokenize(req.question))
        blocks = [(h, spans) for h in hits if (spans := signature_spans(h.passage))]
        if not blocks and _SIGNED_DOC_RE.search(req.question):
            # "Who signed the deal?" names no part to retrieve: the document's own signature
            # blocks answer, wherever they are. ("Which trust signed the agreement with J&J?"
            # asks about another signature.)
            blocks = [(Hit(p, 0.0, len(hits) + i), signature_spans(p))
                      for i, p in enumerate(self._signed, start=1)]
        if not blocks:
            return None
        _, spans = max(blocks, key=lambda b: (bool(asked & set(tokenize(" ".join(
            b[0].passage.section)))), -b[0].rank))
        as_list = replace(req, analysis=replace(req.analysis, answer_type=AnswerType.LIST))
        return self._answer(as_list, spans)

    def _signatory_role(self, req: AnswerRequest) -> AnswerDraft | None:
        """"Who is Greg Clark?", "What is his job?" (after a turn naming John Bell): a person
        who signed the deal is answered by their signature line, name with title ("Rt Hon Greg
        Clark MP — Secretary of State for Business, Energy and Industrial Strategy")."""
        m = _WHO_IS_RE.match(req.question.strip())
        if m is None:
            return None
        person = next((g for g in m.group("name", "owner", "holder", "subject") if g), "")
        if person.lower() in {"he", "she", "his", "her", "they", "their"}:
            person = req.standalone[len(req.question.strip()):]  # the words it borrowed
        wanted = {t for t in tokenize(person) if t not in HONORIFICS}
        if not wanted:
            return None
        for p in self._signed:
            for span in signature_spans(p):
                name_line = span.quote.split("\n")[0]
                if wanted <= set(tokenize(name_line)) or (
                        len(wanted) > 2 and len(wanted & set(tokenize(name_line))) >= 2):
                    return self._answer(req, [span])
        return None

    # -- output -------------------------------------------------------------------------------
    def _misattributed(self, req: AnswerRequest, cands: list[Candidate],
                       spans: list[Span] | None) -> AnswerDraft | None:
        """"Why is NHS England going to own the new pathway?": the deal says it of another
        party; both that and what it says of the one named are quoted (misattributed.py)."""
        party = party_of(req.analysis)
        if party is None or spans and any(states_name(party, s.quote) for s in spans):
            return None  # the answer found names the party asked about
        found = misattributed(req.analysis, cands, self._units, self._stats)
        if found is None:
            return None
        q_terms = tokenize(req.standalone)
        # (each quoted whole where it fits; else the other's sentence where it names them)
        half = self.max_chars // 2
        other, own = (Span.of_unit(c.passage, c.unit) if len(c.text) <= half
                      else self.quoter.anchor_span(q_terms, c, name, max_chars=half) if name
                      else self.quoter.span(req, q_terms, c, half)
                      for c, name in ((found.other, found.other_name), (found.own, "")))
        head = self._t.get("misattributed", "other", name=found.party)
        tail = self._t.get("misattributed", "own", name=found.party)
        citations = [self._composer.citation(1, other), self._composer.citation(2, own)]
        text = f"{head} {Composer.render(other, 1)} {tail} {Composer.render(own, 2)}"
        return AnswerDraft(text=text, citations=citations, abstained=False,
                           caveats=self._composer.caveats([other, own], []))

    def _answer(self, req: AnswerRequest, spans: list[Span], *,
                intro: str | None = None) -> AnswerDraft:
        """The draft quoting ``spans``; a list's ``intro`` says what it gathers (default: "The
        deal lists:")."""
        if asks_conditions(req.question):
            # The conditions stated beside the quote answer "is it firm?": quote and cite them.
            # (conditions of what the question asks about: sharing one of its words, other than
            # those naming the document itself, "the Life Sciences Sector Deal")
            named = " ".join(self._composer.title(d).rsplit(":", 1)[-1]
                             for d in {s.passage.doc_id for s in spans})
            about = frozenset(tokenize(req.standalone)) - frozenset(
                tokenize(f"{_DOCUMENT_WORDS} {named}"))
            extra = Composer.condition_spans(spans, about) or Composer.restated_condition_spans(
                spans, [h.passage for h in req.hits])
            spans = spans + extra[:2]
        if asks_source(req.question):
            spans = spans + self._sources(spans)
        spans = _distinct(spans)
        refs = self._composer.conditions(spans)
        entries = self._entries(req, spans, refs)
        citations = [self._composer.citation(n, s)
                     for n, s in enumerate(spans + list(entries.values()), start=1)]
        rendered = [Composer.render(s, n) for n, s in enumerate(spans, start=1)]
        if len(spans) > 2 and announces(spans[0]) and spans[1].start >= spans[0].end:
            # A lead-in and its items: the lead-in introduces the list it quotes.
            text = f"{rendered[0]}:\n" + "\n".join(f"• {r}" for r in rendered[1:])
        elif req.analysis.answer_type is AnswerType.LIST and len(spans) > 1:
            intro = self._t.get("list", "intro") if intro is None else intro
            text = intro + "\n" + "\n".join(f"• {r}" for r in rendered)
        else:
            text = " ".join(rendered)
        if refs:
            cited = {t: len(spans) + i for i, t in enumerate(entries, start=1)}
            text += " " + self._composer.condition_inline(refs, cited)
        caveats = self._composer.caveats(spans, refs)
        return AnswerDraft(text=text, citations=citations, abstained=False, caveats=caveats)

    def _sources(self, spans: list[Span]) -> list[Span]:
        """The References entries of the footnotes anchored in ``spans`` ("... more than £1.3bn
        in investment raised since 2013¹²" -> "12. Cell and Gene Therapy Catapult Annual
        Reviews (2016 and 2017)"), each once, for a question about where a figure comes from."""
        out: list[Span] = []
        for s in spans:
            for f in s.passage.footnotes:
                entry = self.quoter.footnote_entry(s.passage.doc_id, f) \
                    if s.start <= f.start < s.end else None
                if entry is not None and all(entry.quote != o.quote for o in spans + out):
                    out.append(entry)
        return out

    def _entries(self, req: AnswerRequest, spans: list[Span], refs) -> dict[str, Span]:
        """Asked how firm a figure is, the footnote is the answer: its References entry is
        quoted and cited, once per condition (the same words under several markers)."""
        if not asks_conditions(req.question):
            return {}
        out: dict[str, Span] = {}
        for s in spans:
            for f in refs:
                key = f.text.rstrip(".")
                if s.start <= f.start < s.end and key not in out:
                    entry = self.quoter.footnote_entry(s.passage.doc_id, f)
                    if entry is not None:
                        out[key] = entry
        return dict(sorted(out.items()))

    def _abstain(self, req: AnswerRequest, nearest: Candidate | None) -> AnswerDraft:
        a = req.analysis
        key = "count" if a.count_noun else a.answer_type.value
        noun = plural(a.count_noun) if a.count_noun else ""
        kind = kind_word(a.question, a.kind_noun)
        if a.answer_type is AnswerType.ENTITY and a.kind_noun and kind:
            key, noun = "kind", kind  # "The deal does not name the hospitals." / "... the drug."
        head = self._t.get("abstain", key, noun=noun)
        if nearest is None:
            return AnswerDraft(text=head, citations=[], abstained=True,
                               caveats=self._composer.status_caveats())
        span = self.quoter.span(req, tokenize(req.standalone), nearest, 280)
        citation = self._composer.citation(1, span)
        nearby = self._t.get("abstain", "nearby", nearby=Composer.render(span, 1))
        return AnswerDraft(text=f"{head} {nearby}", citations=[citation], abstained=True,
                           caveats=self._composer.caveats([span], []))


def _distinct(spans: list[Span]) -> list[Span]:
    """``spans`` less any lying wholly within an earlier one of the same document: overlapping
    passages (and two steps finding the same sentence) must not quote it twice."""
    kept: list[Span] = []
    for s in spans:
        if not lies_within(s, kept):
            kept.append(s)
    return kept


def _rest(spans: list[Span]) -> int:
    """Characters the other quotes of an answer take."""
    return sum(len(s.quote) + 6 for s in spans)
