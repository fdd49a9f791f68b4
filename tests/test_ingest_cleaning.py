"""Cleaning: inline markup, noise lines, page-break joins, bullets, tables."""

from __future__ import annotations

import re

import pytest
from test_ingest_support import MINI, SHAPED

from dealqa.types import DocStatus
from ingest import ingest_paths
from ingest.blocks import BlockKind, BlockParser, LineRole, split_raw_blocks
from ingest.inline import InlineCleaner
from ingest.noise import NoiseFilter, is_status_line


def _anchors(raw: str) -> list[tuple[int, str]]:
    cleaned = InlineCleaner().run(raw)
    return [(m.number, cleaned.text[m.anchor_start:m.anchor_end]) for m in cleaned.markers]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("a **bold** word", "a bold word"),
        ("the *Financing Growth* paper", "the Financing Growth paper"),
        ("a \\$100m contract", "a $100m contract"),
        ("a literal \\*star\\* stays", "a literal *star* stays"),
        ("stray ** marker", "stray marker"),
        ("see <https://example.org/x>", "see https://example.org/x"),
        ("  many   spaces\u00a0here ", "many spaces here"),
        ("**Professor Sir John Bell GBE, FRS**", "Professor Sir John Bell GBE, FRS"),
        ("2 * 3 * 4 stays arithmetic", "2 * 3 * 4 stays arithmetic"),
    ],
)
def test_inline_markup_is_removed(raw, text):
    assert InlineCleaner().run(raw).text == text


@pytest.mark.parametrize(
    ("raw", "text", "anchors"),
    [
        ("invest up to £210m² to enhance", "invest up to £210m to enhance", [(2, "£210m")]),
        ("science from **MSD**¹. This", "science from MSD. This", [(1, "MSD")]),
        ("Challenge Fund⁵ including:", "Challenge Fund including:", [(5, "Fund")]),
        ("early diagnostics ⁶ and ISCF", "early diagnostics and ISCF", [(6, "diagnostics")]),
        ("the *Financing Growth in Innovative Firms*¹¹, part", "the Financing Growth in Innovative Firms, part",
         [(11, "Financing Growth in Innovative Firms")]),
        ("by 2020⁴.", "by 2020.", [(4, "2020")]),
        ("(Partners¹⁴) across", "(Partners) across", [(14, "Partners")]),
    ],
)
def test_footnote_markers_are_stripped_and_anchored(raw, text, anchors):
    assert InlineCleaner().run(raw).text == text
    assert _anchors(raw) == anchors


def test_markers_are_kept_as_text_when_not_stripping():
    assert InlineCleaner(strip_markers=False).run("an area of 40m²").text == "an area of 40m²"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Withdrawn 23 June 2025", True),
        ("**Withdrawn 23 June 2025**", True),
        ("Superseded by the Shaped Sector Deal 2020", True),
        ("Archived 3 March 2021", True),
        ("This publication was withdrawn on 23 June 2025", True),
        ("Withdrawn products were recalled by the regulator after a long review of the evidence base.", False),
        ("The deal was not withdrawn.", False),
    ],
)
def test_status_lines(line, status):
    assert is_status_line(line) is status


def test_noise_filter_drops_watermarks_and_image_descriptions():
    blocks = split_raw_blocks(
        "Title\n\nWithdrawn 1 May 2024\n\nThe background of the page features a map.\n\n"
        "Body text.\n\n12\n\n---\n\nThe image shows nothing useful.\n\nThe page is the end."
    )
    out = NoiseFilter().run(blocks)
    assert out.status is DocStatus.WITHDRAWN and out.status_note == "Withdrawn 1 May 2024"
    assert out.blocks == [["Title"], ["Body text."], ["The page is the end."]]


def test_no_status_means_current():
    assert NoiseFilter().run([["Just text."]]).status is DocStatus.CURRENT


def test_page_breaks_are_healed():
    raw = "- ▶ a new cholesterol-\n\nlowering drug; and\n\n- ▶ next item\n\nA paragraph cut at the\n\nbest place."
    blocks = BlockParser().run(split_raw_blocks(raw))
    assert [b.kind for b in blocks] == [BlockKind.LIST, BlockKind.PARAGRAPH]
    assert [ln.text.text for ln in blocks[0].lines] == ["a new cholesterol-lowering drug; and", "next item"]
    assert blocks[1].text == "A paragraph cut at the best place."


