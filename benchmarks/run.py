"""Speed figures for ``docs/performance.md``: ``python -m benchmarks COMMAND`` from the checkout's root (``--help``
lists them).

Benchmarks, not tests: each prints a table of absolute values and ratios with the machine it ran on (core
count, Python, platform), in Markdown so it can go into the docs as printed. The commands run from a checkout:
they use ``seeds/``, the dev articles and ``fixtures/exchanges`` as articles and answers, and the loopback
OpenAI-compatible server of the test suite (``tests/fakeserver.py``), which answers the recorded requests
exactly as recorded. No network is used, and no model except by ``local``.

- ``cached``: a cached re-run of 1,000 distinct articles rendered to jsonl, through the real CLI in a subprocess
  (start-up included) and in-process (brief cache, and the exchange cache alone for comparison).
- ``concurrency``: a batch against a server that takes 200 ms per answer, one article at a time and with
  ``--concurrency 16``; the two outputs must be identical and in input order.
- ``merge``: ``merge_incidents`` over 1k, 10k and 100k synthetic briefs (``benchmarks/synthetic.py``).
- ``local``: the embedded model (this one does run it): seconds per article over the dev set with no cache,
  prompt tokens reused from the KV cache, the pipeline against bare llama.cpp calls on the same requests, and
  the eval scores of the same briefs (``benchmarks/local.py``).

A new benchmark is a function that takes the parsed arguments and returns a ``Report``, registered with
``@command``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.llm import EMBEDDED_MODEL_ID

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "sk-bench-not-a-real-key"


# --- reports ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One figure: what was measured (lever / setting), its value with a unit, and a ratio against a reference."""

    what: str
    value: float | str
    unit: str = ""
    ratio: str = ""


@dataclass
class Report:
    title: str
    command: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, what: str, value: float | str, unit: str = "", ratio: str = "") -> None:
        self.rows.append(Row(what, value, unit, ratio))


def machine() -> str:
    return (f"{os.cpu_count()} cores (os.cpu_count), Python {platform.python_version()}, "
            f"{platform.platform(terse=True)}")


def _number(value: float | str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if value >= 1 else f"{value:.3f}"


def ratio(value: float, reference: float, what: str) -> str:
    return f"{value / reference:.1f}× {what}" if reference > 0 else ""


def render(report: Report) -> str:
    """The report as Markdown: a heading, the machine, the command, the table and the notes."""
    lines = [f"### {report.title}", "", f"Machine: {machine()}.", f"Command: `{report.command}`", "",
             "| lever / setting | value | ratio |", "|---|---:|---|"]
    for row in report.rows:
        value = f"{_number(row.value)} {row.unit}".strip()
        lines.append(f"| {row.what} | {value} | {row.ratio} |")
    lines += [""] + [f"- {note}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


# --- shared fixtures: articles, the loopback server, the CLI ----------------------------------------------


def checkout() -> Path:
    if not (ROOT / "tests" / "fakeserver.py").is_file():
        raise SystemExit("python -m benchmarks runs from a checkout of incident-summarizer: it needs "
                         "tests/fakeserver.py, seeds/ and fixtures/")
    return ROOT


class Server:
    """``tests/fakeserver.py`` in a process of its own, as a real server would be: a real OpenAI-compatible
    HTTP server on 127.0.0.1 answering the recorded requests as recorded, after ``delay`` seconds."""

    MODEL = EMBEDDED_MODEL_ID  # the recordings' model, so that the requests are the recorded ones

    def __init__(self, delay: float) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "tests.fakeserver", "--delay", str(delay)],
                                      cwd=checkout(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        self.base_url = self._proc.stdout.readline().strip()
        if not self.base_url.startswith("http://127.0.0.1:"):
            self.close()
            raise SystemExit("the loopback server did not start")

    def requests(self) -> int:
        """Requests received so far."""
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
        with direct.open(f"{self.base_url}/stats", timeout=10) as answer:
            return int(json.load(answer)["received"])

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


@contextmanager
def server(delay: float = 0.0) -> Iterator[Server]:
    s = Server(delay)
    try:
        yield s
    finally:
        s.close()


def sources() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "eval" / "dev").glob("*.txt"))


