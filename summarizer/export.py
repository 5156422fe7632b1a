"""Briefs to files people use elsewhere, and back: JSON, JSON Lines, Markdown and CSV.

``--output`` is one file for the batch formats (jsonl, csv) and a folder of one file per article for json and
md. File names come from article names, which are data: they are reduced to a plain base name, so an article
called ``../../etc/x`` still lands inside the output folder.

CSV follows conflict-event datasets (ACLED / UCDP GED): one row per incident, the location split into
country / admin1 / location, fatalities as low / best / high. Articles without an incident (or that failed)
still get one row with their status, so a spreadsheet shows every article that was read. Text cells that a
spreadsheet would run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import ValidationError

from summarizer.incidents import MergedIncident, Policy, short_name
from summarizer.schema import Brief, Estimate, IncidentOut
from summarizer.wording import (
    STATUS_WORDS,
    article_label,
    cited_sentences,
    claim_words,
    date_words,
    estimate_words,
    event_words,
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

FOLDER_FORMATS = ("json", "md")

CSV_COLUMNS = [
    "article", "status", "incident", "event_date", "date_precision", "date_text", "country", "country_source",
    "admin1", "admin1_source", "location", "location_source", "event_type", "perpetrator", "target", "killed_low",
    "killed_best", "killed_high", "wounded_low", "wounded_best", "wounded_high", "attackers_killed_low",
    "attackers_killed_best", "attackers_killed_high", "claimed_by", "sources", "headline", "error",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BriefFileError(Exception):
    """A file given to ``show`` that does not hold briefs; the message names the file and line."""


# --- JSON ----------------------------------------------------------------------------------------------------


def to_json(briefs: Sequence[Brief]) -> str:
    return json.dumps([b.model_dump(mode="json") for b in briefs], indent=2, ensure_ascii=False) + "\n"


def brief_json(brief: Brief) -> str:
    return json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def to_jsonl(briefs: Sequence[Brief]) -> str:
    return "".join(b.model_dump_json() + "\n" for b in briefs)


# --- CSV -----------------------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _estimate(inc: IncidentOut, outcome: str, side: str) -> Estimate | None:
    return next((e for e in inc.estimates if e.outcome == outcome and e.side == side), None)


def _sources(inc: IncidentOut) -> str:
    seen: list[str] = []
    for name in [*(f.according_to for f in inc.figures if f.according_to), *(s.name for s in inc.sources if s.name)]:
        if name not in seen:
            seen.append(name)
    return "; ".join(seen)


def _precision(inc: IncidentOut) -> str:
    if inc.date.text is None:
        return "not_stated"
    return "unresolved" if inc.date.resolved is None else inc.date.precision


def csv_rows(briefs: Iterable[Brief]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for b in briefs:
        base = {"article": b.article, "status": b.status, "error": b.error or ""}
        if not b.incidents:
            rows.append({col: _cell(base.get(col)) for col in CSV_COLUMNS})
            continue
        for n, inc in enumerate(b.incidents, start=1):
            row = {**base, "incident": str(n), "event_date": inc.date.resolved.isoformat() if inc.date.resolved else "",
                   "date_precision": _precision(inc),
                   "date_text": inc.date.text, "country": inc.country, "country_source": inc.country_source,
                   "admin1": inc.province,
                   "admin1_source": inc.province_source, "location": inc.place, "location_source": inc.place_source,
                   "event_type": inc.event_type, "perpetrator": inc.perpetrator, "target": inc.target,
                   "claimed_by": inc.responsibility.claimed_by if inc.responsibility else "",
                   "sources": _sources(inc), "headline": inc.headline}
            for prefix, outcome, side in (("killed", "killed", "victims"), ("wounded", "wounded", "victims"),
                                          ("attackers_killed", "killed", "militants")):
                e = _estimate(inc, outcome, side)
                for part in ("low", "best", "high"):
                    row[f"{prefix}_{part}"] = "" if e is None or getattr(e, part) is None else str(getattr(e, part))
            rows.append({col: _cell(row.get(col)) for col in CSV_COLUMNS})
    return rows


def to_csv(briefs: Sequence[Brief]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(briefs))
    return buf.getvalue()


# --- Markdown ------------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def md(text: str) -> str:
    """Article-derived text as inert Markdown: special characters escaped, lines joined."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _sid(sentence: int | None) -> str:
    return f" [S{sentence}]" if sentence is not None else ""


