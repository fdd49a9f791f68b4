"""What a figure is for, as a short phrase taken from the words around it.

Money: the first of these rules that finds a phrase wins (``clause`` = the figure's clause,
see commitments.clauses):

1. the target of a change: "raising **total public investment in R&D** ... to £12.5bn";
2. what is invested in: "will invest over $1m in **a 4,500 sq ft CryoHub**";
3. after a source, what the money will do: "£16m from the ISCF will **grow advanced
   therapies manufacturing capacity**";
4. a purpose preposition right after it: "£66m **on** a Vaccines Development & Manufacturing
   Centre", "£25m **to** support collaborative R&D", "up to £210m **for** early diagnostics";
5. "£X **of** <what>": "£146m of Industrial Strategy Challenge Fund support for medicines
   manufacturing";
6. the noun it modifies: "a new £115m **research centre**", "a £215m **Oxfordshire Housing
   Deal**" — and when that noun is generic ("£40m investment", "£5m commitment") the phrase
   after it: "investment in **a new high-tech 'fill and finish' facility**";
7. "<what> of/worth/with £X" before it: "**new contracts** worth more than £950m";
8. otherwise the clause itself, without the figure.

Phrases stop at a comma, a verb or the clause end, lose leading articles and a trailing place
("in Liverpool": the place has its own field) and are capped at :data:`MAX_WORDS`.
"""

from __future__ import annotations

import re

from commitments.clauses import squash
from commitments.figures import Figure
from commitments.places import find_places

__all__ = ["money_purpose", "count_purpose", "percent_purpose", "list_item_lead", "MAX_WORDS"]

MAX_WORDS = 12
_GENERIC = frozenset(
    "investment investments programme programmes funding fund commitment commitments contract "
    "contracts grant grants support budget package pledge pledges money capital boost increase "
    "total finance new additional further initial".split()
)
_STOP_NP = re.compile(
    r"\b(?:in|on|to|for|from|by|with|at|of|into|over|which|that|will|would|is|are|was|were|has|"
    r"have|had|can|could|or|through|across|as|including|per)\b"
)
_VERB_CUT = re.compile(r"\s+(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|"
                       r"might|must)\b.*$", re.DOTALL)
_PARTICIPLE = re.compile(r"\s(?:[a-z]+ed|driven|run|given|made|held|built|seen|known|set)\b")
_SOURCE_LEAD = re.compile(r"^\s*from\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s*|(?:of|and|for|&)\s+)+")
_VERB_LEAD = re.compile(r"^\s*(?:will|would|shall|is\s+to|are\s+to|to)\s+(?:also\s+)?"
                        r"(?:help\s+(?:to\s+)?)?(?P<vp>[a-z].*)", re.DOTALL)
_PERIOD_LEAD = re.compile(
    r"^\s*(?:(?:in|by|from|over|during|until)\s+(?:the\s+)?(?:next\s+)?"
    r"(?:\w+\s+years|(?:19|20)\d\d(?:\s?[/–-]\s?\d\d)?|[A-Z][a-z]+\s+(?:19|20)\d\d)"
    r"|per\s+annum|a\s+year|each\s+year|that\s+year(?:\s+alone)?)\b",
)
_ARTICLE = re.compile(r"^(?:the|a|an|its|their|this|these|our)\s+", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:increas\w*|rais\w*|boost\w*|grow\w*|reduc\w*|cut\w*|lift\w*|doubl\w*|halv\w*)\b",
    re.IGNORECASE)


def _tidy(phrase: str) -> str:
    phrase = re.split(r",\s|;|\s[-–]\s", phrase, maxsplit=1)[0]
    phrase = squash(_VERB_CUT.sub("", phrase))
    for _ in range(2):
        phrase = _ARTICLE.sub("", phrase)
    places = find_places(phrase)
    if places:  # "... facility in Liverpool" -> "... facility"
        phrase = re.sub(r"\s+(?:in|at)\s+(?:the\s+)?(?:" + "|".join(map(re.escape, places))
                        + r")(?:['’]s)?\s*$", "", phrase)
    words = phrase.split()
    return squash(" ".join(words[:MAX_WORDS]))


def _noun_phrase(text: str) -> tuple[str, str]:
    """Leading noun phrase of ``text`` and the rest (split at the first function word)."""
    m = _STOP_NP.search(text)
    return (text[:m.start()], text[m.start():]) if m else (text, "")


