"""Questions that sweep the whole deal for one topic: "What cancer-related work crops up across
the deal?", "Pull together everything in the deal that's about vaccines".

Retrieval brings the five passages most like the question, and the answerer would quote the
one unit that best fits it; but such a question asks for every place the topic turns up, one
here (a genomics programme), one there (a company's T-cell therapies). The topic is the
question's rare words (those few units of the deal use); each unit holding them is a mention,
and the strongest few are quoted around the topic's word, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from assistant.named_anywhere import ASKING_WORDS
from assistant.place_scope import body_units
from assistant.question import QuestionAnalysis
from assistant.scoring import TermStats, same_fact, terms
from dealqa.types import AnswerType, Passage
from retrieval.text import tokenize

__all__ = ["MAX_SWEEP_ITEMS", "Mention", "asked_topic", "asks_things_quoted", "topic_mentions",
           "topic_words"]

MAX_SWEEP_ITEMS = 5
# A mention must be at least this share of the strongest one (the IDF of the topic words it
# holds): "vaccines or infectious disease" is met by "vaccine" or "infectious", not by
# "disease" alone.
MENTION_RATIO = 0.5
# Cosine of a mention to the question, at least.
MIN_CLOSENESS = 0.25
# A topic word the deal uses in more units than this is its theme, not a topic within it.
MAX_TOPIC_UNITS = 24

# The question asks for the whole deal's mentions, not for one fact.
_SWEEP_RE = re.compile(
    r"\b(?:everything (?:in |across |that )?the (?:deal|document)|"
    r"(?:anywhere|throughout|across) (?:in )?the (?:whole |entire )?(?:deal|document)|"
    r"(?:crops?|comes?|came|turns?|shows?) up|pull(?:s|ing)? together|round(?:s|ing)? up|"
    # "Which companies does the deal describe as moving a headquarters?" (things of a kind; not
    # "which one does the deal describe as new?")
    r"(?:which|what) [a-z-]+s (?:does|do) the (?:deal|document) "
    r"(?:describe|present|portray|characteri[sz]e) as)\b",
    re.IGNORECASE)
# "Which projects does the deal describe as 'state-of-the-art'?", "The deal uses the word 'hub'
# for different things": the words quoted are the topic, wherever the deal uses them.
_QUOTED_RE = re.compile(r"\b(?:describes?|described|calls?|called|labels?|labell?ed|terms?|"
                        r"termed|uses? the (?:word|term|phrase|label|expression))\s+(?:as\s+)?"
                        r"['‘\"“](?P<words>[^'’\"”?]{2,40})['’\"”]", re.IGNORECASE)
# "Which different 'campus' sites are mentioned?": the quoted word is the kind asked for.
_QUOTED_KIND_RE = re.compile(r"\b(?:which|what) (?:different |other |kinds? of |sorts? of )?"
                             r"['‘\"“](?P<words>[^'’\"”?]{2,40})['’\"”]", re.IGNORECASE)
# "Has the Welsh government backed a move like ours anywhere in the deal?" asks whether, not
# for every mention.
_WHETHER_RE = re.compile(r"(?:^|[.!?:]\s+)(?:has|have|is|are|was|were|does|do|did|can|could|"
                         r"will|would)\b[^.!?]*\?\s*$", re.IGNORECASE)
# Words that say how to gather, not what about: those asking for names anywhere, and more.
_GENERIC = ASKING_WORDS | frozenset(tokenize(
    "everything pull together crop crops up turn turns round related work works about say says "
    "said happening going on thing things initiative initiatives project projects effort efforts "
    "measure measures programme programmes around activity activities piece pieces whole one "
    "place relating relevant connected connection linked fighting tackling involving involve "
    "describe describes described present portray characterise characterize within"))
_WORD_RE = re.compile(r"[\w'’&]+(?:-[\w'’&]+)*")


class Mention(NamedTuple):
    """A unit holding the topic, and the topic word as the unit writes it."""

    passage: Passage
    index: int
    word: str


def asks_things_quoted(question: str) -> bool:
    """ "Which projects does the deal describe as 'state-of-the-art'?": the things the quoted
    word describes are asked for, each by the name its sentence gives before the word."""
    return bool(_quoted(question)) and bool(_WHICH_RE.search(question))


def _quoted(question: str) -> re.Match[str] | None:
    return _QUOTED_RE.search(question) or _QUOTED_KIND_RE.search(question)


_WHICH_RE = re.compile(r"\b(?:which|what)\b", re.IGNORECASE)


def asked_topic(a: QuestionAnalysis, stats: TermStats) -> tuple[frozenset[str], ...] | None:
    """The topic's concepts when ``a`` sweeps the deal for a topic; else None. A concept is a
    word's index terms: a compound is one concept ("bone-and-joint" is not "joint"), met only
    by a unit holding all of its terms, and kept only when the deal knows all of them."""
    quoted = _quoted(a.question)
    if a.answer_type in (AnswerType.AMOUNT, AnswerType.DATE) or not (
            quoted or _SWEEP_RE.search(a.question)) or _WHETHER_RE.search(a.question):
        return None
    concepts = {c for w in _WORD_RE.findall(quoted.group("words") if quoted else a.question)
                if (c := frozenset(tokenize(w)) - _GENERIC) and all(stats.known(t) for t in c)
                and not all(stats.common(t) for t in c)}
    return tuple(concepts) or None


def topic_mentions(passages: Sequence[Passage], topic: tuple[frozenset[str], ...],
                   stats: TermStats, skip_sections: frozenset[str],
                   closeness: Callable[[Passage, int], float]) -> list[Mention]:
    """The units holding ``topic``'s rarest concepts and closest in meaning to the question
    (``closeness``), a restatement once, in document order. A concept in too many units is
    the deal's theme, not a topic within it, and counts for nothing; a unit sharing a word but
    not the meaning is no mention."""
    units = [(p, i, text, terms(text)) for p, i, text in body_units(passages, skip_sections)]
    met = {c: [u[:2] for u in units if c <= u[3]] for c in topic}
    weight: dict[tuple[Passage, int], float] = {}
    for c, where in met.items():
        if len(where) <= MAX_TOPIC_UNITS:
            idf = max(stats.idf(t) for t in c)
            for key in where:
                weight[key] = max(weight.get(key, 0.0), idf)
    best = max(weight.values(), default=0.0)
    close = {key: closeness(*key) for key, w in weight.items() if w >= MENTION_RATIO * best}
    ranked = sorted((u for u in units if close.get(u[:2], 0.0) >= MIN_CLOSENESS),
                    key=lambda u: -close[u[:2]])
    kept: list[tuple] = []
    for u in ranked:
        if not any(same_fact(u[2], k[2]) for k in kept):
            kept.append(u)
        if len(kept) == MAX_SWEEP_ITEMS:
            break
    order = {id(p): n for n, p in enumerate(passages)}
    kept.sort(key=lambda u: (order[id(u[0])], u[1]))
    return [Mention(p, i, next(iter(topic_words(text, topic)), "")) for p, i, text, _ in kept]


def topic_words(text: str, topic: tuple[frozenset[str], ...]) -> list[str]:
    """The words of ``text`` that hold one of ``topic``'s terms, as written."""
    wanted = frozenset().union(*topic)
    return [w for w in _WORD_RE.findall(text) if set(tokenize(w)) & wanted]