def incident_markdown(inc: IncidentOut, number: int, published: bool = True) -> list[str]:
    out = [f"## {number}. {md(inc.headline)}", "", f"{md(inc.summary)} *({summary_origin(inc)})*", ""]
    resp = inc.responsibility
    facts = [
        ("What", md(event_words(inc))),
        ("When", md(date_words(inc, published))),
        ("Where", md(place_words(inc)) + _sid(inc.place_citation.sentence if inc.place_citation else None)),
        ("Who", md(f"{inc.perpetrator or 'not stated'} → {inc.target or 'not stated'}")
         + _sid(inc.perpetrator_citation.sentence if inc.perpetrator_citation else None)),
        ("Responsibility", md(claim_words(inc)) + _sid(resp.citation.sentence if resp and resp.citation else None)),
        ("Named sources", md("; ".join(named_sources(inc))) or "not stated"),
    ]
    out += _table(["Field", "Value"], facts)
    out += ["", "### Figures", ""]
    if inc.figures:
        out += _table(["Outcome", "Group", "As written", "Low–high", "According to", "Sentence"],
                      [(f.outcome, f.group, md(f.amount_text), number_range(f.low, f.high), md(source_words(f)),
                        f"S{f.citation.sentence}") for f in inc.figures])
        out += [""] + [f"- {md(estimate_words(e))}" for e in inc.estimates]
    else:
        out.append("Casualties: not stated.")
    cited = cited_sentences(inc)
    if cited:
        out += ["", "### Evidence", ""]
        out += [f"- **S{sid}**: {md(quote)}" for sid, quote in sorted(cited.items())]
    return [*out, ""]


def to_markdown(brief: Brief) -> str:
    head = [f"# {md(article_label(brief))}", ""]
    meta = [f"**Status:** {STATUS_WORDS[brief.status]}"]
    if brief.status == "ok":
        meta.append(f"{len(brief.incidents)} incident{'s' if len(brief.incidents) != 1 else ''}")
    if brief.publication_date:
        meta.append(f"published {brief.publication_date.isoformat()}")
    if brief.model:
        meta.append(f"model {md(brief.model)}")
    head += [" · ".join(meta), "", f"Article: `{brief.article.replace('`', '')}`", ""]
    if brief.status == "failed":
        head += [f"**Error:** {md(brief.error or 'failed')}", ""]
    elif brief.status == "no_incident":
        head += ["No violent incident reported in this article.", ""]
    body = [line for n, inc in enumerate(brief.incidents, start=1)
            for line in incident_markdown(inc, n, brief.publication_date is not None)]
    tail: list[str] = []
    if brief.left_out:
        tail = ["### Left out", "", "Claimed by the model but not supported by the article, so not shown as fact:",
                "", *[f"- {md(x)}" for x in brief.left_out], ""]
    if brief.unused_counts:
        tail += ["### Counts not used as figures", "", "Counts the article states that no figure above uses, with "
                 "the model's reading:", "", *[f"- {md(x)}" for x in brief.unused_counts], ""]
    if brief.set_aside:
        tail += ["### Set aside as web boilerplate", "", *[f"- {md(x)}" for x in brief.set_aside], ""]
    return "\n".join(head + body + tail).rstrip("\n") + "\n"


def markdown_batch(briefs: Sequence[Brief]) -> str:
    return "\n---\n\n".join(to_markdown(b) for b in briefs)


# --- files ---------------------------------------------------------------------------------------------------


