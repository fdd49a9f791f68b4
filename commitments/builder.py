"""build_register: documents + passages -> Register. Pure, fast (no model), any deal document."""

from __future__ import annotations

import re
from collections.abc import Sequence

from commitments.dedupe import DEFAULT_THRESHOLD, commitment_id, group_mentions, merge_group
from commitments.extractor import MentionExtractor
from commitments.reconcile import MISMATCH_FLAG, reconcile
from commitments.register import Register
from commitments.structure import read_document
from dealqa.types import Document, Passage

__all__ = ["build_register", "DEFAULT_EXCLUDED_SECTIONS"]

# Sections whose figures are not the document's own commitments: the "Industrial Strategy at a
# glance" page every sector deal reprints from the White Paper, reference lists, licence text.
DEFAULT_EXCLUDED_SECTIONS: tuple[str, ...] = (
    r"\bat a glance\b",
    r"^(?:references|notes|endnotes|footnotes|sources|bibliography|glossary)$",
    r"\bcopyright\b|^©",
)


def build_register(
    documents: Sequence[Document],
    passages: Sequence[Passage],
    *,
    excluded_sections: Sequence[str] = DEFAULT_EXCLUDED_SECTIONS,
    merge_threshold: float = DEFAULT_THRESHOLD,
) -> Register:
    """The commitment register of ``documents`` (passages as produced by ingest)."""
    if not 0 < merge_threshold <= 1:
        raise ValueError(f"merge_threshold must be in (0, 1], got {merge_threshold}")
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in excluded_sections)
    extractor = MentionExtractor(patterns)
    register = Register([], doc_ids=[d.doc_id for d in documents])
    taken: set[str] = set()
    for document in documents:
        view = read_document(document, passages)
        mentions, skipped = extractor.run(view)
        register.skipped.extend(skipped)
        ids: dict[int, str] = {}
        for group in group_mentions(view, mentions, merge_threshold):
            first = group[0]
            cid = commitment_id(document.doc_id, first.value, first.unit, taken)
            register.commitments.append(merge_group(group, cid))
            ids.update((id(m), cid) for m in group)
        reconciliations = reconcile(view, mentions, ids)
        for r in reconciliations:
            if not r.ok:
                total = register.get(r.total_id)
                if MISMATCH_FLAG not in total.flags:
                    total.flags.append(MISMATCH_FLAG)
        register.reconciliations.extend(reconciliations)
    return register
