"""Bounded load run against the live API on loopback: C concurrent clients for T seconds on
POST /api/ask with varied questions (a quarter of them follow-ups in a server-side session).

Reports throughput, latency percentiles, errors and the server's RSS before/during/after, prints
a table and writes bench/results/api.json. Targets on the 2-core dev machine: >= 30 answers/s,
p95 <= 500 ms, zero errors.

    python bench/bench_api.py                 # starts the real server (index built if missing)
    python bench/bench_api.py --fake          # smoke run with the tests' FakeAssistant
    python bench/bench_api.py --url URL       # an already running server (RSS not sampled)

The server runs in a child process (so its RSS is measurable and the load generator does not
share its GIL), with the whole app (UI mounted) and uvicorn's access log off.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "api.json"
TARGETS = {"answers_per_s": 30.0, "p95_ms": 500.0, "errors": 0}

# Varied on purpose (amounts, dates, entities, lists, out-of-scope) so caching one answer or
# one retrieval path cannot make the run look better than real traffic.
_TOPICS = [
    "medicines manufacturing", "the Vaccines Development & Manufacturing Centre",
    "advanced therapies", "clinical trials", "genomics and the UK Biobank", "digital pathology",
    "the Accelerated Access Review", "patient capital", "the Health Advanced Research Programme",
    "health data infrastructure", "skills and apprenticeships", "the Leeds City Region",
    "the Industrial Strategy Challenge Fund", "R&D tax credits", "NHS adoption of innovation",
    "quantum computing", "fishing quotas",
]
_FORMS = [
    "How much funding did the deal commit to {t}?", "What does the deal say about {t}?",
    "When will the commitments on {t} be delivered?", "Which organisations are involved in {t}?",
    "What support is there for small businesses in {t}?",
]
_LEADS = ["", "Please tell me: ", "In the sector deal, ", "Briefly, "]
_TAILS = ["", " Give the figures.", " Cite the deal."]
_FOLLOW_UPS = ["How much was that?", "When is it due?", "Who leads it?", "Where is it based?"]


def questions() -> list[str]:
    """1,020 distinct questions: more than the assistant's 512-entry query-embedding cache,
    and asked in a cycle, so (almost) every request pays for its own embedding."""
    return [f"{lead}{form.format(t=topic)}{tail}"
            for lead, tail, topic, form in itertools.product(_LEADS, _TAILS, _TOPICS, _FORMS)]


@dataclass
class Sample:
    latency_s: float
    status: int  # 0: no response (connection error / timeout)


@dataclass
class RunResult:
    samples: list[Sample] = field(default_factory=list)
    rss_mb: list[tuple[float, float]] = field(default_factory=list)  # (seconds into run, MB)


# -- server process ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_child(port: int, fake: bool) -> None:
    """Child mode: run the app until killed."""
    import uvicorn

    from api.server import serving_app
    from dealqa.settings import Settings

    settings = Settings(feedback_db=Path("/tmp") / f"dealqa-bench-{os.getpid()}.sqlite3")
    assistant = None
    if fake:
        sys.path.insert(0, str(ROOT / "tests"))
        from fakes_web import FakeAssistant

        assistant = FakeAssistant()
    app = serving_app(settings, assistant)  # exactly what `dealqa serve` runs
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def start_server(port: int, fake: bool) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, __file__, "--serve", "--port", str(port)] + (["--fake"] if fake else [])
    return subprocess.Popen(cmd, cwd=ROOT)


def wait_ready(url: str, proc: subprocess.Popen[bytes] | None, timeout_s: float = 600) -> None:
    import httpx

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode} before it was ready")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url}/health was not ready within {timeout_s:.0f} s")


def cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds the process has used (from /proc; Linux only)."""
    if pid is None or not Path(f"/proc/{pid}/stat").exists():
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


# -- load -------------------------------------------------------------------------------------


async def client_loop(
    client: Any, cid: int, qs: list[str], stop_at: float, out: list[Sample], counter: Iterator[int]
) -> None:
    k = 0
    while time.perf_counter() < stop_at:
        q = qs[next(counter) % len(qs)]  # shared counter: no two requests repeat a question
        body: dict[str, Any] = {"question": q}
        if k % 4 == 3:  # a follow-up in this client's session
            body = {"question": _FOLLOW_UPS[k % len(_FOLLOW_UPS)], "session_id": f"bench-{cid}"}
        elif k % 4 == 2:
            body["session_id"] = f"bench-{cid}"
        t0 = time.perf_counter()
        try:
            r = await client.post("/api/ask", json=body)
            status = r.status_code
        except Exception:  # counted as an error, the run goes on
            status = 0
        out.append(Sample(time.perf_counter() - t0, status))
        k += 1


async def run_load(url: str, clients: int, duration_s: float, pid: int | None) -> RunResult:
    import httpx

    result = RunResult()
    qs = questions()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        start = time.perf_counter()
        stop_at = start + duration_s
        counter = itertools.count()
        tasks = [asyncio.create_task(client_loop(client, i, qs, stop_at, result.samples, counter))
                 for i in range(clients)]
        while not all(t.done() for t in tasks):  # sample memory once a second meanwhile
            mb = rss_mb(pid)
            if mb is not None:
                result.rss_mb.append((round(time.perf_counter() - start, 1), round(mb, 1)))
            await asyncio.sleep(1.0)
        await asyncio.gather(*tasks)
    return result


