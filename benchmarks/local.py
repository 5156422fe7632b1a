"""``python -m benchmarks local``: the embedded model's speed on real articles, with its accuracy beside it.

Speed goals live here rather than in tests because the machines are shared and noisy. One run reports:
seconds per article (median and spread) through the whole pipeline with no cache; how many prompt tokens were
evaluated and how many were reused from the KV cache (the system prompt should be evaluated once); the
pipeline's overhead against bare ``create_chat_completion`` calls on the same requests in the same order on
the same model object; and, when the folder has gold annotations, the eval scores of the briefs it made, so a
speed lever that costs accuracy shows up in the same table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.articles import Input, read_article
from summarizer.llm import ExchangeClient, LocalBackend
from summarizer.pipeline import RunOptions, summarize_inputs
from summarizer.prompts import load_templates
from summarizer.schema import Brief
from summarizer.settings import default_cache_dir
from summarizer.store import ExchangeStore

GOAL_SECONDS = 15.0


@dataclass
class Call:
    article: int
    seconds: float
    prompt_tokens: int
    reused_tokens: int
    completion_tokens: int
    request: dict[str, Any] = field(repr=False)


class _TimedBackend:
    """The local backend with a stopwatch: every request, its model time and its token counts, in order.

    For the first ``paired`` articles each request is also run a second time as a bare llama-cpp-python call
    from the same model state (saved before the pipeline's call, restored after it), so both evaluate the same
    tokens, interleaved in time so that a noisy neighbour slows both alike. ``bench_seconds`` is the time
    spent on that comparison, which is not the pipeline's."""

    def __init__(self, inner: LocalBackend, paired: int) -> None:
        self.inner = inner
        self.provider = inner.provider
        self.model_id = inner.model_id
        self.calls: list[Call] = []
        self.article = 0
        self.paired = paired
        self.bare_seconds = 0.0
        self.bench_seconds: dict[int, float] = {}

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        llama = self.inner._llama
        pair = self.article < self.paired
        if pair:
            mark = time.perf_counter()
            state = llama.save_state()
            self._spent(time.perf_counter() - mark)
        started = time.perf_counter()
        response = self.inner.complete(request)
        seconds = time.perf_counter() - started
        if pair:
            mark = time.perf_counter()
            llama.load_state(state)
            bare = time.perf_counter()
            llama.create_chat_completion(**LocalBackend.chat_arguments(request))
            self.bare_seconds += time.perf_counter() - bare
            self._spent(time.perf_counter() - mark)
        usage = response.get("usage") or {}
        self.calls.append(Call(self.article, seconds, int(usage.get("prompt_tokens", 0)),
                               int(usage["prompt_tokens_details"]["cached_tokens"]),
                               int(usage.get("completion_tokens", 0)), request))
        return response

    def _spent(self, seconds: float) -> None:
        self.bench_seconds[self.article] = self.bench_seconds.get(self.article, 0.0) + seconds


def _articles(folder: Path, limit: int | None) -> list[Path]:
    paths = sorted(p for p in folder.glob("*.txt") if not p.name.startswith("."))
    return paths[:limit] if limit else paths


def run(args: argparse.Namespace) -> dict[str, Any]:
    paths = _articles(args.articles, args.limit)
    if not paths:
        raise SystemExit(f"no .txt articles in {args.articles}")
    started = time.perf_counter()
    local = LocalBackend(None, default_cache_dir() / "models", n_ctx=args.ctx, n_threads=args.threads,
                         n_batch=args.batch, use_mmap=not args.no_mmap, grammar_first=args.sampler != "plain",
                         fast_forward=args.sampler == "fast-forward")
    load_seconds = time.perf_counter() - started
    timed = _TimedBackend(local, args.overhead)
    if args.cache is not None and args.cache.is_dir() and any(args.cache.iterdir()):
        raise SystemExit(f"--cache {args.cache} is not empty: the benchmark must ask the model every request")
    # No fixtures, and a cache only to keep the answers (it starts empty): every request goes to the model.
    client = ExchangeClient(backend=timed, cache=ExchangeStore(args.cache) if args.cache else None)
    templates = load_templates()
    walls: list[float] = []
    marks: list[float] = [time.perf_counter()]

    def progress(i: int, item: Input, brief: Brief | None) -> None:
        if brief is None:
            timed.article = i
            marks.append(time.perf_counter())
        else:
            walls.append(time.perf_counter() - marks[-1] - timed.bench_seconds.get(i, 0.0))
            print(f"  {i + 1:>2}/{len(paths)} {Path(item.name).name[:40]:<40} {walls[-1]:6.1f} s  "
                  f"{brief.usage.completion_tokens:>5} generated  {brief.attempts} attempt(s)  {brief.status}",
                  flush=True)

    briefs = summarize_inputs([Input(str(p), p) for p in paths], client, templates,
                              RunOptions(max_retries=args.max_retries),
                              progress=progress)
    calls = timed.calls
    model_seconds = sum(c.seconds for c in calls)
    result: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": {"sampler": args.sampler, "threads": args.threads or os.cpu_count(), "batch": args.batch,
                     "ctx": args.ctx, "mmap": not args.no_mmap, "articles": len(paths),
                     "folder": str(args.articles), "max_retries": args.max_retries},
        "load_seconds": round(load_seconds, 2),
        "seconds_per_article": {"median": round(statistics.median(walls), 2), "mean": round(statistics.mean(walls), 2),
                                "min": round(min(walls), 2), "max": round(max(walls), 2),
                                "all": [round(w, 2) for w in walls]},
        "calls": len(calls),
        "generated_tokens": sum(c.completion_tokens for c in calls),
        "generated_tokens_per_second": round(sum(c.completion_tokens for c in calls) / model_seconds, 2),
        "prompt_tokens": sum(c.prompt_tokens for c in calls),
        "prompt_tokens_reused": sum(c.reused_tokens for c in calls),
        "per_call": [{"article": c.article, "seconds": round(c.seconds, 2), "prompt": c.prompt_tokens,
                      "evaluated": c.prompt_tokens - c.reused_tokens, "reused": c.reused_tokens,
                      "generated": c.completion_tokens} for c in calls],
        "pipeline_seconds": round(sum(walls), 2),
        "model_seconds": round(model_seconds, 2),
        "status": {s: sum(b.status == s for b in briefs) for s in ("ok", "no_incident", "failed")},
    }
    if args.overhead:
        n = min(args.overhead, len(paths))
        paired = [c for c in calls if c.article < n]
        pipeline = sum(walls[:n])
        result["overhead"] = {"articles": n, "calls": len(paired), "pipeline_seconds": round(pipeline, 2),
                              "model_seconds_in_pipeline": round(sum(c.seconds for c in paired), 2),
                              "bare_seconds": round(timed.bare_seconds, 2),
                              "ratio": round((pipeline - timed.bare_seconds) / timed.bare_seconds, 4)}
    result["accuracy"] = _accuracy(briefs, paths)
    return result


