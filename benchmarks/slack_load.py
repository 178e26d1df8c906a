"""Slack under load: N concurrent signed events through ``monograph-bot slack --http``, beside an older server.

Runs by hand, never in the test suite:

    .venv/bin/python benchmarks/slack_load.py                 # 500 events, this tree vs the merge-base with main
    .venv/bin/python benchmarks/slack_load.py --events 200 --repeat 1 --latency 0 --baseline-ref 7834fac --no-write

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
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.eval.metrics import percentile  # noqa: E402
from tests.slack_fake import (  # noqa: E402
    SECRET,
    TEAM,
    BotProcess,
    FakeSlack,
    event_body,
    free_port,
    mention,
    signed_post,
)

FORM, JSON = "application/x-www-form-urlencoded", "application/json"

README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- slack-load:begin -->", "<!-- slack-load:end -->"
QUESTIONS = ["What is the half-life?", "What are the withdrawal symptoms?", "Is it safe during pregnancy?",
             "What are the side effects?", "Can it treat alcohol addiction?"]


class TimedSlack(FakeSlack):
    """The fake Slack, noting when each chat.postMessage arrives, and answering it after ``latency`` seconds."""

    def __init__(self, latency: float = 0.0):
        super().__init__()
        self.latency = latency
        self.posted_at: dict[tuple[str, str], float] = {}

    def handle(self, method, args):
        if method in ("chat.postMessage", "response_url"):
            key = ("response", args["url"]) if method == "response_url" else (args.get("channel"), args.get("thread_ts"))
            self.posted_at.setdefault(key, time.perf_counter())
            time.sleep(self.latency)  # Slack's own time to answer, which the poster waits for
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


def requests(fake: TimedSlack, count: int, channel: str) -> list[tuple[tuple, str, str]]:
    """(where the reply lands, body, content type): every fifth a slash command, the rest mentions."""
    made = []
    for i in range(count):
        question, ts = QUESTIONS[i % len(QUESTIONS)], f"{1_700_400_000 + i}.000100"
        if i % 5 == 4:
            path = f"/response/{channel}-{i}"
            body = urlencode({"team_id": TEAM, "channel_id": channel, "user_id": "UALICE", "command": "/monograph",
                              "text": question, "response_url": fake.url + path, "trigger_id": f"{channel}.{i}"})
            made.append((("response", path), body, FORM))
        else:
            made.append(((channel, ts), json.dumps(event_body(mention(question, ts, channel=channel))), JSON))
    return made


def burst(fake: TimedSlack, url: str, count: int, channel: str) -> dict:
    bodies = requests(fake, count, channel)
    gate = threading.Barrier(count)
    sent: dict[tuple, float] = {}
    took: list[float] = []

    def send(item):
        key, body, content_type = item
        gate.wait()
        sent[key] = time.perf_counter()
        try:
            status = signed_post(url, body, content_type=content_type, timeout=60)[0]
        except OSError:
            status = 0
        took.append(time.perf_counter() - sent[key])
        return status

    with ThreadPoolExecutor(count) as pool:
        statuses = list(pool.map(send, bodies))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and sum(1 for key, _, _ in bodies if key in fake.posted_at) < count:
        time.sleep(0.05)
    to_post = [fake.posted_at[key] - sent[key] for key, _, _ in bodies if key in fake.posted_at]
    return {"events": count, "acknowledged": statuses.count(200), "refused": count - statuses.count(200),
            "over_3s": sum(t > 3.0 for t in took),
            "answered": len(to_post), "ack_p50_ms": percentile(took, 50) * 1000, "ack_max_ms": max(took) * 1000,
            "post_p50_ms": percentile(to_post, 50) * 1000 if to_post else None,
            "post_p95_ms": percentile(to_post, 95) * 1000 if to_post else None}


def run(name: str, tree: Path, events: int, workdir: Path, latency: float) -> dict:
    fake = TimedSlack(latency)
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
        elif key == "over_3s":
            merged[key] = max(values)
        elif isinstance(value, (int, float)) and None not in values:
            merged[key] = sorted(values)[len(values) // 2]
        else:
            merged[key] = value
    return merged


def head(events: int, ref: str, repeat: int) -> str:
    return (f"{events} concurrent signed requests (every fifth a slash command answered through its `response_url`, "
            f"the rest `app_mention` events), after a warm-up burst of 50; "
            f"median of {repeat} runs per server, alternating; acknowledged = HTTP 200; "
            f"request-to-post is from sending the request to the fake Slack receiving the reply; "
            f"RSS of the process that answers (gunicorn: its worker). Baseline: `{ref}`.\n")


def table(results: list[dict]) -> str:
    head = ("| server | acknowledged | acks over 3 s | answered | ack p50 / max (ms) | request-to-post p50 / p95 (ms) | "
            "RSS before -> after (MB) | gunicorn master RSS (MB) |\n|---|---|---|---|---|---|---|---|\n")
    rows = []
    for r in results:
        post = (f"{r['post_p50_ms']:.0f} / {r['post_p95_ms']:.0f}" if r["post_p50_ms"] is not None else "-")
        master = f"{r['master_rss_mb']:.1f}" if r["master_rss_mb"] else "-"
        rows.append(f"| {r['server']} | {r['acknowledged']}/{r['events']} | {r['over_3s']} | "
                    f"{r['answered']}/{r['events']} | "
                    f"{r['ack_p50_ms']:.0f} / {r['ack_max_ms']:.0f} | {post} | "
                    f"{r['rss_before_mb']:.1f} -> {r['rss_after_mb']:.1f} | {master} |")
    return head + "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each server, alternating; medians are reported")
    parser.add_argument("--latency", default="0,100",
                        help="ms the fake Slack takes to answer chat.postMessage, one table each (default 0,100)")
    parser.add_argument("--baseline-ref", default=None, help="commit for the older server (default: merge-base with main)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave benchmarks/README.md alone")
    args = parser.parse_args()
    ref = args.baseline_ref or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                              capture_output=True, text=True, check=True).stdout.strip()[:7]
    text, everything = "", []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "old").mkdir()
        old = checkout(ref, tmp / "old")
        for latency in (float(ms) / 1000 for ms in args.latency.split(",")):
            runs: dict[str, list[dict]] = {}
            for n in range(args.repeat):  # alternating, so a busy moment of the machine hits both alike
                for name, tree in (("gunicorn (this tree)", ROOT), (f"http.server ({ref})", old)):
                    workdir = tmp / f"work-{latency}-{n}-{tree.name}"
                    workdir.mkdir()
                    runs.setdefault(name, []).append(run(name, tree, args.events, workdir, latency))
            results = [median_of(name, rs) for name, rs in runs.items()]
            everything.append({"latency_ms": latency * 1000, "runs": [r["runs"] for r in results]})
            text += f"\n**the fake Slack answering each reply in {latency * 1000:.0f} ms**\n\n" + table(results)
    text = head(args.events, ref, args.repeat) + text
    print(text)
    print(json.dumps(everything, indent=1))
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
