"""``careforce metrics`` writes the same table, with the same suppression, as the page's download."""

import pytest
from test_intelligence_helpers import COVENTRY, REGION, xlsx_rows

from careforce.cli import main

pytestmark = pytest.mark.django_db


def test_metrics_csv_is_byte_for_byte_the_pages_download(as_analyst, capsys):
    assert main(["metrics", "--area", COVENTRY, "--measure", "turnover_rate", "--by", "job_role"]) == 0
    out = capsys.readouterr().out.encode("utf-8")
    download = as_analyst.get(f"/intelligence/measures/{COVENTRY}/turnover-rate.csv", {"by": "job_role"}).content
    assert out == download
    assert b"[c]" in out


def test_metrics_for_the_region_by_council_writes_a_spreadsheet(as_lead, tmp_path, capsys):
    out = tmp_path / "pay.xlsx"
    assert (
        main(
            [
                "metrics",
                "--area",
                "region",
                "--measure",
                "median_hourly_pay",
                "--by",
                "council",
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    download = as_lead.get(f"/intelligence/measures/{REGION}/median-hourly-pay.xlsx", {"by": "council"}).content
    assert xlsx_rows(out.read_bytes()) == xlsx_rows(download)
    assert "Wrote Median hourly pay in West Midlands by council" in capsys.readouterr().err


def test_metrics_refuses_an_unknown_area_or_a_council_split_for_a_council(capsys):
    assert main(["metrics", "--area", "E99999999"]) == 2
    assert "no council area 'E99999999'" in capsys.readouterr().err
    assert main(["metrics", "--area", COVENTRY, "--by", "council"]) == 2
    assert "for the region only" in capsys.readouterr().err
