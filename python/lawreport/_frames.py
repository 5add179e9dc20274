"""CSV (UTF-8 bytes) from the library's writers → pandas DataFrames with proper dtypes.

The CSV the CLI writes is the contract: the frames have exactly its columns,
in its order. Text stays text (a section id "3.10" is not the number 3.1, a
qualifier left empty is ""), counts and offsets are nullable ``Int64`` (an
empty cell, a figure with no page, is ``<NA>``), and values are exact
``decimal.Decimal`` as the CSV writes them ("99.74", "12000"), so nothing is
rounded on the way in; ``frame.value.astype(float)`` when floats will do.
Text columns are ``str`` in pandas' default object dtype (StringDtype is
still experimental in Debian's pandas 1.5, and costs a second copy).
"""

import decimal
import io

import pandas as pd

# `lawreport extract --format csv` (src/write/csv_writer.cc CsvHeader).
INDICATOR_INTS = ("line", "page", "table", "row", "column", "period_from",
                  "period_to", "decimals", "start", "end")
INDICATOR_DECIMALS = ("value", "upper")
# `lawreport table` (src/write/panel_writer.cc PanelCsvHeader).
PANEL_INTS = ("year", "line", "decimals", "page", "start", "end",
              "period_from", "period_to")
PANEL_DECIMALS = ("value", "upper")
# `lawreport table --wide`: file,issuer,year,kind, then one value per id.
WIDE_TEXT = ("file", "issuer", "kind")
WIDE_INTS = ("year",)


def convert(csv, ints, decimals):
    """The frame of a CSV the library wrote: ints as ``Int64`` (an empty cell
    is <NA>), decimals as ``decimal.Decimal`` (None when empty), every other
    column text (``str``, pandas' object dtype) with empty cells as "" (no
    NA guessing: "NA" is a label, not a missing value). pandas' C parser
    reads it all; only the decimals are made one by one."""
    columns = pd.read_csv(io.BytesIO(csv[:csv.find(b"\n") + 1]),
                          nrows=0).columns.tolist()
    text = {name: str for name in columns if name not in ints}
    frame = pd.read_csv(io.BytesIO(csv), dtype=text, keep_default_na=False,
                        na_values={name: [""] for name in ints})
    for name in columns:
        if name in ints:
            # float64 when a cell is empty: exact for these small counts.
            frame[name] = frame[name].astype("Int64")
        elif name in decimals:
            frame[name] = pd.Series([decimal.Decimal(cell) if cell else None
                                     for cell in frame[name]],
                                    index=frame.index, dtype=object)
    return frame


def indicators_frame(csv):
    return convert(csv, INDICATOR_INTS, INDICATOR_DECIMALS)


def panel_frame(csv):
    return convert(csv, PANEL_INTS, PANEL_DECIMALS)


def wide_frame(csv):
    header = csv[:csv.find(b"\n")].decode().rstrip("\r").split(",")
    ids = [name for name in header
           if name not in WIDE_TEXT and name not in WIDE_INTS]
    return convert(csv, WIDE_INTS, ids)

