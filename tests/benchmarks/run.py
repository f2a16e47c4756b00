"""`make bench`: runs the `main()` of every tests/benchmarks/bench_*.py module, in name order."""

from __future__ import annotations

import importlib
import pkgutil
import time

import tests.benchmarks as package


def main() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("bench_"))
    for name in names:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        importlib.import_module(f"tests.benchmarks.{name}").main()
        print(f"   ({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
