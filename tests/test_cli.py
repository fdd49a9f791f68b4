"""The `dealqa` command line: one-line errors, atomic ingest, ask/commitments on a fixture index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import dealqa.indexing as indexing
from conftest import FIXTURES, FakeEmbeddings
from dealqa import cli
from dealqa.settings import Settings


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "corpus" / "mini-deal.txt", corpus / "mini-deal.txt")
    monkeypatch.setattr(indexing, "make_embedder", lambda s: FakeEmbeddings())
    s = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", model_path=str(tmp_path))
    monkeypatch.setattr("dealqa.settings.get_settings", lambda: s)
    return s


def run(argv: list[str]) -> int:
    return cli.main(argv)


def test_ingest_then_ask_json(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ingest"]) == 0
    assert (settings.index_dir / "manifest.json").exists()
    assert run(["ingest", "--if-stale"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert run(["ask", "How much will the Vaccines Centre in Oxford get?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert "£20m" in answer["text"] and answer["citations"] and not answer["abstained"]


def test_commitments_command(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ingest"]) == 0
    capsys.readouterr()
    assert run(["commitments", "--format", "json", "--place", "Stevenage"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["value"], c["unit"], c["place"]) for c in data["commitments"]] == [
        ("10000000", "GBP", "Stevenage")]
    assert run(["commitments", "--theme", "no-such-theme"]) == 2
    assert "unknown theme" in capsys.readouterr().err


def _file(name: str, content: bytes | None):
    def make(d: Path) -> Path:
        path = d / name
        if content is not None:
            path.write_bytes(content)
        return path

    return make


@pytest.mark.parametrize(("make", "message"), [
    (_file("missing.txt", None), "file not found"),
    (_file("notes.docx", b"PK\x03\x04"), ".docx"),
    (_file("empty.txt", b"  \n"), "empty"),
    (_file("bad.pdf", b"%PDF-1.4 garbage \x00\x01"), "bad.pdf"),
])
def test_bad_input_fails_in_one_line_and_keeps_the_index(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    assert run(["ingest"]) == 0
    before = (settings.index_dir / "sidecar.json").read_bytes()
    capsys.readouterr()
    assert run(["ingest", str(make(tmp_path))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]
    assert (settings.index_dir / "sidecar.json").read_bytes() == before  # previous index intact


@pytest.mark.parametrize(("question", "message"), [
    ("", "question is empty"),
    ("q" * 2001, "limit is 2,000"),
])
def test_bad_question_fails_in_one_line(settings: Settings, capsys: pytest.CaptureFixture[str],
                                        question: str, message: str) -> None:
    assert run(["ingest"]) == 0
    capsys.readouterr()
    assert run(["ask", question]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_empty_corpus_folder_says_what_to_do(settings: Settings,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for f in settings.corpus_dir.iterdir():
        f.unlink()
    assert run(["ingest"]) == 2
    assert "add documents" in capsys.readouterr().err


def test_support_command(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["ingest"]) == 0
    capsys.readouterr()
    assert run(["support", "Cell therapy SME in Stevenage looking for manufacturing space",
                "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["profile"]["place"] == "Stevenage"
    assert any("Stevenage" in m["measure"] for m in result["matches"])
    assert run(["support", "   "]) == 2
