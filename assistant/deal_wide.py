"""Answers from the whole deal, not the retrieved passages: every unit holding a topic ("What
cancer-related work crops up across the deal?"), naming a place, a kind of name, a name, a sum
or a currency; the sums of a currency added; every count of new jobs; a choice among sums by
the condition the deal footnotes; the largest or smallest sum; numbers asked about; the sources
the References cite. Mixed into the extractive answerer beside the worked answers
(``assistant.worked``), whose quoting and listing these use.
"""

from __future__ import annotations

import re
from itertools import islice

from assistant.arithmetic import Figure, Operation, compute_sum, detect_operation, figures_in
from assistant.compose import Span
from assistant.companies import asks_company
from assistant.evidence import NAME_RUN_RE
from assistant.kinds import kind_word
from assistant.deal_extremes import asked_ends, asked_kind, extreme_sums
from assistant.name_variants import asked_other_name, name_variants
from assistant.number_lookup import asked_numbers, units_stating
from assistant.named_anywhere import (BESIDE_KINDS, CURRENCY_WORDS, asked_anywhere,
                                      asked_currency, asked_job_figures, asked_mentions,
                                      asked_sources, asked_sum_mentions, asks_part_played,
                                      currency_mentions, job_mentions, mentions_of,
                                      names_beside_kind, names_of_kind, source_entries,
                                      sum_mentions)
from assistant.name_match import POSSESSIVE_RE
from assistant.people import asked_people, people_named
from assistant.place_scope import asks_organisations, named_there, units_in
from assistant.quoting import REFERENCE_SECTIONS, with_antecedent
from assistant.selection import OTHER_RE
from assistant.request import AnswerDraft
from assistant.scoring import Candidate, same_fact, terms
from assistant.templates import joined
from assistant.topic_sweep import (asked_topic, asks_things_quoted, topic_mentions,
                                   topic_words)
from assistant.worked import MENTION_QUOTE_CHARS
from commitments.places import find_places
from dealqa.types import Hit
from retrieval.text import money_amounts, tokenize


__all__ = ["DealWideAnswers"]


