"""GET /api/commitments (the register, filtered, as JSON or CSV) and
GET /api/commitments/chart.png (amounts by theme for the same filters)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.commitment_chart import render_theme_chart, theme_totals
from api.deps import LimiterDep, RegisterDep, run_blocking
from commitments import InvalidFilterError, OutputFormat, Register

__all__ = ["router", "CSV_FILENAME"]

router = APIRouter(prefix="/api", tags=["commitments"])

CSV_FILENAME = "commitments.csv"
_SERVED = (OutputFormat.JSON, OutputFormat.CSV)

Theme = Annotated[str | None, Query(description='e.g. "vaccines" or "ai-and-data"')]
Place = Annotated[str | None, Query(max_length=100, description="a place named, whole word")]
MinAmount = Annotated[str | None, Query(max_length=40, description="money only: 50m, £1.5bn")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "unknown theme or format, unreadable amount"},
    503: {"description": "the register is not loaded"},
}


def _chosen(register: Register, theme: str | None, place: str | None,
            min_amount: str | None) -> Register:
    # Empty query values ("?theme=") mean "no filter", as an HTML form sends them.
    return register.select(register.filter(theme=theme or None, place=place or None,
                                            min_amount=min_amount or None))


@router.get("/commitments", responses={
    200: {"content": {"application/json": {}, "text/csv": {}},
          "description": "the register's JSON (commitments, reconciliations) or CSV rows"},
    **_ERRORS,
})
def commitments(
    register: RegisterDep,
    theme: Theme = None,
    place: Place = None,
    min_amount: MinAmount = None,
    format: Annotated[str, Query(description="json or csv")] = "json",  # noqa: A002 (the issue's name)
) -> Response:
    out = next((f for f in _SERVED if f.value == format.strip().lower()), None)
    if out is None:
        raise InvalidFilterError(f"unknown format '{format}' — choose one of: json, csv")
    chosen = _chosen(register, theme, place, min_amount)
    if out is OutputFormat.CSV:
        return Response(chosen.to_csv(), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{CSV_FILENAME}"'})
    return Response(chosen.to_json(indent=None), media_type="application/json")


@router.get("/commitments/chart.png", response_class=Response, responses={
    200: {"content": {"image/png": {}}, "description": "a bar chart of £ amounts by theme"},
    **_ERRORS,
})
async def chart(
    register: RegisterDep,
    limiter: LimiterDep,
    theme: Theme = None,
    place: Place = None,
    min_amount: MinAmount = None,
) -> Response:
    chosen = _chosen(register, theme, place, min_amount)
    totals = theme_totals(register, chosen.commitments)
    # Drawing takes ~50 ms of CPU: off the event loop, in the same queue as the assistant.
    png = await run_blocking(limiter, render_theme_chart, totals)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-cache"})
