"""Briefs in the terminal with rich: a panel per incident, evidence on request, one summary table per batch.

Article text is data: it only ever enters rich as ``Text`` objects, never as markup, so "[bold red]" in an
article prints as written; control characters (ANSI escapes among them) are made visible before printing.
Colour is decoration only: every distinction (claims, "not stated", highlighted words) also shows in plain
text, so ``NO_COLOR`` and pipes lose nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from summarizer.incidents import MergedIncident, short_name
from summarizer.inert import inert_text
from summarizer.schema import Brief, Citation, IncidentOut
from summarizer.wording import (
    NOT_STATED,
    STATUS_WORDS,
    article_label,
    cited_sentences,
    date_words,
    estimate_words,
    event_words,
    killed_words,
    merged_date_words,
    merged_event_words,
    merged_place_words,
    named_sources,
    number_range,
    place_words,
    reconciled_words,
    source_words,
    summary_origin,
)


def inert(text: str) -> Text:
    """Article-derived text, safe for the terminal: never markup, control characters shown as escapes."""
    return Text(inert_text(text))


def _stated(value: str | None, what: str = "") -> Text:
    if value:
        return inert(value)
    return Text(f"{what} {NOT_STATED}".strip(), style="dim italic")


def _ref(c: Citation | None) -> Text:
    return Text(f" [S{c.sentence}]", style="dim") if c else Text("")


def _facts(inc: IncidentOut, published: bool) -> Table:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("What", Text(event_words(inc)))
    when = Text(date_words(inc, published))
    if inc.date.text is None:
        when.stylize("dim italic")
    facts.add_row("When", when)
    where = inert(place_words(inc))
    if not (inc.place or inc.province or inc.country):
        where.stylize("dim italic")
    facts.add_row("Where", Text.assemble(where, _ref(inc.place_citation)))
    facts.add_row("Who", Text.assemble(_stated(inc.perpetrator, "attacker"), _ref(inc.perpetrator_citation), " → ",
                                       _stated(inc.target, "target")))
    if inc.responsibility:
        facts.add_row("Claim", Text.assemble(("claimed by ", "bold yellow"), inert(inc.responsibility.claimed_by),
                                             _ref(inc.responsibility.citation),
                                             (" (their claim, not a finding)", "yellow")))
    else:
        facts.add_row("Claim", Text(f"responsibility claim {NOT_STATED}", style="dim italic"))
    sources = named_sources(inc)
    facts.add_row("Sources", inert("; ".join(sources)) if sources else _stated(None, "named sources"))
    return facts


def _figures(inc: IncidentOut) -> list[RenderableType]:
    if not inc.figures:
        return [Text(f"Casualties: {NOT_STATED}", style="dim italic")]
    table = Table(show_edge=False, pad_edge=False, header_style="bold", box=None, padding=(0, 2, 0, 0))
    for col, justify in (("outcome", "left"), ("group", "left"), ("as written", "left"), ("low–high", "right"),
                         ("according to", "left"), ("", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for f in inc.figures:
        who = inert(source_words(f)) if f.according_to else Text(source_words(f), style="dim")
        table.add_row(f.outcome, f.group, inert(f.amount_text), number_range(f.low, f.high), who,
                      Text(f"S{f.citation.sentence}", style="dim"))
    parts: list[RenderableType] = [table]
    for e in inc.estimates:
        parts.append(Text.assemble(("= ", "cyan"), (estimate_words(e), "cyan")))
    return parts


def _terms(inc: IncidentOut) -> dict[int, tuple[list[str], list[str]]]:
    """Per cited sentence: (the facts it supports, the words to highlight in it)."""
    found: dict[int, tuple[list[str], list[str]]] = {}

    def add(c: Citation | None, fact: str, *words: str | None) -> None:
        if c is None:
            return
        facts, terms = found.setdefault(c.sentence, ([], []))
        facts.append(fact)
        terms.extend(w for w in words if w)

    add(inc.place_citation, "place", inc.place, inc.province, inc.country)
    add(inc.perpetrator_citation, "attacker", inc.perpetrator)
    if inc.responsibility:
        add(inc.responsibility.citation, "claim", inc.responsibility.claimed_by)
    for f in inc.figures:
        add(f.citation, f"{f.outcome} “{f.amount_text}”", f.amount_text, f.according_to)
    return found


def highlighted(quote: str, terms: Sequence[str]) -> Text:
    """The quote with each cited word run underlined (bold too, so it shows without colour)."""
    text = inert(quote)
    for term in sorted(set(terms), key=len, reverse=True):
        for m in re.finditer(re.escape(term), quote, flags=re.IGNORECASE):
            text.stylize("bold underline yellow", m.start(), m.end())
    return text


def _evidence(inc: IncidentOut) -> list[RenderableType]:
    quotes = cited_sentences(inc)
    if not quotes:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for sid, (facts, terms) in sorted(_terms(inc).items()):
        grid.add_row(f"S{sid}", Text.assemble(highlighted(quotes[sid], terms), "\n",
                                              (f"supports: {', '.join(facts)}", "dim")))
    return [Text("Evidence", style="bold"), grid]


def incident_panel(inc: IncidentOut, number: int, total: int, evidence: bool = False,
                   published: bool = True) -> Panel:
    summary = Text.assemble(inert(inc.summary), (f" ({summary_origin(inc)})", "dim italic"))
    parts: list[RenderableType] = [summary, Text(""), _facts(inc, published), Text(""), *_figures(inc)]
    if evidence:
        ev = _evidence(inc)
        if ev:
            parts += [Text(""), *ev]
    title = Text.assemble((f"{number}/{total} ", "dim") if total > 1 else "", (inert(inc.headline).plain, "bold"))
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue")


def brief_renderable(brief: Brief, evidence: bool = False) -> RenderableType:
    header = Text.assemble((inert(article_label(brief)).plain, "bold"), "  ")
    if brief.publication_date:
        header.append(f"published {brief.publication_date.isoformat()}  ", style="dim")
    left_out: list[RenderableType] = []
    if brief.left_out:
        left_out = [Padding(Text.assemble(("Left out (the model said it, the article does not support it): ",
                                           "dim bold"), (inert("; ".join(brief.left_out)).plain, "dim")),
                            (0, 0, 0, 1))]
    if brief.unused_counts:
        left_out.append(Padding(Text.assemble(("Counts not used as figures (the model's reading): ", "dim bold"),
                                              (inert("; ".join(brief.unused_counts)).plain, "dim")), (0, 0, 0, 1)))
    if brief.set_aside:
        n = len(brief.set_aside)
        left_out.append(Padding(Text(f"Set aside as web boilerplate and not read: {n} passage{'s' if n != 1 else ''} "
                                     "(listed under set_aside in the JSON brief)", style="dim"), (0, 0, 0, 1)))
    warnings = [Text.assemble(("warning: ", "bold yellow"), inert(w)) for w in brief.warnings]
    if brief.status == "failed":
        return Panel(Group(inert(brief.error or "failed"), *warnings),
                     title=Text.assemble(header, ("FAILED", "bold red")), title_align="left", border_style="red")
    if brief.status == "no_incident":
        return Group(Panel(Group(Text("No violent incident reported in this article."), *warnings),
                           title=Text.assemble(header, ("no incident", "yellow")), title_align="left",
                           border_style="yellow"), *left_out)
    n = len(brief.incidents)
    published = brief.publication_date is not None
    panels = [incident_panel(inc, i + 1, n, evidence, published) for i, inc in enumerate(brief.incidents)]
    return Group(Text.assemble(header, (f"{n} incident{'s' if n != 1 else ''}", "green")), *warnings, *panels,
                 *left_out)


def _cell(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis")


def summary_table(briefs: Sequence[Brief]) -> Table:
    table = Table(title="Summary", header_style="bold")
    # Narrow terminals shorten the article, status and place columns; the numbers always stay whole.
    columns = [("article", 6, 28), ("status", 6, 40), ("inc.", 4, None), ("killed", 6, None),
               ("place", 5, 28), ("secs", 4, None), ("tokens", 6, None)]
    for col, least, most in columns:
        table.add_column(col, justify="right" if col in ("inc.", "secs", "tokens") else "left",
                         no_wrap=most is None, min_width=least, max_width=most)
    for b in briefs:
        reason = b.error.splitlines()[0] if b.error else ""  # the column's ellipsis shortens it
        word = STATUS_WORDS[b.status]
        status = Text(word if b.status != "failed" else f"{word}: {inert(reason).plain}",
                      style={"ok": "green", "no_incident": "yellow", "failed": "red"}[b.status],
                      no_wrap=True, overflow="ellipsis")
        first = b.incidents[0] if b.incidents else None
        place = ", ".join(p for p in ((first.place or first.province), first.country) if p) if first else ""
        table.add_row(_cell(inert(article_label(b)).plain), status, str(len(b.incidents)), killed_words(b),
                      _cell(inert(place).plain or "—"), f"{b.seconds:.1f}",
                      f"{b.usage.prompt_tokens + b.usage.completion_tokens:,}")
    return table


def print_rich(briefs: Sequence[Brief], console: Console, evidence: bool = False, summary: bool = True) -> None:
    for brief in briefs:
        console.print(brief_renderable(brief, evidence))
        console.print()
    if summary:
        console.print(summary_table(briefs))


# --- progress during a run -----------------------------------------------------------------------------------


@dataclass
class RunMeter:
    """Tokens per second of the model over the run (cached answers left out: they cost no model time)."""

    tokens: int = 0
    seconds: float = 0.0

    def add(self, brief: Brief) -> None:
        if brief.usage.model_seconds > 0:
            self.tokens += brief.usage.completion_tokens
            self.seconds += brief.usage.model_seconds

    def rate(self) -> str:
        return f"{self.tokens / self.seconds:.1f} tok/s" if self.seconds > 0 else ""


@contextmanager
def run_progress(console: Console, total: int, enabled: bool) -> Iterator[tuple[Progress, TaskID, RunMeter]]:
    """A progress bar on stderr (articles done / total, the current article, tokens/s); nothing in a pipe."""
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}", style="cyan"), TimeElapsedColumn(), console=console,
                        transient=True, disable=not (enabled and console.is_terminal))
    with progress:
        task = progress.add_task("summarizing", total=total, rate="")
        yield progress, task, RunMeter()


# --- merged incidents (``summarizer incidents``) -------------------------------------------------------------


def _merged_facts(inc: MergedIncident) -> Table:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("What", Text(merged_event_words(inc)))
    when = Text(merged_date_words(inc))
    if inc.date is None:
        when.stylize("dim italic")
    facts.add_row("When", when)
    facts.add_row("Where", inert(merged_place_words(inc)))
    facts.add_row("Who", Text.assemble(inert("; ".join(inc.perpetrators)) if inc.perpetrators
                                       else Text(f"attacker {NOT_STATED}", style="dim italic"), " → ",
                                       inert("; ".join(inc.targets)) if inc.targets
                                       else Text(f"target {NOT_STATED}", style="dim italic")))
    if inc.claimed_by:
        facts.add_row("Claim", Text.assemble(("claimed by ", "bold yellow"), inert("; ".join(inc.claimed_by)),
                                             (" (their claim, not a finding)", "yellow")))
    else:
        facts.add_row("Claim", Text(f"responsibility claim {NOT_STATED}", style="dim italic"))
    return facts


def _merged_articles(inc: MergedIncident) -> Table:
    table = Table(show_edge=False, pad_edge=False, header_style="bold", box=None, padding=(0, 2, 0, 0))
    for col in ("article", "outlet", "published", "#", "as reported"):
        table.add_column(col, overflow="fold")
    for a in inc.articles:
        table.add_row(inert(short_name(a.article)), _stated(a.outlet, ""),
                      a.published.isoformat() if a.published else Text("—", style="dim"), str(a.incident + 1),
                      inert(a.headline))
    return table


def _merged_figures(inc: MergedIncident) -> list[RenderableType]:
    if not inc.figures:
        return [Text(f"Casualties: {NOT_STATED} in any article", style="dim italic")]
    table = Table(show_edge=False, pad_edge=False, header_style="bold", box=None, padding=(0, 2, 0, 0))
    for col, justify in (("outcome", "left"), ("group", "left"), ("as written", "left"), ("low–high", "right"),
                         ("according to", "left"), ("article", "left"), ("published", "left")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for f in inc.figures:
        who = inert(" ".join(f.according_to.split())) if f.according_to else Text("the article", style="dim")
        table.add_row(f.outcome, f.group, inert(f.amount_text), number_range(f.low, f.high), who,
                      inert(short_name(f.article)), f.published.isoformat() if f.published else "—")
    return [table]


def merged_panel(inc: MergedIncident) -> Panel:
    n = len(inc.articles)
    parts: list[RenderableType] = [_merged_facts(inc), Text(""),
                                   Text(f"Reported by {n} article{'s' if n != 1 else ''}", style="bold"),
                                   _merged_articles(inc), Text(""), Text("Figures by source", style="bold"),
                                   *_merged_figures(inc)]
    if inc.estimates:
        parts += [Text(""), Text("Reconciled", style="bold"),
                  *[Text("  " + reconciled_words(e)) for e in inc.estimates]]
    if inc.conflicts:
        parts += [Text(""), Text("Sources disagree", style="bold"),
                  *[Text.assemble("  ", inert(c)) for c in inc.conflicts]]
    for link in inc.possibly_same_as:
        parts += [Text(""), Text.assemble((f"possibly the same incident as {link.incident}", "bold magenta"),
                                          (" (not merged): ", "magenta"), inert(link.why))]
    title = Text.assemble((f"{inc.id} ", "bold"), (inert(inc.headline).plain, "bold"))
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue")


def print_incidents(incidents: Sequence[MergedIncident], console: Console) -> None:
    for inc in incidents:
        console.print(merged_panel(inc))
        console.print()
    members = sum(len(i.members) for i in incidents)
    merged = sum(1 for i in incidents if len(i.articles) > 1)
    flagged = sum(1 for i in incidents if i.possibly_same_as)
    console.print(Text(f"{len(incidents)} incident(s) from {members} incident record(s); {merged} reported by more "
                       f"than one article; {flagged} flagged as possibly the same as another", style="bold"))
