"""benchmarks tests."""
