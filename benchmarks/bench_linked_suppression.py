"""Time linked suppression (every table of a measure protected together, ADR 0100) on a loaded region.

For each measure: the median of ``--runs`` builds of the linked set (laying out and protecting the 91
tables of the region and 14 councils), the peak memory one build allocates (tracemalloc), and, as the
baseline in the same process, the same 91 tables each protected on its own (ADR 0031); with cells
hidden by each. The region's facts are read once, before timing.

    CAREFORCE_DATA_DIR=/path/to/full-region .venv/bin/python benchmarks/bench_linked_suppression.py \
        [--runs 3] [--measure gender ...]

Run it on a copy of the full demo region (``careforce demo --load-only`` in its own data folder).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
import tracemalloc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", action="append", default=None)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.settings")
    import django

    django.setup()
    from careforce.domain.metrics import MEASURES
    from careforce.domain.metrics.linked import link
    from careforce.domain.metrics.tables import lay_out, own_status
    from careforce.intelligence import facts, measures

    region = facts.region_facts()
    areas = measures.areas()
    by_area = {a.code: region.facts if a.is_region else facts.council_facts(region, a.code) for a in areas}
    splits = {a.code: measures.splits_for(a) for a in areas}
    day = region.reference_date

    def linked(m):  # type: ignore[no-untyped-def]
        return link(m, by_area, splits, day)

    def one_by_one(m):  # type: ignore[no-untyped-def]
        return sum(int(own_status(lay_out(m, by_area[a], a, s, day)).sum()) for a in by_area for s in splits[a])

    def median_seconds(fn, m) -> tuple[float, object]:  # type: ignore[no-untyped-def]
        times, out = [], None
        for _ in range(args.runs):
            started = time.perf_counter()
            out = fn(m)
            times.append(time.perf_counter() - started)
        return statistics.median(times), out

    print(f"# {platform.node()}: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {args.runs} runs each")
    print("measure,cells,primary,hidden_one_by_one,hidden_linked,rounds,exposed,baseline_s,linked_s,ratio,peak_mb")
    for m in MEASURES:
        if args.measure and m.id not in args.measure:
            continue
        base_s, base_hidden = median_seconds(one_by_one, m)
        link_s, ls = median_seconds(linked, m)
        tracemalloc.start()
        linked(m)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"{m.id},{len(ls.values)},{int(ls.primary.sum())},{base_hidden},{int(ls.hidden.sum())},{ls.rounds},"  # type: ignore[attr-defined]
            f"{len(ls.exposed)},{base_s:.2f},{link_s:.2f},{link_s / base_s:.1f},{peak:.1f}",  # type: ignore[attr-defined]
            flush=True,
        )
    print(f"# load at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
