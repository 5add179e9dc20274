"""lawreport over a Dask cluster: many machines, partition by partition.

Each partition is a list of paths that one worker runs through the C++ batch
(``jobs_per_partition`` files at a time, without the GIL), so a cluster of N
workers with J threads each reads N × J reports at once. The paths must be
readable where the workers run (shared storage: NFS, a mounted bucket); see
docs/scale-out.md for a cluster recipe::

    from distributed import Client
    import lawreport.dask
    client = Client("tcp://scheduler:8786")
    paths = lawreport.expand_inputs("/shared/reports")
    frame = lawreport.dask.indicators_frame(paths).compute()
    docs = lawreport.dask.extract_bag(paths).filter(lambda d: "error" not in d)

``extract_bag`` holds one dict per path, the records of ``lawreport extract
--format jsonl``: a document, or ``{"schema_version", "source": {"path"},
"error"}`` for a file that failed, so one bad file does not stop the run.
``indicators_frame`` is a dask DataFrame with the columns and dtypes of
``lawreport.indicators``; files that fail contribute no rows (as in the CLI's
CSV) unless ``errors="raise"``.
"""

import json
import os

import dask
import dask.bag
import dask.dataframe

from . import DEFAULT_TIMEOUT, _decode, _frames, _lawreport, _raise_or_warn


def _chunks(paths, partition_size):
    paths = [os.fspath(p) for p in paths]
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    return [paths[i:i + partition_size]
            for i in range(0, len(paths), partition_size)]


def _extract_partition(paths, decode, jobs, timeout, exact):
    import decimal
    parse_float = decimal.Decimal if exact else None
    return [json.loads(record, parse_float=parse_float)
            for record in _lawreport.extract_many(paths, decode, jobs,
                                                  timeout)]


def extract_bag(paths, *, partition_size=8, jobs_per_partition=1,
                exact=False, timeout=DEFAULT_TIMEOUT, **options):
    """A dask.bag of the extract documents of ``paths``, in their order."""
    decode = _decode(options)
    parts = [dask.delayed(_extract_partition, pure=True)(
                 chunk, decode, jobs_per_partition, float(timeout), exact)
             for chunk in _chunks(paths, partition_size)]
    return dask.bag.from_delayed(parts)


def _indicators_partition(paths, decode, jobs, timeout, errors):
    csv, failures = _lawreport.indicators_csv(paths, decode, jobs, timeout)
    _raise_or_warn(failures, errors)
    return _frames.indicators_frame(csv)


def indicators_frame(paths, *, partition_size=8, jobs_per_partition=1,
                     errors="ignore", timeout=DEFAULT_TIMEOUT, **options):
    """A dask.dataframe of the indicators of ``paths``: one partition per
    ``partition_size`` paths, each as ``lawreport.indicators`` gives it."""
    decode = _decode(options)
    meta = _frames.indicators_frame(
        _lawreport.indicators_csv([], decode, 1, 0.0)[0])
    parts = [dask.delayed(_indicators_partition, pure=True)(
                 chunk, decode, jobs_per_partition, float(timeout), errors)
             for chunk in _chunks(paths, partition_size)]
    if not parts:
        return dask.dataframe.from_pandas(meta, npartitions=1)
    return dask.dataframe.from_delayed(parts, meta=meta, verify_meta=True)
