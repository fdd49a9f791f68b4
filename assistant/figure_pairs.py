"""Which two figures a comparison, sum, difference, ratio or share is worked on.

Each side a question names ("the vaccines centre", "the £146m programme") is matched to the
figure whose own words, clause and unit best state it; with no sides to match, the figure whose
clause best covers the question and the one of the same kind that adds most to it. A share's
part is looked for in its whole's own unit or list first. The working is shown by
``arithmetic.compute``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product

from assistant.arithmetic import (BETWEEN_SIDES, COMPARING_SIDES, FOR_EVERY_SIDES, REST_OF_WHOLE,
                                  SHARED_SUM_RE, Figure, Operation, figures_in, percent_sides)
from assistant.count_nouns import COUNT_NOUN_SYNONYMS, singular
from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE, has_count_of
from assistant.followup import borrowed_name
from assistant.listing import is_lead_in, list_group
from assistant.name_match import acronym_in
from assistant.question import QuestionAnalysis
from assistant.question_parts import split_premise
from assistant.scoring import Candidate, TermStats, context_units, terms
from assistant.sides import ALTERNATIVES_RE, MIN_SIDE_COVERAGE, names_in_side, two_sides
from assistant.spans import clause_bounds
from retrieval.text import money_amounts, tokenize

__all__ = ["compared_sides", "figure_terms", "part_sides", "pick_listed", "pick_pair", "pick_part"]

NEAR_CHARS = 60  # how far around a figure its subject is looked for
WHAT_FOR_CHARS = 60  # how far after a figure the words saying what it is for are read

# A figure the question adds ("If you add the £146m programme to ...") is one of the two, not
# the whole they belong to.
_ADDED = re.compile(r"\badd(?:ing)? (?:the |its )?[£$€\d]|[\dmn] plus\b|"
                    r"\bplus (?:the )?[£$€\d]", re.IGNORECASE)
_OWN_SIZE_RE = re.compile(r"\b(?:its|their|the fund['’]s|the bank['’]s) own (?:size|stake|money|"
                          r"investment|funding|contribution)\b", re.IGNORECASE)
# Words setting two things against each other: one side may go unnamed, so the question's
# names do not bind both figures (see ``pick_pair``).
_COMPARES = re.compile(r"\b(?:than|versus|vs\.?|compared (?:to|with)|between)\b", re.IGNORECASE)


# "How much of the fund's manufacturing money is set aside for collaborative work?": the part
# is the figure asked for (group ``a``), the whole (``b``) where it is found.
_PART_OF_RE = re.compile(
    r"\bhow (?:much|many) of (?P<b>[^?]+?),? (?:is|are|will be|was|were|goes|go|will go|is going)"
    r"\s+(?:being )?(?:(?:set aside|earmarked|allocated|reserved|spent|put|going)\s+)?"
    r"(?:for|to|on|towards?|into) (?P<a>[^?]+)", re.IGNORECASE)


def part_sides(question: str) -> tuple[str, str] | None:
    """(part, whole) of a question asking how much of a whole goes to a part, or None."""
    return two_sides(question, (_PART_OF_RE,))


def pick_part(analysis: QuestionAnalysis, q_terms: list[str], cands: list[Candidate],
              stats: TermStats
              ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """The (part, whole) figures a "how much of the whole goes to the part?" question asks
    about (see ``_pick_share``), or None."""
    sides = part_sides(analysis.question)
    return _pick_share(sides, _options(analysis, q_terms, cands, stats), stats) if sides else None


# "Which has more people: ... or ...?": a comparison of counts of that noun, not of any figure.
# ("more new jobs", "more research staff": the noun may follow a word or two qualifying it)
_COMPARED_NOUN_RE = re.compile(r"\b(?:more|fewer|most|fewest) ([a-z-]+)(?: ([a-z-]+))?"
                               r"(?: ([a-z-]+))?", re.IGNORECASE)


def _compared_noun(question: str) -> str | None:
    """The counted noun a comparison names ("more people" -> "people"), when it is one."""
    nouns = (singular(w.lower()) for m in _COMPARED_NOUN_RE.finditer(question)
             for w in m.groups() if w)
    return next((n for n in nouns if n in COUNT_NOUN_SYNONYMS), None)


def figure_terms(clause: str, figures: list[Figure], k: int) -> frozenset[str]:
    """The terms around figure ``k`` of a clause: what it counts is named beside it, and the
    text between two figures is split half and half ("... London with 128 employees and
    growing its Oxford R&D site to 140 employees": Oxford goes with 140, London with 128)."""
    f = figures[k]
    lo, hi = max(0, f.start - NEAR_CHARS), f.end + NEAR_CHARS
    if k > 0:
        lo = max(lo, (figures[k - 1].end + f.start) // 2)
    if k + 1 < len(figures):
        hi = min(hi, (f.end + figures[k + 1].start) // 2)
    # A cut falls between words: "£176m for 5G and £200m" gives "5G" to £176m whole.
    lo -= len(re.search(r"\w*$", clause[:lo]).group())
    hi += len(re.match(r"\w*", clause[hi:]).group())
    return terms(clause[lo:hi])


OPTION_DEPTH = 15  # the top units whose figures are options


def _options(a: QuestionAnalysis, q_terms: list[str], cands: list[Candidate], stats: TermStats):
    """Every figure of the kind asked for in the best units: (clause coverage + unit score,
    candidate, figure, clause terms, terms near the figure, the year it is stated for)."""
    noun = a.count_noun or _compared_noun(a.question)
    want = "count" if noun else ("money" if a.wants_money else None)
    nouns = COUNT_NOUN_SYNONYMS.get(noun, ()) if noun else ()
    # (clause coverage + unit score, candidate, figure, clause terms, terms near the figure)
    options = []
    for c in cands[:OPTION_DEPTH]:
        for cs, ce in clause_bounds(c.text):
            clause = c.text[cs:ce]
            toks = set(terms(clause))
            cov = stats.coverage(q_terms, toks)
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
                near = figure_terms(clause, figures, k) if len(figures) > 1 else terms(c.text)
                options.append((cov + 0.3 * c.score - _shared_cost(a.question, c, f), c, f, toks,
                                near, _year_after(clause, f)))
    return options


def pick_pair(analysis: QuestionAnalysis, q_terms: list[str], cands: list[Candidate],
              stats: TermStats, op: Operation | None = None, standalone: str = ""
              ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """The two figures to add or subtract: ((candidate, figure), (candidate, figure)) or None.

    The first is the figure whose clause best covers the question; the second the figure of the
    same kind whose clause adds most, above all the question's names the first lacks ("...
    Seqirus in Liverpool and BioClavis in Glasgow"). ``standalone``: a follow-up with the
    words it borrowed from the turn before, in brackets after it."""
    a = analysis
    options = _options(a, q_terms, cands, stats)
    sides = compared_sides(a.question, op) if op in (Operation.COMPARE, Operation.RATIO) \
        else _named_sides(a.question, two_sides(a.question, _SUM_SIDES_RE)) \
        if op is Operation.SUM \
        else percent_sides(a.question) if op is Operation.PERCENT else None
    if op is Operation.DIFFERENCE and money_amounts(a.question):
        # "By how much do industry pledges exceed the £146m programme?": a sum the question
        # gives is one side of the difference, not a whole the parts belong to.
        # (in the side set against, not the side asked about: "How much more is the centre
        # getting from the £50m programme than ...?" names the whole its parts come from)
        found = two_sides(a.question, _DIFFERENCE_SIDES_RE)
        if found and money_amounts(found[1]) and not money_amounts(found[0]):
            sides = found
        elif found and _given_side(found[0]) is not None and not money_amounts(found[1]):
            # "How much more is the £86m review pot than the vaccines centre allocation?": the
            # side asked about is the given sum's own (not "getting from the £50m programme")
            sides = found
    elif op is Operation.DIFFERENCE:
        sides = compared_sides(a.question, op)
    if sides is None and op in (Operation.COMPARE, Operation.RATIO, Operation.DIFFERENCE):
        # "The vaccines centre and the Medicines Manufacturing Innovation Centre both come out
        # of the £146m. How many times bigger is the vaccines allocation?": the two things the
        # premise sets together are the sides
        sides = premise_pair(a.question)
    given_pair = _given_pair(a.question, options) if op in (
        Operation.DIFFERENCE, Operation.COMPARE, Operation.RATIO) else None
    if given_pair is not None:
        return given_pair
    sides = _borrowed_sides(a.question, standalone, sides)
    if sides is not None and op is Operation.PERCENT:
        beside = two_sides(a.question, _SET_BESIDE_RE)
        if beside is not None:
            # "Put A's building bill next to its yearly R&D spend. What fraction of a year's
            # spend does the building represent?": the sides set side by side say each in full
            # (the one sharing more of the part's words is the part)
            part = set(tokenize(sides[0]))
            first = len(part & set(tokenize(beside[0]))) >= len(part & set(tokenize(beside[1])))
            sides = beside if first else (beside[1], beside[0])
        return _pick_share(sides, options, stats)
    if sides is not None:
        return _pick_sides(sides, options, stats, _beyond_sides(a.question, sides))
    # "How many people does Vertex employ in London and Oxford combined?": both figures are
    # Vertex's, not another company's Oxford staff. Places are what is being combined, so only
    # the other names bind (either of them: "Seqirus in Liverpool and BioClavis in Glasgow").
    # A comparison has two sides, and one may go unnamed ("the vaccines centre than the
    # Medicines Manufacturing Innovation Centre"): nothing binds there.
    subjects = [(n, toks) for n in a.names if n not in a.places
                and n.lower() not in GENERIC_NAMES and (toks := tokenize(n))]  # not "UK"
    # "AstraZeneca's £500m building costs how many times Seqirus's investment?": a figure the
    # question gives one thing as its own is one side, first; the other is of its kind.
    own_size = op is Operation.RATIO and bool(_OWN_SIZE_RE.search(a.question))
    pinned = _given_side(a.question) if op is Operation.RATIO and not own_size else None
    if pinned is not None:
        options = [o for o in options if o[2].kind == pinned.kind]
        # (the given figure's best statement first, then the rest by how well they cover
        # the question; the second is chosen from them below)
        options.sort(key=lambda o: (o[2].value != pinned.value, -o[0]))
        if len(options) < 2 or options[0][2].value != pinned.value:
            return None
    elif subjects and not _COMPARES.search(a.question):
        options = [o for o in options if _about_any(o[1], subjects)] or options
    # A figure the question states is what the parts belong to ("... getting from the £146m
    # programme than ..."), not one of them.
    # But a figure the question adds ("If you add the £146m programme to ...") is one of them.
    # So is a figure a ratio is taken against ("If the £2.5bn fund releases what is expected,
    # how many times its own size is that?").
    own = own_size or pinned is not None
    given = {f.value for f in figures_in(a.question) if f.currency and not own
             and not _added(a.question, f)}
    rest = re.search(REST_OF_WHOLE, a.question, re.IGNORECASE) \
        if op is Operation.DIFFERENCE and given else None
    if rest:
        return _rest_of_whole(options, given, tokenize(a.question[rest.end():]), stats)
    options = [o for o in options if o[2].value not in given] or options
    # "... in 2021/22 exceed the 2016/17 level": each side is the figure stated for one of the
    # periods the question names ("from around £9.5bn in 2016/17 to £12.5bn in 2021/22").
    periods = set(_STATED_YEAR_RE.findall(a.question))
    dated = [o for o in options if o[5] in periods]
    by_period = len(periods) >= 2 and len({o[5] for o in dated}) >= 2
    if by_period:
        options = dated
    if len(options) < 2:
        return None
    if pinned is None:  # (else the given figure stays first)
        options.sort(key=lambda o: o[0], reverse=True)
    if by_period:
        # One series stated across the periods ("from £9.5bn in 2016/17 to £12.5bn in 2021/22")
        # compares like with like: take it where a unit has one.
        for o1 in options:
            o2 = next((o for o in options if o[1] is o1[1] and o[5] != o1[5]
                       and o[2].kind == o1[2].kind), None)
            if o2 is not None:
                return (o1[1], o1[2]), (o2[1], o2[2])
    first = options[0]
    name_terms = [t for n in a.names for t in tokenize(n)]
    # Names the first figure's heading gives ("Industrial Strategy at a glance") are had.
    have = first[4] | terms(" ".join(first[1].passage.section))
    base = stats.coverage(name_terms, have) if name_terms else 0.0
    second, best_gain = None, -1.0
    for o in options[1:]:
        # Two equal figures are one figure restated, unless the question sets two things
        # against each other ("£12m on a centre ... £12m on the expansion ..."): then they
        # must be stated apart.
        same = o[2].value == first[2].value and (
            op is not Operation.COMPARE or o[1].unit is first[1].unit)
        if o[2].kind != first[2].kind or same or (first[5] is not None and o[5] == first[5]):
            continue
        if op is Operation.SUM and _whole_and_part(first[1], first[2], o[1], o[2]):
            continue  # "over £1bn ..., including £176m for 5G": adding them counts £176m twice
        # Names the figure's own words or the units before it give ("AstraZeneca ... move ...
        # to Cambridge. Construction of the £500m facility ..."), beyond what the first has.
        names_gain = stats.coverage(name_terms, have | o[4] | _context_terms(o[1])) - base \
            if name_terms else 0.0
        # What the pair's clauses cover, and what the two figures' own words cover: "£400m
        # charging infrastructure ... an extra £100m to extend the plug-in car grant" are the
        # two parts of "counting charging infrastructure and the plug-in car grant".
        gain = stats.coverage(q_terms, first[3] | o[3]) + stats.coverage(q_terms, have | o[4]) \
            + names_gain + 0.3 * o[1].score - _shared_cost(a.question, o[1], o[2])
        if gain > best_gain:
            second, best_gain = o, gain
    if second is None:
        return None
    return (first[1], first[2]), (second[1], second[2])


# The two things a sum names: "How much goes to the vaccines centre and the treatment centres
# combined?" (each side's figure is found by its own words, not by the whole question's).
_NOT_PREP = r"(?:(?!\b(?:to|for|on|of|into)\b)[^?,])"
_SUM_SIDES_RE = (
    re.compile(rf"\b(?:to|for|on|of|into) (?P<a>{_NOT_PREP}+?) and (?P<b>[^?,]+?),? "
               r"(?:combined|together|put together|in total|altogether|between them)\b",
               re.IGNORECASE),
    # "If you add the £146m Wave 1 pot to the early diagnostics programme, what ...?" (a sum
    # stated on one side keeps that side's figure; with none, the figures are found as for
    # any sum)
    re.compile(r"\badd(?:ing)? (?!up\b)(?=[^?,]*[£$€]\d)(?P<a>[^?,]+?) to (?P<b>[^?,]+)",
               re.IGNORECASE),
    # ... or opening with it, naming both things: "Add the Leeds City Region investment
    # programme to the Oxfordshire Housing Deal: what's the combined sum?"
    re.compile(r"^(?:now |so |please )?add(?:ing)? (?!up\b)(?P<a>[^?,:;.]+?) to "
               r"(?P<b>[^?,:;.]+)", re.IGNORECASE),
    # "Put together the Challenge Fund money for A and B."
    re.compile(r"\b(?:put|putting|add|adding) together\b[^?.]*?\b(?:for|of|on|to) "
               r"(?P<a>[^?.,]+?) and (?P<b>[^?.,]+)", re.IGNORECASE),
    re.compile(BETWEEN_SIDES, re.IGNORECASE),  # "Between A and B, roughly how many ...?"
    # "Oxford research headcount: Vertex's R&D site plus the most scientists Novo Nordisk plans
    # to hire there - what's the total?" (a phrase of its own, set off by a colon or a dash)
    re.compile(r"(?:^|[:;]\s*|\s[-–—]\s)(?P<a>(?:(?!\s[-–—]\s)[^?,:;])+?) plus "
               r"(?P<b>[^?,:;]+?)(?=\s[-–—]\s|[?,:;]|$)", re.IGNORECASE),
    # "Taking A's raise and B's contract together, how many dollars is that?"
    re.compile(r"\b(?:taking|take|putting|put|counting|count) (?P<a>[^?,]+?) and (?P<b>[^?,]+?),? "
               r"(?:together|combined|as one)\b", re.IGNORECASE),
    # "How many jobs do A and B promise between them?", "How much do A and B get combined?"
    # ("How many staff could A and B have in Oxford between them?")
    re.compile(r"\b(?:do|does|will|would|did|could|can|might) (?P<a>[^?,]+?) and (?P<b>[^?,]+?) "
               r"(?:[a-z]+ )?(?:in [a-z]+ )?(?:between them|combined|together|altogether|"
               r"in total)\b",
               re.IGNORECASE),
    # "..., what would they and the £146m programme add up to?" (a sum stated on a side; with
    # none, the figures are found as for any sum)
    re.compile(r"\b(?:do|does|will|would|did) (?=[^?,]*[£$€]\d)(?P<a>[^?,]+?) and "
               r"(?P<b>[^?,]+?) (?:add up to|come to|amount to|sum to)\b", re.IGNORECASE),
)
# A side named by a pronoun ("If industry's pledges all come through, what would they and the
# £146m programme add up to?") is the thing the question's opening clause names.
_PRONOUN_SIDE_RE = re.compile(r"^(?:they|it|these|those|them|both)$", re.IGNORECASE)
_OPENING_RE = re.compile(r"^(?:if|once|when|assuming|supposing) (?P<a>[^?,]+),", re.IGNORECASE)


def _borrowed_sides(question: str, standalone: str,
                    sides: tuple[str, str] | None) -> tuple[str, str] | None:
    """``sides`` with a pronoun ("What percentage of that Leeds programme does it account
    for?") replaced by the name a follow-up borrowed from the turn before ("Nexus")."""
    name = borrowed_name(question, standalone) if _has_pronoun(sides) else None
    return sides if name is None else _pronoun_as(sides, name)


def _named_sides(question: str, sides: tuple[str, str] | None) -> tuple[str, str] | None:
    """``sides`` with a pronoun replaced by what the opening clause names (None where it
    names nothing)."""
    if not _has_pronoun(sides):
        return sides
    m = _OPENING_RE.match(question)
    return _pronoun_as(sides, m.group("a").strip()) if m else None


def _has_pronoun(sides: tuple[str, str] | None) -> bool:
    return sides is not None and any(_PRONOUN_SIDE_RE.match(s) for s in sides)


def _pronoun_as(sides: tuple[str, str], name: str) -> tuple[str, str]:
    """``sides`` with the one that is a pronoun ("they", "it") replaced by ``name``."""
    a, b = (name if _PRONOUN_SIDE_RE.match(s) else s for s in sides)
    return a, b
# The two things a difference sets against each other.
_DIFFERENCE_SIDES_RE = (
    # ("How much more does the Challenge Fund put into the new vaccines centre than Seqirus is
    # investing in its Liverpool plant?": the side says what the figure is of, verb and all)
    re.compile(r"\bhow much (?:more|bigger|larger|greater|higher) (?:is|are|was|were|will|would|"
               r"does|do|did) (?P<a>[^?]+?) than (?P<b>[^?]+)", re.IGNORECASE),
    re.compile(r"\bhow much (?:do|does|did|will|would) (?P<a>[^?]+?) (?:exceed|outstrip|"
               r"surpass|top)s? (?P<b>[^?]+)", re.IGNORECASE),
    # "How much more challenge-fund money goes to the vaccines centre than to the viral
    # vectors top-up?"
    re.compile(r"\bhow much more\b[^?]*?\b(?:go|goes|went|going|allocated|earmarked|set aside|"
               r"spent|invested|committed) (?:to|for|on|into|in) (?P<a>[^?]+?) than (?:to |for |"
               r"on |into |in )?(?P<b>[^?]+)", re.IGNORECASE),
    # "What is the gap between the industry pledges and the £146m programme?"
    re.compile(r"\b(?:gap|difference) between (?P<a>[^?]+?) and (?P<b>[^?]+)", re.IGNORECASE),
)
# Two things a question sets side by side before asking the gap between them.
_SET_BESIDE_RE = (
    re.compile(r"^(?:put|set|place|lay|stand) (?P<a>[^?:;]+?) (?:next to|beside|alongside|"
               r"against|side by side with) (?P<b>[^?:;]+?)(?:\s*[:;,.]\s|\s+[-–—]\s)",
               re.IGNORECASE),
)
# The two things a comparison sets against each other.
_SIDES_RE = (
    # "How many times larger is the new fund than the seed money?"
    re.compile(r"\bhow many times \w+ (?:is|was|are|were|will) (?P<a>[^?]+?) than (?P<b>[^?]+)",
               re.IGNORECASE),
    # "How many relocated staff does MSD's site take for every new research role?"
    re.compile(FOR_EVERY_SIDES, re.IGNORECASE),
    # "How do the industry pledges compare with the £146m ...?"
    re.compile(r"\bhow (?:does|do|did) (?P<a>[^?]+?) compare (?:with|to|against) (?P<b>[^?]+)",
               re.IGNORECASE),
    ALTERNATIVES_RE,  # "Which is the larger sum: A or B, and by how much?"
    # "Does Adaptimmune employ more people in the UK than Vertex has in Oxford?"
    re.compile(r"^(?:does|do|did|is|are|was|were|will|would|has|have) (?P<a>[^?]+?) "
               r"(?:[\w'’-]+ )?(?:more|larger|bigger|greater|higher|less|smaller|lower|fewer)\b"
               r"[^?]*? than (?P<b>[^?]+)", re.IGNORECASE),
    # "Will MSD's new research roles outnumber the people at Vertex's Oxford site?"
    re.compile(r"^(?:does|do|did|is|are|was|were|will|would|has|have) (?P<a>[^?]+?) "
               r"(?:outnumber|exceed|outstrip|surpass) (?P<b>[^?]+)", re.IGNORECASE),
    # "Compare headcounts: the staff AstraZeneca will have in Cambridge versus MSD's new site"
    re.compile(r"\bcompare\b[^?:]*?(?::\s*|\s)(?P<a>[^?:]+?) (?:versus|vs\.?|against) "
               r"(?P<b>[^?]+)", re.IGNORECASE),
    # "Comparing the Liverpool plant with the Glasgow spin-out, which creates more jobs?"
    re.compile(COMPARING_SIDES, re.IGNORECASE),
)


def _rest_of_whole(options, given: set, part_terms: list[str], stats: TermStats
                   ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """"Of the £162m, how much is for things other than the vaccines centre?": the whole is
    the figure the question states, the part the smaller one of its kind whose words best fit
    what is taken out (``part_terms``)."""
    wholes = sorted((o for o in options if o[2].value in given), key=lambda o: -o[0])
    if not wholes:
        return None
    whole = wholes[0]
    parts = sorted((o for o in options if o[2].kind == whole[2].kind
                    and o[2].value < whole[2].value),
                   key=lambda o: (-_fits_side(stats, part_terms, o), -o[0]))
    return ((whole[1], whole[2]), (parts[0][1], parts[0][2])) if parts else None


# "A and B both come out of the £146m.", "A and B each get a grant."
_PREMISE_PAIR_RE = re.compile(r"^(?:the )?(?P<a>[^.?,]+?),? and (?:the )?(?P<b>[^.?,]+?) "
                              r"(?:both|each|are both|each get|both get)\b", re.IGNORECASE)


def premise_pair(question: str) -> tuple[str, str] | None:
    """The two things a question's premise sets together ("A and B both ..."), or None."""
    premise, _ = split_premise(question)
    m = _PREMISE_PAIR_RE.match(premise.strip()) if premise else None
    return (m.group("a"), m.group("b")) if m else None


def compared_sides(question: str, op: Operation) -> tuple[str, str] | None:
    """The two things a comparison or difference names ("Is the 2021/22 uplift bigger than the
    NIHR's five-year contract round?"), or None: their figures are looked for side by side,
    however little of the whole question one unit covers, and wherever the deal names them.

    A difference's: "Put the Leeds programme next to the Oxfordshire deal's money: what's the
    gap?", "How much bigger is the new Investment Fund than what the Enterprise Capital Fund
    programme supports?"; not one measure in two years ("How much higher will R&D investment
    be in 2021/22 than in 2016/17?"), whose figures are told apart by the years after them."""
    if op in (Operation.COMPARE, Operation.RATIO):
        return two_sides(question, _SIDES_RE)
    if op is not Operation.DIFFERENCE:
        return None
    found = two_sides(question, _DIFFERENCE_SIDES_RE)
    return two_sides(question, _SET_BESIDE_RE) or (
        found if found and not any(_STATED_YEAR_RE.search(side) for side in found) else None)


def _pick_sides(sides: tuple[str, str], options, stats: TermStats, shared: Sequence[str] = ()
                ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """One figure for each side: the one stated in the side's own words ("the £146m the fund
    is putting into ..."), else the figure whose own words best cover the side's, stated apart
    from the other side's figure. Both are of one kind (money with money, counts with counts):
    of the kinds where each side finds a figure, the pair that fits its sides best."""
    found = _fit_sides(sides, options, stats, shared)
    return None if found is None else (found[0], found[1])


def pick_listed(analysis: QuestionAnalysis, q_terms: list[str], cands: list[Candidate],
                stats: TermStats, sides: Sequence[str]) -> list[tuple[Candidate, Figure]] | None:
    """One figure for each of three or more listed things ("A, B and C ... together"), all
    of one kind, each stated apart; None where a side finds none."""
    return _fit_sides(sides, _options(analysis, q_terms, cands, stats), stats,
                      _beyond_sides(analysis.question, sides))


def _beyond_sides(question: str, sides: Sequence[str]) -> list[str]:
    """The names (and places) the question gives outside its sides, which every side's figure
    shares: "How many staff could Novo Nordisk and Vertex have in Oxford between them?" asks
    for Vertex's Oxford figure, not its London one."""
    named = set().union(*(terms(s) for s in sides))
    return [t for n in NAME_RUN_RE.findall(question) if n.lower() not in GENERIC_NAMES
            for t in terms(n) if t not in named]


def _fit_sides(sides: Sequence[str], options, stats: TermStats, shared: Sequence[str] = ()
               ) -> list[tuple[Candidate, Figure]] | None:
    """Of the kinds where each side finds a figure, the figures that fit the sides best."""
    fits = [f for kind in dict.fromkeys(o[2].kind for o in options)
            if (f := _sides_of_kind(sides, [o for o in options if o[2].kind == kind], stats,
                                    shared))]
    return max(fits, key=lambda f: f[0])[1] if fits else None


def _given_pair(question: str, options) -> tuple[tuple[Candidate, Figure],
                                                 tuple[Candidate, Figure]] | None:
    """"Net of the state's £146m, how far ahead are the up-to-£253m pledges?": two sums the
    question itself sets against each other are the pair, each where the deal best states it
    (None unless both are stated in what was retrieved)."""
    values = list(dict.fromkeys((f.currency, f.value) for f in figures_in(question)
                                if f.currency))
    if len(values) != 2 or values[0][0] != values[1][0]:
        return None
    picked = [max((o for o in options if (o[2].currency, o[2].value) == v),
                  key=lambda o: o[0], default=None) for v in values]
    if None in picked:
        return None
    return (picked[0][1], picked[0][2]), (picked[1][1], picked[1][2])


# A figure the question takes as a whole ("of the £146m", "out of its £500m", "under the
# £146m programme"), not as one thing's own.
_WHOLE_BEFORE_RE = re.compile(r"\b(?:of|from|under|within|out of|in|across|for) (?:the |its |"
                              r"their |this |that )?(?:[\w'’-]+ ){0,2}$", re.IGNORECASE)


def _added(question: str, f: Figure) -> bool:
    """The question adds figure ``f`` to something ("If you add the £146m programme to ...")."""
    return bool(_ADDED.search(question[max(0, f.start - 12):f.end + 8]))


def _given_side(question: str) -> Figure | None:
    """"AstraZeneca's £500m Cambridge building costs how many times Seqirus's Liverpool
    investment?": the one sum a ratio question gives as a thing's own is one of its sides
    (None where it gives none, several, or one as the whole the sides come from)."""
    given = [f for f in figures_in(question) if f.currency]
    if len(given) != 1 or _WHOLE_BEFORE_RE.search(question[:given[0].start]) \
            or _added(question, given[0]):
        return None
    return given[0]


def _pick_share(sides: tuple[str, str], options, stats: TermStats
                ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """(part, whole): the pair of figures, of one kind and the part smaller, that best fit
    their sides, a part the whole's own unit or list gives first (a programme's
    breakdown: "A £146m investment programme ... including: £66m on a Vaccines ... Centre",
    not another company's investment)."""
    part_terms, whole_terms = tokenize(sides[0]), tokenize(sides[1])
    stated = [f.value for f in figures_in(sides[1]) if f.currency]
    about_terms = lambda o: o[4] | o[3] | _context_terms(o[1])  # noqa: E731
    about = lambda o, want: stats.coverage(want, about_terms(o))  # noqa: E731
    wholes = [o for o in options if (not stated or o[2].value in stated) and about(o, whole_terms)]
    # A whole a proper name owns ("AstraZeneca's global R&D spending") is that one's figure:
    # another's ("total public investment in R&D") is no whole of it.
    owners = [set(tokenize(n)) for n in NAME_RUN_RE.findall(sides[1])
              if n.lower() not in GENERIC_NAMES]
    wholes = [o for o in wholes if all(n <= about_terms(o) for n in owners)]
    parts = [o for o in options if about(o, part_terms)]
    pairs = [(_fits_side(stats, part_terms, p) + _fits_side(stats, whole_terms, w), p, w)
             for w in wholes for p in parts
             if p[2].kind == w[2].kind and p[2].value < w[2].value]
    # A part named by a proper name ("AstraZeneca's yearly spend") is that one's figure, not a
    # figure the whole's own sentence gives.
    names = [set(tokenize(n)) for n in NAME_RUN_RE.findall(sides[0])
             if n.lower() not in GENERIC_NAMES]
    named = [x for x in pairs if names and all(n <= about_terms(x[1]) for n in names)]
    pairs = named or pairs
    # A part is stated with its whole; one from elsewhere (another company's investment)
    # only where the whole's breakdown states none that fits, and named there by its words.
    pairs = [x for x in pairs if _part_of(x[1][1], x[2][1])] or [
        x for x in pairs if about(x[1], part_terms) >= MIN_SIDE_COVERAGE]
    if not pairs:
        return None
    _, part, whole = max(pairs, key=lambda x: x[0])
    return (part[1], part[2]), (whole[1], whole[2])


def _part_of(part: Candidate, whole: Candidate) -> bool:
    """``part``'s unit states a part of the figure ``whole``'s unit states: the same unit, or an
    item of the list it leads in ("A £146m programme ..., including:" / "£66m on a ...")."""
    if part.passage is not whole.passage:
        return False
    if part.unit_index == whole.unit_index:
        return True
    if part.unit_index < whole.unit_index or not is_lead_in(whole):
        return False
    lo, hi = list_group(whole.passage, whole.unit_index + 1)
    return lo <= part.unit_index <= hi


def _sides_of_kind(sides: Sequence[str], options, stats: TermStats, shared: Sequence[str] = ()):
    """(fit, [(candidate, figure) for each side]) for ``sides`` among ``options``, or None.

    Each side takes one of the figures fitting it best; of those choices, the set fitting best
    in all, where one sum given to two sides counts against the set ("the manufacturing
    programme" and "the viral vectors top-up" are not both the £16m the deal states twice) and
    one figure stated once is never two sides'. (Where no sum repeats, each side in turn takes
    its best.)"""
    ranked = []
    for side in sides:
        side_terms = tokenize(side)
        named = frozenset().union(*names_in_side(side))
        head = _head_noun(side)
        stated = [f.value for f in figures_in(side) if f.currency]
        pool = [(_fits_side(stats, side_terms, o, named) - _shared_cost(side, o[1], o[2])
                 + SHARED_WORDS_WEIGHT * stats.coverage(shared, o[4])
                 + (HEAD_WEIGHT if head and head in terms(o[1].text) else 0.0), o)
                for o in options
                if not stated or o[2].value in stated]
        pool.sort(key=lambda x: -x[0])
        if not pool:
            return None
        best = pool[0][1]
        if not stats.coverage(side_terms, best[4] | best[3] | _context_terms(best[1])
                              | terms(best[1].text)):
            return None  # nothing of this side's words near any figure
        ranked.append(pool)
    greedy = _greedy(ranked)
    if greedy is not None and len({(f.kind, f.value) for _, f in greedy[1]}) == len(sides):
        return greedy
    found = None
    for choice in product(*(pool[:SIDE_CHOICES] for pool in ranked)):
        spots = {(id(o[1].unit), o[2].start) for _, o in choice}
        if len(spots) < len(choice):
            continue  # one figure stated once is not two sides'
        values = [(o[2].kind, o[2].value) for _, o in choice]
        fit = sum(f for f, _ in choice) - REPEATED_SUM_COST * (len(values) - len(set(values)))
        if found is None or fit > found[0]:
            found = (fit, [(o[1], o[2]) for _, o in choice])
    return found or greedy


SHARED_COST = 0.5  # what a sum shared by several things loses as one side's figure


def _shared_cost(asked: str, c: Candidate, f: Figure) -> float:
    """A sum the deal states for several things at once ("This £146m will fund two new
    national centres - ... and a Vaccines ... Centre") is not one of them's, where the side or
    question (``asked``) is about one ("the new vaccines centre"): it costs SHARED_COST.
    (Asked about the several, "the two centres", it does not.)"""
    for m in SHARED_SUM_RE.finditer(c.text):
        if not m.group().startswith(f.text) or re.search(rf"\b{m.group(1)}\b", asked, re.I):
            continue
        # ("the advanced therapies treatment centres", in the plural, are the several: "£30m
        # to establish three Advanced Therapies Treatment Centres")
        # (the last plural of the words right after the count: "Centres", not "Therapies")
        words = re.match(r"(?:\s+[\w&'’-]+){1,5}", c.text[m.end():])
        plurals = [w for w in (words.group().split() if words else ())
                   if len(w) > 3 and w.endswith("s") and not w.endswith("ss")]
        if not plurals or not re.search(rf"\b{re.escape(plurals[-1])}\b", asked, re.I):
            return SHARED_COST
    return 0.0


def _greedy(ranked):
    """Each side in turn takes its best figure not already taken (as stated once)."""
    picked, total = [], 0.0
    for pool in ranked:
        fit, o = next(((f, o) for f, o in pool
                       if not any(o[1].unit is c.unit and o[2].start == g.start
                                  for c, g in picked)), (None, None))
        if o is None:
            return None
        picked.append((o[1], o[2]))
        total += fit
    return total, picked


SHARED_WORDS_WEIGHT = 0.2  # names the question gives outside its sides, near a figure
HEAD_WEIGHT = 0.1  # the side's head noun in the figure's own unit: a tie-breaker
# The words after a side's head noun: "the top-up for viral vectors" is a top-up.
_AFTER_HEAD_RE = re.compile(r"\s+(?:for|of|in|on|to|from|with|at|by|that|which|who|its|their)\b.*$",
                            re.IGNORECASE)


def _head_noun(side: str) -> str | None:
    """The term of the noun a side is about, its last word before any qualifier: "the
    medicines manufacturing programme" is a programme (its own unit says so, where a list
    item under a programme's lead-in is a centre)."""
    words = tokenize(_AFTER_HEAD_RE.sub("", side))
    # (a pronoun stands for a noun elsewhere: "AstraZeneca's Cambridge one")
    return words[-1] if words and words[-1] not in _PRONOUN_HEADS else None


# (the index drops "it", "that", "these" and the like as stop words already)
_PRONOUN_HEADS = frozenset(tokenize("one ones another either"))


SIDE_CHOICES = 3  # the figures fitting a side best, each tried for it
REPEATED_SUM_COST = 0.1  # one sum for two sides: the deal restating it, unless it fits far better


UNIT_WEIGHT = 0.25


def _fits_side(stats: TermStats, side_terms: list[str], o, named: frozenset[str] = frozenset()
               ) -> float:
    """How well option ``o`` states one side: the words near its figure and around its unit,
    its clause, the words right after the figure that say what it is for, and a little its
    whole unit ("Adaptimmune, with its pipeline ..., has over 200 UK employees": the subject
    stands clauses before the figure; alike for every figure of one unit, so it only ranks
    units)."""
    # The side's own names in the figure's unit are its subject, as they would be in a unit
    # before it ("Adaptimmune, ..., has to date raised over £300m" is as much Adaptimmune's
    # as the next unit's "In 2017 alone it raised $100m").
    # (named before the figure, as a subject is: not "This £146m will fund ... the Medicines
    # Manufacturing Innovation Centre", what the sum is shared out to)
    at = o[1].text.find(o[2].text)
    own = named & terms(o[1].text[:max(at, 0)])
    return (stats.coverage(side_terms, o[4] | _context_terms(o[1]) | own)
            + 0.5 * stats.coverage(side_terms, o[3])
            + UNIT_WEIGHT * stats.coverage(side_terms, terms(o[1].text))
            + 0.5 * stats.coverage(side_terms, _what_for(o[1].text, o[2]))
            + 0.1 * o[1].score)


def _what_for(text: str, f: Figure) -> frozenset[str]:
    """The words right after a figure, which say what it is for: "£30m to establish three
    Advanced Therapies Treatment Centres", not "£16m of programme support for ..." in a
    sentence that also mentions the centres."""
    at = text.find(f.text)
    return terms(text[at + len(f.text):at + len(f.text) + WHAT_FOR_CHARS]) if at >= 0 \
        else frozenset()


_INCLUDES_RE = re.compile(r"\b(?:including|includ(?:es|ed)|of which|within which)\b", re.IGNORECASE)


def _whole_and_part(c1: Candidate, f1: Figure, c2: Candidate, f2: Figure) -> bool:
    """Two figures of one unit where the later one is listed as part of the earlier ("over
    £1bn of public investment, including £176m for 5G")."""
    if (c1.passage.passage_id, c1.unit_index) != (c2.passage.passage_id, c2.unit_index):
        return False
    # Figure offsets are within their clauses: locate both in the unit's text.
    at = sorted(((c1.text.find(f.text), f) for f in (f1, f2)), key=lambda t: t[0])
    (p1, lo), (p2, _) = at
    return 0 <= p1 < p2 and bool(_INCLUDES_RE.search(c1.text[p1 + len(lo.text):p2]))


_STATED_YEAR_RE = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b")
_YEAR_AFTER_RE = re.compile(r"\s*(?:in|by|for|during|of)?\s*((?:19|20)\d\d(?:/\d\d)?)\b")


def _year_after(clause: str, f: Figure) -> str | None:
    """The year a figure is stated for, right after it: "£9.5bn in 2016/17" -> "2016/17"."""
    m = _YEAR_AFTER_RE.match(clause, f.end)
    return m.group(1) if m else None


def _context_terms(c: Candidate) -> frozenset[str]:
    """The words of the units before ``c`` that may name its subject (not ``c`` itself)."""
    return terms(" ".join(c.passage.unit_text(u) for u in context_units(c)[:-1]))


def _about_any(c: Candidate, names: list[tuple[str, list[str]]]) -> bool:
    """The unit, one of the units before it that may name its subject, or a heading above it
    names one of ``names`` in full, or spells out its acronym ("ISCF")."""
    text = " ".join([*c.passage.section, *(c.passage.unit_text(u) for u in context_units(c))])
    have = terms(text)
    return any(all(t in have for t in toks) or acronym_in(n, text) for n, toks in names)
