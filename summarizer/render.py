"""Briefs to the terminal (rich) or to json / jsonl.

Article text is data: it only ever enters rich as ``Text`` objects, never as markup, so "[bold red]" in
an article prints as written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.inert import inert_brief
from summarizer.schema import Brief, Citation, Estimate, IncidentOut

NOT_STATED = "not stated"


def _val(value: str | None) -> Text:
    return Text(value) if value else Text(NOT_STATED, style="dim italic")


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "?"
    if low == high:
        return str(low)
    return f"{'?' if low is None else low}–{'' if high is None else high}"


def _where(inc: IncidentOut) -> Text:
    parts = [p for p in (inc.place, inc.province, inc.country) if p]
    if not parts:
        return _val(None)
    where = Text(", ".join(parts))
    if not inc.place:
        where.append(" (place not stated)", style="dim italic")
    return where


def _when(inc: IncidentOut) -> Text:
    d = inc.date
    if d.text is None:
        return _val(None)
    if d.resolved is None:
        return Text(f"{d.text} (date not resolved)")
    if d.precision == "day":
        return Text(f"{d.text} ({d.resolved.isoformat()})")
    return Text(f"{d.text}, resolved to {d.resolved.isoformat()} against the publication date")


def _estimate_line(e: Estimate) -> str:
    who = "attackers" if e.side == "militants" else "victims"
    return (f"{e.outcome} ({who}): low {e.low if e.low is not None else '?'} · best "
            f"{e.best if e.best is not None else '?'} · high {e.high if e.high is not None else '?'} "
            f"from {e.sources} figure(s)")


def incident_panel(inc: IncidentOut, number: int, total: int) -> Panel:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("What", Text(inc.event_type.replace("_", " ")))
    facts.add_row("When", _when(inc))
    facts.add_row("Where", _where(inc))
    facts.add_row("Who", Text.assemble(_val(inc.perpetrator), " → ", _val(inc.target)))
    if inc.responsibility:
        facts.add_row("Claimed", Text.assemble(
            ("claim: ", "yellow"), inc.responsibility.claimed_by,
            f" [S{inc.responsibility.citation.sentence}]" if inc.responsibility.citation else ""))
    else:
        facts.add_row("Claimed", _val(None))
    parts: list[RenderableType] = [Text(inc.summary, style="italic"), Text(""), facts]

    if inc.figures:
        figures = Table(show_edge=False, pad_edge=False, header_style="bold")
        for col in ("outcome", "group", "as written", "low–high", "according to", "S"):
            figures.add_column(col)
        for f in inc.figures:
            figures.add_row(f.outcome, f.group, Text(f.amount_text), _range(f.low, f.high),
                            _val(f.according_to) if f.according_to else Text("article", style="dim"),
                            str(f.citation.sentence))
        parts += [Text(""), figures]
        for e in inc.estimates:
            parts.append(Text(_estimate_line(e), style="cyan"))
        if inc.estimates:
            parts.append(Text(f"policy: {inc.estimates[0].policy}", style="dim"))
    else:
        parts += [Text(""), Text("Casualties: not stated", style="dim italic")]

    if inc.sources:
        srcs = "; ".join(
            ", ".join(p for p in (s.name, s.role, f"to {s.outlet}" if s.outlet else None) if p)
            for s in inc.sources
        )
        parts += [Text(""), Text.assemble(("Sources: ", "bold"), srcs)]

    cited: dict[int, Citation] = {}
    for c in [inc.place_citation, inc.perpetrator_citation,
              inc.responsibility.citation if inc.responsibility else None,
              *[f.citation for f in inc.figures]]:
        if c is not None:
            cited.setdefault(c.sentence, c)
    if cited:
        parts.append(Text(""))
        for sid in sorted(cited):
            parts.append(Text.assemble((f"[S{sid}] ", "dim bold"), (cited[sid].quote, "dim")))
    title = Text(inc.headline, style="bold")
    if total > 1:
        title = Text.assemble((f"{number}/{total} ", "dim"), title)
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue")


def _warnings(brief: Brief) -> list[Text]:
    return [Text.assemble(("warning: ", "bold yellow"), w) for w in brief.warnings]


def brief_renderable(brief: Brief) -> RenderableType:
    header = Text.assemble((brief.article, "bold"), "  ")
    if brief.status == "failed":
        return Panel(Group(Text(brief.error or "failed"), *_warnings(brief)),
                     title=Text.assemble(header, ("FAILED", "bold red")), title_align="left", border_style="red")
    if brief.status == "no_incident":
        return Panel(Group(Text("No violent incident reported in this article."), *_warnings(brief)),
                     title=Text.assemble(header, ("no incident", "yellow")), title_align="left",
                     border_style="yellow")
    panels = [incident_panel(inc, i + 1, len(brief.incidents)) for i, inc in enumerate(brief.incidents)]
    return Group(Text.assemble(header, (f"{len(brief.incidents)} incident(s)", "green")), *_warnings(brief), *panels)


def _killed(brief: Brief) -> str:
    ranges = [
        (e.low, e.high)
        for inc in brief.incidents
        for e in inc.estimates
        if e.outcome == "killed" and e.side == "victims"
    ]
    if not ranges:
        return "—"
    return "; ".join(_range(lo, hi) for lo, hi in ranges)


def _cell(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis")


def summary_table(briefs: Sequence[Brief]) -> Table:
    table = Table(title="Summary", header_style="bold")
    # Narrow terminals shorten the article, status and place columns; the numbers always stay whole.
    columns = [("article", 10, 28), ("status", 6, 40), ("inc.", 4, None), ("killed", 6, None),
               ("place", 8, 28), ("secs", 4, None), ("tokens", 6, None)]
    for col, least, most in columns:
        table.add_column(col, justify="right" if col in ("inc.", "secs", "tokens") else "left",
                         no_wrap=most is None, min_width=least, max_width=most)
    for b in briefs:
        reason = b.error.splitlines()[0] if b.error else ""  # the column's ellipsis shortens it
        status = Text(b.status if b.status != "failed" else f"failed: {reason}",
                      style={"ok": "green", "no_incident": "yellow", "failed": "red"}[b.status],
                      no_wrap=True, overflow="ellipsis")
        place = ", ".join(p for p in ((b.incidents[0].place or b.incidents[0].province) if b.incidents else None,
                                      b.incidents[0].country if b.incidents else None) if p)
        table.add_row(_cell(Path(b.article).name), status, str(len(b.incidents)), _killed(b), _cell(place or "—"),
                      f"{b.seconds:.1f}", str(b.usage.prompt_tokens + b.usage.completion_tokens))
    return table


def print_rich(briefs: Sequence[Brief], console: Console) -> None:
    briefs = [inert_brief(b) for b in briefs]
    for brief in briefs:
        console.print(brief_renderable(brief))
        console.print()
    console.print(summary_table(briefs))


def to_json(briefs: Sequence[Brief]) -> str:
    return json.dumps([b.model_dump(mode="json") for b in briefs], indent=2, ensure_ascii=False) + "\n"


def to_jsonl(briefs: Sequence[Brief]) -> str:
    return "".join(b.model_dump_json() + "\n" for b in briefs)