def _after_generic(rest: str) -> str:
    """What a generic noun ("investment", "commitment") is for: the phrase after it."""
    rest = _SOURCE_LEAD.sub("", rest)  # "investment from the Gates Foundation to collaborate"
    verb = _VERB_LEAD.match(rest)
    if verb:
        return _tidy(verb.group("vp"))
    m = re.match(r"\s*(?:in|on|for|towards|into)\s+(.*)", rest, re.DOTALL)
    if m is None:
        return ""
    phrase = _tidy(m.group(1))
    return "" if phrase in find_places(phrase) else phrase


def _strip_period(right: str) -> str:
    for _ in range(2):
        right = _PERIOD_LEAD.sub("", right)
    return right


def _target(left: str, right: str) -> str:
    """"raising total public investment in R&D to £12.5bn" -> what reaches the target."""
    if re.search(r"\bto\s*$", left) and _CHANGE_VERB.search(left):
        return _target_phrase(left)
    return ""


def _invested_in(left: str, right: str) -> str:
    """"will invest over $1m in a 4,500 sq ft CryoHub" -> the thing invested in."""
    if re.search(r"\b(?:invest\w*|spend\w*|put\w*)\s*$", left):
        m = re.match(r"\s*(?:in|into|on)\s+(.*)", right, re.DOTALL)
        return _tidy(m.group(1)) if m else ""
    return ""


def _from_source(left: str, right: str) -> str:
    """"A further £16m from the ISCF will grow ..." -> what the money will do."""
    return _after_generic(right) if _SOURCE_LEAD.match(right) else ""


def _preposition(left: str, right: str) -> str:
    """"£66m on a Vaccines ... Centre", "£25m to support collaborative R&D"."""
    m = re.match(r"\s*(?:on|for|towards|into|to(?!\s+(?:£|\$|€|\d)))\s+(.*)", right,
                 re.IGNORECASE | re.DOTALL)
    return _tidy(m.group(1)) if m else ""


def _of_what(left: str, right: str) -> str:
    """"£146m of Industrial Strategy Challenge Fund support for medicines manufacturing"."""
    m = re.match(r"\s*of\s+(.*)", right, re.DOTALL)
    if m is None:
        return ""
    np, rest = _noun_phrase(m.group(1))
    if np.strip() and set(np.lower().split()) <= _GENERIC:
        return _after_generic(rest) or _tidy(m.group(1))
    return _tidy(m.group(1))


def _modified_noun(left: str, right: str) -> str:
    """"a new £115m research centre"; generic nouns look further ("£40m investment in ...")."""
    first = right.lstrip()
    if not (right[:1].isspace() and first[:1].isalpha()) or _STOP_NP.match(first) or \
            re.match(r"(?:and|but|then|so|while)\b", first):
        return ""
    np, rest = _noun_phrase(first)
    participle = _PARTICIPLE.search(np)  # "£1m ... CryoHub located at"
    if participle:
        np, rest = np[:participle.start()], np[participle.start():] + rest
    if set(np.lower().split()) <= _GENERIC:
        return _after_generic(rest) or _tidy(np + _place_tail(rest))
    return _tidy(np)


def _noun_before(left: str, right: str) -> str:
    """"New contracts worth more than £950m", "a further increase in R&D investment of"."""
    m = re.search(r"\s(?:of|worth|valued\s+at|with|totalling|amounting\s+to|by)\s*$", left)
    return _tidy(_np_before(left[:m.start()])) if m else ""


_MONEY_RULES = (_target, _invested_in, _from_source, _preposition, _of_what, _modified_noun,
                _noun_before)


def money_purpose(sentence: str, fig: Figure, clause: tuple[int, int]) -> str:
    """The first rule that finds a phrase wins; else the clause around the figure."""
    right = _strip_period(sentence[fig.end:clause[1]])
    left = sentence[clause[0]:fig.raw_start]
    for rule in _MONEY_RULES:
        found = rule(left, right)
        if found:
            return found
    return _tidy(_after_verb(left) + " " + right)


