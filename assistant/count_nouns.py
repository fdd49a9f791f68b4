"""The nouns a count is of: the words a count of each may go by ("how many jobs" is answered
by "2,000 roles"), their plural and singular forms ("facility" ~ "facilities"), and a noun
asked bare ("how many start-ups will ...")."""

from __future__ import annotations

import re

__all__ = ["COUNT_NOUN_SYNONYMS", "bare_count", "plural", "singular"]

# "How many <noun>": the support must count that thing, not just hold any number.
COUNT_NOUN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "job": ("job", "role", "staff", "employee", "scientist", "post", "position", "worker", "people"),
    "role": ("job", "role", "staff", "employee", "scientist", "post", "position"),
    # ("how many posts will X create" is answered by "creating 43 new jobs"; a post is also
    # counted in full-time equivalents: "9 nurse FTEs")
    "post": ("post", "job", "role", "position", "staff", "employee", "scientist", "fte"),
    "position": ("position", "job", "role", "post", "staff", "employee", "scientist", "fte"),
    "scientist": ("scientist", "researcher", "staff", "employee", "role", "job"),
    # ("FTE": a full-time equivalent, staff counted by the hours they work; not a job created)
    "employee": ("employee", "staff", "job", "role", "scientist", "people", "fte"),
    "staff": ("staff", "employee", "job", "role", "scientist", "people", "fte"),
    # Any count of persons: "how many young people learning on the job" ~ "20,000 apprenticeships".
    "people": ("people", "staff", "employee", "job", "role", "scientist", "participant", "patient",
               "researcher", "student", "apprentice", "apprenticeship", "nurse", "worker", "fte"),
    # ("per head": what a person gets, so any count of persons shares it)
    "person": ("person", "people", "staff", "employee", "job", "role", "scientist",
               "participant", "patient", "researcher", "student", "worker", "fte"),
    "company": ("company", "companies", "firm", "business", "organisation", "developer"),
    "firm": ("company", "companies", "firm", "business"),
    "business": ("company", "companies", "firm", "business", "organisation"),
    "organisation": ("organisation", "company", "companies", "business", "charity"),
    "apprenticeship": ("apprenticeship", "apprentice"),
    "apprentice": ("apprenticeship", "apprentice"),
    "participant": ("participant", "patient", "people", "volunteer"),
    "patient": ("patient", "participant", "people"),
    "year": ("year",),
    # (a length of time counts these: "over the past six months" answers "how many months'
    # worth of progress")
    "month": ("month",),
    "week": ("week",),
    "centre": ("centre", "center", "hub", "facility"),
    "hub": ("hub", "centre", "facility"),
    "action": ("action", "measure", "step", "commitment"),
    "genome": ("genome",),
}

# Nouns that are their own plural ("2,000 staff"), so are never given an "s".
# (and irregular plurals: "children")
_UNCOUNTED_PLURALS = frozenset({"people", "staff", "personnel", "equipment", "data", "research",
                                "children", "women", "men"})


def plural(word: str) -> str:
    """ "job" -> "jobs", "facility" -> "facilities", "business" -> "businesses", "people" ->
    "people"."""
    if word == "person":
        return "people"
    if word.endswith("ss"):  # "business" -> "businesses"
        return word + "es"
    if word in _UNCOUNTED_PLURALS or word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """ "jobs" -> "job", "companies" -> "company", "businesses" -> "business", "staff" ->
    "staff"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")) and len(word) > 4:
        return word[:-2]  # "businesses" -> "business", "boxes" -> "box"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# "How many start-ups will ...": a count of one word, its verb straight after it.
_BARE_COUNT_RE = re.compile(r"\bhow many ([a-z-]{3,}) (?:will|would|can|could|does|do|did|are|"
                            r"is|were|was|have|has|had|should|might|may)\b", re.IGNORECASE)


def bare_count(question: str, noun: str) -> tuple[str, ...]:
    """The counted word as the question writes it ("start-ups"), where it is ``noun`` asked
    bare; () otherwise ("how many tumour DNA sequences": a phrase whose words the deal may use
    of other things)."""
    m = _BARE_COUNT_RE.search(question)
    return (m.group(1).lower(),) if m and singular(m.group(1).lower()) == noun else ()
