"""The index manifest, and the cheap start-up check of whether an index is stale.

An index is stale when anything that shaped it changed: its on-disk format, the embedding
model, the chunking settings, or the bytes of a source document. :func:`expected_manifest`
hashes the files without ingesting them, so checking takes milliseconds at start-up.
Documents are matched by file *name*, so a corpus moved to another folder is still fresh.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dealqa.types import Document
from retrieval.embeddings import model_fingerprint

__all__ = [
    "FORMAT_VERSION",
    "MANIFEST_FILE",
    "SIDECAR_FILE",
    "PASSAGES_FAISS",
    "UNITS_FAISS",
    "expected_manifest",
    "make_manifest",
    "read_manifest",
    "sha256_file",
    "stale_reason",
]

FORMAT_VERSION = 1
MANIFEST_FILE = "manifest.json"
SIDECAR_FILE = "sidecar.json"
PASSAGES_FAISS = "passages.faiss"
UNITS_FAISS = "units.faiss"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _slug(path: Path) -> str:
    # Informational only: staleness matches documents by file name, never by doc_id.
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def expected_manifest(
    paths: Iterable[Path | str],
    model_name: str,
    chunking: dict,
    model_path: str | Path | None = None,
) -> dict:
    """What a fresh index for ``paths`` would record, from file hashes alone (no ingest).

    With ``model_path``, the model's fingerprint is compared too, so swapping the weights
    under an unchanged name is caught; without it only the name is compared.
    """
    docs = []
    for p in sorted(Path(p) for p in paths):
        docs.append({"doc_id": _slug(p), "source": str(p), "sha256": sha256_file(p)})
    model: str | dict = model_name
    if model_path is not None:
        model = {"name": model_name, "id": f"sha256:{model_fingerprint(model_path)}"}
    return {"model": model, "chunking": dict(chunking), "documents": docs}


def make_manifest(
    documents: Sequence[Document],
    settings_info: dict[str, Any],
    model_id: str,
    dim: int,
    n_passages: int,
    n_units: int,
) -> dict[str, Any]:
    extra = {k: v for k, v in settings_info.items() if k not in ("model", "chunking")}
    return {
        "format_version": FORMAT_VERSION,
        # The name, never the install path: an index stays valid when the venv moves.
        "model": {"name": str(settings_info["model"]), "id": model_id},
        "dim": int(dim),
        "chunking": dict(settings_info["chunking"]),
        "settings": extra,
        "embedded_text": {"passage": "section_label + '\\n' + text", "unit": "text"},
        "documents": [
            {"doc_id": d.doc_id, "source": d.source, "sha256": d.sha256} for d in documents
        ],
        "n_passages": int(n_passages),
        "n_units": int(n_units),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def read_manifest(index_dir: Path) -> dict[str, Any]:
    """Parse ``manifest.json``; raises OSError / ValueError for the caller to classify."""
    data = json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("manifest is not a JSON object")
    return data


def _model_reason(recorded: Any, expected: Any) -> str | None:
    rec = recorded if isinstance(recorded, dict) else {"name": recorded}
    exp = expected if isinstance(expected, dict) else {"name": expected}
    for key in ("name", "id"):
        if key in rec and key in exp and rec[key] != exp[key]:
            return "model changed"
    return None


def _canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, default=str)


def _documents_reason(recorded: list[dict], expected: list[dict]) -> str | None:
    rec = {Path(d["source"]).name: d for d in recorded}
    exp = {Path(d["source"]).name: d for d in expected}
    if rec.keys() != exp.keys():
        added = [f"+{n}" for n in sorted(exp.keys() - rec.keys())]
        removed = [f"-{n}" for n in sorted(rec.keys() - exp.keys())]
        return "documents added/removed: " + " ".join(added + removed)
    for name in sorted(exp):
        if rec[name]["sha256"] != exp[name]["sha256"]:
            return f"document changed: {exp[name]['source']}"
    return None


def stale_reason(index_dir: Path, expected: dict[str, Any]) -> str | None:
    """None when the index at ``index_dir`` matches ``expected``; else a short reason."""
    index_dir = Path(index_dir)
    if not (index_dir / MANIFEST_FILE).is_file():
        return "no index"
    try:
        manifest = read_manifest(index_dir)
    except (OSError, ValueError):
        return "index unreadable"
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        return f"format version {version} != {FORMAT_VERSION}"
    if "model" in expected and (reason := _model_reason(manifest.get("model"), expected["model"])):
        return reason
    if "chunking" in expected and _canonical(manifest.get("chunking")) != _canonical(
        expected["chunking"]
    ):
        return "chunking settings changed"
    if "documents" in expected:
        try:
            return _documents_reason(manifest.get("documents", []), expected["documents"])
        except (KeyError, TypeError):
            return "index unreadable"
    return None