def _np_before(text: str) -> str:
    """The noun phrase ending ``text``: back to its article, a verb or a comma.

    "... announcing in the Industrial Strategy a further increase in investment" ->
    "a further increase in investment"; "has leveraged industry pledges" -> "industry pledges";
    "could increase public and private R&D investment" -> "public and private R&D investment".
    An article after an inner preposition belongs to the phrase ("increase in the rate").
    """
    words = text.split()
    i = len(words)
    while i > 0:
        w, prev = words[i - 1], (words[i - 2].lower() if i > 1 else "")
        low = w.lower().strip("()")
        if w.endswith((",", ";", ":")) or low in _VERBISH:
            break
        if _CHANGE_VERB.fullmatch(low) and prev in _MODALS:
            break  # "could increase ...": a verb, not the noun "an increase"
        if low.endswith(("ed", "ing")) and i < len(words) and prev not in _ARTICLES:
            break  # "has leveraged industry pledges"; but "an estimated increase"
        i -= 1
        if low in _ARTICLES:
            inner = prev in _PREPOSITIONS and i > 1
            if not inner:
                break
    return " ".join(words[i:])


def _target_phrase(left: str) -> str:
    """What reaches a target: "raising total public investment in R&D (from X) to" -> the
    words between the change verb and "from"/"to"."""
    verbs = list(_CHANGE_VERB.finditer(left))
    if not verbs:
        return ""
    between = left[verbs[-1].end():]
    if re.search(r"per\s*cent|%", between):
        return ""  # "... to 2.4 per cent of GDP by 2027, and then to 3 per cent": same purpose
    between = re.sub(r"\s*(?:\bfrom\s[^,;]*?)?\s*\bto\s*$", "", between)
    between = re.sub(r"^\s*(?:in|of)\s+", "", between)
    return _tidy(between) if between.strip() else ""


_ARTICLES = frozenset({"a", "an", "the", "its", "their"})
_MODALS = frozenset("will would could can may might must shall should to".split())
_PREPOSITIONS = frozenset({"of", "in", "on", "for", "to", "from", "with"})
_VERBISH = frozenset(
    "will would is are was were has have had be been announced announcing committed include "
    "includes involves could can may might seed forms form makes made brings sets".split()
)


def _place_tail(rest: str) -> str:
    m = re.match(r"\s*(in\s+(?:the\s+)?[A-Z][\w\s]+?)(?=\s+(?:will|is|are|has|have)\b|$|,)", rest)
    return " " + m.group(1) if m else ""


def _after_verb(text: str) -> str:
    """The words after the last verb-like word ("announcing ... a further increase in X")."""
    words = text.split()
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w in {"will", "has", "have", "is", "are", "be", "been", "announced", "announcing",
                 "committed", "include", "includes", "involves", "by", "alone", "and"}:
            return " ".join(words[i + 1:])
    return text


def count_purpose(sentence: str, fig: Figure, clause: tuple[int, int]) -> str:
    """"nearly 100 high-value jobs" -> "high-value jobs"; years take the words around them."""
    if fig.unit == "years":
        after = re.sub(r"^[\w-]*\d[\w-]*\s+|^\w+-year\s+", "", fig.text)
        if after and after != fig.text:  # "15-year partnership" + what follows
            return _tidy(after + " " + _strip_period(sentence[fig.end:clause[1]]))
        left = re.sub(r"\bafter\s*$", "", sentence[clause[0]:fig.raw_start]).split()
        return _tidy(" ".join(left[-MAX_WORDS:]))
    words = fig.text.split()[1:]
    tail = _strip_period(sentence[fig.end:clause[1]])
    m = re.match(r"\s+(?:[a-z]+ed\s+)?((?:in|at|for|across|on)\s+[^,;]*)", tail)
    phrase = " ".join(words) + (" " + m.group(1) if m else "")
    return _tidy(re.sub(r"\s+(?:by|in)\s+(?:19|20)\d\d\b.*$", "", phrase))


def percent_purpose(sentence: str, fig: Figure) -> str:
    """"increase investment in R&D to 2.4 per cent" -> "investment in R&D"; '' when implicit."""
    return _target_phrase(sentence[:fig.raw_start])


def list_item_lead(sentence: str, clause: tuple[int, int], purpose: str) -> str:
    """A policy-list line names its measure first ("backing overseas investment in UK venture
    capital, expected to release £1bn of investment"): use that lead when the figure's own
    words say nothing more than "investment"."""
    if clause[0] == 0 or set(purpose.lower().split()) - _GENERIC:
        return purpose
    lead = sentence[:clause[0]]
    if not re.match(r"\s*[a-z]+ing\b", lead):
        return purpose
    return _tidy(lead) or purpose
