"""Questions asking what an abbreviation stands for ("What does HARP stand for?", "Spell out
the acronym ISCF", "What is the ABPI's full name?"). Retrieval ranks the short heading or
sentence that spells a name out low against the deal's long passages, and the words of the
question (one token, "HARP") share nothing with the name, so these go to the name directly:
the first run of capitalised words, anywhere in the deal, whose initials spell the letters
("Establish the Health Advanced Research Programme (HARP)"), preferring one the deal defines
by putting the abbreviation in brackets after it. Where the deal spells out no such name, the
question is answered as any other (which will usually say the deal does not say).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from assistant.compose import Span
from dealqa.types import Passage
from ingest.units import sentence_spans

__all__ = ["Expansion", "asked_acronym", "find_expansion", "glossed", "with_names_spelt"]

_ACR = r"['‘\"]?(?P<a>[A-Z][A-Z&]{1,8})\b['’\"]?"  # the abbreviation, maybe quoted
_ASKS = [re.compile(p) for p in (
    r"(?i:\bwhat (?:does|do|did) (?:the )?)" + _ACR + r"(?i: (?:actually )?stand for\b)",
    r"(?i:\bwhat is (?:the )?)" + _ACR + r"(?i: short for\b)",
    r"(?i:\bspell out (?:the )?(?:acronym |abbreviation |initials )?)" + _ACR,
    r"(?i:\b(?:full|long|expanded|unabbreviated) (?:name|form|title) (?:of|for|behind) "
    r"(?:the )?)" + _ACR,
    r"(?<![\w-])" + _ACR + r"(?i:['’]s (?:full|long) (?:name|form|title)\b)",
    r"(?i:\b(?:acronym|abbreviation|initials) )" + _ACR
    + r"(?=(?i:[^?]*\b(?:stand|short for|spell|full name|mean)))",
    # "The deal refers to 'OXB strategic partnerships'. Which company is OXB?"
    r"(?i:\b(?:which|what) (?:company|firm|organi[sz]ation|body|business) is )" + _ACR
    + r"\s*\?",
)]
# Words a name may hold uncapitalised between its capitalised ones ("Association of the
# British Pharmaceutical Industry").
_JOINERS = frozenset({"of", "the", "and", "for", "in", "on", "to", "&"})
_WORD_RE = re.compile(r"[\w'’&-]+")
MAX_QUOTE = 400


class Expansion(NamedTuple):
    name: str  # "Health Advanced Research Programme"
    span: Span  # the sentence that spells it out, to quote


# "What does ISCF stand for, and how much is Wave 1?" asks more than the name.
_MORE_ASKED = re.compile(r"\b(?:and|also|plus)\b[^?]*\b(?:what|how|which|who|whom|when|where|"
                         r"why|does|did|is|are)\b", re.IGNORECASE)


def asked_acronym(question: str) -> str | None:
    """The abbreviation ``question`` asks to have spelt out (and nothing else), or None."""
    for pattern in _ASKS:
        if m := pattern.search(question):
            return None if _MORE_ASKED.search(question, m.end()) else m.group("a")
    return None


def _spelt(words: list[re.Match], i: int, letters: str) -> int | None:
    """The index just past the run of ``words`` from ``i`` whose capitalised words' initials
    are ``letters`` (joiners allowed between them), or None."""
    k = 0
    j = i
    while j < len(words) and k < len(letters):
        w = words[j].group()
        if w[0].isupper() and w[0] == letters[k]:
            k += 1
        elif w.lower() not in _JOINERS or k == 0:
            return None
        j += 1
    return j if k == len(letters) else None


def _abbreviated(words: list[re.Match], i: int, letters: str) -> int | None:
    """As ``_spelt``, for an abbreviation taking more than a word's initial ("OXB": Oxford
    BioMedica): each capitalised word gives the start of its own spelling, two words at least."""
    k, j, used = 0, i, 0
    while j < len(words) and k < len(letters):
        w = words[j].group()
        if w[0].isupper() and w[0] == letters[k]:
            n = 1
            while k + n < len(letters) and n < len(w) and w[n].upper() == letters[k + n] \
                    and not (j + 1 < len(words) and words[j + 1].group()[0] == letters[k + n]):
                n += 1
            k, used = k + n, used + 1
        elif w.lower() not in _JOINERS or k == 0:
            return None
        j += 1
    return j if k == len(letters) and used >= 2 else None


def find_expansion(acronym: str, passages: Sequence[Passage], *,
                   defined_only: bool = False) -> Expansion | None:
    """Where the deal spells ``acronym`` out: a name defined by the bracketed abbreviation
    first, else (unless ``defined_only``) the first name whose initials spell it."""
    letters = acronym.replace("&", "")
    defined = re.compile(rf"\s*\(\s*{re.escape(acronym)}\s*\)")
    first: tuple[Passage, int, int] | None = None
    worded = [(p, list(_WORD_RE.finditer(p.text))) for p in passages]
    for p, words in worded:
        for i, w in enumerate(words):
            if w.group()[0] != letters[0] or w.group() == acronym:
                continue
            end = _spelt(words, i, letters)
            if end is None:
                continue
            found = (p, w.start(), words[end - 1].end())
            if defined.match(p.text, found[2]):
                return _expansion(*found)
            first = first or found
    if first is None and not defined_only:
        # (no name spells it by initials: one spelling it by the starts of its words)
        first = next(((p, w.start(), words[end - 1].end()) for p, words in worded
                      for i, w in enumerate(words) if w.group()[0] == letters[0]
                      and w.group() != acronym
                      and (end := _abbreviated(words, i, letters)) is not None), None)
    return _expansion(*first) if first and not defined_only else None


# An abbreviation in a quote: capitals, maybe with "&" ("JJMD", "GSK", "R&D" is no name).
_IN_QUOTE_RE = re.compile(r"(?<![\w&])([A-Z][A-Z&]{2,7})(?![\w&])")


def with_names_spelt(text: str, passages: Sequence[Passage],
                     known: dict[str, str | None]) -> str:
    """``text`` with the name each abbreviation in it stands for, as the deal spells it, added
    in brackets: "ISCF Wave 1 being announced" is also the "Industrial Strategy Challenge Fund
    Wave 1 announced" the timeline writes. ``known``: abbreviation -> name (None: none), a
    cache kept by the caller (spelling one out reads the whole deal)."""
    names = []
    for acronym in dict.fromkeys(_IN_QUOTE_RE.findall(text)):
        if acronym not in known:
            found = find_expansion(acronym, passages)
            known[acronym] = found.name if found else None
        if known[acronym]:
            names.append(known[acronym])
    return f"{text} ({'; '.join(names)})" if names else text


def glossed(quotes: Sequence[str], said: str,
            defined: Callable[[str], Expansion | None]) -> list[tuple[str, Expansion]]:
    """The names the deal defines for the abbreviations in ``quotes`` ("Johnson & Johnson
    Medical Devices" for "JJMD"), where ``said`` (the answer) does not already spell them out:
    an entity answer quoting "JJMD has developed Care Advantage ..." names the company.
    ``defined``: an abbreviation -> the name the deal defines for it in brackets, or None
    (``find_expansion(..., defined_only=True)``, best cached: it reads the whole deal)."""
    out: list[tuple[str, Expansion]] = []
    for acronym in dict.fromkeys(a for q in quotes for a in _IN_QUOTE_RE.findall(q)):
        found = defined(acronym)
        if found is not None and found.name.lower() not in said.lower():
            out.append((acronym, found))
    return out


def _expansion(p: Passage, start: int, stop: int) -> Expansion:
    # (the name, not its possessive: "Oxford BioMedica's partnerships")
    if p.text[stop - 2:stop] in ("'s", "’s"):
        stop -= 2
    return Expansion(p.text[start:stop], _sentence(p, start, stop))


def _sentence(p: Passage, start: int, stop: int) -> Span:
    """The sentence of ``p`` holding ``p.text[start:stop]``, cut to ``MAX_QUOTE`` around it."""
    a, b = next(((a, b) for a, b in sentence_spans(p.text) if a <= start < b),
                (start, stop))
    line_start = p.text.rfind("\n", 0, start) + 1
    line_end = p.text.find("\n", stop)
    a, b = max(a, line_start), min(b, line_end if line_end >= 0 else len(p.text))
    if b - a > MAX_QUOTE:
        a, b = max(a, start - MAX_QUOTE // 2), min(b, stop + MAX_QUOTE // 2)
    text = p.text[a:b]
    a += len(text) - len(text.lstrip())
    b -= len(text) - len(text.rstrip())
    return Span(p, p.start + a, p.start + b)
