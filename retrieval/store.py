"""The persisted index: faiss vectors + JSON sidecar + manifest, written atomically.

Layout of ``index_dir`` (no pickle anywhere)::

    manifest.json    format version, model, dim, chunking, document hashes, counts
    sidecar.json     documents (with cleaned text) and passages (with units, footnotes)
    passages.faiss   IndexFlatIP over f"{section_label}\\n{text}" of every passage
    units.faiss      IndexFlatIP over every unit's text, passages' units flattened in order

A build writes into a sibling temp dir and swaps it in with two renames, so a failure at any
point (the embedder raising, a full disk, a kill) leaves the previous index loadable. A kill
*between* the two renames leaves the old index under a backup name; the next load or build
moves it back.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import faiss
import numpy as np

from dealqa.errors import IndexCorruptError, IndexMissingError, IngestError
from dealqa.types import Document, Passage
from retrieval.embeddings import as_matrix, embedder_id
from retrieval.manifest import (
    FORMAT_VERSION,
    MANIFEST_FILE,
    PASSAGES_FAISS,
    SIDECAR_FILE,
    UNITS_FAISS,
    expected_manifest,
    make_manifest,
    read_manifest,
)
from retrieval.manifest import stale_reason as _stale_reason
from retrieval.text import passage_index_text

__all__ = [
    "FORMAT_VERSION",
    "LoadedIndex",
    "build_index",
    "load_index",
    "stale_reason",
    "expected_manifest",
]

Progress = Callable[[str | float], None]
EMBED_BATCH = 64  # texts per progress tick; the model batches internally as well


class IngestResultLike(Protocol):
    documents: Sequence[Document]
    passages: Sequence[Passage]


@dataclass
class LoadedIndex:
    documents: list[Document]
    passages: list[Passage]
    passage_vectors: np.ndarray = field(repr=False)  # (n_passages, dim) float32, unit rows
    unit_vectors: np.ndarray = field(repr=False)  # (n_units, dim): every passage's units in order
    unit_owner: list[tuple[int, int]] = field(repr=False)  # row -> (passage index, unit index)
    manifest: dict[str, Any] = field(repr=False)
    faiss_index: faiss.Index = field(repr=False)  # over passage_vectors
    # unit_offsets[i]:unit_offsets[i + 1] are passage i's rows in unit_vectors.
    unit_offsets: np.ndarray = field(init=False, repr=False)
    _pos: dict[str, int] = field(init=False, repr=False)
    _docs: dict[str, Document] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pos = {p.passage_id: i for i, p in enumerate(self.passages)}
        self._docs = {d.doc_id: d for d in self.documents}
        counts = [len(p.units) for p in self.passages]
        self.unit_offsets = np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))

    @property
    def dim(self) -> int:
        return int(self.passage_vectors.shape[1])

    def passage(self, passage_id: str) -> Passage:
        return self.passages[self._pos[passage_id]]  # KeyError for an unknown id

    def passage_index(self, passage_id: str) -> int:
        return self._pos[passage_id]

    def document(self, doc_id: str) -> Document:
        return self._docs[doc_id]

    def unit_vectors_of(self, passage_id: str) -> np.ndarray:
        """The ``(len(passage.units), dim)`` rows of one passage's units, in unit order."""
        i = self._pos[passage_id]
        return self.unit_vectors[self.unit_offsets[i] : self.unit_offsets[i + 1]]


def _unit_owner(passages: Sequence[Passage]) -> list[tuple[int, int]]:
    return [(i, j) for i, p in enumerate(passages) for j in range(len(p.units))]


