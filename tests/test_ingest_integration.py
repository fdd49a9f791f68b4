"""The real corpus with the real MiniLM tokenizer: limits, offsets, footnotes, stable ids."""

from __future__ import annotations

import pytest
from test_ingest_support import assert_passage_invariants, real_count_tokens

from dealqa.settings import get_settings
from dealqa.types import UnitKind
from ingest import ingest_paths, split_units

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def real(real_corpus):
    s = get_settings()
    return ingest_paths([real_corpus], real_count_tokens(), max_tokens=s.chunk_max_tokens,
                       hard_limit=s.chunk_hard_limit)


def test_every_passage_within_the_hard_limit_with_exact_offsets(real):
    (doc,) = real.documents
    assert_passage_invariants(doc, real.passages, get_settings().chunk_hard_limit, real_count_tokens())
    assert len(real.passages) >= 60


def test_passages_are_mostly_in_the_preferred_size_band(real):
    sizes = [p.n_tokens for p in real.passages]
    in_band = sum(60 <= n <= 200 for n in sizes)
    assert in_band / len(sizes) >= 0.8
    assert max(sizes) <= get_settings().chunk_hard_limit


def test_every_body_line_is_in_a_passage(real):
    """Nothing is lost: each line of the cleaned text is a title line, a heading, or in a passage."""
    (doc,) = real.documents
    headings = {h for p in real.passages for h in p.section}
    title_lines = {"HM Government", "Industrial Strategy", "Life Sciences Sector Deal"}
    covered = [False] * len(doc.text)
    for p in real.passages:
        covered[p.start:p.end] = [True] * (p.end - p.start)
    at = 0
    for line in doc.text.split("\n"):
        start, at = at, at + len(line) + 1
        if line.strip() and line not in headings | title_lines:
            chars = range(start, start + len(line))
            assert all(covered[i] for i in chars if not doc.text[i].isspace()), line


def test_footnotes_on_the_real_corpus(real):
    def notes(needle):
        (p,) = [p for p in real.passages if needle in p.text]
        return {(f.marker, f.anchor, f.text) for f in p.footnotes}

    approval = "Subject to business case approval by HM Treasury"
    merck = "Known as Merck and Co Inc. in the US and Canada"
    assert (2, "£210m", approval) in notes("Working with industry, charities, the NHS and universities")
    assert (7, "£210m", approval) in notes("This deal contains significant concrete commitments")
    assert (1, "MSD", merck) in notes("major investment in discovery science from MSD")
    assert (6, "MSD", merck) in notes("Alongside the deal, MSD announced")
    assert (5, "Fund", approval) in notes("with up to £210m from the Industrial Strategy Challenge Fund")
    leeds = notes("in the Leeds City Region's leading medtech hub")
    assert (14, "Partners", "https://leedscityregionmed.tech/") in leeds
    linked = {f.marker for p in real.passages for f in p.footnotes}
    assert linked == {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15}


def test_lists_keep_their_lead_in_and_sub_items(real):
    (p,) = [p for p in real.passages if "£66m on a Vaccines Development & Manufacturing Centre" in p.text]
    assert p.text.startswith("• A £146m investment programme from the Industrial Strategy Challenge Fund")
    assert "  ◦ £30m to establish three Advanced Therapies Treatment Centres;" in p.text
    (q,) = [p for p in real.passages if "Immediate actions include:" in p.text]
    assert "• Construction of the Expressway between Cambridge and Oxford" in q.text


def test_the_implementation_table_is_one_passage_with_its_header(real):
    (table,) = [p for p in real.passages if "Milestone" in p.text]
    assert table.text.startswith("Date\tMilestone\nAug 2017\tLife Science Industrial Strategy launched")
    assert [u.kind for u in table.units] == [UnitKind.TABLE_ROW] * 12
    assert table.unit_text(table.units[-1]) == "Dec 2018\tAnnual Review of the Sector Deal"


def test_ids_are_stable_across_runs(real, real_corpus):
    again = ingest_paths([real_corpus], real_count_tokens())
    assert [p.passage_id for p in again.passages] == [p.passage_id for p in real.passages]
    assert again.documents[0].text == real.documents[0].text


def test_split_units_agrees_with_passage_units(real):
    """Unit spans recomputed from passage text alone match the pipeline's (baselines rely on it)."""
    for p in real.passages:
        spans = [(u.start, u.end) for u in split_units(p.text, offset=p.start)]
        assert spans == [(u.start, u.end) for u in p.units], p.passage_id
