"""eval.runner / eval.report / eval.tables end to end with scripted fake systems."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from dealqa.errors import InvalidQuestionError
from dealqa.settings import Settings
from dealqa.types import Answer, Citation, Hit, Passage, Turn
from eval.dataset import load_dataset
from eval.report import diagnose, write_report
from eval.runner import RunResult, main_eval, run_eval, write_run, write_runs
from eval.tables import format_tables

SAMPLE = Path(__file__).resolve().parent.parent / "eval" / "data" / "sample_qa.jsonl"

P210 = ("Through the programme we will invest up to £210m⁷ to enhance the power of health data "
        "and technology.")
PCREDIT = ("The Budget also announced an increase in the rate of the **R&D expenditure credit from "
           "11 per cent to 12 per cent** with effect from 1 January 2018.")
PSTAFF = "Construction is underway with 2,000 staff based at the Cambridge Biomedical Campus."
NOISE = [f"Unrelated passage number {i} about skills and people." for i in range(8)]


def _p(pid: str, text: str) -> Passage:
    return Passage(passage_id=pid, doc_id="deal", text=text, section=("Ideas",), start=0,
                   end=len(text))


def _answer(q: str, text: str, cite: Sequence[tuple[Passage, str]] = (),
            retrieved: Sequence[Passage] = (), abstained: bool = False,
            with_passage_text: bool = True) -> Answer:
    citations = [
        Citation(n=i, passage_id=p.passage_id, document="Deal", section=p.section_label,
                 quote=quote, start=0, end=len(quote), doc_id="deal",
                 passage_text=p.text if with_passage_text else "")
        for i, (p, quote) in enumerate(cite, start=1)
    ]
    hits = [Hit(passage=p, score=1.0 / r, rank=r) for r, p in enumerate(retrieved, start=1)]
    return Answer(question=q, text=text, citations=citations, abstained=abstained, caveats=[],
                  retrieved=hits)


class ScriptedSystem:
    """Answers from a question -> Answer table; records what it was asked."""

    def __init__(self, script: dict[str, Answer]) -> None:
        self.script = script
        self.calls: list[tuple[str, tuple[Turn, ...]]] = []

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self.calls.append((question, tuple(history)))
        if question not in self.script:
            raise InvalidQuestionError(f"no scripted answer for {question!r}")
        return self.script[question]


def _script() -> dict[str, Answer]:
    items = {i.id: i for i in load_dataset(SAMPLE)}
    p210, pcredit, pstaff = _p("d#p210", P210), _p("d#credit", PCREDIT), _p("d#staff", PSTAFF)
    noise = [_p(f"d#n{i}", t) for i, t in enumerate(NOISE)]
    q = {k: v.question for k, v in items.items()}
    return {
        # right, cited right, evidence ranked 1st
        q["sample-amount-01"]: _answer(q["sample-amount-01"], "Up to £210m [1].",
                                       [(p210, "up to £210m")], [p210, *noise]),
        # wrong figure, but the cited passage holds the evidence (ranked 2nd); the citation
        # carries no passage_text, so the runner must take it from the retrieved hits
        q["sample-amount-02"]: _answer(q["sample-amount-02"], "It rises to 11 per cent [1].",
                                       [(pcredit, "from 11 per cent")], [noise[0], pcredit],
                                       with_passage_text=False),
        # false abstention, nothing retrieved
        q["sample-date-01"]: _answer(q["sample-date-01"], "The document does not say.",
                                     abstained=True),
        q["sample-unanswerable-01"]: _answer(q["sample-unanswerable-01"],
                                             "The document does not say.", [], noise[:5],
                                             abstained=True),
        # right text, wrong citation, evidence ranked 6th (outside recall@5, inside MRR@10)
        q["sample-followup-01"]: _answer(q["sample-followup-01"], "About 2,000 staff [1].",
                                         [(noise[1], "skills and people")],
                                         [*noise[:5], pstaff]),
    }


@pytest.fixture
def items():
    return load_dataset(SAMPLE)


@pytest.fixture
def result(items) -> RunResult:
    return run_eval(ScriptedSystem(_script()), items, "fake", config={"dataset": str(SAMPLE)})


def test_run_eval_scores_every_item(result: RunResult) -> None:
    m = result.metrics["overall"]
    assert m["n_items"] == 5 and m["n_answerable"] == 4
    assert m["answer_accuracy"] == pytest.approx(3 / 5)
    assert m["evidence_recall@5"] == pytest.approx(2 / 4)
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 0 + 1 / 6) / 4)
    assert m["citation_precision"] == pytest.approx(2 / 3)
    assert m["citation_recall"] == pytest.approx(2 / 4)
    assert m["abstention_rate"] == 1.0
    assert m["false_abstention_rate"] == pytest.approx(1 / 4)
    assert m["latency_p50_ms"] is not None and m["latency_p50_ms"] >= 0
    assert result.metrics["by_category"]["amount"]["answer_accuracy"] == 0.5
    assert result.metrics["by_category"]["unanswerable"]["evidence_recall@5"] is None
    assert {r.item.id for r in result.failures} == {"sample-amount-02", "sample-date-01"}


def test_followups_are_asked_with_their_history(items) -> None:
    system = ScriptedSystem(_script())
    run_eval(system, items)
    asked = dict(system.calls)
    followup = next(i for i in items if i.history)
    assert asked[followup.question] == followup.history
    assert all(h == () for q, h in system.calls if q != followup.question)


def test_warmup_is_asked_first_and_not_scored(items) -> None:
    script = _script()
    script["warm?"] = next(iter(script.values()))
    system = ScriptedSystem(script)
    res = run_eval(system, items, warmup="warm?")
    assert system.calls[0] == ("warm?", ())
    assert len(res.records) == len(items)


def test_domain_errors_are_recorded_as_wrong_answers(items) -> None:
    script = _script()
    del script[items[0].question]
    res = run_eval(ScriptedSystem(script), items)
    rec = res.records[0]
    assert rec.error and rec.error.startswith("InvalidQuestionError")
    assert not rec.score.correct and rec.answer == ""
    assert diagnose(rec).startswith("error: InvalidQuestionError")


def test_run_file_has_exactly_the_contract_shape(result: RunResult, tmp_path: Path) -> None:
    path = write_run(result, tmp_path / "runs" / "run.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"config", "metrics", "items"}
    assert data["config"]["system"] == "fake" and data["config"]["timestamp"]
    required = {"id", "answer", "abstained", "citations", "retrieved", "latency_ms"}
    for item in data["items"]:
        assert required <= set(item)
        for c in item["citations"]:
            assert set(c) == {"passage_id", "text", "section"}
        for r in item["retrieved"]:
            assert set(r) == {"passage_id", "text", "score"}
        assert isinstance(item["latency_ms"], float)
    by_id = {i["id"]: i for i in data["items"]}
    # citations[].text is the whole cited passage, filled from the hits when the citation lacks it
    assert by_id["sample-amount-02"]["citations"][0]["text"] == PCREDIT
    top2 = [r["passage_id"] for r in by_id["sample-amount-01"]["retrieved"][:2]]
    assert top2 == ["d#p210", "d#n0"]
    assert by_id["sample-amount-01"]["retrieved"][0]["text"] == P210


def test_write_runs_names_baseline_files_beside_ours(result: RunResult, tmp_path: Path) -> None:
    other = RunResult("bm25", {**result.config, "system": "bm25"}, result.metrics, result.records)
    paths = write_runs([result, other], tmp_path / "RUN.json")
    assert [p.name for p in paths] == ["RUN.json", "RUN.bm25.json"]
    assert json.loads(paths[1].read_text())["config"]["system"] == "bm25"


def test_tables_show_systems_side_by_side(result: RunResult) -> None:
    other = RunResult("bm25", result.config, result.metrics, result.records)
    text = format_tables([result, other])
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("metric"))
    assert header.split() == ["metric", "fake", "bm25"]
    acc = next(line for line in lines if line.startswith("answer accuracy"))
    assert acc.split()[-2:] == ["0.600", "0.600"]
    assert "Per category (fake)" in text and "Per category, systems side by side" in text
    # aligned: every row of the overall table has the same width as its header
    overall = lines[: lines.index("")]
    assert len({len(line.rstrip()) for line in overall[1:]}) == 1


def test_report_and_chart(result: RunResult, tmp_path: Path) -> None:
    other = RunResult("recipe", {**result.config, "description": "baseline"}, result.metrics,
                      result.records)
    report = write_report([result, other], tmp_path / "report")
    png = tmp_path / "report" / "per_category.png"
    assert report.name == "REPORT.md"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    md = report.read_text(encoding="utf-8")
    assert "![Per-category" in md and "(per_category.png)" in md
    assert "| evidence recall@5 >= 0.95 | 0.500 ❌ not met | 0.500 ❌ not met |" in md
    assert "| abstention (unanswerable) >= 0.75 | 1.000 ✅ met |" in md
    assert "## Failed items (fake): 2 of 5" in md
    assert "**sample-amount-02** (amount)" in md
    assert "expected: `12%`" in md and "why: missing '12%'" in md
    assert "abstained (evidence recall@5 = 0.00)" in md


def test_main_eval_writes_runs_and_report(monkeypatch, tmp_path: Path, capsys) -> None:
    import eval.systems
    from eval.systems import NamedSystem

    def fake_build(settings, baselines=False):
        ours = NamedSystem("hybrid", ScriptedSystem(_script()), {"description": "ours"})
        extra = [NamedSystem("bm25", ScriptedSystem(_script()), {"description": "bm25"})]
        return [ours, *(extra if baselines else [])]

    monkeypatch.setattr(eval.systems, "build_systems", fake_build)
    script_q = next(iter(_script()))
    monkeypatch.setattr("eval.runner.WARMUP_QUESTION", script_q)
    out = tmp_path / "RUN.json"
    rc = main_eval(SAMPLE, out, True, tmp_path / "rep", Settings(model_path="unused"))
    assert rc == 0
    assert out.is_file() and (tmp_path / "RUN.bm25.json").is_file()
    assert (tmp_path / "rep" / "REPORT.md").is_file()
    cfg = json.loads(out.read_text())["config"]
    assert cfg["dataset"] == "eval/data/sample_qa.jsonl" and len(cfg["dataset_sha256"]) == 64
    assert cfg["top_k"] == 5 and cfg["model"] and "git_commit" in cfg
    assert cfg["query_cache_cleared"] is False  # the fake has no query cache to clear
    report = (tmp_path / "rep" / "REPORT.md").read_text(encoding="utf-8")
    assert "Note: no query-embedding cache could be cleared before bm25;" in report
    printed = capsys.readouterr().out
    assert "answer accuracy" in printed and "bm25" in printed


def test_report_on_a_dataset_without_unanswerable_items(items, tmp_path: Path) -> None:
    amounts = [i for i in items if i.category.value == "amount"]
    res = run_eval(ScriptedSystem(_script()), amounts, "fake")
    assert list(res.metrics["by_category"]) == ["amount"]
    md = write_report([res], tmp_path).read_text(encoding="utf-8")
    assert "| abstention (unanswerable) >= 0.75 | - n/a |" in md
    assert (tmp_path / "per_category.png").is_file()