class DealWideAnswers:
    """Methods of ``ExtractiveAnswerer`` (assistant/extractive.py) answering from all the deal's
    units."""

    def _swept(self, req, q_terms) -> AnswerDraft | None:
        """"What cancer-related work crops up across the deal?": each unit holding the topic,
        quoted around its word (see assistant/topic_sweep.py); None for a topic met once."""
        topic = asked_topic(req.analysis, self._stats)
        if topic is None:
            return None
        # (one lookup of every unit's vector, not one per unit asked about)
        vecs = self._unit_vectors([Hit(p, 0.0, 1) for p in self._passages])
        found = topic_mentions(self._passages, topic, self._stats, REFERENCE_SECTIONS,
                               lambda p, i: float(vecs[(p.passage_id, i)] @ req.query_vec))
        if len(found) < 2:
            return None
        # (asked which companies, each quote holds the name its sentence opens with: "BBI Group
        # ... announced ... a new global headquarters", not the headquarters alone)
        whose = asks_company(req.question) or asks_things_quoted(req.question)
        spans = []
        for p, i, word in found:
            c = Candidate.of_unit(p, i)
            name = _first_name(c.text, word) if whose else ""
            spans.append(self.quoter.anchor_span(q_terms, c, word, also=name,
                                                 max_chars=_mention_chars(c.text, word, name)))
        asked = ", ".join(topic_words(req.question, topic))
        return self._listed(req, spans, self._t.get("list", "topic", topic=asked))

    def _in_place(self, req, q_terms, cands: list[Candidate], place: str) -> AnswerDraft | None:
        """"What does the deal mention in Scotland?": the units naming the place or a place in
        it (retrieved ones first, then in document order), one per fact, each quoted around
        the place it names."""
        found = _place_order(list(units_in(self._passages, place, REFERENCE_SECTIONS)), cands)
        # ("Which organisations have a presence at Stevenage?": each unit naming one there,
        # quoted with its name)
        organisations = asks_organisations(req.question, req.analysis.answer_type)
        spans: list[Span] = []
        quoted: set[str] = set()  # the names quoted so far
        for p, i, name in found:
            text = p.unit_text(p.units[i])
            if any(same_fact(text, s.quote) for s in spans):
                continue  # the key commitments restating the body
            names = named_there(text)
            said = {POSSESSIVE_RE.sub("", n).lower() for n in names}
            if organisations and not said - quoted:
                continue  # no name there, or none not quoted already ("MSD" again)
            quoted.update(said)
            # (quoted with the first name it gives where both fit: "BBI Group ... in Crumlin")
            unit, most = Candidate.of_unit(p, i), \
                PLACE_NAME_CHARS if organisations else PLACE_QUOTE_CHARS
            span = self.quoter.anchor_span(q_terms, unit, name, also=names[0] if names else "",
                                           max_chars=most)
            if name not in span.quote:
                span = self.quoter.anchor_span(q_terms, unit, name, max_chars=most)
            spans.append(span)
            if len(spans) == (MAX_PLACE_NAMES if organisations else MAX_PLACE_ITEMS):
                break
        if not spans:
            return None
        return self._listed(req, spans, self._t.get("list", "place", place=place))

    def _whole_deal(self, req, q_terms) -> AnswerDraft | None:
        """A question about the whole deal's names (see assistant/named_anywhere.py): every name
        of a kind, every source the References cite, every mention of one name; else None."""
        a = req.analysis
        if kind := asked_anywhere(a):
            return self._named_anywhere(req, q_terms, kind)
        if asked_people(a.question, a.answer_type, a.names):
            # "List all the named individuals in the deal.": each titled person, where first
            # named (see assistant/people.py)
            found = islice(people_named(self._passages, REFERENCE_SECTIONS), MAX_PEOPLE)
            spans = self._anchored(q_terms, found)
            if spans:
                return self._listed(req, spans, self._t.get("list", "people"))
        if asked_sources(a):
            return self._sources_cited(req, q_terms)
        if name := asked_mentions(a):
            return self._mentioned(req, q_terms, name)
        if quoted := asked_other_name(a.question):
            # "The governance section mentions 'Biobank UK'. What is it called everywhere
            # else?": each other form the deal writes (see assistant/name_variants.py)
            found = list(name_variants(quoted, self._passages, REFERENCE_SECTIONS))
            spans = self._anchored(q_terms, found, MENTION_QUOTE_CHARS)
            if spans:
                return self._listed(req, spans, self._t.get("list", "other_names", name=quoted))
        if figure := asked_sum_mentions(a.question):
            return self._sums_listed(req, q_terms, sum_mentions(
                self._passages, figure, REFERENCE_SECTIONS), figure)
        if _WHICH_CONDITIONAL_RE.search(a.question):
            chosen = self._conditional_choice(req, q_terms)
            if chosen is not None:
                return chosen
        if asked_job_figures(a.question):
            # "List the new-jobs figures the deal gives for company investments"
            found = [(c.passage, c.unit_index, f.text, holder) for c, f, holder
                     in self._once(job_mentions(self._passages, REFERENCE_SECTIONS))]
            return self._sums_listed(req, q_terms, found, self._t.get("list", "job_figures"))
        if sign := asked_currency(a.question):
            found = currency_mentions(self._passages, sign, REFERENCE_SECTIONS)
            if detect_operation(a.question) is Operation.SUM:
                # "Add up every US-dollar figure the deal quotes": each quoted, then added
                return self._sums_added(req, q_terms, list(found))
            return self._sums_listed(req, q_terms, found,
                                     self._t.get("list", f"sums_in_{CURRENCY_WORDS[sign]}"))
        return None

    def _named_anywhere(self, req, q_terms, kind: str) -> AnswerDraft | None:
        """"Which hospitals are named anywhere in the deal?": each name of the kind, quoted
        where the deal first gives it (see assistant/named_anywhere.py)."""
        beside = kind in BESIDE_KINDS
        names = names_beside_kind if beside else names_of_kind
        found = islice(names(self._passages, kind, REFERENCE_SECTIONS), MAX_NAMED_ITEMS)
        # (names beside their kind come several together: "charities (including A, B and C)")
        spans = self._anchored(q_terms, found, BESIDE_QUOTE_CHARS if beside else NAME_QUOTE_CHARS,
                               grow=beside)
        noun = kind_word(req.analysis.question, kind) or kind
        return self._listed(req, spans, self._t.get("list", "named", noun=noun)) if spans else None

    def _mentioned(self, req, q_terms, name: str) -> AnswerDraft | None:
        """"Philips is named in connection with two AI efforts. Which two?": each unit naming
        it, quoted around the name (see assistant/named_anywhere.py)."""
        found = islice(mentions_of(self._passages, name, REFERENCE_SECTIONS), MAX_NAMED_ITEMS)
        # (a mention pointing back, "Innovate UK will look at the demand for this type of
        # support", is quoted with the sentence saying which support; one asked for the others
        # named with it, "Which other companies ...?", with the clauses naming them)
        others = bool(OTHER_RE.search(req.question))
        spans = [with_antecedent(s, self._stats, MENTION_ANTECEDENT_CHARS)
                 for s in self._anchored(q_terms, found, BESIDE_QUOTE_CHARS if others
                                         else MENTION_QUOTE_CHARS, grow=others)]
        if len(spans) == 1 and asks_part_played(req.question):
            return self._answer(req, spans)
        return self._listed(req, spans, self._t.get("list", "mentions", name=name)) \
            if len(spans) > 1 else None

    def _conditional_choice(self, req, q_terms) -> AnswerDraft | None:
        """"Which of those two sums carries a Treasury approval caveat?" (the sums the question,
        or the last answer, gives): the unit stating each sum the deal footnotes with a
        condition in the question's words, quoted (its footnote's entry with it); None unless
        some sums are and some are not."""
        given = money_amounts(req.question) or money_amounts(req.previous_answer)
        options = list({o.canonical: o for o in given}.values())  # (each sum once)
        if len(options) < 2:
            return None
        asked = {t for t in tokenize(req.question) if not self._stats.common(t)}
        picked: list[Span] = []
        for o in options:
            for p, i, written, _ in sum_mentions(self._passages, o.text, REFERENCE_SECTIONS):
                span = self.quoter.anchor_span(q_terms, Candidate.of_unit(p, i), written)
                if any(asked & set(tokenize(f.text)) for f in self._composer.conditions([span])):
                    picked.append(span)
                    break
        if not 0 < len(picked) < len(options):
            return None  # (all of them, or none, is no choice)
        return self._answer(req, picked)

    def _sums_added(self, req, q_terms, found) -> AnswerDraft | None:
        """Each sum ``found`` (as ``_sums_listed`` takes them) quoted with its holder, and all
        of them added; None for fewer than two, or more than an answer can quote."""
        kept = self._once(found)
        if not 1 < len(kept) <= MAX_NAMED_ITEMS:
            return None
        spans = [self.quoter.anchor_span(q_terms, c, f.text, max_chars=BESIDE_QUOTE_CHARS)
                 for c, f, _ in kept]
        working = compute_sum([f for _, f, _ in kept])
        return self._shown(req, spans, Operation.SUM.value, working=working) \
            if working is not None else None

    def _once(self, found) -> list[tuple[Candidate, Figure, str]]:
        """(unit, figure, holder) for each figure ``found`` (passage, unit index, as written,
        holder), a figure restated for the same rare thing left out: "$1m Thermo Fisher
        BioServices' CryoHub" and "Thermo Fisher will invest over $1m in a ... CryoHub" are
        one sum; "150 new research roles" at MSD's centre, said twice, one count."""
        kept: list[tuple[Candidate, Figure, str]] = []
        for p, i, written, holder in found:
            c = Candidate.of_unit(p, i)
            f = next((f for f in figures_in(c.text) if f.text.strip() == written.strip()),
                     None) or figures_in(written)[0]
            if not any(f.value == g.value and self._same_holder(c.text, d.text)
                       for d, g, _ in kept):
                kept.append((c, f, holder))
        return kept

    def _same_holder(self, a: str, b: str) -> bool:
        """Two units naming the same rare thing ("CryoHub"): a sum in both is one sum. (The
        sum's own words are no thing: two $100m sums are not one.)"""
        return any(self._stats.idf(t) >= RARE_IDF and not re.search(r"\d", t)
                   for t in terms(a) & terms(b))

    def _sums_listed(self, req, q_terms, found, name: str) -> AnswerDraft | None:
        """"Two projects are each put at £40m. What are they?", "Which figures are given in US
        dollars?": each sum ``found`` (passage, unit index, the sum as written, its holder),
        quoted with the name holding it (what the sum is, and whose), under ``name``."""
        spans = [self.quoter.anchor_span(q_terms, Candidate.of_unit(p, i), written, also=holder,
                                         max_chars=BESIDE_QUOTE_CHARS)
                 for p, i, written, holder in islice(found, MAX_NAMED_ITEMS)]
        return self._listed(req, spans, self._t.get("list", "mentions", name=name)) \
            if len(spans) > 1 else None

    def _deal_extremes(self, req) -> AnswerDraft | None:
        """"What's the single largest money figure anywhere in the deal?": the sum at that end
        of all the deal's sums, quoted around it (see assistant/deal_extremes.py)."""
        ends = asked_ends(req.question)
        if ends is None:
            return None
        currency = "$" if re.search(r"\bdollars?\b|\$", req.question) else "£"
        kind = asked_kind(req.question)
        found = extreme_sums(ends, self._units, currency, kind)
        if not found:
            return None
        q_terms = tokenize(req.standalone)
        spans = [self.quoter.anchor_span(q_terms, c, f.text, max_chars=MENTION_QUOTE_CHARS)
                 for c, f in found]
        head = self._t.get("list", f"sums_{ends.value}_of", kind=kind) if kind \
            else self._t.get("list", f"sums_{ends.value}")
        return self._listed(req, spans, head)

    def _numbers_asked(self, req) -> AnswerDraft | None:
        """"What do the numbers 57,000, 15,000 and 4,500 refer to?": each unit of the deal
        stating each number, quoted around it (see assistant/number_lookup.py); a number the
        deal never states is said to be so. None when the question asks of no number or the
        deal states none of them."""
        numbers = asked_numbers(req.question)
        if not numbers:
            return None
        q_terms = tokenize(req.standalone)
        spans, missing = [], []
        for number in numbers:
            found = units_stating(number, self._units)
            # (the whole sentence where it fits: whose the number is opens it, "Vertex ...
            # establishing its international headquarters in London with 128 employees")
            spans += [self.quoter.anchor_span(q_terms, c, number, max_chars=BESIDE_QUOTE_CHARS)
                      for c in found]
            missing += [] if found else [number]
        if not spans:
            return None
        draft = self._listed(req, spans, self._t.get("list", "numbers",
                                                     numbers=joined(numbers)))
        if missing:
            draft.text += " " + self._t.get("abstain", "number", numbers=joined(missing))
        return draft

    def _sources_cited(self, req, q_terms) -> AnswerDraft | None:
        """"Which publications does the deal cite?": each source of the References, once."""
        spans = self._anchored(q_terms, source_entries(self._passages, REFERENCE_SECTIONS))
        return self._listed(req, spans, self._t.get("list", "sources")) if spans else None

    def _anchored(self, q_terms, found, max_chars: int | None = None, *,
                  grow: bool = False) -> list[Span]:
        """Each (passage, unit index, name) of ``found`` quoted briefly around the name."""
        return [self.quoter.anchor_span(q_terms, Candidate.of_unit(p, i), name,
                                        max_chars=max_chars or NAME_QUOTE_CHARS, grow=grow)
                for p, i, name in found]


