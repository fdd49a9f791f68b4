"""Structure: title, status, headings and section paths (fixtures, then the real corpus)."""

from __future__ import annotations

import pytest
from test_ingest_support import MINI, SHAPED

from dealqa.types import DocStatus, Passage
from ingest import ingest_paths
from ingest.blocks import BlockParser, split_raw_blocks
from ingest.outline import Outliner

KC, ES = "Key commitments", "Executive summary"
GOV = "Government action to support the sector"


def _sections(text: str, **kwargs) -> list[tuple[str, ...]]:
    """Section path of each body block (headings left out)."""
    outline = Outliner(**kwargs).run(BlockParser().run(split_raw_blocks(text)))
    return [sb.section for sb in outline.blocks if not sb.is_heading]


def _passage_with(passages: list[Passage], needle: str) -> Passage:
    found = [p for p in passages if needle in p.text]
    assert len(found) == 1, f"{len(found)} passages contain {needle!r}"
    return found[0]


@pytest.fixture(scope="module")
def shaped(fake_embedder_module):
    return ingest_paths([SHAPED], fake_embedder_module.count_tokens)


@pytest.fixture(scope="module")
def fake_embedder_module():
    from conftest import FakeEmbeddings

    return FakeEmbeddings()


def test_title_status_and_ids_of_the_fixtures(fake_embedder):
    result = ingest_paths([MINI, SHAPED], fake_embedder.count_tokens)
    mini, shaped = result.documents
    assert (mini.doc_id, mini.title) == ("mini-deal", "Industrial Strategy: Mini Sector Deal")
    assert (mini.status, mini.status_note) == (DocStatus.WITHDRAWN, "Withdrawn 1 May 2024")
    assert shaped.title == "Industrial Strategy: Shaped Sector Deal"
    assert shaped.status_note == "Superseded by the Shaped Sector Deal 2020"
    assert [p.doc_id for p in result.passages] == sorted(p.doc_id for p in result.passages)


def test_running_header_is_dropped_but_title_lines_stay(shaped):
    text = shaped.documents[0].text
    # The status stamp stands once, after the title lines (every page's copy is dropped).
    assert text.startswith("HM Government\n\nIndustrial Strategy\n\nShaped Sector Deal\n\n"
                           "Superseded by the Shaped Sector Deal 2020\n\nForeword")
    assert text.count("Superseded by") == 1
    assert text.count("Shaped Sector Deal\n") == 1  # the running header is dropped


def test_mini_fixture_section_paths(fake_embedder):
    passages = ingest_paths([MINI], fake_embedder.count_tokens).passages
    assert _passage_with(passages, "£1.5bn").section == (ES, "Ideas")
    assert _passage_with(passages, "£20m on a Vaccines Centre").section == (
        KC, "Ideas", "Government action", "Support manufacturing")
    # "Sector action" occurs once, but shares all but its first word with the strand.
    assert _passage_with(passages, "Zeta Pharma").section == (KC, "Ideas", "Sector action")
    assert _passage_with(passages, "settlement after three years").section == (KC, "People", "Government action")
    # "Ideas" again inside Key commitments closes the part: the detailed chapter is top level.
    assert _passage_with(passages, "300 staff").section == ("Ideas", "Support manufacturing")
    assert _passage_with(passages, "Oversight Board").section == ("Implementation plan",)


def test_shaped_fixture_section_paths(shaped):
    passages = shaped.passages
    assert _passage_with(passages, "Rt Hon Jane Doe MP").section == ("Foreword",)  # signature, not heading
    assert _passage_with(passages, "£12m on a Diagnostics Centre").section == (
        KC, "Ideas", GOV, "Raise the intensity of research and development")
    assert _passage_with(passages, "Beta Bio").section == (KC, "Ideas", "Sector action to support the sector")
    assert _passage_with(passages, "Reduce red tape").section == (KC, "Business Environment", GOV)
    assert _passage_with(passages, "Seqirus").section == ("Business Environment", "Support the growth of manufacturing")
    assert _passage_with(passages, "Known as Acme Labs Inc. in the US, the").section == (
        "Ideas", "Raise the intensity of research and development")


def test_headings_need_body_and_long_taglines_are_not_headings():
    text = (
        "Overview of things\n\nAI & Data Economy\n\n"
        "We will put the UK at the forefront of the artificial intelligence and data revolution\n\n"
        "Implement a regional approach by working closely with key clusters and the devolved administrations\n\n"
        "As highlighted in the strategy, activity is spread across the UK."
    )
    outline = Outliner().run(BlockParser().run(split_raw_blocks(text)))
    headings = [sb.block.text for sb in outline.blocks if sb.is_heading]
    assert headings == ["AI & Data Economy",
                        "Implement a regional approach by working closely with key clusters and the devolved administrations"]
    assert outline.title == "Overview of things"