def _flat_index(vectors: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(vectors)
    return index


def _embed_all(
    embedder: Any, passage_texts: list[str], unit_texts: list[str], progress: Progress | None
) -> tuple[np.ndarray, np.ndarray]:
    """Embed passages and units in batches, reporting the overall fraction done.

    Texts go longest first, so each batch holds texts of similar length and little padding
    (the model sorts within one call, but we call it batch by batch to report progress).
    """
    texts = passage_texts + unit_texts
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    parts = []
    for start in range(0, len(texts), EMBED_BATCH):
        batch = order[start : start + EMBED_BATCH]
        parts.append(as_matrix(embedder, [texts[i] for i in batch]))
        if progress:
            progress(min(start + EMBED_BATCH, len(texts)) / len(texts))
    stacked = np.vstack(parts)  # _validate guarantees at least one passage
    vectors = np.empty_like(stacked)
    vectors[order] = stacked  # back to input order
    return vectors[: len(passage_texts)], vectors[len(passage_texts) :]


def _validate(documents: Sequence[Document], passages: Sequence[Passage]) -> None:
    if not passages:
        raise IngestError("nothing to index: ingest produced no passages — check the corpus")
    docs = {d.doc_id: d for d in documents}
    seen: set[str] = set()
    for p in passages:
        if p.passage_id in seen:
            raise ValueError(f"duplicate passage_id {p.passage_id!r}: passage ids must be unique")
        if p.doc_id not in docs:
            raise ValueError(f"passage {p.passage_id!r} names unknown doc_id {p.doc_id!r}")
        # Citations highlight Document.text[start:end]; an index that breaks this is useless.
        if docs[p.doc_id].text[p.start : p.end] != p.text:
            raise ValueError(f"passage {p.passage_id!r} text != its document's text[start:end]")
        seen.add(p.passage_id)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, data: Any) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())


def _write_files(tmp: Path, docs, passages, pvecs, uvecs, manifest) -> None:
    faiss.write_index(_flat_index(pvecs), str(tmp / PASSAGES_FAISS))
    faiss.write_index(_flat_index(uvecs), str(tmp / UNITS_FAISS))
    for name in (PASSAGES_FAISS, UNITS_FAISS):
        _fsync_path(tmp / name)
    sidecar = {
        "format_version": FORMAT_VERSION,
        "documents": [d.to_dict() for d in docs],
        "passages": [p.to_dict() for p in passages],
    }
    _write_json(tmp / SIDECAR_FILE, sidecar)
    _write_json(tmp / MANIFEST_FILE, manifest)  # last: a dir with a manifest is complete
    _fsync_path(tmp)


def _backups(index_dir: Path) -> list[Path]:
    return sorted(index_dir.parent.glob(f".{index_dir.name}.bak-*"), key=os.path.getmtime)


def _recover(index_dir: Path) -> None:
    """Undo a swap that was killed between its two renames (old index left as a backup)."""
    if index_dir.exists() or not index_dir.parent.is_dir():
        return
    complete = [b for b in _backups(index_dir) if (b / MANIFEST_FILE).is_file()]
    if complete:
        try:
            os.rename(complete[-1], index_dir)
        except OSError:  # best effort (read-only disk ...): the caller reports "no index"
            pass


def _swap_in(tmp: Path, index_dir: Path) -> None:
    backup = None
    if index_dir.exists():
        backup = index_dir.parent / f".{index_dir.name}.bak-{uuid.uuid4().hex[:8]}"
        os.rename(index_dir, backup)
    try:
        os.rename(tmp, index_dir)
    except BaseException:
        if backup is not None:
            os.rename(backup, index_dir)
        raise
    _fsync_path(index_dir.parent)
    if backup is not None:
        # Manifest first: should the rest fail to delete, _recover never revives this copy.
        (backup / MANIFEST_FILE).unlink(missing_ok=True)
        shutil.rmtree(backup, ignore_errors=True)


def _check_target(index_dir: Path) -> None:
    # Never swap away a folder that is not ours (say --index-dir pointed at data/).
    if index_dir.exists() and any(index_dir.iterdir()):
        if not (index_dir / MANIFEST_FILE).is_file():
            raise IndexCorruptError(
                f"{index_dir} exists and is not a dealqa index — remove it or pick another dir"
            )