# "Which of those two sums carries a Treasury approval caveat?", "Which of these figures is
# subject to ...?": a choice among sums by the condition the deal attaches
_WHICH_CONDITIONAL_RE = re.compile(r"\bwhich (?:of (?:those|these|the) )?(?:two |three )?(?:sums|"
                                   r"figures|amounts|commitments)\b[^?]*\b(?:caveat|condition\w*|"
                                   r"subject to|approval|depend\w*)\b", re.IGNORECASE)
RARE_IDF = 3.0  # a word this rare (in about four passages) names one thing
BESIDE_QUOTE_CHARS = 260  # names beside their kind come several together, the sentence on
# Every name of a kind the deal gives (four hospitals, four universities here), each briefly.
MAX_NAMED_ITEMS = 6
MAX_PEOPLE = 10  # every titled person the deal names (seven here)
# A place asked about as a whole: this many units naming it, each quoted this long.
MAX_PLACE_ITEMS = 5
MANY_PLACES = 4  # a unit naming this many places is a list of them
MAX_PLACE_NAMES = 6  # ... asked which firms or bodies are there: the units naming one
MENTION_ANTECEDENT_CHARS = 400  # a mention quoted with the sentence before, where it points back
NAME_QUOTE_CHARS = 150
NAME_REACH_SLACK = 120  # the clauses around the name and the word
NAMED_MENTION_CHARS = 420  # a mention asked whose it is, from the name its sentence opens with
PLACE_QUOTE_CHARS = 200  # each unit naming a place asked about as a whole
PLACE_NAME_CHARS = 300  # ... quoted with the firm or body it names there


