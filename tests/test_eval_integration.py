"""The runner on the real assistant (real model, real corpus, index built in a temp dir)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.dataset import load_dataset
from eval.report import write_report
from eval.runner import run_eval, write_run

SAMPLE = Path(__file__).resolve().parent.parent / "eval" / "data" / "sample_qa.jsonl"
IDS = ("sample-amount-01", "sample-unanswerable-01", "sample-followup-01")


def _build_assistant_or_skip():
    try:
        from assistant import build_assistant
        from ingest import ingest_paths  # noqa: F401  (build_assistant needs it to index)
    except ImportError as err:
        pytest.skip(f"assistant.build_assistant / ingest.ingest_paths not available yet ({err})")
    return build_assistant


@pytest.mark.integration
def test_real_assistant_on_three_items(tmp_path: Path, request) -> None:
    build_assistant = _build_assistant_or_skip()
    real_embedder = request.getfixturevalue("real_embedder")  # after the skip: it loads the model
    from dealqa.settings import get_settings

    settings = get_settings().model_copy(update={"index_dir": tmp_path / "index"})
    assistant = build_assistant(settings, embedder=real_embedder)
    items = [i for i in load_dataset(SAMPLE) if i.id in IDS]
    assert len(items) == 3

    result = run_eval(assistant, items, "hybrid", warmup="What does this deal commit to?")
    data = json.loads(write_run(result, tmp_path / "run.json").read_text(encoding="utf-8"))
    report = write_report([result], tmp_path / "report")

    by_id = {i["id"]: i for i in data["items"]}
    assert set(by_id) == set(IDS)
    for item in data["items"]:
        assert item["latency_ms"] > 0
        if not item["abstained"]:
            assert len(item["retrieved"]) >= 5
            assert item["citations"] and all(c["text"] for c in item["citations"])
    # The easy ones: a verbatim figure and a follow-up on a named campus. Retrieval must find
    # their evidence in the top 5, whatever the answerer then does with it.
    assert by_id["sample-amount-01"]["recall_at_5"] == 1.0
    assert by_id["sample-followup-01"]["recall_at_5"] == 1.0
    assert result.metrics["overall"]["n_items"] == 3
    assert (tmp_path / "report" / "per_category.png").is_file() and report.is_file()
