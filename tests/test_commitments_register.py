"""build_register end to end on small documents: dedupe, reconciliation, conditions, filters,
formats, JSON round trip and errors (fixture corpus + FakeEmbeddings' token counter)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from test_commitments_support import register_of, register_of_text

from commitments import (
    ActorKind,
    InvalidFilterError,
    Qualifier,
    Register,
    Theme,
    build_register,
    load_register,
    main_commitments,
    save_register,
)
from commitments.reconcile import MISMATCH_FLAG
from dealqa.errors import IndexCorruptError, IndexMissingError

# A deal-shaped document unlike the fixture: other names, places, currencies and wording.
ROBOTICS = """HM Government

Robotics Sector Deal

Executive summary

People

The deal will help the sector train 3,000 new engineers by 2025 and the government will provide £18m to expand robotics apprenticeships.

Places

A £60m Robotics Campus in Sunderland will anchor the north east cluster.

Key commitments

Government action

Build the robotics research base

- ▶ A £90m programme from UK Research and Innovation will fund robotics research, including:
 - £40m for four Robotics Hubs;
 - £35m to support doctoral training; and
 - £10m on a national testbed in Bristol.
- ▶ We will raise the small business research credit to 15 per cent from April 2019.

Sector action

- ▶ Botworks Ltd has committed to invest €25m in a new assembly plant in Grangemouth, creating around 250 skilled jobs; and
- ▶ Helix Automation, with over 400 employees already in the UK, will open a £12m design studio in Belfast.

Places

Build the robotics research base

The government has already invested £150m in robotics since 2014. A £60m Robotics Campus in Sunderland, funded by the North East Combined Authority, will open in 2020¹ and will employ up to 120 researchers.

Botworks Ltd, a Danish manufacturer, announced that it will invest €25m in its first UK assembly plant in Grangemouth, creating around 250 skilled jobs.

Implementation plan

Date\tMilestone
Mar 2018\t£90m UKRI robotics programme launched

References

1. Subject to planning approval
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Register:
    from conftest import FIXTURES

    return register_of(FIXTURES / "corpus" / "mini-deal.txt")


@pytest.fixture(scope="module")
def robotics(tmp_path_factory) -> Register:
    return register_of_text(tmp_path_factory.mktemp("robotics"), ROBOTICS)


def _by_raw(register: Register, raw: str):
    found = [c for c in register.commitments if c.raw == raw]
    assert len(found) == 1, [c.raw for c in register.commitments]
    return found[0]


def test_fixture_records_values_units_and_qualifiers(mini):
    summary = {(c.unit, c.value, c.qualifier) for c in mini.commitments}
    assert ("GBP", Decimal(12_000_000), Qualifier.NONE) in summary
    assert ("USD", Decimal(30_000_000), Qualifier.NONE) in summary
    assert ("jobs", 80, Qualifier.NEARLY) in summary
    assert ("scientists", 60, Qualifier.UP_TO) in summary
    assert ("years", 3, Qualifier.NONE) in summary
    # "more than 10 businesses" is not a promise; the 300 staff are already there; the share
    # of vaccines shipped overseas describes trade, it commits nothing
    assert not any(c.unit in ("businesses", "staff") for c in mini.commitments)
    assert [s.raw for s in mini.skipped] == ["90 per cent", "300 staff"]


def test_summary_and_detail_mentions_are_one_record(mini):
    acme = _by_raw(mini, "£12m")
    assert len(acme.citations) == 2
    sections = {c.section.split(" › ")[0] for c in acme.citations}
    assert sections == {"Key commitments", "Ideas"}
    assert (acme.committed_by, acme.committed_by_kind) == ("Acme Biologics", ActorKind.COMPANY)
    assert acme.place == "Liverpool"
    jobs = _by_raw(mini, "nearly 80 high-value jobs")
    assert len(jobs.citations) == 2
    viral = [c for c in mini.commitments if c.value == Decimal(5_000_000)]
    assert len(viral) == 1 and len(viral[0].citations) == 2  # bullet + implementation table
    assert viral[0].period == "Oct 2017"


