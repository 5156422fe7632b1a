"""The ``summarizer`` command: parse flags, resolve settings, run the pipeline, hand briefs to render or export.

Kept thin on purpose: settings live in ``config``, wording in ``render`` / ``export``, the work in ``pipeline``.
Data goes to stdout, everything else (progress, notes, errors) to stderr; exit 0 = all ok, 1 = some article
failed (the rest are still written), 2 = a usage error, reported in one line without a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from summarizer import __version__
from summarizer.articles import ArticleError, Input, expand_inputs
from summarizer.briefcache import BriefStore
from summarizer.config import ConfigError, Settings, resolve
from summarizer.export import FOLDER_FORMATS, BriefFileError, batch_text, incidents_text, load_briefs, write_folder
from summarizer.incidents import POLICIES, MergedIncident, Policy, merge_incidents
from summarizer.inert import inert_text
from summarizer.llm import (
    DEFAULT_OPENAI_MODEL,
    EMBEDDED_MODEL_ID,
    Backend,
    ExchangeClient,
    FormatMemory,
    FormatNegotiator,
    LocalBackend,
    OpenAIBackend,
    ProviderError,
    ReplayBackend,
    RetryPolicy,
    local_available,
)
from summarizer.pipeline import Interrupted, RunOptions, requests_in_flight, summarize_inputs
from summarizer.prompts import load_templates
from summarizer.render import print_incidents, print_rich, run_progress
from summarizer.report import report_bases
from summarizer.schema import Brief
from summarizer.store import ExchangeStore
from summarizer.weights import WeightsError

app = typer.Typer(
    help="Turn news articles into sourced incident briefs: who attacked whom, where, when, how many "
    "were killed or wounded according to whom, and who claimed it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
cache_app = typer.Typer(help="Inspect or empty the exchange cache.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")


class ProviderName(StrEnum):
    local = "local"
    openai = "openai"
    replay = "replay"


class ResponseFormat(StrEnum):
    auto = "auto"
    json_schema = "json_schema"
    json_object = "json_object"
    tools = "tools"
    prompt = "prompt"


class OutputFormat(StrEnum):
    rich = "rich"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    csv = "csv"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Summarize news articles about violent incidents into grounded briefs.

    Settings come from flags, then environment variables (SUMMARIZER_*, OPENAI_*), then the config file
    (summarizer config shows which), then defaults.
    """


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _fail(message: str) -> typer.Exit:
    _err().print(f"[bold red]error:[/] {escape(inert_text(message))}", soft_wrap=True)
    return typer.Exit(2)


# Options shared by several commands.
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A TOML config file (default: the user config "
                                                "dir's summarizer/config.toml; also $SUMMARIZER_CONFIG).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notes on stderr; errors only.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="A line per article on stderr as it finishes, "
                                          "and the settings in use.")]
FormatOpt = Annotated[OutputFormat | None, typer.Option(
    "--format", help="rich: briefs for the terminal; json / md: one file per article with --output (a folder); "
    "jsonl / csv: one file for the batch (one row per incident in csv); html: one self-contained report with "
    "the evidence highlighted in each article. Also $SUMMARIZER_FORMAT.")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Where to write: a folder for json and md, a file for jsonl, csv, html and rich. "
    "Default: stdout.")]
EvidenceOpt = Annotated[bool, typer.Option("--evidence", help="Under each incident, the cited sentences with the "
                                           "cited words highlighted.")]
PolicyOpt = Annotated[str, typer.Option(
    help="For csv of merged incidents: which reconciled low / best / high fills the killed and wounded columns. "
    "range-over-sources: over every article's figures; latest-report: the most recently published article's. "
    "The terminal, md and jsonl show both.")]
ResponseFormatOpt = Annotated[ResponseFormat | None, typer.Option(
    help="For --provider openai: how to ask the server for JSON in the schema. auto (default): json_schema first, "
    "then json_object, tools, prompt as the server refuses each; the one that works is remembered per server and "
    "model in the cache dir. Also $SUMMARIZER_RESPONSE_FORMAT.")]
ConcurrencyOpt = Annotated[int | None, typer.Option(
    min=1, help="For --provider openai: how many articles are summarized at once (default 1). Results keep the "
    "input order. The local model always runs one article at a time. Also $SUMMARIZER_CONCURRENCY.")]


