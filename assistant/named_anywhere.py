"""Questions for every name of a kind the whole deal gives: "Which hospitals are named anywhere
in the deal?". Retrieval brings the five passages most like the question, but the hospitals are
named one here, one there (Papworth beside AstraZeneca's campus, Queen Elizabeth University
Hospital beside a Glasgow spin-out). For kinds whose names carry the kind's word ("... Hospital",
"University of ...", "... City Council"; ``kinds.NAMES_ITS_KIND``) the names can be found in
every passage, each quoted where the deal first gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.count_nouns import singular
from assistant.evidence import NAME_RUN_RE
from assistant.kinds import NAMES_ITS_KIND
from assistant.name_match import NAME_WITH_AND
from assistant.place_scope import body_units
from assistant.question import QuestionAnalysis
from dealqa.types import AnswerType, Passage
from retrieval.text import money_amounts, stem, tokenize

__all__ = ["ASKING_WORDS", "BESIDE_KINDS", "CURRENCY_WORDS", "asked_anywhere", "asked_currency",
           "asked_job_figures", "asked_mentions", "asked_sources", "asked_sum_mentions",
           "asks_part_played", "currency_mentions", "job_mentions", "mentions_of",
           "names_beside_kind", "names_of_kind", "source_entries", "sum_mentions"]

# Kinds whose members the deal names beside the kind's word, not with it: "health charities
# (including Wellcome Trust ...)", "the charities Anthony Nolan and Leuka". (Companies are named
# so too, but in nearly every passage: a list of all of them is no answer.)
BESIDE_KINDS = frozenset(stem(w) for w in ("charity", "investor", "regulator", "funder"))

# "named anywhere", "does the deal mention", "all the hospitals": the whole deal is asked about.
_ANYWHERE_RE = re.compile(r"\b(?:anywhere|throughout|across the (?:deal|document)|"
                          r"(?:named|mentioned|listed|cited) (?:in|by) the (?:deal|document)|"
                          r"(?:does|do) the (?:deal|document) (?:name|mention|list)|"
                          r"the (?:deal|document) (?:names|mentions|lists)|"
                          r"all (?:of )?the)\b", re.IGNORECASE)
_WHOLE_DEAL_RE = re.compile(r"\b(?:anywhere|throughout|across the (?:deal|document)|"
                            r"(?:in|from) the (?:whole|entire) (?:deal|document))\b", re.IGNORECASE)
# "..., in whatever role", "in any capacity": every name of the kind, whatever it is named for
_ANY_ROLE_RE = re.compile(r"\b(?:in |for )?(?:whatever|any|every) (?:role|capacity|way|context|"
                          r"connection)s?\b|\bwhatever (?:its|their) (?:role|part)s?\b",
                          re.IGNORECASE)
# Words that ask nothing beyond "which names of this kind does the deal give?".
ASKING_WORDS = frozenset(tokenize(
    "which what are is were was named name names mentioned mention mentions listed list lists "
    "cited anywhere throughout across deal document does do all of the in by sector life "
    "sciences please give me every single that appear appears"))


def asked_anywhere(a: QuestionAnalysis) -> str | None:
    """The kind's stem when ``a`` asks for every name of a kind whose names carry its word,
    in the whole deal and nothing more specific; else None."""
    if a.answer_type not in (AnswerType.ENTITY, AnswerType.LIST) or not _ANYWHERE_RE.search(
            a.question):
        return None
    # "Which hospitals ...?" names its kind; "List all the universities ..." has one among
    # its words.
    kinds = NAMES_ITS_KIND | BESIDE_KINDS
    kind = a.kind_noun if a.kind_noun in kinds else next(
        (k for w in re.findall(r"[a-z]+", a.question.lower())
         if (k := stem(singular(w))) in kinds), None)
    if kind is None:
        return None
    asked = _ANY_ROLE_RE.sub(" ", a.question)
    rest = {t for t in tokenize(asked) if stem(t) != kind} - ASKING_WORDS
    # "Across the deal, which charities are named as funders ...?": asked of the whole deal in
    # so many words, every name of the kind is the answer to read the rest from.
    return kind if not rest or _WHOLE_DEAL_RE.search(a.question) else None


def names_of_kind(passages: Sequence[Passage], kind: str,
                  skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, name) for the first unit giving each name that carries the kind's
    word ("Queen Elizabeth University Hospital", "University of Oxford"), in document order,
    outside ``skip_sections``."""
    seen: set[str] = set()
    for p, i, text in body_units(passages, skip_sections):
        for m in NAME_RUN_RE.finditer(text):
            name = _name_of_kind(m.group(), kind)
            if name is not None and name.lower() not in seen:
                seen.add(name.lower())
                yield p, i, name


