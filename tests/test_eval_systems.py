"""eval.systems: which files the baselines index, and how they are wired (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa.settings import Settings
from dealqa.types import Document, DocStatus
from eval.systems import NamedSystem, baseline_systems, corpus_paths


def _settings(corpus_dir: Path) -> Settings:
    return Settings(model_path="unused", corpus_dir=corpus_dir)


def test_corpus_paths_prefers_the_indexed_sources(tmp_path: Path, fixture_corpus: Path) -> None:
    other = tmp_path / "corpus"
    other.mkdir()
    (other / "unrelated.txt").write_text("not what the index holds", encoding="utf-8")
    assert corpus_paths(_settings(other), [str(fixture_corpus)]) == [fixture_corpus]


def test_corpus_paths_falls_back_to_the_corpus_dir(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deal.txt").write_text("Some deal text.", encoding="utf-8")
    (corpus / "ATTRIBUTION.md").write_text("notes, not a document", encoding="utf-8")
    got = corpus_paths(_settings(corpus), [str(tmp_path / "moved-away.txt")])
    assert got == [corpus / "deal.txt"]


class FakeAssistant:
    def __init__(self, source: Path, embedder) -> None:
        self.source, self.embedder = source, embedder
        self.wired: list[tuple[object, str]] = []

    def documents(self) -> list[Document]:
        return [Document("mini", "Mini", str(self.source), "0" * 64, DocStatus.CURRENT, None, "")]

    def with_retriever(self, retriever, name: str = "custom"):
        self.wired.append((retriever, name))
        return ("assistant over", name)


def test_baselines_share_recipe_chunks_of_the_indexed_files(fixture_corpus: Path,
                                                            fake_embedder) -> None:
    assistant = FakeAssistant(fixture_corpus, fake_embedder)
    systems = baseline_systems(assistant, _settings(fixture_corpus.parent))
    assert [s.name for s in systems] == ["recipe", "bm25"]
    assert all(isinstance(s, NamedSystem) for s in systems)
    assert systems[0].system == ("assistant over", "recipe")
    assert systems[0].config["corpus_files"] == ["tests/fixtures/corpus/mini-deal.txt"]
    dense, bm25 = (r for r, _ in assistant.wired)
    assert dense.passages == bm25.passages and dense.passages  # the same 1000/200 chunks
    hits = bm25.run("Acme Biologics Liverpool", 3)
    assert hits and "Acme Biologics" in hits[0].passage.text
    assert dense.run("Acme Biologics Liverpool", 3)  # indexed by warm-up with the given embedder


def test_no_corpus_files_is_a_domain_error(tmp_path: Path) -> None:
    from dealqa.errors import DealQAError

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DealQAError, match="no corpus files"):
        corpus_paths(_settings(empty))