def make_articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct article files, variations of the seeds and dev articles.

    Each copy ends with a line of web furniture that the reader sets aside ("Read more: URL"), different in
    every copy: the texts differ (the pipeline summarizes identical texts once), while what the model is asked
    is the recorded request of the original, so the loopback server answers it as the model did.
    """
    from summarizer.articles import read_article

    usable = []
    for path in sources():
        text = path.read_text(encoding="utf-8")
        variant = text.rstrip("\n") + "\nRead more: https://example.org/archive/0\n"
        a, b = read_article(path), _parse(variant)
        if a.numbered() == b.numbered() and a.publication_date == b.publication_date:
            usable.append((path, text.rstrip("\n")))
    if not usable:
        raise SystemExit("no usable source articles in seeds/ and fixtures/eval/dev")
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(count))
    out = []
    for k in range(count):
        path, text = usable[k % len(usable)]
        target = folder / f"{k:0{width}d}_{path.stem}.txt"
        target.write_text(f"{text}\nRead more: https://example.org/archive/{k}\n", encoding="utf-8")
        out.append(target)
    return out


def _parse(text: str) -> Any:
    from summarizer.articles import parse_article

    return parse_article(text, "variant")


def cli(args: Sequence[str], folder: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run ``summarizer ARGS`` in a fresh process (the user config file ignored); wall seconds and the result."""
    config = folder / "empty.toml"
    config.write_text("")
    env = {**os.environ, "OPENAI_API_KEY": API_KEY, "SUMMARIZER_CONFIG": str(config)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "summarizer", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"summarizer {' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return seconds, done


def openai_args(base_url: str) -> list[str]:
    return ["--provider", "openai", "--base-url", base_url, "--model", Server.MODEL]


def comparable(jsonl: str) -> list[dict[str, Any]]:
    """Briefs without what legitimately differs between runs: timings and cache hits."""
    out = []
    for line in jsonl.splitlines():
        brief = json.loads(line)
        brief.pop("seconds")
        brief["usage"].pop("model_seconds")
        brief["usage"].pop("cached_calls")
        out.append(brief)
    return out


def in_order(jsonl: str, articles: Sequence[Path]) -> bool:
    return [json.loads(line)["article"] for line in jsonl.splitlines()] == [str(p) for p in articles]


# --- commands -----------------------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace], Report]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}


def command(name: str, help: str,
            arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None) -> Callable[[Command], Command]:
    def register(run: Command) -> Command:
        COMMANDS[name] = (help, arguments, run)
        return run

    return register


def _cached_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=int, default=1000, help="distinct articles (default 1000)")


@command("cached", "a cached re-run of 1,000 articles rendered to jsonl (goal: 500 articles/s)", _cached_arguments)
def cached(args: argparse.Namespace) -> Report:
    from summarizer.articles import expand_inputs
    from summarizer.briefcache import BriefStore
    from summarizer.export import batch_text
    from summarizer.llm import ExchangeClient, OpenAIBackend
    from summarizer.pipeline import summarize_inputs
    from summarizer.prompts import load_templates
    from summarizer.store import ExchangeStore

    n = args.articles
    report = Report(f"Cached re-run: {n:,} articles to jsonl", f"python -m benchmarks cached --articles {n}")
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-") as tmp, server() as s:
        work = Path(tmp)
        articles = make_articles(work / "articles", n)
        cache = work / "cache"
        run = ["summarize", str(work / "articles"), *openai_args(s.base_url), "--cache-dir", str(cache),
               "--format", "jsonl", "-q"]
        first_s, _ = cli([*run, "-o", str(work / "first.jsonl")], work)
        asked = s.requests()
        second_s, _ = cli([*run, "-o", str(work / "second.jsonl")], work)
        asked_again = s.requests() - asked
        startup_s, _ = cli(["--version"], work)
        first, second = ((work / name).read_text(encoding="utf-8") for name in ("first.jsonl", "second.jsonl"))
        same = comparable(first) == comparable(second) and in_order(second, articles)

        inputs = expand_inputs([str(work / "articles")])
        client = ExchangeClient(OpenAIBackend(Server.MODEL, s.base_url, API_KEY),
                                cache=ExchangeStore(cache / "exchanges"))
        timings = {}
        for label, briefs in (("briefs", BriefStore(cache / "briefs")), ("exchanges", None)):
            started = time.perf_counter()
            text = batch_text(summarize_inputs(inputs, client, load_templates(), briefs=briefs), "jsonl")
            timings[label] = time.perf_counter() - started
            same = same and comparable(text) == comparable(second)
        asked_in_process = s.requests() - asked - asked_again

    goal = 500.0
    report.add("first run: answers from the loopback server, caches filled", n / first_s, "articles/s",
               f"{first_s:.1f} s; {asked:,} requests")
    report.add("cached re-run, CLI in a subprocess, start-up included", n / second_s, "articles/s",
               ratio(n / second_s, goal, "the goal of 500/s") + f" ({second_s:.2f} s)")
    report.add("CLI start-up (`summarizer --version`)", startup_s, "s")
    report.add("cached re-run in-process, brief cache", n / timings["briefs"], "articles/s",
               ratio(timings["exchanges"], timings["briefs"], "the exchange cache alone"))
    report.add("cached re-run in-process, exchange cache alone (no brief cache)", n / timings["exchanges"],
               "articles/s")
    report.add("requests to the server during the cached re-runs", asked_again + asked_in_process, "")
    report.add("cached output = first output, in input order", "yes" if same else "NO", "")
    report.notes.append("Articles: variations of the 5 seeds and 16 dev articles, each with a different trailing "
                        "'Read more: URL' line, which the reader sets aside: distinct texts, recorded answers.")
    report.notes.append("'exchange cache alone' is the path every cached article took before the brief cache: "
                        "instructor, grounding and reconcile again for every cached answer.")
    return report


