"""The backcast from 2016/17, produced from the shipped calibration data."""

from __future__ import annotations

import argparse
import csv
import io

import pytest

from careforce.commands import backcast as command
from careforce.domain.planning.backcast import CSV_COLUMNS, backcast, knowable_65_growth


@pytest.fixture(scope="module")
def result():
    return backcast(draws=400, seed=7)


def test_the_backcast_compares_every_published_actual_after_2016_17(result):
    got = {(r.area, r.year): r.actual for r in result.rows}
    assert got == {
        ("West Midlands (region)", "2017/18"): 173_000,
        ("England", "2018/19"): 1_620_000,
        ("England", "2022/23"): 1_635_000,
        ("England", "2023/24"): 1_705_000,
        ("England", "2024/25"): 1_600_000,
    }
    for r in result.rows:
        assert r.p5 < r.p50 < r.p95
        assert r.error_percent == pytest.approx(100 * (r.p50 - r.actual) / r.actual)
        assert r.inside == (r.p5 <= r.actual <= r.p95)


def test_the_backcast_starts_from_the_2016_17_counts_and_the_2018_population_projection(result):
    growth, source = knowable_65_growth()
    assert growth == pytest.approx(1.44 ** (1 / 18) - 1)
    assert "sfc_workforce_projections.csv line" in source
    bases = {a.name: a for a in result.notes if a.name.startswith("backcast base stock")}
    assert bases["backcast base stock (England)"].value == 1_580_000
    assert bases["backcast base stock (West Midlands (region))"].year == "2016/17"
    # one year on, the region's P50 sits near the published count grown by the 65+ population
    region = next(r for r in result.rows if r.year == "2017/18")
    assert region.p50 == pytest.approx(170_000 * (1 + growth), rel=0.02)


def test_most_actuals_fall_inside_the_likely_range(result):
    assert result.inside >= len(result.rows) / 2


def test_the_command_writes_the_csv_columns(capsys):
    parser = argparse.ArgumentParser(prog="careforce")
    command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["backcast", "--format", "csv", "--draws", "200"])
    assert args.handler(args) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    assert {r[8] for r in rows[1:]} <= {"yes", "no"}
    assert rows[1][:4] == ["West Midlands (region)", "2017/18", "filled_posts", "173000"]