def _settings(flags: dict[str, Any], config: Path | None) -> Settings:
    try:
        return resolve(flags, config)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


_Choice = TypeVar("_Choice", bound=Enum)


def _choice(settings: Settings, name: str, kind: type[_Choice]) -> _Choice:
    """The setting ``name`` as one of ``kind``'s values, or a one-line usage error saying where it came from."""
    value = settings.get(name)
    try:
        return kind(value)
    except ValueError:
        raise _fail(f"{name.replace('_', ' ')} {value!r} (from {settings.origins[name]}) is not one of: "
                    f"{', '.join(str(f.value) for f in kind)}") from None


def _format(settings: Settings) -> OutputFormat:
    return _choice(settings, "format", OutputFormat)


def _response_format(settings: Settings) -> ResponseFormat:
    return _choice(settings, "response_format", ResponseFormat)


def _check_output(fmt: OutputFormat, output: Path | None) -> None:
    """Refuse a wrong --output before any model time is spent."""
    if output is None:
        return
    if fmt.value in FOLDER_FORMATS:
        if output.exists() and not output.is_dir():
            raise _fail(f"--output {output} is a file; with --format {fmt.value} it must be a folder (one file per "
                        f"article). For a single file use --format jsonl or csv, or redirect stdout.")
        if not output.exists() and output.suffix.lower() in (".json", ".md", ".jsonl", ".csv"):
            raise _fail(f"--output {output} looks like a file name; with --format {fmt.value} it is a folder (one "
                        f"file per article). For a single file: summarizer ... --format {fmt.value} > {output}")
    elif output.is_dir():
        raise _fail(f"--output {output} is a folder; with --format {fmt.value} it must be a file")


def _emit(briefs: list[Brief], fmt: OutputFormat, output: Path | None, evidence: bool, quiet: bool,
          articles_in: list[Path] | None = None) -> None:
    """``articles_in``: where the html report looks up the briefs' article files (default: the current folder)."""
    if fmt is OutputFormat.html:
        from summarizer.report import build_report

        _write_text(build_report(briefs, articles_in or []), output)
    elif fmt is OutputFormat.rich:
        if output is None:
            print_rich(briefs, Console(), evidence)
        else:
            with output.open("w", encoding="utf-8") as f:
                print_rich(briefs, Console(file=f, width=100, no_color=True, emoji=False), evidence)
    elif output is None:
        sys.stdout.write(batch_text(briefs, fmt.value))
        sys.stdout.flush()
    elif fmt.value in FOLDER_FORMATS:
        written = write_folder(briefs, output, fmt.value)
        if not quiet:
            _err().print(f"wrote {len(written)} {fmt.value} file(s) to {escape(str(output))}")
        return
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        # A byte-order mark lets Excel open the CSV as UTF-8 (dashes, quotes and names intact); other readers skip it.
        encoding = "utf-8-sig" if fmt is OutputFormat.csv else "utf-8"
        output.write_text(batch_text(briefs, fmt.value), encoding=encoding, newline="")
    if output is not None and not quiet:
        _err().print(f"wrote {len(briefs)} brief(s) to {escape(str(output))}")


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8", newline="")


def _policy(value: str) -> Policy:
    for known in POLICIES:
        if value == known:
            return known
    raise _fail(f"--policy must be one of: {', '.join(POLICIES)}")


def _check_incidents_output(output: Path | None) -> None:
    if output is not None and output.is_dir():
        raise _fail(f"--output {output} is a folder; merged incidents go to one file")


def _emit_incidents(merged: list[MergedIncident], fmt: OutputFormat, output: Path | None, policy: Policy,
                    quiet: bool) -> None:
    if fmt is OutputFormat.rich:
        if output is None:
            print_incidents(merged, Console())
        else:
            with output.open("w", encoding="utf-8") as f:
                print_incidents(merged, Console(file=f, width=100, no_color=True, emoji=False))
    else:
        text = incidents_text(merged, fmt.value, policy)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8-sig" if fmt is OutputFormat.csv else "utf-8", newline="")
    if output is not None and not quiet:
        _err().print(f"wrote {len(merged)} incident(s) to {escape(str(output))}")


