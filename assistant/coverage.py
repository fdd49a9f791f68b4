"""Whether the support is about what the question asks: its subject and the names it gives.

The answerer asks whether a passage covers the question at all (``covered``: names the deal
never uses mean it is silent; words or meaning too far off mean it is about something else).
The selector asks whether a unit states its fact about the question's subject, year and place
(``about_subject``, ``from_subject``, ``in_asked_place``).
"""

from __future__ import annotations

import re

from assistant.name_match import (POSSESSIVE_RE, acronym_in, alias_in, asked_years, has_run,
                                  other_stage, stemmed_words)
from assistant.asks import asks_conditions, condition_cues_removed
from assistant.evidence import SIZE_RE
from assistant.question import QuestionAnalysis
from assistant.question_parts import background_premise, split_premise
from assistant.request import AnswerRequest
from assistant.scoring import Candidate, TermStats, context_units, terms
from commitments.places import find_places, places_compatible
from dealqa.conditions import conditions_within
from dealqa.types import AnswerType, UnitKind
from ingest.units import sentence_spans
from retrieval.text import money_amounts, tokenize

__all__ = ["COUNTRY", "Coverage", "names_place", "subject_names"]

MIN_COVERAGE = 0.3  # IDF-weighted share of question terms the support must contain ...
OFF_TOPIC_DENSE = 0.40  # below this cosine *and* MIN_COVERAGE, the support is about something else
# ... for a description question, below this one. First set at 0.48 / 0.44 on eleven QA sets
# (questions off the deal's topic, "quantum computing in fisheries", "football", reach
# 0.23-0.39); re-measured on dev and 44 read blind sets (2,600 items, `dealqa eval` per set):
# 0.40 / 0.38 answers 15 more paraphrased answerable questions rightly (plain words: "drug-trial
# sign-offs" for "approvals for clinical trials") and 4 unanswerable ones wrongly (two of dev's
# 15, on tariffs and rebates, so dev's abstention falls to 0.733); 0.42 / 0.40 gave +12 / -3.
# Of the 34 answerable questions this test turned away at 0.48, 25 have a best cosine of 0.40
# or more, and only 3 more reach 0.36.
DESCRIPTION_DENSE = 0.38
# Where things a unit speaks of come from: "currently based in MSD's UK Hoddesdon
# headquarters", "moving from Alderley Edge".
_ORIGIN_RE = re.compile(r"\b(?:currently|now|presently) (?:based|located|housed) (?:in|at) "
                        r"([^,.;]+)|\b(?:move|moving|relocat\w*|transfer\w*) [^,.;]{0,60}?"
                        r"\bfrom ([^,.;]+?)(?= to\b|[,.;]|$)")
SUBJECT_COVERAGE = 0.5
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z&]{1,5}\b")
# What a sentence sets beside its subject, which is not the subject: "... adding to the
# existing national centres", "in addition to the 600 staff already there".
_CONTEXT_RE = re.compile(r"\b(?:adding to|in addition to|alongside|building on|builds on|"
                         r"as well as|on top of)\b", re.IGNORECASE)


# A sentence opening with a name of several capitalised words ("Cobra Biologics's order book
# ...", "Health Data Research UK will ..."), not with "The", "This" or "In": its own subject.
_OTHER_SUBJECT_RE = re.compile(r"(?!(?:The|This|These|That|Those|Its|It|In|At|On|By|For|As|Our|"
                               r"We|Other|Such|Some|Many|All|Each|A|An)\b)"
                               r"[A-Z][\w&-]+(?:['’]s)?\s+[A-Z][\w&'’-]+")

# A date asked for within a year the question names: "When in 2018 ...?", "In which month
# of 2017 ...?".
_WITHIN_YEAR_RE = re.compile(r"\b(?:when|months?|part|quarter|season|time|point)\b[^?]{0,20}?"
                             r"\b(?:in|of|during) (?:early |late |mid-?)?(?:19|20)\d\d\b",
                             re.IGNORECASE)
# A sentence turning to other subjects ("Other companies are also recognising the UK ...:
# Seqirus ...") is not about what the sentences before it named.
_OTHERS_NOW_RE = re.compile(r"(?:Other|Another|Elsewhere|Separately|Meanwhile)\b")

_WHOLE_SCOPE = frozenset({"uk", "u.k.", "britain", "british", "united kingdom"})
COUNTRY = _WHOLE_SCOPE | {"england", "great britain"}  # the whole country: local to nowhere


