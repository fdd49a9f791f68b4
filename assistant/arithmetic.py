"""Sums and differences the deal implies but does not state ("how much more ... than ...").

The answer quotes both figures verbatim and then shows the working, e.g.
"£66m − £12m = £54m", so a reader can check it against the cited passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE, has_count_of
from assistant.listing import is_lead_in, list_group
from assistant.question import COUNT_NOUN_SYNONYMS, QuestionAnalysis, singular
from assistant.scoring import Candidate, TermStats, context_units, terms
from assistant.name_match import acronym_in
from assistant.sides import ALTERNATIVES_RE, MIN_SIDE_COVERAGE, two_sides
from assistant.spans import clause_bounds
from retrieval.text import find_amounts, tokenize

__all__ = ["Operation", "Figure", "detect_operation", "figures_in", "compute", "figure_terms",
           "format_value", "part_sides", "percent_sides", "pick_pair", "pick_part"]

NEAR_CHARS = 60  # how far around a figure its subject is looked for
WHAT_FOR_CHARS = 60  # how far after a figure the words saying what it is for are read


class Operation(str, Enum):
    SUM = "sum"
    DIFFERENCE = "difference"
    COMPARE = "compare"  # "Which is larger: A or B?"
    RATIO = "ratio"  # "How many times larger is A than B?"
    PERCENT = "percent"  # "What percentage of A goes on B?"


# "How many times larger is the fund than the seed money?"
_RATIO = re.compile(r"\bhow many times\b|\btimes (?:as (?:much|large|big|many)|more|larger|bigger|"
                    r"greater|the size)\b|\bratio\b", re.IGNORECASE)
# "Which is the larger sum: A or B?", "Which gets more: A or B?", "How do A compare with B?":
# two things named as alternatives, or set against each other.
_COMPARE = re.compile(
    r"\bwhich\b[^?]{0,100}?\b(?:more|larger|bigger|greater|higher|less|smaller|lower|fewer)\b"
    r"[^?]{0,160}?\bor\b|\bhow (?:does|do|did) [^?]{1,160}?\bcompare\b|"
    # "Does Adaptimmune employ more people than Vertex has in Oxford?"
    r"^(?:does|do|did|is|are|was|were|will|would|has|have)\b[^?]{1,80}?\b(?:more|larger|bigger|"
    r"greater|higher|less|smaller|lower|fewer)\b[^?]{0,60}?\bthan\b", re.IGNORECASE)


_DIFFERENCE = re.compile(
    r"\b(how (?:much|many) (?:more|less|fewer|bigger|larger|smaller|higher|lower|greater)|"
    # "By how much will it rise between 2016/17 and 2021/22?" compares two figures; "By how
    # much should hospital stays shrink?" asks for one (a "25 per cent" cut).
    r"by how much\b(?=.*\b(?:between|than|exceed|compared|versus|from\b.+\bto)\b)|difference|"
    r"gap between|not covered|left over|remain(?:s|ing)?|(?:rise|grow|increase|fall|drop|change)"
    r"s? (?:from .{1,40} )?between|more than .{1,60} than|"
    # "How much of the programme is left once Nexus is taken out?"
    r"left (?:once|after|when|if)|(?:taken|take) (?:out|away)|minus|subtract\w*|deduct\w*|"
    # "How much private money will the fund bring in on top of its own stake?"
    r"(?:on top of|over and above|beyond) (?:its|their|[\w-]+['’]s) own)\b",
    re.IGNORECASE)
# "In total" alone is not a sum ("how much has X raised in total?" asks for one figure): a sum
# needs two things put together.
_SUM = re.compile(
    r"\b(together|combined|in all|altogether|add(?:s|ed|ing)? (?:up|together)|sum of|"
    r"total of .{1,60} and|add(?:ing)? (?:the |its )?[^?]{1,80}? to|"
    r"counting .{1,60} too|counting (?:both )?[^?]{1,60}\band\b|plus|both .{1,60} and|"
    r"across (?:its |their |the )?(?:two|three|four|both|all)\b|"
    r"across (?:its|their|the) [^?]{1,40}\band\b)\b", re.IGNORECASE)
_ADDED = re.compile(r"\badd(?:ing)? (?:the |its )?[£$€\d]|[\dmn] plus\b|"
                    r"\bplus (?:the )?[£$€\d]", re.IGNORECASE)
_COUNT = re.compile(r"(?<![£$€\d.,/])\b\d{1,3}(?:,\d{3})+\b|(?<![£$€\d.,/])\b\d+\b(?![.,]\d)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_COMPARES = re.compile(r"\b(?:than|versus|vs\.?|compared (?:to|with)|between)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: Decimal
    currency: str  # "£", "$", "€"; "" for a count
    bound: str = ""  # the word before it that bounds it: "over", "up to", "around" ...

    @property
    def kind(self) -> str:
        return self.currency or "count"


_BOUND_RE = re.compile(r"\b(over|more than|at least|up to|around|about|approximately|nearly|"
                       r"almost|c\.)\s*$", re.IGNORECASE)
_BOUNDS = ({"over", "more than", "at least"}, {"up to"},
           {"around", "about", "approximately", "nearly", "almost", "c."})


def _bound(text: str, start: int) -> str:
    m = _BOUND_RE.search(text, max(0, start - 16), start)
    return m.group(1).lower() if m else ""


def _sum_bound(a: Figure, b: Figure) -> str:
    """ "over £7bn" + "£1bn" is "over £8bn": a sum keeps a bound its operands share (an exact
    figure shares every bound); bounds that pull apart ("over" and "up to") give none."""
    words = [w for w in (a.bound, b.bound) if w]
    group = next((g for g in _BOUNDS if words and all(w in g for w in words)), None)
    return f"{words[0]} " if group is not None else ""


# "What percentage of the fund's pot goes on the vaccine centre?", "What share of the £146m
# does the centre get?": part ÷ whole, where the deal states both and not the share. Group
# ``a`` is the part, ``b`` the whole.
_PERCENT_SIDES_RE = (
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?),? (?:goes|go|went|is going|will go|is "
               r"spent|is being spent|will be spent|is allocated|is earmarked|is set aside)\s+"
               r"(?:on|to|towards?|into|for) (?P<a>[^?]+)", re.IGNORECASE),
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?) (?:does|do|did|will|would) "
               r"(?P<a>[^?]+?) (?:get|receive|take|account for|make up|represent)\b",
               re.IGNORECASE),
    # "AstraZeneca's yearly spend is roughly what share of public R&D in 2016/17?"
    re.compile(r"^(?P<a>[^?]+?),? (?:is|are|was|were) (?:roughly |about |approximately |around )?"
               r"(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|fraction|"
               r"per ?cent|part) of (?P<b>[^?]+)", re.IGNORECASE),
)


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


def percent_sides(question: str) -> tuple[str, str] | None:
    """(part, whole) of a question asking what share of a whole a part is, or None."""
    return two_sides(question, _PERCENT_SIDES_RE)


def detect_operation(question: str) -> Operation | None:
    if percent_sides(question):
        return Operation.PERCENT
    if _RATIO.search(question):
        return Operation.RATIO
    if _DIFFERENCE.search(question):
        return Operation.DIFFERENCE
    if _COMPARE.search(question):
        return Operation.COMPARE
    if _SUM.search(question):
        return Operation.SUM
    return None


def figures_in(text: str) -> list[Figure]:
    """Money amounts and plain counts (not years, not percentages) in ``text``."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for a in find_amounts(text):
        if a.currency and not a.is_percent:
            out.append(Figure(a.start, a.end, a.text.strip(), a.value, a.currency,
                              _bound(text, a.start)))
        taken.append((a.start, a.end))
    for m in _COUNT.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _YEAR.match(m.group()):
            continue
        if re.match(r"\s?(?:per cent|percent|%|/\d|m\b|bn\b|k\b)", text[m.end() : m.end() + 9]):
            continue
        out.append(Figure(m.start(), m.end(), m.group(), Decimal(m.group().replace(",", "")), "",
                          _bound(text, m.start())))
    return sorted(out, key=lambda f: f.start)


