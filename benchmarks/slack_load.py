"""Slack under load: N concurrent signed events through ``monograph-bot slack --http``, beside an older server.

Runs by hand, never in the test suite:

    .venv/bin/python benchmarks/slack_load.py                 # 500 events, this tree vs the merge-base with main
    .venv/bin/python benchmarks/slack_load.py --events 200 --baseline-ref 7834fac --no-write

Each server is the real command in a subprocess, answering a local fake Slack (the
tests' ``tests/slack_fake.py``; loopback only). The baseline is the same command from
another commit (``git archive`` into a temporary folder, imported ahead of the
installed package), so "today's server" means the code as it was, not a re-creation.
Per event it times the request (send to HTTP status) and request-to-post (send to the
moment the fake receives ``chat.postMessage``), and reads RSS of the answering process
before and after the burst (gunicorn: its worker; the master is reported apart). The
figures go to stdout and, unless ``--no-write``, into benchmarks/README.md's Slack section.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.eval.metrics import percentile  # noqa: E402
from tests.slack_fake import SECRET, BotProcess, FakeSlack, event_body, free_port, mention, signed_post  # noqa: E402

README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- slack-load:begin -->", "<!-- slack-load:end -->"
QUESTIONS = ["What is the half-life?", "What are the withdrawal symptoms?", "Is it safe during pregnancy?",
             "What are the side effects?", "Can it treat alcohol addiction?"]


class TimedSlack(FakeSlack):
    """The fake Slack, noting when each chat.postMessage arrives."""

    def __init__(self):
        super().__init__()
        self.posted_at: dict[tuple[str, str], float] = {}

    def handle(self, method, args):
        if method == "chat.postMessage":
            self.posted_at.setdefault((args.get("channel"), args.get("thread_ts")), time.perf_counter())
        return super().handle(method, args)


def rss_kb(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    return found


def burst(fake: TimedSlack, url: str, count: int, channel: str) -> dict:
    bodies = [(f"{1_700_400_000 + i}.000100", json.dumps(event_body(mention(
        QUESTIONS[i % len(QUESTIONS)], f"{1_700_400_000 + i}.000100", channel=channel)))) for i in range(count)]
    gate = threading.Barrier(count)
    sent: dict[str, float] = {}
    took: list[float] = []

    def send(item):
        ts, body = item
        gate.wait()
        sent[ts] = time.perf_counter()
        try:
            status = signed_post(url, body, timeout=60)[0]
        except OSError:
            status = 0
        took.append(time.perf_counter() - sent[ts])
        return status

    with ThreadPoolExecutor(count) as pool:
        statuses = list(pool.map(send, bodies))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and sum(1 for c, _ in fake.posted_at if c == channel) < count:
        time.sleep(0.05)
    to_post = [fake.posted_at[(channel, ts)] - sent[ts] for ts, _ in bodies if (channel, ts) in fake.posted_at]
    return {"events": count, "acknowledged": statuses.count(200), "refused": count - statuses.count(200),
            "answered": len(to_post), "ack_p50_ms": percentile(took, 50) * 1000, "ack_max_ms": max(took) * 1000,
            "post_p50_ms": percentile(to_post, 50) * 1000 if to_post else None,
            "post_p95_ms": percentile(to_post, 95) * 1000 if to_post else None}


def run(name: str, tree: Path, events: int, workdir: Path) -> dict:
    fake = TimedSlack()
    port = free_port()
    env = {"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
           "LOG_LEVEL": "WARNING", "PYTHONPATH": str(tree)}
    bot = BotProcess(workdir, "--http", "--port", str(port), env=env)
    try:
        bot.wait_listening(port)
        time.sleep(0.5)  # gunicorn forks its worker after listening
        answering = (children(bot.proc.pid) or [bot.proc.pid])[0]
        url = f"http://127.0.0.1:{port}/slack/events"
        burst(fake, url, 50, "CWARM")  # warm-up: pools and caches at working size
        before = rss_kb(answering)
        result = burst(fake, url, events, "CLOAD")
        result.update(server=name, rss_before_mb=before / 1024, rss_after_mb=rss_kb(answering) / 1024,
                      master_rss_mb=rss_kb(bot.proc.pid) / 1024 if answering != bot.proc.pid else None)
        return result
    finally:
        bot.stop()
        fake.close()


def checkout(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def median_of(name: str, results: list[dict]) -> dict:
    """Each figure's median over the runs (counts: the smallest, so a lost answer is never hidden)."""
    merged = {"server": name, "runs": results}
    for key, value in results[0].items():
        values = [r[key] for r in results]
        if key in ("acknowledged", "answered", "events"):
            merged[key] = min(values)
        elif isinstance(value, (int, float)) and None not in values:
            merged[key] = sorted(values)[len(values) // 2]
        else:
            merged[key] = value
    return merged


def table(results: list[dict], events: int, ref: str, repeat: int) -> str:
    head = (f"{events} concurrent signed events (`app_mention`, one thread each), after a warm-up burst of 50; "
            f"median of {repeat} runs per server, alternating; "
            f"request-to-post is from sending the request to the fake Slack receiving `chat.postMessage`; "
            f"RSS of the process that answers (gunicorn: its worker). Baseline: `{ref}`.\n\n"
            "| server | acknowledged | answered | ack p50 / max (ms) | request-to-post p50 / p95 (ms) | "
            "RSS before -> after (MB) | gunicorn master RSS (MB) |\n|---|---|---|---|---|---|---|\n")
    rows = []
    for r in results:
        post = (f"{r['post_p50_ms']:.0f} / {r['post_p95_ms']:.0f}" if r["post_p50_ms"] is not None else "-")
        master = f"{r['master_rss_mb']:.1f}" if r["master_rss_mb"] else "-"
        rows.append(f"| {r['server']} | {r['acknowledged']}/{r['events']} | {r['answered']}/{r['events']} | "
                    f"{r['ack_p50_ms']:.0f} / {r['ack_max_ms']:.0f} | {post} | "
                    f"{r['rss_before_mb']:.1f} -> {r['rss_after_mb']:.1f} | {master} |")
    return head + "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each server, alternating; medians are reported")
    parser.add_argument("--baseline-ref", default=None, help="commit for the older server (default: merge-base with main)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave benchmarks/README.md alone")
    args = parser.parse_args()
    ref = args.baseline_ref or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                              capture_output=True, text=True, check=True).stdout.strip()[:7]
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "old").mkdir()
        old = checkout(ref, tmp / "old")
        for n in range(args.repeat):  # alternating, so a busy moment of the machine hits both alike
            for name, tree in (("gunicorn (this tree)", ROOT), (f"http.server ({ref})", old)):
                (tmp / f"work-{n}-{len(runs.get(name, []))}-{tree.name}").mkdir()
                runs.setdefault(name, []).append(run(name, tree, args.events,
                                                     tmp / f"work-{n}-{len(runs[name])}-{tree.name}"))
    results = [median_of(name, rs) for name, rs in runs.items()]
    text = table(results, args.events, ref, args.repeat)
    print(text)
    print(json.dumps([r["runs"] for r in results], indent=1))
    if not args.no_write:
        readme = README.read_text()
        if BEGIN in readme:
            start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
            README.write_text(readme[:start] + "\n" + text + readme[end:])
        else:
            README.write_text(readme.rstrip() + f"\n\n## Slack under load\n\n{BEGIN}\n{text}{END}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
