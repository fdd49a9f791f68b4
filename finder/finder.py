"""SupportFinder: a profile -> the deal's measures that could help it, ranked, explained, cited.

Score of an offer unit for a profile::

    relevance = 0.55 * cosine(profile, unit) + 0.30 * idf-weighted term coverage
              + 0.15 * BM25 of the unit's passage (normalised to the best passage)
    score     = relevance + field bonuses (place, sector, need, kind; see finder.reasons)

A unit is listed only when it offers something (finder.catalogue), matches at least one field
of the profile, and its relevance clears ``min_relevance``; a company's own investment is
halved (it is news, not support). Units of one group (the same measure stated twice) are
listed once, under the best-scoring statement, with the other statements as extra citations.
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from assistant.scoring import TermStats, terms
from assistant.spans import shorten
from commitments import Commitment, Register
from commitments.places import places_compatible
from dealqa.conditions import is_condition
from dealqa.errors import InvalidQuestionError
from dealqa.types import Citation
from finder.catalogue import Catalogue, Offer, build_catalogue
from finder.profile import MAX_PROFILE_CHARS, Profile, is_uk_place, parse_profile
from finder.reasons import BONUS, FieldMatch, field_matches, offer_places
from retrieval.embeddings import query_vector
from retrieval.text import STOP_WORDS, money_amounts, tokenize

__all__ = ["Match", "SupportResult", "SupportFinder", "build_finder"]

W_DENSE, W_LEXICAL, W_BM25 = 0.55, 0.30, 0.15
PRIVATE_FACTOR = 0.5
MAX_CITATIONS = 3
TITLE_CHARS = 110


@dataclass
class Match:
    measure: str
    why: list[str]
    figure: str | None
    conditions: list[str]
    citations: list[Citation]
    score: float
    commitment_ids: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # profile fields matched, as in ``why``

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["citations"] = [asdict(c) for c in self.citations]
        return d


@dataclass
class SupportResult:
    profile: Profile
    matches: list[Match]
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile.to_dict(), "message": self.message,
                "matches": [m.to_dict() for m in self.matches]}


@dataclass(frozen=True)
class _Scored:
    offer: Offer
    group: int
    score: float
    relevance: float
    matched: tuple[FieldMatch, ...]  # the profile fields the offer matches, with the deal's word

    @property
    def why(self) -> list[str]:
        return [m.reason for m in self.matched]

    @property
    def fields(self) -> list[str]:
        return [m.field for m in self.matched]


class SupportFinder:
    def __init__(self, index, embedder, register: Register | None, *, top_k: int = 5,
                 min_relevance: float = 0.25, max_profile_chars: int = MAX_PROFILE_CHARS) -> None:
        if top_k <= 0:
            raise ValueError(f"top_k must be > 0, got {top_k}")
        if not 0.0 <= min_relevance <= 1.0:
            raise ValueError(f"min_relevance must be in [0, 1], got {min_relevance}")
        if index is None or not getattr(index, "passages", None):
            raise ValueError("index must be a LoadedIndex with passages, got none")
        self.index, self.embedder, self.register = index, embedder, register
        self.top_k, self.min_relevance = top_k, min_relevance
        self.max_profile_chars = max_profile_chars
        self._lock = threading.Lock()
        self._parts: tuple[Catalogue, TermStats, Any] | None = None
        self._titles = {d.doc_id: d.title for d in index.documents}
        self._docs = {d.doc_id: d for d in index.documents}

    # -- lazy parts --------------------------------------------------------------------------
    def _ready(self) -> tuple[Catalogue, TermStats, Any]:
        with self._lock:  # the API serves requests from several threads
            if self._parts is None:
                from retrieval.bm25 import BM25Retriever

                self._parts = (build_catalogue(self.index, self.register),
                               TermStats(self.index.passages), BM25Retriever(self.index.passages))
            return self._parts

    @property
    def catalogue(self) -> Catalogue:
        return self._ready()[0]

    def parse(self, text: str) -> Profile:
        return parse_profile(text, self.catalogue.places)

    # -- run ---------------------------------------------------------------------------------
    def run(self, profile: Profile | str, k: int | None = None) -> SupportResult:
        k = self.top_k if k is None else k
        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        catalogue, stats, bm25 = self._ready()
        profile = self._profile(profile, catalogue)
        query = _query_text(profile)
        uk = bool(profile.place) and is_uk_place(profile.place, catalogue.places)
        scored = self._score(profile, query, uk, catalogue, stats, bm25)
        chosen = _best_per_group(scored)[:k]
        matches = [self._match(s, scored, catalogue, profile, query) for s in chosen]
        return SupportResult(profile, matches, _message(profile, matches, uk))

    def _profile(self, profile: Profile | str, catalogue: Catalogue) -> Profile:
        if isinstance(profile, str):
            profile = parse_profile(profile, catalogue.places)
        if not isinstance(profile, Profile):
            raise InvalidQuestionError(
                f"profile must be text or a Profile, got {type(profile).__name__}")
        if profile.is_empty:
            raise InvalidQuestionError("profile is empty: describe the organisation "
                                       "(kind, sector, place, needs)")
        if len(profile.text) > self.max_profile_chars:
            raise InvalidQuestionError(f"profile is {len(profile.text):,} characters; the limit "
                                       f"is {self.max_profile_chars:,}: shorten it")
        return profile

    def _score(self, profile: Profile, query: str, uk: bool, catalogue: Catalogue,
               stats: TermStats, bm25) -> list[_Scored]:
        if not len(catalogue):
            return []
        dense = catalogue.vectors @ query_vector(self.embedder, query)
        lexical_scores = bm25.scores(query)
        top = float(lexical_scores.max(initial=0.0))
        passage_bm25 = lexical_scores / top if top > 0 else np.zeros_like(lexical_scores)
        q_terms = tokenize(query)
        # A fields-only profile makes a short, word-poor query: its cosines run low, and the
        # field matches (required anyway) carry the evidence, so the floor is halved.
        floor = self.min_relevance if profile.text.strip() else self.min_relevance / 2
        out = []
        for i, offer in enumerate(catalogue.offers):
            linked = [catalogue.commitments[c] for c in offer.commitment_ids]
            if uk and _elsewhere(profile.place, offer, linked):
                continue
            matches = field_matches(profile, offer, linked, uk)
            if not matches:
                continue
            lexical = stats.coverage(q_terms, terms(f"{offer.context}\n{offer.text}"))
            relevance = (W_DENSE * float(dense[i]) + W_LEXICAL * lexical
                         + W_BM25 * float(passage_bm25[offer.passage_row]))
            if relevance < floor:
                continue
            score = relevance + sum(BONUS[m.field] for m in matches)
            if offer.private:
                score *= PRIVATE_FACTOR
            out.append(_Scored(offer, catalogue.groups[i], score, relevance, tuple(matches)))
        out.sort(key=lambda s: s.score, reverse=True)
        return out

    # -- output ------------------------------------------------------------------------------
    def _match(self, best: _Scored, scored: list[_Scored], catalogue: Catalogue,
               profile: Profile, query: str) -> Match:
        offer = best.offer
        linked = [catalogue.commitments[c] for c in offer.commitment_ids]
        siblings = [s.offer for s in scored if s.group == best.group and s.offer is not offer]
        siblings += [o for o, g in zip(catalogue.offers, catalogue.groups)
                     if g == best.group and o is not offer and o not in siblings]
        cited = [offer] + siblings[: MAX_CITATIONS - 1]
        main = _main_commitment(linked, query)
        ids = list(dict.fromkeys(c for o in cited for c in o.commitment_ids))
        return Match(
            measure=_title(offer, main),
            why=best.why + _shared_words(query, offer.text),
            figure=main.raw if main else _first_money(offer.text),
            conditions=_conditions(cited, [catalogue.commitments[c] for c in ids]),
            citations=[self._citation(n, o) for n, o in enumerate(cited, 1)],
            score=round(best.score, 4),
            commitment_ids=ids,
            fields=best.fields,
        )

    def _citation(self, n: int, offer: Offer) -> Citation:
        p, u = offer.passage, offer.unit
        text = p.unit_text(u)
        start = u.start + (len(text) - len(text.lstrip()))
        end = u.end - (len(text) - len(text.rstrip()))
        doc = self._docs[p.doc_id]
        return Citation(n=n, passage_id=p.passage_id, document=doc.title,
                        section=p.section_label, quote=doc.text[start:end], start=start, end=end,
                        doc_id=p.doc_id, passage_text=p.text)


def _query_text(profile: Profile) -> str:
    """The profile's own words plus its fields as words, so a fields-only profile has a query."""
    fields = [profile.kind.label if profile.kind else "", profile.sector or "",
              " ".join(n.label for n in profile.needs), profile.place or ""]
    extra = " ".join(f for f in fields if f and f.lower() not in profile.text.lower())
    return " ".join(p for p in (profile.text, extra) if p).strip()


