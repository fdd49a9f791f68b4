"""The systems ``dealqa eval`` compares: ours (hybrid) and two retrieval baselines.

The baselines reuse our answerer (``Assistant.with_retriever``) so that the comparison isolates
retrieval: same questions, same answer composition, only the passages differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from dealqa.errors import DealQAError
from dealqa.settings import PROJECT_ROOT, Settings
from eval.runner import display_path

__all__ = [
    "SystemName",
    "NamedSystem",
    "DESCRIPTIONS",
    "corpus_paths",
    "baseline_systems",
    "build_systems",
]


class SystemName(str, Enum):
    HYBRID = "hybrid"
    RECIPE = "recipe"
    BM25 = "bm25"


DESCRIPTIONS: dict[SystemName, str] = {
    SystemName.HYBRID: "ours: structure-aware passages, BM25 + MiniLM dense, fused",
    SystemName.RECIPE: "baseline: RecursiveCharacterTextSplitter 1000/200 + MiniLM + FAISS",
    SystemName.BM25: "baseline: BM25 alone over the same 1000/200 recipe chunks",
}


@dataclass(frozen=True)
class NamedSystem:
    name: str
    system: Any  # AskLike
    config: dict[str, Any] = field(default_factory=dict)  # merged into the run config


def _resolve(source: str) -> Path | None:
    p = Path(source)
    for candidate in ((p,) if p.is_absolute() else (PROJECT_ROOT / p, Path.cwd() / p)):
        if candidate.is_file():
            return candidate
    return None


def corpus_paths(settings: Settings, sources: Sequence[str] = ()) -> list[Path]:
    """The files the baselines index: those our index was built from when they all still
    exist (so every system sees the same documents), else what ingest reads from the corpus dir."""
    resolved = [_resolve(s) for s in sources]
    if resolved and all(resolved):
        return [p for p in resolved if p is not None]
    from ingest import corpus_paths as ingest_corpus_paths

    paths = ingest_corpus_paths(settings.corpus_dir)
    if not paths:
        raise DealQAError(f"no corpus files in {settings.corpus_dir}; "
                          "set DEALQA_CORPUS_DIR to the folder with the deal documents")
    return paths


def baseline_systems(assistant: Any, settings: Settings) -> list[NamedSystem]:
    """The recipe and BM25 baselines: ``assistant``'s answerer over recipe-chunk retrievers."""
    try:
        from retrieval.baselines import RecipeBM25Retriever, RecipeDenseRetriever, recipe_passages
    except ImportError as err:
        raise DealQAError(f"baselines unavailable ({err}); run without --baselines") from err
    paths = corpus_paths(settings, [d.source for d in assistant.documents()])
    passages = recipe_passages(paths)
    # The assistant's embedder is the loaded MiniLM: reusing it avoids a second model load.
    embedder = getattr(assistant, "embedder", None)
    if embedder is None:
        from retrieval.embeddings import MiniLMEmbeddings

        embedder = MiniLMEmbeddings(model_path=settings.model_path)
    retrievers = {
        SystemName.RECIPE: RecipeDenseRetriever(passages, embedder),
        SystemName.BM25: RecipeBM25Retriever(passages),
    }
    systems = []
    for name, retriever in retrievers.items():
        warm_up = getattr(retriever, "warm_up", None)
        if callable(warm_up):  # index the chunks now, outside any timed ask()
            warm_up()
        systems.append(NamedSystem(
            name.value,
            assistant.with_retriever(retriever, name=name.value),
            {"description": DESCRIPTIONS[name], "corpus_files": [display_path(p) for p in paths],
             "passages": len(passages)},
        ))
    return systems


def build_systems(settings: Settings, baselines: bool = False) -> list[NamedSystem]:
    """Ours first (the report's main column), then the baselines when asked for."""
    from assistant import build_assistant

    assistant = build_assistant(settings)
    info = assistant.info() if callable(getattr(assistant, "info", None)) else {}
    ours = NamedSystem(SystemName.HYBRID.value, assistant,
                       {"description": DESCRIPTIONS[SystemName.HYBRID], "system_info": info})
    return [ours, *(baseline_systems(assistant, settings) if baselines else [])]