def _backend(provider: ProviderName, settings: Settings) -> Backend:
    cache_dir: Path = settings.get("cache_dir")
    if provider is ProviderName.local:
        return LocalBackend(settings.get("model_path"), cache_dir / "models")
    if provider is ProviderName.openai:
        return OpenAIBackend(settings.get("model") or DEFAULT_OPENAI_MODEL, settings.get("base_url"),
                             settings.api_key, _retry_policy(settings))
    return ReplayBackend(settings.get("model") or EMBEDDED_MODEL_ID, settings.get("fixtures"))


def _retry_policy(settings: Settings) -> RetryPolicy:
    deadline: float = settings.get("timeout")
    return RetryPolicy(deadline=deadline, attempt_timeout=min(settings.get("attempt_timeout"), deadline),
                       attempts=settings.get("attempts"), backoff=settings.get("backoff"))


def _provider(settings: Settings) -> ProviderName:
    value = settings.get("provider")
    if value is None:
        if not local_available():
            raise _fail(
                "no provider given and the embedded model is not installed. Either install it:\n"
                "  pip install 'incident-summarizer[local]'\n"
                "or point at an OpenAI-compatible server:\n"
                "  summarizer summarize PATH --provider openai --base-url http://HOST:PORT/v1 --model NAME"
            )
        return ProviderName.local
    return _choice(settings, "provider", ProviderName)


def _article_line(brief: Brief) -> str:
    u = brief.usage
    what = {"ok": f"{len(brief.incidents)} incident(s)", "no_incident": "no incident",
            "failed": f"failed: {(brief.error or '').splitlines()[0] if brief.error else ''}"}[brief.status]
    shape = f", asked in {brief.response_format}" if brief.provider == "openai" and brief.response_format else ""
    return (f"{Path(brief.article).name}: {what}, {brief.seconds:.1f} s, "
            f"{u.prompt_tokens + u.completion_tokens:,} tokens, {u.calls} call(s) ({u.cached_calls} cached){shape}")


@app.command(epilog="Examples:\n\n"
             "  summarizer summarize seeds/\n\n"
             "  summarizer summarize seeds/ --evidence\n\n"
             "  summarizer summarize ARTICLES/ --format csv --output incidents.csv\n\n"
             "  summarizer summarize ARTICLES/ --format md --output briefs/\n\n"
             "  summarizer summarize ARTICLES/ --format html --output report.html\n\n"
             "  summarizer summarize ARTICLES/ --format jsonl > briefs.jsonl\n\n"
             "  summarizer summarize export.csv --column text=body --column published=date\n\n"
             "  summarizer summarize ARTICLES/ --provider openai --base-url http://localhost:8000/v1 --model qwen\n\n"
             "  summarizer summarize ARTICLES/ --provider openai --concurrency 8 --format jsonl -o briefs.jsonl\n\n"
             "  summarizer summarize seeds/ --provider replay")
