"""Benchmarks and their data generators; not run by `make test` (see bench/README.md)."""