# What may stand between a kind's word and the names it introduces: "charities (including ",
# "charities, such as ", "the charities ".
_BESIDE_RE = re.compile(r"(?:\s*[(,]?\s*(?:such as|including|like|e\.g\.|namely)\s+|\s+)(?:the\s+)?"
                        rf"(?P<name>{NAME_RUN_RE.pattern})")


def names_beside_kind(passages: Sequence[Passage], kind: str,
                      skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, first name) for each unit naming things of ``kind`` right after
    the kind's word ("the charities Anthony Nolan and Leuka"), in document order, outside
    ``skip_sections``; a unit whose first name an earlier one gave is left out."""
    seen: set[str] = set()
    for p, i, text in body_units(passages, skip_sections):
        for m in re.finditer(r"[A-Za-z-]+", text):
            if stem(singular(m.group().lower())) != kind:
                continue
            after = _BESIDE_RE.match(text, m.end())
            if after is not None and after.group("name").lower() not in seen:
                seen.add(after.group("name").lower())
                yield p, i, after.group("name")
                break


def _name_of_kind(run: str, kind: str) -> str | None:
    """The name in a run of capitalised words whose head is the kind's word: last ("Papworth
    Hospital", "Guy's Hospital") or before "of" ("University of Oxford"), less an owner before
    it ("Glasgow's Queen Elizabeth University Hospital") and what a possessive goes on to
    ("University of Oxford's Clinical Trial Service" names the university); None if the kind
    heads no name ("Queen Elizabeth University Hospital" is a hospital, not a university)."""
    run = re.sub(r"^The\s+", "", run)
    owner = re.match(r"[A-Z][\w-]*['’]s\s+(?=\S+\s)", run)
    run = run[owner.end():] if owner else run
    pieces = re.split(r"(?<=['’]s)\s+", run)
    for n in range(1, len(pieces) + 1):
        name = re.sub(r"['’]s$", "", " ".join(pieces[:n])) if n < len(pieces) else run
        words = name.split()
        if len(words) >= 2 and any(stem(w.lower()) == kind
                                   and (i == len(words) - 1 or words[i + 1] == "of")
                                   for i, w in enumerate(words)):
            return name
    return None


# "Which publications does the deal cite in its references?": its sources, all of them.
_SOURCES_RE = re.compile(r"\b(?:which|what) (?:publications|reports|documents|papers|sources|"
                         r"studies)\b|\b(?:which|what) (?:does|do) the (?:deal|document) cite\b|"
                         r"\blist (?:the |all )?(?:its |the deal's )?(?:references|sources|"
                         r"publications)\b", re.IGNORECASE)
_SOURCE_WORDS = frozenset(tokenize("publications reports documents papers sources studies cite "
                                   "cites cited references reference its list"))
# A References entry citing a source: its year in brackets ("HM Treasury (2017), ...").
_CITED_YEAR_RE = re.compile(r"\((?:19|20)\d\d(?: and (?:19|20)\d\d)?\)")


def asked_sources(a: QuestionAnalysis) -> bool:
    """``a`` asks for the sources the deal cites, all of them and nothing more specific."""
    if not _SOURCES_RE.search(a.question):
        return False
    return not set(tokenize(a.question)) - ASKING_WORDS - _SOURCE_WORDS


def source_entries(passages: Sequence[Passage],
                   reference_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, entry without its web address) for each source the References
    cite, once however many notes cite it ("Financing Growth in Innovative Firms" is notes 3
    and 11)."""
    seen: set[str] = set()
    for p in passages:
        if not (p.section and p.section[0].lower() in reference_sections):
            continue
        for i, u in enumerate(p.units):
            text = p.unit_text(u)
            year = _CITED_YEAR_RE.search(text)
            if year is None:
                continue
            # The entry less its web address: "HM Treasury (2017), Financing Growth ...".
            title = re.sub(r"^\d+\.\s*", "", re.split(r"https?://|<", text)[0]).strip(" ,*.")
            key = re.sub(r"\W+", " ", title).lower().strip()
            if key not in seen:
                seen.add(key)
                yield p, i, title



