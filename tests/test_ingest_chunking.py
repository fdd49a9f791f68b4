"""Chunking: limits, whole units, lead-ins with their lists, tables, stable ids, footnotes."""

from __future__ import annotations

import pytest
from test_ingest_support import MINI, SHAPED, assert_passage_invariants

from dealqa.errors import IngestError
from dealqa.types import UnitKind
from ingest import ingest_paths
from ingest.blocks import BlockParser, split_raw_blocks
from ingest.chunker import Chunker, passage_id
from ingest.layout import render
from ingest.outline import Outliner


def _words(text: str) -> int:
    return len(text.split())


def _chunk(text: str, max_tokens: int, hard_limit: int, count=_words):
    layout = render(Outliner().run(BlockParser().run(split_raw_blocks(text))))
    return layout.text, Chunker(count, max_tokens=max_tokens, hard_limit=hard_limit).run("doc", layout)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_tokens": 0}, "max_tokens must be > 0, got 0"),
        ({"max_tokens": 100, "hard_limit": 50}, "hard_limit must be >= max_tokens"),
        ({"min_tokens": 500}, "min_tokens must be in"),
    ],
)
def test_constructor_validates(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Chunker(_words, **kwargs)


def test_ingest_paths_validates_limits(fake_embedder):
    with pytest.raises(ValueError, match="max_tokens must be > 0, got 0"):
        ingest_paths([MINI], fake_embedder.count_tokens, max_tokens=0)


@pytest.mark.parametrize("path", [MINI, SHAPED], ids=["mini", "shaped"])
@pytest.mark.parametrize(("max_tokens", "hard_limit"), [(200, 254), (40, 60), (15, 30)])
def test_invariants_on_fixtures(path, max_tokens, hard_limit, fake_embedder):
    result = ingest_paths([path], fake_embedder.count_tokens, max_tokens=max_tokens, hard_limit=hard_limit)
    (doc,) = result.documents
    assert_passage_invariants(doc, result.passages, hard_limit, fake_embedder.count_tokens)


def test_every_body_unit_is_in_exactly_one_passage(fake_embedder):
    result = ingest_paths([SHAPED], fake_embedder.count_tokens, max_tokens=15, hard_limit=30)
    texts = [p.unit_text(u) for p in result.passages for u in p.units]
    for needle in ("Beta Bio announced a further £5m investment in Dr. Smith's lab at St. Thomas' in London.",
                   "Aug 2017\tStrategy launched", "It will create well-paid jobs across the country."):
        assert texts.count(needle) == 1, needle


def test_headings_are_not_in_passage_text(fake_embedder):
    passages = ingest_paths([MINI], fake_embedder.count_tokens).passages
    assert not any(p.text.startswith(("Key commitments", "Ideas", "Government action")) for p in passages)
    assert all(u.kind is not UnitKind.HEADING for p in passages for u in p.units)


def test_list_stays_with_its_lead_in(fake_embedder):
    passages = ingest_paths([SHAPED], fake_embedder.count_tokens).passages
    (p,) = [p for p in passages if "Investments announced include:" in p.text]
    assert p.text.startswith("Investments announced include:\n\n• Acme Labs")
    assert "• Beta Bio" in p.text
    (q,) = [p for p in passages if "£12m on a Diagnostics Centre" in p.text]
    assert "A £20m programme from the Challenge Fund will support measures including:" in q.text


def test_lead_in_is_kept_with_a_long_first_item_over_the_soft_limit():
    item = " ".join(["word"] * 24) + "."
    text = f"Heading here\n\nThe projects include:\n\n- ▶ {item}\n- ▶ {item}"
    body, passages = _chunk(text, max_tokens=20, hard_limit=40)
    assert [p.text.splitlines()[0] for p in passages] == ["The projects include:", f"• {item}"]
    assert passages[0].n_tokens > 20


def test_table_rows_stay_whole_and_the_header_opens_the_table(fake_embedder):
    result = ingest_paths([MINI], fake_embedder.count_tokens)
    (table,) = [p for p in result.passages if "Milestone" in p.text]
    assert table.text.startswith("Date\tMilestone\n")
    rows = [table.unit_text(u) for u in table.units]
    assert all(u.kind is UnitKind.TABLE_ROW for u in table.units)
    assert rows[1] == "Aug 2017\tStrategy launched"


def test_big_table_is_split_between_rows_only():
    rows = "\n".join(f"Jan {2000 + i}\tMilestone number {i} reached" for i in range(30))
    body, passages = _chunk(f"Plan\n\nDate\tMilestone\n{rows}", max_tokens=40, hard_limit=60)
    assert len(passages) > 1
    assert passages[0].text.startswith("Date\tMilestone\nJan 2000")
    assert all(line.count("\t") == 1 for p in passages for line in p.text.splitlines())


def test_over_long_unit_is_split_at_clauses_within_the_hard_limit():
    clauses = "; ".join(f"clause {i} has five words" for i in range(20))
    text = f"Heading here\n\n- ▶ {clauses}."
    body, passages = _chunk(text, max_tokens=30, hard_limit=40)
    assert len(passages) > 1
    assert all(p.n_tokens <= 40 for p in passages)
    assert all(p.text.endswith((";", ".")) for p in passages)  # cut after a clause, not mid-clause
    assert passages[0].text.startswith("• clause 0")


def test_a_word_longer_than_the_limit_is_an_error():
    with pytest.raises(IngestError, match="longer than"):
        _chunk("Heading here\n\nSome text " + "x" * 50 + ".", max_tokens=5, hard_limit=5, count=len)


def test_passages_do_not_cross_sections(fake_embedder):
    passages = ingest_paths([SHAPED], fake_embedder.count_tokens, max_tokens=1000, hard_limit=1000).passages
    sections = [p.section for p in passages]
    assert len(sections) == len(set(sections))  # one passage per section when everything fits


def test_small_neighbouring_paragraphs_are_packed_together():
    text = "Heading here\n\n" + "\n\n".join(f"Paragraph {i} is short." for i in range(6))
    body, passages = _chunk(text, max_tokens=100, hard_limit=120)
    assert len(passages) == 1 and passages[0].text.count("\n\n") == 5


def test_ids_are_stable_and_readable(fake_embedder):
    first = ingest_paths([MINI, SHAPED], fake_embedder.count_tokens).passages
    second = ingest_paths([MINI, SHAPED], fake_embedder.count_tokens).passages
    assert [p.passage_id for p in first] == [p.passage_id for p in second]
    assert [p.to_dict() for p in first] == [p.to_dict() for p in second]
    assert "mini-deal#key-commitments/ideas/government-action/support-manufacturing/001" in {
        p.passage_id for p in first}
    assert passage_id("d", (), 3) == "d#body/003"


def test_ordinals_continue_when_a_section_path_repeats():
    text = ("Key commitments\n\nIdeas\n\nGovernment action\n\nFirst text.\n\nTopic\n\nTopic text.\n\n"
            "Government action\n\nSecond text.\n\nPeople\n\nGovernment action\n\nThird text.")
    body, passages = _chunk(text, max_tokens=100, hard_limit=120)
    ids = [p.passage_id for p in passages]
    assert ids == ["doc#key-commitments/ideas/government-action/001",
                   "doc#key-commitments/ideas/government-action/topic/001",
                   "doc#key-commitments/ideas/government-action/002",
                   "doc#key-commitments/people/government-action/001"]


def test_footnotes_attach_to_the_passage_holding_the_anchor(fake_embedder):
    passages = ingest_paths([MINI], fake_embedder.count_tokens).passages
    with_notes = {p.passage_id: [(f.marker, f.anchor, f.text) for f in p.footnotes]
                  for p in passages if p.footnotes}
    assert with_notes == {
        "mini-deal#key-commitments/ideas/government-action/support-manufacturing/001":
            [(2, "Fund", "Subject to business case approval by HM Treasury")],
        "mini-deal#key-commitments/ideas/sector-action/001":
            [(1, "Zeta Pharma", "Known as Zeta Corp in the US")],
    }


def test_progress_reports_each_stage(fake_embedder):
    messages: list[str] = []
    ingest_paths([MINI], fake_embedder.count_tokens, progress=messages.append)
    stages = ["loaded", "cleaned", "sections", "passages"]
    assert len(messages) == len(stages)
    for message, stage in zip(messages, stages):
        assert message.startswith("mini-deal.txt: ") and stage in message
