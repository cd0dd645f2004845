"""A run's decision outputs beside its results: headline levels, paired differences and the sensitivity table.

Two small Parquet files keyed by the run id, holding only the run's area scope (as ``storage``): a
council run keeps its council's rows alone. Runs made before these files existed have none; their
pages say so instead of showing the tables.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from careforce.domain.planning import ProjectionResult
from careforce.domain.planning.decisions import DECISION_MEASURES, DECISION_STATISTICS

from .models import ProjectionRun, results_folder

TABLES = {"levels": "headline", "differences": "difference"}


def decisions_path(run: ProjectionRun) -> Path:
    return results_folder() / f"{run.pk}-decisions.parquet"


def sensitivity_path(run: ProjectionRun) -> Path:
    return results_folder() / f"{run.pk}-sensitivity.parquet"


def write_decisions(run: ProjectionRun, result: ProjectionResult) -> None:
    d = result.decisions
    if d is None:
        return
    areas = result.council_labels
    keep_area = [i for i, code in enumerate(areas) if run.council_id is None or code == run.council_id]
    cols: dict[str, list[Any]] = {k: [] for k in ("table", "scenario", "measure", "council", "year", "statistic")}
    values: list[float] = []
    for attr, label in TABLES.items():
        array = getattr(d, attr)  # (scenario, measure, area, year, statistic)
        for s, scenario in enumerate(d.scenarios):
            for m, measure in enumerate(DECISION_MEASURES):
                for a in keep_area:
                    for y, year in enumerate(result.years):
                        for st, statistic in enumerate(DECISION_STATISTICS):
                            cols["table"].append(label)
                            cols["scenario"].append(scenario)
                            cols["measure"].append(measure)
                            cols["council"].append(areas[a])
                            cols["year"].append(year)
                            cols["statistic"].append(statistic)
                            values.append(float(array[s, m, a, y, st]))
    table = pa.table({**cols, "value": pa.array(np.round(values, 3))})
    pq.write_table(table, decisions_path(run))
    swings = [s for s in result.sensitivity if run.council_id is None or s.area == run.council_id]
    rank: dict[tuple[str, str, str, int], int] = {}
    rows: dict[str, list[Any]] = {
        k: []
        for k in (
            "scenario",
            "measure",
            "council",
            "year",
            "rank",
            "assumption",
            "label",
            "low_input",
            "high_input",
            "central",
            "at_low",
            "at_high",
            "swing",
        )
    }
    for s in swings:  # type: ignore[assignment]
        key = (s.scenario, s.measure, s.area, s.year)  # type: ignore[attr-defined]
        rank[key] = rank.get(key, 0) + 1
        for name, value in (
            ("scenario", s.scenario),  # type: ignore[attr-defined]
            ("measure", s.measure),  # type: ignore[attr-defined]
            ("council", s.area),  # type: ignore[attr-defined]
            ("year", s.year),  # type: ignore[attr-defined]
            ("rank", rank[key]),
            ("assumption", s.assumption),  # type: ignore[attr-defined]
            ("label", s.label),  # type: ignore[attr-defined]
            ("low_input", round(s.low_input, 6)),  # type: ignore[attr-defined]
            ("high_input", round(s.high_input, 6)),  # type: ignore[attr-defined]
            ("central", round(s.central, 3)),  # type: ignore[attr-defined]
            ("at_low", round(s.at_low, 3)),  # type: ignore[attr-defined]
            ("at_high", round(s.at_high, 3)),  # type: ignore[attr-defined]
            ("swing", round(s.swing, 3)),  # type: ignore[attr-defined]
        ):
            rows[name].append(value)
    pq.write_table(pa.table(rows), sensitivity_path(run))


def _read(path: Path, **equal: Any) -> pa.Table | None:
    if not path.exists():
        return None
    filters = [(name, "=", value) for name, value in equal.items() if value is not None]
    return pq.read_table(path, filters=filters or None)


def read_decisions(run: ProjectionRun, council: str | None = None) -> pa.Table | None:
    return _read(decisions_path(run), council=council)


def read_sensitivity(run: ProjectionRun, council: str | None = None) -> pa.Table | None:
    return _read(sensitivity_path(run), council=council)


def csv_of(table: pa.Table) -> bytes:
    import pyarrow.csv as pacsv

    out = io.BytesIO()
    pacsv.write_csv(table, out, pacsv.WriteOptions(quoting_style="needed"))
    return out.getvalue()


def append_decision_sheets(book: Any, run: ProjectionRun) -> None:
    """The workbook's "Headline and differences" and "Sensitivity" sheets (nothing for older runs)."""
    decisions = read_decisions(run)
    if decisions is not None:
        sheet = book.create_sheet("Headline and differences")
        sheet.append(
            [
                "headline: each scenario's figures; difference: the scenario less the baseline, draw by draw "
                "(paired draws); all job roles; likely range (90%) = p5 to p95"
            ]
        )
        frame = decisions.to_pandas()
        wide = frame.pivot_table(
            index=["table", "scenario", "measure", "council", "year"], columns="statistic", values="value", sort=False
        ).reindex(columns=list(DECISION_STATISTICS))
        sheet.append(["table", "scenario", "measure", "council", "year", *DECISION_STATISTICS])
        for key, values in zip(wide.index, wide.to_numpy(), strict=True):
            sheet.append([*key[:4], int(key[4]), *[float(v) for v in values]])
    swings = read_sensitivity(run)
    if swings is not None:
        sheet = book.create_sheet("Sensitivity")
        sheet.append(
            [
                "each assumption at the P5 and P95 of its own range, every other at its median; rank 1 moves the "
                "result most"
            ]
        )
        names = swings.column_names
        sheet.append(names)
        for row in swings.to_pylist():
            sheet.append([row[n] for n in names])