# "What part does NHS Improvement play in the deal?": whatever the deal says of it, wherever,
# once or more
_PART_PLAYED = (r"\b[Ww]hat (?:part|parts|role|roles) (?:does|do|will) (?:the )?"
                rf"(?P<played>{NAME_WITH_AND}) (?:play|have)\b")
_PART_PLAYED_RE = re.compile(_PART_PLAYED)


def asks_part_played(question: str) -> bool:
    """ "What role does NHS Improvement play in the deal?": its one mention answers too."""
    return bool(_PART_PLAYED_RE.search(question))


_ITEMS = (r"(?:commitments|items|measures|things|projects|investments|initiatives|entries|"
          r"announcements|activities|programmes|schemes)")
# "Philips is named in connection with two different AI efforts. Which two?", "Johnson &
# Johnson turns up several times", "Where does the deal mention Seqirus?": where the deal
# names one thing, every place.
_MENTIONS_RE = re.compile(
    rf"(?P<subject>{NAME_WITH_AND})\s+(?:(?:is|are|gets?) (?:named|mentioned|cited) "
    r"(?:in connection with|in relation to|alongside|in (?:two|three|several|different|various|"
    r"more than one))|"
    # "Guy's Hospital comes up in two different contexts", "Philips appears more than once",
    # "Wellcome Trust shows up twice", "Cancer Research UK turns up in two different roles"
    r"(?:(?:comes?|crops?|turns?|shows?) up|appears?|features?) (?:(?:in )?(?:two|three|"
    r"several|many|different|various|more than one|a few)|twice|more than once))\b|"
    r"\b[Ww]here (?:else )?(?:does|do) the (?:deal|document) (?:name|mention) "
    rf"(?P<object>{NAME_WITH_AND})|"
    # "List the different ways AstraZeneca features in the deal", "In what capacities does
    # the Science Industry Partnership appear?", "What jobs does NHS England take on across
    # the deal?"
    r"\b(?:different|various|several|many) ways (?:that |in which )?(?:the )?"
    rf"(?P<ways>{NAME_WITH_AND}) (?:features?|appears?|figures?|comes? up|crops? up|is "
    r"(?:mentioned|named))|"
    r"\b[Ii]n (?:what|which) (?:different |various )?(?:capacities|capacity|roles?|guises?) "
    rf"(?:does|do) (?:the )?(?P<capacity>{NAME_WITH_AND}) (?:appear|feature|figure|come up)|"
    rf"{_PART_PLAYED}|"
    r"\b(?:what|which) (?:different |various )?(?:jobs|roles|tasks|responsibilities) (?:does|do) "
    rf"(?:the )?(?P<roles>{NAME_WITH_AND}) [^?]*\b(?:across|throughout) the (?:whole |entire )?"
    r"(?:deal|document)|"
    # "Which commitments mention Stevenage?", "Which Cambridge-based items appear in the deal?"
    rf"\b[Ww]hich (?:[\w-]+ ){{0,2}}?{_ITEMS} (?:in the (?:deal|document) )?(?:mention|name|"
    rf"refer to|involve)s? (?P<named>{NAME_WITH_AND})|"
    # "List the commitments and investments in the deal that involve Oxford"
    rf"\b(?:[Ll]ist|[Nn]ame|[Gg]ive)\b[^?.]*?\b{_ITEMS}\b[^?.]*?\b(?:that|which) (?:mention|name|"
    rf"refer to|involve)s? (?P<listed>{NAME_WITH_AND})|"
    rf"\b[Ww]hich (?P<based>[A-Z][\w'’&]*(?:\s+[A-Z][\w'’&]*)*)-based "
    rf"(?:[\w-]+ ){{0,2}}?{_ITEMS}\b")


def asked_mentions(a: QuestionAnalysis) -> str | None:
    """The name ``a`` asks for every mention of ("Philips"), or None."""
    m = _MENTIONS_RE.search(a.question)
    if m is None:
        return None
    name = re.sub(r"^(?:The|And|But|So)\s+", "", next(g for g in m.groups() if g))
    return name if name[:1].isupper() else None


