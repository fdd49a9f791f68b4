"""Shared fakes and fixtures.

* ``FakeEmbeddings``: a deterministic hashed bag-of-words embedder (LangChain ``Embeddings``), so
  unit tests are fast, exact and need no model. Texts sharing words get similar vectors.
* ``fixture_corpus``: a tiny corpus in the same shape as the real deal (watermarks, bold,
  ``\\$``, footnote markers, bullets, a table, References).
* ``real_embedder``: the real MiniLM model, loaded once per session (integration tests).
* ``sentence_candidates``: one answerer candidate per text, each its own one-sentence passage.

The network is blocked for every test by pytest-socket (see ``addopts`` in pyproject.toml);
only loopback is allowed, for the web-app tests.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
REAL_CORPUS = PROJECT_ROOT / "data" / "corpus" / "life-sciences-sector-deal-2017.txt"


def sentence_candidates(*texts: str) -> list:
    """One ``assistant.scoring.Candidate`` per text, each a passage of that one sentence."""
    from assistant.scoring import Candidate
    from dealqa.types import Passage, Unit, UnitKind

    passages = [Passage(f"doc#u/{n:03d}", "doc", t, ("Ideas",), 0, len(t),
                        (Unit(UnitKind.SENTENCE, 0, len(t)),)) for n, t in enumerate(texts)]
    return [Candidate.of_unit(p, 0) for p in passages]


def filler_sections(trained: str, places: tuple[str, ...]) -> str:
    """Sections alike but for their place, so that a mini corpus's own names are rare enough
    to name something ("Section North ... The North council funds North training for ...")."""
    return "".join(f"Section {w}\n\nThe {w} council funds {w} training for {trained} across "
                   "the region.\n\n" for w in places)


def mini_index(tmp_path: Path, text: str):
    """(index, fake embedder) over a one-document corpus ``text``, built in ``tmp_path``."""
    from ingest import ingest_paths
    from retrieval.store import build_index

    corpus = tmp_path / "deal.txt"
    corpus.write_text(text, encoding="utf-8")
    emb = FakeEmbeddings()
    result = ingest_paths([corpus], count_tokens=emb.count_tokens)
    return build_index(result, emb, tmp_path / "index", {"model": "fake", "chunking": {}}), emb


class FakeEmbeddings(Embeddings):
    """Hashed bag of lower-cased words, L2-normalised. Deterministic across runs and machines."""

    def __init__(self, dim: int = 64) -> None:
        if dim <= 0:
            raise ValueError(f"dim must be > 0, got {dim}")
        self.dim = dim

    def _embed(self, text: str) -> list[float]:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.md5(w.encode()).digest()[:4], "little")
            v[h % self.dim] += 1.0
        n = float(np.linalg.norm(v))
        return (v / n if n else v).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text)

    def count_tokens(self, text: str) -> int:
        # Rough stand-in for the word-piece count: words plus punctuation marks.
        return len(re.findall(r"\w+|[^\w\s]", text))


@pytest.fixture
def fake_embedder() -> FakeEmbeddings:
    return FakeEmbeddings()


@pytest.fixture
def fixture_corpus() -> Path:
    return FIXTURES / "corpus" / "mini-deal.txt"


@pytest.fixture(scope="session")
def real_embedder():
    """The packaged all-MiniLM-L6-v2, loaded once for the whole session."""
    from dealqa.settings import get_settings
    from retrieval.embeddings import MiniLMEmbeddings

    emb = MiniLMEmbeddings(model_path=get_settings().model_path)
    emb.embed_query("warm up")  # load now, so the first test is not charged for it
    return emb


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    return REAL_CORPUS


@pytest.fixture
def fake():
    """The web tests' scripted assistant (tests/fakes_web.py)."""
    from fakes_web import FakeAssistant

    return FakeAssistant()


@pytest.fixture
def client(tmp_path: Path, fake):
    """The API (no UI) over ``fake``, through FastAPI's test client."""
    from fakes_web import make_app
    from fastapi.testclient import TestClient

    with TestClient(make_app(tmp_path, fake)) as c:
        yield c
