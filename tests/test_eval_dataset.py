"""eval.dataset: loading, strict validation with line numbers, the evidence sanity check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dealqa.errors import DealQAError
from dealqa.types import Turn
from eval.dataset import Category, DatasetError, QAItem, load_dataset, missing_evidence
from eval.runner import DEFAULT_DATASET

SAMPLE = Path(__file__).resolve().parent.parent / "eval" / "data" / "sample_qa.jsonl"

GOOD = {
    "id": "a1", "category": "amount", "question": "How much?", "answer": "£5m",
    "must_include": ["£5m"], "evidence": ["a £5m fund"], "section": "Ideas",
}


def _write(tmp_path: Path, *rows: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sample_dataset_loads() -> None:
    items = load_dataset(SAMPLE)
    assert len(items) == 5
    assert all(isinstance(i, QAItem) for i in items)
    followup = next(i for i in items if i.category is Category.FOLLOWUP)
    assert followup.history and isinstance(followup.history[0], Turn)
    unanswerable = next(i for i in items if i.category is Category.UNANSWERABLE)
    assert not unanswerable.answerable and not unanswerable.evidence


def test_default_dataset_path_is_inside_the_eval_package() -> None:
    assert DEFAULT_DATASET == SAMPLE.parent / "dev_qa.jsonl"


def test_blank_lines_are_skipped_and_extra_keys_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD, "", {**GOOD, "id": "a2", "notes": "anything"})
    assert [i.id for i in load_dataset(path)] == ["a1", "a2"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", r"qa\.jsonl:2: invalid JSON"),
        ([1, 2], r":2: expected a JSON object, got list"),
        ({k: v for k, v in GOOD.items() if k != "evidence"}, r":2: missing key\(s\) evidence"),
        ({**GOOD, "category": "trivia"}, r":2: unknown category 'trivia' \(allowed: amount,"),
        ({**GOOD, "question": "  "}, r":2: 'question' must be a non-empty string"),
        ({**GOOD, "must_include": "£5m"}, r":2: 'must_include' must be a list of non-empty"),
        ({**GOOD, "evidence": ["ok", ""]}, r":2: 'evidence' must be a list of non-empty"),
        ({**GOOD, "must_include": []}, r":2: answerable items need non-empty"),
        ({**GOOD, "category": "unanswerable"}, r":2: unanswerable items must have empty"),
        ({**GOOD, "category": "followup"}, r":2: followup items need a non-empty 'history'"),
        ({**GOOD, "history": [{"q": "x"}]}, r":2: history\[0\] must be an object"),
        ({**GOOD, "history": "x"}, r":2: 'history' must be a list"),
        (GOOD, r":2: duplicate id 'a1' \(first on line 1\)"),
    ],
)
def test_bad_line_is_named_with_its_number(tmp_path: Path, bad: object, message: str) -> None:
    path = _write(tmp_path, GOOD, bad)
    with pytest.raises(DatasetError, match=message) as exc:
        load_dataset(path)
    assert "fix that line" in str(exc.value) or "make ids unique" in str(exc.value)
    assert "\n" not in str(exc.value)


def test_dataset_errors_are_domain_errors(tmp_path: Path) -> None:
    assert issubclass(DatasetError, DealQAError) and issubclass(DatasetError, ValueError)
    with pytest.raises(DatasetError, match="dataset not found"):
        load_dataset(tmp_path / "nope.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="no items"):
        load_dataset(empty)


def test_missing_evidence_reports_quotes_absent_from_the_texts(fixture_corpus: Path) -> None:
    item = QAItem(
        id="m", category=Category.AMOUNT, question="?", answer="", section="",
        must_include=("£12m",),
        evidence=("Acme Biologics have committed to £12m investment", "a quote nobody wrote"),
    )
    texts = [fixture_corpus.read_text(encoding="utf-8")]
    assert missing_evidence([item], texts) == [("m", "a quote nobody wrote")]


def test_sample_evidence_is_verbatim_in_the_real_corpus(real_corpus: Path) -> None:
    assert missing_evidence(load_dataset(SAMPLE), [real_corpus.read_text(encoding="utf-8")]) == []