# "Two separate projects in the deal are each put at £40m. What are they?": one sum stated for
# several things, and the things asked for.
# (not "the two centres paid for out of the £146m": a sum both come from, not each one's)
_SHARED_SUM_RE = re.compile(r"\b(?:each|both|all)\b (?:\w+ ){0,3}?(?:put at|worth|valued at|"
                            r"costing|cost|get|gets|receive|receiving|given|with|at)\s+(?:about |"
                            r"around |some )?[£$€]\d|[£$€]\d[\d,.]*\s?(?:bn|m|k)?\s+(?:each|"
                            r"apiece)\b|\bthe same (?:[£$€]\d[\d,.]*\s?(?:bn|m|k|tn)? )?(?:sum|amount|"
                            r"figure)\b|"
                            # "A $100m figure is attached to two different companies", "The
                            # figure £1bn crops up in two different places"
                            r"\b(?:attached|tied|linked|applied|given) to (?:two|three|both|several|"
                            r"different|more than one)\b|\b(?:crops?|comes?|turns?|shows?) up "
                            r"(?:in )?(?:twice|two|three|both|several)\b|\bappears? (?:twice|in two)|"
                            # "The deal cites two separate £40m investments"
                            r"\b(?:two|three|both) (?:separate |different |distinct )?[£$€]\d",
                            re.IGNORECASE)
_WHICH_ONES_RE = re.compile(r"\b(?:what|which) (?:are|were) (?:they|those|these|the (?:two|three)"
                            r"(?: \w+)?)\b|\bname (?:them|both|the (?:two|three))\b|"
                            r"\bwhich (?:two|three|ones)\b|\bwhich (?:companies|firms|"
                            r"organisations|bodies|programmes|projects|things)\b|\b(?:in each "
                            r"case|what does each (?:one )?(?:refer to|mean|cover|stand for))\b",
                            re.IGNORECASE)


def asked_sum_mentions(question: str) -> str | None:
    """The sum ``question`` asks every holder of ("£40m"), or None."""
    sums = money_amounts(question)
    if len(sums) != 1 or not _SHARED_SUM_RE.search(question) \
            or not _WHICH_ONES_RE.search(question):
        return None
    return sums[0].text.strip()


# "Which figures in the deal are given in US dollars rather than pounds?": every sum stated in
# one currency.
_CURRENCY_ASKED_RE = re.compile(r"\b(?:figures?|sums?|amounts?|numbers?|investments?|money)\b[^?]*?"
                                r"\b(?:in|as) (?:(?:US|American) )?(dollars|euros)\b",
                                re.IGNORECASE)
_CURRENCY_SIGNS = {"dollars": "$", "euros": "€"}
CURRENCY_WORDS = {sign: word for word, sign in _CURRENCY_SIGNS.items()}  # "$" -> "dollars"


# "every US-dollar figure the deal quotes", "all the euro sums"
_CURRENCY_KIND_RE = re.compile(r"\b(?:every|all|each|any)\b[^?]{0,20}?\b(?:(?:US|American)[- ])?"
                               r"(dollar|euro)s? (?:figures?|sums?|amounts?)\b", re.IGNORECASE)


def asked_currency(question: str) -> str | None:
    """The currency sign of the sums ``question`` asks for all of ("$"), or None."""
    m = _CURRENCY_ASKED_RE.search(question) or _CURRENCY_KIND_RE.search(question)
    return _CURRENCY_SIGNS[m.group(1).lower().rstrip("s") + "s"] if m else None


def currency_mentions(passages: Sequence[Passage], sign: str, skip_sections: frozenset[str]
                      ) -> Iterator[tuple[Passage, int, str, str]]:
    """``sum_mentions`` for every sum stated in the currency ``sign`` ("$")."""
    return _sums_stated(passages, skip_sections, lambda m: m.currency == sign)


def sum_mentions(passages: Sequence[Passage], asked: str, skip_sections: frozenset[str]
                 ) -> Iterator[tuple[Passage, int, str, str]]:
    """(passage, unit index, the sum as the unit writes it, the name holding it) for each unit
    stating the sum ``asked`` however written ("£40m", "£40 million"), in document order, a
    unit restating an earlier one's words left out. The holder is the last name before the sum
    in its sentence ("Seqirus, the world's second largest ... has just announced its £40m
    investment"), "" when there is none near."""
    key = money_amounts(asked)[0].canonical
    return _sums_stated(passages, skip_sections, lambda m: m.canonical == key)


