"""Helpers shared by the commitments tests (this module holds no tests itself).

``commitments`` is a new top-level package and is not yet listed in pyproject's
``[tool.setuptools.packages.find] include``, so the editable install cannot import it when
pytest runs as ``.venv/bin/pytest``. Until it is listed, put the repository root on the path.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import PROJECT_ROOT, FakeEmbeddings

if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from commitments import Register, build_register  # noqa: E402
from ingest import ingest_paths  # noqa: E402

__all__ = ["ingest_text", "register_of", "register_of_text"]


def ingest_text(tmp_path: Path, text: str, name: str = "test-deal.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest_paths([path], FakeEmbeddings().count_tokens)


def register_of(path: Path) -> Register:
    result = ingest_paths([path], FakeEmbeddings().count_tokens)
    return build_register(result.documents, result.passages)


def register_of_text(tmp_path: Path, text: str) -> Register:
    result = ingest_text(tmp_path, text)
    return build_register(result.documents, result.passages)
