"""CSV from the library's writers → pandas DataFrames with proper dtypes.

The CSV the CLI writes is the contract: the frames have exactly its columns,
in its order. Text stays text (a section id "3.10" is not the number 3.1, a
qualifier left empty is ""), counts and offsets are nullable ``Int64`` (an
empty cell, a figure with no page, is ``<NA>``), and values are exact
``decimal.Decimal`` as the CSV writes them ("99.74", "12000"), so nothing is
rounded on the way in; ``frame.value.astype(float)`` when floats will do.
"""

import decimal
import io

import pandas as pd

# `lawreport extract --format csv` (src/write/csv_writer.cc CsvHeader).
INDICATOR_INTS = ("line", "page", "table", "row", "column", "period_from",
                  "period_to", "decimals", "start", "end")
INDICATOR_DECIMALS = ("value", "upper")
# `lawreport table` (src/canonical/panel.cc PanelCsvHeader).
PANEL_INTS = ("year", "line", "decimals", "page", "start", "end",
              "period_from", "period_to")
PANEL_DECIMALS = ("value", "upper")
# `lawreport table --wide`: file,issuer,year,kind, then one value per id.
WIDE_TEXT = ("file", "issuer", "kind")
WIDE_INTS = ("year",)


def _read(csv):
    # Every cell as the text the writer wrote; no NA guessing ("NA" is a
    # label, not a missing value).
    return pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False,
                       na_filter=False)


def _ints(column):
    return pd.array([int(cell) if cell else None for cell in column],
                    dtype="Int64")


def _decimals(column):
    return pd.Series([decimal.Decimal(cell) if cell else None
                      for cell in column], index=column.index, dtype=object)


def convert(frame, ints, decimals):
    """Applies the dtypes above in place; every other column is ``string``."""
    for name in frame.columns:
        if name in ints:
            frame[name] = _ints(frame[name])
        elif name in decimals:
            frame[name] = _decimals(frame[name])
        else:
            frame[name] = frame[name].astype("string")
    return frame


def indicators_frame(csv):
    return convert(_read(csv), INDICATOR_INTS, INDICATOR_DECIMALS)


def panel_frame(csv):
    return convert(_read(csv), PANEL_INTS, PANEL_DECIMALS)


def wide_frame(csv):
    frame = _read(csv)
    ids = [name for name in frame.columns
           if name not in WIDE_TEXT and name not in WIDE_INTS]
    return convert(frame, WIDE_INTS, ids)

