"""`dealqa`: ingest, ask, chat, eval, serve. Errors print one line that says what to do."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from dealqa.errors import DealQAError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dealqa", description="Grounded, cited answers over the "
                                "UK Life Sciences Sector Deal.")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="clean, chunk and index documents (default: data/corpus)")
    ing.add_argument("paths", nargs="*", type=Path, help=".txt, .md or .pdf files")
    ing.add_argument("--if-stale", action="store_true",
                     help="do nothing when the index matches the documents, model and settings")

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")

    sub.add_parser("chat", help="interactive chat that keeps the conversation")

    ev = sub.add_parser("eval", help="run the QA benchmark and write a report")
    ev.add_argument("--dataset", type=Path, default=None, help="JSONL QA set (default: dev set)")
    ev.add_argument("--out", type=Path, default=None, help="run file (JSON) to write")
    ev.add_argument("--baselines", action="store_true",
                    help="also run the recipe (1000/200 + MiniLM + FAISS) and BM25 baselines")
    ev.add_argument("--report", type=Path, default=None, help="report folder (default eval/report)")

    sm = sub.add_parser("summary", help="pool run files of several QA sets: metrics with 95%% "
                        "intervals, baselines side by side, paired tests")
    sm.add_argument("runs", nargs="+", type=Path, help="our run files (eval/runs/SET.json); the "
                    "baselines' SET.recipe.json and SET.bm25.json beside them are read too")
    sm.add_argument("--out", type=Path, default=None,
                    help="Markdown file to write (default: print)")
    sm.add_argument("--title", default="", help="the summary's heading")

    com = sub.add_parser("commitments", help="every figure the deal commits, filterable and cited")
    com.add_argument("--theme", default=None, help="e.g. vaccines, manufacturing, genomics")
    com.add_argument("--place", default=None, help="e.g. Liverpool, Stevenage")
    com.add_argument("--min-amount", default=None, help="e.g. 50m, £1.5bn")
    com.add_argument("--format", default="table", choices=["table", "csv", "json"])

    sup = sub.add_parser("support", help="which measures in the deal fit an organisation")
    sup.add_argument("profile", help='e.g. "12-person medtech start-up in Leeds working with NHS trusts"')
    sup.add_argument("--json", action="store_true", help="print the result as JSON")

    srv = sub.add_parser("serve", help="start the web app (chat UI at /, API at /api)")
    srv.add_argument("--host", default=None)
    srv.add_argument("--port", type=int, default=None)
    return p


class _Progress:
    """Progress for ingest: messages as lines, fractions as a tqdm bar (on stderr)."""

    def __init__(self) -> None:
        self._bar = None

    def __call__(self, item) -> None:
        if isinstance(item, (int, float)):
            if self._bar is None:
                from tqdm import tqdm

                self._bar = tqdm(total=100, desc="embedding", unit="%", file=sys.stderr)
            self._bar.n = round(float(item) * 100)
            self._bar.refresh()
        else:
            self.close()
            print(f"· {item}", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _cmd_ingest(args, settings) -> int:
    from dealqa.indexing import build, index_stale_reason, make_embedder

    embedder = make_embedder(settings)
    if args.if_stale:
        reason = index_stale_reason(settings, embedder, args.paths or None)
        if reason is None:
            print(f"index is up to date: {settings.index_dir}")
            return 0
        print(f"rebuilding the index: {reason}", file=sys.stderr)
    progress = _Progress()
    try:
        index = build(settings, embedder, args.paths or None, progress=progress)
    finally:
        progress.close()
    print(f"indexed {len(index.documents)} document(s), {len(index.passages)} passages "
          f"-> {settings.index_dir}")
    return 0


def _print_answer(answer, out=sys.stdout) -> None:
    print(answer.text, file=out)
    if answer.citations:
        print("\nSources:", file=out)
        for c in answer.citations:
            quote = textwrap.shorten(c.quote, 220, placeholder=" …")
            print(f"  [{c.n}] {c.section} ({c.passage_id})\n      “{quote}”", file=out)
    for cav in answer.caveats:
        print(f"  ⚠ {cav}", file=out)


def _cmd_ask(args, settings) -> int:
    from assistant import build_assistant

    answer = build_assistant(settings, progress=_Progress()).ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)
    return 0


def _cmd_chat(args, settings) -> int:
    from assistant import build_assistant
    from dealqa.types import Turn

    assistant = build_assistant(settings, progress=_Progress())
    history: list[Turn] = []
    print("Ask about the Life Sciences Sector Deal (withdrawn 23 June 2025). "
          "Empty line or Ctrl-D to quit; /clear forgets the conversation.")
    while True:
        try:
            q = input("\n› ").strip()
        except EOFError:
            break
        if not q:
            break
        if q == "/clear":
            history.clear()
            continue
        try:
            answer = assistant.ask(q, history)
        except DealQAError as err:
            print(f"error: {err}")
            continue
        _print_answer(answer)
        history = (history + [Turn(q=q, a=answer.text)])[-6:]
    return 0


def _cmd_eval(args, settings) -> int:
    from eval.runner import main_eval

    return main_eval(args.dataset, args.out, args.baselines, args.report, settings)


def _cmd_summary(args, settings) -> int:
    from eval.summary import main_summary

    return main_summary(args.runs, args.out, args.title)


def _cmd_commitments(args, settings) -> int:
    from commitments import main_commitments
    from dealqa.indexing import load_commitments

    print(main_commitments(load_commitments(settings), args.theme, args.place, args.min_amount,
                           args.format))
    return 0


def _cmd_support(args, settings) -> int:
    from assistant import build_assistant
    from finder import main_support

    assistant = build_assistant(settings, progress=_Progress())
    print(main_support(assistant.finder, args.profile, args.json))
    return 0


def _cmd_serve(args, settings) -> int:
    from api.server import serve

    serve(args.host or settings.host, args.port or settings.port, settings=settings)
    return 0


COMMANDS = {"ingest": _cmd_ingest, "ask": _cmd_ask, "chat": _cmd_chat, "eval": _cmd_eval,
            "summary": _cmd_summary, "commitments": _cmd_commitments, "support": _cmd_support,
            "serve": _cmd_serve}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from dealqa.settings import get_settings

    try:
        return COMMANDS[args.command](args, get_settings())
    except DealQAError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
