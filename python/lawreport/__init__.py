"""lawreport: Chinese government annual reports as data, from Python.

The same C++ library as the ``lawreport`` command, in process::

    import lawreport
    doc = lawreport.extract("data/samples/rongan-2023.txt")
    doc["document"]["issuer"]                    # '融安县'
    frame = lawreport.indicators(["reports/"], jobs=2)
    frame[["label", "value", "unit"]].head()     # value: exact decimal.Decimal

- ``extract`` / ``check`` give the dicts ``lawreport extract --format json`` and
  ``lawreport check --format json`` print (the library's own JSON writer,
  loaded with ``json.loads``), ``text`` the str ``lawreport text`` prints.
- ``indicators`` / ``table`` give DataFrames with exactly the columns of
  ``extract --format csv`` and ``table``; see ``lawreport._frames`` for dtypes.
- Problems raise a ``lawreport.Error`` subclass with ``.path`` and
  ``.message``. The GIL is released while C++ works, so threads scale.
- ``lawreport.dask`` maps the library over a Dask cluster.
- PDF, HTML and DOCX files are read, as by the CLI, in a worker process each
  (the ``lawreport`` executable installed with this package, or the one
  ``LAWREPORT_EXECUTABLE`` names) under ``max_worker_memory`` and
  ``timeout``: a parser's crash or runaway memory is that file's error, not
  the interpreter's end. ``isolate="never"`` reads them in-process.

Options mirror the CLI's: ``encoding``, ``format_in`` (auto, text, html, docx,
pdf), ``boilerplate_strip``, ``strict_encoding``, ``ocr`` (auto, always,
never), ``max_bytes``, ``max_unzipped_bytes``, ``max_zip_entries``,
``max_pages``, ``max_render_pixels``, ``max_line_bytes``, ``max_lines``,
``max_numbers``,
``isolate`` (auto, always, never), ``max_worker_memory``, ``timeout``
(seconds, 0 never; 300 as in the CLI) and, for many files, ``jobs``, ``glob`` and
``files_from``.
"""

import decimal
import json
import os

from . import _lawreport
from ._errors import (Error, FormatError, InputError, LimitError,
                      OptionError, make_error)

__all__ = [
    "Error", "InputError", "FormatError", "LimitError", "OptionError",
    "extract", "check", "text", "indicators", "table", "expand_inputs",
    "__version__",
]

__version__ = _lawreport.version()

DEFAULT_TIMEOUT = 300.0
_DECODE_KEYS = ("encoding", "format_in", "boilerplate_strip",
                "strict_encoding", "ocr", "max_bytes", "max_unzipped_bytes",
                "max_zip_entries", "max_pages", "max_render_pixels",
                "max_line_bytes", "max_lines", "max_numbers", "isolate",
                "max_worker_memory")


def _decode(options):
    unknown = set(options) - set(_DECODE_KEYS)
    if unknown:
        raise TypeError("unknown option(s): " + ", ".join(sorted(unknown)))
    return dict(options)


def _jobs(jobs):
    return jobs if jobs and jobs > 0 else (os.cpu_count() or 1)


def _loads(document, exact):
    return json.loads(document,
                      parse_float=decimal.Decimal if exact else None)