def names_place(places: list[str], text: str) -> bool:
    """``text`` names one of ``places``, or a place within or around it short of the whole
    country ("Manchester" for Greater Manchester; not "the UK")."""
    low = text.lower()
    return any(p.lower() in low for p in places) or any(
        places_compatible(p, n) for p in places for n in find_places(text)
        if n.lower() not in COUNTRY)


def subject_names(a: QuestionAnalysis) -> list[tuple[str, list[str]]]:
    """The question's names with their terms, less the whole deal's scope ("British", "the
    UK's"), which is not a subject a unit must repeat, and less the names only a premise gives
    that the question after it does not refer back to: "Cobra Biologics says it needs viral
    vector capacity. How much ISCF money is set aside for that kind of capacity?" asks about
    the capacity, not Cobra's money ("How much is it investing?" asks about Cobra)."""
    found = background_premise(a.question)
    own = set(tokenize(found[1])) if found and not _REFERS_BACK_RE.search(found[1]) else None
    corrected = corrected_names(a)
    return [(n, toks) for n in a.names
            if n not in corrected and POSSESSIVE_RE.sub("", n.lower()) not in _WHOLE_SCOPE
            and (toks := tokenize(n))
            and (own is None or set(toks) <= own)]


def corrected_names(a: QuestionAnalysis) -> frozenset[str]:
    """The names only a claim before the ask gives, where the ask asks for the right version:
    "A consultant tells me the £146m comes from NIHR. Which fund is it really from?" checks
    the claim, so NIHR is not what the answer must name."""
    premise, ask = split_premise(a.question)
    if not premise or not _CORRECTS_RE.search(ask):
        return frozenset()
    own = set(tokenize(ask))
    return frozenset(n for n in a.names if not set(tokenize(n)) <= own)


# An ask after a claim that asks for the right version: "Which fund is it really from?"
_CORRECTS_RE = re.compile(r"\b(?:really|actually|in fact|in reality|instead|truly)\b",
                          re.IGNORECASE)

# Words in a question pointing back to what its premise names ("How much is it investing?").
_REFERS_BACK_RE = re.compile(r"\b(?:it|its|it's|they|their|them|theirs|there|he|she|his|her|"
                             r"the (?:company|firm|group|business|organisation|body|charity))\b",
                             re.IGNORECASE)