def _sums_stated(passages: Sequence[Passage], skip_sections: frozenset[str], wanted
                 ) -> Iterator[tuple[Passage, int, str, str]]:
    """Each sum ``wanted`` picks (an ``Amount`` -> bool), once a unit, in document order, as
    ``sum_mentions`` gives it; a sum a unit it restates already gave is left out (not the
    unit: the chapter's bullet may add a sum to the key commitments' line)."""
    said: list[tuple[frozenset[str], set[str]]] = []
    for p, i, text in body_units(passages, skip_sections):
        found = [m for m in money_amounts(text) if wanted(m)]
        if not found:
            continue
        words = frozenset(tokenize(text))
        given = {c for w, sums in said if _restates(words, w) for c in sums}
        for m in found:
            if m.canonical not in given:
                given.add(m.canonical)
                yield p, i, m.text.strip(), _holder(text, m.start)
        said.append((words, {m.canonical for m in found}))


# "List the new-jobs figures the deal gives", "What job numbers does the deal give for company
# investments?": every count of new jobs the deal states
# (plural: "the 150 jobs figure", "What jobs figure does it give for the centre?" ask one)
_JOB_FIGURES_RE = re.compile(r"\b(?:new[- ])?(?:jobs?|roles?|posts?)[- ](?:figures|numbers|"
                             r"counts)\b|\b(?:figures|numbers) (?:of|for) (?:new )?"
                             r"(?:jobs|roles|posts)\b", re.IGNORECASE)
# A count of jobs as the deal writes one: "nearly 100 high-value jobs", "150 new research
# roles", "43 new jobs" (a headcount, "600 staff already there", is no new job)
_JOBS_RE = re.compile(r"\b(?:(?:nearly|around|about|up to|over|some|almost) )?\d[\d,]*"
                      r"(?: (?:new|high-value|additional|skilled|research|high-skilled)){0,3} "
                      r"(?:jobs|roles|posts)\b", re.IGNORECASE)


def asked_job_figures(question: str) -> bool:
    """Does ``question`` ask for every count of new jobs the deal gives?"""
    return bool(_JOB_FIGURES_RE.search(question))


def job_mentions(passages: Sequence[Passage], skip_sections: frozenset[str]
                 ) -> Iterator[tuple[Passage, int, str, str]]:
    """(passage, unit index, the count as written, the name holding it) for each count of new
    jobs, once a unit, in document order; a unit restating an earlier one's words is left out
    (the key commitments' "creating nearly 100 high-value jobs" is the chapter's too)."""
    said: list[frozenset[str]] = []
    for p, i, text in body_units(passages, skip_sections):
        found = list(_JOBS_RE.finditer(text))
        if found and not _restated(text, said):
            for m in found:
                yield p, i, m.group(), _holder(text, m.start())


HOLDER_REACH = 160  # how far before a sum its holder's name is looked for


def _holder(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at) + 1, at - HOLDER_REACH, 0)
    names = [m.group() for m in NAME_RUN_RE.finditer(text, start, at)]
    return names[-1] if names else ""


def mentions_of(passages: Sequence[Passage], name: str,
                skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, name) for each unit naming ``name`` as written, in document
    order, outside ``skip_sections``; a unit restating an earlier one's words is left out
    (the deal repeats its commitments between summary and chapters)."""
    said: list[frozenset[str]] = []
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    for p, i, text in body_units(passages, skip_sections):
        if pattern.search(text) and not _restated(text, said):
            yield p, i, name


def _restated(text: str, said: list[frozenset[str]]) -> bool:
    """``text`` restates a unit already given (most of the shorter one's words are shared: the
    deal repeats its commitments between summary and chapters); if not, it is noted in
    ``said``."""
    words = frozenset(tokenize(text))
    if any(_restates(words, w) for w in said):
        return True
    said.append(words)
    return False


def _restates(words: frozenset[str], other: frozenset[str]) -> bool:
    """Most of the shorter one's words are shared."""
    return len(words & other) >= 0.7 * min(len(words), len(other))