def _elsewhere(place: str, offer: Offer, linked: list[Commitment]) -> bool:
    """The measure is local to somewhere else: it names places, none of them the profile's or
    around it (a Leeds incubator does not serve a Manchester start-up; a UK-wide one does)."""
    named = offer_places(offer, linked)
    return bool(named) and not any(places_compatible(place, n) for n in named)


STATEMENT_RATIO = 0.9


def _best_per_group(scored: list[_Scored]) -> list[_Scored]:
    """One entry per group, ranked by its best score. A measure stated twice (key commitments,
    then the body) is shown by the statement whose words fit the profile best, among those
    scoring nearly as well: the investor reads "doubling the annual allowance for people
    investing ...", not the summary of what companies can receive."""
    seen: set[int] = set()
    out = []
    for s in scored:  # already best first
        if s.group not in seen:
            seen.add(s.group)
            peers = [o for o in scored if o.group == s.group
                     and o.score >= STATEMENT_RATIO * s.score]
            shown = max(peers, key=lambda o: o.relevance)
            out.append(s if shown is s else replace(shown, score=s.score, matched=s.matched))
    return out


def _main_commitment(linked: list[Commitment], query: str) -> Commitment | None:
    """Of the unit's figures, the one whose purpose shares most words with the profile."""
    money = [c for c in linked if c.is_money] or linked
    if not money:
        return None
    q = set(tokenize(query))
    return max(money, key=lambda c: len(q & set(tokenize(f"{c.purpose} {c.place}"))))


