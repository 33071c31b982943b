"""Benchmarks: `python bench/run.py` (see README, Performance)."""