def test_list_lines_are_separate_facts_and_the_total_reconciles(mini):
    lines = [c for c in mini.commitments if c.value == Decimal(20_000_000)]
    assert {c.purpose for c in lines} == {"Vaccines Centre", "support collaborative R&D"}
    (check,) = mini.reconciliations
    assert check.ok and check.items_sum == check.total == Decimal(50_000_000)
    assert len(check.item_ids) == 3 and len(check.citations) == 4


def test_footnote_condition_binds_the_programme_and_its_lines(mini):
    programme = mini.get(mini.reconciliations[0].total_id)
    assert programme.conditions == ["Subject to business case approval by HM Treasury"]
    for item_id in mini.reconciliations[0].item_ids:
        assert mini.get(item_id).conditions == programme.conditions
    assert _by_raw(mini, "$30m").conditions == []  # its footnote is a name note


def test_citations_quote_the_cleaned_text(tmp_path):
    from conftest import FIXTURES

    from test_commitments_support import ingest_text

    result = ingest_text(tmp_path, (FIXTURES / "corpus" / "mini-deal.txt").read_text())
    register = build_register(result.documents, result.passages)
    text = result.documents[0].text
    ids = {p.passage_id for p in result.passages}
    for c in register.commitments:
        for ref in c.citations:
            assert text[ref.start:ref.end] == ref.quote
            assert ref.passage_id in ids


def test_unseen_document_itemised_mismatch_and_merges(robotics):
    total = _by_raw(robotics, "£90m")
    assert MISMATCH_FLAG in total.flags and len(total.citations) == 2  # bullet + table row
    (check,) = robotics.reconciliations
    assert (check.total, check.items_sum, check.ok) == (
        Decimal(90_000_000), Decimal(85_000_000), False)
    assert check.citations[0].quote.startswith("A £90m programme")
    plant = _by_raw(robotics, "€25m")
    assert (plant.unit, plant.place, plant.committed_by) == ("EUR", "Grangemouth", "Botworks Ltd")
    assert len(plant.citations) == 2
    campus = _by_raw(robotics, "£60m")
    assert campus.conditions == ["Subject to planning approval"] and len(campus.citations) == 2
    assert _by_raw(robotics, "£18m").committed_by_kind is ActorKind.GOVERNMENT
    assert _by_raw(robotics, "15 per cent").unit == "percent"
    assert {s.raw for s in robotics.skipped} == {"over 400 employees", "£150m"}
    assert len(robotics) == 12


def test_filters(robotics):
    assert {c.raw for c in robotics.filter(place="grangemouth")} == {"€25m",
                                                                     "around 250 skilled jobs"}
    assert robotics.filter(place="Sunder") == []  # whole words only
    big = robotics.filter(min_amount="50m")
    assert {c.raw for c in big} == {"£60m", "£90m"}  # counts and percentages drop out
    assert robotics.filter(min_amount=Decimal(90_000_000)) == [_by_raw(robotics, "£90m")]
    skills = robotics.filter(theme="skills-and-immigration")
    assert skills and all(Theme.SKILLS_AND_IMMIGRATION in c.themes for c in skills)
    assert robotics.filter(theme=Theme.TAX, place="Belfast") == []
    with pytest.raises(InvalidFilterError, match="cannot read the amount"):
        robotics.filter(min_amount="lots")
    with pytest.raises(InvalidFilterError, match="min_amount must be >= 0"):
        robotics.filter(min_amount=-1)


def test_main_commitments_formats(robotics):
    table = main_commitments(robotics, place="Grangemouth")
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["id", "amount", "purpose"]
    assert "€25m" in table and "2 commitments" in table
    rows = list(csv.DictReader(io.StringIO(main_commitments(robotics, fmt="csv"))))
    assert len(rows) == 12 and rows[0]["id"].startswith("test-deal#")
    payload = json.loads(main_commitments(robotics, min_amount="80m", fmt="json"))
    assert [c["raw"] for c in payload["commitments"]] == ["£90m"]
    assert len(payload["reconciliations"]) == 1  # the selected total keeps its check
    assert "does NOT add up" in main_commitments(robotics, min_amount="80m")
    with pytest.raises(InvalidFilterError, match="unknown format"):
        main_commitments(robotics, fmt="xml")


