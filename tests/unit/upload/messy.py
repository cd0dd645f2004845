"""Generated uploads with every kind of problem, large enough to span several chunks.

Used to show that validating in worker processes gives exactly what validating in-process gives. The
files start from valid rows (like the benchmark's) and a seeded random generator spoils some of them:
bad codes, blanks, formulas, impossible dates, statuses that clash with the account, duplicates,
unknown workplaces and workers, rows of the wrong width, blank rows, quoted cells with commas and line
breaks, identifiers with spaces, NI numbers shared beyond full time, and training completed too young.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from careforce.domain.upload import AccountSnapshot
from careforce.domain.upload.export import staff_header
from careforce.domain.upload.layouts import FileKind, standard_columns

OTHER_ORGANISATION = "BHAM-0042"
JUNK = (
    "X",
    "999",
    "998",
    "-1",
    "=SUM(A1:A9)",
    "@cmd",
    " padded ",
    "",
    "31/02/2020",
    "2030-01-01",
    "1;",
    "9;2020",
    "'=1+1",
    "12.345",
    "1;2;3",
    "A" * 130,
    "0",
    "72",
    "4",
    "16",
    "6",
    "23",
    "1;2031",
    "2;2020",
    "£12.50",
)
STATUSES = ("NEW",) * 30 + ("UPDATE", "DELETE", "NOCHANGE", "UNCHECKED", "new", "BOGUS", "")
ROLES = (7, 8, 8, 8, 8, 52, 52, 25, 26, 3, 5, 45, 4, 16, 6, 23, 27, 1)


def _workplace_row(i: int, staff: int, rng: random.Random, clean: bool) -> list[str]:
    cqc = i % 3 != 0
    main = 2 if cqc else rng.choice((6, 72))
    cells = [
        _workplace_id(i),
        "NEW",
        f"Workplace {i}",
        f"{i} Example Road, Tettenhall",
        "",
        "",
        "Wolverhampton",
        "WV1 1AA",
        "6",
        "",
        "1",
        "1",
        "2" if cqc else "0",
        f"1-10000{i:05d}" if cqc else "",
        f"1-20000{i:05d}" if cqc else "",
        str(main),
        f"{main}",
        "",
        "",
        "",
        "1;4",
        "",
        "",
        "",
        str(staff),
        "4;8",
        "0;1",
        "0;1",
        "0;2",
        "",
        "",
        "1",
        "1",
        "2",
        "",
        "1",
        "1",
        "5",
        "2",
        "28",
        "1" if cqc else "",
        "1" if cqc else "",
        "",
        "",
    ]
    if not clean and rng.random() < 0.1:
        cells[rng.randrange(2, len(cells))] = rng.choice(JUNK)
    return cells


def _workplace_id(i: int) -> str:
    return f"WP{i:04d}"


def _staff_row(rng: random.Random, workplace: str, n: int, role: int, optional: bool) -> list[str]:
    born = date(1960 + rng.randrange(46), 1 + rng.randrange(12), 1 + rng.randrange(28))
    started = date(max(born.year + 15, 2005) + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
    hourly = role in (7, 8, 52)
    quals = [f"{rng.choice((1, 2, 5, 10, 41))};{started.year}", rng.choice(("", "Done, with merit", "x"))]
    cells = [
        workplace,
        f"S{n:05d}",
        rng.choice(STATUSES),
        f"Worker {n}",
        f"{'ABCEGH'[n % 6]}{'JKLMNP'[n % 5]}{n % 1000:06d}C" if rng.random() < 0.9 else "",
        "WV2 4AB",
        f"{born:%d/%m/%Y}",
        str(rng.choice((1, 2, 2, 2))),
        str(rng.choice((31, 31, 39, 40, 44, 45))),
        rng.choice(("826", "826", "826", "356", "566")),
        rng.choice(("", "", "1", "2")),
        rng.choice(("826", "356")),
        rng.choice(("", "", "", "2015", "1950")),
        str(rng.randrange(4)),
        str(rng.choice((1, 2, 3))),
        rng.choice(("", "1;2025", "2", "1;2019")),
        str(rng.choice((1, 2, 5, 8, 10))),
        rng.choice(("", "1", "2")),
        rng.choice(("", "", "1")),
        f"{started:%d/%m/%Y}",
        str(max(born.year + 14, started.year - rng.randrange(5))),
        rng.choice(("", "1", "2")),
        "2",
        rng.choice(("1", "2", "3", "4")),
        rng.choice(("1", "2", "")),
        str(rng.randrange(10)),
        rng.choice(("3", "1", "999")) if hourly else "1",
        "" if hourly else str(rng.choice((24000 + rng.randrange(20000), 210000, 300))),
        f"{11 + rng.randrange(400) / 100:.2f}" if hourly else "",
        str(role),
        rng.choice(("", "Activities lead", "")),
        str(rng.choice((16, 22.5, 37.5, 0, 40))),
        rng.choice(("", "", "20")),
        rng.choice(("", "", "1")),
        rng.choice(("", "", "2")),
        rng.choice(("1;2", "1;3", "2", "999", "", "1")),
        rng.choice(("2", "", "1;5")),
        str(rng.choice((1, 2, 3))),
        *quals,
        "",
        "",
        "",
        "",
    ]
    if optional:
        cells[2:2] = [rng.choice(("", "", "", f"S{n:05d}B", f"S{n - 1:05d}")), rng.choice(("", "", "", "WP0001"))]
    return cells


def _clean_staff_row(rng: random.Random, workplace: str, n: int, role: int, optional: bool) -> list[str]:
    """A valid row (as the benchmark writes them)."""
    born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
    started = date(max(born.year + 18, 2005) + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
    hourly = role in (7, 8, 52)
    cells = [
        workplace,
        f"S{n:05d}",
        "NEW",
        f"Worker {n}",
        f"{'ABCEGH'[n % 6]}{'JKLMNP'[n % 5]}{n:06d}C",
        "WV2 4AB",
        f"{born:%d/%m/%Y}",
        str(rng.choice((1, 2, 2, 2))),
        str(rng.choice((31, 31, 39, 40, 44, 45))),
        rng.choice(("826", "826", "826", "356", "566")),
        "",
        "826",
        "",
        str(rng.randrange(4)),
        str(rng.choice((1, 2, 3))),
        "",
        str(rng.choice((1, 2, 5, 8, 10))),
        "",
        "",
        f"{started:%d/%m/%Y}",
        str(max(born.year + 14, started.year - rng.randrange(5))),
        "",
        "2",
        "1",
        "2",
        str(rng.randrange(10)),
        "3" if hourly else "1",
        "" if hourly else str(24000 + rng.randrange(20000)),
        f"{11 + rng.randrange(400) / 100:.2f}" if hourly else "",
        str(role),
        "",
        str(rng.choice((16, 22.5, 37.5))),
        "",
        "",
        "",
        rng.choice(("1;2", "1;3", "2", "999")),
        "2",
        str(rng.choice((1, 2, 3))),
        f"{rng.choice((1, 2, 5, 10))};{started.year}",
        "",
        "",
        "",
        "",
        "",
    ]
    if optional:
        cells[2:2] = ["", ""]
    return cells


def _spoil(rng: random.Random, cells: list[str], previous: list[str] | None) -> list[str]:
    roll = rng.random()
    if roll < 0.25:
        for _ in range(rng.randrange(1, 4)):
            cells[rng.randrange(len(cells))] = rng.choice(JUNK)
    elif roll < 0.28 and previous is not None:
        cells[:2] = previous[:2]  # the same worker twice
    elif roll < 0.30:
        cells[0] = rng.choice(("WP9999", OTHER_ORGANISATION, " WP 0001 "))
    elif roll < 0.32:
        cells[1] = f" {cells[1][:3]} {cells[1][3:]}"  # spaces inside an identifier
    elif roll < 0.34:
        return cells[:-3]  # too few cells
    elif roll < 0.35:
        return [*cells, "", "", ""]  # trailing empty cells, as Excel adds
    elif roll < 0.36:
        return [*cells, "extra"]
    elif roll < 0.38:
        cells[3] = "Name, with a comma\nand a line break"
    elif roll < 0.40:
        cells[4] = "AB123456C"  # one NI number for many workers
    return cells


def build(
    staff_rows: int = 9_000,
    workplaces: int = 45,
    seed: int = 20260901,
    optional_columns: bool = False,
    clean_share: float = 0.5,
) -> list[tuple[str, bytes]]:
    """A workplace, staff and training file (as uploaded: names and bytes) with problems throughout."""
    rng = random.Random(seed)
    buffers = {name: io.StringIO() for name in ("workplace.csv", "staff.csv", "training.csv")}
    writers = {name: csv.writer(buffer, lineterminator=rng.choice(("\r\n", "\n"))) for name, buffer in buffers.items()}
    header = staff_header(3)
    if optional_columns:
        header[2:2] = ["CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD"]
    writers["workplace.csv"].writerow(standard_columns(FileKind.WORKPLACE))
    writers["staff.csv"].writerow(header)
    writers["training.csv"].writerow(standard_columns(FileKind.TRAINING))
    previous: list[str] | None = None
    n = 0
    for i in range(workplaces):
        count = staff_rows // workplaces
        clean = i < workplaces * clean_share  # the first workplaces' staff are valid: whole chunks without problems
        row = _workplace_row(i, count + (0 if clean else rng.choice((0, 0, 0, 1))), rng, clean)
        if not clean and rng.random() < 0.05:
            buffers["workplace.csv"].write(rng.choice(("\r\n", ",,,\r\n")))  # blank rows
        writers["workplace.csv"].writerow(row if clean or rng.random() < 0.97 else row[:-2])
        for k in range(count):
            n += 1
            role = 4 if clean and i % 3 != 0 and k == 0 else ROLES[k % (12 if clean else len(ROLES))]
            if clean:
                cells = _clean_staff_row(rng, _workplace_id(i), n, role, optional_columns)
            else:
                cells = _spoil(rng, _staff_row(rng, _workplace_id(i), n, role, optional_columns), previous)
            if not clean and rng.random() < 0.01:
                buffers["staff.csv"].write(rng.choice(("\r\n", ",,,,\r\n", "\n")))  # blank rows
            writers["staff.csv"].writerow(cells)
            previous = cells
            for _t in range(rng.choice((0, 1, 1, 2))):
                done = rng.choice(
                    (date(2022 + rng.randrange(4), 1 + rng.randrange(12), 1 + rng.randrange(28)), date(1975, 6, 1))
                )
                training = [
                    cells[0],
                    cells[1] if rng.random() < 0.97 else "S99999",
                    str(rng.choice((2, 6, 14, 22, 33, 99))),
                    rng.choice(("Refresher", "", "=HYPERLINK()")),
                    rng.choice(("1", "0", "999", "7")),
                    rng.choice(("1", "2")),
                    rng.choice(("", "3", "12")),
                    rng.choice(("1", "2")),
                    rng.choice(("12", "", "none", "0", "24")),
                    f"{done:%d/%m/%Y}" if rng.random() < 0.97 else "31/02/2020",
                    rng.choice(("", "", f"{done.day:02d}/{done.month:02d}/{done.year + 1}")),
                    "",
                ]
                writers["training.csv"].writerow(_spoil(rng, training, None) if rng.random() < 0.3 else training)
    return [(name, buffer.getvalue().encode("utf-8")) for name, buffer in buffers.items()]


def accounts() -> dict[str, AccountSnapshot]:
    """Accounts to check the files against: none known, an empty one, and one that has some of the records."""
    return {
        "unknown": AccountSnapshot.unknown(),
        "empty": AccountSnapshot(),
        "existing": AccountSnapshot(
            workplaces=frozenset({_workplace_id(0), _workplace_id(1), _workplace_id(2)}),
            workers={_workplace_id(1): frozenset({"S00201", "S00202", "S00203"}), _workplace_id(2): frozenset()},
            other_organisations_workplaces=frozenset({OTHER_ORGANISATION}),
            other_organisations_location_ids=frozenset({"1-2000000005"}),
            primary_workplace=_workplace_id(0),
        ),
    }