def _concurrency_arguments(parser: argparse.ArgumentParser) -> None:
    # 16 articles per worker: throughput, not the ramp-up and the tail of a batch that gives each worker 4.
    parser.add_argument("--articles", type=int, default=256, help="articles in the batch (default 256)")
    parser.add_argument("--workers", type=int, default=16, help="--concurrency of the concurrent run (default 16)")
    parser.add_argument("--delay", type=float, default=0.2, help="seconds the server takes per answer (default 0.2)")


@command("concurrency", "sequential against --concurrency N on a server answering in 200 ms (goal: 12×)",
         _concurrency_arguments)
def concurrency(args: argparse.Namespace) -> Report:
    from summarizer.articles import expand_inputs
    from summarizer.export import batch_text
    from summarizer.llm import ExchangeClient, OpenAIBackend
    from summarizer.pipeline import summarize_inputs
    from summarizer.prompts import load_templates

    n, workers, delay = args.articles, args.workers, args.delay
    report = Report(f"Concurrency: {n} articles, a server answering in {delay * 1000:.0f} ms",
                    f"python -m benchmarks concurrency --articles {n} --workers {workers} --delay {delay}")
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-") as tmp, server(delay) as s:
        work = Path(tmp)
        articles = make_articles(work / "articles", n)
        outputs: dict[int, str] = {}
        seconds: dict[int, float] = {}
        requests: dict[int, int] = {}
        for k in (1, workers):
            before = s.requests()
            seconds[k], done = cli(["summarize", str(work / "articles"), *openai_args(s.base_url), "--no-cache",
                                    "--cache-dir", str(work / f"cache-{k}"), "--format", "jsonl", "-q",
                                    "--concurrency", str(k)], work)
            outputs[k], requests[k] = done.stdout, s.requests() - before
        # In-process: the same batch without process start-up (imports, the gazetteer) in either figure.
        inputs = expand_inputs([str(work / "articles")])
        client = ExchangeClient(OpenAIBackend(Server.MODEL, s.base_url, API_KEY))
        summarize_inputs(inputs[:1], client, load_templates())  # warm: imports, gazetteer, connection
        inner: dict[int, float] = {}
        for k in (1, workers):
            started = time.perf_counter()
            text = batch_text(summarize_inputs(inputs, client, load_templates(), concurrency=k), "jsonl")
            inner[k] = time.perf_counter() - started
            outputs[-k] = text
    reference = comparable(outputs[1])
    same = all(comparable(text) == reference for text in outputs.values())
    ordered = all(in_order(text, articles) for text in outputs.values())

    report.add("in-process, 1 at a time", n / inner[1], "articles/s", f"{inner[1]:.1f} s")
    report.add(f"in-process, concurrency {workers}", n / inner[workers], "articles/s",
               ratio(inner[1], inner[workers], "one at a time") + f" ({inner[workers]:.1f} s; goal 12×)")
    report.add("CLI in a subprocess, 1 at a time (start-up included)", n / seconds[1], "articles/s",
               f"{seconds[1]:.1f} s; {requests[1]} requests")
    report.add(f"CLI in a subprocess, --concurrency {workers} (start-up included)", n / seconds[workers],
               "articles/s", ratio(seconds[1], seconds[workers], "one at a time")
               + f" ({seconds[workers]:.1f} s; {requests[workers]} requests)")
    report.add("outputs identical (timings aside) and in input order", "yes" if same and ordered else "NO", "")
    report.notes.append(f"Articles: {n} variations of the seeds and dev articles (see `cached`); an article whose "
                        "first answer fails grounding is asked again, so some take 2 or 3 sequential requests.")
    report.notes.append("No cache in any run (`--no-cache`): every article asks the server.")
    return report


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", default="1000,10000,100000", help="brief counts (default 1000,10000,100000)")


@command("merge", "merging synthetic briefs into incidents at 1k, 10k and 100k (goal: 10k in under 2 s)",
         _merge_arguments)
