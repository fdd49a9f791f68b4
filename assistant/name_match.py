"""Whether a name the question gives is stated in a text: as a run of words whatever their
inflection, by its initials, or with the years the question ties it to."""

from __future__ import annotations

import re
from functools import lru_cache

from commitments.places import OTHER_NAMES
from retrieval.text import stem, tokenize

__all__ = ["NAME_WITH_AND", "POSSESSIVE_RE", "acronym_in", "alias_in", "asked_years", "has_run",
           "numbered_stages", "other_stage", "stages_by_number", "states_name", "stemmed_words"]

# A name as written, whose words may be joined by "of", "for", "&" or "and" ("Merck and Co Inc",
# "Johnson & Johnson", "Cell and Gene Therapy Catapult"): a pattern for others to build on.
NAME_WITH_AND = r"[A-Z][\w'’&-]*(?:\s+(?:of|for|&|and)\s+[A-Z][\w'’&-]*|\s+[A-Z][\w'’&-]*)*"

# A possessive ending: "the UK's digital infrastructure", "the National Data Guardian's".
POSSESSIVE_RE = re.compile(r"['’]s?$")
_NAME_WORD_RE = re.compile(r"[\w&]+")
_YEAR_TERM_RE = re.compile(r"(?:19|20)\d\d(?:/\d\d)?")


@lru_cache(maxsize=50_000)
def stemmed_words(text: str) -> tuple[str, ...]:
    """Every word of ``text``, stop words kept, each stemmed: a name's words in order, whatever
    their inflection ("Life Science Industrial Strategy" in the deal's plan table is the
    "Life Sciences Industrial Strategy" of its text)."""
    return tuple(stem(w) for w in _NAME_WORD_RE.findall(text.lower()))


def asked_years(question: str) -> frozenset[str]:
    """The years and financial years a question names, as index terms: "in 2016" -> {"2016"};
    "in 2019/20" -> {"2019/20"} (its two calendar years are implied by it, not asked apart)."""
    toks = [t for t in tokenize(question) if _YEAR_TERM_RE.fullmatch(t)]
    spanned = {y for t in toks if "/" in t for y in (t[:4], str(int(t[:4]) + 1))}
    return frozenset(t for t in toks if "/" in t or t not in spanned)


# A numbered stage of a programme: "Wave 1", "the second wave", "phase two", "Round 3".
_STAGES = r"wave|phase|round|stage|tranche"
_ORDINALS = {"first": 1, "one": 1, "second": 2, "two": 2, "third": 3, "three": 3, "fourth": 4,
             "four": 4, "fifth": 5, "five": 5}
_NUMBER = r"\d{1,2}|" + "|".join(_ORDINALS)
# Before the stage word only an ordinal numbers it ("the second wave"): "two Wave 1
# announcements" counts them.
_ORDINAL = "first|second|third|fourth|fifth"
_STAGE_RE = re.compile(rf"\b(?:(?P<n1>{_ORDINAL})\s+(?P<s1>{_STAGES})|(?P<s2>{_STAGES})\s+"
                       rf"(?P<n2>{_NUMBER}))\b", re.IGNORECASE)


def numbered_stages(text: str) -> dict[str, frozenset[int]]:
    """The numbered stages ``text`` names, by stage word: "ISCF Wave 2 ... the first wave" ->
    {"wave": {1, 2}}."""
    found: dict[str, set[int]] = {}
    for m in _STAGE_RE.finditer(text):
        word = (m.group("s1") or m.group("s2")).lower()
        n = (m.group("n1") or m.group("n2")).lower()
        found.setdefault(word, set()).add(int(n) if n.isdigit() else _ORDINALS[n])
    return {w: frozenset(ns) for w, ns in found.items()}


# "the first phase of the deal" is the deal's "Phase one": the stage named by the number the
# deal names it with
_ORDINAL_STAGE_RE = re.compile(rf"\b(?P<n>{_ORDINAL})\s+(?P<s>{_STAGES})\b", re.IGNORECASE)
_NUMBER_WORDS = {n: w for w, n in _ORDINALS.items() if w not in _ORDINAL.split("|")}


def stages_by_number(text: str) -> str:
    """``text`` with each stage named by its ordinal named by its number instead: "the first
    phase" -> "the phase one"."""
    return _ORDINAL_STAGE_RE.sub(
        lambda m: f"{m.group('s')} {_NUMBER_WORDS[_ORDINALS[m.group('n').lower()]]}", text)


def other_stage(question: str, text: str) -> bool:
    """``text`` numbers a stage the question asks about, and only otherwise: "the second wave"
    is not answered by "Wave 1 announced"."""
    asked = numbered_stages(question)
    stated = numbered_stages(text) if asked else {}
    return any(word in stated and not (ns & stated[word]) for word, ns in asked.items())


def has_run(run: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """``run`` occurs in ``words`` as a contiguous sequence."""
    n = len(run)
    return n > 0 and any(words[i:i + n] == run for i in range(len(words) - n + 1))


def acronym_in(name: str, text: str) -> bool:
    """ "NIHR" is in a text that spells out "National Institute for Health Research"."""
    acr = re.sub(r"['’]s$", "", name.strip())
    if not re.fullmatch(r"[A-Z&]{2,6}", acr):
        return False
    words = re.findall(r"[A-Z][A-Za-z]*", text)
    # Capitalised words in a row (small words like "for", "of", "and" and the "&" of
    # "Johnson & Johnson" are skipped, which is what initials do too).
    initials = "".join(w[0] for w in words)
    letters = acr.replace("&", "")
    return letters in initials or _spelt_lower(letters, text)


def _spelt_lower(acr: str, text: str) -> bool:
    """ "RDEC" in "the R&D expenditure credit": a longer acronym spelt out by a capitalised
    word (each letter of "R&D" counts) and lower-case words after it, one initial each.
    (Shorter acronyms would match ordinary phrases by chance.)"""
    if len(acr) < 4:
        return False
    words = re.findall(r"[A-Za-z]+(?:&[A-Za-z]+)*", text)
    letters = ["".join(p[0] for p in w.split("&")).upper() for w in words]
    for i, w in enumerate(words):
        if not w[0].isupper():
            continue
        run, j = letters[i], i + 1
        while len(run) < len(acr) and j < len(words):
            run, j = run + letters[j], j + 1
        if run == acr:
            return True
    return False


# A one-word place whose adjective is regular: "California" -> "Californian" (a "Californian
# company" is one from California), "Europe" -> "European".
_DEMONYM_RE = re.compile(r"[A-Z][a-z]{3,}[ae]")


def _demonym(place: str) -> str:
    return place + ("n" if place.endswith("a") else "an")


def alias_in(name: str, text: str) -> bool:
    """``text`` states the place ``name`` by another of its names ("North America": "the US"), or
    by its adjective ("California": "a Californian company")."""
    bare = POSSESSIVE_RE.sub("", name.strip())
    names = OTHER_NAMES.get(bare.lower(), ())
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) or \
        bool(_DEMONYM_RE.fullmatch(bare)) and f" {_demonym(bare)} " in f" {text} "


def states_name(name: str, text: str) -> bool:
    """``text`` names ``name``: its words in a row, its initials, or another of its names."""
    bare = POSSESSIVE_RE.sub("", name).strip()
    return has_run(stemmed_words(bare), stemmed_words(text)) or acronym_in(bare, text) \
        or alias_in(bare, text)
