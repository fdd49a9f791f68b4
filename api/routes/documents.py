"""GET /api/documents: what the assistant answers from, and whether it is still current."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AssistantDep
from api.schemas import DocumentOut

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents", response_model=list[DocumentOut])
def documents(assistant: AssistantDep) -> list[DocumentOut]:
    return [DocumentOut.of(d) for d in assistant.documents()]
