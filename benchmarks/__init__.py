"""Benchmarks (not tests): `make bench` runs them and writes BENCHMARKS.md."""
