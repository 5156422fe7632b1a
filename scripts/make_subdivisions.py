"""Write ``summarizer/data/subdivisions.tsv``: second-level divisions (ISO 3166-2 subdivisions with a parent) and
the first-level division above each (the gazetteer's name for it where it has one), for the countries where most
parents are divisions of the gazetteer.

Burkinabe and Philippine copy names a province ("Soum province", "the island of Samar") where the annotation
guide and GeoNames' first level are the region (Sahel, Eastern Visayas). Run with pycountry installed
(``pip install pycountry==26.2.16``): ``python scripts/make_subdivisions.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry

from summarizer.gazetteer import load

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "subdivisions.tsv"


def main() -> None:
    g = load()
    rows: list[tuple[str, str, str]] = []
    by_code = {s.code: s for s in pycountry.subdivisions}
    countries = sorted({s.country_code for s in pycountry.subdivisions if getattr(s, "parent_code", None)})
    for cc in countries:
        children = [s for s in pycountry.subdivisions.get(country_code=cc) if getattr(s, "parent_code", None)]
        parents: dict[str, tuple[str, str | None]] = {}
        for child in children:
            parent = by_code[child.parent_code]
            if getattr(parent, "parent_code", None):
                continue  # a third level ("Alsace" under "Grand Est"): not this table's
            name = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", parent.name).strip()  # "Eastern Visayas (Region VIII)"
            parents[parent.code] = (name, g.division_named(name, cc))
        known = sum(1 for _, division in parents.values() if division)
        if not parents or known * 2 <= len(parents):
            continue  # the gazetteer's first level is not the parents' (Iraq's Kurdistan Region)
        for child in children:
            if child.parent_code in parents:
                name, division = parents[child.parent_code]
                rows.append((cc, child.name, division or name))
    OUT.write_text("".join(f"{cc}\t{name}\t{parent}\n" for cc, name, parent in sorted(rows)), encoding="utf-8")
    print(f"{len(rows)} subdivisions of {len({r[0] for r in rows})} countries -> {OUT}")


if __name__ == "__main__":
    main()