def test_bullets_are_normalised_with_sub_items():
    raw = (
        "- ▶ A programme will support, including:\n - £12m on a centre;\n - £8m on R&D; and\n"
        "- ▶ A further £16m.\n\n▶ Reinforcing skills:\n\n- The government will act; and\n\n"
        "- The government will act again.\n\n► A new top item.\n\n1. A numbered entry"
    )
    (block,) = BlockParser().run(split_raw_blocks(raw))
    roles = [ln.role for ln in block.lines]
    assert roles == [LineRole.ITEM, LineRole.SUB_ITEM, LineRole.SUB_ITEM, LineRole.ITEM, LineRole.ITEM,
                     LineRole.SUB_ITEM, LineRole.SUB_ITEM, LineRole.ITEM, LineRole.NUMBERED]
    assert block.text.splitlines()[:3] == [
        "• A programme will support, including:", "  ◦ £12m on a centre;", "  ◦ £8m on R&D; and"]
    assert block.text.splitlines()[-1] == "1. A numbered entry"


def test_plain_dash_list_without_arrows_is_top_level():
    (block,) = BlockParser().run(split_raw_blocks("Intro:\n- one:\n- two"))[1:]
    assert [ln.role for ln in block.lines] == [LineRole.ITEM, LineRole.ITEM]


def test_tables_keep_tab_separated_cells_and_pipe_tables_convert():
    blocks = BlockParser().run(split_raw_blocks(
        "Date\tMilestone\nAug 2017\t**Strategy** launched\n\n| A | B |\n|---|---|\n| 1 | \\$2 |"))
    assert [b.kind for b in blocks] == [BlockKind.TABLE, BlockKind.TABLE]
    assert blocks[0].text == "Date\tMilestone\nAug 2017\tStrategy launched"
    assert blocks[1].text == "A\tB\n1\t$2"


@pytest.mark.parametrize("path", [MINI, SHAPED], ids=["mini", "shaped"])
def test_fixture_text_is_clean(path, fake_embedder):
    doc = ingest_paths([path], fake_embedder.count_tokens).documents[0]
    # The status stamp stands once, as its own section's text; every page's copy is dropped.
    body = "\n\n".join(p.text for p in ingest_paths([path], fake_embedder.count_tokens).passages
                         if p.section != ("Document status",))
    assert sum(doc.text.count(w) for w in ("Withdrawn", "Superseded")) == 1
    for noise in ("Withdrawn", "Superseded"):
        assert noise not in body, noise
    for noise in ("**", "\\$", "The background of the page", "The image shows",
                  "▶", "►"):
        assert noise not in doc.text, noise
    assert not re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", doc.text)
    assert "$30m" in doc.text or "$40m" in doc.text


def test_shaped_fixture_joins_split_paragraphs(fake_embedder):
    doc = ingest_paths([SHAPED], fake_embedder.count_tokens).documents[0]
    assert "cholesterol-lowering drug; and" in doc.text
    assert "the partners deepen their work together" in doc.text
    assert "Health Advanced Research Programme and other projects" in doc.text  # capitalised continuation
    assert "'fill and finish' facility in Liverpool" in doc.text
    assert "Secretary of State for Business, Energy and Industrial Strategy" in doc.text


@pytest.mark.integration
def test_real_corpus_is_clean(real_corpus, fake_embedder):
    doc = ingest_paths([real_corpus], fake_embedder.count_tokens).documents[0]
    text = doc.text
    assert text.count("Withdrawn 23 June 2025") == 1  # the stamp once, not on every page
    assert "The background of the page features" not in text and "stylized map" not in text
    assert "**" not in text and "\\$" not in text and "▶" not in text
    assert not re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", text)
    assert "more than $100m contract" in text
    assert "a new cholesterol-lowering investigational drug; and" in text
    assert "the best place to start and grow a business" in text
    assert "Health Advanced Research Programme and take forward infrastructure projects" in text
    assert "'fill and finish' facility in Liverpool, creating nearly 100 high-value jobs" in text
    assert "from MSD. This builds on" in text
    assert "Aug 2017\tLife Science Industrial Strategy launched" in text