def build_index(
    result: IngestResultLike,
    embedder: Any,
    index_dir: Path,
    settings_info: dict[str, Any],
    progress: Progress | None = None,
) -> LoadedIndex:
    """Embed ``result``'s passages and units and write the index atomically to ``index_dir``.

    ``settings_info`` must hold ``model`` (name) and ``chunking`` (dict); other keys are kept
    in the manifest under ``settings``. ``progress`` gets phase names (str) and fractions.
    """
    missing = {"model", "chunking"} - settings_info.keys()
    if missing:
        raise ValueError(f"settings_info needs keys {sorted(missing)}, got {sorted(settings_info)}")
    index_dir = Path(index_dir)
    documents, passages = list(result.documents), list(result.passages)
    _validate(documents, passages)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(index_dir)
    _check_target(index_dir)

    if progress:
        progress("embedding")
    unit_texts = [p.unit_text(u) for p in passages for u in p.units]
    passage_texts = [passage_index_text(p) for p in passages]
    pvecs, uvecs = _embed_all(embedder, passage_texts, unit_texts, progress)
    manifest = make_manifest(
        documents, settings_info, embedder_id(embedder), pvecs.shape[1], len(passages), len(uvecs)
    )

    if progress:
        progress("writing")
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", dir=index_dir.parent))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private; the index is read by the server too
        _write_files(tmp, documents, passages, pvecs, uvecs, manifest)
        _swap_in(tmp, index_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already after a successful swap
    return LoadedIndex(
        documents, passages, pvecs, uvecs, _unit_owner(passages), manifest, _flat_index(pvecs)
    )


def _corrupt(index_dir: Path, what: str) -> IndexCorruptError:
    return IndexCorruptError(
        f"index at {index_dir} is corrupt ({what}) — rebuild with `dealqa ingest`"
    )


def _read_vectors(path: Path, index_dir: Path) -> tuple[faiss.Index, np.ndarray]:
    try:
        index = faiss.read_index(str(path))
    except RuntimeError as err:
        first_line = str(err).splitlines()[0][:80] if str(err) else type(err).__name__
        raise _corrupt(index_dir, f"{path.name} unreadable: {first_line}") from err
    vectors = index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d))
    return index, np.ascontiguousarray(vectors, dtype=np.float32)


def _read_sidecar(index_dir: Path) -> tuple[list[Document], list[Passage]]:
    try:
        data = json.loads((index_dir / SIDECAR_FILE).read_text(encoding="utf-8"))
        docs = [Document.from_dict(d) for d in data["documents"]]
        passages = [Passage.from_dict(p) for p in data["passages"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise _corrupt(index_dir, f"{SIDECAR_FILE}: {type(err).__name__}") from err
    return docs, passages


def load_index(index_dir: Path) -> LoadedIndex:
    """Load an index written by :func:`build_index`; raise a domain error if it cannot be used."""
    index_dir = Path(index_dir)
    _recover(index_dir)
    if not (index_dir / MANIFEST_FILE).is_file():
        if index_dir.is_dir() and any(index_dir.iterdir()):
            raise _corrupt(index_dir, f"no {MANIFEST_FILE}")
        raise IndexMissingError(f"no index at {index_dir} — run `dealqa ingest`")
    try:
        manifest = read_manifest(index_dir)
    except (OSError, ValueError) as err:
        raise _corrupt(index_dir, f"{MANIFEST_FILE}: {type(err).__name__}") from err
    if manifest.get("format_version") != FORMAT_VERSION:
        version = manifest.get("format_version")
        raise _corrupt(index_dir, f"format version {version}, this build reads {FORMAT_VERSION}")
    docs, passages = _read_sidecar(index_dir)
    faiss_index, pvecs = _read_vectors(index_dir / PASSAGES_FAISS, index_dir)
    _, uvecs = _read_vectors(index_dir / UNITS_FAISS, index_dir)
    owner = _unit_owner(passages)
    if len(pvecs) != len(passages) or len(uvecs) != len(owner):
        raise _corrupt(index_dir, "vector counts do not match the passages")
    if pvecs.shape[1] != manifest.get("dim") or uvecs.shape[1] != pvecs.shape[1]:
        raise _corrupt(index_dir, "vector size does not match the manifest")
    return LoadedIndex(docs, passages, pvecs, uvecs, owner, manifest, faiss_index)


def stale_reason(index_dir: Path, expected: dict[str, Any]) -> str | None:
    """None when fresh; else a short reason ("no index", "model changed", ...)."""
    _recover(Path(index_dir))
    return _stale_reason(Path(index_dir), expected)
