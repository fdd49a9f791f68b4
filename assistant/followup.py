"""Resolve a follow-up question against the conversation into a standalone question.

No generative model is available here, so resolution is lexical: when a question leans on the
previous turn (an anaphor such as "that"/"it"/"they", a leading "and"/"what about", or too few
content words of its own), the previous question's content words and the names in the previous
answer are appended. Retrieval and coverage checks then see the topic; the answer type still
comes from the new question alone ("and how many jobs will that create?" stays a count question).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dealqa.types import Turn
from retrieval.text import stem, tokenize

__all__ = ["asks_more", "borrowed_name", "is_followup", "resolve_followup"]

_ANAPHORA = re.compile(
    r"\b(it|its|it's|that|this|those|these|they|them|their|there|he|she|his|her|the same|"
    r"the scheme|the programme|the centre|the fund|the project|the company|the investment|"
    r"the facility|the money|the figure)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^\s*(and|but|so|also|what about|how about|and what about|then|what else)\b",
                      re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z£$€0-9][A-Za-z0-9£$€.,&'’-]*")
_GENERIC = frozenset(
    """what which who whom when where why how much many does do did will would could should can is
    are was were be the a an of to in on for and or by with as at from that this it its they them
    their there deal sector uk government tell me about please say said also any other more""".split()
)
# The previous answer can be long: keep only its names and figures, not every word.
_ANSWER_KEEP = re.compile(r"^(?:[A-Z][A-Za-z&'’-]+|[£$€]?\d[\d,.]*(?:bn|m|k)?)$")


def _content_words(text: str) -> list[str]:
    return [w.strip(".,") for w in _WORD.findall(text) if w.lower().strip(".,") not in _GENERIC]


def is_followup(question: str, history: Sequence[Turn]) -> bool:
    if not history:
        return False
    own = _content_words(question)
    # A short question naming nothing ("What kind of trials, and for which conditions?") is
    # elliptical: it asks about what the conversation is about.
    elliptical = len(own) <= SHORT_WORDS and not _NAMES.search(question.strip()[1:])
    return bool(_LEADING.search(question) or _ANAPHORA.search(question) or len(own) <= 2
                or _ORDINAL.search(question) or elliptical)


def asks_more(question: str) -> bool:
    """Does a follow-up ask for more than the last answer gave ("... as well?", "anything
    else?", "And what about founders ...?")?"""
    return bool(_MORE_RE.search(question))


# (not "also": "Does it also say when?" asks more of the same thing)
_MORE_RE = re.compile(r"\b(?:as well|else|other(?:s| ones?)?|another|besides|in addition|"
                      r"apart from (?:that|this|those|these))\b|"
                      r"^(?:and )?(?:what|how) about\b(?! (?:it|this|that|them|these|those)\b)",
                      re.IGNORECASE)
SHORT_WORDS = 4
_NAMES = re.compile(r"\b[A-Z][A-Za-z&'’-]*|\b\d")


# "What will the second one focus on?", "and the latter?": one item of the last answer's list.
_ORDINAL = re.compile(r"\bthe (first|second|third|fourth|fifth|last|former|latter)"
                      r"(?: one| of (?:them|these|those|the two|the three)|(?=\s*[?.,]|$))",
                      re.IGNORECASE)
_POSITION = {"first": 0, "former": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4,
             "last": -1, "latter": -1}


def _items(answer: str) -> list[str]:
    """The items of a list answer: its bullet lines, else its parts between commas, semicolons
    and a final ", and"."""
    bullets = [ln.strip().lstrip("•*- ").strip() for ln in answer.splitlines()
               if ln.strip().startswith(("•", "*", "- "))]
    if len(bullets) >= 2:
        return bullets
    text = re.sub(r"\s*\[\d+\]", "", answer).strip().rstrip(".")
    return [p.strip() for p in re.split(r";\s*(?:and\s+)?|,\s*(?:and\s+)?", text) if p.strip()]


def _ordinal_item(question: str, answer: str) -> str | None:
    m = _ORDINAL.search(question)
    if m is None:
        return _described_item(question, answer)
    items = _items(answer)
    pos = _POSITION[m.group(1).lower()]
    return items[pos] if len(items) >= 2 and -len(items) <= pos < len(items) else None


# "And the mobility one - what's it aiming for?", "the child-focused one": the item of the last
# answer's list that the word describes ("Future of Mobility").
_DESCRIBED_ONE = re.compile(r"\bthe ([a-z][a-z-]+) one\b", re.IGNORECASE)
_NOT_DESCRIBING = frozenset("same other new old big small main first second third last former "
                            "latter next previous final only right wrong".split())
_DESCRIBING_SUFFIX = re.compile(r"-(?:focused|based|related|led|oriented|centred|centered)$")


def _described_item(question: str, answer: str) -> str | None:
    m = _DESCRIBED_ONE.search(question)
    word = _DESCRIBING_SUFFIX.sub("", m.group(1).lower()) if m else ""
    if not word or word in _NOT_DESCRIBING or len(word) < 4:
        return None
    found = [i for i in _items(answer) if stem(word) in tokenize(i)]
    return found[0] if len(found) == 1 else None


def resolve_followup(question: str, history: Sequence[Turn]) -> str:
    """The question itself when it stands alone, else the question plus the topic of the last turn."""
    if not is_followup(question, history):
        return question
    last = history[-1]
    topic = _content_words(last.q)
    item = _ordinal_item(question, last.a)
    # The item asked about stands for the whole answer: its siblings would pull elsewhere.
    names = _content_words(item) if item else \
        [w for w in _content_words(last.a) if _ANSWER_KEEP.match(w)]
    seen = {w.lower() for w in _content_words(question)}
    extra: list[str] = []
    for w in topic + names:
        if w.lower() not in seen:
            seen.add(w.lower())
            extra.append(w)
    return f"{question.strip()} ({' '.join(extra)})" if extra else question


def borrowed_name(question: str, standalone: str) -> str | None:
    """The first name a follow-up borrowed from the turn before: ``resolve_followup`` puts the
    borrowed words in brackets after the question ("What will it do? (Nexus £40m Innovation
    ...)" -> "Nexus"). None for a question that borrowed no name."""
    m = _BORROWED_NAME_RE.search(standalone[len(question):])
    return m.group(1) if m else None


_BORROWED_NAME_RE = re.compile(r"\(([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)")