def format_value(value: Decimal, currency: str) -> str:
    """"£1.15m", "£2bn", "$6,667", "42,000": a computed figure written as the deal writes them."""
    if not currency:
        return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"
    for suffix, unit in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if abs(value) >= unit:
            v = format((value / unit).normalize(), "f")
            return f"{currency}{v}{suffix}"
    return f"{currency}{value:,.0f}"


def _bounded(f: Figure) -> str:
    return f"{f.bound} {f.text}" if f.bound else f.text


def _diff_bound(hi: Figure, lo: Figure) -> str:
    """"over 200" less "140" is over 60; "200" less "up to 140" at least 60; bounds on both
    sides leave only an estimate."""
    if not hi.bound and not lo.bound:
        return ""
    if hi.bound in _BOUNDS[0] and not lo.bound:
        return f"{hi.bound} "
    if lo.bound == "up to" and not hi.bound:
        return "at least "
    return "about "


def compute(op: Operation, a: Figure, b: Figure) -> str | None:
    """"£66m − £12m = £54m" (larger first for a difference); None when units differ."""
    if a.kind != b.kind:
        return None
    if op is Operation.SUM:
        bound = _sum_bound(a, b)
        return (f"{_bounded(a)} + {_bounded(b)} = "
                f"{bound}{format_value(a.value + b.value, a.currency)}")
    hi, lo = (a, b) if a.value >= b.value else (b, a)
    if op is Operation.COMPARE:
        if hi.value == lo.value:
            return f"{a.text} and {b.text} are the same amount"
        return (f"{_bounded(hi)} is {_diff_bound(hi, lo)}"
                f"{format_value(hi.value - lo.value, a.currency)} more than {_bounded(lo)}")
    if op is Operation.PERCENT:  # ``a`` is the part, ``b`` the whole
        if not b.value or a.value > b.value:
            return None
        share = (a.value * 100 / b.value).quantize(Decimal("1"), ROUND_HALF_UP)
        return f"{_bounded(a)} ÷ {_bounded(b)} = about {share}%"
    if op is Operation.RATIO:
        if not lo.value:
            return None
        times = (hi.value / lo.value).quantize(Decimal("0.1")).normalize()
        return f"{hi.text} ÷ {lo.text} = {format(times, 'f')} times"
    return f"{hi.text} − {lo.text} = {format_value(hi.value - lo.value, a.currency)}"