def warm_up(url: str, n: int = 20) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=60) as c:
        for i in range(n):
            c.post("/api/ask", json={"question": f"Warm-up question number {i} about the deal?"})


# -- report -----------------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[i]


def summarize(run: RunResult, duration_s: float, clients: int) -> dict[str, Any]:
    ok = sorted(s.latency_s * 1000 for s in run.samples if s.status == 200)
    errors = [s.status for s in run.samples if s.status != 200]
    rss = [mb for _, mb in run.rss_mb]
    summary: dict[str, Any] = {
        "clients": clients,
        "duration_s": duration_s,
        "requests": len(run.samples),
        "answers": len(ok),
        "errors": len(errors),
        "error_statuses": sorted(set(errors)),
        "answers_per_s": round(len(ok) / duration_s, 1),
        "latency_ms": {
            "p50": round(percentile(ok, 50), 1),
            "p95": round(percentile(ok, 95), 1),
            "p99": round(percentile(ok, 99), 1),
            "max": round(ok[-1], 1) if ok else None,
            "mean": round(statistics.fmean(ok), 1) if ok else None,
        },
        "rss_mb": {"samples": run.rss_mb, "first": rss[0] if rss else None,
                   "last": rss[-1] if rss else None, "max": max(rss) if rss else None},
    }
    summary["targets"] = TARGETS
    summary["meets_targets"] = (
        summary["answers_per_s"] >= TARGETS["answers_per_s"]
        and summary["latency_ms"]["p95"] <= TARGETS["p95_ms"]
        and summary["errors"] == TARGETS["errors"]
    )
    return summary


def server_cpu(before: float | None, after: float | None, answers: int) -> dict[str, Any] | None:
    """CPU the server spent per answer. Unlike the wall-clock numbers this hardly depends on
    what else the machine runs, so it says what the code costs even on a busy machine."""
    if before is None or after is None or not answers:
        return None
    ms = 1000 * (after - before) / answers
    cores = os.cpu_count() or 1
    return {"ms_per_answer": round(ms, 1),
            "max_answers_per_s_all_cores": round(cores * 1000 / ms, 1) if ms else None,
            "cores": cores}


def print_table(s: dict[str, Any]) -> None:
    lat, rss = s["latency_ms"], s["rss_mb"]
    rows = [
        ("assistant", s["assistant"]),
        ("clients x duration", f"{s['clients']} x {s['duration_s']:.0f} s"),
        ("requests / answers / errors", f"{s['requests']} / {s['answers']} / {s['errors']}"),
        ("throughput (answers/s)", f"{s['answers_per_s']}   (target >= {TARGETS['answers_per_s']:.0f})"),
        ("latency p50 / p95 / p99 (ms)", f"{lat['p50']} / {lat['p95']} / {lat['p99']}   "
                                         f"(target p95 <= {TARGETS['p95_ms']:.0f})"),
        ("latency max / mean (ms)", f"{lat['max']} / {lat['mean']}"),
        ("server CPU per answer (ms)", _cpu_line(s.get("server_cpu"))),
        ("server RSS before / after warm-up (MB)", f"{s['rss_before_mb']} / {s['rss_warm_mb']}"),
        ("server RSS first / last / max in run (MB)", f"{rss['first']} / {rss['last']} / {rss['max']}"),
        ("machine load avg (1 min) before / after", f"{s['machine']['loadavg_1m_before']} / "
                                                   f"{s['machine']['loadavg_1m_after']}"),
        ("meets targets", "yes" if s["meets_targets"] else "NO"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


def _cpu_line(c: dict[str, Any] | None) -> str:
    if not c:
        return "n/a"
    return (f"{c['ms_per_answer']}   (so at most {c['max_answers_per_s_all_cores']} answers/s "
            f"on {c['cores']} idle cores)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fake", action="store_true", help="the tests' FakeAssistant (smoke run)")
    ap.add_argument("--url", help="benchmark a running server instead of starting one")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # child mode
    ap.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.clients <= 0 or args.duration <= 0:
        ap.error("--clients and --duration must be > 0")
    if args.serve:
        serve_child(args.port, args.fake)
        return 0

    proc = None
    url = args.url
    if url is None:
        port = free_port()
        proc = start_server(port, args.fake)
        url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc)
        pid = proc.pid if proc else None
        load_before = os.getloadavg()
        rss_before = rss_mb(pid)
        warm_up(url)
        rss_warm = rss_mb(pid)
        cpu_before = cpu_s(pid)
        run = asyncio.run(run_load(url, args.clients, args.duration, pid))
        cpu_after = cpu_s(pid)
        load_after = os.getloadavg()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    summary = summarize(run, args.duration, args.clients)
    summary["server_cpu"] = server_cpu(cpu_before, cpu_after, summary["answers"])
    summary.update(
        assistant="fake" if args.fake else ("external" if args.url else "real"),
        url=url,
        rss_before_mb=round(rss_before, 1) if rss_before else None,
        rss_warm_mb=round(rss_warm, 1) if rss_warm else None,
        machine={"cpus": os.cpu_count(), "python": platform.python_version(),
                 "platform": platform.platform(),
                 # Other work on the machine skews every number above: say how busy it was.
                 "loadavg_1m_before": round(load_before[0], 2),
                 "loadavg_1m_after": round(load_after[0], 2)},
        when=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    print_table(summary)
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
