"""Question analysis: what kind of answer is wanted, and which words carry the question.

The answer type drives the extractive answerer: a "how much" question needs an amount in its
support, "when" a date, "who" a name, "where" a place. When the best support lacks that, the
assistant abstains rather than quoting something beside the point.

What else a question asks (a frequency, a period) is read in assistant/asks.py, the kind it asks
to be named in assistant/kinds.py, what it counts in assistant/count_nouns.py, the names it gives
in assistant/question_names.py, and its parts in assistant/question_parts.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.arithmetic import Operation, detect_operation
from assistant.asks import asks_figure_source
from assistant.count_nouns import COUNT_NOUN_SYNONYMS, singular
from assistant.evidence import PER_PERIOD_RE
from assistant.kinds import NAMED_KINDS, named_thing
from assistant.money_kinds import last_ask, money_asked
from assistant.question_names import QUESTION_STOP_WORDS, asked_names, names_in
from assistant.question_parts import split_premise
from commitments.places import find_places
from dealqa.types import AnswerType
from retrieval.text import find_amounts, money_amounts, stem

__all__ = ["QuestionAnalysis", "analyse_question", "slot_lead"]

# "What jobs figure ...?", "what is the jobs total?": a figure named by what it counts.
_FIGURE_LEAD = (r"\bwhat(?:['’]s| is| was| will be)? (?:the )?(?!(?:will|would|does|did|is|are|"
                r"was)\b)")
# "What jobs figure ...?", "What's today's count of ...?"
# ("What UK population figure does the deal quote ...?": a word or two may qualify it)
# (not "what types of treatment count as ...?": a verb)
_NAMED_FIGURE = rf"{_FIGURE_LEAD}(?:(?!of\b)[a-z'’-]+ ){{1,2}}?(?:figure|total|count)\b"
# What a source is asked of: "where does its funding come from?" asks who funds it.
_SOURCE_NOUNS = r"(?:funding|funds|money|cash|finance|financing|backing|investment)"
_SOURCE_TAIL = (r"(?:['’]s| (?:does|do|did|will|would|is|are|was|were)) (?:[\w'’-]+ ){0,5}?"
                rf"{_SOURCE_NOUNS} (?:come|comes|came|coming) from")
_SOURCE_ASKED = rf"where{_SOURCE_TAIL}"
# ... and where anything else is to come from: "Where will evidence on skills supply and demand
# come from?" asks who provides it (a body's name answers, as a place's would); not "where is
# its headquarters that staff will come from?", a place a relative clause describes
_FROM_TAIL = (r" (?:does|do|did|will|would|is|are|was|were|should|can|could) "
              r"(?:(?!that |which |who )[\w'’-]+ ){1,10}?(?:come|comes|came|coming) from")
_SOURCE_RE = re.compile(rf"\b{_SOURCE_ASKED}\b")
_TYPE_PATTERNS: list[tuple[AnswerType, re.Pattern[str]]] = [
    (AnswerType.DATE, re.compile(
        # ... not "When data is used for research, will it identify patients?": a clause that
        # sets a condition, before the question itself
        r"(?:^(?!when [^,?]{3,100}, (?:will|would|does|do|did|is|are|was|were|can|could|should|"
        r"must|may|might|has|have|what|which|who|how|where|why|in what|in which)\b)|[,;:]\s*|"
        r"\band\s+|\bbut\s+|\bso\s+)when\b|"
        r"\bwhen\s*\?\s*$|"
        # "A grant winner wants to know when funded work starts": a question reported
        r"\b(?:know|ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|find out|check(?:s|ing)?|confirm|"
        r"tell (?:me|us|them)) when\b|"
        r"\bwhen (?:will|did|does|do|is|was|are|were|"
        r"would|should|can|could|has|have|had)\b|"
        r"\b(what years?|which years?|what dates?|which dates?|by when|what months?|which months?|"
        r"what time ?frame|what timescale|how soon|from when|until when|start date|how often|"
        r"how frequently|how regularly|how long|for how long|what (?:period|duration)|"
        # "How far into the future is the programme meant to look?": a span of time
        # ("How far ahead are the pledges?" compares sums)
        r"how far (?:ahead(?! (?:are|is|was|were|of)\b)|forward|into the future|out)|"
        r"what (?:time )?horizon|"
        r"how many times (?:a|per|each|every) (?:year|month|week)|"
        # "In which financial year ...?", "What's the deadline?" ("At what point did it
        # commit?" may be answered by an event, "during the development of the strategy")
        r"(?:what|which) (?:financial |calendar )?(?:year|quarter)|"
        # "On which day does the rate go up?"
        r"(?:what|which) (?:exact |precise )?day\b|"
        # "What opening year is set ...?", "Which completion date ...?"
        r"(?:what|which) (?:opening|start|starting|launch|completion|finish|end|closing|target|"
        r"delivery|go-live) (?:year|month|date)|"
        r"what(?:['’]s| is| was| are)? (?:the )?(?:[\w'’-]+ )?(?:deadline|target date|"
        r"closing date|time ?line|time ?frame|time ?scales?|timetable)|"
        # "What were the founding year and current membership ...?", "What is the founding
        # date of ...?"
        # ("What is the expected completion year for the Expressway?")
        r"what(?:['’]s| is| was| were| are) (?:the |its |their )?(?:expected |planned |"
        r"estimated |likely |projected |scheduled |anticipated )?(?:[a-z]+ing |[a-z]+ion |"
        r"start |launch |end |finish |target |delivery )?"
        r"(?:year|date|month)s?(?!-))\b")),
    (AnswerType.AMOUNT, re.compile(
        # "What jobs figure does it give?", "what's the headcount?", "What will total public
        # investment be?": a count or a sum, however named
        rf"{_NAMED_FIGURE}|\bwhat (?:will|would|does|did) (?:the )?total\b|"
        r"\bheadcount\b|"
        # "What salaries will the jobs pay?", "the largest single award a company can win"
        r"\b(?:what|which)(?:['’]s| is| are| will be)? (?:the )?(?:[a-z-]+ )?(?:salar(?:y|ies)|"
        r"wages?|pay levels?)\b|\b(?:largest|biggest|maximum|smallest|minimum|typical|average) "
        r"(?:single |individual )?(?:award|grant|amount|sum|payment|loan|pay|salary|wage)s?\b|"
        r"\b(how much|how many|how big|how large|what(?:['’]s| is| was| will be)? (?:the )?"
        r"(?:overall |combined |total |full )?(?:figure|amount|sum|value|size|"
        r"total|budget|percentage|rate|share|proportion|fraction|slice|portion|number)|"
        r"what level of (?:funding|investment)|"
        # "what's its slice of the £146m?": a part of a sum the question states
        r"what(?:['’]s| is| was| will be) (?:its|their|the) (?:slice|portion|cut|chunk) of "
        r"(?=[^?]*[£$€])|"
        r"what (?:percent|per cent)|(?:what|which)(?:'s| is| are| was| were)? (?:the )?"
        r"(?:[a-z'’-]+ ){0,2}?(?:price|cost|pot|budget|value|funding level|rate|fees?|charges?)|"
        # "What will researchers be charged?": a price, however asked
        r"\b(?:be|being|get|are|is) charged\b|"
        # "worth" asks for a figure, unless the question states it ("contracts worth £950m")
        r"worth\b(?!\s+(?:more than |over |about |around |up to |some |c\.\s?)?[£$€\d])|how much|"
        # ("what area of health ...?" asks for a field, not a floor area)
        r"what (?:floor )?(?:area(?! of)|floor ?space|footprint)|"
        # "What do the programme and the viral vectors money add up to?"
        r"add(?:s|ed)? up to|"
        # "Net of the £146m, how far ahead are the pledges?": a gap between two sums
        r"how far (?:ahead|behind|short)\b(?=[^?]*[£$€]\d)|"
        # "What will it cost?", "What did the building cost?", "What is the building costing?"
        # ("What did the 100,000 Genomes Project cost?")
        # ("What do A and B cost when you put them together?"; "cost" the verb, not "... can
        # do as the cost of sequencing comes down?")
        r"what (?:will|does|do|did|would|could) (?:[\w'’,.&-]+ ){0,12}(?<!the )(?<!a )(?<!its )"
        r"(?<!their )cost|"
        # "What is Cobra Biologics investing, in pounds?": a sum in the currency named
        r"\b(?:in|into) (?:uk |british |us )?(?:pounds|sterling|dollars|euros)\b|"
        r"what(?:['’]s| is| are| was) (?:[\w'’-]+ ){0,5}costing|"
        # "What will the network's annual budget be?"
        r"what (?:will|would) (?:[\w'’&-]+ ){1,8}?(?:budget|cost|price|value|salary|funding) "
        r"be(?=\s*(?:[?.]|$))|"
        # "What does AstraZeneca put into UK research each year?", "What does GSK spend each
        # year on R&D?", "What did the company raise in 2017?"
        r"what (?:does|do|did|will|is|are) (?:[\w'’-]+ ){1,4}(?:put(?:ting)?|pour(?:ing)?) into|"
        r"what (?:does|do|did|will|is|are|was|were) (?:[\w'’&-]+ ){1,4}"
        r"(?:spend(?:ing)?|rais(?:e|ed|ing))\b(?! (?:awareness|standards?|questions?|concerns?))|"
        # "What is NHS England paying Smith & Nephew for the tool?" (not "What does the money
        # pay for?", a use)
        r"what (?:does|do|did|will|is|are|was|were) (?:[\w'’&-]+ ){1,4}pay(?:s|ing)?\b"
        r"(?! for\b| off\b| back\b| attention\b)|"
        r"what(?:['’]s| is| was| will be)? (?:the )?(?:overall|combined|total|full|whole) "
        r"(?:investment|funding|spend|spending|cost|contribution|ceiling|cap|sum|amount|"
        r"money|value))\b")),
    (AnswerType.PLACE, re.compile(
        # ... but "no idea where to start" / "where to turn for help" / "where can I get support"
        # asks for a route, not a place
        r"\b(where(?! to (?:start|begin|turn|go for)\b)(?! (?:can|could|should|do|would|might) "
        r"(?:i|we) (?:get|find|turn|go for|look for|access|apply for|obtain|seek)\b)"
        # ... nor does "what kind of data should be used where possible?"
        r"(?! (?:possible|practicable|practical|feasible|appropriate|applicable|relevant|"
        r"necessary|needed|required)\b)"
        # ... nor "where does its funding come from?" (who funds it)
        rf"(?!{_SOURCE_TAIL}\b)(?!{_FROM_TAIL}\b)"
        # ... nor "where does it need extra capacity?", "where are the skills gaps?": in which
        # fields, not places
        r"(?! (?:does|do|did|will|would) (?:[a-z'’-]+ ){1,3}?(?:need|lack)\b"
        r"(?! to be (?:based|located|sited|built|placed)\b))"
        r"(?! (?:is|are|were|was) (?:the |its |their )?(?:[a-z'’-]+ ){0,2}(?:gaps?|shortages?|"
        r"shortfalls?|weakness(?:es)?|bottlenecks?)\b)|"
        # ("which northern English city")
        # (and their plurals: "In which countries will ...?")
        r"which (?:[a-z-]+ ){0,2}?(?:cit(?:y|ies)|towns?|regions?|locations?|sites?|count(?:y|ies)|"
        # ("which disease areas": fields, not places)
        r"countr(?:y|ies)|area|part of the uk)\b|"
        r"what (?:cit(?:y|ies)|towns?|regions?|locations?|sites?))\b")),
    (AnswerType.ENTITY, re.compile(
        r"\b(who|whom|whose|which (?:companies|company|firms?|organi[sz]ations?|charit(?:y|ies)|"
        r"individuals?|persons?|people|"
        r"partners?|businesses|universit(?:y|ies)|bod(?:y|ies)|investors?|manufacturers?)|"
        # "Name the regional bodies that ...": the names are the answer
        # ("Name every company ...", but not "Name every Scottish place ...": places)
        r"^(?:please |can you |could you )?name (?:the|all|some|any|a|an|(?:every|each)\b"
        r"(?!(?: [a-z-]+){0,3} (?:places?|locations?|sites?|towns?|cit(?:y|ies)|regions?)\b))\b|"
        # "which NHS trust", "which government agency": an organisation, maybe qualified
        # ("which defence research outfit": an organisation, however called)
        r"which (?:[a-z&-]+ ){0,2}(?:trusts?|hospitals?|agenc(?:y|ies)|departments?|councils?|"
        r"outfits?|"
        r"regulators?|authorit(?:y|ies)|foundations?|institutes?|charit(?:y|ies)|"
        r"compan(?:y|ies)|firms?|organi[sz]ations?|universit(?:y|ies)|"
        # "which flu jab maker", "which US investor": a company named by what it does
        r"makers?|manufacturers?|producers?|developers?|suppliers?|providers?|investors?|"
        # "which big drugmaker", "which Oxford spin-out", "which professor"
        r"drugmakers?|biotechs?|spin-outs?|start-ups?|professors?|ministers?)\b|"
        r"which (?!measures|actions|programmes|projects|initiatives|steps|commitments|changes|"
        r"rules|areas|themes|sectors|priorities|standards|"
        # "In which circumstances ...?", "in which ways": a condition or a manner, not names
        r"circumstances|situations|cases|ways|reasons|purposes|grounds|respects|aspects)"
        r"[a-z-]{3,}(?<!ss)s\b|"
        r"what (?:companies|company|firms?|organi[sz]ations?|charit(?:y|ies)|bod(?:y|ies))|"
        # "What is the name of the drug ...?", "What will the new company be called?"
        r"what(?:['’]s| is| was| are) the names? of|"
        # "Can you give me the names of the people appointed to ...?"
        r"(?:give|tell|list|share|provide) (?:me |us )?(?:the |all the )?names? of|"
        r"(?:be|is|are|was|were) (?:[\w'’-]+ ){0,6}?called(?! for| on| upon)|"
        # "Where does its funding come from?": its funders
        rf"{_SOURCE_ASKED}|where{_FROM_TAIL}"
        r")\b")),
    (AnswerType.LIST, re.compile(
        # "Set out the four commitments ...", "Outline the steps ..."
        r"^(?:please |can you |could you )?(?:set out|spell out|outline|enumerate|run (?:me |us )?"
        r"through)\b|"
        r"\b(list|what are (?:the|its)|which (?:measures|actions|programmes|projects|initiatives|"
        r"steps|centres|commitments)|"
        # "what three steps are listed ...": a count of things asks for each of them
        r"(?:what|which) (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) [a-z-]{3,}s\b|"
        r"what (?:measures|actions|steps|programmes|projects|"
        r"initiatives|support|commitments|centres)|what (?:does|do|will) .{0,60}\binclude|"
        r"applies? to (?:us|me|our)|what can (?:we|i) (?:get|use|apply)|relevant to (?:us|me|our)|"
        r"break ?down|itemi[sz]e|"
        r"what (?:does|do|will) .{0,60}\b(?:pay for|fund(?!['’]s)|cover|consist of)|"
        r"what (?:is|are) .{0,40}\bmade up of|"
        # "What is the £146m programme being spent on?", "How will the fund be split?"
        # ... money's uses, that is: "What will their analysis be used for?" asks a purpose.
        r"what (?:is|are|will) (?=[^?]*(?:[£$€\d]|\bfund|\bmoney|\bbudget|\bgrant|\binvestment|"
        r"\bprogramme|\bcash|\bfunding))[^?]{0,60}\b(?:spent on|used for|allocated to|"
        r"split between|divided between|going on)|"
        r"how (?:is|are|will) .{0,60}\b(?:spent|split|divided|allocated)|"
        # "What sits under the Infrastructure heading?": all that a heading heads
        r"what (?:sits|is|are|comes|come|falls|fall|goes|go|appears|appear|is listed|are listed|"
        r"is set out|are set out) under\b(?=[^?]*\b(?:heading|section|title|banner)\b)"
        r")\b|"
        # "What changes ... does the deal set out?", "What rules must ...": a plural asks for a
        # list, also after a clause that sets the scene ("Apart from X, what measures ...?")
        # (up to two words before the plural, none of them a verb, an article or "of")
        r"(?:^|(?<=[,;:] ))(?:what|which) (?:(?!(?:of|the|a|an|do|does|did|will|would|are|is|was|"
        r"were|can|could|has|have) )[a-z-]+ ){0,2}(?:changes|rules|benefits|plans|schemes|"
        r"incentives|initiatives|measures|actions|steps|programmes|projects|commitments|"
        r"opportunities|organisations|partners|areas|themes|sectors|priorities|standards|"
        r"recommendations|policies)\b|"
        r"^(?:what|which) [a-z-]{3,}(?<!ss)s (?:are|do|did|will|would|must|should|can|have|were)\b")),
]

@dataclass(frozen=True)
class QuestionAnalysis:
    question: str
    answer_type: AnswerType
    terms: tuple[str, ...]  # content words, lower-case, in question order
    count_noun: str | None = None  # the thing a "how many" question counts, singular
    wants_money: bool = False  # "how much" / budget / funding: a currency amount is needed
    wants_percent: bool = False  # "what percentage / proportion / share": a percentage is needed
    wants_cash: bool = False  # "how much is X spending?": a sum of money, not a rate or share
    wants_size: bool = False  # "how big will the facility be?": a floor area, not its cost
    # "How big is the CryoHub?": a size where the deal gives one, else any figure
    size_first: bool = False
    per_period: bool = False  # "... each year?": the figure must be stated per year or month
    currency: str = ""  # "... in pounds?": the figure must be in that currency ("£", "$", "€")
    wants_new: bool = False  # "how many jobs will it create?": new ones, not those already there
    names: tuple[str, ...] = field(default_factory=tuple)  # capitalised names in the question
    also: tuple[AnswerType, ...] = ()  # further facts asked for ("... and by when?")
    # Stems of the word naming the role or kind asked for: "who funds" -> fund (and its
    # synonyms), "which companies" -> company. The answer's name sits next to one of them.
    focus: frozenset[str] = frozenset()
    kind_noun: str | None = None  # "which hospitals ...?" -> "hospital": the kind of thing named
    kinds_of: bool = False  # "What kinds of NIHR facilities ...?": sorts of ``kind_noun``
    excluded: str = ""  # "..., leaving aside the viral vector top-up?" -> "viral vector top-up"
    # "Who is the chief executive of ...?", "Who are the members of ...?": a role the answer must
    # name (``focus`` holds its stem), not just any person.
    asks_role: bool = False
    # "Which organisations will lead delivery ...?": the role the named kind plays (stems of its
    # group: lead ~ chair ~ run); its answer names someone beside that verb.
    acts: frozenset[str] = frozenset()
    # "Who has been named / appointed as ...?": a proper name, not "chaired by industry".
    proper_name: bool = False
    places: tuple[str, ...] = ()  # UK places the question names ("a diagnostics firm in Oxford")
    within: tuple[str, ...] = ()  # "Where in London ...?": the answer is a place inside these
    # Figures an earlier part of a compound question was answered with: this part needs another.
    quoted_figures: tuple[str, ...] = ()
    # "What salary will the new jobs pay?": a sum of that kind, stated with one of these words
    # (not the investment that created the jobs).
    money_words: tuple[str, ...] = ()
    # "What's their start month?", "In which month ...?", "From which day ...?": a month the
    # calendar names (a day has one too), not "over the next five years".
    wants_month: bool = False


# A month asked for (not "months", "each month" or "a month's worth"), or a day ("From which
# day does the 12% rate apply?"): a year the question states ("our spend straddles the
# 2017/2018 year end") is then no answer's blank.
_MONTH_ASK_RE = re.compile(r"(?<!each )(?<!every )(?<!per )(?<!a )(?<!one )\b(?:month|day)\b"
                           r"(?![’']s\b)(?!-)")

_NAMED_AS_RE = re.compile(r"\bwho (?:has|have|had|was|were) been (?:named|appointed|chosen|"
                          r"selected|nominated) as (?:the |an? )?"
                          r"(?:industry |government |new |joint )?")
_NAMED_RE = re.compile(r"\b(?:named|appointed|chosen|selected|nominated)\b", re.IGNORECASE)


_COUNT_FIGURE_RE = re.compile(rf"{_FIGURE_LEAD}([a-z-]+) (?:figure|total|count|number)\b")
# "Add up the new jobs at A and B": a sum of counts of a known thing, not of money.
_ADDED_COUNT_RE = re.compile(r"\b(?:add(?:s|ing)? (?:up|together)|sum of|combined|total) "
                             r"(?:the |all (?:the )?)?(?:new |additional |extra )?([a-z-]+)")
_ADD_TO_RE = re.compile(r"^(?:please )?add (?:up )?([^.?]+?) (?:to|and|with) ")
_COUNT_STOPS = frozenset("""of in at for to from on by with will would does do did is are was were
    has have had can could should across a an each per every""".split())
_CURRENCY_NOUNS = frozenset({"pound", "dollar", "euro", "penny", "pence"})
_AUXILIARIES = frozenset("does do did is are was were will would has have had can could "
                         "should".split())
# A count a premise states: "A leaflet says Seqirus employs 6,000 people in Liverpool."
_STATED_COUNT_RE = re.compile(r"\b\d[\d,]*(?:\.\d+)?\+? ((?:[a-z-]+ ){0,2}[a-z-]+)")
# A plural noun's look: "doses", "workers" (not "business", "this").
_PLURAL_RE = re.compile(r"(?!(?:this|thus|does|goes)$)[a-z-]{2,}[^s'’]s")


# "Does the deal change how much we can raise each year?" asks whether and how a limit changes
# ("doubling the annual allowance"), not for a figure: the embedded "how much" asks nothing.
_CHANGES_HOW_RE = re.compile(r"\b((?:does|do|did|will|would|is|are)\b[^?]{0,40}?\b(?:chang\w*|"
                             r"alter\w*|affect\w*)) how (?:much|many)\b")
# "Who is the digital health catalyst meant for?", "Who can apply?", "Who benefits?": whom a
# measure serves, which the deal says by a class ("small and medium-sized businesses
# partnering with the NHS"), not by a name: asked as a description.
_FOR_WHOM_RE = re.compile(r"\bwho(?=(?:['’]s| is| are| was| were| will be| would be)? "
                          r"(?:[\w'’-]+ ){1,8}?(?:(?:meant|aimed|intended|designed|targeted|"
                          r"open|available|eligible)(?: (?:at|for|to))?|for)\?*$)|"
                          r"\bwho(?= (?:can|could|may|might|will|would) (?:apply|benefit|qualify|"
                          r"take part|use it|use them)\b| (?:benefits|qualifies)\b)")
_CHANGE_RE = re.compile(r"\b(?:what|which)(?:['’]s| is| are| will be)? (?:the )?(?:[a-z-]+ )?"
                        r"(?:improvements?|increases?|reductions?|cuts?|savings?|gains?|rises?|"
                        r"growth|boosts?|uplift)\b")


# The question proper opens with "what" or "how" (after any statement): not a yes/no or
# "which is right?" question about two figures.
_WHAT_ASKED_RE = last_ask("what|how")
_MONEY_WORDS_RE = re.compile(r"\b(?:money|sums?|funding|grants?|budgets?|costs?|investment|"
                             r"backing)\b|[£$€]\d")
# "Tot up the money for A, B and C.": a sum asked for in the imperative, no "what" in it.
_SUM_ASKED_RE = re.compile(r"^(?:please )?(?:tot|add|sum|total) up\b|^(?:please )?(?:work out|"
                           r"calculate|give me) the (?:total|sum|combined)\b", re.IGNORECASE)
# "Putting A together with B, what does that come to?": a sum asked after a comma
_COMES_TO_RE = re.compile(r",\s+(?:so\s+)?what(?:['’]s| is| does| would| will)? (?:the )?"
                          r"(?:that |it |they |this |those |the two |both )?"
                          r"(?:(?:all|most|total|sum)(?: that| it)? )?"
                          r"(?:comes?|adds? up|amounts?|totals?) to\b", re.IGNORECASE)
_NEW_RE = re.compile(r"\b(?:creat\w*|new|additional|extra|generat\w*)\b")
_STANDING_RE = re.compile(r"\b(?:in total|total|already|currently|existing|altogether)\b")


def _count_noun(q: str) -> str | None:
    """What "how many X" / "the number of X" counts: the first known count noun among the next
    few words ("how many UK staff" -> "staff"), else the first word. "What jobs figure ...?"
    counts jobs, and a headcount staff."""
    named = _COUNT_FIGURE_RE.search(q)
    if named and singular(named.group(1)) in COUNT_NOUN_SYNONYMS:
        return singular(named.group(1))
    # ("a headcount of firms" counts firms)
    whose = re.search(r"\bheadcount of (?:the )?([a-z-]+)", q)
    if whose and singular(whose.group(1)) in COUNT_NOUN_SYNONYMS:
        return singular(whose.group(1))
    if re.search(r"\bheadcount\b", q):
        return "staff"
    added = _ADDED_COUNT_RE.search(q)
    if added and singular(added.group(1)) in COUNT_NOUN_SYNONYMS:
        return singular(added.group(1))
    # "Add MSD's new research roles in London to the scientists ...": the first count noun of
    # the first thing added
    # (a plural counted, not "Add up the money for the Stevenage Catapult expansion, the
    # Vaccines Development & Manufacturing Centre and ...": money)
    first = _ADD_TO_RE.match(q)
    added = first.group(1) if first and not _MONEY_WORDS_RE.search(first.group(1)) else ""
    counted = [singular(w) for w in re.findall(r"[a-z-]+", added) if _PLURAL_RE.fullmatch(w)]
    if known := next((w for w in counted if w in COUNT_NOUN_SYNONYMS), None):
        return known
    m = re.search(r"\b(?:how many|number of|count of)((?: [a-z'’-]+){1,6})", q)
    if not m:
        return None
    words = m.group(1).split()
    if words[0] == "of" and len(words) > 2 and words[1] in ("the", "its", "their"):
        # "how many of the pioneering investment locations named in ...": the phrase after
        # "of the" names what is counted, by its last plural before a stop
        phrase = words[2:]
        phrase = phrase[:next((i for i, w in enumerate(phrase) if w in _COUNT_STOPS),
                              len(phrase))]
        plurals = [singular(w) for w in phrase if _PLURAL_RE.fullmatch(w)]
        if plurals:
            return plurals[-1]
    if words[0] == "times" and len(words) > 1:
        # "how many times larger is ...", "costs how many times Seqirus's investment?": a
        # ratio, not a count of times (nor of what a possessive after it owns)
        return None
    # The counted noun comes before "of"/"in"/"will"...: "how many waves of British Business
    # Bank investment" counts waves, not businesses.
    cut = next((i for i, w in enumerate(words) if w in _COUNT_STOPS), len(words))
    ended = cut < len(words)  # (a stop ends the counted phrase)
    # A possessive qualifies what follows it: "how many tumour patients' genetic codes" counts
    # codes, not patients.
    owner = next((i for i in range(cut - 1, -1, -1) if re.search(r"['’]s?$", words[i])), -1)
    if 0 <= owner < cut - 1 and words[owner + 1] == "worth":
        # ... but "worth" is what it owns: "how many months' worth of progress" counts months.
        words, cut = [re.sub(r"['’]s?$", "", words[owner])], 1
    elif 0 <= owner < cut - 1:
        words, cut = words[owner + 1:], cut - owner - 1
    # "how many of those get ...": what is counted follows the "of"; "how many are there?"
    # names nothing counted (the sentence before may: any count), and "there" is no noun.
    # ("how many will be recruited in the UK?": a verb, no noun)
    if cut == 0 and len(words) > 1 and words[1] in ("there", "they", "it", "we", "you", "be",
                                                    "been", "have", "get", "do"):
        return None
    if cut == 0 and words[0] in _AUXILIARIES:
        # "Of the 22 centres, how many have to manage without ...?", "how many does the deal
        # say?": the verb follows, so what is counted is a count stated before, if any
        return _stated_count(q[:m.start()])
    raw = words[:cut] if cut else words[1:]
    words = [singular(w) for w in raw]
    words = [w for w in words if w not in ("new", "more", "additional", "extra", "the")]
    # An unknown noun is the phrase's last plural ("how many flu vaccine doses a year will",
    # "how many tumour DNA sequences will", "how many health and care workers is"), where a
    # stop ends the phrase; else its first word ("how many boffins get ...").
    plurals = [singular(w) for w in raw if _PLURAL_RE.fullmatch(w)] if ended and cut else []
    if words and words[0] in _CURRENCY_NOUNS:
        return None  # "how many pounds": money, not a count
    if words and words[0] in ("square", "sq", "cubic", "hectare", "acre"):
        return None  # "how many square feet", "how many hectares": a measure, not a count
    known = [w for w in words if w in COUNT_NOUN_SYNONYMS]
    return known[0] if known else plurals[-1] if plurals else (words[0] if words else None)


def _premise_count_noun(q: str) -> str | None:
    """"A leaflet says Seqirus employs 6,000 people there. What figure does the deal give?": a
    question asking a figure without saying of what asks for the count its premise states."""
    premise, ask = (part.lower() for part in split_premise(q))
    if not premise or _COUNT_FIGURE_RE.search(ask) or re.search(r"[£$€]|\bhow much\b", ask):
        return None
    return _stated_count(premise)


def _stated_count(text: str) -> str | None:
    """The noun of the first count ``text`` states ("6,000 people", "22 regional transplant
    centres"): a known count noun, else the phrase's first plural."""
    for m in _STATED_COUNT_RE.finditer(text):
        words = [(w, singular(w)) for w in m.group(1).split()]
        found = [one for _, one in words if one in COUNT_NOUN_SYNONYMS] \
            or [one for w, one in words if _PLURAL_RE.fullmatch(w)]
        if found:
            return found[0]
    return None


# Role verbs that answer for each other: "who heads the group?" is answered by "chaired by".
# (The stemmer folds irregular forms: "led", "ran", "wrote", "paid" ... need no entry.)
_ROLE_GROUPS = tuple(frozenset(stem(w) for w in group.split()) for group in (
    "lead leads leading head heads headed heading chair chairs chaired chairing run runs "
    "running direct directs directed manage manages managed oversee oversees author authors "
    "authored write",
    "fund funds funded funding finance finances financed back backs backed pay pays "
    "sponsor sponsors sponsored contribute contributes contributed invest invests invested "
    "bankroll bankrolls bankrolling bankrolled underwrite underwrites underwriting",
    "partner partners partnered partnering partnership collaborate collaborates collaborated "
    "collaborating collaboration collaborations collaborator collaborators together alongside "
    "jointly",
    "build builds building construct constructs constructed make makes "
    "manufacture manufactures manufactured manufacturing",
))
_FOCUS_RE = re.compile(
    r"\bwho(?:['’]s|['’]re| is| are| was| were| will| would| has| have| had| did| does| do)?"
    r"(?: be| been| going to)?(?: the| its| their)? ([a-z-]{3,})"
    # "which hospitals", and "which hospital services might ..." (a word or two before the kind,
    # which an auxiliary must follow: "which company intends to" has no plural kind)
    # ... or a kind named by proper names, whatever follows: "which specific NHS hospitals the
    # centres will sit in"
    r"|\b(?:which|what) (?:(?:[a-z-]{3,} ){1,2}(?=[a-z-]{3,}(?<!ss)s (?:is|are|was|were|will|"
    r"would|does|do|did|has|have|had|can|could|might|may|should|must)\b|(?:hospitals|companies|"
    r"universities|trusts|charities|organisations|firms|councils|institutes|foundations|"
    r"agencies)\b))?"
    r"([a-z-]{3,}(?<!ss)s)\b")
_NOT_FOCUS = frozenset({"behind", "responsible", "involved", "also", "actually", "still", "get",
                        "gets", "getting", "going", "doing", "does", "will"})


# "Which types of research centres ...?": the kind asked for is what "types of" qualifies.
_TYPES_OF_RE = re.compile(r"\b(?:which|what) (?:types?|kinds?|sorts?|categories) of (?:the )?"
                          r"(?:[a-z-]+ ){0,2}?([a-z-]{3,}(?<!ss)s)\b|"
                          # "Which parts of the sector ...?": the sector's kinds ("the sector
                          # (pharma, medtech, ...)")
                          r"\b(?:which|what) (?:parts|areas|branches|segments) of the "
                          r"([a-z-]{3,})\b")


def _types_of(q: str) -> str | None:
    """The kind whose sorts or parts a question asks for ("which types of research centres",
    "which parts of the sector"); not the parts of a place ("which parts of the country": the
    deal says which by words like "all parts", not by naming regions)."""
    m = _TYPES_OF_RE.search(q)
    if m is None or m.group(2) and stem(m.group(2)) in NAMED_KINDS:
        return None
    return m.group(1) or m.group(2)


# Words that grade a role rather than name it ("the main funder", "the big partner").
_GRADING_WORDS = frozenset({"big", "biggest", "main", "major", "key", "principal", "primary",
                            "largest", "top", "prime", "core", "central", "sole", "only",
                            "single",
                            # ("who are the intended collaborators ...?": collaborators)
                            "intended", "planned", "proposed", "prospective", "potential",
                            "expected", "likely", "current", "new", "original"})
# Where a role's noun phrase ends: "the big sequencing tech partner | that let ...".
_PHRASE_END_RE = re.compile(r"\b(?:that|which|who|whom|whose|of|in|for|at|on|to|with|from|by|"
                            r"behind|and|or|when|where|under|over|this|these)\b|[?,;:.]")


def _head_noun(rest: str) -> str | None:
    """The last word of the noun phrase that starts ``rest`` (three words at most)."""
    end = _PHRASE_END_RE.search(rest)
    words = re.findall(r"[a-z-]{3,}", rest[:end.start()] if end else rest)
    return words[-1] if 0 < len(words) <= 3 else None


def _focus(q: str) -> frozenset[str]:
    if re.search(r"\bwith\W*$", q):  # "Which organisations did GSK run it with?": partners
        return _ROLE_GROUPS[2]
    if _SOURCE_RE.search(q):  # "Where does its funding come from?": its funders
        return _ROLE_GROUPS[1]
    typed = _types_of(q)
    if typed:
        return frozenset({stem(typed)})
    m = _FOCUS_RE.search(q)
    word = m and (m.group(1) or m.group(2))
    if m and m.group(1) in _GRADING_WORDS:
        # "who was the big sequencing tech partner that ...?": the role is the phrase's last
        # word ("partner"), not the adjective before it.
        word = _head_noun(q[m.end(1):])
    if not word or word in _NOT_FOCUS or word in QUESTION_STOP_WORDS:
        return frozenset()
    root = stem(word)
    return next((group for group in _ROLE_GROUPS if root in group), frozenset({root}))


# "How much ..., leaving aside the viral vector top-up?": the thing set aside is not the answer.
_EXCLUDE_RE = re.compile(
    # ("How much is set aside to support R&D?" allocates money: nothing is excluded there.)
    r"\b(?:leaving aside|leave aside|setting aside(?!\s+(?:to|for)\b)|"
    r"(?<!is )(?<!are )(?<!was )(?<!been )(?<!be )set aside(?!\s+(?:to|for)\b)|aside from|"
    r"apart from|excluding|"
    r"except(?: for)?|other than|not counting|not including|ignoring)\s+(?:the\s+|its\s+)?"
    r"([^,;?.]+)", re.IGNORECASE)


# "Beyond the extra £16m for capital projects, will more support follow?": the sum named to
# look past it (only the sum: the words after it are what the question is about).
_BEYOND_SUM_RE = re.compile(r"\b(?:beyond|over and above|on top of)\s+(?:the |its |their )?"
                            r"(?:extra |additional |further )?([£$€]\d[\d,.]*(?:m|bn|k)?)\b",
                            re.IGNORECASE)


def _excluded(q: str) -> str:
    m = _EXCLUDE_RE.search(q) or _BEYOND_SUM_RE.search(q)
    return m.group(1).strip() if m else ""


# "Who chairs the alliance?", "Who leads it?": a role the support must state.
_WHO_ACTS_RE = re.compile(r"^who (?:will |would |currently |now )?(?:co-)?(?:chairs?|leads?|"
                          r"heads?|runs?|directs?|manages?|oversees?)\b")
_ROLE_RE = re.compile(r"\bwho(?:['’]s|['’]re| is| are| was| were| will be| would be)\s+"
                      r"(?:the|its|their)\s+[a-z-]{3,}")


# ("Which organisations bankroll the network?": the verb may follow the kind directly; only a
# role verb counts, so "which companies in Leeds" acts in no role.)
_FEW = r"(?:two |three |four |five )?"  # "which three parties ...", "name the two bodies ..."
_ACTS_RE = re.compile(rf"\b(?:which|what) {_FEW}[a-z-]{{3,}}s? (?:(?:will|would|"
                      r"is|are|was|were|does|do|did|has|have|had|could|should|can)(?: be| have)?"
                      r"(?: jointly)? )?([a-z-]{3,})|"
                      # "Name the three parties that will head up delivery of the hubs."
                      rf"^(?:name|list|give) (?:the )?{_FEW}[a-z-]{{3,}}s? "
                      r"(?:that|which|who) (?:will|would|are to|is to|should)(?: jointly)? "
                      r"([a-z-]{3,})|"
                      # "Who will lead the hubs programme?" asks who acts: "NHS England, NHS
                      # Digital and ... will lead the delivery" (not "who is funded by")
                      r"^who (?:will|would|does|do|did|could|should|can|shall)(?: jointly)? "
                      r"([a-z-]{3,})")


# "... exemplified by a partnership between which two organisations?": the names asked for
# stand in the text where the question puts its "which", after the same word.
_SLOT_LEAD_RE = re.compile(r"\b([a-z]{4,}) (?:between|by|with|from|of|for|to|at|in|on|under) "
                           r"(?:which|what)\b")


def slot_lead(question: str) -> str | None:
    """The word a "which" asked in mid-sentence follows ("partnership" in "... a partnership
    between which two organisations?"), as a stem; None where there is none."""
    m = _SLOT_LEAD_RE.search(question.lower())
    return stem(m.group(1)) if m and m.group(1) not in QUESTION_STOP_WORDS and m.start() > 0 \
        else None


def _acts(q: str) -> frozenset[str]:
    m = _ACTS_RE.search(q)
    root = stem(next(g for g in m.groups() if g)) if m else ""
    return next((group for group in _ROLE_GROUPS if root in group), frozenset())


def _kind_noun(q: str, focus: frozenset[str], question: str) -> str | None:
    """The kind a "which/what <plural>" question asks to be named ("which hospitals" ->
    "hospital"), or the thing "the name of ..." or "... be called" asks for ("drug"); None for
    role questions ("who funds") and other questions. ``q`` is ``question`` normalised."""
    named = named_thing(question)
    if named:
        return stem(named)
    m = _FOCUS_RE.search(q)
    if not (m and m.group(2) or _types_of(q)) or len(focus) != 1 \
            or any(focus <= g for g in _ROLE_GROUPS):
        return None
    return next(iter(focus))


# "What is the investment worth in pounds sterling?": a dollar figure does not say.
_CURRENCY_ASKED = (("£", re.compile(r"\b(?:in|into) (?:uk |british )?(?:pounds|sterling|gbp)\b|"
                                    r"\bpounds sterling\b|\bin £")),
                   ("$", re.compile(r"\b(?:in|into) (?:us )?(?:dollars|usd)\b|\bin \$")),
                   ("€", re.compile(r"\b(?:in|into) (?:euros|eur)\b|\bin €")))


def _asked_currency(q: str) -> str:
    return next((c for c, pattern in _CURRENCY_ASKED if pattern.search(q)), "")


# "who" after these words asks a question ("and who funds it?", "do you know who leads it?");
# after any other word it starts a relative clause ("I'm a scientist who came to the UK ...").
_WHO_LEADS = frozenset("""and but or so then tell me us know known say see ask asking wondering sure
    of to by with for from about on exactly is was""".split())
_RELATIVE_WHO = re.compile(r"\b([a-z'’-]+),? (who(?:m|se)?)\b|"
                           # ... and "where" right after a noun ("a safe online space where
                           # researchers can log in"), not after a comma nor ending the question
                           # ("its UK headquarters where?")
                           r"\b([a-z'’-]+) (where)\b(?!\W*$)")
# Words before "where" that ask it ("deciding where to invest", "unsure where").
_WHERE_LEADS = _WHO_LEADS | frozenset("deciding decide decided choose choosing chosen unsure "
                                      "wonder".split())


def _relative_who_removed(q: str) -> str:
    """``q`` with relative "who" and "where" blanked out (same length, so match positions still
    order the types asked for)."""
    def blank(m: re.Match[str]) -> str:
        before, word = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        if before in (_WHO_LEADS if m.group(2) else _WHERE_LEADS):
            return m.group(0)
        return m.group(0)[: -len(word)] + "_" * len(word)

    return _RELATIVE_WHO.sub(blank, q)


# "How much nursing capacity ...?", "how much floor space": a quantity, not money.
_QUANTITY_RE = re.compile(r"\bhow much (?:[a-z-]+ ){0,2}(?:capacity|space|floorspace|land|time|"
                          r"area|room|data|energy|power|electricity|water|waste|carbon|emissions)\b"
                          # "By how much will support grow?": a change's size ("by a third")
                          r"|\bby how much\b"
                          r"|\bhow much (?:more|less|faster|bigger|larger|higher)\b")
# "How big will the facility be?": a building's size, not what it costs.
_SIZE_ASK_RE = re.compile(r"\bhow (?:big|large)\b.{0,40}\b(?:facility|facilities|building|site|"
                          r"campus|"
                      r"centre|center|hub|plant|lab|laboratory|premises|space|park)\b|"
                      r"\b(?:floor ?space|floor area|square (?:feet|foot|metres?|meters?))\b|"
                      # (land is measured too: "How many hectares does the park cover?")
                      r"\bhow many (?:hectares|acres)\b")
_HOW_BIG_RE = re.compile(r"\bhow (?:big|large)\b")
# ("what slice of its products ...?" is a share; "its slice of the £146m" a sum)
_PERCENT_RE = re.compile(r"\b(?:percentage|per ?cent|percent|proportion|share of|rate|"
                         r"(?:what|which) share|"
                         r"fraction)\b|%|\b(?:slice|portion) of\b(?![^?]*[£$€]\d)")
# "How much of what Cobra Biologics makes is sold abroad?", "how much of the plant's output":
# a part of something that is not money is asked as a share of it.
_SHARE_OF_RE = re.compile(r"\bhow much of (?:what\b|(?:[a-z'’-]+ ){0,4}?(?:output|production|"
                          r"products?|order ?book|sales|exports|capacity|supply|workforce)\b)")
_TIME_RE = re.compile(r"\b(?:time|hours?|days?|weeks?|months?|years?)\b")
# Money spent, paid or put in: a sum in a currency answers, a rate or a share does not.
# ("What is the agreement's financial value?", "What is it worth?": money, not a share.)
_CASH_RE = re.compile(r"\b(?:spend(?:s|ing)?|spent|invest(?:s|ing|ed|ment)?|costs?|costing|pay|"
                      r"pays|paid|cash|pounds?|dollars?|euros?|worth|value[ds]?|budgets?|"
                      r"price[ds]?)\b")
_WEAK_LIST = re.compile(r"^\s*what are (?:the|its)\b")


# "Which named individuals ...?", "which specific hospitals": the modifier says how the answer
# is given (by name), the plural after it is the kind asked for.
_KIND_MODIFIER_RE = re.compile(r"\b(which|what) (?:named|specific|particular) (?=[a-z-]{3,}s\b)")


# "Where in London ...?", "Which part of Oxford ...?": a place inside the one the question names,
# which therefore does not answer it.
_WITHIN_RE = re.compile(r"\bwhere in\b|\b(?:which|what) (?:part|area|district|borough|corner|"
                        r"neighbourhood|site) of\b(?! the (?:uk|country)\b)")


_NAME_THEM_RE = re.compile(r"[.?!:]\s+(?:please )?(?:name|list|identify) (?:them|these|those|"
                           r"each|both|all of them)\b")
_NAME_COUNTED_RE = re.compile(r"^(?:please |can you |could you )?name (?:the |all )?(?:(?:two|"
                              r"three|four|five|six|\d+) )?(?:[a-z'‘’\"-]+ ){0,2}([a-z-]{3,}s)\b")


def _without_percentages(q: str) -> str:
    """``q`` less the percentages it states ("getting to 2.4% of GDP")."""
    for a in reversed([a for a in find_amounts(q) if a.is_percent]):
        q = f"{q[:a.start]} {q[a.end:]}"
    return q


def _asks_within(q: str, places: tuple[str, ...]) -> bool:
    """"Where in Leeds ...?", "Which part of London ...?": a place within one the question
    names (not "what area of health links Sheffield and Oxford?")."""
    m = _WITHIN_RE.search(q)
    if m is None:
        return False
    after = q[m.end():].lstrip()
    return m.group().startswith("where") or any(
        re.match(rf"(?:the )?(?:city of |county of )?{re.escape(p.lower())}\b", after)
        for p in places)


# Words by which a question's ask refers back to the statements before it.
def analyse_question(question: str) -> QuestionAnalysis:
    raw = " ".join(question.lower().split())
    q = _KIND_MODIFIER_RE.sub(r"\1 ", raw)
    # Every type the question asks for, in the order asked: "How many jobs, and by when?"
    typed = _FOR_WHOM_RE.sub("___", _CHANGES_HOW_RE.sub(r"\1 ___", _relative_who_removed(q)))
    found = sorted(((m.start(), kind) for kind, pattern in _TYPE_PATTERNS
                    if (m := pattern.search(typed))), key=lambda x: x[0])
    # "What are the contracts worth?": the generic list opener gives way to a specific cue.
    if len(found) > 1 and any(k is AnswerType.LIST for _, k in found) and _WEAK_LIST.match(q) \
            and not dict(_TYPE_PATTERNS)[AnswerType.LIST].search(_WEAK_LIST.sub("", q, count=1)):
        found = [(i, k) for i, k in found if k is not AnswerType.LIST]
    # One phrase asks one thing: "how many times a year" is a frequency, not also a count.
    found = [(i, k) for n, (i, k) in enumerate(found) if n == 0 or i != found[n - 1][0]]
    kinds = tuple(dict.fromkeys(kind for _, kind in found))
    answer_type = kinds[0] if kinds else AnswerType.DESCRIPTION
    also = tuple(k for k in kinds[1:] if k in (AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PLACE))
    if answer_type is AnswerType.ENTITY and (m := _NAME_COUNTED_RE.match(q)) \
            and singular(m.group(1)) not in NAMED_KINDS and stem(m.group(1)) not in NAMED_KINDS:
        # "Name the two strands of the programme": things of a kind not named by proper names,
        # listed ("Genomics: ...; Digital diagnostics and AI: ..."); "Name the two companies"
        # asks for names.
        answer_type = AnswerType.LIST
    if answer_type is AnswerType.DESCRIPTION and _NAME_THEM_RE.search(q):
        # "The NIHR spend covers three types of research unit. Name them.": the things the
        # statement before counts, listed.
        answer_type = AnswerType.LIST
    if asks_figure_source(q):
        # "The target of 20,000 apprenticeships is footnoted. Who produced that source, and
        # when?": the unit stating the figure is the support; its footnote's References entry
        # says who and when (quoted with it), so the unit itself need give neither.
        answer_type, also = AnswerType.DESCRIPTION, ()
    if answer_type is AnswerType.DESCRIPTION and _MONEY_WORDS_RE.search(q) \
            and (_WHAT_ASKED_RE.search(q) or _SUM_ASKED_RE.search(q)
                 or _COMES_TO_RE.search(q)) \
            and names_in(question) \
            and detect_operation(question) in (Operation.SUM, Operation.DIFFERENCE):
        # "Put together the Challenge Fund money for A and B. What does it come to?", "A and B
        # get very different sums from the £146m. What's the gap between them?": money,
        # worked out from the sum each side gets. (Sides it names: "The two centres get very
        # different sums. What's the gap between them?" leaves them to be found.)
        answer_type = AnswerType.AMOUNT
    money_words = money_asked(q) if answer_type in (AnswerType.DESCRIPTION,
                                                     AnswerType.AMOUNT) else ()
    if money_words:
        # "What will the annual running costs of the centre be?", "What did the firm earn?":
        # money of a kind, which only a unit stating that kind gives.
        answer_type = AnswerType.AMOUNT
    places = tuple(find_places(" ".join(question.split())))
    within = places if places and _asks_within(q, places) else ()
    if within and answer_type in (AnswerType.DESCRIPTION, AnswerType.ENTITY):
        answer_type = AnswerType.PLACE  # "Which part of London ...?" asks where
    if answer_type in (AnswerType.DESCRIPTION, AnswerType.LIST) and _CHANGE_RE.search(q):
        # "What improvements in theatre use is it aiming for?": the deal states a change by
        # its size ("12 per cent more theatre utilisation"), where it gives one.
        also += (AnswerType.AMOUNT,)
    terms = tuple(
        w for w in re.findall(r"[a-z0-9£$€][a-z0-9£$€.,'’-]*[a-z0-9]|[a-z0-9]", q)
        if w not in QUESTION_STOP_WORDS
    )
    count_noun = _count_noun(q) if AnswerType.AMOUNT in (answer_type, *also) else None
    if count_noun is None and answer_type is AnswerType.AMOUNT:
        count_noun = _premise_count_noun(question)
    wants_money = answer_type is AnswerType.AMOUNT and not _QUANTITY_RE.search(q) and (
        "how much" in q or bool(re.search(r"\b(budget|funding|fund|money|cost|worth|invest|price|pot|value|spend|pay|paid|"
                           r"salar(?:y|ies)|wages?|award|grant|"
                           r"grant|cash|pounds?|dollars?|euros?)|[£$€]", q))
    ) and count_noun is None
    # (a percentage the question states, "getting to 2.4% of GDP", is not the one it asks for)
    unstated = _without_percentages(q)
    wants_percent = answer_type is AnswerType.AMOUNT and bool(_PERCENT_RE.search(unstated)
                                                              or _SHARE_OF_RE.search(q))
    # ("the time people spend on the ward" is not money)
    wants_cash = wants_money and not wants_percent and bool(_CASH_RE.search(q)) \
        and not _TIME_RE.search(q)
    wants_size = answer_type is AnswerType.AMOUNT and not wants_money and bool(_SIZE_ASK_RE.search(q))
    size_first = answer_type is AnswerType.AMOUNT and not wants_money and \
        bool(_HOW_BIG_RE.search(q))
    per_period = answer_type is AnswerType.AMOUNT and bool(PER_PERIOD_RE.search(q))
    # "Who has been named as the industry co-chair ...?" asks who is the co-chair.
    role_q = _NAMED_AS_RE.sub("who is the ", q)
    focus = _focus(role_q)
    return QuestionAnalysis(
        question=question,
        answer_type=answer_type,
        also=also,
        terms=terms,
        count_noun=count_noun,
        wants_money=wants_money,
        wants_percent=wants_percent,
        wants_cash=wants_cash,
        wants_size=wants_size,
        size_first=size_first,
        per_period=per_period,
        currency=_asked_currency(q) if answer_type is AnswerType.AMOUNT else "",
        money_words=money_words,
        wants_month=answer_type is AnswerType.DATE and bool(_MONTH_ASK_RE.search(q)),
        wants_new=bool(count_noun) and bool(_NEW_RE.search(q)) and not _STANDING_RE.search(q),
        names=asked_names(question),
        focus=focus,
        kind_noun=_kind_noun(q, focus, question),
        kinds_of=bool(_types_of(q)),
        excluded=_excluded(" ".join(question.split())),
        asks_role=bool(_ROLE_RE.search(role_q) or _WHO_ACTS_RE.search(q)) and bool(focus),
        acts=_acts(q) if answer_type is AnswerType.ENTITY else frozenset(),
        proper_name=answer_type is AnswerType.ENTITY and bool(_NAMED_RE.search(raw)),
        places=places,
        within=within,
        # "How much of the £350m programme is public money?": the figure the question states is
        # what it asks about, never the answer.
        quoted_figures=tuple(dict.fromkeys(m.text.strip() for m in money_amounts(question)))
        if wants_money else (),
    )