def file_names(briefs: Sequence[Brief], suffix: str) -> list[str]:
    """One plain, distinct file name per brief: no folders, no leading dots, nothing outside [A-Za-z0-9._-]."""
    used: set[str] = set()
    names: list[str] = []
    for b in briefs:
        stem = "stdin" if b.article in ("-", "<stdin>") else Path(b.article.replace("\\", "/")).stem
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).lstrip(".-_")[:120] or "article"
        name, n = stem + suffix, 2
        while name.lower() in used:
            name, n = f"{stem}-{n}{suffix}", n + 1
        used.add(name.lower())
        names.append(name)
    return names


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(briefs: Sequence[Brief], folder: Path, fmt: str) -> list[Path]:
    """One file per article inside ``folder``; returns the paths written, in input order."""
    suffix = ".json" if fmt == "json" else ".md"
    render = brief_json if fmt == "json" else to_markdown
    root = folder.resolve()
    written: list[Path] = []
    for brief, name in zip(briefs, file_names(briefs, suffix), strict=True):
        target = (root / name).resolve()
        if target.parent != root:  # file_names makes this impossible; kept as the last line of defence
            raise ValueError(f"refusing to write outside {root}: {name}")
        atomic_write(target, render(brief))
        written.append(target)
    return written


def batch_text(briefs: Sequence[Brief], fmt: str) -> str:
    """The whole batch as one text, for stdout or a batch file."""
    if fmt == "json":
        return to_json(briefs)
    if fmt == "jsonl":
        return to_jsonl(briefs)
    if fmt == "csv":
        return to_csv(briefs)
    if fmt == "md":
        return markdown_batch(briefs)
    raise ValueError(f"not a text format: {fmt}")


# --- reading briefs back -------------------------------------------------------------------------------------


def _validate(obj: object, where: str) -> Brief:
    try:
        return Brief.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise BriefFileError(f"{where}: not a brief ({loc}: {first['msg']})") from None


