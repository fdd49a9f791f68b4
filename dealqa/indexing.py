"""Index lifecycle: check staleness, (re)build atomically, load. Shared by the CLI and the server."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings

from dealqa.errors import IngestError
from dealqa.settings import Settings

__all__ = ["chunking_settings", "make_embedder", "index_stale_reason", "build", "ensure_index",
           "load_commitments"]

Progress = Callable[[str], None]


def chunking_settings(settings: Settings) -> dict:
    return {"max_tokens": settings.chunk_max_tokens, "hard_limit": settings.chunk_hard_limit,
            "chunker": "structure-v3"}


def make_embedder(settings: Settings) -> Embeddings:
    from retrieval.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings(model_path=settings.model_path)


def _paths(settings: Settings, paths: Sequence[Path] | None) -> list[Path]:
    from ingest import corpus_paths

    if paths:
        return [Path(p) for p in paths]
    found = corpus_paths(settings.corpus_dir)
    if not found:
        raise IngestError(f"no .txt, .md or .pdf files in {settings.corpus_dir}: add documents or "
                          "pass paths to `dealqa ingest`")
    return found


def index_stale_reason(settings: Settings, embedder: Embeddings,
                       paths: Sequence[Path] | None = None) -> str | None:
    from retrieval.embeddings import embedder_id
    from retrieval.store import expected_manifest, stale_reason

    expected = expected_manifest(_paths(settings, paths), embedder_id(embedder),
                                 chunking_settings(settings))
    return stale_reason(settings.index_dir, expected)


def build(settings: Settings, embedder: Embeddings, paths: Sequence[Path] | None = None,
          progress: Progress | None = None):
    """Ingest ``paths`` (default: the bundled corpus) and write the index atomically."""
    from ingest import ingest_paths
    from retrieval.embeddings import embedder_id
    from retrieval.store import build_index

    result = ingest_paths(
        _paths(settings, paths),
        count_tokens=embedder.count_tokens,
        max_tokens=settings.chunk_max_tokens,
        hard_limit=settings.chunk_hard_limit,
        progress=progress,
    )
    info = {"model": embedder_id(embedder), "model_name": settings.model_name,
            "chunking": chunking_settings(settings)}
    index = build_index(result, embedder, settings.index_dir, info, progress=progress)
    from commitments import build_register, save_register

    # The commitments register is derived from the same passages; no model needed.
    register = build_register(result.documents, result.passages)
    save_register(register, settings.index_dir)
    if progress:
        progress(f"commitments register: {len(register.commitments)} records")
    return index


def load_commitments(settings: Settings):
    """The register saved at ingest; rebuilt from the index when an older index lacks it."""
    from commitments import REGISTER_FILE, build_register, load_register, save_register
    from retrieval.store import load_index

    if (settings.index_dir / REGISTER_FILE).exists():
        return load_register(settings.index_dir)
    index = load_index(settings.index_dir)
    register = build_register(index.documents, index.passages)
    save_register(register, settings.index_dir)
    return register


def ensure_index(settings: Settings, embedder: Embeddings, progress: Progress | None = None):
    """Load the index, building it first when it is missing or stale."""
    from retrieval.store import load_index

    reason = index_stale_reason(settings, embedder)
    if reason is not None:
        if progress:
            progress(f"building the index ({reason})")
        return build(settings, embedder, progress=progress)
    return load_index(settings.index_dir)
