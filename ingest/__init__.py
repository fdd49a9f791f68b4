"""Ingest: documents -> cleaned text -> structured, cited passages. See ingest.pipeline."""

from ingest.pipeline import IngestResult, corpus_paths, ingest_paths
from ingest.units import split_units

__all__ = ["ingest_paths", "IngestResult", "corpus_paths", "split_units"]
