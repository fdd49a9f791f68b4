"""Hand-made documents and passages for the retrieval tests (no dependency on ingest).

``make_corpus`` lays out sections of sentences/bullets into one cleaned document text and cuts
one passage per section, with a unit per sentence, so every offset invariant of the real
pipeline holds (``Document.text[p.start:p.end] == p.text``, units inside their passage).
"""

from __future__ import annotations

from dataclasses import dataclass

from dealqa.types import DocStatus, Document, Passage, Unit, UnitKind

SECTIONS: list[tuple[tuple[str, ...], list[str]]] = [
    (("Foreword",), [
        "The deal brings together government, universities and more than 25 businesses.",
        "These investments will create high quality, well-paid jobs.",
    ]),
    (("Ideas", "Government action"), [
        "The government has committed £162m to develop manufacturing infrastructure.",
        "This includes £66 million on a Vaccines Development & Manufacturing Centre.",
        "A further £12m expands the Cell & Gene Therapy Catapult centre in Stevenage.",
    ]),
    (("Ideas", "Sector action"), [
        "Seqirus have committed to £40m investment in a fill and finish facility in Liverpool.",
        "QIAGEN intends to partner with Health Innovation Manchester on a genomics campus.",
    ]),
    (("Business environment",), [
        "Research and development investment will rise to 2.4 per cent of GDP by 2027.",
        "Public investment reaches £12.5bn in 2021/22, supporting c.800 researchers.",
        "MSD announced \\$100m for a discovery centre employing 20,000 people overall.",
    ]),
    (("People",), [
        "Change immigration rules so that scientists can settle after three years.",
        "Apprenticeships in manufacturing will be expanded across the regions.",
    ]),
]


@dataclass
class Corpus:
    documents: list[Document]
    passages: list[Passage]


def make_corpus(
    sections: list[tuple[tuple[str, ...], list[str]]] = SECTIONS,
    doc_id: str = "mini-deal",
    sha256: str = "0" * 64,
) -> Corpus:
    text, passages = "", []
    for n, (section, sentences) in enumerate(sections, start=1):
        heading = section[-1] + "\n\n"
        text += heading
        start, units = len(text), []
        for i, sentence in enumerate(sentences):
            if i:
                text += " "
            units.append(Unit(UnitKind.SENTENCE, len(text), len(text) + len(sentence)))
            text += sentence
        passages.append(
            Passage(
                passage_id=f"{doc_id}#p-{n}",
                doc_id=doc_id,
                text=text[start:],
                section=section,
                start=start,
                end=len(text),
                units=tuple(units),
                n_tokens=len(text[start:].split()),
            )
        )
        text += "\n\n"
    doc = Document(
        doc_id=doc_id,
        title="Mini Sector Deal",
        source=f"corpus/{doc_id}.txt",
        sha256=sha256,
        status=DocStatus.WITHDRAWN,
        status_note="Withdrawn 1 May 2024",
        text=text,
    )
    return Corpus([doc], passages)


def test_make_corpus_keeps_offset_invariants():
    corpus = make_corpus()
    doc = corpus.documents[0]
    for p in corpus.passages:
        assert doc.text[p.start : p.end] == p.text
        for u in p.units:
            assert p.start <= u.start < u.end <= p.end
            assert p.unit_text(u) == doc.text[u.start : u.end]
