"""Loading files: .txt/.md/.pdf, document identity, corpus listing, and the errors."""

from __future__ import annotations

import hashlib
import os

import pytest
from test_ingest_support import MINI, make_pdf

from dealqa.errors import EmptyDocumentError, IngestError, UnsupportedFileError
from dealqa.types import DocStatus
from ingest import corpus_paths, ingest_paths
from ingest.loader import DocumentLoader, doc_id_for
from ingest.pdf_text import reflow_lines

PDF_PAGES = [
    [
        "Withdrawn 23 June 2025",
        "Genomics",
        "The UK is uniquely positioned to be the global leader in this field thanks to",
        "major projects such as UK Biobank and the 100,000 Genomes Project.",
        "Organisations including GSK and AstraZeneca will work in partnership with the",
    ],
    [
        "government on the whole genome sequencing of the UK Biobank (£210m).",
        "- Sequencing of 50,000 genomes; and",
        "- A new digital pathology programme.",
    ],
]


def test_missing_file(tmp_path, fake_embedder):
    missing = tmp_path / "nope.txt"
    with pytest.raises(IngestError, match=f"file not found: {missing} — check the path"):
        ingest_paths([missing], fake_embedder.count_tokens)


def test_unsupported_extension_names_it_and_the_supported_ones(tmp_path, fake_embedder):
    path = tmp_path / "deal.docx"
    path.write_text("text")
    with pytest.raises(UnsupportedFileError, match=r"'\.docx'.*use one of \.markdown, \.md, \.pdf, \.txt"):
        ingest_paths([path], fake_embedder.count_tokens)


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"], ids=["empty", "whitespace"])
def test_empty_documents(tmp_path, content, fake_embedder):
    path = tmp_path / "empty.txt"
    path.write_text(content)
    with pytest.raises(EmptyDocumentError, match="no text in"):
        ingest_paths([path], fake_embedder.count_tokens)


def test_document_of_noise_only_is_empty(tmp_path, fake_embedder):
    path = tmp_path / "noise.md"
    path.write_text("Withdrawn 23 June 2025\n\nThe background of the page features a map.\n")
    with pytest.raises(EmptyDocumentError, match="no body text"):
        ingest_paths([path], fake_embedder.count_tokens)


def test_corrupt_pdf_names_the_file(tmp_path, fake_embedder):
    path = tmp_path / "broken.pdf"
    path.write_bytes(os.urandom(2048))
    with pytest.raises(IngestError, match=f"cannot read PDF {path}: the file is corrupt or not a PDF"):
        ingest_paths([path], fake_embedder.count_tokens)


def test_pdf_without_text_is_empty(tmp_path, fake_embedder):
    path = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(EmptyDocumentError, match="no extractable text"):
        ingest_paths([path], fake_embedder.count_tokens)


def test_pdf_is_loaded_reflowed_and_titled_from_metadata(tmp_path, fake_embedder):
    path = make_pdf(tmp_path / "Genome Deal.pdf", PDF_PAGES, title="Genome Sector Deal")
    result = ingest_paths([path], fake_embedder.count_tokens)
    (doc,) = result.documents
    assert doc.doc_id == "genome-deal" and doc.title == "Genome Sector Deal"
    assert doc.status is DocStatus.WITHDRAWN
    assert "thanks to major projects such as UK Biobank" in doc.text
    # The page break fell inside a sentence: the lower-case continuation is joined.
    assert "in partnership with the government on the whole genome sequencing of the UK Biobank (£210m)." in doc.text
    assert "• Sequencing of 50,000 genomes; and" in doc.text
    assert {p.section for p in result.passages} == {("Document status",), ("Genomics",)}


def test_pdf_without_metadata_title_falls_back_to_the_stem(tmp_path, fake_embedder):
    path = make_pdf(tmp_path / "untitled-deal.pdf", [["Some body text that is a sentence."]])
    assert ingest_paths([path], fake_embedder.count_tokens).documents[0].title == "untitled-deal"


def test_reflow_breaks_after_short_lines_and_before_bullets():
    lines = ["Heading", "A full line of text that goes on and on and on", "and ends here.",
             "A new paragraph line that also goes on and on and on", "- a bullet"]
    assert reflow_lines(lines).split("\n\n") == [
        "Heading", "A full line of text that goes on and on and on\nand ends here.",
        "A new paragraph line that also goes on and on and on", "- a bullet"]


def test_markdown_file(tmp_path, fake_embedder):
    path = tmp_path / "notes.md"
    path.write_text("# Notes on the Deal\n\n## Ideas\n\nThe **deal** invests \\$5m.\n\n## People\n\nSkills matter.\n")
    result = ingest_paths([path], fake_embedder.count_tokens)
    assert result.documents[0].title == "Notes on the Deal"
    assert [(p.section, p.text) for p in result.passages] == [
        (("Ideas",), "The deal invests $5m."), (("People",), "Skills matter.")]


def test_document_identity(fake_embedder):
    doc = ingest_paths([MINI], fake_embedder.count_tokens).documents[0]
    assert doc.sha256 == hashlib.sha256(MINI.read_bytes()).hexdigest()
    assert doc.source.endswith("tests/fixtures/corpus/mini-deal.txt")
    assert doc_id_for(MINI) == "mini-deal"


def test_plain_file_without_title_lines_uses_the_stem(tmp_path, fake_embedder):
    path = tmp_path / "Plain Notes.txt"
    path.write_text("This is one sentence. And another one.\n")
    doc = ingest_paths([path], fake_embedder.count_tokens).documents[0]
    assert (doc.doc_id, doc.title, doc.status, doc.status_note) == (
        "plain-notes", "Plain Notes", DocStatus.CURRENT, None)


def test_windows_encoded_text_is_read(tmp_path, fake_embedder):
    path = tmp_path / "cp.txt"
    path.write_bytes("It costs £5m.".encode("cp1252"))
    assert "£5m" in ingest_paths([path], fake_embedder.count_tokens).documents[0].text


def test_binary_txt_is_refused(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\xff\xfe\x00\x00\x81")
    with pytest.raises(IngestError, match="looks binary"):
        DocumentLoader().run(path)


def test_duplicate_doc_ids_are_refused(tmp_path, fake_embedder):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    paths = [tmp_path / "a" / "deal.txt", tmp_path / "b" / "deal.txt"]
    for p in paths:
        p.write_text("A sentence here.")
    with pytest.raises(IngestError, match="two files give the document id 'deal'"):
        ingest_paths(paths, fake_embedder.count_tokens)


def test_corpus_paths(tmp_path):
    for name in ("b.txt", "a.md", "c.pdf", "README.md", "ATTRIBUTION.md", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in corpus_paths(tmp_path)] == ["a.md", "b.txt", "c.pdf"]


def test_corpus_paths_missing_folder(tmp_path):
    with pytest.raises(IngestError, match="corpus folder not found"):
        corpus_paths(tmp_path / "nowhere")


@pytest.mark.integration
def test_bundled_corpus_folder_lists_only_the_deal(real_corpus):
    assert corpus_paths(real_corpus.parent) == [real_corpus]