def test_pillars_are_configurable():
    text = "Key commitments\n\nGrowth\n\nSome text.\n\nSkills\n\nMore text.\n\nGrowth\n\nChapter text."
    assert _sections(text, pillars=("Growth", "Skills")) == [
        (KC, "Growth"), (KC, "Skills"), ("Growth",)]
    with pytest.raises(ValueError, match="not a string"):
        Outliner(pillars="Growth")


def test_markdown_headings_give_levels():
    text = "# The Deal\n\nIntro text.\n\n## Ideas\n\nIdeas text.\n\n### Genomics\n\nGenome text.\n\n## People\n\nPeople text."
    outline = Outliner().run(BlockParser().run(split_raw_blocks(text)))
    assert outline.title == "The Deal"
    body = [(sb.section, sb.block.text) for sb in outline.blocks if not sb.is_heading]
    assert body == [((), "Intro text."), (("Ideas",), "Ideas text."), (("Ideas", "Genomics"), "Genome text."),
                    (("People",), "People text.")]


# -- the real corpus -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(real_corpus, fake_embedder_module):
    return ingest_paths([real_corpus], fake_embedder_module.count_tokens)


@pytest.mark.integration
def test_real_document_record(real):
    (doc,) = real.documents
    assert doc.doc_id == "life-sciences-sector-deal-2017"
    assert doc.title == "Industrial Strategy: Life Sciences Sector Deal"
    assert (doc.status, doc.status_note) == (DocStatus.WITHDRAWN, "Withdrawn 23 June 2025")
    assert len(doc.sha256) == 64


@pytest.mark.integration
def test_real_top_level_parts_in_order(real):
    tops: list[str] = []
    for p in real.passages:
        if not tops or tops[-1] != p.section[0]:
            tops.append(p.section[0])
    assert tops == ["Document status", "Foreword", "Industrial Strategy at a glance", ES, KC, "Ideas", "Business Environment",
                    "Places", "People", "Implementation plan", "Governance", "References",
                    "© Crown copyright 2017"]


@pytest.mark.integration
def test_real_section_paths(real):
    ps = real.passages
    gov, sector = "Government action to support life sciences", "Sector action to support life sciences"
    assert _passage_with(ps, "£66m on a Vaccines Development & Manufacturing Centre").section == (
        KC, "Business Environment", gov, "Support the growth of medicines manufacturing")
    seqirus = [p for p in ps if "Seqirus" in p.text]
    assert [p.section for p in seqirus] == [
        (ES, "Business Environment"),
        (KC, "Business Environment", sector, "Private sector investments & growth"),
        ("Business Environment", "Support the growth of medicines manufacturing"),
    ]
    assert [p.section[:3] for p in ps if "Novo Nordisk" in p.text] == [
        (KC, "Ideas", sector), ("Ideas", "Raise the intensity of research and development (R&D) in the UK")]
    assert _passage_with(ps, "Reduce red tape").section[:3] == (KC, "People", gov)
    assert _passage_with(ps, "Industry-led skills initiatives:").section == (KC, "People", sector)
    assert _passage_with(ps, "Change immigration rules to enable world-leading").section[0] == KC
    assert _passage_with(ps, "QIAGEN, a leading provider of molecular testing solutions that enable valuable "
                             "insights to be gained from an biological").section[0] == "Places"
    assert _passage_with(ps, "Metabolon").section == ("Ideas", "Genomics")
    assert _passage_with(ps, "Oversight Board's first meeting").section == ("Implementation plan", "Key deal activities")
    assert _passage_with(ps, "Rt Hon Greg Clark MP").section == ("Foreword",)


def test_titles_over_one_paragraph_each_after_a_lead_in_form_one_list() -> None:
    text = ("Title\n\nIndustrial Strategy\n\nPart one\n\nWe will set Grand Challenges:\n\n"
            "Clean Growth\n\nWe will maximise the advantages of clean growth.\n\n"
            "Future of Mobility\n\nWe will lead in the way people and goods move.\n\n"
            "Ageing Society\n\nWe will meet the needs of an ageing society.\n\n"
            "Key policies include:\n\n- ▶ Raise investment to 2.4 per cent of GDP\n")
    outline = Outliner().run(BlockParser().run(split_raw_blocks(text)))
    body = [sb for sb in outline.blocks if not sb.is_heading]
    items = [sb for sb in body if sb.block.kind.value == "list"][0]
    assert items.block.text.splitlines()[1] == \
        "• Future of Mobility: We will lead in the way people and goods move."
    # No section per title: the list and what follows stay under the lead-in's heading.
    assert {sb.section for sb in body} == {("Part one",)}


def test_two_titled_paragraphs_stay_sections() -> None:
    text = ("Title\n\nIndustrial Strategy\n\nPart one\n\nWe will set two challenges:\n\n"
            "Clean Growth\n\nWe will maximise the advantages of clean growth.\n\n"
            "Future of Mobility\n\nWe will lead in the way people and goods move.\n")
    sections = _sections(text)
    assert any(s[-1] == "Clean Growth" for s in sections)
