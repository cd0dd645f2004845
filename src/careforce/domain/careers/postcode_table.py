"""The shipped postcode tables, loaded once and kept as compact sorted arrays.

``west_midlands_postcodes.csv`` has about 211,000 rows. Parsing it with the ``csv`` module takes about
half a second, so the first load writes a compact NumPy ``.npz`` copy into a cache directory and later
processes read that in a few milliseconds (see docs/adr/0041). Lookup is a binary search
(``numpy.searchsorted``) over the sorted postcodes.

The cache lives in ``$CAREFORCE_CACHE_DIR``, else ``$XDG_CACHE_HOME/careforce``, else
``~/.cache/careforce``. It is keyed by a format version and the source file's size and modification
time, written atomically, and skipped (the CSV is parsed in memory) if the directory cannot be written.
"""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from careforce.domain.reference import data_path

CACHE_FORMAT = 1
POSTCODES_FILE = ("geo", "west_midlands_postcodes.csv")
DISTRICTS_FILE = ("geo", "postcode_districts.csv")


@dataclass(frozen=True)
class District:
    outcode: str
    latitude: float
    longitude: float
    lad_code: str
    country: str


@dataclass(frozen=True)
class PostcodeTable:
    """Unit postcodes sorted by their normalised text (``B15 2TT``), as parallel arrays."""

    postcodes: npt.NDArray[np.bytes_]  # "S8", sorted
    latitude: npt.NDArray[np.float64]
    longitude: npt.NDArray[np.float64]
    lad_index: npt.NDArray[np.int16]  # index into lad_codes
    lad_codes: npt.NDArray[np.str_]
    current: npt.NDArray[np.bool_]

    def __len__(self) -> int:
        return int(self.postcodes.shape[0])

    def find(self, postcode: str) -> tuple[float, float, str, bool] | None:
        """(latitude, longitude, lad_code, is_current) of a normalised unit postcode, or None."""
        key = postcode.encode("ascii")
        i = int(np.searchsorted(self.postcodes, key))
        if i >= len(self) or self.postcodes[i] != key:
            return None
        lad = str(self.lad_codes[self.lad_index[i]])
        return float(self.latitude[i]), float(self.longitude[i]), lad, bool(self.current[i])

    def current_postcodes(self) -> npt.NDArray[np.bytes_]:
        return self.postcodes[self.current]


def parse_postcode_csv(path: Path) -> PostcodeTable:
    """Read the unit postcode CSV into a sorted ``PostcodeTable`` (the slow path, about 0.5 s)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        expected = ["postcode", "latitude", "longitude", "lad_code", "in_wm_region", "current"]
        if header != expected:
            raise ValueError(f"{path.name}: expected columns {expected}, found {header}")
        rows = list(reader)
    postcodes = np.array([r[0] for r in rows], dtype="S8")
    latitude = np.array([r[1] for r in rows], dtype=np.float64)
    longitude = np.array([r[2] for r in rows], dtype=np.float64)
    lad_codes, lad_index = np.unique(np.array([r[3] for r in rows], dtype="U9"), return_inverse=True)
    current = np.array([r[5] == "1" for r in rows], dtype=np.bool_)
    order = np.argsort(postcodes, kind="stable")
    return PostcodeTable(
        postcodes=postcodes[order],
        latitude=latitude[order],
        longitude=longitude[order],
        lad_index=lad_index[order].astype(np.int16),
        lad_codes=lad_codes,
        current=current[order],
    )


def default_cache_dir() -> Path:
    explicit = os.environ.get("CAREFORCE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "careforce"


def _cache_key(source: Path) -> str:
    stat = source.stat()
    return f"v{CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}"


def _cache_file(cache_dir: Path, source: Path) -> Path:
    return cache_dir / f"{source.stem}-{_cache_key(source)}.npz"


def _read_cache(path: Path) -> PostcodeTable | None:
    try:
        with np.load(path, allow_pickle=False) as npz:
            return PostcodeTable(
                postcodes=npz["postcodes"],
                latitude=npz["latitude"],
                longitude=npz["longitude"],
                lad_index=npz["lad_index"],
                lad_codes=npz["lad_codes"],
                current=npz["current"],
            )
    except (OSError, KeyError, ValueError):
        return None


def _write_cache(path: Path, table: PostcodeTable) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".postcodes-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez(
                    handle,
                    postcodes=table.postcodes,
                    latitude=table.latitude,
                    longitude=table.longitude,
                    lad_index=table.lad_index,
                    lad_codes=table.lad_codes,
                    current=table.current,
                )
            os.chmod(tmp_name, 0o644)  # readable by other processes of the service, like the CSV itself
            os.replace(tmp_name, path)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
    except OSError:
        return False
    return True


def load_postcode_table(
    source: Path | None = None, cache_dir: Path | None = None, *, use_cache: bool = True
) -> PostcodeTable:
    """Load the unit postcodes, from the ``.npz`` cache when it is fresh, else from the CSV (then cache it)."""
    source = data_path(*POSTCODES_FILE) if source is None else source
    if not use_cache:
        return parse_postcode_csv(source)
    cache_path = _cache_file(default_cache_dir() if cache_dir is None else cache_dir, source)
    cached = _read_cache(cache_path) if cache_path.exists() else None
    if cached is not None:
        return cached
    table = parse_postcode_csv(source)
    _write_cache(cache_path, table)
    return table


@cache
def postcode_table() -> PostcodeTable:
    """The shipped West Midlands unit postcodes, loaded once per process."""
    return load_postcode_table()


def parse_district_csv(path: Path) -> dict[str, District]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            row["outcode"]: District(
                outcode=row["outcode"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                lad_code=row["lad_code"],
                country=row["country"],
            )
            for row in csv.DictReader(handle)
        }


@cache
def district_table() -> dict[str, District]:
    """Every GB postcode district with a current postcode (2,865 rows; a few ms, so no cache file)."""
    return parse_district_csv(data_path(*DISTRICTS_FILE))
