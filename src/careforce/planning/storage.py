"""Where a run's tidy results live (Parquet under ``DATA_DIR/projections``) and the files made from them.

Only the rows of the run's area scope are ever written: a council run's files hold that council
alone, so no page or download of it can show another council or the region.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from careforce.domain.planning import (
    MEASURE_DEFINITIONS,
    RANGE_COVERS,
    RANGE_EXCLUDES,
    RESULT_MEASURES,
    STATISTICS,
    ProjectionResult,
)
from careforce.domain.planning.dimensions import council_names

from .decision_storage import append_decision_sheets
from .models import ProjectionRun

KEY_COLUMNS = ("scenario", "measure", "council", "role", "year")


def scoped_table(result: ProjectionResult, council: str | None) -> pa.Table:
    """The tidy table (as ``ProjectionResult.tidy_columns``), keeping only ``council`` when given.

    Built from index arrays and dictionaries rather than Python strings, which is many times faster.
    """
    values = result.statistics.ravel()
    keep = ~np.isnan(values)
    grids = [
        g.ravel() for g in np.meshgrid(*[np.arange(n, dtype=np.int32) for n in result.statistics.shape], indexing="ij")
    ]
    if council is not None:
        keep &= grids[2] == result.council_labels.index(council)
    s, m, c, r, y, st = (g[keep] for g in grids)

    def labelled(index: np.ndarray, labels: tuple[str, ...]) -> pa.Array:
        return pa.DictionaryArray.from_arrays(pa.array(index), pa.array(list(labels), pa.string())).cast(pa.string())

    return pa.table(
        {
            "council": labelled(c, result.council_labels),
            "role": labelled(r, result.role_labels),
            "year": pa.array(np.array(list(result.years), dtype=np.int64)[y]),
            "scenario": labelled(s, result.scenario_names),
            "measure": labelled(m, RESULT_MEASURES),
            "statistic": labelled(st, STATISTICS),
            "value": pa.array(np.round(values[keep], 3)),
        }
    )


def write_results(run: ProjectionRun, result: ProjectionResult) -> int:
    table = scoped_table(result, run.council_id)
    pq.write_table(table, run.parquet_path)
    return int(table.num_rows)


def read_results(run: ProjectionRun, *, council: str | None = None, role: str | None = None) -> pa.Table:
    filters = [(name, "=", value) for name, value in (("council", council), ("role", role)) if value is not None]
    return pq.read_table(run.parquet_path, filters=filters or None)


def csv_bytes(run: ProjectionRun) -> bytes:
    import pyarrow.csv as pacsv

    out = io.BytesIO()
    pacsv.write_csv(read_results(run), out, pacsv.WriteOptions(quoting_style="needed"))
    return out.getvalue()


def wide_rows(table: pa.Table) -> list[list[Any]]:
    """One row per scenario, measure, council, role and year, with each statistic as a column."""
    frame = table.to_pandas()
    if frame.empty:
        return []
    wide = frame.pivot_table(index=list(KEY_COLUMNS), columns="statistic", values="value", sort=False)
    wide = wide.reindex(columns=list(STATISTICS))
    names = council_names()
    rows = []
    for key, values in zip(wide.index, wide.to_numpy(), strict=True):
        scenario, measure, council, role, year = key
        rows.append(
            [
                scenario,
                measure,
                council,
                names.get(council, council),
                role,
                int(year),
                *[None if v != v else float(v) for v in values],
            ]
        )
    return rows


def workbook_table(run: ProjectionRun) -> pa.Table:
    """The results sheet's rows: every area's total over roles, and every role of the run's own area.

    The full council x role table of a regional run is in the CSV and Parquet files (as in the
    command line's workbook).
    """
    table = read_results(run)
    return table.filter(pc.or_(pc.equal(table["role"], "all"), pc.equal(table["council"], run.area_code)))


def workbook_path(run: ProjectionRun) -> Any:
    """The run's workbook, written on the first download and kept beside the Parquet file."""
    if not run.workbook_path.exists():
        write_workbook(run, workbook_table(run))
    return run.workbook_path


def write_workbook(run: ProjectionRun, table: pa.Table) -> None:
    """The run's workbook: about, assumptions, scenarios and the results."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    about = book.create_sheet("About")
    about.append(["careforce workforce projection"])
    about.append(["Run", str(run.pk)])
    about.append(["Area", council_names().get(run.area_code, run.area_code)])
    about.append(["Scenarios", ", ".join(run.scenario_names)])
    about.append(["Demand method", run.demand_method])
    about.append(["Turnover rates", run.get_rate_source_display()])
    about.append(["Years", f"2022 to {run.to_year}"])
    about.append(["Monte Carlo draws", run.draws])
    about.append(["Seed", run.seed])
    about.append(["Statistics", ", ".join(STATISTICS)])
    about.append(["Likely range (90%)", "p5 to p95: 9 in 10 draws fall inside it"])
    about.append(["The range covers", "; ".join(RANGE_COVERS)])
    about.append(["The range does not cover", "; ".join(RANGE_EXCLUDES)])
    about.append([])
    about.append(["Measure", "Definition"])
    for measure in RESULT_MEASURES:
        about.append([measure, MEASURE_DEFINITIONS.get(measure, "")])
    sheet = book.create_sheet("Assumptions")
    sheet.append(["name", "year", "value", "unit", "kind", "source"])
    for item in run.assumptions:
        sheet.append([item["name"], item.get("year", ""), item["value"], item["unit"], item["kind"], item["source"]])
    sheet = book.create_sheet("Scenarios")
    sheet.append(["scenario", "text"])
    for name in run.scenario_names:
        sheet.append([name, run.scenario_texts.get(name, "")])
    sheet = book.create_sheet("Results")
    sheet.append(["scenario", "measure", "council", "council_name", "role", "year", *STATISTICS])
    for row in wide_rows(table):
        sheet.append(row)
    append_decision_sheets(book, run)
    partial = run.workbook_path.with_suffix(".partial")
    book.save(partial)
    partial.replace(run.workbook_path)
