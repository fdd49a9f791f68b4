"""Which sentence, bullet or table row answers a question, and whether the deal says it at all.

The selector keeps the units relevant enough to the question and picks the best one that holds
what the answer type needs (an amount for "how much", a date for "when", a name for "who"),
stated about the question's subject. It abstains (returns None) when none does, when the names
asked about are unknown to the deal, or when the support is about something else (those checks
are assistant/coverage.py's; the selector delegates to them).
"""

from __future__ import annotations

import re

from assistant.asks import (ALIAS_RE, CONDITIONAL_RE, acts_re, asks_alias, asks_circumstance,
                            asks_firmness, defines_re)
from assistant.dating import on_calendar
from assistant.evidence import (DATE_RE, ENUMERATES_RE, GENERIC_NAMES, NAME_RUN_RE,
                                PER_PERIOD_RE, TITLED_NAME_RE, has_count_of, has_name, has_slot,
                                names_parties, satisfies)
from assistant.given_whole import given_whole, states_part
from assistant.narrowed_passes import narrowed_passes
from assistant.kinds import (KIND_BEFORE, NAMED_KINDS, NAMES_ITS_KIND, SELF_NAMING, WORD_RE,
                             asked_kind, gives_examples, gives_kind, kind_word, lists_kind,
                             qualifies_kind)
from assistant.arithmetic import SHARED_SUM_RE, figures_in
from assistant.companies import asks_company, names_company
from assistant.count_nouns import COUNT_NOUN_SYNONYMS, bare_count, plural, singular
from assistant.name_match import POSSESSIVE_RE, other_stage
from assistant.coverage import COUNTRY, Coverage, names_place, subject_names
from assistant.question import QuestionAnalysis, slot_lead
from assistant.plain_words import load_plain_words
from assistant.premise_units import restater
from assistant.question_parts import split_premise
from assistant.reasons import REASON_RATIO, asks_reason, gives_reason
from assistant.request import AnswerRequest
from assistant.scoring import INHERIT_SPAN, Candidate, TermStats, same_fact, terms
from assistant.listing import listed_items
from assistant.timeline import table_naming_words
from assistant.series import MIN_ASKED, asked_items, longest_series, series_items
from assistant.siblings import names_beside, sibling_anchors
from assistant.signatures import signed_text
from assistant.spans import POINTS_BACK_RE
from commitments.places import find_places
from dealqa.types import AnswerType, UnitKind
from retrieval.text import find_amounts, money_amounts, stem, tokenize

__all__ = ["Selector"]

