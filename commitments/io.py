"""Save and load a register as JSON (no pickle), written atomically next to the index."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from commitments.register import Register
from dealqa.errors import IndexCorruptError, IndexMissingError

__all__ = ["save_register", "load_register", "REGISTER_FILE"]

REGISTER_FILE = "commitments.json"


def save_register(register: Register, path: Path | str) -> Path:
    """Write ``register`` to ``path`` (a file, or a folder to hold ``commitments.json``)."""
    path = Path(path)
    if path.is_dir():
        path = path / REGISTER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write-then-rename: a reader never sees half a file.
    fd, tmp = tempfile.mkstemp(prefix=".commitments-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(register.to_json())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the register is as public as the index
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_register(path: Path | str) -> Register:
    """Read a register written by :func:`save_register`."""
    path = Path(path)
    if path.is_dir():
        path = path / REGISTER_FILE
    if not path.is_file():
        raise IndexMissingError(
            f"no commitments register at {path} — run `dealqa ingest` to build it")
    try:
        return Register.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as err:
        raise IndexCorruptError(
            f"the commitments register {path} is unreadable ({err}) — run `dealqa ingest` "
            "to rebuild it") from None
