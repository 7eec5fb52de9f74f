"""``python -m benchmarks [apkg] [build] [pdf] [vault]``: run the benchmarks and print ratios."""

from __future__ import annotations

import sys

from benchmarks import apkg_bench, build_bench, pdf_bench, vault_bench

SUITES = {"apkg": apkg_bench.main, "build": build_bench.main, "pdf": pdf_bench.main, "vault": vault_bench.main}

if __name__ == "__main__":
    names = sys.argv[1:] or list(SUITES)
    for name in names:
        SUITES[name]()
