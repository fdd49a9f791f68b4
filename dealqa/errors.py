"""Domain errors. Each message names the problem and says what to do, in one line."""

from __future__ import annotations

__all__ = [
    "DealQAError",
    "IngestError",
    "UnsupportedFileError",
    "EmptyDocumentError",
    "IndexMissingError",
    "IndexCorruptError",
    "InvalidQuestionError",
]


class DealQAError(Exception):
    """Base class: the CLI prints ``str(err)`` as one line and exits non-zero."""


class IngestError(DealQAError):
    """A document could not be read or chunked (missing file, corrupt PDF ...)."""


class UnsupportedFileError(IngestError):
    pass


class EmptyDocumentError(IngestError):
    pass


class IndexMissingError(DealQAError):
    pass


class IndexCorruptError(DealQAError):
    pass


class InvalidQuestionError(DealQAError, ValueError):
    pass
