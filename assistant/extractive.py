"""The default answerer: composes a short answer from verbatim spans, or abstains. No LLM.

1. Score every unit of the retrieved passages (assistant/scoring.py).
2. Keep the units relevant enough to the question; among them, pick the best one that holds what
   the answer type needs (an amount for "how much", a date for "when" ...). None: abstain, and show
   the nearest thing the deal does say.
3. Abstain too when the question's most specific words (names, rare terms) are nowhere in the
   support: the deal is silent on that, whatever the nearest passage says.
4. A list question gets the list's items; other questions get one span, plus a second when it is
   nearly as good and adds a fact. Long units are trimmed to their best clauses (assistant/spans.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.compose import CONDITION_RE, Composer, Span, figure_for
from assistant.evidence import has_calendar_date, has_count_of, has_slot, satisfies
from assistant.question import COUNT_NOUN_SYNONYMS, QuestionAnalysis, analyse_question, split_parts
from assistant.scoring import Candidate, TermStats, score_candidates, terms
from assistant.arithmetic import Operation, compute, detect_operation, figures_in
from assistant.spans import best_window, clause_bounds, strip_bullet, tidy_end
from assistant.templates import Templates
from dealqa.types import AnswerType, Citation, FootnoteRef, Hit, Passage, UnitKind
from retrieval.text import stem, tokenize

__all__ = ["ExtractiveAnswerer", "AnswerDraft", "AnswerRequest"]

RELEVANT_RATIO = 0.8  # a unit is "relevant" when its relevance is within 80% of the best one
FOLLOWUP_RATIO = 0.5  # ... or within 50% for a follow-up's own words (see _choose)
MIN_COVERAGE = 0.3  # IDF-weighted share of question terms the support must contain ...
BORROWED_WEIGHT = 0.4
SECOND_SPAN_RATIO = 0.85
SECOND_SPAN_GAIN = 0.15  # a second span must cover this much more of the question
TIE_RATIO = 0.95  # candidates within 5% of the best one's relevance are near-ties
PART_ANSWERED = 0.6  # a compound question's part is answered by quotes holding this much of it
SUBJECT_COVERAGE = 0.5
OFF_TOPIC_DENSE = 0.48  # below this cosine *and* MIN_COVERAGE, the support is about something else
# Types whose fact must be stated about the question's named subject (a name question's subject
# is often referred to indirectly, "the programme", so ENTITY is not checked).
SUBJECT_BOUND = frozenset({AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PLACE})
MAX_LIST_ITEMS = 6
NEAR_CHARS = 60  # how far around a figure its subject is looked for (arithmetic)
SIBLING_RATIO = 0.3
REFERENCE_SECTIONS = frozenset({"references", "notes", "endnotes", "footnotes"})


@dataclass(frozen=True)
class AnswerRequest:
    question: str  # as asked
    standalone: str  # after follow-up resolution
    analysis: QuestionAnalysis
    hits: Sequence[Hit]
    query_vec: np.ndarray
    previous_answer: str = ""  # shown to the user last turn; not repeated as the answer


@dataclass
class AnswerDraft:
    text: str
    citations: list[Citation]
    abstained: bool
    caveats: list[str] = field(default_factory=list)


class ExtractiveAnswerer:
    """Answerer contract: ``run(AnswerRequest) -> AnswerDraft`` (see assistant/assistant.py)."""

    def __init__(self, composer: Composer, stats: TermStats, unit_vectors, templates: Templates,
                 *, passages: Sequence[Passage] = (), max_passages: int = 6,
                 max_chars: int = 400, embed=None) -> None:
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
        self._t = templates
        # Footnote text -> the passages whose figures carry it, for "which funding is subject
        # to Treasury approval?": the References entry is found, the figures are the answer.
        self._footnoted: dict[str, list[tuple[Passage, FootnoteRef]]] = {}
        for p in passages:
            for f in p.footnotes:
                self._footnoted.setdefault(_norm(f.text), []).append((p, f))
        self.max_passages = max_passages
        self.max_chars = max_chars

    # -- public -------------------------------------------------------------------------------
    def run(self, req: AnswerRequest) -> AnswerDraft:
        parts = split_parts(req.question)
        op = _operation(req)
        if len(parts) > 1 and op is None:
            return self._compound(req, parts)
        hits, q_terms, cands = self._candidates(req)
        if not cands:
            return self._abstain(req, None)
        if op is not None and self._covered(req, q_terms, cands[0], cands[0]):
            # A sum or difference spans two subjects: the one-subject checks below do not apply.
            worked = self._arithmetic(req, q_terms, cands, op)
            if worked is not None:
                return worked
        spans = self._select(req, q_terms, cands)
        return self._answer(req, spans) if spans else self._abstain(req, cands[0])

    def _candidates(self, req: AnswerRequest) -> tuple[list[Hit], list[str], list[Candidate]]:
        hits = list(req.hits)[: self.max_passages]
        # Words of what the question sets aside ("leaving aside the viral vector top-up") do
        # not count towards a match.
        excluded = set(tokenize(req.analysis.excluded))
        q_terms = [t for t in tokenize(req.standalone) if t not in excluded]
        if not hits:
            return hits, q_terms, []
        own = set(tokenize(req.question))
        # Words a follow-up borrowed from the last turn locate the topic; its own words say
        # what is asked now, so they weigh more when choosing the sentence.
        weights = {t: (1.0 if t in own else BORROWED_WEIGHT) for t in q_terms}
        cands = score_candidates(hits, self._unit_vectors(hits), req.query_vec, q_terms,
                                 self._stats, weights, req.previous_answer)
        return hits, q_terms, cands

    def _select(self, req: AnswerRequest, q_terms: list[str],
                cands: list[Candidate]) -> list[Span] | None:
        """The quotes that answer ``req``, or None when the deal does not say."""
        best = self._choose(req, cands)
        if best is None or not self._covered(req, q_terms, best, cands[0]):
            return None
        if best.passage.section and best.passage.section[0].lower() in REFERENCE_SECTIONS:
            spans = self._footnote_spans(req, q_terms, best)
            if spans:
                return spans
        # A lead-in ("A £146m programme will support ..., including:") brings its items, unless
        # it already holds the fact a non-list question asks for.
        if req.analysis.answer_type is AnswerType.LIST or \
                _is_lead_in(best) and not self._needs(req.analysis)(best.text):
            return self._list_spans(req, q_terms, best, cands)
        return self._spans(req, q_terms, best, cands)

    def _answers(self, req: AnswerRequest, text: str) -> bool:
        """``text`` holds what ``req`` asks for and most of its words."""
        own = [t for t in tokenize(req.question) if self._stats.known(t)]
        return self._needs(req.analysis)(text) and \
            self._stats.coverage(own, terms(text)) >= PART_ANSWERED

    def _compound(self, req: AnswerRequest, parts: list[str]) -> AnswerDraft:
        """Two questions in one ("How often does it meet, and how often does progress go to
        ministers?"): each part is answered on its own (its own type, subject and checks) from
        the same retrieved passages, and the quotes are joined. A part the deal is silent on
        is said to be so; if all are, the answer abstains."""
        borrowed = req.standalone.strip()[len(req.question.strip()):] \
            if req.standalone.strip().startswith(req.question.strip()) else ""
        spans: list[Span] = []
        silent: list[str] = []
        for part in parts:
            standalone = f"{part}{borrowed}"
            sub = replace(req, question=part, standalone=standalone, analysis=analyse_question(part),
                          query_vec=self._embed(standalone) if self._embed else req.query_vec)
            if spans and self._answers(sub, " ".join(s.quote for s in spans)):
                continue  # the quotes so far already say it
            _, q_terms, cands = self._candidates(sub)
            got = self._select(sub, q_terms, cands) if cands else None
            if not got:
                silent.append(part)
                continue
            spans += [g for g in got if not any(_same_fact(g.quote, o.quote) for o in spans)]
        if not spans:
            _, _, cands = self._candidates(req)
            return self._abstain(req, cands[0] if cands else None)
        draft = self._answer(req, spans)
        for part in silent:
            draft.text += " " + self._t.get("abstain", "part", part=part.rstrip("?") + "?")
        return draft

    # -- selection ----------------------------------------------------------------------------
    def _needs(self, a: QuestionAnalysis, *, all_types: bool = True):
        nouns = COUNT_NOUN_SYNONYMS.get(a.count_noun, ()) if a.count_noun else ()
        any_count = bool(a.count_noun) and not nouns
        kinds = (a.answer_type, *a.also) if all_types else (a.answer_type,)
        known = self._known(a)
        return lambda text: all(
            satisfies(text, k, count_nouns=nouns, any_count=any_count, wants_money=a.wants_money,
                      known=known)
            for k in kinds)

    def _known(self, a: QuestionAnalysis) -> frozenset[str]:
        """Words that name nothing new: the question's own and the corpus's commonest."""
        return frozenset(re.findall(r"[a-z0-9&'’-]+", a.question.lower())) | self._stats.common_words

    def _choose(self, req: AnswerRequest, cands: list[Candidate]) -> Candidate | None:
        a = req.analysis
        top = max(c.relevance for c in cands)
        relevant = [c for c in cands if c.relevance >= RELEVANT_RATIO * top]
        own = self._own_words(req)
        topic = self._topic_words(req) if own else frozenset()
        if own and not any(terms(c.text) & own for c in relevant):
            # A follow-up's borrowed topic words outweigh its own in relevance; when nothing
            # relevant uses its own words ("what genomics work does it cover?"), look further,
            # but stay on the topic it refers to ("it": Novo Nordisk, not another programme).
            relevant = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                        and terms(c.text) & own and self._on_topic(c, topic)] or relevant
        bound = a.answer_type in SUBJECT_BOUND
        # Prefer support holding every fact asked for; else the main one. A name question
        # prefers the name in the slot it asks about ("funded by ...") over any name.
        passes = [self._needs(a), self._needs(a, all_types=False)]
        if a.focus and a.answer_type is AnswerType.ENTITY:
            known = self._known(a)
            passes.insert(0, lambda t: passes[1](t) and has_slot(t, a.focus, known))
        for needs in passes:
            fits = [c for c in relevant if needs(c.text) and (not bound or self._about_subject(a, c))]
            if own:  # a follow-up: on its topic first, then on its own words
                fits = [c for c in fits if self._on_topic(c, topic)] or fits
                fits = [c for c in fits if terms(c.text) & own] or fits
            if a.answer_type is AnswerType.DESCRIPTION:
                # A plan's table row ("Dec 2018: Annual Review of the Sector Deal") dates a
                # milestone; it describes nothing, so sentences and bullets come first.
                fits = [c for c in fits if c.unit.kind is not UnitKind.TABLE_ROW] or fits
            if a.excluded:  # the thing set aside is not the answer, where others fit
                aside = set(tokenize(a.excluded))
                fits = [c for c in fits if not terms(c.text) & aside] or fits
            if fits:
                best = self._qualified(req, fits)
                return None if self._unnamed_kind(a, best) else best
        return None

    def _unnamed_kind(self, a: QuestionAnalysis, c: Candidate) -> bool:
        """The support speaks of the kind asked for without naming any ("... co-located in
        hospitals across the UK" for "which hospitals?"), or never mentions the role asked
        about ("who is the chief executive of Seqirus?"): the deal does not name them."""
        if a.answer_type is not AnswerType.ENTITY:
            return False
        if a.asks_role:
            words = {stem(w.lower()) for w in re.findall(r"[A-Za-z-]+", c.text)}
            return not words & a.focus
        if not a.kind_noun:
            return False
        kind = frozenset({a.kind_noun})
        mentions = any(stem(w.lower()) == a.kind_noun for w in re.findall(r"[A-Za-z-]+", c.text))
        return mentions and not has_slot(c.text, kind, self._known(a))

    def _own_words(self, req: AnswerRequest) -> frozenset[str]:
        """A follow-up's own words say what is asked now ("What route to market will it develop
        and own?"); the words it borrowed from the last turn only locate the topic. Empty for a
        standalone question."""
        if req.standalone.strip() == req.question.strip():
            return frozenset()
        # Words common across the deal ("company", "work") locate nothing, and the noun a
        # "how many" counts is the type check's business (its synonyms count: jobs ~ roles).
        a = req.analysis
        counted = {stem(w) for w in (a.count_noun, *COUNT_NOUN_SYNONYMS.get(a.count_noun, ()))
                   if w} if a.count_noun else set()
        return frozenset(t for t in tokenize(req.question)
                         if self._stats.known(t) and not self._stats.common(t) and t not in counted)

    def _topic_words(self, req: AnswerRequest) -> frozenset[str]:
        """The names and figures a follow-up borrowed from the last turn (what "it" is)."""
        asked = set(tokenize(req.question))
        borrowed = " ".join(re.findall(r"[A-Z][\w&'’-]*|[£$€]?\d[\d.,]*\w*", req.standalone))
        return frozenset(t for t in tokenize(borrowed) if t not in asked
                         and self._stats.known(t) and not self._stats.common(t))

    @staticmethod
    def _on_topic(c: Candidate, topic: frozenset[str]) -> bool:
        """The unit, or one of the two before it, uses a topic word."""
        if not topic:
            return True
        units = c.passage.units[max(0, c.unit_index - 2):c.unit_index + 1]
        return bool(terms(" ".join(c.passage.unit_text(u) for u in units)) & topic)

    @staticmethod
    def _qualified(req: AnswerRequest, fits: list[Candidate]) -> Candidate:
        """The best fit; but a question about how firm a promise is ("Will the fund stay in
        government hands?") takes a nearly-as-good restatement that carries a qualifier ("with
        the intention to float or sell once ...") over one that does not."""
        best = fits[0]
        if not _asks_conditions(req.question) or _QUALIFIER_RE.search(best.text):
            return best
        return next((c for c in fits[1:] if c.relevance >= TIE_RATIO * best.relevance
                     and _QUALIFIER_RE.search(c.text)), best)

    def _about_subject(self, a: QuestionAnalysis, c: Candidate) -> bool:
        """A figure, date or place only answers when it is stated about the question's subject:
        the names in the question must be in the unit (or the sentence that introduces it)."""
        names = [(n, toks) for n in a.names if (toks := tokenize(n))]
        if not names:
            return True
        units = c.passage.units
        # The unit and the two before it: "... AstraZeneca ... The £500m facility ..." names its
        # subject a sentence or two earlier; or the sentence after it, in its paragraph: "... a
        # network which links 22 regional transplant centres. The IMPACT network, led by ...".
        before = " ".join(c.passage.unit_text(u) for u in units[max(0, c.unit_index - 2):c.unit_index])
        after = ""
        nxt = c.unit_index + 1
        if nxt < len(units) and units[nxt].kind is c.unit.kind is UnitKind.SENTENCE and \
                "\n\n" not in c.passage.text[c.unit.end - c.passage.start:units[nxt].start - c.passage.start]:
            after = c.passage.unit_text(units[nxt])
        text = f"{before} {c.text} {after}"
        have = terms(text)
        # Each name on its own: "the Welsh government ... Life Sciences Hub Wales" is not
        # answered by a Welsh grant to someone else.
        return all(self._names_in(toks, have) or _acronym_in(name, text) for name, toks in names)

    def _name_known(self, name: str, toks: list[str], support: str) -> bool:
        if re.search(r"\b[A-Z][A-Z&]{1,5}\b", name):  # an acronym, maybe spelt out
            return any(self._stats.known(t) for t in toks) or \
                any(_acronym_in(w, support) for w in re.findall(r"\b[A-Z][A-Z&]{1,5}\b", name))
        return all(self._stats.known(t) for t in toks if not self._stats.common(t))

    def _names_all_in(self, a: QuestionAnalysis, text: str) -> bool:
        have = terms(text)
        return all(self._names_in(toks, have) for n in a.names if (toks := tokenize(n)))

    def _names_in(self, toks: list[str], have: frozenset[str]) -> bool:
        """A name is present when its distinctive words all are ("Life Sciences Hub Wales" needs
        "hub" and "wales"; "life" and "sciences" are everywhere in this corpus)."""
        rare = [t for t in toks if not self._stats.common(t)]
        return all(t in have for t in rare) if rare else \
            self._stats.coverage(toks, have) >= SUBJECT_COVERAGE

    def _covered(self, req: AnswerRequest, q_terms: list[str], best: Candidate,
                 top: Candidate) -> bool:
        """Is the question's subject in the support? Unknown names mean the deal is silent."""
        # Every name in the question unknown to the corpus ("Pfizer", "Brexit"): the deal is
        # silent. One known name is enough to go on ("Which American agency ... HARP?").
        # A name is known when all its distinctive words are: "Northern Ireland" is not known
        # to a corpus that only says "Northern Powerhouse". An acronym may be spelt out
        # ("HDR UK"), so one known word is enough for a name that has one.
        names = [(n, toks) for n in req.analysis.names if (toks := tokenize(n))]
        if names and not any(self._name_known(n, toks, best.passage.text) for n, toks in names):
            return False
        support = terms(f"{best.passage.section_label} {best.passage.text}")
        coverage = self._stats.coverage(q_terms, support)
        return coverage >= MIN_COVERAGE or max(best.dense, top.dense) >= OFF_TOPIC_DENSE

    # -- spans --------------------------------------------------------------------------------
    def _span(self, req: AnswerRequest, q_terms: list[str], c: Candidate, max_chars: int) -> Span:
        skip = strip_bullet(c.text)
        body = c.text[skip:]
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        needs = self._needs(req.analysis)
        score = lambda s: self._stats.coverage(q_terms, terms(s))  # noqa: E731
        s, window_end = best_window(body, score, needs, max_chars)
        if _asks_when(req.question) and not has_calendar_date(body[s:window_end]):
            # "When will it occupy its new building?": a calendar date ("from mid-2018") answers,
            # "this year" at the sentence's start only dates the announcement.
            dated = lambda t: needs(t) and has_calendar_date(t)  # noqa: E731
            s2, e2 = best_window(body, score, dated, max_chars)
            if dated(body[s2:e2]):
                s, window_end = s2, e2
        e = tidy_end(body, s, window_end)
        base = c.unit.start + skip + lead
        return Span(c.passage, base + s, base + e, trimmed_left=s > 0,
                    trimmed_right=window_end < len(body))

    def _spans(self, req, q_terms, best: Candidate, cands: list[Candidate]) -> list[Span]:
        first = self._span(req, q_terms, best, self.max_chars - 20)
        spans = [first]
        if not (_JOINS.search(req.question) or req.analysis.also):
            return spans  # one subject, one fact: a second quote would only dilute the answer
        budget = self.max_chars - len(first.quote)
        needs = self._needs(req.analysis)
        # A second quote must add what is asked now: a follow-up's borrowed words do not count.
        asked = tokenize(req.question)
        covered = self._stats.coverage(asked, terms(first.quote))
        for c in cands:
            if c is best or c.score < SECOND_SPAN_RATIO * best.score or budget < 80:
                continue
            if not needs(c.text) or req.analysis.excluded and \
                    terms(c.text) & set(tokenize(req.analysis.excluded)):
                continue
            span = self._span(req, q_terms, c, budget - 10)
            gain = self._stats.coverage(asked, terms(f"{first.quote} {span.quote}")) - covered
            if gain < SECOND_SPAN_GAIN or _overlaps_text(span.quote, first.quote):
                continue
            spans.append(span)
            break
        return spans

    def _list_spans(self, req, q_terms, best: Candidate, cands: list[Candidate]) -> list[Span]:
        """The bullets of the list ``best`` belongs to (or introduces); else the top units."""
        p, units = best.passage, best.passage.units
        i = best.unit_index
        lead_in: Candidate | None = None
        if _is_lead_in(best):
            lead_in, i = best, i + 1
        if units[i].kind is UnitKind.BULLET:
            lo, hi = _list_group(p, i)
            by_idx = {c.unit_index: c for c in cands if c.passage is p}
            items = [by_idx[j] for j in range(lo, hi + 1) if j in by_idx and by_idx[j] is not lead_in]
            a = req.analysis
            whole = a.answer_type is AnswerType.LIST and not a.names and len(items) <= MAX_LIST_ITEMS
            if lead_in is None and not whole:
                # Asked about one item of a list ("the two projects at Sheffield"): keep only
                # the items about as relevant as the best one, not the whole list. A list
                # question naming nothing ("what changes ...?") gets a short list whole: its
                # items need not share words with the question.
                items = [c for c in items if c.relevance >= SIBLING_RATIO * best.relevance]
            items = items[:MAX_LIST_ITEMS]
            named = [c for c in items if self._names_all_in(a, c.text)] if a.names else []
            if lead_in is None and len(named) == 1:
                # The one item that names the question's subject ("the planned Digital
                # Innovation Hubs") is the answer; its siblings are other measures.
                return [self._span(req, q_terms, named[0], self.max_chars - 20)]
            if len(items) >= 2:
                head = [self._span(req, q_terms, lead_in, 200)] if lead_in else []
                return head + [self._span(req, q_terms, c, 200) for c in items]
            if items:
                return [self._span(req, q_terms, items[0], 320)]
        # Not a list in the text: the best distinct units across passages.
        picked: list[Candidate] = []
        for c in cands:
            if c.score >= 0.75 * best.score and all(c.passage is not x.passage for x in picked):
                picked.append(c)
            if len(picked) == 3:
                break
        return [self._span(req, q_terms, c, 200) for c in picked] or [self._span(req, q_terms, best, 300)]

    def _arithmetic(self, req, q_terms, cands: list[Candidate], op: Operation) -> AnswerDraft | None:
        """Pick the two figures whose clauses best cover the question; quote both, show the sum."""
        a = req.analysis
        want = "count" if a.count_noun else ("money" if a.wants_money else None)
        nouns = COUNT_NOUN_SYNONYMS.get(a.count_noun, ()) if a.count_noun else ()
        # (clause coverage + unit score, candidate, figure, clause terms, terms near the figure)
        options = []
        for c in cands[:15]:
            for cs, ce in clause_bounds(c.text):
                clause = c.text[cs:ce]
                toks = set(terms(clause))
                cov = self._stats.coverage(q_terms, toks)
                figures = figures_in(clause)
                # "80 high-value jobs" counts jobs, "10 businesses" does not; "from 22 companies
                # in 2012 to 64 in 2017": a clause that counts the noun once counts it throughout.
                counts = not nouns or any(has_count_of(clause[f.start:f.end + 40], nouns)
                                          for f in figures)
                for k, f in enumerate(figures):
                    if want == "count" and (f.currency or not counts) \
                            or want == "money" and not f.currency:
                        continue
                    # A lone figure is about its whole sentence; several share it out.
                    near = _near(clause, figures, k) if len(figures) > 1 else terms(c.text)
                    options.append((cov + 0.3 * c.score, c, f, toks, near))
        if len(options) < 2:
            return None
        options.sort(key=lambda o: o[0], reverse=True)
        first = options[0]
        # The second figure should bring the subject the first lacks ("... Seqirus in Liverpool
        # and BioClavis in Glasgow"): reward the question's names its sentence adds.
        name_terms = [t for n in a.names for t in tokenize(n)]
        have = first[4]
        base = self._stats.coverage(name_terms, have) if name_terms else 0.0
        second, best_gain = None, -1.0
        for o in options[1:]:
            if o[2].kind != first[2].kind or o[2].value == first[2].value:
                continue
            names_gain = (self._stats.coverage(name_terms, have | o[4]) - base
                          if name_terms else 0.0)
            gain = self._stats.coverage(q_terms, first[3] | o[3]) + names_gain + 0.3 * o[1].score
            if gain > best_gain:
                second, best_gain = o, gain
        if second is None:
            return None
        working = compute(op, first[2], second[2])
        if working is None:
            return None
        spans = [self._anchor_span(q_terms, first[1], first[2].text)]
        if second[1] is not first[1] or second[2].text not in spans[0].quote:
            spans.append(self._anchor_span(q_terms, second[1], second[2].text))
        draft = self._answer(req, spans)
        draft.text += " " + self._t.get("arithmetic", op.value, working=working)
        return draft

    def _footnote_spans(self, req, q_terms, best: Candidate) -> list[Span]:
        """The figures a References entry is attached to, each in its own sentence or bullet."""
        spans: list[Span] = []
        seen: set[str] = set()
        for p, f in self._footnoted.get(_norm(best.text), []):
            figure = figure_for(f, p)
            if figure in seen:  # the same figure restated elsewhere: cite it once
                continue
            for i, u in enumerate(p.units):
                if u.start <= f.start < u.end:
                    c = Candidate(p, u, i, 0, p.unit_text(u), 0.0, 0.0, 0.0, 0.0)
                    spans.append(self._anchor_span(q_terms, c, figure))
                    seen.add(figure)
        return spans[:MAX_LIST_ITEMS]

    def _anchor_span(self, q_terms, c: Candidate, figure: str) -> Span:
        skip = strip_bullet(c.text)
        body = c.text[skip:].rstrip()
        score = lambda s: self._stats.coverage(q_terms, terms(s))  # noqa: E731
        s, window_end = best_window(body, score, lambda span: figure in span, 180)
        e = tidy_end(body, s, window_end)
        base = c.unit.start + skip
        return Span(c.passage, base + s, base + e, trimmed_left=s > 0,
                    trimmed_right=window_end < len(body))

    # -- output -------------------------------------------------------------------------------
    def _answer(self, req: AnswerRequest, spans: list[Span]) -> AnswerDraft:
        if _asks_conditions(req.question):
            # The conditions stated beside the quote answer "is it firm?": quote and cite them.
            spans = spans + Composer.condition_spans(spans)[:2]
        citations = [self._composer.citation(n, s) for n, s in enumerate(spans, start=1)]
        refs = self._composer.conditions(spans)
        rendered = [Composer.render(s, n) for n, s in enumerate(spans, start=1)]
        if req.analysis.answer_type is AnswerType.LIST and len(spans) > 1:
            text = self._t.get("list", "intro") + "\n" + "\n".join(f"• {r}" for r in rendered)
        else:
            text = " ".join(rendered)
        if refs:
            text += " " + self._composer.condition_inline(refs)
        caveats = self._composer.caveats(spans, refs)
        return AnswerDraft(text=text, citations=citations, abstained=False, caveats=caveats)

    def _abstain(self, req: AnswerRequest, nearest: Candidate | None) -> AnswerDraft:
        a = req.analysis
        key = "count" if a.count_noun else a.answer_type.value
        noun = a.count_noun or ""
        kind = re.search(r"\b(?:which|what) ([a-z-]+s)\b", a.question.lower())
        if a.answer_type is AnswerType.ENTITY and a.kind_noun and kind:
            key, noun = "kind", kind.group(1)  # "The deal does not name the hospitals."
        head = self._t.get("abstain", key, noun=noun)
        if nearest is None:
            return AnswerDraft(text=head, citations=[], abstained=True,
                               caveats=self._composer.status_caveats())
        span = self._span(req, tokenize(req.standalone), nearest, 280)
        citation = self._composer.citation(1, span)
        nearby = self._t.get("abstain", "nearby", nearby=Composer.render(span, 1))
        return AnswerDraft(text=f"{head} {nearby}", citations=[citation], abstained=True,
                           caveats=self._composer.caveats([span], []))


def _near(clause: str, figures: list, k: int) -> frozenset[str]:
    """The terms around figure ``k`` of a clause: what it counts is named beside it, and the
    text between two figures is split half and half ("... London with 128 employees and
    growing its Oxford R&D site to 140 employees": Oxford goes with 140, London with 128)."""
    f = figures[k]
    lo, hi = max(0, f.start - NEAR_CHARS), f.end + NEAR_CHARS
    if k > 0:
        lo = max(lo, (figures[k - 1].end + f.start) // 2)
    if k + 1 < len(figures):
        hi = min(hi, (f.end + figures[k + 1].start) // 2)
    return terms(clause[lo:hi])


def _acronym_in(name: str, text: str) -> bool:
    """ "NIHR" is in a text that spells out "National Institute for Health Research"."""
    acr = re.sub(r"['’]s$", "", name.strip())
    if not re.fullmatch(r"[A-Z&]{2,6}", acr):
        return False
    words = re.findall(r"[A-Z][A-Za-z]*", text)
    # Capitalised words in a row (small words like "for", "of", "and" and the "&" of
    # "Johnson & Johnson" are skipped, which is what initials do too).
    initials = "".join(w[0] for w in words)
    return acr.replace("&", "") in initials


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


# A question joining two subjects or facts may need a second quote.
_JOINS = re.compile(r"\b(and|both|as well as|versus|vs|compared|or)\b|,", re.IGNORECASE)


def _list_group(p: Passage, i: int) -> tuple[int, int]:
    """The bullets around unit ``i`` that belong to one list: bounded by non-bullets and by
    lead-ins ("... including:"), which start a sub-list of their own."""
    units = p.units

    def lead(j: int) -> bool:
        return p.unit_text(units[j]).rstrip().endswith(":")

    lo = i
    while lo > 0 and units[lo - 1].kind is UnitKind.BULLET and not lead(lo - 1):
        lo -= 1
    hi = i
    while hi + 1 < len(units) and units[hi + 1].kind is UnitKind.BULLET and not lead(hi + 1):
        hi += 1
    return lo, hi


def _is_lead_in(c: Candidate) -> bool:
    """A unit that introduces a list ("... including:") says little without its items."""
    nxt = c.unit_index + 1
    return c.text.rstrip().endswith(":") and nxt < len(c.passage.units) \
        and c.passage.units[nxt].kind is UnitKind.BULLET


_CONDITION_CUES = re.compile(
    r"\b(condition\w*|strings attached|caveats?|approv\w*|locked in|guarantee\w*|certain|"
    r"confirmed|firm|binding|depend\w*|what happens if|if the|unless|catch)\b", re.IGNORECASE)
# Yes/no questions ("Will the fund stay ...?", "Is the money confirmed?") are usually about how
# firm a promise is, so the conditions stated beside it belong in the answer.
_YES_NO = re.compile(r"^\s*(is|are|was|were|will|would|does|do|did|has|have|can|could|should)\b",
                     re.IGNORECASE)


# What makes a statement conditional or provisional.
_QUALIFIER_RE = re.compile(
    r"\b(?:subject to|conditional|provided|dependent on|depending on|unless|once|until|if|"
    r"intention|intend\w*|expected to|aim(?:s|ed)? to|would|may|pilot\w*|initial(?:ly)?|"
    r"in principle|for up to|review(?:ed)?)\b", re.IGNORECASE)


def _asks_when(question: str) -> bool:
    """A "when" question (not "how often": a frequency answers that)."""
    return bool(re.search(r"\bwhen\b|\bwhat (?:year|date|month)\b|\bby when\b", question,
                          re.IGNORECASE)) and not re.search(r"\bhow (?:often|frequently|regularly)\b",
                                                            question, re.IGNORECASE)


def _asks_conditions(question: str) -> bool:
    return bool(CONDITION_RE.search(question) or _CONDITION_CUES.search(question)
                or _YES_NO.search(question))


def _operation(req: AnswerRequest) -> Operation | None:
    """A sum or difference, only for a question asking for a figure: "What does the deal bring
    together?" and "What is the difference between the two reviews?" are not arithmetic."""
    a = req.analysis
    if AnswerType.AMOUNT not in (a.answer_type, *a.also):
        return None
    return detect_operation(req.question)


def _same_fact(a: str, b: str) -> bool:
    """Two quotes saying the same thing (the deal restates facts between its summary and its
    chapters): one contains the other, or most of the shorter one's words are in the other."""
    if _overlaps_text(a, b):
        return True
    ta, tb = terms(a), terms(b)
    small = min(len(ta), len(tb))
    return small > 0 and len(ta & tb) >= 0.7 * small


def _overlaps_text(a: str, b: str) -> bool:
    return a in b or b in a