def summarize(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders (searched for .txt, .md, .html), or - "
                                               "for standard input. A .jsonl or .csv file is many articles, a row "
                                               "each (columns text, title, published, url, outlet, id).")],
    provider: Annotated[ProviderName | None, typer.Option(
        help="local: the embedded model (default when the [local] extra is installed); openai: an "
        "OpenAI-compatible server; replay: recorded fixtures only. Also $SUMMARIZER_PROVIDER.")] = None,
    column: Annotated[list[str] | None, typer.Option(
        help="FIELD=COLUMN: read FIELD (text, title, published, url, outlet, id) of a .jsonl/.csv article file "
        "from COLUMN, e.g. --column text=body --column published=date. Repeatable.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name for --provider openai. Also $SUMMARIZER_MODEL.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint (also $OPENAI_BASE_URL); the key "
                                                 "comes from $OPENAI_API_KEY only.")] = None,
    model_path: Annotated[Path | None, typer.Option(help="Another GGUF file for --provider local. Also "
                                                    "$SUMMARIZER_MODEL_PATH.")] = None,
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    evidence: EvidenceOpt = False,
    fixtures: Annotated[Path | None, typer.Option(help="Fixture store for --record and --provider replay "
                        "(default: fixtures/exchanges of this checkout). Also $SUMMARIZER_FIXTURES.")] = None,
    record: Annotated[bool, typer.Option(help="Write every exchange into the fixture store.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder (default: the user cache dir). Also "
                                                   "$SUMMARIZER_CACHE_DIR.")] = None,
    max_retries: Annotated[int | None, typer.Option(min=0, help="Re-asks after an answer fails validation "
                                                    "(default 2). Also $SUMMARIZER_MAX_RETRIES.")] = None,
    timeout: Annotated[float | None, typer.Option(min=0.1, help="For --provider openai: seconds one request may "
                       "take, retries of timeouts, dropped connections, 429 and 5xx included (default 300). "
                       "Also $SUMMARIZER_TIMEOUT.")] = None,
    concurrency: ConcurrencyOpt = None,
    incidents: Annotated[bool, typer.Option("--incidents", help="Merge the briefs into real-world incidents (one "
                         "per attack, every article's figures kept) and write those instead, as `summarizer "
                         "incidents` does; --output is then always one file.")] = False,
    policy: PolicyOpt = "range-over-sources",
    response_format: ResponseFormatOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Summarize articles into incident briefs. Exits 1 if any article failed (the rest are still written)."""
    settings = _settings({"provider": provider, "model": model, "base_url": base_url, "model_path": model_path,
                          "format": output_format, "fixtures": fixtures, "cache_dir": cache_dir,
                          "max_retries": max_retries, "timeout": timeout, "concurrency": concurrency,
                          "response_format": response_format}, config)
    fmt = _format(settings)
    if incidents:
        _check_incidents_output(output)
    else:
        _check_output(fmt, output)
    chosen_policy = _policy(policy)
    inputs: list[Input] = _inputs(paths, column or [])
    if not inputs:
        raise _fail("no article files (.txt, .md, .html, .htm) found in: " + " ".join(paths))
    briefs, interrupted = _run(inputs, settings, record, no_cache, quiet, verbose)
    if incidents:
        _emit_incidents(merge_incidents(briefs), fmt, output, chosen_policy, quiet)
    else:
        _emit(briefs, fmt, output, evidence, quiet)
    if interrupted is not None:
        raise _report_interrupt(interrupted, output, None if no_cache else settings.get("cache_dir") / "exchanges")
    failed = [b for b in briefs if b.status == "failed"]
    if failed:
        _err().print(f"[red]{len(failed)} of {len(briefs)} article(s) failed[/]")
        raise typer.Exit(1)


def _inputs(paths: list[str], columns: list[str]) -> list[Input]:
    mapping: dict[str, str] = {}
    for spec in columns:
        field_name, sep, name = spec.partition("=")
        if not sep or not field_name.strip() or not name.strip():
            raise _fail(f"--column {spec!r}: write FIELD=COLUMN, e.g. --column text=body")
        mapping[field_name.strip()] = name.strip()
    try:
        return expand_inputs(paths, mapping)
    except ArticleError as exc:
        raise _fail(f"--column: {exc}") from None


def _run(inputs: list[Input], settings: Settings, record: bool, no_cache: bool, quiet: bool,
         verbose: bool) -> tuple[list[Brief], Interrupted | None]:
    """Build the client the settings ask for and summarize, with progress on stderr; Ctrl-C keeps what finished."""
    chosen = _provider(settings)
    fixtures_root: Path | None = settings.get("fixtures")
    if chosen is ProviderName.replay and fixtures_root is None:
        raise _fail("--provider replay needs --fixtures DIR (no fixtures/exchanges folder here)")
    if record and fixtures_root is None:
        raise _fail("--record needs --fixtures DIR")
    try:
        options = RunOptions(max_retries=settings.get("max_retries"))
    except ValueError as exc:
        raise _fail(str(exc)) from None
    err = _err()
    chatty = not quiet
    try:
        if chosen is ProviderName.local and chatty:
            err.print("[dim]loading the embedded model…[/]")
        backend = _backend(chosen, settings)
    except (ProviderError, WeightsError) as exc:
        raise _fail(str(exc)) from None
    cache_root: Path = settings.get("cache_dir")
    client = ExchangeClient(
        backend=backend,
        cache=None if no_cache else ExchangeStore(cache_root / "exchanges"),
        fixtures=ExchangeStore(fixtures_root) if fixtures_root else None,
        record=record,
        formats=_formats(backend, settings, None if no_cache else cache_root, err, chatty),
    )
    # Finished briefs are reused unless the run must ask the model: --record writes the exchanges it asks for,
    # and replay exists to show that the fixtures answer.
    briefs = None if no_cache or record or chosen is ProviderName.replay else BriefStore(cache_root / "briefs")
    workers = _concurrency(settings, chosen, err, quiet, verbose)
    if verbose and chatty:
        err.print(f"[dim]{len(inputs)} article(s); provider {chosen.value}, model {escape(client.model_id)}; "
                  f"cache {'off' if no_cache else escape(str(cache_root / 'exchanges'))}"
                  f"{'' if briefs is None else ', briefs ' + escape(str(briefs.root))}; "
                  f"{workers} article(s) at a time"
                  f"{'' if client.formats is None else '; response format ' + client.formats.describe()}[/]",
                  soft_wrap=True)
    templates = load_templates()
    with run_progress(err, len(inputs), enabled=chatty) as (bar, task, meter):

        def progress(i: int, item: Input, brief: Brief | None) -> None:
            if brief is None:
                bar.update(task, description=escape(inert_text(Path(item.name).name)))
                return
            meter.add(brief)
            bar.update(task, advance=1, rate=meter.rate() if chosen is ProviderName.local else "")
            if verbose and chatty:
                bar.console.print(escape(_article_line(brief)), highlight=False, soft_wrap=True)

        interrupted: Interrupted | None = None
        try:
            done = summarize_inputs(inputs, client, templates, options, progress, concurrency=workers, briefs=briefs,
                                    notify=_warn(err, chatty))
        except Interrupted as stop:
            done, interrupted = stop.briefs, stop
    return done, interrupted


def _warn(err: Console, chatty: bool) -> Callable[[str], None]:
    """A line on stderr for what a run could not do but went on without (not with --quiet)."""

    def warn(line: str) -> None:
        if chatty:
            err.print(f"[yellow]warning:[/] {escape(inert_text(line))}", highlight=False, soft_wrap=True)

    return warn


def _formats(backend: Backend, settings: Settings, cache_root: Path | None, err: Console,
             chatty: bool) -> FormatNegotiator | None:
    """For a server, the format requests are sent in (negotiated, or fixed by --response-format); the one that
    works is remembered per server and model in the cache dir. None for local and replay: their requests are
    the recorded ones, as they are."""
    setting = _response_format(settings)
    if not isinstance(backend, OpenAIBackend):
        return None

    def notify(line: str) -> None:
        if chatty:
            err.print(f"[yellow]note:[/] {escape(inert_text(line))}", highlight=False, soft_wrap=True)

    memory = FormatMemory(cache_root / "response_formats.json") if cache_root is not None else None
    return FormatNegotiator(setting.value, server=backend.server, model=backend.model_id, memory=memory,
                            notify=notify)


def _concurrency(settings: Settings, chosen: ProviderName, err: Console, quiet: bool, verbose: bool) -> int:
    """Articles at once: as asked for a server (and replay); 1 for the local model, which already uses every
    core for one article. Saying so once: always when the flag asked for more, with -v when a setting did."""
    value: int = settings.get("concurrency")  # 1 or more: config checks it
    if chosen is ProviderName.local and value > 1:
        if not quiet and (verbose or settings.origins["concurrency"] == "flag"):
            err.print(f"[dim]concurrency {value} ignored: the local model summarizes one article at a time "
                      "(it already uses every core)[/]", highlight=False)
        return 1
    return value


def _report_interrupt(stop: Interrupted, output: Path | None, cache: Path | None) -> typer.Exit:
    """Ctrl-C: say what was finished, where it is, and how to go on."""
    err = _err()
    err.print(f"[yellow]interrupted:[/] {len(stop.briefs)} of {stop.total} article(s) finished", highlight=False)
    for b in stop.briefs:
        err.print(f"  {escape(inert_text(b.article))}: {b.status}", highlight=False, soft_wrap=True)
    if output is not None:
        err.print(f"their briefs are in {escape(str(output))}", highlight=False, soft_wrap=True)
    if cache is not None:
        err.print(f"model answers so far are cached in {escape(str(cache))}; run the same command again to go on "
                  "(finished requests are not asked again)", highlight=False, soft_wrap=True)
    _end_with_requests_in_flight(130)
    return typer.Exit(130)


def _end_with_requests_in_flight(code: int) -> None:
    """Exit at once while ``--concurrency`` threads still wait for their server: everything is written and said.

    A normal exit would finalize the interpreter under those daemon threads, which then abort it (SIGABRT, exit
    -6 instead of 130) when one of them wakes up holding a lock the shutdown needs."""
    if requests_in_flight():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@app.command(epilog="Examples:\n\n"
             "  summarizer show briefs.jsonl\n\n"
             "  summarizer show briefs/ --evidence\n\n"
             "  summarizer show briefs.jsonl --format csv --output incidents.csv")
def show(
    result: Annotated[Path, typer.Argument(help="Saved briefs: a .json file, a .jsonl file, or a folder of .json "
                                           "files written by summarize.")],
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    evidence: EvidenceOpt = False,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Show saved briefs again, or convert them to another format, without any model."""
    settings = _settings({"format": output_format}, config)
    fmt = _format(settings)
    _check_output(fmt, output)
    try:
        briefs = load_briefs(result)
    except BriefFileError as exc:
        raise _fail(str(exc)) from None
    _emit(briefs, fmt, output, evidence, quiet, report_bases(result))