# "Which has more people: ... or ...?": a comparison of counts of that noun, not of any figure.
_COMPARED_NOUN_RE = re.compile(r"\b(?:more|fewer|most|fewest) ([a-z]+)\b", re.IGNORECASE)


def _compared_noun(question: str) -> str | None:
    """The counted noun a comparison names ("more people" -> "people"), when it is one."""
    nouns = (singular(m.group(1).lower()) for m in _COMPARED_NOUN_RE.finditer(question))
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


def _options(a: QuestionAnalysis, q_terms: list[str], cands: list[Candidate], stats: TermStats):
    """Every figure of the kind asked for in the best units: (clause coverage + unit score,
    candidate, figure, clause terms, terms near the figure, the year it is stated for)."""
    noun = a.count_noun or _compared_noun(a.question)
    want = "count" if noun else ("money" if a.wants_money else None)
    nouns = COUNT_NOUN_SYNONYMS.get(noun, ()) if noun else ()
    # (clause coverage + unit score, candidate, figure, clause terms, terms near the figure)
    options = []
    for c in cands[:15]:
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
                options.append((cov + 0.3 * c.score, c, f, toks, near, _year_after(clause, f)))
    return options


def pick_pair(analysis: QuestionAnalysis, q_terms: list[str], cands: list[Candidate],
              stats: TermStats, op: Operation | None = None
              ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """The two figures to add or subtract: ((candidate, figure), (candidate, figure)) or None.

    The first is the figure whose clause best covers the question; the second the figure of the
    same kind whose clause adds most, above all the question's names the first lacks ("...
    Seqirus in Liverpool and BioClavis in Glasgow")."""
    a = analysis
    options = _options(a, q_terms, cands, stats)
    sides = two_sides(a.question, _SIDES_RE) if op in (Operation.COMPARE, Operation.RATIO) \
        else two_sides(a.question, _SUM_SIDES_RE) if op is Operation.SUM \
        else percent_sides(a.question) if op is Operation.PERCENT else None
    if sides is not None and op is Operation.PERCENT:
        return _pick_share(sides, options, stats)
    if sides is not None:
        return _pick_sides(sides, options, stats)
    # "How many people does Vertex employ in London and Oxford combined?": both figures are
    # Vertex's, not another company's Oxford staff. Places are what is being combined, so only
    # the other names bind (either of them: "Seqirus in Liverpool and BioClavis in Glasgow").
    # A comparison has two sides, and one may go unnamed ("the vaccines centre than the
    # Medicines Manufacturing Innovation Centre"): nothing binds there.
    subjects = [(n, toks) for n in a.names if n not in a.places
                and n.lower() not in GENERIC_NAMES and (toks := tokenize(n))]  # not "UK"
    if subjects and not _COMPARES.search(a.question):
        options = [o for o in options if _about_any(o[1], subjects)] or options
    # A figure the question states is what the parts belong to ("... getting from the £146m
    # programme than ..."), not one of them.
    # But a figure the question adds ("If you add the £146m programme to ...") is one of them.
    given = {f.value for f in figures_in(a.question) if f.currency
             and not _ADDED.search(a.question[max(0, f.start - 12):f.end + 8])}
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
            + names_gain + 0.3 * o[1].score
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
)
# The two things a comparison sets against each other.
_SIDES_RE = (
    # "How many times larger is the new fund than the seed money?"
    re.compile(r"\bhow many times \w+ (?:is|was|are|were|will) (?P<a>[^?]+?) than (?P<b>[^?]+)",
               re.IGNORECASE),
    # "How do the industry pledges compare with the £146m ...?"
    re.compile(r"\bhow (?:does|do|did) (?P<a>[^?]+?) compare (?:with|to|against) (?P<b>[^?]+)",
               re.IGNORECASE),
    ALTERNATIVES_RE,  # "Which is the larger sum: A or B, and by how much?"
    # "Does Adaptimmune employ more people in the UK than Vertex has in Oxford?"
    re.compile(r"^(?:does|do|did|is|are|was|were|will|would|has|have) (?P<a>[^?]+?) "
               r"(?:[\w'’-]+ )?(?:more|larger|bigger|greater|higher|less|smaller|lower|fewer)\b"
               r"[^?]*? than (?P<b>[^?]+)", re.IGNORECASE),
)