RELEVANT_RATIO = 0.8  # a unit is "relevant" when its relevance is within 80% of the best one
FOLLOWUP_RATIO = 0.5  # ... or within 50% for a follow-up's own words (see choose)
WIDER_RATIO = 0.7  # where no relevant unit holds the fact, one within 70% may (see choose) ...
WIDER_COVERAGE = 0.6  # ... if it holds this IDF-weighted share of the question's own words
OWN_MOST = 0.5  # a follow-up's unit saying this share of its own words (IDF-weighted) ...
OWN_TIE = 0.6  # ... outranks relevant ones saying under 60% as much
LOCAL_TIE = 0.85  # units of one passage this close are ranked by the question's rarer words
TIE_RATIO = 0.95  # candidates within 5% of the best one's relevance are near-ties
TOPIC_COVERAGE = 0.5  # a follow-up's borrowed topic is mostly there (see on_topic)
_NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:&|and|of|for|the)?\s*[A-Z][\w'’-]*)+")

# A question about the present, and a figure stated as a target for later.
_PRESENT_RE = re.compile(r"\b(?:right now|currently|at present|at the moment|these days|today|"
                         r"as (?:it|things) stands?)\b|\bnow\W*$", re.IGNORECASE)
_TARGET_RE = re.compile(r"(?:[£$€]\s?\d[\d,.]*\s?(?:bn|billion|m|million)?|\b\d[\d.]*\s?"
                        r"(?:per cent|percent|%))(?=(?:\s+of\s+\w+)?\s+(?:by\s+20[2-9]\d|"
                        r"over the (?:longer|long) term|over the next))", re.IGNORECASE)


# A count a question states ("against the 20,000 target"): not money, a share or a year.
_COUNT_IN_RE = re.compile(r"(?<![£$€\d.,])\b\d[\d,]*\d\b"
                          r"(?![\d.,]*\s?(?:m|bn|million|billion|%|per cent)\b)")


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


# Every word a count may go by (``COUNT_NOUN_SYNONYMS``: "volunteers" ~ participants)
_COUNTED_WORDS = frozenset(w for words in COUNT_NOUN_SYNONYMS.values() for w in words)
# The kinds a question asks for as the sides of a commitment ("Which parties ...?")
PARTY_KINDS = frozenset({"party", "partner", "side"})


def lists_beside(text: str, aside: set[str]) -> bool:
    """``text`` lists the thing set aside with others ("adjacent to the Addenbrooke's and new
    Papworth Hospital sites, the University of Cambridge and leading research institutions"
    for "Apart from Addenbrooke's and Papworth, what else ...?"): the others answer."""
    items = [set(tokenize(i)) for i in longest_series(text)]
    return any(i & aside for i in items) and any(i and not i & aside for i in items[1:])


def lists_new_names(text: str, known: frozenset[str]) -> bool:
    """``text`` names several new things in one series ("a unique collaboration between GSK,
    North West e-Health, the University of Manchester, Salford Royal NHS Foundation Trust ...")
    each item holding a capitalised word the question does not give."""
    new = [item for item in longest_series(text)
           if any(w not in known and w not in GENERIC_NAMES
                  for run in NAME_RUN_RE.findall(item)
                  for w in (POSSESSIVE_RE.sub("", word).lower() for word in run.split()))]
    return len(new) >= MIN_ASKED


def _enumerates(text: str, kind: str) -> bool:
    """``text`` lists things of a kind with no proper names: an enumeration, or a list ending
    with the kind's word ("medicine, healthcare and their associated fields")."""
    return bool(ENUMERATES_RE.search(text)) or lists_kind(text, kind)


def _stated(a: QuestionAnalysis, kinds: tuple[AnswerType, ...]) -> list[str]:
    """Patterns for what the question itself states, which is not its answer: the figures it
    quotes, a date ("From what date ... settle after three years?"), a count ("How many are
    there now, against the 20,000 target?"); asked what something is now, a target for later
    ("2.4 per cent of GDP by 2027" for "... on R&D right now?")."""
    blanks = [re.escape(f) for f in a.quoted_figures]
    if AnswerType.DATE in kinds:
        # (a month asked of a year the question states is in that year: "In which month of
        # 2017 ...?" is answered by "Nov 2017")
        blanks += [re.escape(m.group()) for m in DATE_RE.finditer(a.question)
                   if not (a.wants_month and _YEAR_RE.fullmatch(m.group()))]
    if AnswerType.PLACE in kinds:
        # "Where is the Cell and Gene Therapy Manufacturing Centre?" is not answered by "...
        # move in to the Cell and Gene Therapy Manufacturing Centre": the name asked about.
        blanks += [re.escape(run) for run in _NAME_RUN_RE.findall(a.question)
                   if not find_places(run)]
    if a.count_noun:
        blanks += [rf"(?<![\d,.£$€]){re.escape(n)}(?![\d,])"
                   for n in _COUNT_IN_RE.findall(a.question) if not _YEAR_RE.fullmatch(n)]
    if AnswerType.AMOUNT in kinds and _PRESENT_RE.search(a.question):
        blanks.append(_TARGET_RE.pattern)
    return blanks


# "Which other company ...?", "Who else ...?": someone besides those already named.
OTHER_RE = re.compile(r"\b(?:which|what|who|any)(?: \w+)? (?:other|else)\b|\banyone else\b",
                      re.IGNORECASE)
# Types whose fact must be stated about the question's named subject (a name question's subject
# is often referred to indirectly, "the programme", so ENTITY is not checked).
SUBJECT_BOUND = frozenset({AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PLACE})


def _refers_to_premise(question: str) -> bool:
    """The question opens with a statement and its ask refers back to it ("... it", "its")."""
    premise, ask = split_premise(question)
    return bool(premise) and bool(re.search(r"\b(?:it|its|they|their|them)\b", ask, re.I))


# (not kinds of people: "Which groups of people will sit on the panels?" is answered by
# "employers, colleges and the government")
# Members of a class asked for ("who are the big imaging manufacturers ...?"), and names given
# as examples of one ("such as Siemens, Philips, GE Healthcare and ...": two names at least).
_WHO_ARE_RE = re.compile(r"\bwho (?:are|were) the\b", re.IGNORECASE)
_NAMED_EXAMPLES_RE = re.compile(r"\b(?:such as|including|like)\s+(?:the\s+)?"
                                r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*,\s+[A-Z]")
_PEOPLE_ASKED_RE = re.compile(r"\bwhich (?!(?:groups?|kinds?|types?|sorts?|categories) of\b)"
                              r"(?:[a-z-]+ ){0,2}(?:individuals?|persons?|people)\b",
                              re.IGNORECASE)
# A name asked for as such: "What's the name of ...?", "What is it called?"
_NAME_OF_RE = re.compile(r"\bwhat(?:['’]s| is| was| are) the names? of\b|"
                         r"\b(?:is|are|was|were) (?:[\w'’-]+ ){0,6}?called\b(?! for| on)",
                         re.IGNORECASE)
_PERSON_KINDS = frozenset(stem(w) for w in ("individual", "person", "people"))


def _states_only(text: str, figures: tuple[str, ...]) -> bool:
    """``text`` states sums, all of them among ``figures``."""
    sums = {m.text.strip() for m in money_amounts(text)}
    return bool(sums) and sums <= set(figures)


# A town or city asked for by that word ("In which town is it?", "what city").
# Places no town or city is: countries, nations, continents.
NATIONS = COUNTRY | {"scotland", "wales", "northern ireland", "united states", "us", "usa",
                     "america", "north america", "europe", "canada", "ireland"}
_SETTLEMENT_RE = re.compile(r"\b(?:which|what) (?:[a-z-]+ )?(?:town|city|towns|cities)\b",
                            re.IGNORECASE)


# "how many nurses' worth of time": a measure in units of the noun, not a count of it
_WORTH_RE = re.compile(r"['’]s?\s+worth\b", re.IGNORECASE)


class Selector:
    """Chooses the unit that answers; ``choose`` and ``covered`` are the answerer's questions."""

    def __init__(self, stats: TermStats) -> None:
        self._stats = stats
        self._coverage = Coverage(stats)

    def needs(self, a: QuestionAnalysis, *, all_types: bool = True):
        # (an unknown noun asked bare, "how many start-ups will ...", is passed as written:
        # see ``satisfies``)
        any_count = bool(a.count_noun) and a.count_noun not in COUNT_NOUN_SYNONYMS
        nouns = bare_count(a.question, a.count_noun) if any_count \
            else COUNT_NOUN_SYNONYMS.get(a.count_noun, ()) if a.count_noun else ()
        if any_count and nouns and self._unheard_of(a.count_noun):
            # "How many beds will the hospital have?": a thing the deal never names, nor any
            # everyday word for its words ("boffins" ~ scientists), is counted only in its own
            # word, which the deal does not use: no count of anything else answers it. (A
            # phrase, "how many tumour DNA sequences", may be counted by another word.)
            any_count, nouns = False, (a.count_noun, plural(a.count_noun))
        elif any_count and not nouns and not _WORTH_RE.search(a.question):
            # A phrase ("how many T-cell therapies are in its pipeline?"): a text using its plural
            # word ("its pipeline of T-cell therapies ... over 200 UK employees") must count
            # that; one not using it may count it in other words. (A measure, "how many nurses'
            # worth of time", is counted in its units: "around 9 nurse FTEs".)
            nouns = (plural(a.count_noun),)
        kinds = (a.answer_type, *a.also) if all_types else (a.answer_type,)
        known = self.known(a)
        blanks = _stated(a, kinds)
        drop = re.compile("|".join(blanks), re.IGNORECASE) if blanks else None
        # "Which skills gaps ...?", "Which parts of the sector ...?": things, not organisations,
        # so examples in lower case name them ("e.g. on bioinformatics, regulatory affairs").
        things = a.answer_type is AnswerType.ENTITY and bool(a.kind_noun) \
            and a.kind_noun not in NAMED_KINDS
        inside = frozenset(p.lower() for p in a.within)
        settlement = bool(_SETTLEMENT_RE.search(a.question))
        # "Which NHS trusts ...?", "Which university ...?": a name saying it is one ("Guy's and
        # St Thomas' NHS Foundation Trust"), not any name.
        titled = re.compile(rf"\b{a.kind_noun.capitalize()}\b") \
            if a.answer_type is AnswerType.ENTITY and a.kind_noun in SELF_NAMING else None
        # ("Which company will operate the new centre?": a company's name, not a centre's)
        company = a.answer_type is AnswerType.ENTITY and asks_company(a.question)
        # "Which parties does the commitment cover?": "by the government, the NHS and industry"
        parties = a.answer_type is AnswerType.ENTITY and a.kind_noun in PARTY_KINDS
        return lambda text: (titled is None or bool(titled.search(text))) \
            and (not company or names_company(text, known)) and all(
            satisfies(drop.sub(" ", text) if drop else text, k, count_nouns=nouns,
                      any_count=any_count, wants_money=a.wants_money,
                      wants_percent=a.wants_percent, wants_size=a.wants_size,
                      wants_cash=a.wants_cash,
                      per_period=a.per_period, known=known, proper_name=a.proper_name,
                      new_only=a.wants_new, currency=a.currency, money_words=a.money_words,
                      month=a.wants_month)
            # "Where in London ...?" is not answered by "in London": by a place within it.
            and (k is not AnswerType.PLACE or not inside
                 or any(p.lower() not in inside for p in find_places(text)))
            # "In which town is the centre?" is not answered by "move in to the Centre": by a
            # town or city the deal names.
            # (a country or a nation is no town: "NHS England" names none)
            and (k is not AnswerType.PLACE or not settlement
                 or any(p not in a.places and p.lower() not in NATIONS
                        for p in find_places(text)))
            or (things and k is AnswerType.ENTITY and _enumerates(text, a.kind_noun))
            or (parties and k is AnswerType.ENTITY and names_parties(text))
            for k in kinds)

    def _unheard_of(self, noun: str) -> bool:
        """The deal never uses ``noun`` (in any form), and no everyday word maps it to its own."""
        words = tokenize(f"{noun} {plural(noun)}")
        return bool(words) and not any(self._stats.known(t) for t in words) \
            and not load_plain_words().expand(f"{noun} {plural(noun)}").strip() \
            and noun not in _COUNTED_WORDS

    def known(self, a: QuestionAnalysis) -> frozenset[str]:
        """Words that name nothing new: the question's own, the initials of its names ("JJMD"
        for "Johnson & Johnson Medical Devices") and the corpus's commonest."""
        initials = {"".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", run)).lower()
                    for run in _NAME_RUN_RE.findall(a.question)}
        words = re.findall(r"[a-z0-9&'’-]+", a.question.lower())
        # "the Sector Deal's board": "deal" is the question's word too.
        bare = {re.sub(r"['’]s?$", "", w) for w in words}
        # ... and its plural: "the Sector Deal's board" knows "Sector Deals".
        plural = {f"{w}s" for w in bare if not w.endswith("s")}
        # Its name runs as phrases: "NHS Digital" asked about is not a new name for the answer.
        runs = {" ".join(w.lower() for w in re.findall(r"[A-Za-z&'’-]+", run) if w[0].isupper())
                for run in _NAME_RUN_RE.findall(a.question)}
        known = frozenset(words) | bare | plural | initials | runs | self._stats.common_words
        # ... but not the kind asked for: "Which government department is handing over ...?"
        # is answered by "the Department of Health", a name made of the kind's word.
        kind = asked_kind(a.question)
        return known - {kind, f"{kind}s"} if kind else known

    def choose(self, req: AnswerRequest, cands: list[Candidate]) -> Candidate | None:
        a = req.analysis
        # Units numbering another stage than the one asked about ("Wave 1 announced" for "the
        # second wave") answer nothing, so they do not set how relevant the rest must be.
        staged = [c for c in cands if not other_stage(a.question, c.text)] or cands
        if a.quoted_figures:
            # ... nor do units whose only sum is the one the question states ("This £146m will
            # fund ..." for "how much of the £146m does the vaccines centre get?"). (Units
            # stating no sum still do: measured, leaving them out too answered eleven questions
            # about sums the deal never gives.)
            staged = [c for c in staged if not _states_only(c.text, a.quoted_figures)] or staged
        # ... nor do units only restating the question's premise ("Cobra Biologics says it
        # needs viral vector capacity. How much ISCF money is set aside for that kind of
        # capacity?": Cobra's own sentence matches the premise, not the ask).
        restates = restater(a.question, background=True)
        if restates is not None:
            staged = [c for c in staged if not restates(c)] or staged
        top = max(c.relevance for c in staged)
        relevant = [c for c in cands if c.relevance >= RELEVANT_RATIO * top]
        own = self.own_words(req)
        topic = self.topic_words(req) if own else frozenset()
        # ("What is the IMPACT network?" - "Has data from any of its trials been used ...?": the
        # last question's names are the topic too, whatever else the last answer named)
        before = self.asked_before(req) if own else frozenset()
        on_topic = lambda c, after=0: self.on_topic(c, topic, after) or bool(  # noqa: E731
            before) and self.on_topic(c, before, after, share=1.0)
        if own:
            # ... and among units within reach on its topic, the one saying most of what it
            # asks now ("What will data from one of its first trials be used for?": "Data from
            # one of the first IMPACT trials ... will inform ...", not the network's opening
            # sentence, which only shares "trials" with it).
            said = lambda c: self._stats.coverage(sorted(own), terms(c.text))  # noqa: E731
            # (naming some of the topic will do: "its" is the network, not the last answer's
            # professors)
            near = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                    and (terms(c.text) & topic or not topic)]
            most = max((said(c) for c in near), default=0.0)
            if most >= OWN_MOST and all(said(c) < OWN_TIE * most for c in relevant):
                relevant = [c for c in near if said(c) >= OWN_TIE * most]
        if own and not any(terms(c.text) & own for c in relevant):
            # A follow-up's borrowed topic words outweigh its own in relevance; when nothing
            # relevant uses its own words ("what genomics work does it cover?"), look further,
            # but stay on the topic it refers to ("it": Novo Nordisk, not another programme).
            relevant = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                        and terms(c.text) & own and on_topic(c)] or relevant
        shown = self._names_shown(req)
        if shown:
            # "Which other company ...?": not the ones the last answer named, looking as far
            # down as a follow-up's own words do.
            relevant = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                        and not any(n in c.text for n in shown)] or relevant
        acts = acts_re(a.question, req.standalone) \
            if a.answer_type is AnswerType.DESCRIPTION else None
        if acts:
            # "What will the collaborative do?" asks what it does: "The Accelerated Access
            # Collaborative will facilitate ..." answers it, even below the units that merely
            # name it (a follow-up's borrowed words pull towards those).
            relevant = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                        and acts.search(c.text)] or relevant
        if a.answer_type in (AnswerType.ENTITY, AnswerType.DESCRIPTION) and asks_alias(a.question):
            # "What is the company's North American name?": the unit of a relevant passage
            # giving another name it goes by ("MSD, known as Merck and Co Inc in the US and
            # Canada, has announced ..."), though the sentences after it match more words.
            near = {c.passage.passage_id for c in relevant}
            relevant = [c for c in cands if c.passage.passage_id in near
                        and ALIAS_RE.search(c.text)] or relevant
        if a.answer_type is AnswerType.DESCRIPTION and asks_reason(a.question):
            # "Why does the deal care about biologists working with physicists?": a unit giving
            # a reason ("... as the interface ... is likely to underpin many important commercial
            # opportunities"), not the one naming the same people without one.
            # (Among the relevant units first; further down only where none gives one.)
            relevant = [c for c in relevant if gives_reason(c.text)] or \
                [c for c in cands if c.relevance >= REASON_RATIO * top and gives_reason(c.text)] \
                or relevant
        if asks_circumstance(a.question):
            # "Could the money be shuffled around after Brexit, and in what circumstance?": a
            # unit stating a condition ("Allocation of resources across programmes would be
            # reconfigured if the UK did not retain ..."), a little further down if need be.
            relevant = [c for c in relevant if CONDITIONAL_RE.search(c.text)] or \
                [c for c in cands if c.relevance >= WIDER_RATIO * top
                 and CONDITIONAL_RE.search(c.text)] or relevant
        defines = defines_re(a.question) if a.answer_type is AnswerType.DESCRIPTION else None
        if defines:
            # "What is the Life Sciences Sector Deal?" asks what it is: a sentence about it as
            # its subject ("The Life Sciences Sector Deal builds on ...") or defining it ("Sector
            # Deals - partnerships between ..."), not one that only mentions it in passing.
            relevant = [c for c in relevant if defines.search(c.text)] or relevant
        if a.answer_type is AnswerType.DESCRIPTION and _refers_to_premise(a.question):
            # "Health Data Research UK is mentioned as ... What delivery role does it get?": the
            # ask is about the premise's subject, so support naming it comes first.
            relevant = [c for c in relevant if self.about_subject(a, c)] or relevant
        if a.kinds_of and a.kind_noun:
            # "What kinds of NIHR facilities do the contracts pay for?": the unit naming such
            # things ("... Clinical Research Facilities for Experimental Medicine ..."), first
            # one giving them by example, a little further down too ("Which parts of the sector
            # ...?": "... broad representation of the sector (pharma, medtech, ...)").
            relevant = [c for c in cands if c.relevance >= WIDER_RATIO * top
                        and gives_examples(c.text, a.kind_noun)] \
                or [c for c in relevant if a.kind_noun in self._stats.unit_terms(c.text)] \
                or relevant
        asked = asked_items(a.question) if a.answer_type is AnswerType.LIST else None
        if asked:
            # "Which three types of NIHR infrastructure ...?": the unit listing three things
            # ("... Biomedical Research Centres, Clinical Research Facilities ... and ...").
            relevant = [c for c in relevant if listed_items(c) == asked] or relevant
        siblings = sibling_anchors(a.question, a.answer_type, a.excluded)
        if siblings:
            # "Apart from AstraZeneca, which genomics firms ...?": the unit naming it beside
            # others ("UK companies like AstraZeneca, Cambridge Epigenetics, ...") names them.
            relevant = [c for c in cands if c.relevance >= FOLLOWUP_RATIO * top
                        and names_beside(c.text, siblings)] or relevant
        bound = a.answer_type in SUBJECT_BOUND
        # Prefer support holding every fact asked for; else the main one. A name question
        # prefers the name in the slot it asks about ("funded by ...") over any name.
        passes = [self.needs(a), self.needs(a, all_types=False)]
        passes = narrowed_passes(a, passes)
        named = {p.lower() for p in a.places}
        if a.answer_type is AnswerType.PLACE and named:
            # "MSD is opening a centre in London. Where are the staff moving there based now?":
            # the place the question names is what it knows; another place answers it, where a
            # unit gives one (else the named place may be all the deal says).
            first = passes[0]
            passes.insert(0, lambda t, first=first: first(t) and any(
                p.lower() not in named | COUNTRY for p in find_places(t)))
        whole = given_whole(a.question, self._stats) \
            if a.answer_type is AnswerType.AMOUNT else None
        if whole is not None:
            # "Of the £350m, how much comes from the NHS?": another figure of the whole's kind
            # that may be the part, or the deal does not break the whole down (given_whole.py).
            passes = [lambda t, p=p: p(t) and states_part(t, whole) for p in passes]
        known = self.known(a) if a.answer_type is AnswerType.ENTITY else frozenset()
        subject_passes: list = []  # passes whose units must be about the question's subject
        # Each pass binds the pass it narrows now (``main=``): a later one must not rebind it.
        if a.focus and a.answer_type is AnswerType.ENTITY:
            main = passes[1]
            # The name beside the role asked about first; any name only after that (a strict
            # "beside the role or nothing" abstained on "GSK ... will contribute to ..." and
            # "with a Welsh government grant", whose names stand before or apart from the verb).
            slot = lambda t, main=main: main(t) and has_slot(t, a.focus, known)  # noqa: E731
            if a.names:
                # (the role of the subject the question names: "Who chairs the Science
                # Industry Partnership?" is not answered by the sub-groups "chaired by
                # dedicated policy leads")
                subject_passes.append(slot)
            passes.insert(0, slot)
            if a.kind_noun and a.kind_noun not in NAMED_KINDS:
                # "Which hospital services ...?": lower-case things are named beside their kind
                # ("NHS services including radiology and pathology"), in no name slot.
                passes.insert(0, lambda t, main=main: main(t) and gives_kind(t, a.kind_noun))
        lead = slot_lead(a.question) if a.answer_type is AnswerType.ENTITY else None
        if lead:
            main = passes[-1]
            # "... exemplified by a partnership between which two organisations?": a new name
            # after the word the question's "which" follows ("the partnership between Genomics
            # England and NHS England") first.
            passes.insert(0, lambda t, main=main: main(t)
                          and has_slot(t, frozenset({lead}), known))
        if a.kind_noun and a.kind_noun not in NAMED_KINDS and a.answer_type is AnswerType.ENTITY:
            # "Which teachers would the pilot apply to?": "teachers working in areas that have
            # fallen behind" says which ones, though it names no one (last: names come first).
            passes.append(lambda t: qualifies_kind(t, a.kind_noun))
        counted = asked_items(a.question) if a.answer_type is AnswerType.ENTITY else None
        if counted and a.kind_noun:
            # "Which five foundations of the Industrial Strategy ...?": a unit naming the kind
            # beside a series of that many ("the foundations set out in the Industrial Strategy
            # – ideas, people, infrastructure, the business environment and places –") names
            # them, though none is a proper name and the unit ranks a little lower.
            def series_of_kind(t: str, kind: str = a.kind_noun, n: int = counted) -> bool:
                return kind in self._stats.unit_terms(t) and series_items(t) == n
            relevant += [c for c in cands if WIDER_RATIO * top <= c.relevance
                         < RELEVANT_RATIO * top and series_of_kind(c.text)]
            passes.insert(0, series_of_kind)
        if a.acts and a.answer_type is AnswerType.ENTITY:
            main = passes[-1]
            # "Which organisations will lead ...?": "NHS England, NHS Digital and Health Data
            # Research UK ... will lead the delivery": the names stand before the verb.
            passes.insert(0, lambda t, main=main: main(t)
                          and has_slot(t, a.acts, known, before=KIND_BEFORE))
        kind_asked = kind_word(a.question, a.kind_noun) \
            if a.answer_type is AnswerType.ENTITY and a.kind_noun in NAMED_KINDS else None
        plural_kind = bool(kind_asked) and kind_asked != singular(kind_asked)
        for needs in passes:
            fits = self._fits(a, relevant, needs,
                              bound or any(needs is p for p in subject_passes))
            if own:  # a follow-up: on its topic first, then on its own words
                fits = [c for c in fits if on_topic(c)] or fits
                fits = [c for c in fits if terms(c.text) & own] or fits
            if a.answer_type is AnswerType.DESCRIPTION:
                # A plan's table row ("Dec 2018: Annual Review of the Sector Deal") dates a
                # milestone; it describes nothing, so sentences and bullets come first.
                fits = [c for c in fits if c.unit.kind is not UnitKind.TABLE_ROW] or fits
            local = [p for p in a.places if p.lower() not in COUNTRY]
            if local:
                # "We're in Greater Manchester: is anything planned locally?": what the deal
                # says there (QIAGEN's campus with Health Innovation Manchester) before what it
                # says for the whole country.
                fits = sorted(fits, key=lambda c: not names_place(local, c.text))
            if plural_kind:
                # "Which local organisations were partners with GSK in the trial?": the unit
                # naming several new ones in a series ("a unique collaboration between GSK,
                # North West e-Health, the University of Manchester, ...") over one naming the
                # trial itself, where both name something.
                fits = [c for c in fits if lists_new_names(c.text, known)] or fits
            if a.excluded:  # the thing set aside is not the answer, where others fit
                aside = set(tokenize(a.excluded))
                fits = [c for c in fits if not terms(c.text) & aside
                        or names_beside(c.text, siblings) or lists_beside(c.text, aside)] \
                    or fits
            if fits:
                best = self.qualified(req, self._names_itself(req,
                                                              self._within_passage(req, fits)))
                best = self._fuller(req, best, fits)
                # (a restatement with the calendar date must still hold what this pass needs:
                # "by 2020", asked by what year, is not in "announced in February 2017")
                best = on_calendar(a, best, [c for c in cands if needs(c.text)])
                shared = SHARED_SUM_RE.search(best.text) \
                    if a.answer_type is AnswerType.AMOUNT else None
                if shared and not re.search(rf"\b{shared.group(1)}\b", a.question, re.I):
                    best = self._own_sum(a, best, cands, needs, bound)
                return None if self._unnamed_kind(a, best) else best
        # Nothing near the top holds the fact, but a unit a little further down does and says
        # what the top one is about: "... which links a trials facilitatory hub and 22 regional
        # transplant centres" under the sentences that name the IMPACT network.
        # (A follow-up's borrowed words weigh on relevance, so it looks as far as its own words do.)
        floor = (FOLLOWUP_RATIO if own else WIDER_RATIO) * top
        # ... or carries on from a unit near the top, for a date: "The bioinformatics standards
        # are expected to be ready for starts next year" after "... developing apprenticeship
        # standards in these priority subjects" (a figure after it is too often another's)
        asks_date = a.answer_type is AnswerType.DATE
        near = [c for c in cands if c.relevance >= floor] if asks_date else []
        rarest = self._rarest_used(near, req.question)
        # ... or counts the very thing a count question asks about ("more than 25 businesses"
        # for "How many businesses actually signed up ...?", in other words).
        counted = (a.count_noun, plural(a.count_noun)) if a.count_noun else ()
        wider = [c for c in cands if floor <= c.relevance < RELEVANT_RATIO * top
                 and on_topic(c, after=1)
                 and (self.question_share(req.question, c.text) >= WIDER_COVERAGE
                      or rarest and self._carries_on(near, c, rarest)
                      or counted and has_count_of(c.text, counted)
                      # ... or the share or yearly rate asked for: few units give a percentage
                      # ("98 per cent of which are exported" for "what share ... is sold
                      # abroad?") or a figure a year ("some £2bn per annum" for "... each
                      # year?").
                      or a.wants_percent and any(x.is_percent for x in find_amounts(c.text))
                      or a.per_period and bool(PER_PERIOD_RE.search(c.text)))]
        # (a date's passes in order, as above: "next year" answers "roughly when?" where no
        # unit gives a calendar date; other types' later passes, any name for "who?", would
        # answer what the deal does not say)
        tried = passes if asks_date else passes[:1]
        fits = next((f for needs in tried if (f := self._fits(a, wider, needs, bound))), [])
        return None if not fits or self._unnamed_kind(a, fits[0]) else fits[0]

    def _rarest_used(self, near: list[Candidate], question: str) -> str | None:
        """The rarest of the question's words that ``near`` uses ("roughly" is rarer in the
        deal, but says how the question is asked, not what about); None for none."""
        used = frozenset().union(*(terms(n.text) for n in near))
        known = [t for t in tokenize(question) if t in used]
        return max(known, key=self._stats.idf) if known else None

    @staticmethod
    def _carries_on(near: list[Candidate], c: Candidate, rarest: str) -> bool:
        """``c`` is the sentence after one of ``near``, on the question's ``rarest`` word:
        "The life sciences industry is already developing apprenticeship standards in these
        priority subjects." / "The bioinformatics standards are expected to be ready for starts
        next year"."""
        return rarest in terms(c.text) and any(
            r.passage is c.passage and r.unit_index + 1 == c.unit_index for r in near)

    def _own_sum(self, a: QuestionAnalysis, best: Candidate, cands: list[Candidate], needs,
                 bound: bool) -> Candidate:
        """"This £146m will fund two new national centres - A and B": a sum shared by several
        things is not one of them's, where a unit nearly as relevant gives that one a sum of its
        own ("£66m on a Vaccines Development & Manufacturing Centre"). (A question about the
        several, "the three centres", is answered by their sum.)"""
        floor = WIDER_RATIO * best.relevance
        own = [c for c in cands if c is not best and c.relevance >= floor
               and not SHARED_SUM_RE.search(c.text)]
        return next(iter(self._fits(a, own, needs, bound)), best)

    def _names_shown(self, req: AnswerRequest) -> list[str]:
        """For "which other ...?" / "who else ...?" after an answer: the names that answer gave
        ("Autolus", "Cell Medica"), less places, those the question names and those made of
        everyday words; empty for other questions."""
        if req.analysis.answer_type is not AnswerType.ENTITY or not req.previous_answer \
                or not OTHER_RE.search(req.question):
            return []
        places = {p.lower() for p in find_places(req.previous_answer)}
        asked = req.question.lower()
        return [n for n in NAME_RUN_RE.findall(req.previous_answer)
                if n.lower() not in places and n.lower() not in asked
                and not all(self._stats.common(t) for t in tokenize(n))]

    @staticmethod
    def _names_itself(req: AnswerRequest, fits: list[Candidate]) -> list[Candidate]:
        """Of near-tied fits, one that names the question's subject itself ("Dec 2017: Phase one
        of the Life Sciences Sector Deal announced") beats one that takes it from the sentences
        around it ("... starts to implement the Life Sciences Industrial Strategy published in
        August 2017": that date is the strategy's)."""
        a = req.analysis
        names = [set(toks) for _, toks in subject_names(a)] \
            if a.answer_type in SUBJECT_BOUND else []
        own = lambda c: all(toks <= terms(c.text) for toks in names)  # noqa: E731
        if not names or own(fits[0]):
            return fits
        alt = next((c for c in fits[1:] if c.relevance >= TIE_RATIO * fits[0].relevance
                    and own(c)), None)
        return fits if alt is None else [alt] + [c for c in fits if c is not alt]

    def _within_passage(self, req: AnswerRequest, fits: list[Candidate]) -> list[Candidate]:
        """Near-tied units of one passage share its topic words; the one holding the question's
        other words ("required of the people appointed" ~ "members will need to be ...") wins."""
        top = fits[0]
        # (near-tied by what each says itself, or by going on from the top one: "It was made
        # possible through ..." after "GSK's Salford Lung Study ..."; one borrowing relevance
        # from other sentences, "Continuing to ... these large-scale assets", shares the
        # passage's topic, not the question's)
        same = [c for c in fits if c.passage is top.passage and (
            c is top or c.own_relevance >= LOCAL_TIE * top.relevance
            or 0 < c.unit_index - top.unit_index <= INHERIT_SPAN
            and bool(POINTS_BACK_RE.match(c.text)) and c.relevance >= LOCAL_TIE * top.relevance)]
        if len(same) < 2:
            return fits
        units = [terms(top.passage.unit_text(u)) for u in top.passage.units]
        # The subject's names say which passage, not which of its units: "made possible through
        # a collaboration between ..." answers who the partners of "GSK's Salford Lung Study"
        # were, though only the sentence before names the study.
        subject = {t for _, toks in subject_names(req.analysis) for t in toks}
        # (nor do the words naming the timeline: "In the implementation timetable, ...")
        subject |= table_naming_words(req.question)
        q = [t for t in dict.fromkeys(tokenize(req.question))
             if self._stats.known(t) and t not in subject]
        local = [t for t in q if sum(t in u for u in units) <= 1]
        if not local:
            return fits
        score = lambda c: self._stats.coverage(local, terms(c.text))  # noqa: E731
        best = max(same, key=score)
        return [best] + [c for c in fits if c is not best] if score(best) > score(top) else fits

    def _fuller(self, req: AnswerRequest, best: Candidate, fits: list[Candidate]) -> Candidate:
        """``best``, or where the deal restates its fact with more of what the question asks
        (the key commitments' "scientists under the Tier 1 route" against the chapter's
        "scientists and researchers endorsed under the Tier 1 (Exceptional Talent) route", asked
        what endorsement is needed), the fitting restatement saying everything of the question
        ``best`` says, and more."""
        asked = {t for t in tokenize(req.question)
                 if self._stats.known(t) and not self._stats.common(t)}
        said = asked & terms(best.text)
        if not said:
            return best  # (a unit saying none of it is no statement of the fact asked about)
        return next((c for c in fits if c is not best and asked & terms(c.text) > said
                     and same_fact(best.text, c.text)), best)

    def question_share(self, question: str, text: str) -> float:
        """The IDF-weighted share of the question's own (corpus-known) words ``text`` holds."""
        own = [t for t in tokenize(question) if self._stats.known(t)]
        return self._stats.coverage(own, terms(text)) if own else 0.0

    def _fits(self, a: QuestionAnalysis, cands: list[Candidate], needs,
              bound: bool) -> list[Candidate]:
        cover = self._coverage
        # (a title line is judged with the name line above it, which its quote takes)
        text = signed_text if a.answer_type is AnswerType.ENTITY else lambda c: c.text
        return [c for c in cands if needs(text(c)) and (not bound or cover.about_subject(a, c)
                                                        and needs(cover.from_subject(a, c.text)))
                and cover.in_asked_place(a, c)]

    # Whether the support covers the question's subject and names (assistant/coverage.py): the
    # answerer, the lister and the worked answers ask the selector.
    def covered(self, req: AnswerRequest, q_terms: list[str], best: Candidate,
                cands: list[Candidate]) -> bool:
        return self._coverage.covered(req, q_terms, best, cands)

    def about_subject(self, a: QuestionAnalysis, c: Candidate) -> bool:
        return self._coverage.about_subject(a, c)

    def names_all_in(self, a: QuestionAnalysis, text: str) -> bool:
        return self._coverage.names_all_in(a, text)

    def _unnamed_kind(self, a: QuestionAnalysis, c: Candidate) -> bool:
        """The support speaks of the kind asked for without naming any ("... co-located in
        hospitals across the UK" for "which hospitals?"), or never mentions the role asked
        about ("who is the chief executive of Seqirus?"): the deal does not name them."""
        if a.answer_type is not AnswerType.ENTITY:
            return False
        if _PEOPLE_ASKED_RE.search(a.question) or a.kind_noun in _PERSON_KINDS:
            # "Which individuals co-chair the board?" is not answered by organisations ("jointly
            # chaired by industry and the government"): by a person named with a title ("Sir
            # Andrew Witty", "Professor David Marks"), as the deal names people.
            return not TITLED_NAME_RE.search(c.text)
        if a.asks_role:
            if _WHO_ARE_RE.search(a.question) and _NAMED_EXAMPLES_RE.search(c.text):
                # "Who are the big imaging manufacturers that see an opening in radiology?":
                # "major players such as Siemens, Philips, GE Healthcare and ..." name them,
                # whatever the deal calls them.
                return False
            return not {stem(m.group().lower()) for m in WORD_RE.finditer(c.text)} & a.focus
        if not a.kind_noun:
            return False
        if _NAME_OF_RE.search(a.question) and has_name(c.text, exclude=self.known(a),
                                                        agents=False):
            # "What's the name of the value-based offer ...?" is answered by a new name ("...
            # has developed Care Advantage, a programme ..."), whatever the deal calls the
            # kind ("This approach offers ..." is no offer left unnamed).
            return False
        mentions = [m for m in WORD_RE.finditer(c.text) if stem(m.group().lower()) == a.kind_noun]
        if not mentions and a.kind_noun in NAMES_ITS_KIND:
            # "Which NHS hospitals will recruit patients?": a hospital's name says "Hospital"
            # ("Queen Elizabeth University Hospital"); support naming none names no hospital.
            return True
        # "mental health disorders such as depression": examples name the kind too, in lower
        # case (diseases, disorders, technologies are not proper names).
        # "teachers working in areas that have fallen behind": a kind not named by proper names
        # is said which ones by what qualifies it.
        # ("the foundations ... – ideas, people, infrastructure, the business environment and
        # places –" names the five foundations asked for, in a series of five)
        examples = gives_examples(c.text, a.kind_noun) or (
            a.kind_noun not in NAMED_KINDS and (qualifies_kind(c.text, a.kind_noun)
                                                 or _enumerates(c.text, a.kind_noun))) \
            or series_items(c.text) == (asked_items(a.question) or -1)
        return bool(mentions) and not examples and \
            not has_slot(c.text, frozenset({a.kind_noun}), self.known(a), before=KIND_BEFORE)

    def own_words(self, req: AnswerRequest) -> frozenset[str]:
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
        own = frozenset(t for t in tokenize(req.question)
                        if self._stats.known(t) and not self._stats.common(t) and t not in counted)
        # A role word brings its synonyms: "who leads it?" is answered by "led by".
        return own | a.focus if own & a.focus else own

    def topic_words(self, req: AnswerRequest) -> frozenset[str]:
        """The names and figures a follow-up borrowed from the last turn (what "it" is)."""
        borrowed = re.findall(r"[A-Z][\w&'’-]*|[£$€]?\d[\d.,]*\w*", req.standalone)
        return self._topic_terms(borrowed, req.question)

    def asked_before(self, req: AnswerRequest) -> frozenset[str]:
        """The names the last question asked about ("the IMPACT network": impact), less the
        follow-up's own words."""
        names = re.findall(r"(?<!^)(?<![.?!] )\b[A-Z][\w&'’-]*", req.previous_question)
        return self._topic_terms(names, req.question)

    def _topic_terms(self, words: list[str], question: str) -> frozenset[str]:
        """The specific terms of ``words`` (known to the deal, not everywhere in it) that the
        follow-up ``question`` does not use itself."""
        asked = set(tokenize(question))
        return frozenset(t for t in tokenize(" ".join(words)) if t not in asked
                         and self._stats.known(t) and not self._stats.common(t))

    def on_topic(self, c: Candidate, topic: frozenset[str], after: int = 0,
                 share: float = TOPIC_COVERAGE) -> bool:
        """The unit, the two before it and the ``after`` units after it (where the topic is
        named once the fact is stated) hold most of the topic (IDF-weighted): "QIAGEN ...
        Health Innovation Manchester", not a sentence that only shares "innovation"."""
        if not topic:
            return True
        units = c.passage.units[max(0, c.unit_index - 2):c.unit_index + 1 + after]
        have = terms(" ".join(c.passage.unit_text(u) for u in units))
        return self._stats.coverage(sorted(topic), have) >= share

    @staticmethod
    def qualified(req: AnswerRequest, fits: list[Candidate]) -> Candidate:
        """The best fit; but a question about how firm a promise is ("Will the fund stay in
        government hands?") takes a nearly-as-good restatement that carries a qualifier ("with
        the intention to float or sell once ...") over one that does not."""
        best = fits[0]
        if not asks_firmness(req.question) or _QUALIFIER_RE.search(best.text):
            return best
        # (or one restating its figure that is merely relevant: "... is anticipated to create
        # 150 new research roles" for "This will lead to 150 new research roles")
        figures = _figure_values(best.text)
        return next((c for c in fits[1:] if _QUALIFIER_RE.search(c.text) and (
            c.relevance >= TIE_RATIO * best.relevance
            or c.relevance >= RELEVANT_RATIO * best.relevance
            and figures & _figure_values(c.text))), best)




def _figure_values(text: str) -> set[tuple[str, object]]:
    """The sums and counts ``text`` states, by value (``arithmetic.figures_in``: not years), so
    a restatement repeating one is found however it writes it."""
    return {(f.currency, f.value) for f in figures_in(text)}


# What makes a statement conditional or provisional, or a figure a ceiling ("up to £86m").
_QUALIFIER_RE = re.compile(
    r"\b(?:subject to|conditional|provided|dependent on|depending on|unless|once|until|if|"
    r"intention|intend\w*|expected to|aim(?:s|ed)? to|would|may|pilot\w*|initial(?:ly)?|"
    r"in principle|up to|as much as|at most|no more than|review(?:ed)?|in return for|"
    r"in exchange for|anticipated|likely|projected|could)\b", re.IGNORECASE)