def _place_order(found: list, cands: list[Candidate]) -> list:
    """The units naming a place (``units_in``'s), retrieved ones first, then in document order;
    a unit running through many places ("pioneering investments in Manchester, Leeds, Sheffield,
    Glasgow and South Wales") last, as it says least about any one."""
    ranked = {(c.passage.passage_id, c.unit_index): k for k, c in enumerate(cands)}
    return sorted(found, key=lambda f: (
        len(find_places(f[0].unit_text(f[0].units[f[1]]))) >= MANY_PLACES,
        ranked.get((f[0].passage_id, f[1]), len(ranked))))


def _mention_chars(text: str, word: str, name: str) -> int:
    """How long a quote of a mention of ``word`` may be: with the ``name`` before it, as far as
    from the name to the word and a clause either side, within NAMED_MENTION_CHARS."""
    if not name:
        return MENTION_QUOTE_CHARS
    reach = text.find(word) + len(word) - text.find(name)
    return min(max(MENTION_QUOTE_CHARS, reach + NAME_REACH_SLACK), NAMED_MENTION_CHARS)


def _first_name(text: str, word: str) -> str:
    """The first name ``text`` gives before ``word`` ("BBI Group", "AstraZeneca"), as
    written; "" where none stands before it."""
    at = text.find(word)
    m = NAME_RUN_RE.search(text, 0, at if at > 0 else len(text))
    return m.group() if m is not None and m.start() < at else ""