@app.command(epilog="Examples:\n\n"
             "  summarizer report briefs.jsonl -o report.html\n\n"
             "  summarizer report briefs/ --articles ARTICLES/ -o report.html\n\n"
             "  summarizer summarize ARTICLES/ --format html -o report.html   (the same in one step)")
def report(
    result: Annotated[Path, typer.Argument(help="Saved briefs: a .jsonl file, a .json file, or a folder of .json "
                                           "files written by summarize.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The HTML file to write (default: "
                                                "stdout).")] = None,
    articles: Annotated[list[Path] | None, typer.Option(
        "--articles", help="A folder the briefs' article paths are relative to (repeatable). Default: the current "
        "folder, then the briefs' folder and the folders above it.")] = None,
    title: Annotated[str, typer.Option(help="The report's title.")] = "Incident report",
    quiet: QuietOpt = False,
) -> None:
    """One self-contained HTML file of saved briefs, without any model: the batch at a glance (incident table
    to sort and filter, a chart of killed per incident, versions, tokens and time) and every article's text
    beside its brief with each cited span highlighted. It opens from disk in a browser and fetches nothing."""
    from summarizer.report import build_report

    _check_output(OutputFormat.html, output)
    try:
        briefs = load_briefs(result)
    except BriefFileError as exc:
        raise _fail(str(exc)) from None
    bases = [*(articles or []), *report_bases(result)]
    _write_text(build_report(briefs, bases, title), output)
    if output is not None and not quiet:
        _err().print(f"wrote a report of {len(briefs)} brief(s) to {escape(str(output))}")