def test_json_round_trip(robotics, tmp_path):
    path = save_register(robotics, tmp_path)
    assert path.name == "commitments.json"
    loaded = load_register(tmp_path)
    assert loaded.commitments == robotics.commitments
    assert loaded.reconciliations == robotics.reconciliations
    assert loaded.skipped == robotics.skipped
    assert isinstance(loaded.get(_by_raw(robotics, "£90m").id).value, Decimal)
    assert isinstance(_by_raw(loaded, "around 250 skilled jobs").value, int)
    assert not list(tmp_path.glob(".commitments-*"))  # the temporary file is gone


def test_load_errors_say_what_to_do(tmp_path):
    with pytest.raises(IndexMissingError, match="run `dealqa ingest`"):
        load_register(tmp_path / "nowhere.json")
    bad = tmp_path / "commitments.json"
    bad.write_text('{"format": "something-else"}')
    with pytest.raises(IndexCorruptError, match="unreadable"):
        load_register(bad)
    bad.write_text("{not json")
    with pytest.raises(IndexCorruptError):
        load_register(bad)


def test_build_register_validates_and_excludes_sections(tmp_path):
    with pytest.raises(ValueError, match="merge_threshold must be in"):
        build_register([], [], merge_threshold=0)
    text = ("Industrial Strategy at a glance\n\nIdeas\n\n- ▶ Invest £725m in new programmes\n\n"
            "Key commitments\n\nIdeas\n\n- ▶ The government will invest £5m in a new centre.\n")
    register = register_of_text(tmp_path, text)
    assert [c.raw for c in register.commitments] == ["£5m"]
    everything = build_register(*_ingested(tmp_path, text), excluded_sections=())
    assert {c.raw for c in everything.commitments} == {"£5m", "£725m"}


def _ingested(tmp_path, text):
    from test_commitments_support import ingest_text

    result = ingest_text(tmp_path, text, "again.txt")
    return result.documents, result.passages


def test_document_structure_links_lines_to_their_list(tmp_path):
    from commitments.structure import read_document
    from test_commitments_support import ingest_text

    result = ingest_text(tmp_path, ROBOTICS)
    view = read_document(result.documents[0], result.passages)
    by_text = {view.block_text(b.index).split(" ")[0]: b for b in view.blocks}
    programme, line = by_text["A"], by_text["£35m"]
    assert (line.depth, line.parent, line.list_id) == (1, programme.index, programme.list_id)
    assert programme.parent is None and programme.lead_in is None
    assert by_text["Mar"].kind.value == "table_row" and by_text["Mar"].list_id is None
    # every sentence lies inside its block
    for s in view.sentences:
        block = view.blocks[s.block]
        assert block.start <= s.start < s.end <= block.end


def test_gold_file_errors(tmp_path):
    from commitments.score import load_gold
    from dealqa.errors import DealQAError

    with pytest.raises(DealQAError, match="no gold file"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"value": "5", "unit": "GBP"}\n')
    with pytest.raises(DealQAError, match="missing purpose, evidence"):
        load_gold(bad)


def test_scorer_counts_unmerged_duplicates_as_false_positives(robotics):
    from commitments.score import GoldRecord, score_register

    gold = [GoldRecord(Decimal(90_000_000), "GBP", "UKRI robotics research programme",
                       "A £90m programme from UK Research and Innovation")]
    one = score_register(robotics.select([_by_raw(robotics, "£90m")]), gold)
    assert (one["recall"], one["precision"]) == (1.0, 1.0)
    twice = robotics.select([_by_raw(robotics, "£90m")] * 2)
    assert score_register(twice, gold)["precision"] == 0.5