def expand_inputs(paths, *, files_from="", glob=""):
    """The files ``paths`` name, as the CLI expands its FILE arguments: each
    file as given, each directory's .txt .htm .html .docx .pdf files
    (recursively, sorted, kept when their name matches ``glob``), then the
    paths listed in ``files_from``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _lawreport.expand_inputs([os.fspath(p) for p in paths],
                                    os.fspath(files_from), glob)


def extract(path_or_bytes, *, name="", exact=False, timeout=DEFAULT_TIMEOUT,
            **options):
    """The ``lawreport extract --format json`` document of one report.

    ``path_or_bytes`` is a path (str or os.PathLike) or the report's bytes;
    for bytes, ``name`` is recorded as ``source.path`` and its extension
    guards against a page saved under the wrong name, and ``format_in``
    can name the container. Values are floats, as any JSON reader gives
    them; ``exact=True`` gives them as decimal.Decimal, exactly as written.
    ``timeout`` holds for paths only.
    """
    decode = _decode(options)
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        document = _lawreport.extract_bytes(bytes(path_or_bytes), name,
                                            decode)
    else:
        document = _lawreport.extract_path(os.fspath(path_or_bytes), decode,
                                           float(timeout))
    return _loads(document, exact)


def text(path_or_bytes, *, name="", line_numbers=False, pages=False,
         **options):
    """What ``lawreport text [-n] [--pages]`` prints: the plain text the
    library reads from the report, one line per paragraph or table cell."""
    decode = _decode(options)
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return _lawreport.text(None, bytes(path_or_bytes), name, decode,
                               line_numbers, pages)
    return _lawreport.text(os.fspath(path_or_bytes), None, "", decode,
                           line_numbers, pages)


def check(paths, *, name="", strict=False, expect="", accept="", jobs=0,
          glob="", files_from="", exact=False, timeout=DEFAULT_TIMEOUT,
          **options):
    """The ``lawreport check --format json`` document for a report or many:
    ``files`` (a file that could not be read carries its ``error``, as in the
    CLI) and ``summary``. ``expect`` and ``accept`` are the CLI's --expect and
    --accept files.

    ``paths`` may also be one report's bytes, as for ``extract``: ``name``
    is then its path in the document (and what an --accept file matches).
    """
    decode = _decode(options)
    if isinstance(paths, (bytes, bytearray, memoryview)):
        document = _lawreport.check_bytes(bytes(paths), name, decode, strict,
                                          os.fspath(expect), os.fspath(accept))
        return _loads(document, exact)
    inputs = expand_inputs(paths, files_from=files_from, glob=glob)
    document = _lawreport.check(inputs, decode, _jobs(jobs), float(timeout),
                                strict, os.fspath(expect), os.fspath(accept))
    return _loads(document, exact)


def _raise_or_warn(failures, errors):
    if not failures:
        return
    if errors == "raise":
        path, code, message = failures[0]
        raise make_error(code, path, message)
    if errors == "warn":
        import warnings
        for path, _, message in failures:
            warnings.warn(f"lawreport: {path}: {message}", stacklevel=3)
    elif errors != "ignore":
        raise ValueError("errors must be 'raise', 'warn' or 'ignore'")


def indicators(paths, *, jobs=0, errors="raise", glob="", files_from="",
               timeout=DEFAULT_TIMEOUT, **options):
    """One row per indicator of every report, the columns of ``lawreport
    extract --format csv`` in its order, processed ``jobs`` files at a time in
    C++ (0: one per core). Dtypes: ints are nullable ``Int64``, ``value`` and
    ``upper`` exact ``decimal.Decimal`` (``frame.value.astype(float)`` for
    floats), the rest ``str`` (object dtype), "" when empty.

    ``errors``: "raise" (the first file that failed, after the batch),
    "warn" or "ignore" (its rows are simply absent, as in the CLI's CSV).
    """
    from . import _frames
    decode = _decode(options)
    inputs = expand_inputs(paths, files_from=files_from, glob=glob)
    csv, failures = _lawreport.indicators_csv(inputs, decode, _jobs(jobs),
                                              float(timeout))
    _raise_or_warn(failures, errors)
    return _frames.indicators_frame(csv)


def table(paths, *, indicators=(), role="", wide=False, jobs=0,
          errors="raise", glob="", files_from="", timeout=DEFAULT_TIMEOUT,
          **options):
    """The canonical panel ``lawreport table`` writes: long (one row per
    canonical figure) or, with ``wide=True``, one row per report and one
    column per canonical id. ``indicators`` selects ids (``"xxgk.*"`` for a
    prefix), ``role`` is "actual" or "target". Dtypes as in
    ``indicators()``."""
    from . import _frames
    decode = _decode(options)
    if isinstance(indicators, str):
        indicators = [i for i in indicators.split(",") if i]
    inputs = expand_inputs(paths, files_from=files_from, glob=glob)
    csv, failures = _lawreport.table_csv(inputs, decode, _jobs(jobs),
                                         float(timeout), list(indicators),
                                         role or "", bool(wide))
    _raise_or_warn(failures, errors)
    return _frames.wide_frame(csv) if wide else _frames.panel_frame(csv)