def _title(offer: Offer, main: Commitment | None) -> str:
    if main is not None and main.purpose:
        title = f"{main.raw} {main.purpose}".strip()
        if main.place and main.place.split(",")[0].strip().lower() not in title.lower():
            title += f" in {main.place.split(',')[0].strip()}"
        return _line(title)
    text = re.sub(r"^(?:the government will|we will)\s+", "", offer.text.strip(), flags=re.I)
    text = re.sub(r"[\*⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text).rstrip(" ;,.:")
    text = re.sub(r"(?:;|,)?\s+and$", "", text)
    return _line(text[:1].upper() + text[1:])


def _line(text: str) -> str:
    return shorten(" ".join(text.split()), TITLE_CHARS)


def _first_money(text: str) -> str | None:
    money = money_amounts(text)
    return money[0].text.strip() if money else None


def _shared_words(query: str, text: str) -> list[str]:
    """The profile's own words the measure repeats (beyond stop words), as one reason."""
    words = [w for w in dict.fromkeys(re.findall(r"[A-Za-z][A-Za-z-]{3,}", query))
             if w.lower() not in STOP_WORDS and re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]
    return [f"text: {', '.join(words[:6])}"] if words else []


def _conditions(cited: list[Offer], linked: list[Commitment]) -> list[str]:
    out = [c for com in linked for c in com.conditions]
    for o in cited:
        u = o.unit
        out += [f.text for f in o.passage.footnotes
                if u.start <= f.start < u.end and is_condition(f.text)]
    return list(dict.fromkeys(c.strip().rstrip(".") for c in out if c.strip()))


def _message(profile: Profile, matches: list[Match], uk: bool) -> str:
    if matches:
        n = len(matches)
        return f"{n} measure{'s' if n != 1 else ''} fit{'s' if n == 1 else ''} this profile"
    why = []
    if profile.place and not uk:
        why.append(f"{profile.place} is not a UK place and the deal's measures are for the UK")
    if not (profile.kind or profile.sector or profile.needs):
        why.append("no kind, life-sciences sector or need the deal addresses was recognised")
    detail = "; ".join(why) or "no measure both offers something and matches its kind, " \
                                "sector, place or needs"
    return f"Nothing in the deal fits this profile: {detail}."


def build_finder(assistant, register: Register | None, *, top_k: int = 5) -> SupportFinder:
    """A finder over the assistant's index and embedder (its query cache included)."""
    return SupportFinder(assistant.index, assistant.embedder, register, top_k=top_k)
