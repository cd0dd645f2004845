from __future__ import annotations

import argparse

import pandas as pd
import pytest
from openpyxl import load_workbook

from careforce.commands import project as command


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="careforce")
    command.add_parser(parser.add_subparsers())
    return parser.parse_args(["project", *argv])


def test_project_writes_the_same_tidy_rows_to_csv_parquet_and_a_workbook(tmp_path, capsys):
    out = tmp_path / "results"
    args = _parse("--scenario", "lower-turnover", "--to", "2027", "--draws", "20", "--out", str(out), "--no-progress")
    assert args.handler(args) == 0
    csv = pd.read_csv(out / "results.csv")
    parquet = pd.read_parquet(out / "results.parquet")
    assert list(csv.columns) == ["council", "role", "year", "scenario", "measure", "statistic", "value"]
    assert len(csv) == len(parquet) > 0
    assert set(csv["scenario"]) == {"baseline", "lower-turnover"}  # the baseline is added for comparison
    key = ["council", "role", "year", "scenario", "measure", "statistic"]
    merged = csv.merge(parquet, on=key, suffixes=("_csv", "_pq"))
    assert len(merged) == len(csv)
    assert (merged["value_csv"] - merged["value_pq"]).abs().max() < 1e-6
    book = load_workbook(out / "results.xlsx", read_only=True)
    assert {"Assumptions", "Results", "Scenario comparison", "Scenarios"} <= set(book.sheetnames)
    rows = list(book["Results"].iter_rows(values_only=True))
    region = csv[
        (csv.council == "E12000005")
        & (csv.role == "all")
        & (csv.measure == "filled_posts")
        & (csv.statistic == "p50")
        & (csv.year == 2027)
        & (csv.scenario == "baseline")
    ]
    header = rows[0]
    match = [
        r
        for r in rows[1:]
        if r[0] == "baseline" and r[1] == "filled_posts" and r[2] == "E12000005" and r[4] == "all" and r[5] == 2027
    ]
    assert match[0][header.index("p50")] == pytest.approx(region["value"].iloc[0], abs=1e-3)
    assert "results.parquet" in capsys.readouterr().out


def test_a_bad_scenario_file_stops_the_run_with_the_line_named(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n\n[[changes]]\nparameter = "turnover_rate"\nop = "divide"\nvalue = 2\n')
    args = _parse("--scenario", str(bad), "--out", str(tmp_path / "out"), "--draws", "5", "--no-progress")
    assert args.handler(args) == 2
    assert "bad.toml, line 5" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_project_starts_from_another_base_year_when_asked(tmp_path):
    out = tmp_path / "later"
    args = _parse("--base-year", "2023", "--to", "2026", "--draws", "10", "--out", str(out), "--no-progress")
    assert args.handler(args) == 0
    csv = pd.read_csv(out / "results.csv")
    assert csv["year"].min() == 2023
    book = load_workbook(out / "results.xlsx", read_only=True)
    rows = {r[0]: r for r in book["Assumptions"].iter_rows(values_only=True)}
    name, year, value, *_ = rows["filled_posts (base year, region)"]
    assert year == "2023/24"
    assert value == pytest.approx(1_705_000 * 170_000 / 1_580_000)
    base = csv[(csv.council == "E12000005") & (csv.role == "all") & (csv.measure == "filled_posts")]
    first = base[(base.year == 2023) & (base.statistic == "p50")]["value"].iloc[0]
    assert first == pytest.approx(value, rel=0.2)  # the base stock itself is drawn (range.base stock)


def test_project_refuses_a_base_year_the_data_does_not_allow(capsys):
    with pytest.raises(SystemExit):
        _parse("--base-year", "2019")
    assert "invalid choice: 2019" in capsys.readouterr().err
