"""Benchmarks that print numbers: `python -m desktop.bench clean|summarize|speed|library|startup`."""