class Coverage:
    """Whether the support states the question's subject and names; the selector delegates
    ``covered``, ``about_subject`` and ``names_all_in`` here."""

    def __init__(self, stats: TermStats) -> None:
        self._stats = stats

    def from_subject(self, a: QuestionAnalysis, text: str) -> str:
        """``text`` from the sentence where the last of the question's names first appears: in
        a bullet of several sentences ("The Medicines Company is undertaking two projects ...
        15,000 participants ... The Medicines Company also agreed a project ... with the
        Greater Manchester ..."), a figure stated before the subject is named is another
        subject's. Names the unit never states (named in the sentences before it) and units of
        one sentence leave ``text`` whole."""
        sentences = sentence_spans(text)
        names = subject_names(a)
        cut = 0
        for name, toks in names:
            if len(sentences) > 1 and self._stated(name, toks, text):
                cut = max(cut, next(s for s, e in sentences
                                    if self._stated(name, toks, text[:e])))
        # ... and up to a later sentence about another subject: "Other companies such as Oxford
        # Biomedica ... are investing ... Cobra Biologics's ... order book, 98 per cent of which
        # are exported" gives no figure of Oxford Biomedica's.
        end = next((s for s, _ in sentences if s > cut and _OTHER_SUBJECT_RE.match(text, s)
                    and not any(self._stated(n, toks, text[s:s + 60]) for n, toks in names)),
                   len(text)) if names else len(text)
        return text[self._past_context(names, text, cut):end]

    def _past_context(self, names: list[tuple[str, list[str]]], text: str, cut: int) -> int:
        """Where a name first stated after "adding to", "alongside" ... is stated: "This £146m
        will fund two new national centres ... adding to the existing national centres: ...
        and the National Biologics Manufacturing Centre" gives the new centres' money, not the
        existing one's. ``cut`` if none of the question's ``names`` is stated only in such
        context."""
        for m in _CONTEXT_RE.finditer(text, cut):
            if any(self._stated(n, toks, text[m.end():])
                   and not self._stated(n, toks, text[:m.start()]) for n, toks in names):
                return m.start()
        return cut

    def _stated(self, name: str, toks: list[str], text: str) -> bool:
        # (acronyms spelled out: "ISCF Wave 1" states the "Challenge Fund")
        if self._name_stated(name, toks, self._stats.unit_terms(text), text) \
                or acronym_in(name, text) or alias_in(name, text):
            return True
        # "MRC Laboratory of Molecular Biology" is stated by "the Medical Research Council's
        # Laboratory of Molecular Biology": its initials spelled out, its other words as written.
        inner = _ACRONYM_RE.findall(name)
        rest = " ".join(_ACRONYM_RE.sub(" ", name).split())
        rest_toks = tokenize(rest)
        if not inner or _ACRONYM_RE.fullmatch(name.strip()):
            return False
        # (a name of initials alone may have some as written: "the NIHR's NHS contracts" is
        # stated by "the National Institute for Health Research ... in the NHS")
        if not all(acronym_in(a, text) or not rest_toks and re.search(rf"\b{re.escape(a)}\b", text)
                   for a in inner):
            return False
        return not rest_toks or self._name_stated(rest, rest_toks, terms(text), text)

    def about_subject(self, a: QuestionAnalysis, c: Candidate) -> bool:
        """A figure, date or place only answers when it is stated about the question's subject:
        the names in the question must be in the unit (or the sentence that introduces it)."""
        if other_stage(a.question, c.text):
            return False  # "the second wave" is not answered by "Wave 1 announced"
        names = subject_names(a)
        # (a date question's years date what it follows from, not what is asked: "The first
        # phase was agreed in late 2017. When were further agreements expected?", "By the
        # time the deal came out in December 2017, how long had it been running?"; unless it
        # asks for a time within one: "When in 2018 ...?", "In which month of 2017 ...?")
        years = asked_years(a.question) if a.answer_type is not AnswerType.DATE \
            else asked_years(split_premise(a.question)[1]) if _WITHIN_YEAR_RE.search(a.question) \
            else frozenset()
        if not names and not years:
            return True
        units = c.passage.units
        # The unit and the two before it: "... AstraZeneca ... The £500m facility ..." names its
        # subject a sentence or two earlier; or the sentence after it, in its paragraph: "... a
        # network which links 22 regional transplant centres. The IMPACT network, led by ...".
        before = " ".join(c.passage.unit_text(u) for u in context_units(c)[:-1]) \
            if not _OTHERS_NOW_RE.match(c.text) else ""
        after = ""
        nxt = c.unit_index + 1
        if nxt < len(units) and units[nxt].kind is c.unit.kind is UnitKind.SENTENCE and \
                "\n\n" not in c.passage.text[c.unit.end - c.passage.start:units[nxt].start - c.passage.start]:
            after = c.passage.unit_text(units[nxt])
        # The headings above it name its topic too: "Provide £42m to pilot a Teacher
        # Development Premium" sits under "Industrial Strategy at a glance".
        heading = " ".join(c.passage.section)
        text = f"{heading} {before} {c.text} {after}"
        # A year asked about is part of the subject: "How much did Adaptimmune raise in 2016?"
        # is not answered by what it raised in 2017.
        if not years <= terms(text):
            return False
        if a.answer_type is AnswerType.AMOUNT and _figures_owned_elsewhere(a, c.text):
            return False
        # Each name on its own: "the Welsh government ... Life Sciences Hub Wales" is not
        # answered by a Welsh grant to someone else.
        return all(self._stated(name, toks, text) or self._place_in(name, a, text)
                   for name, toks in names)

    def _name_stated(self, name: str, toks: list[str], have: frozenset[str], text: str) -> bool:
        """``_names_in``, but a name made mostly of the corpus's everyday words ("Health Data
        Research UK": only "data" is distinctive) is there only as itself: "the power of health
        data" in a sentence about the Challenge Fund does not state HDR UK's funding."""
        rare = [t for t in toks if not self._stats.common(t)]
        if len(toks) >= 2 and 2 * len(rare) < len(toks):
            return has_run(stemmed_words(POSSESSIVE_RE.sub("", name)), stemmed_words(text))
        return self._names_in(toks, have)

    @staticmethod
    def in_asked_place(a: QuestionAnalysis, c: Candidate) -> bool:
        """Support stated about another place does not answer a question about this one: a
        Leeds incubator is not "a local innovation centre" for a firm in Oxford. The unit and
        the two before it must name the asked place, a place within or around it (Oxford,
        Oxfordshire; see ``commitments.places.places_compatible``), or no place at all (a
        UK-wide measure)."""
        # (The whole country is no place to be in: "ramping up in Britain" is answered by
        # "... its footprint in the UK ..., its international headquarters in London".)
        places = [p for p in a.places if p.lower() not in _WHOLE_SCOPE]
        if not places or a.answer_type is AnswerType.PLACE and not a.within:
            # (Asked where, the answer is another place than the one the question names: "MSD
            # is opening a centre in London. Where are the staff moving there based now?")
            return True
        # A unit naming places of its own is about them, whatever the sentences before name:
        # "... move from Alderley Edge ... The £500m facility ... at the Cambridge Biomedical
        # Campus" does not give the Alderley Edge site's staff.
        own = find_places(c.text)
        text = " ".join(c.passage.unit_text(u) for u in context_units(c))
        # ... but not a place things come from: "the new site will accommodate ... staff ...
        # currently based in MSD's UK Hoddesdon headquarters", after "... a research facility
        # in London", gives the London site's staff (not where it is, nor who heads it).
        origins = {m.group(1) or m.group(2) for m in _ORIGIN_RE.finditer(c.text)} \
            if a.answer_type not in (AnswerType.PLACE, AnswerType.ENTITY) else set()
        if own and origins and all(any(n in o for o in origins) for n in own) \
                and any(p.lower() in text.lower() for p in places):
            return True
        # (a place abroad may be stated by another of its names: "North America" by "the US")
        if own and not any(p.lower() in c.text.lower() or places_compatible(p, n)
                           or alias_in(p, c.text) for p in places for n in own):
            return False
        if any(p.lower() in text.lower() or alias_in(p, text) for p in places):
            return True
        named = find_places(text)
        return not named or any(places_compatible(p, n) for p in places for n in named)

    def _borrows_known_name(self, req: AnswerRequest) -> bool:
        """A follow-up whose subject is borrowed ("Is the government still trying to keep a
        link with it after Brexit?", after a turn on the European Investment Fund): a name of
        its own the deal never uses ("Brexit") is a detail of the question, not its subject."""
        q, s = req.question.strip(), req.standalone.strip()
        borrowed = s[len(q):] if s.startswith(q) and len(s) > len(q) else ""
        words = [toks for w in re.findall(r"\b[A-Z][A-Za-z&'’-]{2,}", borrowed)
                 if (toks := tokenize(w))]
        return any(all(self._stats.known(t) and not self._stats.common(t) for t in toks)
                   for toks in words)

    @staticmethod
    def _place_in(name: str, a: QuestionAnalysis, text: str) -> bool:
        """A place the deal calls by another name: "Merseyside" is known to a text that says
        "Liverpool" (see ``commitments.places.places_compatible``), "North America" to one
        that says "the US" (``alias_in``)."""
        return name in a.places and (any(places_compatible(name, p) for p in find_places(text))
                                     or alias_in(name, text))

    def _name_known(self, name: str, toks: list[str], support: str) -> bool:
        acronyms = _ACRONYM_RE.findall(name)
        if acronyms:  # an acronym may be spelt out ("HDR UK", "J&J")
            return any(self._stats.known(t) for t in toks) or \
                any(acronym_in(w, support) for w in acronyms)
        return all(self._stats.known(t) for t in toks if not self._stats.common(t))

    def names_all_in(self, a: QuestionAnalysis, text: str) -> bool:
        have = terms(text)
        return all(self._names_in(toks, have) for n in a.names if (toks := tokenize(n)))

    def _names_in(self, toks: list[str], have: frozenset[str]) -> bool:
        """A name is present when its distinctive words all are ("Life Sciences Hub Wales" needs
        "hub" and "wales"; "life" and "sciences" are everywhere in this corpus)."""
        rare = [t for t in toks if not self._stats.common(t)]
        return all(t in have for t in rare) if rare else \
            self._stats.coverage(toks, have) >= SUBJECT_COVERAGE

    def covered(self, req: AnswerRequest, q_terms: list[str], best: Candidate,
                 cands: list[Candidate]) -> bool:
        """Is the question's subject in the support (``best``'s passage)? Unknown names mean
        the deal is silent."""
        # Every name in the question unknown to the corpus ("Pfizer", "Brexit"): the deal is
        # silent. One known name is enough to go on ("Which American agency ... HARP?").
        # A name is known when all its distinctive words are: "Northern Ireland" is not known
        # to a corpus that only says "Northern Powerhouse". An acronym may be spelt out
        # ("HDR UK"), so one known word is enough for a name that has one.
        corrected = corrected_names(req.analysis)
        names = [(n, toks) for n in req.analysis.names if (toks := tokenize(n))
                 and n not in corrected]
        # (a name the question's plain words put in the deal's words is known by them: "Brexit"
        # is the UK leaving the European Union)
        asked = [(n, toks) for n, toks in names if not (req.restated and n not in req.restated)]
        if asked and not any(self._name_known(n, toks, best.passage.text)
                             or acronym_in(n, best.passage.section_label)
                             or self._place_in(n, req.analysis, best.passage.text)
                             or alias_in(n, best.passage.text)
                             for n, toks in asked) and not self._borrows_known_name(req):
            return False
        support = terms(f"{best.passage.section_label} {best.passage.text}")
        coverage = self._stats.coverage(q_terms, support)
        if req.restated:
            # ... or the question put in the deal's words ("the tax break for founders" ~ "tax
            # relief": Entrepreneurs' Relief)
            coverage = max(coverage, self._stats.coverage(tokenize(req.restated), support))
        # The words are counted over the whole passage, and so is the meaning: its unit
        # closest to the question ("Reduce red tape in hiring international researchers" for
        # "hire researchers from overseas"), or the top-ranked unit.
        dense = max(c.dense for c in cands if c is cands[0] or c.passage is best.passage)
        if coverage >= MIN_COVERAGE or dense >= OFF_TOPIC_DENSE:
            return True
        asked = [t for t in tokenize(condition_cues_removed(req.question)) if self._stats.known(t)]
        if asks_conditions(req.question) \
                and conditions_within(best.passage.footnotes, best.unit.start, best.unit.end) \
                and self._stats.coverage(asked, terms(best.text)) >= MIN_COVERAGE:
            # "Can we bank on the early diagnostics money, or does somebody still have to sign
            # it off?": the figure it asks about carries its condition ("Subject to business
            # case approval by HM Treasury"), however plainly the question puts it; the unit
            # need hold only the question's words the deal uses besides the asking ones.
            return True
        if req.analysis.answer_type is AnswerType.DESCRIPTION and dense >= DESCRIPTION_DENSE:
            # A description asks for no particular fact and is often paraphrased ("get out of
            # making it easier to use patient information" ~ "supporting access to data for
            # researchers"): text this close in meaning answers it.
            return True
        # Paraphrased ("bone-surgery deal", "time on the ward"), but the unit names what the
        # question names, by its distinctive words ("east London"), and holds the asked fact.
        distinctive = [(n, toks) for n, toks in names
                       if any(not self._stats.common(t) for t in toks)]
        unit = terms(best.text)
        # (an acronym may be spelt out in the unit's heading instead: "under the AAR response"
        # ~ "Implement the Accelerated Access Review")
        return bool(distinctive) and all(self._names_in(toks, unit) or acronym_in(n, best.text)
                                         or acronym_in(n, best.passage.section_label)
                                         or self._place_in(n, req.analysis, best.text)
                                         or alias_in(n, best.text)
                                         for n, toks in distinctive)


# A figure naming what it measures right after it: "a 4,500 sq ft CryoHub", "£215m Oxfordshire
# Housing Deal".
_NAME_AFTER_RE = re.compile(r"\s*([A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)*)")


def _figures_owned_elsewhere(a: QuestionAnalysis, text: str) -> bool:
    """Every figure of the kind asked for names the thing it measures right after it, and none
    of those things is one the question names: "How big is the Manufacturing Centre?" is not
    answered by "a 4,500 sq ft CryoHub co-located with the ... Manufacturing Centre"."""
    if a.wants_size:
        ends = [m.end() for m in SIZE_RE.finditer(text)]
    elif a.wants_money:
        ends = [m.end for m in money_amounts(text)]
    else:
        return False
    owners = [_NAME_AFTER_RE.match(text, end) for end in ends]
    if not owners or None in owners:
        return False
    asked = set(tokenize(" ".join([*a.names, a.question])))
    return not any(set(tokenize(m.group(1))) & asked for m in owners)