def merge(args: argparse.Namespace) -> Report:
    from benchmarks.synthetic import synthetic_briefs
    from summarizer import gazetteer
    from summarizer.incidents import candidate_pairs, merge_incidents, records

    gazetteer.load()
    gazetteer.city_anywhere("")  # the world index of big cities, built once per process like the gazetteer
    report = Report("Merging briefs into incidents (synthetic briefs, no model)",
                    "python -m benchmarks merge " + " ".join(sys.argv[2:]))
    previous: tuple[int, float] | None = None
    for n in (int(x) for x in args.sizes.split(",")):
        briefs = synthetic_briefs(n, seed=n)
        started, cpu = time.perf_counter(), time.process_time()
        merged = merge_incidents(briefs)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        pairs = len(candidate_pairs(records(briefs)))
        truth = {b.article: b.title for b in briefs}
        pure = sum(1 for i in merged if len({truth[a.article] for a in i.articles}) == 1)
        growth = f"; ×{seconds / previous[1]:.1f} time for ×{n / previous[0]:.0f} briefs" if previous else ""
        report.add(f"{n:,} briefs", seconds, "s", f"{cpu_seconds:.2f} s CPU; {pairs:,} pairs compared of "
                   f"{n * (n - 1) // 2:,}; {len(merged):,} incidents ({len(set(truth.values())):,} made up, "
                   f"{pure / len(merged):.1%} pure){growth}")
        previous = (n, seconds)
    report.notes.append("Synthetic briefs (benchmarks/synthetic.py): made-up attacks in 25 real cities over two "
                        "years, 1-4 reports each, published 0-2 days later, a third with no written date.")
    report.notes.append("Wall-clock time of merge_incidents (records, blocking, pair decisions, grouping, the merged "
                        "records with both policies); reading the briefs' JSON is not included.")
    return report


def _local_arguments(parser: argparse.ArgumentParser) -> None:
    from benchmarks import local as bench_local

    bench_local.arguments(parser)


@command("local", "the embedded model on the dev set: seconds per article, KV-cache reuse, overhead, accuracy "
         "(goal: median 15 s)", _local_arguments)
def local(args: argparse.Namespace) -> Report:
    from benchmarks import local as bench_local

    result = bench_local.run(args)
    settings = result["settings"]
    report = Report(f"Embedded model: {settings['articles']} articles from {Path(settings['folder']).name}/, no cache",
                    "python -m benchmarks local " + " ".join(sys.argv[2:]))
    for what, value, unit, note in bench_local.rows(result):
        report.add(what, value, unit, note)
    report.notes.append("Settings: " + ", ".join(f"{k} {v}" for k, v in settings.items() if k != "folder"))
    report.notes.append("Per article: " + ", ".join(f"{w:g}" for w in result["seconds_per_article"]["all"]) + " s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return report


def _bare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prompt-tokens", type=int, default=229, help="tokens of dev 001 evaluated (default 229)")
    parser.add_argument("--decode", type=int, default=40, help="greedy tokens decoded one by one (default 40)")
    parser.add_argument("--repeat", type=int, default=2, help="measurements, each on a fresh KV cache (default 2)")


@command("bare", "raw llama.cpp on this machine: prefill and decode tokens/s of the embedded model, the "
         "reference the pipeline's speed is stated against", _bare_arguments)
def bare(args: argparse.Namespace) -> Report:
    """``Llama.eval`` of the first tokens of dev 001, then greedy tokens one by one: what llama.cpp alone does on
    this machine, so that the pipeline's seconds can be stated as a ratio measured the same hour (machines of
    this kind differ two- to threefold, AVX-512 or not)."""
    from llama_cpp import Llama

    from summarizer.settings import default_cache_dir
    from summarizer.weights import embedded_model_path

    llama = Llama(model_path=str(embedded_model_path(default_cache_dir() / "models")), n_ctx=2048,
                  n_threads=os.cpu_count() or 1, n_batch=512, seed=0, verbose=False)
    text = next((ROOT / "fixtures/eval/dev").glob("001_*.txt")).read_text(encoding="utf-8")
    tokens = llama.tokenize(text.encode("utf-8"))[: args.prompt_tokens]
    report = Report("Bare llama.cpp, the embedded model", "python -m benchmarks bare " + " ".join(sys.argv[2:]))
    for n in range(args.repeat):
        llama.reset()  # type: ignore[no-untyped-call]
        start = time.perf_counter()
        llama.eval(tokens)
        prefill = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(args.decode):
            llama.eval([llama.sample(temp=0.0)])
        decode = time.perf_counter() - start
        report.add(f"prefill, {len(tokens)} tokens (run {n + 1})", len(tokens) / prefill, "tokens/s")
        report.add(f"decode, {args.decode} tokens one by one (run {n + 1})", args.decode / decode, "tokens/s")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description="Speed figures for docs/performance.md, as Markdown tables.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help, arguments, _) in COMMANDS.items():
        arguments(sub.add_parser(name, help=help, description=help))
    args = parser.parse_args(argv)
    report = COMMANDS[args.command][2](args)
    sys.stdout.write(render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