def load_briefs(path: Path) -> list[Brief]:
    """Briefs from a .json file (one brief or a list), a .jsonl file, or a folder of .json files."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.json") if p.is_file())
        if not files:
            raise BriefFileError(f"{path}: no .json briefs in this folder")
        return [b for f in files for b in load_briefs(f)]
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BriefFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefFileError(f"{path}: cannot read ({exc})") from None
    if path.suffix == ".jsonl":
        return _lines(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):  # JSON Lines under another name
            return _lines(path, text)
        raise BriefFileError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    if isinstance(data, list):
        return [_validate(obj, f"{path}[{i}]") for i, obj in enumerate(data)]
    return [_validate(data, str(path))]


def _lines(path: Path, text: str) -> list[Brief]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BriefFileError(f"{path}:{n}: not JSON ({exc.msg})") from None
        out.append(_validate(obj, f"{path}:{n}"))
    return out


# --- merged incidents (``summarizer incidents``) -------------------------------------------------------------

INCIDENT_CSV_COLUMNS = [
    "incident", "event_date", "time_precision", "first_report", "last_report", "country", "admin1", "location",
    "geo_precision", "event_type", "actor1", "actor2", "claimed_by", "policy", "killed_low", "killed_best",
    "killed_high", "wounded_low", "wounded_best", "wounded_high", "attackers_killed_low", "attackers_killed_best",
    "attackers_killed_high", "n_articles", "articles", "outlets", "sources", "possibly_same_as", "conflicts",
    "headline",
]
"""One row per merged incident. ``time_precision`` and ``geo_precision`` follow ACLED's codes: time 1 = the day,
2 = within a week (the reports disagree on the day, or none gives it and the date is the first publication);
geo 1 = a named place or town, 2 = part of a region, 3 = only the province or country. ``actor1`` is the
attacker(s), ``actor2`` the target(s), as ACLED names them."""


def incidents_jsonl(incidents: Sequence[MergedIncident]) -> str:
    return "".join(i.model_dump_json() + "\n" for i in incidents)


def incident_csv_rows(incidents: Iterable[MergedIncident], policy: Policy) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for inc in incidents:
        sources: list[str] = []
        for f in inc.figures:
            who = " ".join((f.according_to or "").split())
            if who and who not in sources:
                sources.append(who)
        row: dict[str, object] = {
            "incident": inc.id, "event_date": inc.date.isoformat() if inc.date else "",
            "time_precision": inc.date_precision, "first_report": inc.first_report, "last_report": inc.last_report,
            "country": inc.country, "admin1": inc.admin1, "location": inc.location, "geo_precision": inc.geo_precision,
            "event_type": inc.event_type, "actor1": "; ".join(inc.perpetrators), "actor2": "; ".join(inc.targets),
            "claimed_by": "; ".join(inc.claimed_by), "policy": policy,
            "n_articles": len({a.article for a in inc.articles}),
            "articles": "; ".join(f"{a.article}#{a.incident}" for a in inc.articles),
            "outlets": "; ".join(dict.fromkeys(a.outlet for a in inc.articles if a.outlet)),
            "sources": "; ".join(sources),
            "possibly_same_as": "; ".join(p.incident for p in inc.possibly_same_as),
            "conflicts": " | ".join(inc.conflicts), "headline": inc.headline,
        }
        for prefix, outcome, side in (("killed", "killed", "victims"), ("wounded", "wounded", "victims"),
                                      ("attackers_killed", "killed", "militants")):
            e = next((e for e in inc.estimates if e.outcome == outcome and e.side == side and e.policy == policy),
                     None)
            for part in ("low", "best", "high"):
                row[f"{prefix}_{part}"] = None if e is None else getattr(e, part)
        rows.append({col: _cell(row.get(col)) for col in INCIDENT_CSV_COLUMNS})
    return rows


def incidents_csv(incidents: Sequence[MergedIncident], policy: Policy = "range-over-sources") -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=INCIDENT_CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(incident_csv_rows(incidents, policy))
    return buf.getvalue()


def incident_note(inc: MergedIncident) -> list[str]:
    """One merged incident as an analyst's note in Markdown."""
    n = len(inc.articles)
    lines = [f"## {inc.id}: {md(inc.headline)}", "",
             f"- **What:** {md(merged_event_words(inc))}",
             f"- **When:** {md(merged_date_words(inc))}",
             f"- **Where:** {md(merged_place_words(inc))}",
             f"- **Who:** {md('; '.join(inc.perpetrators) or 'attacker not stated')} → "
             f"{md('; '.join(inc.targets) or 'target not stated')}",
             "- **Claim:** " + (f"claimed by {md('; '.join(inc.claimed_by))} (their claim, not a finding)"
                                 if inc.claimed_by else "no claim stated"),
             f"- **Reported by {n} article{'s' if n != 1 else ''}**"
             + (f", first {inc.first_report.isoformat()}" if inc.first_report else "")
             + (f", last {inc.last_report.isoformat()}" if inc.last_report else ""), ""]
    lines += _table(["article", "outlet", "published", "#", "as reported"],
                    [[md(short_name(a.article)), md(a.outlet or "—"), a.published.isoformat() if a.published else "—",
                      str(a.incident + 1), md(a.headline)] for a in inc.articles])
    lines += ["", "**Figures by source**", ""]
    if inc.figures:
        lines += _table(["outcome", "group", "as written", "low–high", "according to", "article", "published"],
                        [[f.outcome, f.group, md(f.amount_text), number_range(f.low, f.high),
                          md(" ".join((f.according_to or "the article").split())), md(short_name(f.article)),
                          f.published.isoformat() if f.published else "—"] for f in inc.figures])
    else:
        lines.append("Casualties not stated in any article.")
    if inc.estimates:
        lines += ["", "**Reconciled**", ""] + [f"- {md(reconciled_words(e))}" for e in inc.estimates]
    if inc.conflicts:
        lines += ["", "**Sources disagree**", ""] + [f"- {md(c)}" for c in inc.conflicts]
    for link in inc.possibly_same_as:
        lines += ["", f"*Possibly the same incident as {link.incident}* (not merged): {md(link.why)}"]
    return lines


def incidents_markdown(incidents: Sequence[MergedIncident]) -> str:
    out = ["# Incidents", "",
           f"{len(incidents)} incident(s) from {sum(len(i.members) for i in incidents)} incident record(s).", ""]
    for inc in incidents:
        out += [*incident_note(inc), ""]
    return "\n".join(out)


def incidents_text(incidents: Sequence[MergedIncident], fmt: str, policy: Policy = "range-over-sources") -> str:
    if fmt == "jsonl":
        return incidents_jsonl(incidents)
    if fmt == "json":
        return json.dumps([i.model_dump(mode="json") for i in incidents], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return incidents_csv(incidents, policy)
    if fmt == "md":
        return incidents_markdown(incidents)
    raise ValueError(fmt)
