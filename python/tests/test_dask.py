#!/usr/bin/env python3
"""lawreport.dask on a real Dask cluster: a LocalCluster of two worker
processes on the loopback gives what one process gives, over the corpus.

Run by CTest with Debian's python3 (python3-distributed):
  PYTHONPATH=build/dev/python /usr/bin/python3 python/tests/test_dask.py --root .
"""
import argparse
import glob
import os
import sys
import unittest

import pandas as pd

import lawreport
import lawreport.dask

ROOT = None


class OnALocalCluster(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from distributed import Client, LocalCluster
        os.chdir(ROOT)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1,
                                   processes=True, host='127.0.0.1',
                                   dashboard_address=None)
        cls.client = Client(cls.cluster)
        cls.paths = sorted(os.path.relpath(p, ROOT) for p in glob.glob(
            os.path.join(ROOT, 'tests', 'corpus', 'reports', '*.txt')))
        cls.paths += ['tests/fixtures/formats/rongan-2023.pdf',
                      'tests/fixtures/formats/open-gov-tables.docx']

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()

    def test_the_work_runs_in_two_worker_processes(self):
        pids = self.client.run(os.getpid)
        self.assertEqual(len(set(pids.values())), 2)
        self.assertNotIn(os.getpid(), pids.values())

    def test_indicators_frame_equals_one_process(self):
        frame = lawreport.dask.indicators_frame(self.paths, partition_size=5,
                                                jobs_per_partition=2)
        self.assertEqual(frame.npartitions, (len(self.paths) + 4) // 5)
        got = frame.compute().reset_index(drop=True)
        expected = lawreport.indicators(self.paths, jobs=2)
        self.assertGreater(len(expected), 1000)
        pd.testing.assert_frame_equal(got, expected)

    def test_extract_bag_equals_one_process_and_keeps_errors_as_records(self):
        # The frame above covers the whole corpus; documents for a share of it
        # and both containers, to keep the test quick.
        paths = (self.paths[:6] + self.paths[-2:] +
                 ['tests/fixtures/formats/truncated.pdf'])
        bag = lawreport.dask.extract_bag(paths, partition_size=3)
        got = bag.compute()
        self.assertEqual(len(got), len(paths))
        for path, document in zip(paths[:-1], got):
            self.assertEqual(document, lawreport.extract(path))
        self.assertEqual(got[-1]['source']['path'], paths[-1])
        with self.assertRaises(lawreport.FormatError) as caught:
            lawreport.extract(paths[-1])
        self.assertEqual(got[-1]['error'], caught.exception.message)
        issuers = bag.filter(lambda d: 'error' not in d).map(
            lambda d: d['document']['issuer']).compute()
        self.assertIn('融安县', issuers)

    def test_bytes_shipped_from_the_client_give_the_same_document(self):
        # docs/scale-out.md's recipe for workers without shared storage.
        path = 'tests/fixtures/formats/rongan-2023.pdf'
        with open(path, 'rb') as f:
            future = self.client.submit(lawreport.extract, f.read(), name=path,
                                        pure=False)
        self.assertEqual(future.result(), lawreport.extract(path))


def main():
    global ROOT
    parser = argparse.ArgumentParser()
    parser.add_argument('--root', required=True)
    args, rest = parser.parse_known_args()
    ROOT = os.path.abspath(args.root)
    unittest.main(argv=[sys.argv[0], *rest])


if __name__ == '__main__':
    main()