@app.command("incidents", epilog="Examples:\n\n"
             "  summarizer incidents briefs.jsonl\n\n"
             "  summarizer incidents briefs.jsonl more.jsonl briefs/ --format csv -o incidents.csv\n\n"
             "  summarizer incidents briefs.jsonl --format csv --policy latest-report\n\n"
             "  summarizer incidents briefs.jsonl --format md -o incidents.md\n\n"
             "  summarizer incidents fixtures/merge/briefs.jsonl --score fixtures/eval/merge/clusters.json")
def incidents_command(
    results: Annotated[list[Path], typer.Argument(help="Saved briefs: .jsonl or .json files, or folders of .json "
                                                  "files written by summarize.")],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", help="rich: a panel per incident (default); jsonl: one record per incident with its members; "
        "json: one list; csv: one row per incident (ACLED-style); md: an analyst's note.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="A file to write (default: stdout).")] = None,
    policy: PolicyOpt = "range-over-sources",
    score: Annotated[Path | None, typer.Option(help="A clusters.json of gold clusters (fixtures/eval/merge): print "
                     "the merge's pairwise and B-cubed precision / recall instead of the incidents (they still go "
                     "to --output if given).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --score: the scores as JSON.")] = False,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Merge saved briefs into real-world incidents, without any model: reports of one attack become one
    incident that keeps every article's figures and sources; uncertain pairs are flagged, never merged."""
    from summarizer.merge_score import GoldError, load_clusters, score_merge, score_text

    settings = _settings({"format": output_format}, config)
    fmt = _format(settings)
    _check_incidents_output(output)
    chosen_policy = _policy(policy)
    briefs: list[Brief] = []
    for result in results:
        try:
            briefs += load_briefs(result)
        except BriefFileError as exc:
            raise _fail(str(exc)) from None
    gold = None
    if score is not None:
        try:
            gold = load_clusters(score)
        except GoldError as exc:
            raise _fail(f"--score: {exc}") from None
    merged = merge_incidents(briefs)
    if gold is None or output is not None:
        _emit_incidents(merged, fmt, output, chosen_policy, quiet)
    if gold is not None:
        report = score_merge(merged, gold)
        typer.echo(json.dumps(report.to_dict(), indent=1) if as_json else score_text(report), nl=as_json)


@app.command(epilog="Examples:\n\n  summarizer schema > brief.schema.json\n\n"
             "  summarizer schema --which extraction")
def schema(
    which: Annotated[str, typer.Option(help="brief: what users get; extraction: what the model fills.")] = "brief",
) -> None:
    """Print the JSON Schema of a brief (or of the model-facing extraction)."""
    from pydantic import BaseModel

    from summarizer.schema import Answer

    # The model-facing schema in general; each request narrows ``counts`` to its article's (``answer_model``).
    models: dict[str, type[BaseModel]] = {"brief": Brief, "extraction": Answer}
    if which not in models:
        raise _fail(f"--which must be one of: {', '.join(models)}")
    typer.echo(json.dumps(models[which].model_json_schema(), indent=2))


@app.command("config", epilog="Examples:\n\n  summarizer config\n\n  SUMMARIZER_PROVIDER=replay summarizer config\n\n"
             "  summarizer config --config ./summarizer.toml\n\n"
             "A config file is TOML, e.g.:\n\n  [summarizer]\n\n  provider = \"openai\"\n\n"
             "  base_url = \"http://localhost:8000/v1\"\n\n  model = \"qwen2.5\"")
def show_config(config: ConfigOpt = None) -> None:
    """Show the effective settings and where each comes from (flag, environment, config file, default)."""
    settings = _settings({}, config)
    table = Table(header_style="bold", box=None, padding=(0, 2, 0, 0))
    for col in ("setting", "value", "from"):
        table.add_column(col)
    for name, value, origin in settings.rows():
        table.add_row(name, escape(value) if value else "[dim](unset)[/]", origin)
    Console(highlight=False).print(table)


def _cache_root(cache_dir: Path | None, config: Path | None) -> Path:
    root: Path = _settings({"cache_dir": cache_dir}, config).get("cache_dir")
    return root


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


CacheDirOpt = Annotated[Path | None, typer.Option(help="Cache folder (default: the user cache dir). Also "
                                                  "$SUMMARIZER_CACHE_DIR.")]


@cache_app.command("info", epilog="Example:\n\n  summarizer cache info")
def cache_info(cache_dir: CacheDirOpt = None, config: ConfigOpt = None) -> None:
    """Where the cache is, how many model exchanges and finished briefs it holds, and their size."""
    root = _cache_root(cache_dir, config)
    entries = sorted((root / "exchanges").glob("*/*.json"))
    briefs = BriefStore(root / "briefs").entries()
    models = sorted((root / "models").glob("*.gguf"))
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_row("location", escape(str(root)))
    table.add_row("exchanges", f"{len(entries):,} ({_human(_size(entries))})")
    table.add_row("briefs", f"{len(briefs):,} ({_human(_size(briefs))})")
    table.add_row("model weights", f"{len(models)} file(s) ({_human(_size(models))})" if models else "none joined")
    for server, model, mode in FormatMemory(root / "response_formats.json").entries():
        table.add_row("response format", escape(f"{mode} for {server} {model}"))
    Console(highlight=False).print(table)


@cache_app.command("clear", epilog="Examples:\n\n  summarizer cache clear --yes\n\n"
                   "  summarizer cache clear --models --yes")
def cache_clear(
    cache_dir: CacheDirOpt = None,
    config: ConfigOpt = None,
    models: Annotated[bool, typer.Option("--models", help="Also delete the joined model weights (they are joined "
                                         "again from the installed packages on the next run).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete the cached model exchanges and briefs (never the committed fixtures). The next run calls the model
    again."""
    root = _cache_root(cache_dir, config)
    entries = list((root / "exchanges").glob("*/*.json"))
    briefs = BriefStore(root / "briefs").entries()
    targets = [root / "exchanges", root / "briefs"] + ([root / "models"] if models else [])
    what = (f"{len(entries):,} cached exchange(s), {len(briefs):,} cached brief(s)"
            + (" and the joined model weights" if models else ""))
    if not yes and not typer.confirm(f"Delete {what} in {root}?", default=False, err=True):
        raise typer.Exit(1)
    for target in targets:
        if target.is_dir():
            shutil.rmtree(target)
    (root / "response_formats.json").unlink(missing_ok=True)  # the formats servers took: asked again next run
    _err().print(f"deleted {what} in {escape(str(root))}")


@app.command("eval", epilog="Examples:\n\n  summarizer eval fixtures/eval/dev --provider replay\n\n"
             "  summarizer eval fixtures/eval/dev --provider local --json > scores.json\n\n"
             "  summarizer eval fixtures/eval/dev --briefs briefs.jsonl")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NNN_slug.txt articles with NNN_slug.gold.json "
                                             "annotations (fixtures/eval/ANNOTATION_GUIDE.md).")],
    provider: Annotated[ProviderName | None, typer.Option(help="local, openai or replay, as for summarize "
                                                          "(default: local if installed, else replay).")] = None,
    model: Annotated[str | None, typer.Option(help="Model name for --provider openai.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint.")] = None,
    model_path: Annotated[Path | None, typer.Option(help="Another GGUF file for --provider local.")] = None,
    fixtures: Annotated[Path | None, typer.Option(help="Fixture store for --record and --provider replay.")] = None,
    record: Annotated[bool, typer.Option(help="Write every exchange into the fixture store.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder (default: the user cache dir).")] = None,
    max_retries: Annotated[int | None, typer.Option(min=0, help="Re-asks after an answer fails validation.")] = None,
    concurrency: ConcurrencyOpt = None,
    response_format: ResponseFormatOpt = None,
    briefs_file: Annotated[Path | None, typer.Option("--briefs", help="Score these saved briefs (.jsonl, .json or "
                           "a folder, as summarize writes them) instead of running the pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Score the pipeline against gold annotations: incidents found, figures, places, actors, citations, cost."""
    from summarizer.articles import Article, read_article
    from summarizer.evaluate import load_gold, render_eval, score

    pairs = load_gold(gold_dir)
    if not pairs:
        raise _fail(f"no NNN_slug.txt with a NNN_slug.gold.json in {gold_dir}")
    if briefs_file is not None:
        try:
            given = load_briefs(briefs_file)
        except BriefFileError as exc:
            raise _fail(f"--briefs: {exc}") from None
        by_name = {Path(b.article).name: b for b in given}
        missing = [p.name for p, _ in pairs if p.name not in by_name]
        if missing:
            raise _fail(f"--briefs {briefs_file} has no brief for: {', '.join(missing)}")
        briefs = [by_name[p.name] for p, _ in pairs]
    else:
        settings = _settings({"provider": provider or (None if local_available() else "replay"), "model": model,
                              "base_url": base_url, "model_path": model_path, "fixtures": fixtures,
                              "cache_dir": cache_dir, "max_retries": max_retries, "concurrency": concurrency,
                              "response_format": response_format}, config)
        briefs, interrupted = _run([Input(str(p), p) for p, _ in pairs], settings, record, no_cache, quiet, False)
        if interrupted is not None:
            raise _report_interrupt(interrupted, None, None if no_cache else settings.get("cache_dir") / "exchanges")
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
