"""Fast bulk inserts of many rows (PostgreSQL COPY, or batched ``executemany`` elsewhere), and fast reads.

Used for loads of hundreds of thousands of rows (the demo region, bulk uploads), where building
one model instance per row would dominate the time. Callers run inside their own transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from typing import Any

import numpy as np
from django.db import connection, models

CHUNK = 20_000


def columns_of(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    return [model._meta.get_field(name).column for name in fields]  # type: ignore[misc, union-attr]


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in ``fields`` order) into ``model``'s table; returns the number inserted."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in columns_of(model, fields))
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg 3 cursor under Django's wrapper
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        iterator = iter(rows)
        while chunk := list(islice(iterator, CHUNK)):
            cursor.executemany(sql, chunk)
            count += len(chunk)
    return count


def dates(values: np.ndarray) -> list[str | None]:
    """datetime64 values as ISO dates, None for NaT."""
    text = np.datetime_as_string(values.astype("datetime64[D]"), unit="D")
    return [None if t == "NaT" else t for t in text.tolist()]


def optional_numbers(values: np.ndarray, places: int) -> list[float | None]:
    """Floats rounded to ``places``, None for NaN."""
    rounded = np.round(values.astype(np.float64), places)
    return [None if v != v else v for v in rounded.tolist()]


def optional_codes(values: np.ndarray) -> list[int | None]:
    """Integer codes, None where the code is negative (not recorded)."""
    return [None if v < 0 else v for v in values.tolist()]


def _sqlite_converter(internal_type: str) -> Callable[[Any], Any] | None:
    # dates arrive as dates already (the sqlite3 module converts declared "date" columns)
    if internal_type == "DecimalField":
        return lambda v: Decimal(str(v)) if isinstance(v, float | int) else v
    if internal_type == "BooleanField":
        return lambda v: bool(v) if isinstance(v, int) else v
    return None


def read_rows(queryset: models.QuerySet[Any], chunk: int = CHUNK) -> Iterator[tuple[Any, ...]]:
    """The rows of a ``values_list`` queryset, read without Django's per-value converters.

    For hundreds of thousands of rows (an organisation's whole workforce), where those converters take most
    of the time: PostgreSQL already returns dates and decimals as Python types; on SQLite dates, decimals
    and booleans are converted here.
    """
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    if connection.vendor == "sqlite":
        for index, (expr, _sql, _alias) in enumerate(compiler.select):
            convert = _sqlite_converter(expr.output_field.get_internal_type())
            if convert is not None:
                converters.append((index, convert))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(chunk):
            if not converters:
                yield from rows
                continue
            for row in rows:
                values = list(row)
                for index, convert in converters:
                    values[index] = convert(values[index])
                yield tuple(values)
