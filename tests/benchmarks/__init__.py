"""Speed and memory benchmarks (`make bench`); not collected by pytest."""
