"""The register of the real Life Sciences Sector Deal against the hand-written gold list.

No model is needed (ingest with the fake token counter): marked integration because it reads
the real corpus and the gold file. The thresholds are what the register reaches today
(recall 1.0, precision 1.0 on 53 gold records); a change that loses any record fails here.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from test_commitments_support import ingest_text

from commitments import Theme, build_register
from commitments.reconcile import MISMATCH_FLAG
from commitments.score import DEFAULT_GOLD, load_gold, main, score_register

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ingested(real_corpus, tmp_path_factory):
    return ingest_text(tmp_path_factory.mktemp("deal"), real_corpus.read_text(encoding="utf-8"),
                       real_corpus.name)


@pytest.fixture(scope="module")
def register(ingested):
    return build_register(ingested.documents, ingested.passages)


def test_gold_scores(register):
    gold = load_gold(DEFAULT_GOLD)
    assert len(gold) >= 40
    report = score_register(register, gold)
    assert report["recall"] >= 1.0, report["missed"]
    assert report["precision"] >= 1.0, report["extra"]
    assert report["mentions_exact_rate"] >= 1.0  # every repeated fact merged, none over-merged
    assert report["qualifier_match_rate"] >= 1.0
    assert report["actor_match_rate"] >= 0.95
    assert report["purpose_match_rate"] >= 0.65


def test_the_146m_programme_does_not_add_up(register):
    (check,) = [r for r in register.reconciliations
                if register.get(r.total_id).value == Decimal(146_000_000)]
    assert (check.total, check.items_sum, check.ok) == (
        Decimal(146_000_000), Decimal(145_000_000), False)
    assert len(check.item_ids) == 5
    assert check.citations[0].quote.startswith("A £146m investment programme")
    assert [c.quote.split(" ")[0] for c in check.citations[1:]] == [
        "£12m", "£66m", "£12m", "£30m", "£25m"]
    total = register.get(check.total_id)
    assert MISMATCH_FLAG in total.flags
    assert len(total.citations) == 4  # key commitments, two detailed sentences, the table


def test_repeated_facts_carry_every_citation(register):
    seqirus = [c for c in register.commitments
               if c.value == Decimal(40_000_000) and c.unit == "GBP"]
    assert sorted(len(c.citations) for c in seqirus) == [1, 3]  # Seqirus x3, Nexus x1
    leading = max(seqirus, key=lambda c: len(c.citations))
    assert (leading.committed_by, leading.place) == ("Seqirus", "Liverpool")
    assert {c.section.split(" › ")[0] for c in leading.citations} == {
        "Executive summary", "Key commitments", "Business Environment"}
    early = [c for c in register.commitments if c.value == Decimal(210_000_000)]
    assert len(early) == 1 and early[0].conditions == [
        "Subject to business case approval by HM Treasury"]


def test_scope_decisions_on_the_real_text(register):
    raws = {s.raw: s.reason for s in register.skipped}
    assert raws["around £9.5bn"] == "baseline"
    assert raws["over £2tn"] == "no-commitment-cue"
    assert raws["over £300m"] == "historical"
    assert raws["98 per cent"] == "not-a-target"
    # the "at a glance" page is the White Paper's: none of its figures are in the register
    assert not [c for c in register.commitments for r in c.citations
                if "at a glance" in r.section]
    percent = {(c.unit, c.value) for c in register.commitments if c.unit.startswith("percent")}
    assert percent == {("percent_gdp", Decimal("2.4")), ("percent_gdp", Decimal("3")),
                       ("percent", Decimal("12"))}


def test_filters_on_the_real_register(register):
    liverpool = register.filter(place="Liverpool")
    assert {c.unit for c in liverpool} == {"GBP", "jobs"}
    vaccines = register.filter(theme=Theme.VACCINES, min_amount="50m")
    assert {c.raw for c in vaccines} >= {"£66m", "£146m"}


def test_building_is_fast(ingested):
    start = time.perf_counter()
    build_register(ingested.documents, ingested.passages)
    assert time.perf_counter() - start < 2.0


def test_score_command(capsys, real_corpus):
    assert main(["--corpus", str(real_corpus.parent)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("recall 1.000  precision 1.000")
