"""The persisted index: round trip, atomic replacement, corrupt/missing errors, staleness."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbeddings
from test_retrieval_support import make_corpus

from dealqa.errors import IndexCorruptError, IndexMissingError, IngestError
from retrieval import store
from retrieval.manifest import sha256_file
from retrieval.store import FORMAT_VERSION, build_index, expected_manifest, load_index, stale_reason

SETTINGS = {"model": "fake-model", "chunking": {"max_tokens": 200, "hard_limit": 254}}
INDEX_FILES = {"manifest.json", "sidecar.json", "passages.faiss", "units.faiss"}


class ExplodingEmbeddings(FakeEmbeddings):
    """Fails part-way through a build, like a model crash or an interrupt."""

    def __init__(self, fail_after: int = 0) -> None:
        super().__init__()
        self.calls, self.fail_after = 0, fail_after

    def embed_documents(self, texts):
        self.calls += 1
        if self.calls > self.fail_after:
            raise RuntimeError("boom")
        return super().embed_documents(texts)


@pytest.fixture
def built(tmp_path):
    index_dir = tmp_path / "index"
    loaded = build_index(make_corpus(), FakeEmbeddings(), index_dir, SETTINGS)
    return index_dir, loaded


def _snapshot(index_dir: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in index_dir.iterdir()}


def test_round_trip_is_identical(built):
    index_dir, built_index = built
    loaded = load_index(index_dir)
    corpus = make_corpus()
    assert loaded.passages == corpus.passages
    assert loaded.documents == corpus.documents
    np.testing.assert_array_equal(loaded.passage_vectors, built_index.passage_vectors)
    np.testing.assert_array_equal(loaded.unit_vectors, built_index.unit_vectors)
    assert loaded.unit_owner == built_index.unit_owner
    assert loaded.faiss_index.ntotal == len(corpus.passages)
    assert loaded.passage_vectors.dtype == np.float32
    assert loaded.manifest == built_index.manifest


def test_vectors_embed_section_path_and_units(built):
    _, index = built
    fake, p = FakeEmbeddings(), index.passages[1]
    expected = np.asarray(fake.embed_query(f"{p.section_label}\n{p.text}"), dtype=np.float32)
    np.testing.assert_allclose(index.passage_vectors[1], expected, rtol=1e-6)
    first_unit = np.asarray(fake.embed_query(p.unit_text(p.units[0])), dtype=np.float32)
    np.testing.assert_allclose(index.unit_vectors_of(p.passage_id)[0], first_unit, rtol=1e-6)
    n_units = sum(len(q.units) for q in index.passages)
    assert index.unit_vectors.shape == (n_units, 64) and len(index.unit_owner) == n_units
    row = index.unit_owner.index((1, 0))
    np.testing.assert_array_equal(index.unit_vectors[row], index.unit_vectors_of(p.passage_id)[0])


def test_manifest_contents(built):
    index_dir, _ = built
    manifest = json.loads((index_dir / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"]["name"] == "fake-model" and manifest["model"]["id"]
    assert manifest["dim"] == 64
    assert manifest["chunking"] == SETTINGS["chunking"]
    assert manifest["documents"] == [
        {"doc_id": "mini-deal", "source": "corpus/mini-deal.txt", "sha256": "0" * 64}
    ]
    assert manifest["n_passages"] == 5 and manifest["n_units"] == 12
    assert manifest["created_at"]


def test_only_faiss_and_json_files_no_pickle(built):
    index_dir, _ = built
    assert {f.name for f in index_dir.iterdir()} == INDEX_FILES
    for f in index_dir.iterdir():
        assert not f.read_bytes().startswith(b"\x80"), f"{f.name} looks like a pickle"


def test_lookup_by_id(built):
    _, index = built
    p = index.passages[2]
    assert index.passage(p.passage_id) is p
    assert index.document("mini-deal").title == "Mini Sector Deal"
    with pytest.raises(KeyError):
        index.passage("nope")


def test_progress_reports_phases_and_reaches_one(tmp_path):
    seen = []
    build_index(make_corpus(), FakeEmbeddings(), tmp_path / "i", SETTINGS, progress=seen.append)
    fractions = [x for x in seen if isinstance(x, float)]
    assert "embedding" in seen and "writing" in seen
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)


@pytest.mark.parametrize("fail_after", [0, 2])  # on the first batch, or a later one
def test_failed_rebuild_leaves_previous_index_intact(built, fail_after, monkeypatch):
    index_dir, _ = built
    monkeypatch.setattr(store, "EMBED_BATCH", 4)  # 17 texts: five batches
    before = _snapshot(index_dir)
    exploding = ExplodingEmbeddings(fail_after)
    with pytest.raises(RuntimeError, match="boom"):
        build_index(make_corpus(), exploding, index_dir, SETTINGS)
    assert exploding.calls == fail_after + 1
    assert _snapshot(index_dir) == before
    assert load_index(index_dir).passages == make_corpus().passages
    assert sorted(p.name for p in index_dir.parent.iterdir()) == ["index"]


def test_failure_while_writing_leaves_no_temp_dir(built, monkeypatch):
    index_dir, _ = built
    before = _snapshot(index_dir)

    def broken_write(index, path):
        raise OSError("disk full")

    monkeypatch.setattr(store.faiss, "write_index", broken_write)
    with pytest.raises(OSError, match="disk full"):
        build_index(make_corpus(), FakeEmbeddings(), index_dir, SETTINGS)
    assert _snapshot(index_dir) == before
    assert sorted(p.name for p in index_dir.parent.iterdir()) == ["index"]


def test_failure_during_swap_restores_the_old_index(built, monkeypatch):
    index_dir, _ = built
    before = _snapshot(index_dir)
    real_rename, calls = os.rename, []

    def flaky_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # old -> backup succeeded; new -> place fails
            raise OSError("rename failed")
        real_rename(src, dst)

    monkeypatch.setattr(store.os, "rename", flaky_rename)
    other = make_corpus(sections=[(("Only",), ["A different corpus entirely."])])
    with pytest.raises(OSError, match="rename failed"):
        build_index(other, FakeEmbeddings(), index_dir, SETTINGS)
    assert _snapshot(index_dir) == before
    assert sorted(p.name for p in index_dir.parent.iterdir()) == ["index"]


def test_kill_between_renames_is_recovered_on_load(built):
    index_dir, _ = built
    os.rename(index_dir, index_dir.parent / ".index.bak-deadbeef")  # the state a kill leaves
    assert load_index(index_dir).passages == make_corpus().passages
    assert sorted(p.name for p in index_dir.parent.iterdir()) == ["index"]


def test_rebuild_replaces_the_index(built):
    index_dir, _ = built
    other = make_corpus(sections=[(("Only",), ["A different corpus entirely."])])
    build_index(other, FakeEmbeddings(), index_dir, SETTINGS)
    assert [p.text for p in load_index(index_dir).passages] == ["A different corpus entirely."]
    assert sorted(p.name for p in index_dir.parent.iterdir()) == ["index"]


def test_refuses_to_replace_a_folder_that_is_not_an_index(tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    (target / "precious.txt").write_text("keep me")
    with pytest.raises(IndexCorruptError, match="not a dealqa index"):
        build_index(make_corpus(), FakeEmbeddings(), target, SETTINGS)
    assert (target / "precious.txt").read_text() == "keep me"


def test_build_validates_input(tmp_path):
    with pytest.raises(IngestError, match="no passages"):
        build_index(make_corpus(sections=[]), FakeEmbeddings(), tmp_path / "i", SETTINGS)
    with pytest.raises(ValueError, match="settings_info needs keys"):
        build_index(make_corpus(), FakeEmbeddings(), tmp_path / "i", {"model": "x"})
    corpus = make_corpus()
    corpus.passages.append(corpus.passages[0])
    with pytest.raises(ValueError, match="duplicate passage_id"):
        build_index(corpus, FakeEmbeddings(), tmp_path / "i", SETTINGS)
    assert not (tmp_path / "i").exists()


# --- missing and corrupt indexes -------------------------------------------------------------


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissingError, match=r"no index at .* run `dealqa ingest`"):
        load_index(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexMissingError):
        load_index(tmp_path / "empty")


def _corrupt_manifest(d: Path) -> None:
    (d / "manifest.json").write_text("{not json")


def _old_version(d: Path) -> None:
    m = json.loads((d / "manifest.json").read_text())
    (d / "manifest.json").write_text(json.dumps({**m, "format_version": 0}))


def _truncate_faiss(d: Path) -> None:
    data = (d / "passages.faiss").read_bytes()
    (d / "passages.faiss").write_bytes(data[: len(data) // 2])


def _drop_a_passage(d: Path) -> None:
    s = json.loads((d / "sidecar.json").read_text())
    s["passages"].pop()
    (d / "sidecar.json").write_text(json.dumps(s))


def _garble_sidecar(d: Path) -> None:
    (d / "sidecar.json").write_text('{"documents": [{"doc_id": 1}]}')


def _remove_manifest(d: Path) -> None:
    (d / "manifest.json").unlink()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_corrupt_manifest, "manifest.json"),
        (_old_version, "format version 0"),
        (_truncate_faiss, "passages.faiss"),
        (_drop_a_passage, "vector counts"),
        (_garble_sidecar, "sidecar.json"),
        (_remove_manifest, "no manifest.json"),
    ],
)
def test_corrupt_index_raises_one_line_error(built, damage, message):
    index_dir, _ = built
    damage(index_dir)
    with pytest.raises(IndexCorruptError, match=message) as err:
        load_index(index_dir)
    assert "rebuild with `dealqa ingest`" in str(err.value) and "\n" not in str(err.value)


# --- staleness ---------------------------------------------------------------------------------


@pytest.fixture
def on_disk(tmp_path):
    """An index built from real files, so expected_manifest can hash them."""
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    paths = [corpus_dir / "a-deal.txt", corpus_dir / "b-deal.txt"]
    for i, p in enumerate(paths):
        p.write_text(f"deal number {i}", encoding="utf-8")
    docs = []
    for p in paths:
        c = make_corpus(doc_id=p.stem, sha256=sha256_file(p))
        doc = c.documents[0]
        docs.append((type(doc)(**{**doc.__dict__, "source": str(p)}), c.passages))

    class Result:
        documents = [d for d, _ in docs]
        passages = [p for _, ps in docs for p in ps]

    index_dir = tmp_path / "index"
    build_index(Result(), FakeEmbeddings(), index_dir, SETTINGS)
    return index_dir, paths


def _expected(paths, model="fake-model", chunking=None):
    return expected_manifest(paths, model, chunking or SETTINGS["chunking"])


def test_fresh_index_is_not_stale(on_disk):
    index_dir, paths = on_disk
    assert stale_reason(index_dir, _expected(paths)) is None


def test_fresh_after_moving_the_corpus(on_disk, tmp_path):
    index_dir, paths = on_disk
    moved = tmp_path / "moved"
    moved.mkdir()
    new_paths = [Path(os.replace(p, moved / p.name) or moved / p.name) for p in paths]
    assert stale_reason(index_dir, _expected(new_paths)) is None


def test_stale_reasons(on_disk, tmp_path):
    index_dir, paths = on_disk
    assert stale_reason(tmp_path / "nowhere", _expected(paths)) == "no index"
    assert stale_reason(index_dir, _expected(paths, model="other-model")) == "model changed"
    chunking = {"max_tokens": 150, "hard_limit": 254}
    assert stale_reason(index_dir, _expected(paths, chunking=chunking)) == (
        "chunking settings changed"
    )
    assert stale_reason(index_dir, _expected(paths[:1])) == "documents added/removed: -b-deal.txt"
    extra = paths[0].parent / "c-deal.txt"
    extra.write_text("new")
    assert stale_reason(index_dir, _expected([*paths, extra])) == (
        "documents added/removed: +c-deal.txt"
    )
    paths[1].write_text("deal number 1, amended", encoding="utf-8")
    assert stale_reason(index_dir, _expected(paths)) == f"document changed: {paths[1]}"


def test_stale_on_format_version(on_disk):
    index_dir, paths = on_disk
    _old_version(index_dir)
    assert stale_reason(index_dir, _expected(paths)) == f"format version 0 != {FORMAT_VERSION}"


def test_expected_manifest_hashes_raw_bytes(on_disk):
    _, paths = on_disk
    exp = _expected(paths)
    assert exp["model"] == "fake-model" and exp["chunking"] == SETTINGS["chunking"]
    assert [d["sha256"] for d in exp["documents"]] == [sha256_file(p) for p in paths]
    assert [d["doc_id"] for d in exp["documents"]] == ["a-deal", "b-deal"]


def test_swapped_model_weights_under_the_same_name_are_stale(tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "config.json").write_text('{"hidden_size": 64}')

    class PathedFake(FakeEmbeddings):
        model_path = str(model_dir)

    corpus_file = tmp_path / "mini-deal.txt"
    corpus_file.write_text("text")
    index_dir = tmp_path / "index"
    build_index(make_corpus(), PathedFake(), index_dir, SETTINGS)
    # The manifest's documents come from make_corpus, so compare model and chunking only.
    expected = expected_manifest([corpus_file], "fake-model", SETTINGS["chunking"], model_dir)
    del expected["documents"]
    assert stale_reason(index_dir, expected) is None
    (model_dir / "config.json").write_text('{"hidden_size": 32}')
    expected = expected_manifest([corpus_file], "fake-model", SETTINGS["chunking"], model_dir)
    del expected["documents"]
    assert stale_reason(index_dir, expected) == "model changed"