def _accuracy(briefs: list[Brief], paths: list[Path]) -> dict[str, Any] | None:
    from summarizer.evaluate import load_gold, score

    gold = {p.name: g for p, g in load_gold(paths[0].parent)}
    pairs = [(b, gold[p.name], read_article(p)) for b, p in zip(briefs, paths, strict=True) if p.name in gold]
    if not pairs:
        return None
    overall: dict[str, Any] = score(pairs).to_dict()["overall"]
    wanted = ("figures_exact", "killed_headline", "wounded_headline", "admin1", "perpetrator", "attack_type",
              "detection", "citations")
    return {k: f"{overall[k]['right']}/{overall[k]['total']}" for k in wanted} | {
        "reasks_per_article": round(overall["reasks_per_article"], 2)}


def rows(result: dict[str, Any]) -> list[tuple[str, float | str, str, str]]:
    """(what, value, unit, ratio) rows for ``bench.Report``."""
    s = result["seconds_per_article"]
    out: list[tuple[str, float | str, str, str]] = [
        ("model load", result["load_seconds"], "s", ""),
        ("seconds per article, median", s["median"], "s",
         f"{s['median'] / GOAL_SECONDS:.1f}× the goal of {GOAL_SECONDS:g} s; mean {s['mean']}, "
         f"{s['min']}–{s['max']}"),
        ("model calls", result["calls"], "", f"{result['calls'] / result['settings']['articles']:.2f} per article"),
        ("generated tokens per second of model time", result["generated_tokens_per_second"], "tokens/s",
         f"{result['generated_tokens']:,} tokens"),
        ("prompt tokens reused from the KV cache", result["prompt_tokens_reused"], "tokens",
         f"{result['prompt_tokens_reused'] / max(1, result['prompt_tokens']):.0%} of {result['prompt_tokens']:,}"),
    ]
    calls = result["per_call"]
    if calls:
        first, rest = calls[0], calls[1:]
        out.append(("first call: prompt tokens evaluated", first["evaluated"], "tokens", f"of {first['prompt']}"))
        if rest:
            out.append(("later calls: prompt tokens evaluated (median)",
                        statistics.median(c["evaluated"] for c in rest), "tokens",
                        f"of {statistics.median(c['prompt'] for c in rest):.0f}; reused "
                        f"{statistics.median(c['reused'] for c in rest):.0f}"))
    o = result.get("overhead")
    if o:
        outside = o["pipeline_seconds"] - o["model_seconds_in_pipeline"]
        out.append(("pipeline time outside model calls", round(outside, 2), "s",
                    f"{outside / o['model_seconds_in_pipeline']:.1%} of the model time ({o['articles']} articles)"))
        out.append(("pipeline vs bare create_chat_completion, same requests and state", o["pipeline_seconds"], "s",
                    f"{o['ratio']:+.1%} against {o['bare_seconds']} s bare ({o['calls']} calls, interleaved)"))
    acc = result.get("accuracy")
    if acc:
        out.append(("eval on the same briefs", ", ".join(f"{k} {v}" for k, v in acc.items()), "", ""))
    out.append(("status", ", ".join(f"{k} {v}" for k, v in result["status"].items()), "", ""))
    return out


def arguments(p: argparse.ArgumentParser) -> None:
    here = Path(__file__).resolve().parent.parent
    p.add_argument("--articles", type=Path, default=here / "fixtures" / "eval" / "dev",
                   help="folder of .txt articles (default: the dev set, scored against its gold)")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--sampler", choices=["fast-forward", "grammar-first", "plain"], default="fast-forward",
                   help="fast-forward (ours: llguidance masks, forced tokens in batches), grammar-first (llama.cpp's "
                        "grammar on the greedy token first) or llama-cpp-python's own grammar sampling")
    p.add_argument("--threads", type=int, default=None, help="llama.cpp threads (default: every core)")
    p.add_argument("--batch", type=int, default=512, help="llama.cpp n_batch")
    p.add_argument("--ctx", type=int, default=8192, help="llama.cpp n_ctx")
    p.add_argument("--no-mmap", action="store_true", help="read the weights into memory instead of mapping them")
    p.add_argument("--max-retries", type=int, default=2)
    p.add_argument("--overhead", type=int, default=3, metavar="N",
                   help="also run the first N articles' requests as bare llama.cpp calls (overhead; 0: skip)")
    p.add_argument("--cache", type=Path, default=None,
                   help="an empty folder to keep the answers in (to re-score or record them later without the model)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