def _pick_sides(sides: tuple[str, str], options, stats: TermStats
                ) -> tuple[tuple[Candidate, Figure], tuple[Candidate, Figure]] | None:
    """One figure for each side: the one stated in the side's own words ("the £146m the fund
    is putting into ..."), else the figure whose own words best cover the side's, stated apart
    from the other side's figure. Both are of one kind (money with money, counts with counts):
    of the kinds where each side finds a figure, the pair that fits its sides best."""
    pairs = [p for kind in dict.fromkeys(o[2].kind for o in options)
             if (p := _sides_of_kind(sides, [o for o in options if o[2].kind == kind], stats))]
    if not pairs:
        return None
    _, (c1, f1), (c2, f2) = max(pairs, key=lambda p: p[0])
    return (c1, f1), (c2, f2)


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


def _sides_of_kind(sides: tuple[str, str], options, stats: TermStats):
    """(fit, (candidate, figure), (candidate, figure)) for ``sides`` among ``options``, or None."""
    picked: list[tuple[Candidate, Figure]] = []
    total = 0.0
    for side in sides:
        side_terms = tokenize(side)
        stated = [f.value for f in figures_in(side) if f.currency]
        pool = [o for o in options if not stated or o[2].value in stated]
        pool = [o for o in pool if not any(o[1].unit is c.unit and o[2].start == f.start
                                           for c, f in picked)]
        if not pool:
            return None
        best = max(pool, key=lambda o, want=side_terms: _fits_side(stats, want, o))
        if not stats.coverage(side_terms, best[4] | best[3] | _context_terms(best[1])
                              | terms(best[1].text)):
            return None  # nothing of this side's words near any figure
        picked.append((best[1], best[2]))
        total += _fits_side(stats, side_terms, best)
    return total, picked[0], picked[1]


UNIT_WEIGHT = 0.25


def _fits_side(stats: TermStats, side_terms: list[str], o) -> float:
    """How well option ``o`` states one side: the words near its figure and around its unit,
    its clause, the words right after the figure that say what it is for, and a little its
    whole unit ("Adaptimmune, with its pipeline ..., has over 200 UK employees": the subject
    stands clauses before the figure; alike for every figure of one unit, so it only ranks
    units)."""
    return (stats.coverage(side_terms, o[4] | _context_terms(o[1]))
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


# "How does the £162m add up?", "Which two amounts make up the £162m?": the parts of a total
# the question states.
_PARTS_RE = re.compile(r"\b(?:add(?:s|ed)? up|make(?:s)? (?:up|that up|it up)|made up of|"
                       r"break(?:s)? down|broken down|consist(?:s)? of|compris\w*|"
                       r"come(?:s)? from|components?|constituent)\b", re.IGNORECASE)
PARTS_SCAN = 15  # units searched for the parts (the retrieved passages' best)


def asks_parts(question: str) -> Figure | None:
    """The money total whose parts the question asks for, or None."""
    stated = [f for f in figures_in(question) if f.currency]
    return stated[0] if len(stated) == 1 and _PARTS_RE.search(question) else None


def find_parts(total: Figure, cands: list[Candidate]) -> tuple[tuple[Candidate, Figure],
                                                                 tuple[Candidate, Figure]] | None:
    """Two figures, stated in different places of the best units, that add up exactly to
    ``total`` (£146m + £16m = £162m); the best-ranked pair first. None when none do."""
    found = [(c, f) for c in cands[:PARTS_SCAN] for f in figures_in(c.text)
             if f.currency == total.currency and f.value < total.value]
    for i, (c1, f1) in enumerate(found):
        for c2, f2 in found[i + 1:]:
            if f1.value + f2.value == total.value and f1.value != f2.value:
                return (c1, f1), (c2, f2)
    return None


def _context_terms(c: Candidate) -> frozenset[str]:
    """The words of the units before ``c`` that may name its subject (not ``c`` itself)."""
    return terms(" ".join(c.passage.unit_text(u) for u in context_units(c)[:-1]))


def _about_any(c: Candidate, names: list[tuple[str, list[str]]]) -> bool:
    """The unit, one of the units before it that may name its subject, or a heading above it
    names one of ``names`` in full, or spells out its acronym ("ISCF")."""
    text = " ".join([*c.passage.section, *(c.passage.unit_text(u) for u in context_units(c))])
    have = terms(text)
    return any(all(t in have for t in toks) or acronym_in(n, text) for n, toks in names)
