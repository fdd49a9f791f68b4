"""Every error leaves the API as a 4xx/5xx with ``{"detail": "<one line>"}``.

The line names the problem and says what to do, like the domain errors. FastAPI's default
validation body (a list of pydantic error dicts) is kept under ``errors`` for programs, but
people read ``detail``. Routes under ``/v1`` answer in OpenAI's error shape, which chat
clients know how to show.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from commitments.errors import InvalidFilterError
from dealqa.errors import DealQAError, InvalidQuestionError

__all__ = ["install_error_handlers", "error_response", "describe_validation_errors"]

log = logging.getLogger(__name__)

_LOC_ROOTS = {"body", "query", "path", "header"}
_OPENAI_TYPES = {400: "invalid_request_error", 404: "not_found_error", 413: "invalid_request_error",
                 422: "invalid_request_error", 503: "server_error"}


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
    app.add_exception_handler(InvalidQuestionError, _on_invalid_question)
    app.add_exception_handler(InvalidFilterError, _on_invalid_filter)
    app.add_exception_handler(DealQAError, _on_domain)
    app.add_exception_handler(Exception, _on_bug)


def error_response(
    request: Request, status: int, message: str, errors: Sequence[dict[str, Any]] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    if request.url.path.startswith("/v1/"):
        body: dict[str, Any] = {
            "error": {"message": message, "type": _OPENAI_TYPES.get(status, "server_error"),
                      "param": None, "code": status}
        }
    else:
        body = {"detail": message}
        if errors:
            body["errors"] = list(errors)
    return JSONResponse(body, status_code=status, headers=headers)


def describe_validation_errors(errors: Sequence[dict[str, Any]], content_type: str = "") -> str:
    """One line for the first error: where it is and what is wrong."""
    if not errors:
        return "the request is invalid: see /docs for the expected shape"
    e = errors[0]
    kind = e.get("type", "")
    path = _loc_to_path(e.get("loc", ()))
    if kind == "json_invalid":
        reason = (e.get("ctx") or {}).get("error", "syntax error")
        return f"request body is not valid JSON ({reason}): send a JSON object"
    if not path:
        if kind == "missing":
            return "request body is missing: send a JSON object (see /docs)"
        if "json" not in content_type:
            return "request body must be a JSON object sent with Content-Type: application/json"
        return f"request body must be a JSON object: {e.get('msg', 'wrong type')}"
    hint = _HINTS.get(path.split("[", 1)[0].split(".", 1)[0], "")
    if kind == "missing":
        return f"{path} is required{hint or ': see /docs for the expected fields'}"
    if kind == "extra_forbidden":
        return f"unknown field '{path}': remove it or check its spelling (see /docs)"
    msg = str(e.get("msg", "is invalid")).removeprefix("Value error, ")
    # Our own validators already start their message with the field's name.
    return f"{msg}{hint}" if msg.startswith(path) else f"{path}: {msg}{hint}"


_HINTS = {
    "history": '; history must be a list of {"q": "...", "a": "..."} turns, oldest first',
    "session_id": "; use 1 to 128 letters, digits, '.', '_', ':' or '-'",
    "messages": '; messages must be a list of {"role": "user", "content": "..."}',
    "needs": "; needs must be a list of strings such as \"funding\"",
}


def _loc_to_path(loc: Sequence[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in _LOC_ROOTS:
        parts = parts[1:]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    message = describe_validation_errors(exc.errors(), request.headers.get("content-type", ""))
    return error_response(request, 422, message, errors)


async def _on_http(request: Request, exc: HTTPException) -> JSONResponse:
    if exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}: see /docs"
    else:
        message = str(exc.detail)
    return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def _on_invalid_question(request: Request, exc: InvalidQuestionError) -> JSONResponse:
    return error_response(request, 422, str(exc))


async def _on_invalid_filter(request: Request, exc: InvalidFilterError) -> JSONResponse:
    return error_response(request, 400, str(exc))


async def _on_domain(request: Request, exc: DealQAError) -> JSONResponse:
    # Not the client's fault (index missing/corrupt ...): say so, do not crash the worker.
    log.error("assistant error on %s: %s", request.url.path, exc)
    return error_response(request, 503, str(exc))


async def _on_bug(request: Request, exc: Exception) -> JSONResponse:
    # A bug, not bad input (bad input is a 4xx above). Same JSON shape as every other error;
    # the traceback goes to the log, not to the client.
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        request, 500, "the server failed on this request (logged): retry, and report it if it persists"
    )
