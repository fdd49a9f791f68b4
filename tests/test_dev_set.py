"""Checks on the hand-written QA sets (eval/data/dev_qa.jsonl and the blind sets
eval/data/blind*_qa.jsonl, ids prefixed "b-" to "e-"). Fast: no model, no index.

The dev set is only useful if its gold data is exactly right, so besides schema checks every
evidence quote is located verbatim in the corpus (within a single paragraph, as a retriever's
chunk would hold it) and every must_include string is backed by the answer or an evidence quote.
The normaliser lives here on purpose: the eval engineer's metrics have their own, and this file
pins down what "verbatim" means for the data itself.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "data" / "dev_qa.jsonl"
# Blind sets, written by helpers that saw only the corpus and the format (see README).
BLIND_SETS = {ROOT / "eval" / "data" / f"{name}_qa.jsonl": prefix
              for name, prefix in (("blind", "b-"), ("blind2", "c-"), ("blind3", "d-"),
                                         ("blind4", "e-"), ("blind5", "f-"), ("blind6", "g-"),
                                         ("blind7", "h-"), ("blind8", "i-"), ("blind9", "j-"),
                                         ("blind10", "k-"), ("blind11", "l-"),
                                         ("blind12", "m-"), ("blind13", "n-"),
                                         ("blind14", "o-"), ("blind15", "p-"),
                                         ("blind16", "q-"), ("blind17", "r-"),
                                         ("blind18", "s-"), ("blind19", "t-"),
                                         ("blind20", "u-"), ("blind21", "v-"),
                                         ("blind22", "w-"), ("blind23", "x-"),
                                         ("blind24", "y-"), ("blind25", "z-"),
                                         ("blind26", "za-"), ("blind27", "zb-"),
                                         ("blind28", "zc-"), ("blind29", "zd-"), ("blind30", "ze-"),
                                         ("blind31", "zf-"), ("blind32", "zg-"),
                                         ("blind33", "zh-"), ("blind34", "zi-"),
                                         ("blind35", "zj-"), ("blind36", "zk-"),
                                         ("blind37", "zl-"), ("blind38", "zm-"),
                                         ("blind39", "zn-"), ("blind40", "zo-"),
                                         ("blind41", "zp-"), ("blind42", "zq-"),
                                         ("blind43", "zr-"), ("blind44", "zs-"),
                                         ("blind45", "zt-"), ("blind46", "zu-"),
                                         ("blind47", "zv-"), ("blind48", "zw-"),
                                         ("blind49", "zx-"), ("blind50", "zy-"),
                                         ("blind51", "zz-"), ("blind52", "zza-"),
                                         ("blind53", "zzb-"), ("blind54", "zzc-"),
                                         ("blind55", "zzd-"), ("blind56", "zze-"),
                                         ("blind57", "zzf-"), ("blind58", "zzg-"),
                                         ("blind59", "zzh-"), ("blind60", "zzi-"),
                                         ("blind61", "zzj-"), ("blind62", "zzk-"),
                                         ("blind63", "zzl-"),
                                         ("blind64", "zzm-"), ("blind65", "zzn-"),
                                         ("blind66", "zzo-"), ("blind67", "zzp-"),
                                         ("blind68", "zzq-"), ("blind69", "zzr-"),
                                         ("blind70", "zzs-"), ("blind71", "zzt-"),
                                         ("blind72", "zzu-"), ("blind73", "zzv-"),
                                         ("blind74", "zzw-"), ("blind75", "zzx-"),
                                         ("blind76", "zzy-"), ("blind77", "zzz-"),
                                         ("blind78", "zzza-"), ("blind79", "zzzb-"),
                                         ("blind80", "zzzc-"), ("blind81", "zzzd-"),
                                         ("blind82", "zzze-"), ("blind83", "zzzf-"),
                                         ("blind84", "zzzg-"), ("blind85", "zzzh-"),
                                         ("blind86", "zzzi-"), ("blind87", "zzzj-"),
                                         ("blind88", "zzzk-"), ("blind89", "zzzl-"),
                                         ("blind90", "zzzm-"), ("blind91", "zzzn-"),
                                         ("blind92", "zzzo-"), ("blind93", "zzzp-"),
                                         ("blind94", "zzzq-"), ("blind95", "zzzr-"))}
SETS = {DEV_SET: "", **BLIND_SETS}
# Sets written around the categories held-out sets score worst on (multi-hop, eligibility,
# paraphrase, unanswerable, follow-ups, lists; blind 18: unanswerables beside look-alike
# answerable questions), not all ten.
FOCUSED_SETS = {ROOT / "eval" / "data" / f"{name}_qa.jsonl"
                for name in ("blind13", "blind15", "blind18", "blind20", "blind28")}
CORPUS = ROOT / "data" / "corpus" / "life-sciences-sector-deal-2017.txt"

CATEGORIES = {
    "amount": "amt",
    "entity": "ent",
    "date": "date",
    "list": "list",
    "eligibility": "elig",
    "condition": "cond",
    "multi_hop": "mhop",
    "paraphrase": "para",
    "unanswerable": "unans",
    "followup": "fup",
}
MIN_ITEMS = 60
MIN_PER_CATEGORY = 5
# A quote this short could match by accident; one this long is no longer a "span".
MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 4, 45
# 60 characters: long enough for an organisation's full name, short enough to stay a span.
MAX_MUST_INCLUDE, MAX_MUST_CHARS = 3, 60

_SUPERSCRIPTS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u201a\u201b\u2032]")
_DOUBLE_QUOTES = re.compile(r"[\u201c\u201d\u201e\u2033]")
_MONEY_WORD = re.compile(r"([£$€])\s*(\d[\d,.]*)\s*(million|billion)\b")


def normalise(text: str) -> str:
    """Same transform for corpus and quotes: markdown, escapes, footnote digits, typography."""
    text = text.replace("**", "").replace("*", "").replace("\\$", "$")
    text = text.translate(_SUPERSCRIPTS)
    text = _DASHES.sub("-", text)
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def normalise_money(text: str) -> str:
    """normalise() plus "£66 million" -> "£66m" and "£2 billion" -> "£2bn" (answers vary)."""
    unit = {"million": "m", "billion": "bn"}
    return _MONEY_WORD.sub(lambda m: f"{m[1]}{m[2]}{unit[m[3]]}", normalise(text))


def _load(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ITEMS = [it for path in SETS for it in _load(path)]
ANSWERABLE = [it for it in ITEMS if it["category"] != "unanswerable"]
UNANSWERABLE = [it for it in ITEMS if it["category"] == "unanswerable"]


@pytest.fixture(scope="module")
def corpus_paragraphs() -> list[str]:
    # Blank lines separate paragraphs, bullets and page-break fragments; a gold quote must sit
    # inside one of them, never straddle a break.
    raw = CORPUS.read_text(encoding="utf-8")
    return [normalise(p) for p in re.split(r"\n\s*\n", raw) if p.strip()]


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [it["id"] for it in items]


@pytest.mark.parametrize("path", list(SETS), ids=lambda p: p.name)
def test_file_is_utf8_jsonl_without_ascii_escapes(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert "\\u00a3" not in raw, "write with ensure_ascii=False so £ stays readable"
    assert all(line.startswith("{") for line in raw.splitlines() if line.strip())


@pytest.mark.parametrize("path", list(SETS), ids=lambda p: p.name)
def test_size_ids_and_categories(path: Path) -> None:
    items = _load(path)
    # The dev set's size is specified; a blind set lost the questions that repeated an earlier
    # set's word for word, so it is only asked to stay substantial and cover every category.
    min_items, min_per_category = (MIN_ITEMS, MIN_PER_CATEGORY) if path == DEV_SET else (40, 2)
    assert len(items) >= min_items
    ids = _ids(items)
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert all(i.startswith(SETS[path]) for i in ids)
    counts = Counter(it["category"] for it in items)
    if path in FOCUSED_SETS:  # written to exercise the weakest categories only
        assert set(counts) <= set(CATEGORIES) and len(counts) >= 4, counts
    else:
        assert set(counts) == set(CATEGORIES), set(counts) ^ set(CATEGORIES)
    assert min(counts.values()) >= min_per_category, counts


def test_questions_are_unique() -> None:
    questions = [normalise(it["question"]) for it in ITEMS]
    assert len(questions) == len(set(questions))


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_schema(item: dict[str, Any]) -> None:
    required = {"id": str, "category": str, "question": str, "answer": str,
                "must_include": list, "evidence": list, "section": str}
    for key, typ in required.items():
        assert isinstance(item.get(key), typ), f"{key} must be {typ.__name__}"
    assert set(item) <= set(required) | {"history"}, set(item) - set(required)
    prefix = CATEGORIES[item["category"]]
    assert re.fullmatch(rf"(?:[b-z]-|z[a-z]-|zz[a-z]-|zzz[a-z]-)?{prefix}-\d{{3}}", item["id"]), item["id"]
    assert item["question"].strip() and item["answer"].strip()
    assert all(isinstance(s, str) and s.strip() for s in item["must_include"] + item["evidence"])


@pytest.mark.parametrize("item", UNANSWERABLE, ids=_ids(UNANSWERABLE))
def test_unanswerable_has_no_gold_spans(item: dict[str, Any]) -> None:
    assert item["must_include"] == [] and item["evidence"] == []
    assert "history" not in item


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_answerable_has_gold_spans(item: dict[str, Any]) -> None:
    assert 1 <= len(item["must_include"]) <= MAX_MUST_INCLUDE
    assert all(len(s) <= MAX_MUST_CHARS for s in item["must_include"]), item["must_include"]
    assert 1 <= len(item["evidence"]) <= 2
    assert item["section"].strip()


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_history_only_and_always_on_followups(item: dict[str, Any]) -> None:
    if item["category"] != "followup":
        assert "history" not in item
        return
    history = item["history"]
    assert isinstance(history, list) and 1 <= len(history) <= 2
    for turn in history:
        assert set(turn) == {"q", "a"}
        assert isinstance(turn["q"], str) and turn["q"].strip()
        assert isinstance(turn["a"], str) and turn["a"].strip()


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_evidence_is_verbatim_within_one_paragraph(
    item: dict[str, Any], corpus_paragraphs: list[str]
) -> None:
    for quote in item["evidence"]:
        words = len(quote.split())
        assert MIN_QUOTE_WORDS <= words <= MAX_QUOTE_WORDS, f"{words} words: {quote!r}"
        needle = normalise(quote)
        assert any(needle in p for p in corpus_paragraphs), f"not in corpus: {quote!r}"


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_must_include_is_backed_by_answer_or_evidence(item: dict[str, Any]) -> None:
    haystacks = [normalise_money(t) for t in [item["answer"], *item["evidence"]]]
    for needle in item["must_include"]:
        n = normalise_money(needle)
        assert any(n in h for h in haystacks), f"{needle!r} not in answer or evidence"


def test_normaliser_handles_corpus_noise() -> None:
    raw = "up to £210m² from **MSD**¹ and \\$100m \u2013 \u2018fill\u2019\n  and"
    assert normalise(raw) == "up to £210m from msd and $100m - 'fill' and"
    assert normalise_money("£66 million and $1 billion") == "£66m and $1bn"
