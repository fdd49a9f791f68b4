"""Scores the units (sentences, bullets, table rows) of retrieved passages against a question.

A unit's score mixes what the embedding model thinks (cosine to the question), what the words
say (IDF-weighted share of the question's terms the unit contains) and where its passage ranked.
The IDF weights come from the indexed passages, so rare words ("Seqirus", "£66m") count most and
words the question shares with every passage ("deal", "government") count least.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.name_match import NAME_WITH_AND
from dealqa.types import Hit, Passage, Unit, UnitKind
from retrieval.text import tokenize

__all__ = ["TermStats", "Candidate", "context_units", "lead_in", "score_candidates", "terms",
           "same_fact", "overlaps_text", "known_as", "spelled_out", "repeats"]


@lru_cache(maxsize=50_000)
def terms(text: str) -> frozenset[str]:
    """The set of index terms of ``text``, cached: passage and unit texts recur on every question,
    and tokenising them again was most of the answerer's time."""
    return frozenset(tokenize(text))

# Weights of the unit score. Dense similarity carries paraphrase; lexical coverage carries
# names and figures the small embedding model blurs; the passage's rank is a weak prior.
W_DENSE, W_LEXICAL, W_CONTEXT, W_RANK = 0.5, 0.3, 0.1, 0.1
SEEN_PENALTY = 0.7
# A sentence continues the ones before it in its paragraph ("AstraZeneca announced a new
# facility ... Construction of the £500m facility is underway"): it keeps this share of its
# predecessors' relevance, so the figure one sentence after its subject can still answer.
INHERIT = 0.85
INHERIT_SPAN = 2  # from either of the two sentences before (not compounded)
COMMON_SHARE = 0.25


class TermStats:
    """Inverse document frequencies over passages; unseen terms get the maximum weight."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        if not passages:
            raise ValueError("TermStats needs at least one passage, got 0")
        df: Counter[str] = Counter()
        words: Counter[str] = Counter()
        for p in passages:
            df.update(set(tokenize(f"{p.section_label} {p.text}")))
            words.update({w.lower() for w in re.findall(r"[A-Za-z][A-Za-z&'’-]*", p.text)})
        # Words in a fifth of all passages ("Sector", "Deal", "NHS" here) name nothing specific.
        self.common_words = frozenset(w for w, c in words.items() if c >= COMMON_SHARE * len(passages))
        n = self._n = len(passages)
        self._idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self._common_idf = math.log((n + 1) / (COMMON_SHARE * n + 0.5))
        # A word the corpus never uses is as likely a paraphrase ("jab", "boffins") as a topic
        # the deal lacks ("dementia"): weigh it like a typical word, not like the rarest one.
        self.unseen_idf = float(np.median(list(self._idf.values()))) if self._idf else 1.0
        self.spelled = spelled_out(p.text for p in passages)
        self.aliases = known_as(p.text for p in passages)

    def unit_terms(self, text: str) -> frozenset[str]:
        """``terms(text)`` with the words of the acronyms it uses, spelled out as the corpus
        spells them elsewhere: a row "£16m ISCF Wave 1 funding" is about the "Industrial
        Strategy Challenge Fund" a question names."""
        have = terms(text)
        extra = [self.spelled[t] for t in have if t in self.spelled]
        # ... and with the other name of an organisation the corpus says is "known as" another:
        # a unit about "MSD" is about the "Merck and Co Inc" a question names.
        extra += [other for name, other in self.aliases.items() if name <= have]
        return have.union(*extra) if extra else have

    def idf(self, term: str) -> float:
        return self._idf.get(term, self.unseen_idf)

    def common(self, term: str) -> bool:
        """In at least COMMON_SHARE of passages: it names nothing specific here."""
        return term in self._idf and self._idf[term] <= self._common_idf

    def known(self, term: str) -> bool:
        return term in self._idf

    def rare(self, term: str, share: float) -> bool:
        """In at most ``share`` of passages (or two, in a corpus too small for a share to
        count), and in one at least: it names something specific."""
        limit = max(share * self._n, 2)
        return term in self._idf and self._idf[term] >= math.log((self._n + 1) / (limit + 0.5))

    def coverage(self, query_terms: Iterable[str], text_terms: Iterable[str],
                 weights: dict[str, float] | None = None) -> float:
        """IDF-weighted share of ``query_terms`` found in ``text_terms`` (0..1).

        ``weights`` scales some terms (a follow-up's borrowed topic words count for less)."""
        q = set(query_terms)
        if not q:
            return 0.0
        have = set(text_terms)
        w = weights or {}
        total = sum(self.idf(t) * w.get(t, 1.0) for t in q)
        got = sum(self.idf(t) * w.get(t, 1.0) for t in q if t in have)
        return got / total if total else 0.0


