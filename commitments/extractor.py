"""Mentions: every in-scope figure of a document with what the text around it says.

One figure stated three times gives three mentions; :mod:`commitments.dedupe` merges them.
The attribute heuristics live in their own modules (figures, scope, purpose, actors, places,
periods, conditions, themes); this module walks the document and feeds them the right context:
the clause, the sentence, earlier sentences of the paragraph, the parent bullet and the list's
lead-in paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from commitments import actors
from commitments.actors import Actor
from commitments.clauses import clause_bounds, context_tokens, main_clause_start
from commitments.conditions import footnote_conditions, text_conditions
from commitments.figures import Figure, FigureKind, find_figures
from commitments.model import CitationRef, Qualifier, Skipped, Theme
from commitments.periods import find_period
from commitments.places import find_places
from commitments.purpose import count_purpose, list_item_lead, money_purpose, percent_purpose
from commitments.scope import decide
from commitments.structure import DocView, Sentence
from commitments.themes import tag_themes
from dealqa.types import UnitKind

__all__ = ["Mention", "MentionExtractor"]


@dataclass
class Mention:
    doc_id: str
    sentence: Sentence
    figure: Figure  # offsets relative to the sentence
    start: int  # absolute offsets of the figure (qualifier included in raw only)
    end: int
    value: Decimal | int
    unit: str
    qualifier: Qualifier
    raw: str
    purpose: str
    actor: Actor | None
    actor_explicit: bool  # found in the mention's own sentence (not inherited)
    beneficiaries: list[str]
    places: list[str]
    places_explicit: bool  # named in the figure's own clause (not borrowed from around it)
    period: str
    conditions: list[str]
    themes: list[Theme]
    flags: list[str]
    citation: CitationRef
    tokens: frozenset[str] = field(default_factory=frozenset)

    @property
    def block(self) -> int:
        return self.sentence.block


@dataclass
class _BlockState:
    """Per paragraph: the last percentage target, for "and 3 per cent over the longer term"."""

    target_unit: str = ""
    target_purpose: str = ""


class MentionExtractor:
    """DocView -> (mentions, skipped). Stateless apart from per-document caches."""

    def __init__(self, excluded_sections: tuple[re.Pattern[str], ...] = ()) -> None:
        self.excluded_sections = excluded_sections

    def run(self, view: DocView) -> tuple[list[Mention], list[Skipped]]:
        self._view = view
        self._block_actor: dict[int, Actor | None] = {}
        mentions: list[Mention] = []
        skipped: list[Skipped] = []
        states: dict[int, _BlockState] = {}
        for sent in view.sentences:
            if self._excluded(sent.passage.section):
                continue
            state = states.setdefault(sent.block, _BlockState())
            self._sentence(sent, state, mentions, skipped)
        return mentions, skipped

    # -- per sentence ---------------------------------------------------------------------

    def _excluded(self, section: tuple[str, ...]) -> bool:
        return any(rx.search(label) for rx in self.excluded_sections for label in section)

    def _citation(self, sent: Sentence) -> CitationRef:
        text = self._view.document.text
        return CitationRef(sent.passage.passage_id, sent.passage.section_label, sent.start,
                           sent.end, text[sent.start:sent.end])

    def _sentence(self, sent: Sentence, state: _BlockState, mentions: list[Mention],
                  skipped: list[Skipped]) -> None:
        text = self._view.text(sent.start, sent.end)
        figures = find_figures(text)
        previous_target = False
        for fig in figures:
            clause = clause_bounds(text, fig.start, fig.end)
            decision = decide(text, fig, clause, previous_target)
            if fig.kind is FigureKind.PERCENT:
                previous_target = decision.keep
            if not decision.keep:
                skipped.append(Skipped(text[fig.raw_start:fig.end], decision.reason,
                                       self._citation(sent)))
                continue
            mentions.append(self._mention(sent, text, fig, clause, figures, state,
                                          list(decision.flags)))

    def _mention(self, sent: Sentence, text: str, fig: Figure, clause: tuple[int, int],
                 figures: list[Figure], state: _BlockState, flags: list[str]) -> Mention:
        unit, purpose = fig.unit, self._purpose(text, fig, clause)
        if fig.kind is FigureKind.COUNT and len(purpose.split()) <= 2:
            purpose = self._count_context(text, fig, purpose, figures)
        if fig.kind is FigureKind.PERCENT:
            if unit == "percent" and state.target_unit and not purpose:
                unit = state.target_unit  # "This will increase to 3 per cent ..." (of GDP)
            purpose = purpose or state.target_purpose
            state.target_unit, state.target_purpose = unit, purpose
        actor, explicit, beneficiaries = self._actor(sent, text, fig, clause)
        places, explicit_places = self._places(sent, text, fig, clause, figures)
        return Mention(
            doc_id=self._view.document.doc_id,
            sentence=sent,
            figure=fig,
            start=sent.start + fig.start,
            end=sent.start + fig.end,
            value=fig.value,
            unit=unit,
            qualifier=fig.qualifier,
            raw=" ".join(text[fig.raw_start:fig.end].split()),
            purpose=purpose,
            actor=actor,
            actor_explicit=explicit,
            beneficiaries=beneficiaries,
            places=places,
            places_explicit=explicit_places,
            period=find_period(text, fig.end, clause),
            conditions=self._conditions(sent, text, fig, figures),
            themes=self._themes(sent, text, purpose),
            flags=flags,
            citation=self._citation(sent),
            tokens=context_tokens(text.split("\t", 1)[-1]),
        )

    @staticmethod
    def _count_context(text: str, fig: Figure, purpose: str, figures: list[Figure]) -> str:
        """"high-value jobs" -> "high-value jobs at new high-tech 'fill and finish' facility":
        a bare count borrows the purpose of the money its sentence commits."""
        for other in figures:
            if other.kind is FigureKind.MONEY and other.start < fig.start:
                found = money_purpose(text, other, clause_bounds(text, other.start, other.end))
                if found:
                    at = re.search(r"(?:facility|centre|center|site|campus|hub|building)$", found,
                                   re.IGNORECASE)
                    return f"{purpose} {'at' if at else 'from'} {found}"
        return purpose

    @staticmethod
    def _purpose(text: str, fig: Figure, clause: tuple[int, int]) -> str:
        if fig.kind is FigureKind.MONEY:
            return list_item_lead(text, clause, money_purpose(text, fig, clause))
        if fig.kind is FigureKind.PERCENT:
            return percent_purpose(text, fig)
        return count_purpose(text, fig, clause)

    # -- context ----------------------------------------------------------------------------

    def _actor(self, sent: Sentence, text: str, fig: Figure, clause: tuple[int, int]
               ) -> tuple[Actor | None, bool, list[str]]:
        right = text[fig.end:clause[1]]
        left = text[clause[0]:fig.raw_start]
        # The subject is looked for in the figure's own main clause: after a colon or semicolon
        # ("Companies are already recognising this: Seqirus ... has announced"), a table cell,
        # or "... and the government will provide £18m".
        cut = main_clause_start(text, fig.start)
        subject = actors.sentence_actor(text[cut:], fig.start - cut)
        benefit = actors.beneficiaries(text[clause[0]:clause[1]])
        source = actors.source_actor(right) or actors.attributive_actor(left, right)
        if source is not None:
            if subject is not None and subject.name != source.name and \
                    subject.kind is not actors.ActorKind.GOVERNMENT:
                benefit = [subject.name] + benefit
            return source, True, benefit
        if subject is not None:
            return subject, True, benefit
        return self._inherited_actor(sent), False, benefit

    def _inherited_actor(self, sent: Sentence) -> Actor | None:
        view = self._view
        earlier = [s for s in view.block_sentences(sent.block) if s.start < sent.start]
        for prev in reversed(earlier):
            found = actors.sentence_actor(view.text(prev.start, prev.end))
            if found is not None:
                return found
        block = view.blocks[sent.block]
        for other in (block.parent, block.lead_in):
            if other is not None:
                found = self._actor_of_block(other)
                if found is not None:
                    return found
        return actors.section_actor(sent.passage.section)

    def _actor_of_block(self, index: int) -> Actor | None:
        if index not in self._block_actor:
            found = None
            view = self._view
            for s in reversed(view.block_sentences(index)):
                text = view.text(s.start, s.end)
                found = actors.sentence_actor(text) or actors.source_actor(text)
                if found is not None:
                    break
            self._block_actor[index] = found
        return self._block_actor[index]

    def _places(self, sent: Sentence, text: str, fig: Figure, clause: tuple[int, int],
                figures: list[Figure]) -> tuple[list[str], bool]:
        """Places right of the figure up to the next figure ("£215m Housing Deal with
        Oxfordshire and a £5m commitment ... Cambridge"), else in its clause (both explicit),
        else in the sentence or the bullet (borrowed)."""
        nxt = min([f.start for f in figures if f.start > fig.start] + [clause[1]])
        places = find_places(text[fig.end:nxt]) or find_places(text[clause[0]:clause[1]])
        if places:
            return places[:3], True
        places = find_places(text)
        block = self._view.blocks[sent.block]
        if not places and block.kind is not UnitKind.SENTENCE:
            places = find_places(self._view.block_text(sent.block))
        return places[:3], False

    def _conditions(self, sent: Sentence, text: str, fig: Figure, figures: list[Figure]
                    ) -> list[str]:
        view = self._view
        found = footnote_conditions(view.footnotes, sent.start, sent.end, sent.start + fig.start,
                                    sent.start + fig.end, [sent.start + f.start for f in figures])
        found += text_conditions(text)
        block = view.blocks[sent.block]
        if block.parent is not None:  # a line of a programme shares the programme's conditions
            b = view.blocks[block.parent]
            found += footnote_conditions(view.footnotes, b.start, b.end, -1, -1, [])
            found += text_conditions(view.block_text(block.parent))
        if block.lead_in is not None:
            found += text_conditions(view.block_text(block.lead_in))
        return list(dict.fromkeys(found))

    def _themes(self, sent: Sentence, text: str, purpose: str) -> list[Theme]:
        """Keywords of the purpose, the sentence, its list line and lead-in, and the deepest
        heading ("Support the growth of medicines manufacturing")."""
        view = self._view
        block = view.blocks[sent.block]
        texts = [purpose, text, sent.passage.section[-1] if sent.passage.section else ""]
        if block.kind is not UnitKind.SENTENCE:
            texts.append(view.block_text(block.index))
        for other in (block.parent, block.lead_in):
            if other is not None:
                texts.append(view.block_text(other))
        return tag_themes(texts, sent.passage.section)
