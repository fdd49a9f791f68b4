"""The parts of a question: the questions a compound question asks ("How often does it meet, and
who sits on it?"), and the statements it opens with before asking ("The governance section says
... Which companies ...?"). Each part is analysed and answered on its own."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.asks import CIRCUMSTANCE_ASK
from ingest.units import sentence_spans

__all__ = ["background_premise", "each_listed", "split_parts", "split_premise"]

# "How often does it meet, and how often does progress go to ministers?": two questions in one,
# each with its own question word. ("How many jobs and by when?" is one clause with two types.)
# A second sentence is a second question only when it asks one ("Who runs it?"), not when it
# instructs ("... Give the figures.").
_PART_BREAK = re.compile(
    r"\?\s+(?=(?:how|what|when|where|who|which|whose|why|is|are|was|were|will|would|does|do|"
    r"did|has|have|can|could)\b)"
    # ", and which body reports ...", ", and in which month ...": a comma and a conjunction
    # before a question word start a second question whatever its verb
    r"|[,;]\s+(?:and|but|also)\s+(?=(?:(?:in|on|by|from|at|for|to|with|of|since|until)\s+)?"
    r"(?:how|what|when|where|who|which|whose|why)\b)"
    # ("... is aimed at the shortage and in which month was it announced?")
    r"|(?:[,;]?\s+(?:and|but|also)\s+|[,;]\s+)(?=(?:and\s+)?(?:(?:in|on|by|from|at|for|to|with|"
    r"of|since|until)\s+)?(?:how|what|when|where|who|which|"
    r"whose|why)(?:['’]s\b|\b[^?]*?\b(?:is|are|was|were|will|would|does|do|did|has|have|can|"
    r"could|should|might|may|must|much|many|often|long|soon)\b))", re.IGNORECASE)


# A question word, or a yes/no opener starting the part or a sentence in it ("Cobra Biologics
# needs capacity. Is there public money for it, and when was it announced?").
_ASKS = re.compile(r"\b(?:how|what|when|where|who|which|whose|why)\b|(?:^|[.!?]\s+)(?:is|are|was|"
                   r"were|will|would|does|do|did|has|have|can|could|should)\b", re.IGNORECASE)


# "When data is used ...", "If a trial fails ...": a subordinate clause (a subject follows the
# conjunction; "When was it announced" asks).
_CONDITION_RE = re.compile(r"(?:when|whenever|if|once|while|wherever|unless)\s+"
                           r"(?!(?:will|would|did|does|do|is|are|was|were|should|can|could|has|"
                           r"have|had|might|may|must|exactly|roughly|approximately)\b)",
                           re.IGNORECASE)


# "Which commitments mention Stevenage, and what is each?": "each" standing for the things the
# first part asks for (not "each year", "each teacher's budget") asks about every one of them,
# so the list answers both.
_EACH_OF_THEM_RE = re.compile(r"\beach(?: one)?(?:$|\s+(?=(?:is|are|was|were|do|does|did|has|"
                              r"have|had|will|would|doing|for|with|on|in|of|to|at)\b))",
                              re.IGNORECASE)


# (... or "Could the money be moved after Brexit, and in what circumstance?": the condition
# of the same thing)
_BY_HOW_MUCH_RE = re.compile(rf"^(?:by how (?:much|long|far|many \w+)|{CIRCUMSTANCE_ASK})$",
                             re.IGNORECASE)


# "Name the university behind each of these: A, B and C.", "Match each firm to its disease
# focus: A, B and C.": one question asked of every thing listed after the colon.
_EACH_LISTED_RE = re.compile(r"^(?P<head>[^:?]*?\b(?:each(?: of (?:these|them|the following)| one"
                             r"| [a-z]+)?|these|those|both|the following)\b[^:?]*|(?:two|three|"
                             r"four|five)\s[^:?]*):\s*(?P<items>[^:?]+?)[.?]?$", re.IGNORECASE)
# "Whose medicines are these: A, and B?": the things listed, in the place of the words
# pointing at them (the noun after a count stays: "What do these three headcounts mean: ...").
_THESE_RE = re.compile(r"\b(?:these|those|both|the following)(?: (?:two|three|four|five))?\b",
                       re.IGNORECASE)
# "Two dollar figures I need checked: A, and B.": a head that asks nothing asks for what its
# noun is of each.
_COUNTED_HEAD_RE = re.compile(r"^(?:two|three|four|five)\b", re.IGNORECASE)
_MONEY_HEAD_RE = re.compile(r"\b(?:figures?|sums?|amounts?|costs?|prices?|values?|money|"
                            r"funding|investments?)\b", re.IGNORECASE)
_DATE_HEAD_RE = re.compile(r"\b(?:dates?|years?|months?|timings?)\b", re.IGNORECASE)
_MATCH_RE = re.compile(r"^match each(?: [a-z]+)? to (?:its|their) (?P<what>[^:]+)$", re.IGNORECASE)
# "Match each place to what the deal says is there or happening there: A, B and C."
_MATCH_WHAT_RE = re.compile(r"^match each (?P<kind>[a-z]+) to what (?:the deal|the document|it) "
                            r"(?:says|said|has)\b", re.IGNORECASE)
_PLACE_WORDS = frozenset("city town place location region county country site".split())
_EACH_RE = re.compile(r"\beach(?: of (?:these|them|the following)| one)?\b", re.IGNORECASE)
MAX_LISTED_WORDS = 14  # a thing listed is a phrase, not a clause


def each_listed(question: str) -> list[str] | None:
    """The question asked of each thing a question lists after a colon ("Match each to its
    city: A, B and C." -> "Where is A?", ...); None for other questions."""
    m = _EACH_LISTED_RE.match(question.strip())
    if m is None:
        return None
    # "A, B and C", "A, B, and C", "A and B": the last "and" of a list joins its last two
    # things, but a thing may hold one ("its new headquarters and research facility"), so only
    # the first "and" after the last comma splits
    *rest, last = [i.strip() for i in m.group("items").split(",")]
    last = re.sub(r"^and\s+", "", last)
    items = [*rest, *last.split(" and ", 1)] if rest or " and " in last else []
    if len(items) < 2 or any(not i or len(i.split()) > MAX_LISTED_WORDS for i in items):
        return None
    head = m.group("head").strip()
    match = _MATCH_RE.match(head)
    if match:
        what = re.sub(r"\s+in the (?:deal|document)$", "", match.group("what").strip())
        if what.split()[-1].lower() in _PLACE_WORDS:
            return [f"Where is {item}?" for item in items]
        return [f"What is the {what} of {item}?" for item in items]
    said = _MATCH_WHAT_RE.match(head)
    if said and said.group("kind").lower() in _PLACE_WORDS:
        return [f"What is in {item}?" for item in items]
    if head.lower().startswith("match"):
        return None  # "each" qualifies a noun ("each firm"): no place to put the thing
    if not _EACH_RE.search(head):
        return _pointed_at(head, items)
    end = "?" if _ASKS.match(head) else "."
    return [_EACH_RE.sub(item, head, count=1).rstrip(".") + end for item in items]


def _pointed_at(head: str, items: list[str]) -> list[str] | None:
    """A head pointing at the things listed ("Whose medicines are these", each in the place of
    "these"), or counting them and asking nothing ("Two dollar figures I need checked": their
    sums, or dates, asked); None for any other head."""
    if _ASKS.match(head) and _THESE_RE.search(head):
        return [_THESE_RE.sub(item, head, count=1).rstrip(".") + "?" for item in items]
    if _COUNTED_HEAD_RE.match(head) and not _ASKS.search(head):
        ask = "How much is" if _MONEY_HEAD_RE.search(head) else \
            "When was" if _DATE_HEAD_RE.search(head) else None
        return [f"{ask} {item}?" for item in items] if ask else None
    return None


def split_parts(question: str) -> list[str]:
    """The questions a compound question asks, in order; one part for a simple question."""
    listed = each_listed(question)
    if listed:
        return listed
    parts = [p.strip(" ,;?") for p in _PART_BREAK.split(question)]
    parts = [re.sub(r"^(?:and|but|also)\s+", "", p, flags=re.IGNORECASE) for p in parts]
    if len(parts) == 2 and (_EACH_OF_THEM_RE.search(parts[1])
                            or _BY_HOW_MUCH_RE.match(parts[1])):
        # ("Which started earlier: A or B - and by how many years?": the gap is the same ask)
        return [question]
    if len(parts) > 1 and _CONDITION_RE.match(parts[0]):
        # "When patient data is used for other purposes, what kind of data should be used?":
        # a clause setting a condition belongs to the question after it
        parts = [f"{parts[0]}, {parts[1]}", *parts[2:]]
    # A fragment ("Which companies, and where ...?") or a preamble ("In the sector deal, how
    # much ...?") is not a question of its own.
    if len(parts) > 1 and all(len(p.split()) >= 3 and _ASKS.search(p) for p in parts):
        return parts
    return [question]


@lru_cache(maxsize=1024)
def split_premise(question: str) -> tuple[str, str]:
    """(premise, ask): the statements a question opens with ("The governance section says
    Biobank UK runs some programmes day to day.") and the question after them ("Which drug
    companies will help sequence its genomes?"); ("", question) when it opens with none.
    Sentences are split as the corpus's are (``ingest.units.sentence_spans``: "e.g." and
    initials do not end one); the premise ends at the last statement before the question."""
    q = question.strip()
    ends = [e for _, e in sentence_spans(q)[:-1] if q[e - 1] in ".!"]
    if not ends:
        return "", question
    return q[:ends[-1]], q[ends[-1]:].strip()


# A premise that reports a claim to be checked ("My notes put the fund at £5bn.", "I was told
# the trial is small.") is what the question is about, not background to it.
# So does one describing the asker ("We're a genomics firm wanting data access."), whom the
# answer must fit.
_CLAIMED_RE = re.compile(r"\d|[£$€]|\b(?:notes?|told|claims?|claimed|heard|read|reckons?|"
                         r"thinks?|believes?|assumed?|spreadsheet|deck|draft|colleague|"
                         r"someone|somebody|apparently|supposedly|reportedly|mixed up|"
                         r"analyst)\b|^(?:I|I'm|I’m|we|we're|we’re|our|my)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def background_premise(question: str) -> tuple[str, str] | None:
    """(premise, ask) where the premise sets the scene rather than making a claim to check
    ("Cobra Biologics says it needs viral vector capacity. How much ISCF money is set aside for
    that kind of capacity?"): it gives no figure and reports no one's notes or claims; None
    otherwise."""
    premise, ask = split_premise(question)
    if not premise or _CLAIMED_RE.search(premise):
        return None
    return premise, ask
