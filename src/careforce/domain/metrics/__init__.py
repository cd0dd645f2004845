"""Workforce-intelligence measures with Skills for Care's definitions and disclosure control.

Pure domain code: the database layer fills the columnar facts (``facts``), and ``build_table`` returns
a :class:`MeasureTable` with suppression applied, which pages, downloads and the CLI all render.
"""

from careforce.domain.metrics.definitions import MEASURES, Kind, Measure, measure
from careforce.domain.metrics.disclosure import CONFIDENTIAL, NOT_APPLICABLE, NOT_AVAILABLE, Marker
from careforce.domain.metrics.exports import to_csv_bytes, to_ods_bytes, to_xlsx_bytes
from careforce.domain.metrics.facts import AreaFacts, VacancyFacts, WorkerFacts, WorkplaceFacts, WorkplaceReturns
from careforce.domain.metrics.snapshot import Split
from careforce.domain.metrics.tables import Column, MeasureTable, PopulationShares, build_table

__all__ = [
    "CONFIDENTIAL",
    "MEASURES",
    "NOT_APPLICABLE",
    "NOT_AVAILABLE",
    "AreaFacts",
    "Column",
    "Kind",
    "Marker",
    "Measure",
    "MeasureTable",
    "PopulationShares",
    "Split",
    "VacancyFacts",
    "WorkerFacts",
    "WorkplaceFacts",
    "WorkplaceReturns",
    "build_table",
    "measure",
    "to_csv_bytes",
    "to_ods_bytes",
    "to_xlsx_bytes",
]