_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z&]{2,5}\b(?!-)")  # not "CAR" of "CAR-T"
# A run of capitalised words, with the small words a name may hold ("Defence Advanced Research
# Projects Agency", "Johnson & Johnson Medical Devices").
_CAPITALISED_RUN_RE = re.compile(r"[A-Z][a-z]+(?:\s+(?:(?:for|of|and|&|the|in)\s+)?[A-Z][a-z]+)+")


def spelled_out(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Acronym term -> the terms of its spelled-out form, for the acronyms of three or more
    letters that ``texts`` use and spell out (as one run of capitalised words whose initials
    they are) exactly one way. Two-letter ones ("GE" Healthcare, not Genomics England) are too
    often someone's initials to expand."""
    texts = list(texts)
    acronyms = {a for t in texts for a in _ACRONYM_RE.findall(t)}
    forms: dict[str, set[str]] = {}
    for t in texts:
        for m in _CAPITALISED_RUN_RE.finditer(t):
            words = re.findall(r"[A-Z][a-z]+", m.group())
            # every sub-run too: "the Industrial Strategy Challenge Fund Wave" holds the name
            for i in range(len(words)):
                for j in range(i + 3, len(words) + 1):
                    initials = "".join(w[0] for w in words[i:j])
                    if initials in acronyms or initials.replace("&", "") in acronyms:
                        forms.setdefault(initials, set()).add(" ".join(words[i:j]))
    out: dict[str, frozenset[str]] = {}
    for acronym in acronyms:
        found = forms.get(acronym.replace("&", ""), set())
        key = tokenize(acronym)
        if len(found) == 1 and len(key) == 1:
            out[key[0]] = frozenset(tokenize(next(iter(found))))
    return out


# "MSD, known as Merck and Co Inc in the US and Canada": one organisation, two names.
_KNOWN_AS_RE = re.compile(rf"\b({NAME_WITH_AND}),?\s+(?:also\s+|formerly\s+)?known\s+as\s+"
                          rf"({NAME_WITH_AND})")


def known_as(texts: Iterable[str]) -> dict[frozenset[str], frozenset[str]]:
    """The terms of each name ``texts`` say is "known as" another -> the other's terms, both
    ways round."""
    out: dict[frozenset[str], frozenset[str]] = {}
    for t in texts:
        for m in _KNOWN_AS_RE.finditer(t):
            a, b = (frozenset(tokenize(re.sub(r"^(?:The|A|An)\s+", "", g))) for g in m.groups())
            if a and b and a != b:
                out[a], out[b] = out.get(a, frozenset()) | b, out.get(b, frozenset()) | a
    return out


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    unit: Unit
    unit_index: int  # position of ``unit`` in ``passage.units``
    rank: int  # rank of the passage in retrieval (1-based)
    text: str
    dense: float
    lexical: float
    context: float
    score: float
    inherited: float = 0.0  # relevance carried over from the sentence before (see below)

    @classmethod
    def of_unit(cls, p: Passage, i: int) -> Candidate:
        """Unit ``i`` of ``p`` as an unscored candidate: found by a route other than scoring
        (a place named, a list running on, a footnote's figure) and quoted as any other."""
        u = p.units[i]
        return cls(p, u, i, 0, p.unit_text(u), 0.0, 0.0, 0.0, 0.0)

    @property
    def own_relevance(self) -> float:
        return 0.5 * self.dense + 0.5 * self.lexical

    @property
    def relevance(self) -> float:
        """Relevance without the rank prior: used to judge whether support is good enough."""
        return max(self.own_relevance, self.inherited)


def context_units(c: Candidate) -> list[Unit]:
    """The (up to) two units before ``c`` that may name its subject, then ``c``'s own unit. A
    bullet before it is a sibling item ("Acme ... 80 jobs; - Zeta ... 60 scientists"), not what
    it is about, so bullets are left out."""
    before = c.passage.units[max(0, c.unit_index - 2):c.unit_index]
    kept = [u for u in before if u.kind is not UnitKind.BULLET]
    lead = lead_in(c)
    # A list item's lead-in ("A £146m programme from the Challenge Fund will support ...,
    # including:") says what the item is part of, however many siblings stand between.
    return ([lead] if lead is not None and lead not in kept else []) + kept + [c.unit]


LEAD_IN_REACH = 8  # list items searched back for their lead-in


def lead_in(c: Candidate) -> Unit | None:
    """The lead-in ("A £146m programme ..., including:") of the list whose item ``c`` is."""
    if c.unit.kind is not UnitKind.BULLET:
        return None
    units, text = c.passage.units, c.passage.unit_text
    for j in range(c.unit_index - 1, max(-1, c.unit_index - 1 - LEAD_IN_REACH), -1):
        if text(units[j]).rstrip().endswith(":"):
            return units[j]
        if units[j].kind is not UnitKind.BULLET:
            return None
    return None


def score_candidates(
    hits: Sequence[Hit],
    unit_vectors: dict[tuple[str, int], np.ndarray],
    query_vec: np.ndarray,
    query_terms: Sequence[str],
    stats: TermStats,
    weights: dict[str, float] | None = None,
    seen: str = "",
) -> list[Candidate]:
    """Every unit of every hit, scored, best first. ``unit_vectors`` maps (passage_id, i) -> vec.

    ``seen`` is text the user has already been shown (the previous answer): a unit repeated from
    it is demoted, so a follow-up gets new information rather than the same quote again."""
    out: list[Candidate] = []
    for hit in hits:
        p = hit.passage
        ctx_terms = stats.unit_terms(f"{p.section_label} {p.text}")
        context = stats.coverage(query_terms, ctx_terms, weights)
        prior = 1.0 / hit.rank
        para: list[Candidate] = []  # the sentences so far of the current paragraph
        for i, unit in enumerate(p.units):
            if unit.kind is UnitKind.HEADING or _header_row(p, i):
                continue  # a heading names a topic, a header row its columns: neither answers
            text = p.unit_text(unit)
            vec = unit_vectors.get((p.passage_id, i))
            dense = float(np.dot(vec, query_vec)) if vec is not None else 0.0
            lexical = stats.coverage(query_terms, stats.unit_terms(text), weights)
            score = W_DENSE * dense + W_LEXICAL * lexical + W_CONTEXT * context + W_RANK * prior
            if seen and repeats(text, seen):
                score *= SEEN_PENALTY
            if not para or not _continues(p, para[-1], unit, i):
                para = []
            inherited = INHERIT * max((c.own_relevance for c in para[-INHERIT_SPAN:]), default=0.0)
            cand = Candidate(p, unit, i, hit.rank, text, dense, lexical, context, score, inherited)
            if unit.kind is UnitKind.SENTENCE:
                para.append(cand)
            out.append(cand)
    out.sort(key=lambda c: c.score, reverse=True)
    return out


def _header_row(p: Passage, i: int) -> bool:
    """Unit ``i`` is a table's header row ("Date\tMilestone"): the first row of a table, with
    no figure in it, above a row."""
    units = p.units
    return units[i].kind is UnitKind.TABLE_ROW and i + 1 < len(units) \
        and units[i + 1].kind is UnitKind.TABLE_ROW \
        and (i == 0 or units[i - 1].kind is not UnitKind.TABLE_ROW) \
        and not any(ch.isdigit() for ch in p.unit_text(units[i]))


def _continues(p: Passage, previous: Candidate, unit: Unit, i: int) -> bool:
    """``unit`` is a sentence right after ``previous`` in the same paragraph."""
    if unit.kind is not UnitKind.SENTENCE or previous.unit.kind is not UnitKind.SENTENCE:
        return False
    between = p.text[previous.unit.end - p.start:unit.start - p.start]
    return "\n\n" not in between and previous.unit_index == i - 1


def repeats(text: str, seen: str) -> bool:
    """Most of ``text``'s words already appeared in ``seen``."""
    words = terms(text)
    return bool(words) and len(words & terms(seen)) >= 0.6 * len(words)


def same_fact(a: str, b: str) -> bool:
    """Two quotes saying the same thing (the deal restates facts between its summary and its
    chapters): one contains the other, or most of the shorter one's words are in the other."""
    if overlaps_text(a, b):
        return True
    ta, tb = terms(a), terms(b)
    small = min(len(ta), len(tb))
    return small > 0 and len(ta & tb) >= 0.7 * small


def overlaps_text(a: str, b: str) -> bool:
    return a in b or b in a
