"""The Assistant: question (+ history) -> grounded Answer. Built once, reused for every request."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from assistant.base import AnswerChunk
from assistant.bridge import find_bridge
from assistant.cache import CachedQueryEmbeddings
from assistant.chain import HitRetriever, build_chain
from assistant.claim_check import check_answer, find_claim
from assistant.compose import Composer, Span, lies_within, numbered_on, overlaps_any
from assistant.extractive import ExtractiveAnswerer
from assistant.led_by import LedBy
from assistant.named_groups import NamedGroups
from assistant.premise_bridge import find_premise_bridge
from assistant.plain_words import load_plain_words
from assistant.measure_figure import MeasureFigures, asker_speaks
from assistant.register_notes import RegisterNotes
from assistant.acronyms import Expansion, asked_acronym, find_expansion, glossed
from assistant.status_route import answer_from_status, asks_status, status_passages
from assistant.support_route import answer_from_support, fits_want
from assistant.scoring import TermStats
from assistant.templates import load_templates
from assistant.sentence_vectors import SentenceVectors
from assistant.unit_vectors import UnitVectors
from dealqa.errors import InvalidQuestionError
from finder.route import is_support_question
from dealqa.types import Answer, AnswerType, Citation, Document, Hit, Passage, Turn
from retrieval.embeddings import query_vector

if TYPE_CHECKING:  # for the annotation only: the finder is injected, not built here
    from finder.finder import SupportResult

__all__ = ["Assistant", "validate_question"]

MAX_QUESTION_CHARS = 2000


def validate_question(question: object, max_chars: int = MAX_QUESTION_CHARS) -> str:
    if not isinstance(question, str):
        raise InvalidQuestionError(f"question must be text, got {type(question).__name__}")
    q = question.strip()
    if not q:
        raise InvalidQuestionError("question is empty: type a question about the deal")
    if len(q) > max_chars:
        raise InvalidQuestionError(
            f"question is {len(q):,} characters; the limit is {max_chars:,}: shorten it"
        )
    return q


def _numbered_after(first: list[Citation], second: Answer) -> tuple[str, list[Citation]]:
    """``second``'s text and citations, numbered on from the ``first`` citations (an answer
    built in two steps cites both: the bridge or group introduction, then the answer)."""
    text, citations = numbered_on(second.text, second.citations, len(first))
    return text, list(first) + citations


class Assistant:
    """Implements assistant.base.AssistantLike over a loaded index."""

    def __init__(self, index, embedder: Embeddings, retriever: HitRetriever | None = None,
                 *, top_k: int = 5, max_question_chars: int = MAX_QUESTION_CHARS,
                 name: str = "hybrid", register=None, finder=None,
                 lead_parts: bool = True) -> None:
        if top_k <= 0:
            raise ValueError(f"top_k must be > 0, got {top_k}")
        self.index = index
        self.embedder = embedder if isinstance(embedder, CachedQueryEmbeddings) \
            else CachedQueryEmbeddings(embedder)
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self.name = name
        self.register = register
        self.finder = finder  # finder.SupportFinder: "what applies to us?" questions go there
        self._notes = RegisterNotes(register) if register is not None else None
        self._figures = MeasureFigures(register.commitments) if register is not None else None
        if retriever is None:
            from retrieval.hybrid import HybridRetriever

            retriever = HybridRetriever(index, self.embedder, top_k=top_k)
        self.retriever = retriever
        passages = getattr(retriever, "passages", None) or index.passages
        templates = load_templates()
        plain_words = load_plain_words()  # the deal's words for everyday ones
        self._docs = {d.doc_id: d for d in index.documents}
        self._order = {p.passage_id: i for i, p in enumerate(index.passages)}
        unit_vectors = UnitVectors(index, self.embedder)
        if passages is not index.passages:  # another retriever's chunks: embed their units now
            unit_vectors.prepare(passages)
        self._stamps = status_passages(index.passages)  # "Withdrawn ..." stamps, found once
        self._groups = NamedGroups.from_passages(index.passages)  # "two new national centres"
        self._led_by = LedBy(index.passages)  # "Sir John Bell's strategy": the work's own name
        self._defined: dict[str, Expansion | None] = {}  # abbreviation -> its defined name
        self.composer = Composer(self._docs, templates)  # shared with finder-routed answers
        self.answerer = ExtractiveAnswerer(
            self.composer,
            TermStats(passages),
            unit_vectors,
            templates,
            passages=index.passages,
            max_passages=top_k,
            embed=self._query_vec,
            restate=plain_words.restate,
            retrieve=lambda text: self.retriever.run(text, top_k),
            sentence_vectors=SentenceVectors(self.embedder),
        )
        # (a question naming a small part of the deal, "the opening letter", is retrieved for
        # from that part first: see NamedParts.part_first; ``lead_parts=False`` keeps the
        # retriever's own ranking)
        lead = self.answerer.named_parts.part_first if lead_parts else None
        self.chain = build_chain(self.retriever, self.answerer, self._query_vec, top_k,
                                 plain_words=plain_words, lead=lead)

    def with_retriever(self, retriever: HitRetriever, name: str = "custom") -> "Assistant":
        """The same answerer over another retriever (the eval baselines)."""
        # (no finder: baselines answer with retrieval; no named-part lead: its passages are
        # this index's, not the other retriever's chunks, whose ranking is what is compared)
        return Assistant(self.index, self.embedder, retriever, top_k=self.top_k,
                         max_question_chars=self.max_question_chars, name=name,
                         register=self.register, lead_parts=False)

    def _query_vec(self, text: str):
        return query_vector(self.embedder, text)

    # -- AssistantLike ---------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        q = validate_question(question, self.max_question_chars)
        if self.finder is not None and is_support_question(q):
            result = self.finder.run(q)
            found = self._ask_finder(q, result)
            # Nothing fits the profile as the finder reads it ("no kind, sector or need
            # recognised"): the deal's text may still answer, so the answerer gets its turn.
            if not found.abstained:
                own = self._ask_text(q, history)
                # A measure that shares only the asker's sector or kind is "in your field", not
                # "for what you want": what they asked for is better found in the deal's text.
                answer = self._with_text(found, own) if fits_want(result) \
                    else found if own.abstained else own
                return self._with_figure(q, answer)
        answer = self._ask_text(q, history)
        # (an asker describing themselves weighs the measures the answer names by their sums)
        return self._with_figure(q, answer) if asker_speaks(q) else answer

    def _with_figure(self, q: str, answer: Answer) -> Answer:
        """A support answer naming a measure without its sum: the sum the deal puts on it,
        quoted after it (assistant/measure_figure.py)."""
        if answer.abstained or self._figures is None:
            return answer
        found = self._figures.find(q, [c.quote for c in answer.citations])
        ref = found.ref if found else None
        if ref is None or overlaps_any(ref, answer.citations):
            return answer
        n = len(answer.citations) + 1
        cit = self.composer.citation(n, Span(self.index.passage(ref.passage_id), ref.start,
                                             ref.end))
        line = load_templates().get("support", "figure", quote=cit.quote.strip().rstrip(";,"),
                                    n=n)
        citations = [*answer.citations, cit]
        text, caveats = self._with_notes(f"{answer.text}\n{line}", [cit], answer.caveats, False)
        return replace(answer, text=text, citations=citations, caveats=caveats)

    def _ask_text(self, q: str, history: Sequence[Turn] = ()) -> Answer:
        if self._stamps and asks_status(q):
            return self._ask_status(q)
        # ("When did Sir John Bell's strategy come out?" is asked by the strategy's own name,
        # and answered as the question put)
        asked = self._led_by.restate(q)
        answer = self._ask_acronym(asked) or self._ask_claim(asked) or self._ask_bridge(asked) \
            or self._ask_group(asked) or self._ask_chain(asked, history)
        answer = self._glossed(answer)
        return answer if asked == q else replace(answer, question=q)

    def _glossed(self, answer: Answer) -> Answer:
        """A name asked for and quoted by its abbreviation ("JJMD has developed Care Advantage
        ..."): the name the deal defines for it, cited where it does ("A major Johnson &
        Johnson Medical Devices (JJMD) collaboration ...")."""
        if answer.abstained or answer.answer_type is not AnswerType.ENTITY:
            return answer
        found = glossed([c.quote for c in answer.citations], answer.text, self._defined_name)
        if not found:
            return answer
        text, citations = answer.text, list(answer.citations)
        templates = load_templates()
        for acronym, expansion in found:
            n = len(citations) + 1
            citations.append(self.composer.citation(n, expansion.span))
            text += " " + templates.get("acronym", "gloss", acronym=acronym,
                                        name=expansion.name, n=n)
        return replace(answer, text=text, citations=citations)

    def _defined_name(self, acronym: str) -> Expansion | None:
        """The name the deal defines in brackets for ``acronym``, looked up once."""
        if acronym not in self._defined:
            self._defined[acronym] = find_expansion(acronym, self.index.passages,
                                                    defined_only=True)
        return self._defined[acronym]

    def _ask_claim(self, q: str) -> Answer | None:
        """"Our timeline puts phase one in November 2017. Is that right?": the claim is asked
        without its value, and the answer says whether the deal gives that value."""
        claim = find_claim(q)
        if claim is None:
            return None
        lookup = self._ask_chain(claim.question)
        return replace(check_answer(claim, lookup, self.index.passages, self.composer,
                                    load_templates()), question=q)

    def _ask_chain(self, q: str, history: Sequence[Turn] = ()) -> Answer:
        out = self.chain.invoke({"question": q, "history": list(history or ())})
        draft = out["draft"]
        text, caveats = self._with_notes(draft.text, draft.citations, list(draft.caveats),
                                         draft.abstained)
        return Answer(
            question=q,
            text=text,
            citations=draft.citations,
            abstained=draft.abstained,
            caveats=caveats,
            retrieved=out["hits"],
            standalone_question=out["standalone"],
            answer_type=out["analysis"].answer_type,
        )

    def _with_notes(self, text: str, citations: list[Citation], caveats: list[str],
                    abstained: bool) -> tuple[str, list[str]]:
        """Conditions the register links to a cited figure travel with it (text and caveats)."""
        if self._notes is None or abstained:
            return text, caveats
        caveats = [*self._notes.caveats(citations, caveats), *caveats]
        extra = self._notes.inline(citations, text)
        return (f"{text} {extra}" if extra else text), caveats

    def _ask_bridge(self, q: str) -> Answer | None:
        """"The company behind the Salford Lung Study: what part does it play in genomics?":
        the description is looked up first ("Which company is behind ...?" -> GSK), then the
        question is asked with the name in its place; both answers' quotes are cited. So is a
        subject the opening statement leaves open ("... at a lab in one particular city. What
        ... for that city?": "... in which city?" -> Cambridge). None (the question is answered
        as any other) when either step finds nothing."""
        bridge = find_bridge(q) or find_premise_bridge(q)
        if bridge is None:
            return None
        first = self._ask_chain(bridge.first)
        name = bridge.name_in([c.quote for c in first.citations]) \
            if not first.abstained and first.citations else None
        if name is None:
            return None
        second = self._ask_chain(bridge.asked_with(name))
        if second.abstained:
            return None
        if all(lies_within(c, first.citations) for c in second.citations):
            second = replace(second, text="", citations=[])  # it quotes nothing new
        text, citations = _numbered_after(first.citations, second)
        # The passages both steps retrieved, cited ones first, then the two rankings in turn.
        # (Looked up among the retrieved: a baseline's chunks are not the index's passages.)
        turns = [h.passage for pair in zip_longest(second.retrieved, first.retrieved)
                 for h in pair if h is not None]
        seen = {p.passage_id: p for p in turns}
        cited = [seen[i] for i in dict.fromkeys(c.passage_id for c in citations) if i in seen]
        ranked = list({p.passage_id: p for p in cited + turns}.values())
        return replace(second, question=q, text=f"{first.text} {text}".strip(),
                       citations=citations,
                       caveats=list(dict.fromkeys(first.caveats + second.caveats)),
                       retrieved=[Hit(p, 1.0 / r, r) for r, p in enumerate(ranked, 1)])

    def _ask_group(self, q: str) -> Answer | None:
        """"How much of the £146m goes to the two new national centres?": asked with the
        centres' names in the group's place, the introduction naming them cited first. None
        (the question is answered as any other) when it names no such group or the deal does
        not answer it with the names."""
        found = self._groups.asked_with_names(q)
        if found is None:
            return None
        group, named = found
        second = self._ask_chain(named)
        if second.abstained:
            return None
        intro = group.span
        if any(c.passage_id == intro.passage.passage_id and c.start < intro.end
               and intro.start < c.end for c in second.citations):
            return replace(second, question=q)  # it quotes the introduction already
        text, citations = _numbered_after([self.composer.citation(1, intro)], second)
        return replace(second, question=q, text=f"{Composer.render(intro, 1)} {text}",
                       citations=citations)

    def _ask_acronym(self, q: str) -> Answer | None:
        """"What does HARP stand for?": the name the deal spells it out as, quoted (see
        assistant/acronyms.py); None where the question asks no such thing or the deal spells
        out no name with those initials."""
        acronym = asked_acronym(q)
        found = find_expansion(acronym, self.index.passages) if acronym else None
        if found is None:
            return None
        cit = self.composer.citation(1, found.span)
        text = load_templates().get("acronym", "expanded", acronym=acronym, name=found.name,
                                    quote=Composer.render(found.span, 1).strip(), n=1)
        caveats = list(self.composer.status_caveats(found.span.doc_id))
        return Answer(question=q, text=text, citations=[cit], abstained=False, caveats=caveats,
                      retrieved=self._hits_led_by([found.span.passage], q),
                      standalone_question=q, answer_type=AnswerType.ENTITY)

    def _ask_status(self, q: str) -> Answer:
        text, citations = answer_from_status(self._stamps, self.composer, load_templates())
        caveats = [c for p in self._stamps for c in self.composer.status_caveats(p.doc_id)]
        return Answer(question=q, text=text, citations=citations, abstained=False,
                      caveats=caveats, retrieved=self._hits_led_by(self._stamps, q),
                      standalone_question=q, answer_type=AnswerType.DATE)

    def _hits_led_by(self, first: list[Passage], q: str) -> list[Hit]:
        """A routed answer's retrieved list: the passages it cites first, then the question's
        own ranking, at least top_k in all."""
        ids = {p.passage_id for p in first}
        ranked = first + [h.passage for h in self.retriever.run(q, self.top_k)
                          if h.passage.passage_id not in ids]
        return [Hit(p, 1.0 / r, r) for r, p in enumerate(ranked[: max(self.top_k, len(first))], 1)]

    def _with_text(self, found: Answer, own: Answer) -> Answer:
        """The finder's measures, then what the deal's text says on the question where that
        cites other passages: the finder matches a profile to measures and can miss the one
        sentence that answers (measured on eligibility questions it routes: right 28 times in
        37 on the tuned QA sets, 2 in 10 on held-out ones, where the text answer was right 6)."""
        # (another sentence of a passage the finder cites counts: "a new scheme will support
        # small and medium-sized businesses in developing an effective evidence base" follows
        # the "up to £86m to support innovators" the finder quotes)
        first = own.citations[0] if own.citations else None
        if own.abstained or first is None or overlaps_any(first, found.citations):
            return found
        text, extra = numbered_on(own.text, own.citations, len(found.citations))
        more = load_templates().get("support", "text", text=text)
        return replace(found, text=f"{found.text}\n{more}", citations=found.citations + extra,
                       caveats=list(dict.fromkeys(found.caveats + own.caveats)))

    def _ask_finder(self, q: str, result: SupportResult) -> Answer:
        text, citations, abstained = answer_from_support(result, load_templates())
        docs = {c.doc_id for c in citations} or set(self._docs)
        caveats = [c for d in sorted(docs) for c in self.composer.status_caveats(d)]
        # (a measure's conditions come with it: "up to £210m" is subject to Treasury approval)
        text, caveats = self._with_notes(text, citations, caveats, abstained)
        ids = list(dict.fromkeys(c.passage_id for c in citations))
        hits = self._hits_led_by([self.index.passage(i) for i in ids], q)
        return Answer(question=q, text=text, citations=citations, abstained=abstained,
                      caveats=caveats, retrieved=hits,
                      standalone_question=q, answer_type=AnswerType.LIST)

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[AnswerChunk]:
        answer = self.ask(question, history)
        # The extractive answer exists whole at once; stream it in word-sized pieces so clients
        # that render progressively (SSE, the chat UI) behave as with a generative answerer.
        for piece in re.findall(r"\S+\s*|\s+", answer.text):
            yield piece
        yield answer

    def search(self, query: str, k: int = 5) -> list[Hit]:
        q = validate_question(query, self.max_question_chars)
        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        return self.retriever.run(q, k)

    def passage(self, passage_id: str) -> Passage:
        return self.index.passage(passage_id)

    def neighbours(self, passage_id: str, n: int = 1) -> list[Passage]:
        i = self._order[passage_id]  # KeyError for an unknown id, as passage() does
        doc_id = self.index.passages[i].doc_id
        window = self.index.passages[max(0, i - n) : i + n + 1]
        return [p for p in window if p.doc_id == doc_id]

    def documents(self) -> list[Document]:
        return list(self.index.documents)

    def info(self) -> dict[str, Any]:
        m = self.index.manifest
        model = m.get("model", "")
        name = (m.get("settings") or {}).get("model_name")
        # The hybrid retriever says how it fuses; the baselines' retrievers have nothing to add.
        describe = getattr(self.retriever, "describe", None)
        return {
            "documents": len(self.index.documents),
            "passages": len(self.index.passages),
            "model": f"{name} ({model})" if name else str(model),
            "index_version": m.get("format_version"),
            "retriever": self.name,
            **(describe() if callable(describe) else {}),
        }
